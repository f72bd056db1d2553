// Passphrase-sealed files for secrets other than key files (a trustee's key share, a trustee's
// ceremony state), in the style of the key file (docs/protocol.md §13): Argon2id derives a key from
// the passphrase, XChaCha20-Poly1305-IETF encrypts, and the whole cleartext header is the associated
// data. The header names the file's purpose, so that one kind of sealed file is never opened as
// another.
//
//   offset  size  field
//   0       6     magic "CVSEAL"
//   6       1     version 1
//   7       1     KDF id 1 = Argon2id v1.3
//   8       4     u32 opslimit        (bounds of crypto::KdfParams: 1..16)
//   12      8     u64 memlimit        (8 KiB .. 1 GiB)
//   20      16    salt
//   36      24    nonce
//   60      4+P   str(purpose), 1..64 bytes of ASCII
//   64+P    n+16  ciphertext || tag
//
// Secrets in memory (the derived key, the plaintext) live in crypto::SecretBytes (sodium_malloc).
#pragma once

#include "councilvote/crypto/keyfile.hpp"
#include "councilvote/crypto/secret.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/json.hpp"

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace cv::client::roles {

inline constexpr std::size_t kSealedBlobMaxBytes = std::size_t{1} << 20;

// E_INVALID_ARGUMENT: empty passphrase, KDF parameters out of bounds, a purpose that is not 1..64
// printable ASCII characters, a plaintext larger than the maximum; E_INTERNAL: the KDF failed.
[[nodiscard]] protocol::Result<protocol::Bytes>
seal_blob(std::string_view purpose, protocol::ByteView plaintext, std::string_view passphrase,
          const crypto::KdfParams &params, crypto::Rng &rng = crypto::system_rng());

// Header checks before the KDF runs (magic, version, KDF id and bounds, the expected purpose, the
// length): E_INVALID_ARGUMENT naming the problem; then E_INVALID_ARGUMENT "wrong passphrase, or the
// file was modified" when the authentication fails; E_INTERNAL when the KDF fails.
[[nodiscard]] protocol::Result<crypto::SecretBytes>
open_blob(std::string_view purpose, protocol::ByteView sealed, std::string_view passphrase);

// seal_blob + write_file_atomic / read_binary_file + open_blob.
[[nodiscard]] protocol::Result<void> save_sealed_blob(const std::filesystem::path &path,
                                                      std::string_view purpose, protocol::ByteView plaintext,
                                                      std::string_view passphrase,
                                                      const crypto::KdfParams &params, bool overwrite);
[[nodiscard]] protocol::Result<crypto::SecretBytes>
load_sealed_blob(const std::filesystem::path &path, std::string_view purpose, std::string_view passphrase);

} // namespace cv::client::roles
