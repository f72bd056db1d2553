// Multi-scalar multiplication over libdecaf's ristretto255 points (private to crypto/).
//
// Variable time: for public points and for scalars whose timing may leak, such as the one-use
// random weights of a batch verification (drawn after the proofs are fixed, never reused).
#pragma once

#include <cstddef>
#include <cstdint>
#include <decaf/point_255.h>
#include <span>

namespace cv::crypto::detail {

struct MsmTerm {
  const decaf_255_point_s *point;
  const std::uint8_t *scalar; // 32 bytes, little-endian
  unsigned bits;              // scalar < 2^bits, 1 <= bits <= 253 (every canonical scalar is < 2^253)
};

// out = Σ scalar_i · point_i (the identity for no terms). `method` as in batch.hpp: kMsmAuto (0)
// lets a cost model choose between Straus with width-5 NAF tables (a few terms) and Pippenger's
// buckets with signed digits (many terms); kMsmStraus forces Straus, 1..16 Pippenger with that window.
void msm_non_secret(decaf_255_point_s *out, std::span<const MsmTerm> terms, unsigned method = 0);

} // namespace cv::crypto::detail
