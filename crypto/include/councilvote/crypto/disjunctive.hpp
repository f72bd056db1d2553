// Disjunctive Chaum–Pedersen proof that an ElGamal ciphertext (alpha, beta) under K encrypts one
// value of a small public set {m_0, ..., m_{k-1}} (docs/protocol.md §7).
//
// Each branch j carries its commitments, so every equation is linear in the points and the proof
// can be batch-verified:
//   eq_a[j]:  z_j·G == a_j + c_j·alpha
//   eq_b[j]:  z_j·K == b_j + c_j·(beta − m_j·G)
//   eq_c:     Σ_j c_j == H(statement, all a_j, b_j)
#pragma once

#include "councilvote/crypto/elgamal.hpp"
#include "councilvote/crypto/sign.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cv::crypto {

inline constexpr std::size_t kBranchBytes = 4 * 32;
inline constexpr std::uint32_t kMaxBranches = 64;
inline constexpr std::uint32_t kSumSlot = 0xffffffffu; // `slot` of a contest's sum proof

struct DisjunctiveBranch {
  Point a;  // commitment w·G (real) or z·G − c·alpha (simulated)
  Point b;  // commitment w·K (real) or z·K − c·(beta − m·G) (simulated)
  Scalar c; // this branch's challenge
  Scalar z; // this branch's response
};

struct DisjunctiveProof {
  std::vector<DisjunctiveBranch> branches;
};

// Everything the Fiat–Shamir challenge binds, besides the commitments.
struct DisjunctiveStatement {
  std::string_view tag;                  // "CV/selection", "CV/contest-sum" or "CV/commendation"
  const ByteArray<32> &context;          // the poll's context hash (meeting, poll, manifest, K)
  const Point &joint_key;                // K
  const SignPublicKey &voter;            // the member's Ed25519 public key
  std::uint32_t contest;                 // contest index in the manifest
  std::uint32_t slot;                    // option index, or kSumSlot
  std::span<const std::uint32_t> values; // the allowed plaintexts m_j
  const Ciphertext &ciphertext;
};

[[nodiscard]] Scalar disjunctive_challenge(const DisjunctiveStatement &st, const DisjunctiveProof &proof);

// Proves that `st.ciphertext` = Enc(values[real]; r).
[[nodiscard]] DisjunctiveProof disjunctive_prove(const DisjunctiveStatement &st, std::size_t real,
                                                 const Scalar &r, Rng &rng);

// Reference verification with libsodium (one scalar multiplication per term).
[[nodiscard]] Result<void> disjunctive_verify_reference(const DisjunctiveStatement &st,
                                                        const DisjunctiveProof &proof);

// Fast verification with libdecaf (double-scalar multiplications, precomputed table for K).
// Many proofs at once: BatchVerifier (batch.hpp).
class FastVerifier {
public:
  explicit FastVerifier(const Point &joint_key);
  ~FastVerifier();
  FastVerifier(const FastVerifier &) = delete;
  FastVerifier &operator=(const FastVerifier &) = delete;
  [[nodiscard]] Result<void> verify(const DisjunctiveStatement &st, const DisjunctiveProof &proof) const;
  [[nodiscard]] const Point &joint_key() const noexcept;

private:
  struct Impl;
  Impl *impl_;
};

void encode_disjunctive(ByteWriter &w, const DisjunctiveProof &proof);
[[nodiscard]] Result<DisjunctiveProof> decode_disjunctive(ByteReader &r);

} // namespace cv::crypto
