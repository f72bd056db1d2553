// Chaum–Pedersen proof that a partial decryption D = s·alpha uses the same s as the trustee's public
// verification share P = s·G (docs/protocol.md §12.6):
//   a = w·G,  b = w·alpha,  c = H("CV/partial-decryption", ...),  z = w + c·s
// The proof carries its commitments (a, b) rather than the challenge, so many proofs can be checked
// in one batch. Encoded as a(32) || b(32) || z(32).
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/group.hpp"
#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/secret.hpp"

#include <cstdint>

namespace cv::crypto {

inline constexpr std::size_t kDecryptionProofBytes = 2 * kPointBytes + kScalarBytes; // 96

// Everything the proof is about; all public.
struct DecryptionStatement {
  ByteArray<32> context{};         // chosen by the caller: binds the proof to one tally
  Point joint_key;                 // K, the election key
  std::uint32_t trustee_index = 0; // j
  Point public_share;              // P = s·G
  Point alpha;                     // first component of the ciphertext
  Point share;                     // D = s·alpha
};

struct DecryptionProof {
  Point a;  // w·G
  Point b;  // w·alpha (the identity only when alpha is)
  Scalar z; // w + c·s
  friend bool operator==(const DecryptionProof &, const DecryptionProof &) = default;
};

[[nodiscard]] Scalar decryption_challenge(const DecryptionStatement &st, const Point &a, const Point &b);
[[nodiscard]] DecryptionProof prove_decryption(const DecryptionStatement &st, const SecretScalar &s,
                                               Rng &rng = system_rng());
// Checks z·G == a + c·P and z·alpha == b + c·D; rejects an identity P or a.
[[nodiscard]] Result<void> verify_decryption(const DecryptionStatement &st, const DecryptionProof &proof);

void encode_decryption_proof(ByteWriter &w, const DecryptionProof &proof);
// Validates: a canonical non-identity, b canonical (identity allowed), z canonical.
[[nodiscard]] Result<DecryptionProof> decode_decryption_proof(ByteReader &r);

} // namespace cv::crypto
