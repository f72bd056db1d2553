// Schnorr proof of knowledge of x for X = x·G (docs/protocol.md §12.1), non-interactive
// by Fiat–Shamir over a caller-chosen 32-byte context:
//   R = w·G,  c = H("CV/schnorr", group, context, X, R),  z = w + c·x
// Encoded as R(32) || z(32).
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/group.hpp"
#include "councilvote/crypto/random.hpp"

namespace cv::crypto {

inline constexpr std::size_t kSchnorrProofBytes = kPointBytes + kScalarBytes; // 64

struct SchnorrProof {
  Point commitment; // R = w·G
  Scalar response;  // z = w + c·x
  friend bool operator==(const SchnorrProof &, const SchnorrProof &) = default;
};

[[nodiscard]] Scalar schnorr_challenge(const ByteArray<32> &context, const Point &X, const Point &R);
[[nodiscard]] SchnorrProof schnorr_prove(const ByteArray<32> &context, const Point &X, const Scalar &x,
                                         Rng &rng = system_rng());
// Checks z·G == R + c·X; rejects an identity X or R.
[[nodiscard]] Result<void> schnorr_verify(const ByteArray<32> &context, const Point &X,
                                          const SchnorrProof &proof);

void encode_schnorr(ByteWriter &w, const SchnorrProof &proof);
// Validates: R a canonical non-identity point, z a canonical scalar.
[[nodiscard]] Result<SchnorrProof> decode_schnorr(ByteReader &r);

} // namespace cv::crypto
