// TallyAccumulator with points that are already decoded (private to crypto/).
#pragma once

#include "councilvote/crypto/tally.hpp"

#include <decaf/point_255.h>
#include <span>

namespace cv::crypto::detail {

struct TallyAccess {
  // Adds one ballot: `points` are the decodings of its ciphertexts' alpha and beta, slot by slot
  // (2·slot_count() points).
  static void add_points(TallyAccumulator &tally, std::span<const decaf_255_point_s> points);
};

} // namespace cv::crypto::detail
