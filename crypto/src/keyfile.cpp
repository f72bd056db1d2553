#include "councilvote/crypto/keyfile.hpp"

#include "councilvote/crypto/file_io.hpp"
#include "councilvote/crypto/utf8.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cv::crypto {

namespace {

constexpr std::string_view kMagic = "CVKEY";

static_assert(kBoxPublicKeyBytes == crypto_box_PUBLICKEYBYTES &&
              kBoxSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kKeyFileSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(kKeyFileNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kKeyFileTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kKeyFileHeaderBytes == kMagic.size() + 1 + 1 + 4 + 8 + kKeyFileSaltBytes + kKeyFileNonceBytes);
static_assert(KdfParams::moderate().opslimit == crypto_pwhash_OPSLIMIT_MODERATE);
static_assert(KdfParams::moderate().memlimit == crypto_pwhash_MEMLIMIT_MODERATE);
static_assert(kKdfMinOpslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN);
static_assert(kKdfMinMemlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN);
static_assert(kKdfMaxOpslimit <= crypto_pwhash_argon2id_OPSLIMIT_MAX);
static_assert(kKdfMaxMemlimit <= crypto_pwhash_argon2id_MEMLIMIT_MAX && kKdfMaxMemlimit <= SIZE_MAX);

// Plaintext: var(label) || var(role) || Ed25519 seed (32) || X25519 secret key (32).
constexpr std::size_t kMinPlaintextBytes = 4 + 1 + 4 + kSignSeedBytes + kBoxSecretKeyBytes;
constexpr std::size_t kMinFileBytes = kKeyFileHeaderBytes + kMinPlaintextBytes + kKeyFileTagBytes;
static_assert(kKeyFileHeaderBytes + 4 + kKeyFileMaxLabelBytes + 4 + kKeyFileMaxRoleBytes + kSignSeedBytes +
                  kBoxSecretKeyBytes + kKeyFileTagBytes <=
              kKeyFileMaxBytes);

Error with_prefix(const Error &e, std::string_view prefix) {
  return make_error(e.code, std::string(prefix) + e.message);
}

Error sys_error(const std::string &what, int err) {
  return make_error(Errc::system_error, "key file: " + what + ": " + std::strerror(err));
}

std::optional<std::string> check_text(std::string_view label, std::string_view role) {
  if (label.empty() || label.size() > kKeyFileMaxLabelBytes)
    return "label must be 1.." + std::to_string(kKeyFileMaxLabelBytes) + " bytes, got " +
           std::to_string(label.size());
  if (role.size() > kKeyFileMaxRoleBytes)
    return "role must be at most " + std::to_string(kKeyFileMaxRoleBytes) + " bytes, got " +
           std::to_string(role.size());
  if (!is_utf8_text(label)) return std::string("label is not valid UTF-8 text");
  if (!is_utf8_text(role)) return std::string("role is not valid UTF-8 text");
  return std::nullopt;
}

Result<void> check_kdf(const KdfParams &p, Errc code) {
  if (p.opslimit < kKdfMinOpslimit || p.opslimit > kKdfMaxOpslimit)
    return make_error(code, "key file: KDF opslimit " + std::to_string(p.opslimit) + " is outside [" +
                                std::to_string(kKdfMinOpslimit) + ", " + std::to_string(kKdfMaxOpslimit) +
                                "]");
  if (p.memlimit < kKdfMinMemlimit || p.memlimit > kKdfMaxMemlimit)
    return make_error(code, "key file: KDF memlimit " + std::to_string(p.memlimit) + " bytes is outside [" +
                                std::to_string(kKdfMinMemlimit) + ", " + std::to_string(kKdfMaxMemlimit) +
                                "]");
  return {};
}

Bytes encode_header(const KeyFileHeader &h) {
  ByteWriter w;
  w.fixed(as_bytes(kMagic));
  w.u8(h.version);
  w.u8(kKdfArgon2id13);
  w.u32(h.kdf.opslimit);
  w.u32(static_cast<std::uint32_t>(h.kdf.memlimit)); // u64 little-endian: low half, high half
  w.u32(static_cast<std::uint32_t>(h.kdf.memlimit >> 32));
  w.fixed(h.salt);
  w.fixed(h.nonce);
  return w.take();
}

// Only called with a validated header, so memlimit is bounded.
Result<SecretBytes> derive_key(std::string_view passphrase, const KeyFileHeader &h) {
  SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), h.salt.data(),
                    h.kdf.opslimit, static_cast<std::size_t>(h.kdf.memlimit),
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    return make_error(Errc::system_error, "key file: Argon2id failed (out of memory for " +
                                              std::to_string(h.kdf.memlimit) + " bytes?)");
  return key;
}

SecretBytes encode_plaintext(const KeyFileContents &c) {
  SecretBytes pt(4 + c.label.size() + 4 + c.role.size() + kSignSeedBytes + kBoxSecretKeyBytes);
  std::size_t pos = 0;
  auto put = [&](ByteView b) {
    if (!b.empty()) std::memcpy(pt.data() + pos, b.data(), b.size());
    pos += b.size();
  };
  auto put_var = [&](std::string_view s) {
    ByteWriter len;
    len.u32(static_cast<std::uint32_t>(s.size()));
    put(len.bytes());
    put(as_bytes(s));
  };
  put_var(c.label);
  put_var(c.role);
  put(c.signing.seed());
  put(c.box.secret.view());
  return pt;
}

Result<KeyFileContents> decode_plaintext(ByteView pt) {
  constexpr std::string_view prefix = "key file plaintext: ";
  ByteReader r(pt);
  auto label = r.str("label", kKeyFileMaxLabelBytes);
  if (!label) return with_prefix(label.error(), prefix);
  auto role = r.str("role", kKeyFileMaxRoleBytes);
  if (!role) return with_prefix(role.error(), prefix);
  auto seed = r.fixed(kSignSeedBytes, "Ed25519 seed");
  if (!seed) return with_prefix(seed.error(), prefix);
  auto box_sk = r.fixed(kBoxSecretKeyBytes, "X25519 secret key");
  if (!box_sk) return with_prefix(box_sk.error(), prefix);
  if (auto end = r.expect_end("end"); !end) return with_prefix(end.error(), prefix);
  if (auto bad = check_text(*label, *role))
    return make_error(Errc::invalid_encoding, std::string(prefix) + *bad);
  return KeyFileContents{std::move(*label), std::move(*role), SigningKey::from_seed(*seed),
                         BoxKeyPair::from_secret(*box_sk).value()};
}

// The public keys must be the ones derived from the secrets: otherwise the file would silently
// open to different public keys than the caller holds.
Result<void> check_keys(const KeyFileContents &c) {
  if (c.signing.secret.size() != kSignSecretKeyBytes || c.box.secret.size() != kBoxSecretKeyBytes)
    return make_error(Errc::invalid_argument, "key file: signing or box secret key is missing");
  if (!ct_equal(SigningKey::from_seed(c.signing.seed()).public_key, c.signing.public_key))
    return make_error(Errc::invalid_argument, "key file: signing public key does not match its secret key");
  if (!ct_equal(BoxKeyPair::from_secret(c.box.secret.view())->public_key, c.box.public_key))
    return make_error(Errc::invalid_argument, "key file: box public key does not match its secret key");
  return {};
}

} // namespace

KeyFileContents KeyFileContents::generate(std::string label, std::string role, Rng &rng) {
  auto signing = SigningKey::generate(rng);
  auto box = BoxKeyPair::generate(rng);
  return {std::move(label), std::move(role), std::move(signing), std::move(box)};
}

Result<KeyFileHeader> read_key_file_header(ByteView file) {
  constexpr std::string_view prefix = "key file: ";
  ByteReader r(file);
  auto magic = r.fixed(kMagic.size(), "magic");
  if (!magic) return with_prefix(magic.error(), prefix);
  if (!ct_equal(*magic, as_bytes(kMagic)))
    return make_error(Errc::invalid_encoding, "key file: bad magic (not a CouncilVote key file)");
  KeyFileHeader h;
  auto version = r.u8("format version");
  if (!version) return with_prefix(version.error(), prefix);
  if (*version != kKeyFileVersion)
    return make_error(Errc::invalid_encoding, "key file: unsupported format version " +
                                                  std::to_string(*version) + " (this build reads version " +
                                                  std::to_string(kKeyFileVersion) + ")");
  h.version = *version;
  auto alg = r.u8("KDF algorithm");
  if (!alg) return with_prefix(alg.error(), prefix);
  if (*alg != kKdfArgon2id13)
    return make_error(Errc::invalid_encoding, "key file: unknown KDF algorithm id " + std::to_string(*alg) +
                                                  " (expected " + std::to_string(kKdfArgon2id13) +
                                                  " = Argon2id v1.3)");
  auto ops = r.u32("KDF opslimit");
  if (!ops) return with_prefix(ops.error(), prefix);
  auto mem_lo = r.u32("KDF memlimit");
  if (!mem_lo) return with_prefix(mem_lo.error(), prefix);
  auto mem_hi = r.u32("KDF memlimit");
  if (!mem_hi) return with_prefix(mem_hi.error(), prefix);
  h.kdf = {*ops, (std::uint64_t{*mem_hi} << 32) | *mem_lo};
  if (auto ok = check_kdf(h.kdf, Errc::invalid_encoding); !ok) return ok.error();
  auto salt = r.array<kKeyFileSaltBytes>("salt");
  if (!salt) return with_prefix(salt.error(), prefix);
  auto nonce = r.array<kKeyFileNonceBytes>("nonce");
  if (!nonce) return with_prefix(nonce.error(), prefix);
  h.salt = *salt;
  h.nonce = *nonce;
  if (file.size() < kMinFileBytes)
    return make_error(Errc::invalid_encoding, "key file: truncated: " + std::to_string(file.size()) +
                                                  " bytes, a valid key file has at least " +
                                                  std::to_string(kMinFileBytes));
  if (file.size() > kKeyFileMaxBytes)
    return make_error(Errc::invalid_encoding, "key file: " + std::to_string(file.size()) +
                                                  " bytes, larger than any valid key file (" +
                                                  std::to_string(kKeyFileMaxBytes) + ")");
  return h;
}

Result<Bytes> seal_key_file(const KeyFileContents &contents, std::string_view passphrase,
                            const KdfParams &params, Rng &rng) {
  if (passphrase.empty()) return make_error(Errc::invalid_argument, "key file: passphrase must not be empty");
  if (auto ok = check_kdf(params, Errc::invalid_argument); !ok) return ok.error();
  if (auto bad = check_text(contents.label, contents.role))
    return make_error(Errc::invalid_argument, "key file: " + *bad);
  if (auto ok = check_keys(contents); !ok) return ok.error();

  KeyFileHeader h;
  h.kdf = params;
  rng.fill(h.salt);
  rng.fill(h.nonce);
  auto key = derive_key(passphrase, h);
  if (!key) return key.error();
  const SecretBytes pt = encode_plaintext(contents);
  Bytes out = encode_header(h);
  out.resize(kKeyFileHeaderBytes + pt.size() + kKeyFileTagBytes);
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kKeyFileHeaderBytes, nullptr, pt.data(),
                                                 pt.size(), out.data(), kKeyFileHeaderBytes, nullptr,
                                                 h.nonce.data(), key->data()) != 0)
    return make_error(Errc::system_error, "key file: XChaCha20-Poly1305 encryption failed");
  return out;
}

Result<KeyFileContents> open_key_file(ByteView file, std::string_view passphrase) {
  auto h = read_key_file_header(file); // before the KDF: bounds its cost
  if (!h) return h.error();
  auto key = derive_key(passphrase, *h);
  if (!key) return key.error();
  const ByteView header = file.first(kKeyFileHeaderBytes), sealed = file.subspan(kKeyFileHeaderBytes);
  SecretBytes pt(sealed.size() - kKeyFileTagBytes);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(pt.data(), nullptr, nullptr, sealed.data(), sealed.size(),
                                                 header.data(), header.size(), h->nonce.data(),
                                                 key->data()) != 0)
    return make_error(
        Errc::decryption_failed,
        "key file: wrong passphrase, or the file was modified or corrupted (authentication failed)");
  return decode_plaintext(pt.view());
}

Result<void> save_key_file(const std::filesystem::path &path, const KeyFileContents &contents,
                           std::string_view passphrase, const KdfParams &params, bool overwrite, Rng &rng) {
  auto sealed = seal_key_file(contents, passphrase, params, rng);
  if (!sealed) return sealed.error();

  if (auto ok = write_file_atomic(path, *sealed, overwrite); !ok)
    return make_error(Errc::system_error, "key file: " + ok.error().message);
  return {};
}

Result<KeyFileContents> load_key_file(const std::filesystem::path &path, std::string_view passphrase) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return sys_error("cannot open " + path.string(), errno);
  Bytes buf(kKeyFileMaxBytes + 1); // one more than allowed, so an oversized file is reported as such
  std::size_t got = 0;
  while (got < buf.size()) {
    const ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return sys_error("read " + path.string(), err);
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  buf.resize(got);
  return open_key_file(buf, passphrase);
}

} // namespace cv::crypto
