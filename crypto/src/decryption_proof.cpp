#include "councilvote/crypto/decryption_proof.hpp"

#include "councilvote/crypto/hash.hpp"

namespace cv::crypto {
namespace {

Result<Point> read_point(ByteReader &r, const char *what, bool allow_identity) {
  auto b = r.fixed(kPointBytes, what);
  if (!b) return b.error();
  auto p = Point::from_bytes(*b, allow_identity);
  if (!p) return make_error(p.error().code, std::string(what) + ": " + p.error().message);
  return p;
}

} // namespace

Scalar decryption_challenge(const DecryptionStatement &st, const Point &a, const Point &b) {
  return Transcript("CV/partial-decryption")
      .str(kGroupId)
      .fixed(st.context)
      .point(st.joint_key)
      .u32(st.trustee_index)
      .point(st.public_share)
      .point(st.alpha)
      .point(st.share)
      .point(a)
      .point(b)
      .challenge();
}

DecryptionProof prove_decryption(const DecryptionStatement &st, const SecretScalar &s, Rng &rng) {
  const Scalar w = Scalar::random(rng);
  const Point a = Point::base_mul(w);
  const Point b = w * st.alpha;
  return {a, b, w + decryption_challenge(st, a, b) * s.get()};
}

Result<void> verify_decryption(const DecryptionStatement &st, const DecryptionProof &proof) {
  if (st.public_share.is_identity())
    return make_error(Errc::identity_point, "decryption proof: public share is the identity");
  if (proof.a.is_identity()) return make_error(Errc::identity_point, "decryption proof: a is the identity");
  const Scalar c = decryption_challenge(st, proof.a, proof.b);
  // z·G == a + c·P
  const bool knows_share = Point::base_mul(proof.z) == proof.a + c * st.public_share;
  // z·alpha == b + c·D
  const bool same_share = proof.z * st.alpha == proof.b + c * st.share;
  if (!knows_share || !same_share)
    return make_error(Errc::verification_failed, "decryption proof does not verify");
  return {};
}

void encode_decryption_proof(ByteWriter &w, const DecryptionProof &proof) {
  w.fixed(proof.a.bytes());
  w.fixed(proof.b.bytes());
  w.fixed(proof.z.bytes());
}

Result<DecryptionProof> decode_decryption_proof(ByteReader &r) {
  auto a = read_point(r, "decryption proof a", false);
  if (!a) return a.error();
  auto b = read_point(r, "decryption proof b", true);
  if (!b) return b.error();
  auto zb = r.fixed(kScalarBytes, "decryption proof z");
  if (!zb) return zb.error();
  auto z = Scalar::from_bytes(*zb);
  if (!z) return make_error(z.error().code, "decryption proof z: " + z.error().message);
  return DecryptionProof{*a, *b, *z};
}

} // namespace cv::crypto
