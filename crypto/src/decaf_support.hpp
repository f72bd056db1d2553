// Conversions between the libsodium-encoded Point/Scalar and libdecaf's types (private to crypto/).
#pragma once

#include "councilvote/crypto/group.hpp"

#include <algorithm>
#include <cstdlib>
#include <decaf/point_255.h>
#include <string>

namespace cv::crypto::detail {

struct PointAccess {
  // A Point of an encoding that libdecaf decoded or produced (canonical: not validated again).
  [[nodiscard]] static Point from_canonical(const ByteArray<32> &b) noexcept {
    Point p;
    p.b_ = b;
    return p;
  }
};

// Point::from_bytes by libdecaf: the same verdicts (RFC 9496 decoding, the top bit clear) and the
// same errors, and the decoded point in `out` — each point decoded once for both uses.
[[nodiscard]] inline Result<Point> decode_point(ByteView b, bool allow_identity, decaf_255_point_s *out) {
  if (b.size() != kPointBytes)
    return make_error(Errc::invalid_encoding, "point must be 32 bytes, got " + std::to_string(b.size()));
  ByteArray<32> enc{};
  std::copy_n(b.begin(), enc.size(), enc.begin());
  if ((enc[31] & 0x80) != 0 || decaf_255_point_decode(out, enc.data(), DECAF_TRUE) != DECAF_SUCCESS)
    return make_error(Errc::invalid_encoding, "not a canonical ristretto255 encoding");
  Point p = PointAccess::from_canonical(enc);
  if (!allow_identity && p.is_identity()) return make_error(Errc::identity_point, "point is the identity");
  return p;
}

// The canonical encoding of a libdecaf point as a Point.
[[nodiscard]] inline Point encode_point(const decaf_255_point_s *p) noexcept {
  ByteArray<32> enc{};
  decaf_255_point_encode(enc.data(), p);
  return PointAccess::from_canonical(enc);
}

// Decodes a point (the identity allowed: Point is validated when it is decoded from bytes).
[[nodiscard]] inline bool to_decaf(decaf_255_point_s *out, const Point &p) {
  return decaf_255_point_decode(out, p.bytes().data(), DECAF_TRUE) == DECAF_SUCCESS;
}

inline void to_decaf(decaf_255_scalar_s *out, const Scalar &s) {
  // Scalar is always canonical, so decoding cannot fail.
  if (decaf_255_scalar_decode(out, s.bytes().data()) != DECAF_SUCCESS) std::abort();
}

} // namespace cv::crypto::detail
