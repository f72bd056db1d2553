#include "councilvote/crypto/decryption_proof.hpp"

#include "councilvote/crypto/hash.hpp"
#include "decaf_support.hpp"
#include "msm.hpp"

#include <algorithm>
#include <sodium.h>
#include <vector>

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

bool decryption_proofs_hold(std::span<const DecryptionStatement> statements,
                            std::span<const DecryptionProof> proofs) {
  using detail::to_decaf;
  constexpr unsigned kWeightBits = 128;
  if (statements.size() != proofs.size()) return false;
  const std::size_t n = proofs.size();
  if (n == 0) return true;
  // Σ_i w_i·(z_i·G − a_i − c_i·P_i) + v_i·(z_i·alpha_i − b_i − c_i·D_i) == 0: the G coefficient and,
  // for a run of statements with the same P, the P coefficient summed; a_i, b_i negated with the
  // 128-bit weights; alpha_i and D_i with full scalars.
  std::vector<decaf_255_point_s> points(4 * n + 1 + n);
  std::vector<ByteArray<32>> scalars(points.size());
  std::vector<detail::MsmTerm> terms;
  terms.reserve(points.size() + 1);
  std::vector<std::uint8_t> weights(2 * n * (kWeightBits / 8));
  randombytes_buf(weights.data(), weights.size());
  decaf_255_scalar_t g, pc, w, v, c, z, t;
  decaf_255_scalar_copy(g, decaf_255_scalar_zero);
  decaf_255_scalar_copy(pc, decaf_255_scalar_zero);
  bool ok = true;
  std::size_t used = 0;
  auto term = [&](const decaf_255_scalar_s *s, unsigned bits) {
    decaf_255_scalar_encode(scalars[used].data(), s);
    terms.push_back({&points[used], scalars[used].data(), bits});
    ++used;
  };
  auto flush_share = [&](const Point &share) { // the P term of a run of statements
    if (!to_decaf(&points[used], share)) ok = false;
    term(pc, DECAF_255_SCALAR_BITS);
    decaf_255_scalar_copy(pc, decaf_255_scalar_zero);
  };
  for (std::size_t i = 0; i < n && ok; ++i) {
    const auto &st = statements[i];
    const auto &pr = proofs[i];
    if (st.public_share.is_identity() || pr.a.is_identity()) {
      ok = false;
      break;
    }
    if (i > 0 && !(st.public_share == statements[i - 1].public_share))
      flush_share(statements[i - 1].public_share);
    ByteArray<32> wb{}, vb{};
    std::copy_n(weights.begin() + static_cast<std::ptrdiff_t>(32 * i), 16, wb.begin());
    std::copy_n(weights.begin() + static_cast<std::ptrdiff_t>(32 * i + 16), 16, vb.begin());
    if (decaf_255_scalar_decode(w, wb.data()) != DECAF_SUCCESS ||
        decaf_255_scalar_decode(v, vb.data()) != DECAF_SUCCESS)
      std::abort(); // < 2^128: always canonical
    sodium_memzero(wb.data(), wb.size());
    sodium_memzero(vb.data(), vb.size());
    to_decaf(c, decryption_challenge(st, pr.a, pr.b));
    to_decaf(z, pr.z);
    decaf_255_scalar_mul(t, w, z); // G: + w·z
    decaf_255_scalar_add(g, g, t);
    decaf_255_scalar_mul(t, w, c); // P: − w·c
    decaf_255_scalar_sub(pc, pc, t);
    decaf_255_point_s *pa = &points[used];
    if (!to_decaf(pa, pr.a)) ok = false;
    decaf_255_point_negate(pa, pa); // − a: weight w
    term(w, kWeightBits);
    decaf_255_point_s *pb = &points[used];
    if (!to_decaf(pb, pr.b)) ok = false;
    decaf_255_point_negate(pb, pb); // − b: weight v
    term(v, kWeightBits);
    if (!to_decaf(&points[used], st.alpha)) ok = false;
    decaf_255_scalar_mul(t, v, z); // alpha: + v·z
    term(t, DECAF_255_SCALAR_BITS);
    if (!to_decaf(&points[used], st.share)) ok = false;
    decaf_255_scalar_mul(t, v, c); // D: − v·c
    decaf_255_scalar_sub(t, decaf_255_scalar_zero, t);
    term(t, DECAF_255_SCALAR_BITS);
  }
  sodium_memzero(weights.data(), weights.size());
  if (!ok) return false; // a Point always decodes; an identity is refused by verify_decryption
  flush_share(statements[n - 1].public_share);
  ByteArray<32> gb{};
  decaf_255_scalar_encode(gb.data(), g);
  terms.push_back({decaf_255_point_base, gb.data(), DECAF_255_SCALAR_BITS});
  decaf_255_point_t sum;
  detail::msm_non_secret(sum, terms);
  return ok && decaf_255_point_eq(sum, decaf_255_point_identity) == DECAF_TRUE;
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
