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
// A public key that may be registered (docs/protocol.md §4.1): the canonical encoding of a point of
// the prime-order subgroup other than the identity (libsodium's crypto_core_ed25519_is_valid_point).
// Errc::identity_point for the identity, Errc::invalid_encoding for a non-canonical encoding, a
// point not on the curve, a small-order point or one outside the subgroup.
[[nodiscard]] Result<void> check_sign_public_key(const SignPublicKey &pk);
// libsodium's strict Ed25519 verification (docs/protocol.md §4.1).
[[nodiscard]] Result<void> verify_signature(const SignPublicKey &pk, std::string_view tag, ByteView message,
                                            const Signature &sig);

} // namespace cv::crypto
