// X25519 key pairs for libsodium crypto_box: trustees receive their key shares with them
// (threshold.hpp), and they are kept in the trustee's key file (keyfile.hpp).
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/secret.hpp"

namespace cv::crypto {

inline constexpr std::size_t kBoxPublicKeyBytes = 32; // crypto_box_PUBLICKEYBYTES
inline constexpr std::size_t kBoxSecretKeyBytes = 32; // crypto_box_SECRETKEYBYTES
using BoxPublicKey = ByteArray<kBoxPublicKeyBytes>;

struct BoxKeyPair {
  SecretBytes secret{kBoxSecretKeyBytes}; // sodium_malloc'd
  BoxPublicKey public_key{};

  [[nodiscard]] static BoxKeyPair generate(Rng &rng = system_rng());
  // public_key = X25519(secret, 9), as crypto_box_keypair computes it. Fails only on a wrong size.
  [[nodiscard]] static Result<BoxKeyPair> from_secret(ByteView secret32);
};

} // namespace cv::crypto
