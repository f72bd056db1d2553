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
#include <span>

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

// Whether every proof holds, checked at once (docs/protocol.md §12.6): both equations of every proof,
// each multiplied by a fresh secret 128-bit random weight (libsodium randombytes_buf), summed into one
// multi-scalar multiplication that must give the identity; the identity checks proof by proof. True
// when every verify_decryption holds; false, except with probability at most 2^-128, when one fails
// (then verify_decryption names it). The spans must be of one size (otherwise false).
[[nodiscard]] bool decryption_proofs_hold(std::span<const DecryptionStatement> statements,
                                          std::span<const DecryptionProof> proofs);

void encode_decryption_proof(ByteWriter &w, const DecryptionProof &proof);
// Validates: a canonical non-identity, b canonical (identity allowed), z canonical.
[[nodiscard]] Result<DecryptionProof> decode_decryption_proof(ByteReader &r);

} // namespace cv::crypto
