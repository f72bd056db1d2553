// Batch verification of disjunctive Chaum–Pedersen proofs (docs/protocol.md §7.3).
//
// Every branch equation of a proof is linear in the points:
//   eq_a[j]:  a_j + c_j·alpha − z_j·G == 0
//   eq_b[j]:  b_j + c_j·beta − c_j·m_j·G − z_j·K == 0
// so many proofs are checked at once: each equation gets a fresh secret 128-bit random weight
// (libsodium randombytes_buf) and the weighted sum of all of them must be the identity. The G and K
// coefficients are summed into one scalar each, so the check is one multi-scalar multiplication with
// one term per a_j, b_j (128-bit weights), alpha and beta, plus G and K. A valid batch always passes;
// a batch with any false equation passes with probability at most 2^-128. eq_c (the Fiat–Shamir
// challenge sum), the shape and the key are checked per proof, and each point is decoded once.
//
// When a batch fails, the failing proofs are located by bisection over the same weighted sums (no
// point is decoded again) and the first failing one is re-verified by FastVerifier, whose error is
// returned: the verdict and the error are those of the per-proof verifier.
#pragma once

#include "councilvote/crypto/disjunctive.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cv::crypto {

namespace detail {
struct BatchAccess; // crypto/src/batch_internal.hpp: proofs whose points are already decoded
} // namespace detail

inline constexpr unsigned kMsmAuto = 0;     // a cost model picks the algorithm and window
inline constexpr unsigned kMsmStraus = 100; // Straus with width-5 NAF tables
// (1..16: Pippenger's buckets with that window, signed digits)

// Σ scalars[i]·points[i] in variable time: public data only. Errc::invalid_argument when the sizes
// differ. `method` is for the tests and the benchmark.
[[nodiscard]] Result<Point> multi_scalar_mul_non_secret(std::span<const Scalar> scalars,
                                                        std::span<const Point> points,
                                                        unsigned method = kMsmAuto);

class BatchVerifier {
public:
  // Uses `fast` (which must outlive this) for its joint key and for re-verifying failing proofs.
  explicit BatchVerifier(const FastVerifier &fast);
  // With a FastVerifier of its own for `joint_key`.
  explicit BatchVerifier(const Point &joint_key);
  ~BatchVerifier();
  BatchVerifier(BatchVerifier &&) noexcept;
  BatchVerifier &operator=(BatchVerifier &&) noexcept;
  BatchVerifier(const BatchVerifier &) = delete;
  BatchVerifier &operator=(const BatchVerifier &) = delete;

  // Queues one proof and returns its index (0, 1, …). The statement and the proof are copied. The
  // decoding, shape, key and challenge-sum checks run here; their failures are reported by verify().
  // When `check` is not empty, a failure of this proof is check_failed(Errc::verification_failed,
  // check, <FastVerifier's message>), as verify_ballot reports it; otherwise FastVerifier's error.
  std::size_t add(const DisjunctiveStatement &st, const DisjunctiveProof &proof, std::string check = {});
  [[nodiscard]] std::size_t size() const noexcept;
  void clear() noexcept;

  // The component-wise sum of the ciphertexts of proofs [begin, end), from the points already
  // decoded (for a contest-sum statement: no point is decoded twice); nullopt when a proof of the
  // range failed its per-proof checks in add() (then the caller adds the ciphertexts itself).
  [[nodiscard]] std::optional<Ciphertext> ciphertext_sum(std::size_t begin, std::size_t end) const;

  // All proofs hold, or the error of the first failing one (in the order added). Empty: holds.
  [[nodiscard]] Result<void> verify() const;
  // The same for proofs [begin, end) only (end <= size()).
  [[nodiscard]] Result<void> verify_range(std::size_t begin, std::size_t end) const;
  // One result per group, group g being proofs [ends[g−1], ends[g]) (from 0 for g = 0), as
  // verify_range would give it; ends must not decrease nor exceed size(). Groups that hold cost no
  // more than their share of one multi-scalar multiplication.
  [[nodiscard]] std::vector<Result<void>> verify_groups(std::span<const std::size_t> ends) const;

  // The const members only read: they may run on several threads at once.

private:
  friend struct detail::BatchAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace cv::crypto
