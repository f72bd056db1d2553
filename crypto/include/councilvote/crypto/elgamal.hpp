// Exponential ElGamal under a joint public key K (docs/protocol.md §5):
//   Enc(m; r) = (alpha, beta) = (r·G, m·G + r·K)
// Ciphertexts add component-wise; decryption recovers m·G, and a small m by table lookup.
#pragma once

#include "councilvote/crypto/group.hpp"

#include <cstdint>
#include <optional>
#include <unordered_map>

namespace cv::crypto {

struct Ciphertext {
  Point alpha; // r·G
  Point beta;  // m·G + r·K
  friend Ciphertext operator+(const Ciphertext &a, const Ciphertext &b) noexcept {
    return {a.alpha + b.alpha, a.beta + b.beta};
  }
  Ciphertext &operator+=(const Ciphertext &o) noexcept { return *this = *this + o; }
  friend bool operator==(const Ciphertext &, const Ciphertext &) = default;
};

[[nodiscard]] Ciphertext elgamal_encrypt(const Point &joint_key, std::uint64_t m, const Scalar &r) noexcept;

// Recovers m from m·G for 0 <= m <= max_value, by baby-step giant-step over a precomputed table
// of ~sqrt(max_value) baby steps. Building the table for 10^6 takes a few milliseconds.
class DiscreteLog {
public:
  explicit DiscreteLog(std::uint64_t max_value);
  [[nodiscard]] std::optional<std::uint64_t> solve(const Point &mG) const;
  [[nodiscard]] std::uint64_t max_value() const noexcept { return max_; }

private:
  std::uint64_t max_;
  std::uint64_t step_;
  std::unordered_map<std::string, std::uint64_t> baby_; // encoding of j·G -> j, 0 <= j < step
  Point giant_;                                         // step·G
};

} // namespace cv::crypto
