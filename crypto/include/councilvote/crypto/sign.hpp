// Ed25519 signatures (libsodium crypto_sign_detached) with a domain tag: the signed message is
//   "CouncilVote/1" || var(tag) || message
// (docs/protocol.md §4), so a signature made for one purpose never verifies for another.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/secret.hpp"

#include <string_view>

namespace cv::crypto {

inline constexpr std::size_t kSignPublicKeyBytes = 32;
inline constexpr std::size_t kSignSecretKeyBytes = 64; // libsodium layout: seed || public key
inline constexpr std::size_t kSignSeedBytes = 32;
inline constexpr std::size_t kSignatureBytes = 64;

using SignPublicKey = ByteArray<kSignPublicKeyBytes>;
using Signature = ByteArray<kSignatureBytes>;

struct SigningKey {
  SecretBytes secret{kSignSecretKeyBytes}; // sodium_malloc'd
  SignPublicKey public_key{};

  [[nodiscard]] static SigningKey generate(Rng &rng = system_rng());
  [[nodiscard]] static SigningKey from_seed(ByteView seed32);
  [[nodiscard]] ByteView seed() const noexcept { return secret.view().first(kSignSeedBytes); }
};

[[nodiscard]] Bytes signing_input(std::string_view tag, ByteView message);
[[nodiscard]] Signature sign(const SigningKey &key, std::string_view tag, ByteView message);
[[nodiscard]] Result<void> verify_signature(const SignPublicKey &pk, std::string_view tag, ByteView message,
                                            const Signature &sig);

} // namespace cv::crypto
