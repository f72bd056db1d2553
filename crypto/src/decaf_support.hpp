// Conversions between the libsodium-encoded Point/Scalar and libdecaf's types (private to crypto/).
#pragma once

#include "councilvote/crypto/group.hpp"

#include <cstdlib>
#include <decaf/point_255.h>

namespace cv::crypto::detail {

// Decodes a point (the identity allowed: Point is validated when it is decoded from bytes).
[[nodiscard]] inline bool to_decaf(decaf_255_point_s *out, const Point &p) {
  return decaf_255_point_decode(out, p.bytes().data(), DECAF_TRUE) == DECAF_SUCCESS;
}

inline void to_decaf(decaf_255_scalar_s *out, const Scalar &s) {
  // Scalar is always canonical, so decoding cannot fail.
  if (decaf_255_scalar_decode(out, s.bytes().data()) != DECAF_SUCCESS) std::abort();
}

} // namespace cv::crypto::detail
