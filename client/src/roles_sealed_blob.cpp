#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/client/roles/sealed_blob.hpp"
#include "roles_common.hpp"

#include <sodium.h>

namespace cv::client::roles {

using protocol::Result;

namespace {

constexpr std::string_view kMagic = "CVSEAL";
constexpr std::uint8_t kVersion = 1;
constexpr std::uint8_t kKdfArgon2id13 = 1;
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kFixedHeaderBytes = 6 + 1 + 1 + 4 + 8 + kSaltBytes + kNonceBytes; // 60
constexpr std::size_t kMaxPurposeBytes = 64;
static_assert(kFixedHeaderBytes == 60);
static_assert(crypto::kKdfMinOpslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN);
static_assert(crypto::kKdfMinMemlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN);

Result<void> check_purpose(std::string_view purpose) {
  if (purpose.empty() || purpose.size() > kMaxPurposeBytes)
    return detail::invalid_argument("sealed file: the purpose must be 1..64 characters");
  for (char c : purpose)
    if (c < 0x21 || c > 0x7e)
      return detail::invalid_argument("sealed file: the purpose must be printable ASCII");
  return {};
}

Result<void> check_kdf(const crypto::KdfParams &p) {
  if (p.opslimit < crypto::kKdfMinOpslimit || p.opslimit > crypto::kKdfMaxOpslimit ||
      p.memlimit < crypto::kKdfMinMemlimit || p.memlimit > crypto::kKdfMaxMemlimit)
    return detail::invalid_argument("sealed file: KDF parameters (opslimit " + std::to_string(p.opslimit) +
                                    ", memlimit " + std::to_string(p.memlimit) + ") are out of bounds");
  return {};
}

Result<crypto::SecretBytes> derive_key(std::string_view passphrase, const crypto::KdfParams &kdf,
                                       protocol::ByteView salt) {
  crypto::SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(), kdf.opslimit,
                    static_cast<std::size_t>(kdf.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
    return detail::internal("sealed file: Argon2id failed (out of memory for " +
                            std::to_string(kdf.memlimit) + " bytes?)");
  return key;
}

} // namespace

Result<protocol::Bytes> seal_blob(std::string_view purpose, protocol::ByteView plaintext,
                                  std::string_view passphrase, const crypto::KdfParams &params,
                                  crypto::Rng &rng) {
  try {
    if (passphrase.empty()) return detail::invalid_argument("sealed file: the passphrase must not be empty");
    if (auto ok = check_purpose(purpose); !ok) return ok.error();
    if (auto ok = check_kdf(params); !ok) return ok.error();
    if (plaintext.size() > kSealedBlobMaxBytes - kFixedHeaderBytes - 4 - purpose.size() - kTagBytes)
      return detail::invalid_argument("sealed file: the contents are too large");
    protocol::ByteArray<kSaltBytes> salt{};
    protocol::ByteArray<kNonceBytes> nonce{};
    rng.fill(salt);
    rng.fill(nonce);
    crypto::ByteWriter w;
    w.fixed(crypto::as_bytes(kMagic));
    w.u8(kVersion);
    w.u8(kKdfArgon2id13);
    w.u32(params.opslimit);
    w.u64(params.memlimit);
    w.fixed(salt);
    w.fixed(nonce);
    w.str(purpose);
    auto key = derive_key(passphrase, params, salt);
    if (!key) return key.error();
    protocol::Bytes out = w.take();
    const std::size_t header = out.size();
    out.resize(header + plaintext.size() + kTagBytes);
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + header, nullptr, plaintext.data(),
                                                   plaintext.size(), out.data(), header, nullptr,
                                                   nonce.data(), key->data()) != 0)
      return detail::internal("sealed file: XChaCha20-Poly1305 encryption failed");
    return out;
  } catch (...) {
    return detail::internal("out of memory while sealing");
  }
}

Result<crypto::SecretBytes> open_blob(std::string_view purpose, protocol::ByteView sealed,
                                      std::string_view passphrase) {
  try {
    auto bad = [](const std::string &m) { return detail::invalid_argument("sealed file: " + m); };
    if (auto ok = check_purpose(purpose); !ok) return ok.error();
    if (sealed.size() > kSealedBlobMaxBytes) return bad("larger than any valid sealed file");
    crypto::ByteReader r(sealed);
    auto magic = r.fixed(kMagic.size(), "magic");
    if (!magic || !crypto::ct_equal(*magic, crypto::as_bytes(kMagic)))
      return bad("bad magic (not a CouncilVote sealed file)");
    auto version = r.u8("version");
    if (!version || *version != kVersion) return bad("unsupported format version");
    auto alg = r.u8("KDF id");
    if (!alg || *alg != kKdfArgon2id13) return bad("unknown KDF algorithm");
    auto ops = r.u32("opslimit");
    auto mem_lo = ops ? r.u32("memlimit") : crypto::Result<std::uint32_t>(ops.error());
    auto mem_hi = mem_lo ? r.u32("memlimit") : crypto::Result<std::uint32_t>(mem_lo.error());
    if (!mem_hi) return bad("truncated header");
    const crypto::KdfParams kdf{*ops, (std::uint64_t{*mem_hi} << 32) | *mem_lo};
    if (auto ok = check_kdf(kdf); !ok) return ok.error();
    auto salt = r.fixed(kSaltBytes, "salt");
    auto nonce = salt ? r.fixed(kNonceBytes, "nonce") : crypto::Result<protocol::ByteView>(salt.error());
    if (!nonce) return bad("truncated header");
    auto stored_purpose = r.str("purpose", kMaxPurposeBytes);
    if (!stored_purpose) return bad("truncated header");
    if (*stored_purpose != purpose)
      return bad("this file holds a \"" + *stored_purpose + "\", not a \"" + std::string(purpose) + "\"");
    const std::size_t header = r.position();
    if (r.remaining() < kTagBytes) return bad("truncated");
    auto key = derive_key(passphrase, kdf, *salt);
    if (!key) return key.error();
    crypto::SecretBytes pt(r.remaining() - kTagBytes);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(pt.data(), nullptr, nullptr, sealed.data() + header,
                                                   sealed.size() - header, sealed.data(), header,
                                                   nonce->data(), key->data()) != 0)
      return bad("wrong passphrase, or the file was modified or corrupted (authentication failed)");
    return pt;
  } catch (...) {
    return detail::internal("out of memory while opening a sealed file");
  }
}

Result<void> save_sealed_blob(const std::filesystem::path &path, std::string_view purpose,
                              protocol::ByteView plaintext, std::string_view passphrase,
                              const crypto::KdfParams &params, bool overwrite) {
  auto sealed = seal_blob(purpose, plaintext, passphrase, params);
  if (!sealed) return sealed.error();
  return write_file_atomic(path, *sealed, overwrite);
}

Result<crypto::SecretBytes> load_sealed_blob(const std::filesystem::path &path, std::string_view purpose,
                                             std::string_view passphrase) {
  auto bytes = read_binary_file(path, kSealedBlobMaxBytes);
  if (!bytes) return bytes.error();
  auto pt = open_blob(purpose, *bytes, passphrase);
  if (!pt) {
    auto e = pt.error();
    e.message = path.string() + ": " + e.message;
    return e;
  }
  return pt;
}

} // namespace cv::client::roles
