// BatchVerifier with points that are already decoded (private to crypto/).
#pragma once

#include "councilvote/crypto/batch.hpp"

#include <decaf/point_255.h>
#include <string>

namespace cv::crypto::detail {

// The libdecaf forms of a proof's points: its ciphertext's alpha and beta, and a_j, b_j of branch j
// at branches[2j], branches[2j + 1], for every branch of the proof.
struct DecodedProof {
  const decaf_255_point_s *alpha;
  const decaf_255_point_s *beta;
  const decaf_255_point_s *branches;
};

struct BatchAccess {
  // BatchVerifier::add, the points taken from `points` (which must be the decodings of the
  // statement's and the proof's points) instead of being decoded again.
  static std::size_t add_decoded(BatchVerifier &batch, const DisjunctiveStatement &st,
                                 const DisjunctiveProof &proof, std::string check,
                                 const DecodedProof &points);
  // The one way an entry is queued: with the decoded points, or (nullptr) decoding them.
  static std::size_t add_entry(BatchVerifier &batch, const DisjunctiveStatement &st,
                               const DisjunctiveProof &proof, std::string check, const DecodedProof *points);
};

} // namespace cv::crypto::detail
