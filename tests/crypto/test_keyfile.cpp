#include "councilvote/crypto/init.hpp"
#include "councilvote/crypto/keyfile.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sodium.h>
#include <sys/stat.h>

using namespace cv::crypto;

namespace {

constexpr std::string_view kPass = "correct horse battery staple";
constexpr KdfParams kFast = KdfParams::insecure_fast();

// Header offsets (docs/protocol.md §13.2).
constexpr std::size_t kOffVersion = 5, kOffAlg = 6, kOffOps = 7, kOffMem = 11, kOffSalt = 19;

KeyFileContents sample(std::string_view seed_label = "keyfile-test") {
  auto rng = DeterministicRng::from_label(seed_label);
  return KeyFileContents::generate("Member 17 \xe2\x80\x94 Ada Lovelace", "trustee", rng);
}

Bytes sealed_sample() {
  auto rng = DeterministicRng::from_label("keyfile-seal");
  auto f = seal_key_file(sample(), kPass, kFast, rng);
  REQUIRE(f);
  return *f;
}

void put_le(Bytes &f, std::size_t off, std::uint64_t v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) f[off + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

bool contains(const Error &e, std::string_view s) { return e.message.find(s) != std::string::npos; }

} // namespace

TEST_CASE("key file round trip keeps label, role and working keys", "[keyfile]") {
  const auto orig = sample();
  const auto file = sealed_sample();
  CHECK(file.size() ==
        kKeyFileHeaderBytes + 4 + orig.label.size() + 4 + orig.role.size() + 64 + kKeyFileTagBytes);
  CHECK(std::string(file.begin(), file.begin() + 5) == "CVKEY");

  auto opened = open_key_file(file, kPass);
  REQUIRE(opened);
  CHECK(opened->label == orig.label);
  CHECK(opened->role == orig.role);
  CHECK(opened->signing.public_key == orig.signing.public_key);
  CHECK(ct_equal(opened->signing.secret.view(), orig.signing.secret.view()));
  CHECK(opened->box.public_key == orig.box.public_key);
  CHECK(ct_equal(opened->box.secret.view(), orig.box.secret.view()));

  const auto msg = as_bytes("ballot receipt");
  const auto sig = sign(opened->signing, "test", msg);
  CHECK(verify_signature(orig.signing.public_key, "test", msg, sig));

  // The box key pair is a working X25519 pair: both sides derive the same shared key.
  const auto peer = BoxKeyPair::generate();
  ByteArray<crypto_box_BEFORENMBYTES> k1{}, k2{};
  REQUIRE(crypto_box_beforenm(k1.data(), peer.public_key.data(), opened->box.secret.data()) == 0);
  REQUIRE(crypto_box_beforenm(k2.data(), orig.box.public_key.data(), peer.secret.data()) == 0);
  CHECK(k1 == k2);

  // The header is readable without the passphrase.
  auto h = read_key_file_header(file);
  REQUIRE(h);
  CHECK(h->version == kKeyFileVersion);
  CHECK(h->kdf.opslimit == kFast.opslimit);
  CHECK(h->kdf.memlimit == kFast.memlimit);

  // Fresh salt and nonce every time.
  auto again = seal_key_file(orig, kPass, kFast);
  REQUIRE(again);
  CHECK(*again != file);
  CHECK(open_key_file(*again, kPass));
}

TEST_CASE("key file: wrong passphrase is decryption_failed", "[keyfile]") {
  const auto file = sealed_sample();
  for (std::string_view wrong : {"correct horse battery stapl", "Correct horse battery staple", ""}) {
    auto r = open_key_file(file, wrong);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::decryption_failed);
    CHECK(contains(r.error(), "wrong passphrase"));
  }
}

TEST_CASE("key file: flipping any single byte fails with the right error", "[keyfile]") {
  const auto file = sealed_sample();
  for (std::size_t i = 0; i < file.size(); ++i) {
    for (std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}}) {
      Bytes f = file;
      f[i] ^= mask;
      auto r = open_key_file(f, kPass);
      INFO("byte " << i << " mask " << int{mask});
      REQUIRE_FALSE(r);
      const auto code = r.error().code;
      if (i < kOffOps) // magic, version, KDF id
        CHECK(code == Errc::invalid_encoding);
      else if (i < kOffSalt) // KDF params: out of bounds, or in bounds and then authentication fails
        CHECK((code == Errc::invalid_encoding || code == Errc::decryption_failed));
      else // salt, nonce, ciphertext, tag
        CHECK(code == Errc::decryption_failed);
    }
  }
}

TEST_CASE("key file: truncated or extended files are rejected", "[keyfile]") {
  const auto file = sealed_sample();
  for (std::size_t n = 0; n < file.size(); ++n) {
    auto r = open_key_file(ByteView(file).first(n), kPass);
    INFO("length " << n);
    REQUIRE_FALSE(r);
    if (n < kKeyFileHeaderBytes) {
      CHECK(r.error().code == Errc::invalid_encoding);
      CHECK(contains(r.error(), "truncated"));
    } else {
      CHECK((r.error().code == Errc::invalid_encoding || r.error().code == Errc::decryption_failed));
    }
  }
  Bytes longer = file;
  longer.push_back(0);
  CHECK(open_key_file(longer, kPass).error().code == Errc::decryption_failed);
  Bytes huge = file;
  huge.resize(kKeyFileMaxBytes + 1);
  auto r = open_key_file(huge, kPass);
  CHECK(r.error().code == Errc::invalid_encoding);
  CHECK(contains(r.error(), "larger than any valid key file"));
}

TEST_CASE("key file: bad magic and unknown version or KDF are invalid_encoding", "[keyfile]") {
  const auto file = sealed_sample();

  Bytes f = file;
  f[4] = 'Z';
  auto r = open_key_file(f, kPass);
  CHECK(r.error().code == Errc::invalid_encoding);
  CHECK(contains(r.error(), "bad magic"));
  const std::string text = "This is not a key file at all, just some text that is long enough to pass.";
  CHECK(contains(open_key_file(as_bytes(text), kPass).error(), "bad magic"));

  f = file;
  f[kOffVersion] = 2;
  r = open_key_file(f, kPass);
  CHECK(r.error().code == Errc::invalid_encoding);
  CHECK(contains(r.error(), "unsupported format version 2"));

  f = file;
  f[kOffAlg] = 2;
  r = open_key_file(f, kPass);
  CHECK(r.error().code == Errc::invalid_encoding);
  CHECK(contains(r.error(), "unknown KDF algorithm id 2"));
}

TEST_CASE("key file: hostile KDF parameters are rejected before the KDF runs", "[keyfile]") {
  const auto file = sealed_sample();
  // Had any of these reached Argon2id it would have tried to allocate up to 16 EiB (system_error)
  // or run for days; they must instead fail header validation.
  struct Case {
    std::size_t off, n;
    std::uint64_t value;
    const char *field;
  };
  const Case cases[] = {
      {kOffMem, 8, std::uint64_t{100} << 30, "memlimit"}, // 100 GiB
      {kOffMem, 8, kKdfMaxMemlimit + 1, "memlimit"},
      {kOffMem, 8, ~std::uint64_t{0}, "memlimit"},
      {kOffMem, 8, kKdfMinMemlimit - 1, "memlimit"},
      {kOffMem, 8, 0, "memlimit"},
      {kOffOps, 4, 0xffffffff, "opslimit"},
      {kOffOps, 4, kKdfMaxOpslimit + 1, "opslimit"},
      {kOffOps, 4, 0, "opslimit"},
  };
  for (const auto &c : cases) {
    Bytes f = file;
    put_le(f, c.off, c.value, c.n);
    INFO(c.field << " = " << c.value);
    auto h = read_key_file_header(f);
    REQUIRE_FALSE(h);
    CHECK(h.error().code == Errc::invalid_encoding);
    CHECK(contains(h.error(), c.field));
    auto r = open_key_file(f, kPass);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_encoding);
  }
  // The same bounds apply when sealing.
  for (KdfParams p : {KdfParams{0, 8192}, KdfParams{kKdfMaxOpslimit + 1, 8192},
                      KdfParams{1, kKdfMaxMemlimit + 1}, KdfParams{1, 1024}}) {
    auto s = seal_key_file(sample(), kPass, p);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == Errc::invalid_argument);
  }
}

TEST_CASE("key file: seal rejects bad contents", "[keyfile]") {
  auto c = sample();
  CHECK(seal_key_file(c, "", kFast).error().code == Errc::invalid_argument);
  for (std::string bad : {std::string(), std::string(kKeyFileMaxLabelBytes + 1, 'a'), std::string("\xff"),
                          std::string("a\nb"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80")}) {
    auto b = c;
    b.label = bad;
    auto r = seal_key_file(b, kPass, kFast);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_argument);
  }
  auto b = c;
  b.role = std::string(kKeyFileMaxRoleBytes + 1, 'r');
  CHECK(seal_key_file(b, kPass, kFast).error().code == Errc::invalid_argument);
  b = c;
  b.signing.public_key[0] ^= 1;
  CHECK(seal_key_file(b, kPass, kFast).error().code == Errc::invalid_argument);
  b = c;
  b.box.public_key[0] ^= 1;
  CHECK(seal_key_file(b, kPass, kFast).error().code == Errc::invalid_argument);
  b = c;
  b.label = std::string(kKeyFileMaxLabelBytes, 'x');
  b.role = std::string(kKeyFileMaxRoleBytes, 'y');
  auto big = seal_key_file(b, kPass, kFast);
  REQUIRE(big);
  CHECK(big->size() <= kKeyFileMaxBytes);
  CHECK(open_key_file(*big, kPass));
}

TEST_CASE("key file: sealing is deterministic given the RNG", "[keyfile]") {
  CHECK(sealed_sample() == sealed_sample());
}

TEST_CASE("key file: save and load through a path, mode 0600", "[keyfile]") {
  namespace fs = std::filesystem;
  ByteArray<8> rnd{};
  system_rng().fill(rnd);
  const fs::path dir = fs::temp_directory_path() / ("cv-keyfile-test-" + to_hex(rnd));
  REQUIRE(fs::create_directory(dir));
  const fs::path path = dir / "member-17.cvkey";
  const auto orig = sample();

  REQUIRE(save_key_file(path, orig, kPass, kFast));
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  auto loaded = load_key_file(path, kPass);
  REQUIRE(loaded);
  CHECK(loaded->label == orig.label);
  CHECK(loaded->signing.public_key == orig.signing.public_key);
  CHECK(load_key_file(path, "nope").error().code == Errc::decryption_failed);

  // Never silently replaces an existing key file; does so when asked, atomically.
  auto again = save_key_file(path, orig, "another passphrase", kFast);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == Errc::system_error);
  CHECK(contains(again.error(), "already exists"));
  CHECK(load_key_file(path, kPass));
  REQUIRE(save_key_file(path, orig, "another passphrase", kFast, /*overwrite=*/true));
  CHECK(load_key_file(path, "another passphrase"));
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  // No temporary files left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 1);

  auto missing = load_key_file(dir / "absent.cvkey", kPass);
  CHECK(missing.error().code == Errc::system_error);
  CHECK(contains(missing.error(), "absent.cvkey"));

  const fs::path junk = dir / "junk.cvkey";
  std::ofstream(junk) << std::string(10000, 'x');
  CHECK(load_key_file(junk, kPass).error().code == Errc::invalid_encoding);

  fs::remove_all(dir);
}

TEST_CASE("known-answer self-tests pass", "[selftest]") {
  auto r = run_self_tests();
  INFO((r ? std::string() : r.error().message));
  CHECK(r);
  CHECK(init());
}
