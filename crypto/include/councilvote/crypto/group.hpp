// The group: ristretto255 through libsodium. Scalars mod l and points as 32-byte canonical
// encodings (docs/protocol.md §3). Every decoding validates; arithmetic never fails.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/random.hpp"

#include <cstdint>

namespace cv::crypto {

inline constexpr const char *kGroupId = "ristretto255";

namespace detail {
struct PointAccess; // crypto/src/decaf_support.hpp: points decoded or encoded by libdecaf
} // namespace detail
inline constexpr std::size_t kScalarBytes = 32;
inline constexpr std::size_t kPointBytes = 32;

// A scalar modulo l = 2^252 + 27742317777372353535851937790883648493, stored canonically
// (little-endian, < l). Wiped on destruction since scalars are often nonces or secrets.
class Scalar {
public:
  Scalar() noexcept = default; // zero
  Scalar(const Scalar &) noexcept = default;
  Scalar &operator=(const Scalar &) noexcept = default;
  ~Scalar();

  // Canonical decoding: rejects values >= l.
  [[nodiscard]] static Result<Scalar> from_bytes(ByteView b);
  [[nodiscard]] static Scalar from_u64(std::uint64_t v) noexcept;
  // Reduces 64 uniformly random bytes mod l.
  [[nodiscard]] static Scalar reduce64(const ByteArray<64> &wide) noexcept;
  // Uniform nonzero scalar from the given RNG.
  [[nodiscard]] static Scalar random(Rng &rng = system_rng());

  [[nodiscard]] const ByteArray<32> &bytes() const noexcept { return b_; }
  [[nodiscard]] bool is_zero() const noexcept;

  friend Scalar operator+(const Scalar &a, const Scalar &b) noexcept;
  friend Scalar operator-(const Scalar &a, const Scalar &b) noexcept;
  friend Scalar operator*(const Scalar &a, const Scalar &b) noexcept;
  Scalar operator-() const noexcept;
  Scalar &operator+=(const Scalar &o) noexcept { return *this = *this + o; }
  [[nodiscard]] Scalar invert() const noexcept; // requires nonzero
  // Constant-time comparison.
  friend bool operator==(const Scalar &a, const Scalar &b) noexcept;

private:
  ByteArray<32> b_{};
};

// A ristretto255 group element, stored as its canonical 32-byte encoding. The identity encodes
// as 32 zero bytes.
class Point {
public:
  Point() noexcept = default; // identity

  // Validating decoding. `allow_identity` is false wherever the spec says "non-identity point".
  [[nodiscard]] static Result<Point> from_bytes(ByteView b, bool allow_identity);
  [[nodiscard]] static Point identity() noexcept { return Point{}; }
  [[nodiscard]] static Point generator() noexcept;
  // s·G; the identity when s = 0 (libsodium returns -1 there; handled).
  [[nodiscard]] static Point base_mul(const Scalar &s) noexcept;
  // g^m for a small integer m.
  [[nodiscard]] static Point base_mul_u64(std::uint64_t m) noexcept { return base_mul(Scalar::from_u64(m)); }

  [[nodiscard]] const ByteArray<32> &bytes() const noexcept { return b_; }
  [[nodiscard]] bool is_identity() const noexcept;

  friend Point operator+(const Point &a, const Point &b) noexcept;
  friend Point operator-(const Point &a, const Point &b) noexcept;
  // s·P; the identity when the result is the identity.
  friend Point operator*(const Scalar &s, const Point &p) noexcept;
  Point &operator+=(const Point &o) noexcept { return *this = *this + o; }
  friend bool operator==(const Point &a, const Point &b) noexcept;

private:
  friend struct detail::PointAccess;
  ByteArray<32> b_{};
};

} // namespace cv::crypto
