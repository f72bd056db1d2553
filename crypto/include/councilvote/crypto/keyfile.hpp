// Encrypted-at-rest key files for council members and trustees (docs/protocol.md §13).
//
// A key file holds a label, a role hint, an Ed25519 signing key and an X25519 (crypto_box) key
// pair. The secrets are sealed with XChaCha20-Poly1305-IETF under a key derived from a passphrase
// with Argon2id; the whole cleartext header is the associated data. The header is validated
// (magic, version, KDF bounds) before the KDF runs, so a hostile file cannot make us allocate
// unbounded memory or burn unbounded CPU.
#pragma once

#include "councilvote/crypto/box.hpp"
#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/secret.hpp"
#include "councilvote/crypto/sign.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace cv::crypto {

inline constexpr std::size_t kKeyFileMaxLabelBytes = 256;
inline constexpr std::size_t kKeyFileMaxRoleBytes = 64;

struct KeyFileContents {
  std::string label; // member number / name, UTF-8, 1..256 bytes
  std::string role;  // role hint ("member", "trustee", ...), UTF-8, 0..64 bytes
  SigningKey signing;
  BoxKeyPair box; // X25519 crypto_box key pair (trustees receive their key shares with it)

  [[nodiscard]] static KeyFileContents generate(std::string label, std::string role, Rng &rng = system_rng());
};

// Argon2id13 cost parameters as stored in the file.
struct KdfParams {
  std::uint32_t opslimit = 3;          // crypto_pwhash_OPSLIMIT_MODERATE
  std::uint64_t memlimit = 256u << 20; // crypto_pwhash_MEMLIMIT_MODERATE (bytes)

  // Real use (the default): about a second and 256 MiB.
  [[nodiscard]] static constexpr KdfParams moderate() noexcept { return {}; }
  // libsodium's minimum (1 pass, 8 KiB): for tests only, offers almost no brute-force resistance.
  [[nodiscard]] static constexpr KdfParams insecure_fast() noexcept { return {1, 8192}; }
};

// Bounds accepted when sealing and when opening: libsodium's Argon2id minimums, and caps that
// admit crypto_pwhash_*_SENSITIVE (4 passes, 1 GiB) but nothing that could exhaust the machine.
inline constexpr std::uint32_t kKdfMinOpslimit = 1;
inline constexpr std::uint32_t kKdfMaxOpslimit = 16;
inline constexpr std::uint64_t kKdfMinMemlimit = 8192;
inline constexpr std::uint64_t kKdfMaxMemlimit = std::uint64_t{1} << 30;

inline constexpr std::uint8_t kKeyFileVersion = 1;
inline constexpr std::uint8_t kKdfArgon2id13 = 1;
inline constexpr std::size_t kKeyFileSaltBytes = 16;   // crypto_pwhash_SALTBYTES
inline constexpr std::size_t kKeyFileNonceBytes = 24;  // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
inline constexpr std::size_t kKeyFileTagBytes = 16;    // crypto_aead_xchacha20poly1305_ietf_ABYTES
inline constexpr std::size_t kKeyFileHeaderBytes = 59; // 5 + 1 + 1 + 4 + 8 + 16 + 24
inline constexpr std::size_t kKeyFileMaxBytes = 4096;  // far above the largest valid file

// The cleartext header, readable without the passphrase.
struct KeyFileHeader {
  std::uint8_t version = kKeyFileVersion;
  KdfParams kdf;
  ByteArray<kKeyFileSaltBytes> salt{};
  ByteArray<kKeyFileNonceBytes> nonce{};
};

// Parses and validates the header (magic, version, KDF id and bounds, minimum total length).
// Errors: Errc::invalid_encoding with a message naming the field.
[[nodiscard]] Result<KeyFileHeader> read_key_file_header(ByteView file);

// Errors: Errc::invalid_argument (empty passphrase, KDF params out of bounds, bad label/role),
// Errc::system_error (the KDF could not allocate its memory).
[[nodiscard]] Result<Bytes> seal_key_file(const KeyFileContents &contents, std::string_view passphrase,
                                          const KdfParams &params, Rng &rng = system_rng());

// Errors: Errc::invalid_encoding (bad header, checked before the KDF runs; or a malformed
// plaintext), Errc::decryption_failed (wrong passphrase, or the file was modified),
// Errc::system_error (the KDF could not allocate its memory).
[[nodiscard]] Result<KeyFileContents> open_key_file(ByteView file, std::string_view passphrase);

// Seals and writes atomically: a temporary file (mode 0600) in the same directory, fsync, then
// rename (or, without `overwrite`, link + unlink so an existing key file is never replaced), and
// fsync of the directory. Errors: those of seal_key_file, or Errc::system_error naming the step.
[[nodiscard]] Result<void> save_key_file(const std::filesystem::path &path, const KeyFileContents &contents,
                                         std::string_view passphrase, const KdfParams &params,
                                         bool overwrite = false, Rng &rng = system_rng());

// Reads (at most kKeyFileMaxBytes) and opens. Errors: those of open_key_file, or Errc::system_error.
[[nodiscard]] Result<KeyFileContents> load_key_file(const std::filesystem::path &path,
                                                    std::string_view passphrase);

} // namespace cv::crypto
