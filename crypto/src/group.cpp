#include "councilvote/crypto/group.hpp"

#include <sodium.h>

namespace cv::crypto {

Scalar::~Scalar() { sodium_memzero(b_.data(), b_.size()); }

Result<Scalar> Scalar::from_bytes(ByteView b) {
  if (b.size() != kScalarBytes)
    return make_error(Errc::invalid_encoding, "scalar must be 32 bytes, got " + std::to_string(b.size()));
  // Canonical iff reducing (b || 0^32) gives b back.
  ByteArray<64> wide{};
  for (std::size_t i = 0; i < 32; ++i) wide[i] = b[i];
  Scalar s = reduce64(wide);
  if (!ct_equal(s.b_, b))
    return make_error(Errc::invalid_encoding, "scalar is not canonical (>= group order)");
  return s;
}

Scalar Scalar::from_u64(std::uint64_t v) noexcept {
  Scalar s;
  for (std::size_t i = 0; i < 8; ++i) s.b_[i] = static_cast<std::uint8_t>(v >> (8 * i));
  return s;
}

Scalar Scalar::reduce64(const ByteArray<64> &wide) noexcept {
  Scalar s;
  crypto_core_ristretto255_scalar_reduce(s.b_.data(), wide.data());
  return s;
}

Scalar Scalar::random(Rng &rng) {
  for (;;) {
    ByteArray<64> wide{};
    rng.fill(wide);
    Scalar s = reduce64(wide);
    sodium_memzero(wide.data(), wide.size());
    if (!s.is_zero()) return s;
  }
}

bool Scalar::is_zero() const noexcept { return sodium_is_zero(b_.data(), b_.size()) == 1; }

Scalar operator+(const Scalar &a, const Scalar &b) noexcept {
  Scalar r;
  crypto_core_ristretto255_scalar_add(r.b_.data(), a.b_.data(), b.b_.data());
  return r;
}
Scalar operator-(const Scalar &a, const Scalar &b) noexcept {
  Scalar r;
  crypto_core_ristretto255_scalar_sub(r.b_.data(), a.b_.data(), b.b_.data());
  return r;
}
Scalar operator*(const Scalar &a, const Scalar &b) noexcept {
  Scalar r;
  crypto_core_ristretto255_scalar_mul(r.b_.data(), a.b_.data(), b.b_.data());
  return r;
}
Scalar Scalar::operator-() const noexcept {
  Scalar r;
  crypto_core_ristretto255_scalar_negate(r.b_.data(), b_.data());
  return r;
}
Scalar Scalar::invert() const noexcept {
  Scalar r;
  (void)crypto_core_ristretto255_scalar_invert(r.b_.data(), b_.data());
  return r;
}
bool operator==(const Scalar &a, const Scalar &b) noexcept { return ct_equal(a.b_, b.b_); }

Result<Point> Point::from_bytes(ByteView b, bool allow_identity) {
  if (b.size() != kPointBytes)
    return make_error(Errc::invalid_encoding, "point must be 32 bytes, got " + std::to_string(b.size()));
  // libsodium 1.0.18 ignores the top bit of the last byte; RFC 9496 requires it to be clear
  // (the encoded field element must be < p), so one point cannot have two encodings.
  if ((b[31] & 0x80) != 0 || crypto_core_ristretto255_is_valid_point(b.data()) != 1)
    return make_error(Errc::invalid_encoding, "not a canonical ristretto255 encoding");
  Point p;
  for (std::size_t i = 0; i < 32; ++i) p.b_[i] = b[i];
  if (!allow_identity && p.is_identity()) return make_error(Errc::identity_point, "point is the identity");
  return p;
}

Point Point::generator() noexcept { return base_mul(Scalar::from_u64(1)); }

Point Point::base_mul(const Scalar &s) noexcept {
  Point p;
  if (crypto_scalarmult_ristretto255_base(p.b_.data(), s.bytes().data()) != 0) p.b_.fill(0); // s = 0
  return p;
}

bool Point::is_identity() const noexcept { return sodium_is_zero(b_.data(), b_.size()) == 1; }

Point operator+(const Point &a, const Point &b) noexcept {
  Point r;
  (void)crypto_core_ristretto255_add(r.b_.data(), a.b_.data(), b.b_.data());
  return r;
}
Point operator-(const Point &a, const Point &b) noexcept {
  Point r;
  (void)crypto_core_ristretto255_sub(r.b_.data(), a.b_.data(), b.b_.data());
  return r;
}
Point operator*(const Scalar &s, const Point &p) noexcept {
  Point r;
  // libsodium returns -1 when the result is the identity (s = 0 or p the identity).
  if (crypto_scalarmult_ristretto255(r.b_.data(), s.bytes().data(), p.b_.data()) != 0) r.b_.fill(0);
  return r;
}
bool operator==(const Point &a, const Point &b) noexcept { return ct_equal(a.b_, b.b_); }

} // namespace cv::crypto
