#include "councilvote/crypto/disjunctive.hpp"

#include "councilvote/crypto/hash.hpp"
#include "decaf_support.hpp"
#include "decode_internal.hpp"

#include <cstdlib>
#include <decaf/point_255.h>
#include <new>
#include <string>

namespace cv::crypto {

namespace {

std::string branch_name(std::size_t j) { return "branch " + std::to_string(j); }

// The first failing equation of branch j, by name.
Result<void> branch_verdict(std::size_t j, bool eq_a, bool eq_b) {
  if (!eq_a)
    return make_error(Errc::verification_failed, branch_name(j) + ": equation z·G = a + c·alpha fails");
  if (!eq_b)
    return make_error(Errc::verification_failed,
                      branch_name(j) + ": equation z·K = b + c·(beta − m·G) fails");
  return {};
}

Result<void> check_shape(const DisjunctiveStatement &st, const DisjunctiveProof &proof) {
  if (st.values.empty() || st.values.size() > kMaxBranches)
    return make_error(Errc::invalid_argument,
                      "value set has " + std::to_string(st.values.size()) + " entries");
  if (proof.branches.size() != st.values.size())
    return make_error(Errc::verification_failed, "proof has " + std::to_string(proof.branches.size()) +
                                                     " branches, statement needs " +
                                                     std::to_string(st.values.size()));
  return {};
}

Result<void> check_challenge_sum(const DisjunctiveStatement &st, const DisjunctiveProof &proof) {
  Scalar sum;
  for (const auto &br : proof.branches) sum += br.c;
  // eq_c: Σ_j c_j == H(statement, commitments)
  const bool eq_c = sum == disjunctive_challenge(st, proof);
  if (!eq_c) return make_error(Errc::verification_failed, "challenge sum differs from the Fiat–Shamir hash");
  return {};
}

} // namespace

Scalar disjunctive_challenge(const DisjunctiveStatement &st, const DisjunctiveProof &proof) {
  Transcript t(st.tag);
  t.str(kGroupId).fixed(st.context).point(st.joint_key).fixed(st.voter).u32(st.contest).u32(st.slot);
  t.u32(static_cast<std::uint32_t>(st.values.size()));
  for (auto m : st.values) t.u32(m);
  t.point(st.ciphertext.alpha).point(st.ciphertext.beta);
  for (const auto &br : proof.branches) t.point(br.a).point(br.b);
  return t.challenge();
}

DisjunctiveProof disjunctive_prove(const DisjunctiveStatement &st, std::size_t real, const Scalar &r,
                                   Rng &rng) {
  if (real >= st.values.size()) std::abort(); // programming error: callers validate choices first
  DisjunctiveProof proof;
  proof.branches.resize(st.values.size());
  const Scalar w = Scalar::random(rng);
  Scalar simulated_sum;
  for (std::size_t j = 0; j < st.values.size(); ++j) {
    auto &br = proof.branches[j];
    if (j == real) {
      br.a = Point::base_mul(w);
      br.b = w * st.joint_key;
      continue;
    }
    br.c = Scalar::random(rng);
    br.z = Scalar::random(rng);
    br.a = Point::base_mul(br.z) - br.c * st.ciphertext.alpha;
    br.b = br.z * st.joint_key - br.c * (st.ciphertext.beta - Point::base_mul_u64(st.values[j]));
    simulated_sum += br.c;
  }
  auto &rb = proof.branches[real];
  rb.c = disjunctive_challenge(st, proof) - simulated_sum;
  rb.z = w + rb.c * r;
  return proof;
}

Result<void> disjunctive_verify_reference(const DisjunctiveStatement &st, const DisjunctiveProof &proof) {
  if (auto s = check_shape(st, proof); !s) return s;
  for (std::size_t j = 0; j < proof.branches.size(); ++j) {
    const auto &br = proof.branches[j];
    // eq_a[j]: z_j·G == a_j + c_j·alpha
    const bool eq_a = Point::base_mul(br.z) == br.a + br.c * st.ciphertext.alpha;
    // eq_b[j]: z_j·K == b_j + c_j·(beta − m_j·G)
    const bool eq_b =
        br.z * st.joint_key == br.b + br.c * (st.ciphertext.beta - Point::base_mul_u64(st.values[j]));
    if (auto v = branch_verdict(j, eq_a, eq_b); !v) return v;
  }
  return check_challenge_sum(st, proof);
}

// ---- libdecaf fast path ---------------------------------------------------------------------

struct FastVerifier::Impl {
  Point key;
  decaf_255_precomputed_s *table = nullptr;
};

using detail::to_decaf;

FastVerifier::FastVerifier(const Point &joint_key) : impl_(new Impl{joint_key, nullptr}) {
  void *mem = std::aligned_alloc(decaf_255_alignof_precomputed_s,
                                 (decaf_255_sizeof_precomputed_s + decaf_255_alignof_precomputed_s - 1) /
                                     decaf_255_alignof_precomputed_s * decaf_255_alignof_precomputed_s);
  if (mem == nullptr) throw std::bad_alloc();
  impl_->table = static_cast<decaf_255_precomputed_s *>(mem);
  decaf_255_point_t k;
  (void)to_decaf(k, joint_key);
  decaf_255_precompute(impl_->table, k);
}

const Point &FastVerifier::joint_key() const noexcept { return impl_->key; }

FastVerifier::~FastVerifier() {
  decaf_255_precomputed_destroy(impl_->table);
  std::free(impl_->table);
  delete impl_;
}

Result<void> FastVerifier::verify(const DisjunctiveStatement &st, const DisjunctiveProof &proof) const {
  if (auto s = check_shape(st, proof); !s) return s;
  if (!(st.joint_key == impl_->key))
    return make_error(Errc::invalid_argument, "verifier was built for another joint key");
  decaf_255_point_t alpha, beta;
  if (!to_decaf(alpha, st.ciphertext.alpha) || !to_decaf(beta, st.ciphertext.beta))
    return make_error(Errc::invalid_encoding, "ciphertext point does not decode");
  for (std::size_t j = 0; j < proof.branches.size(); ++j) {
    const auto &br = proof.branches[j];
    decaf_255_point_t a, b, lhs, t1, t2;
    decaf_255_scalar_t z, neg_c, cm;
    if (!to_decaf(a, br.a) || !to_decaf(b, br.b))
      return make_error(Errc::invalid_encoding, branch_name(j) + ": commitment does not decode");
    to_decaf(z, br.z);
    to_decaf(neg_c, -br.c);
    to_decaf(cm, br.c * Scalar::from_u64(st.values[j]));
    // eq_a[j]: z_j·G − c_j·alpha == a_j
    decaf_255_base_double_scalarmul_non_secret(lhs, z, alpha, neg_c);
    const bool eq_a = decaf_255_point_eq(lhs, a) == DECAF_TRUE;
    // eq_b[j]: z_j·K − c_j·beta + (c_j·m_j)·G == b_j
    decaf_255_base_double_scalarmul_non_secret(t1, cm, beta, neg_c);
    decaf_255_precomputed_scalarmul(t2, impl_->table, z);
    decaf_255_point_add(lhs, t1, t2);
    const bool eq_b = decaf_255_point_eq(lhs, b) == DECAF_TRUE;
    if (auto v = branch_verdict(j, eq_a, eq_b); !v) return v;
  }
  return check_challenge_sum(st, proof);
}

// ---- encoding ---------------------------------------------------------------------------------

void encode_disjunctive(ByteWriter &w, const DisjunctiveProof &proof) {
  w.u32(static_cast<std::uint32_t>(proof.branches.size()));
  for (const auto &br : proof.branches) {
    w.fixed(br.a.bytes());
    w.fixed(br.b.bytes());
    w.fixed(br.c.bytes());
    w.fixed(br.z.bytes());
  }
}

Result<DisjunctiveProof> decode_disjunctive(ByteReader &r) { return detail::decode_disjunctive(r, {}); }

Result<DisjunctiveProof> detail::decode_disjunctive(ByteReader &r, const PointDecoder &points) {
  auto n = r.u32("proof branch count");
  if (!n) return n.error();
  if (*n == 0 || *n > kMaxBranches)
    return make_error(Errc::invalid_encoding, "proof branch count " + std::to_string(*n) + " out of range");
  DisjunctiveProof proof;
  proof.branches.resize(*n);
  for (auto &br : proof.branches) {
    auto a = r.fixed(32, "branch commitment a");
    if (!a) return a.error();
    auto pa = points(*a, false);
    if (!pa) return make_error(pa.error().code, "branch commitment a: " + pa.error().message);
    auto b = r.fixed(32, "branch commitment b");
    if (!b) return b.error();
    auto pb = points(*b, false);
    if (!pb) return make_error(pb.error().code, "branch commitment b: " + pb.error().message);
    auto c = r.fixed(32, "branch challenge c");
    if (!c) return c.error();
    auto sc = Scalar::from_bytes(*c);
    if (!sc) return make_error(sc.error().code, "branch challenge c: " + sc.error().message);
    auto z = r.fixed(32, "branch response z");
    if (!z) return z.error();
    auto sz = Scalar::from_bytes(*z);
    if (!sz) return make_error(sz.error().code, "branch response z: " + sz.error().message);
    br = DisjunctiveBranch{*pa, *pb, *sc, *sz};
  }
  return proof;
}

} // namespace cv::crypto
