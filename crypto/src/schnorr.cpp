#include "councilvote/crypto/schnorr.hpp"

#include "councilvote/crypto/hash.hpp"

namespace cv::crypto {
namespace {

Result<Point> read_point(ByteReader &r, const char *what) {
  auto b = r.fixed(kPointBytes, what);
  if (!b) return b.error();
  auto p = Point::from_bytes(*b, false);
  if (!p) return make_error(p.error().code, std::string(what) + ": " + p.error().message);
  return p;
}

Result<Scalar> read_scalar(ByteReader &r, const char *what) {
  auto b = r.fixed(kScalarBytes, what);
  if (!b) return b.error();
  auto s = Scalar::from_bytes(*b);
  if (!s) return make_error(s.error().code, std::string(what) + ": " + s.error().message);
  return s;
}

} // namespace

Scalar schnorr_challenge(const ByteArray<32> &context, const Point &X, const Point &R) {
  return Transcript("CV/schnorr").str(kGroupId).fixed(context).point(X).point(R).challenge();
}

SchnorrProof schnorr_prove(const ByteArray<32> &context, const Point &X, const Scalar &x, Rng &rng) {
  const Scalar w = Scalar::random(rng);
  const Point R = Point::base_mul(w);
  return {R, w + schnorr_challenge(context, X, R) * x};
}

Result<void> schnorr_verify(const ByteArray<32> &context, const Point &X, const SchnorrProof &proof) {
  if (X.is_identity()) return make_error(Errc::identity_point, "Schnorr proof: public key is the identity");
  if (proof.commitment.is_identity())
    return make_error(Errc::identity_point, "Schnorr proof: commitment R is the identity");
  const Scalar c = schnorr_challenge(context, X, proof.commitment);
  // z·G == R + c·X
  const bool response_ok = Point::base_mul(proof.response) == proof.commitment + c * X;
  if (!response_ok) return make_error(Errc::verification_failed, "Schnorr proof does not verify");
  return {};
}

void encode_schnorr(ByteWriter &w, const SchnorrProof &proof) {
  w.fixed(proof.commitment.bytes());
  w.fixed(proof.response.bytes());
}

Result<SchnorrProof> decode_schnorr(ByteReader &r) {
  auto R = read_point(r, "Schnorr proof R");
  if (!R) return R.error();
  auto z = read_scalar(r, "Schnorr proof z");
  if (!z) return z.error();
  return SchnorrProof{*R, *z};
}

} // namespace cv::crypto
