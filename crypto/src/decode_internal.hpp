// The ballot and proof decoders with a choice of point decoder (private to crypto/).
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/disjunctive.hpp"
#include "decaf_support.hpp"

#include <vector>

namespace cv::crypto::detail {

// How a decoder reads a point: Point::from_bytes (libsodium) when `decoded` is null, otherwise
// libdecaf's decode_point with each point appended to `decoded` in the order read. The verdicts and
// the errors are the same either way.
struct PointDecoder {
  std::vector<decaf_255_point_s> *decoded = nullptr;
  [[nodiscard]] Result<Point> operator()(ByteView b, bool allow_identity) const {
    if (decoded == nullptr) return Point::from_bytes(b, allow_identity);
    decaf_255_point_s p;
    auto r = decode_point(b, allow_identity, &p);
    if (r) decoded->push_back(p);
    return r;
  }
};

// decode_disjunctive and decode_ballot with that point decoder. A ballot's points come in wire order:
// per contest, per ciphertext alpha, beta, then a_j, b_j of each branch of its proof; then a_j, b_j of
// each branch of the sum proof.
[[nodiscard]] Result<DisjunctiveProof> decode_disjunctive(ByteReader &r, const PointDecoder &points);
[[nodiscard]] Result<Ballot> decode_ballot(ByteView wire, const PointDecoder &points);

} // namespace cv::crypto::detail
