#include "councilvote/crypto/batch.hpp"

#include "batch_internal.hpp"
#include "decaf_support.hpp"
#include "msm.hpp"

#include <algorithm>
#include <optional>
#include <sodium.h>

namespace cv::crypto {

using detail::to_decaf;

// ---- multi-scalar multiplication ---------------------------------------------------------------

Result<Point> multi_scalar_mul_non_secret(std::span<const Scalar> scalars, std::span<const Point> points,
                                          unsigned method) {
  if (scalars.size() != points.size())
    return make_error(Errc::invalid_argument,
                      "multi-scalar multiplication: " + std::to_string(scalars.size()) + " scalars for " +
                          std::to_string(points.size()) + " points");
  std::vector<decaf_255_point_s> p(points.size());
  std::vector<detail::MsmTerm> terms(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!to_decaf(&p[i], points[i])) return make_error(Errc::invalid_encoding, "point does not decode");
    terms[i] = {&p[i], scalars[i].bytes().data(), 253};
  }
  decaf_255_point_t out;
  detail::msm_non_secret(out, terms, method);
  ByteArray<32> enc{};
  decaf_255_point_encode(enc.data(), out);
  return Point::from_bytes(enc, true);
}

// ---- batch verification ------------------------------------------------------------------------

namespace {

constexpr unsigned kWeightBits = 128;
constexpr std::size_t kWeightBytes = kWeightBits / 8;

// A queued proof: an owned copy of its statement (for the per-proof re-verification) and, when it
// passed the per-proof checks, the range of its terms and its G and K coefficients.
struct Entry {
  std::string tag;
  ByteArray<32> context{};
  Point key;
  SignPublicKey voter{};
  std::uint32_t contest = 0;
  std::uint32_t slot = 0;
  std::vector<std::uint32_t> values;
  Ciphertext ciphertext;
  DisjunctiveProof proof;
  std::string check;
  bool ok = false; // shape, key, decoding and eq_c hold, and the terms are queued
  std::size_t term_begin = 0, term_end = 0;
  decaf_255_scalar_s g{}, k{}; // coefficients of G and K

  [[nodiscard]] DisjunctiveStatement statement() const {
    return {tag, context, key, voter, contest, slot, values, ciphertext};
  }
};

} // namespace

struct BatchVerifier::Impl {
  std::unique_ptr<FastVerifier> owned;
  const FastVerifier *fast;
  decaf_255_point_s key{}; // K, decoded once
  std::vector<Entry> entries;
  // Variable-base terms: a_j and b_j with 128-bit weights, alpha and beta with full scalars.
  std::vector<decaf_255_point_s> points;
  std::vector<ByteArray<32>> scalars;
  std::vector<unsigned> bits;
  // Random weights, drawn from randombytes_buf a block at a time.
  ByteArray<1024> pool{};
  std::size_t pool_used = sizeof(pool);

  explicit Impl(const FastVerifier &f) : fast(&f) {
    if (!to_decaf(&key, f.joint_key())) std::abort(); // a Point always decodes
  }
  ~Impl() { sodium_memzero(pool.data(), pool.size()); }
  Impl(const Impl &) = delete;
  Impl &operator=(const Impl &) = delete;

  // A fresh secret weight < 2^128, as a 32-byte little-endian scalar.
  ByteArray<32> weight() {
    if (pool_used + kWeightBytes > pool.size()) {
      randombytes_buf(pool.data(), pool.size());
      pool_used = 0;
    }
    ByteArray<32> w{};
    std::copy_n(pool.begin() + static_cast<std::ptrdiff_t>(pool_used), kWeightBytes, w.begin());
    sodium_memzero(pool.data() + pool_used, kWeightBytes);
    pool_used += kWeightBytes;
    return w;
  }

  std::size_t push_point() {
    points.emplace_back();
    scalars.emplace_back();
    bits.push_back(kWeightBits);
    return points.size() - 1;
  }
  void truncate_terms(std::size_t n) {
    points.resize(n);
    scalars.resize(n);
    bits.resize(n);
  }

  // The per-proof checks other than eq_a and eq_b, the decoding of every point (unless `pre` holds
  // them decoded), and the terms.
  bool queue(Entry &e, const DisjunctiveStatement &st, const DisjunctiveProof &proof,
             const detail::DecodedProof *pre = nullptr) {
    if (st.values.empty() || st.values.size() > kMaxBranches || proof.branches.size() != st.values.size())
      return false;
    if (!(st.joint_key == fast->joint_key())) return false;
    const std::size_t begin = points.size();
    e.term_begin = e.term_end = begin;
    decaf_255_point_t alpha, beta;
    if (pre != nullptr) {
      decaf_255_point_copy(alpha, pre->alpha);
      decaf_255_point_copy(beta, pre->beta);
    } else if (!to_decaf(alpha, st.ciphertext.alpha) || !to_decaf(beta, st.ciphertext.beta)) {
      return false;
    }
    for (std::size_t j = 0; j < proof.branches.size(); ++j) {
      const auto &br = proof.branches[j];
      const std::size_t ia = push_point(), ib = push_point();
      if (pre != nullptr) {
        decaf_255_point_copy(&points[ia], &pre->branches[2 * j]);
        decaf_255_point_copy(&points[ib], &pre->branches[2 * j + 1]);
      } else if (!to_decaf(&points[ia], br.a) || !to_decaf(&points[ib], br.b)) {
        truncate_terms(begin);
        return false;
      }
    }
    // eq_c: Σ_j c_j == H(statement, commitments)
    Scalar sum;
    for (const auto &br : proof.branches) sum += br.c;
    if (!(sum == disjunctive_challenge(st, proof))) {
      truncate_terms(begin);
      return false;
    }
    // Σ_j w_j·(a_j + c_j·alpha − z_j·G) + v_j·(b_j + c_j·beta − c_j·m_j·G − z_j·K)
    decaf_255_scalar_t ca, cb, g, k, w, v, c, z, m, t;
    decaf_255_scalar_copy(ca, decaf_255_scalar_zero);
    decaf_255_scalar_copy(cb, decaf_255_scalar_zero);
    decaf_255_scalar_copy(g, decaf_255_scalar_zero);
    decaf_255_scalar_copy(k, decaf_255_scalar_zero);
    for (std::size_t j = 0; j < proof.branches.size(); ++j) {
      const auto &br = proof.branches[j];
      auto &wb = scalars[begin + 2 * j];
      auto &vb = scalars[begin + 2 * j + 1];
      wb = weight();
      vb = weight();
      if (decaf_255_scalar_decode(w, wb.data()) != DECAF_SUCCESS ||
          decaf_255_scalar_decode(v, vb.data()) != DECAF_SUCCESS)
        std::abort(); // < 2^128: always canonical
      to_decaf(c, br.c);
      to_decaf(z, br.z);
      decaf_255_scalar_set_unsigned(m, st.values[j]);
      decaf_255_scalar_mul(t, w, c); // alpha: + w·c
      decaf_255_scalar_add(ca, ca, t);
      decaf_255_scalar_mul(t, w, z); // G: − w·z
      decaf_255_scalar_sub(g, g, t);
      decaf_255_scalar_mul(t, v, c); // beta: + v·c
      decaf_255_scalar_add(cb, cb, t);
      decaf_255_scalar_mul(t, t, m); // G: − v·c·m
      decaf_255_scalar_sub(g, g, t);
      decaf_255_scalar_mul(t, v, z); // K: − v·z
      decaf_255_scalar_sub(k, k, t);
    }
    for (auto [p, s] : {std::pair{alpha, ca}, std::pair{beta, cb}}) {
      const std::size_t i = push_point();
      decaf_255_point_copy(&points[i], p);
      decaf_255_scalar_encode(scalars[i].data(), s);
      bits[i] = DECAF_255_SCALAR_BITS;
    }
    decaf_255_scalar_copy(&e.g, g);
    decaf_255_scalar_copy(&e.k, k);
    e.term_end = points.size();
    return true;
  }

  // Whether every proof of [begin, end) passed its per-proof checks and their weighted sum of
  // equations is the identity. Exactly additive: if [b, e) fails and [b, m) holds, [m, e) fails.
  [[nodiscard]] bool holds(std::size_t begin, std::size_t end) const {
    if (begin >= end) return true;
    decaf_255_scalar_t g, k;
    decaf_255_scalar_copy(g, decaf_255_scalar_zero);
    decaf_255_scalar_copy(k, decaf_255_scalar_zero);
    for (std::size_t i = begin; i < end; ++i) {
      if (!entries[i].ok) return false;
      decaf_255_scalar_add(g, g, &entries[i].g);
      decaf_255_scalar_add(k, k, &entries[i].k);
    }
    ByteArray<32> gb{}, kb{};
    decaf_255_scalar_encode(gb.data(), g);
    decaf_255_scalar_encode(kb.data(), k);
    const std::size_t t0 = entries[begin].term_begin, t1 = entries[end - 1].term_end;
    std::vector<detail::MsmTerm> terms;
    terms.reserve(t1 - t0 + 2);
    terms.push_back({decaf_255_point_base, gb.data(), DECAF_255_SCALAR_BITS});
    terms.push_back({&key, kb.data(), DECAF_255_SCALAR_BITS});
    for (std::size_t t = t0; t < t1; ++t) terms.push_back({&points[t], scalars[t].data(), bits[t]});
    decaf_255_point_t sum;
    detail::msm_non_secret(sum, terms);
    return decaf_255_point_eq(sum, decaf_255_point_identity) == DECAF_TRUE;
  }

  // The per-proof verdict of proof i (FastVerifier), named by its check.
  [[nodiscard]] Result<void> check_one(std::size_t i) const {
    const auto &e = entries[i];
    auto r = fast->verify(e.statement(), e.proof);
    if (r || e.check.empty()) return r;
    return check_failed(Errc::verification_failed, e.check, r.error().message);
  }

  // The first failing proof of [begin, end), given that [begin, end) does not hold: bisection,
  // then FastVerifier on the one proof left. Some equation of the range is false, so FastVerifier
  // fails on some proof of it; an earlier false equation inside a half that holds is missed only
  // with probability 2^-128 (and the range is refused all the same).
  [[nodiscard]] Result<void> first_failure(std::size_t begin, std::size_t end) const {
    while (end - begin > 1) {
      const std::size_t mid = begin + (end - begin) / 2;
      if (holds(begin, mid))
        begin = mid; // then [mid, end) does not hold
      else
        end = mid;
    }
    if (auto r = check_one(begin); !r) return r;
    return {};
  }

  // verify_range's verdict for a range known not to hold.
  [[nodiscard]] Result<void> failure_in(std::size_t begin, std::size_t end) const {
    if (auto r = first_failure(begin, end); !r) return r;
    for (std::size_t i = begin; i < end; ++i) // never reached unless the two verifiers disagree
      if (auto r = check_one(i); !r) return r;
    return make_error(Errc::verification_failed, "batch equation fails but no single proof does");
  }

  void groups(std::span<const std::size_t> ends, std::size_t g0, std::size_t g1, bool known_failing,
              std::vector<Result<void>> &out) const {
    if (g0 >= g1) return;
    const auto start = [&](std::size_t g) { return g == 0 ? std::size_t{0} : ends[g - 1]; };
    const std::size_t begin = start(g0), end = ends[g1 - 1];
    if (!known_failing && holds(begin, end)) return;
    if (g1 - g0 == 1) {
      out[g0] = failure_in(begin, end);
      return;
    }
    const std::size_t gm = g0 + (g1 - g0) / 2;
    if (holds(begin, start(gm))) return groups(ends, gm, g1, true, out);
    groups(ends, g0, gm, true, out);
    groups(ends, gm, g1, false, out);
  }
};

BatchVerifier::BatchVerifier(const FastVerifier &fast) : impl_(std::make_unique<Impl>(fast)) {}

BatchVerifier::BatchVerifier(const Point &joint_key) {
  auto owned = std::make_unique<FastVerifier>(joint_key);
  impl_ = std::make_unique<Impl>(*owned);
  impl_->owned = std::move(owned);
}

BatchVerifier::~BatchVerifier() = default;
BatchVerifier::BatchVerifier(BatchVerifier &&) noexcept = default;
BatchVerifier &BatchVerifier::operator=(BatchVerifier &&) noexcept = default;

std::size_t BatchVerifier::add(const DisjunctiveStatement &st, const DisjunctiveProof &proof,
                               std::string check) {
  return detail::BatchAccess::add_entry(*this, st, proof, std::move(check), nullptr);
}

std::size_t detail::BatchAccess::add_decoded(BatchVerifier &batch, const DisjunctiveStatement &st,
                                             const DisjunctiveProof &proof, std::string check,
                                             const DecodedProof &points) {
  return add_entry(batch, st, proof, std::move(check), &points);
}

std::size_t detail::BatchAccess::add_entry(BatchVerifier &batch, const DisjunctiveStatement &st,
                                           const DisjunctiveProof &proof, std::string check,
                                           const DecodedProof *points) {
  auto &im = *batch.impl_;
  Entry e{std::string(st.tag),
          st.context,
          st.joint_key,
          st.voter,
          st.contest,
          st.slot,
          std::vector<std::uint32_t>(st.values.begin(), st.values.end()),
          st.ciphertext,
          proof,
          std::move(check)};
  e.ok = im.queue(e, st, proof, points);
  if (!e.ok) e.term_begin = e.term_end = im.points.size();
  im.entries.push_back(std::move(e));
  return im.entries.size() - 1;
}

std::size_t BatchVerifier::size() const noexcept { return impl_->entries.size(); }

void BatchVerifier::clear() noexcept {
  impl_->entries.clear();
  impl_->truncate_terms(0);
}

std::optional<Ciphertext> BatchVerifier::ciphertext_sum(std::size_t begin, std::size_t end) const {
  const auto &im = *impl_;
  if (begin > end || end > size()) return std::nullopt;
  decaf_255_point_t sum[2];
  decaf_255_point_copy(sum[0], decaf_255_point_identity);
  decaf_255_point_copy(sum[1], decaf_255_point_identity);
  for (std::size_t i = begin; i < end; ++i) {
    const auto &e = im.entries[i];
    if (!e.ok) return std::nullopt;
    // alpha and beta are the last two terms of a proof
    decaf_255_point_add(sum[0], sum[0], &im.points[e.term_end - 2]);
    decaf_255_point_add(sum[1], sum[1], &im.points[e.term_end - 1]);
  }
  Ciphertext out;
  for (int k = 0; k < 2; ++k) {
    ByteArray<32> enc{};
    decaf_255_point_encode(enc.data(), sum[k]);
    auto p = Point::from_bytes(enc, true);
    if (!p) std::abort(); // libdecaf's encoding is the canonical ristretto255 one
    (k == 0 ? out.alpha : out.beta) = *p;
  }
  return out;
}

Result<void> BatchVerifier::verify() const { return verify_range(0, size()); }

Result<void> BatchVerifier::verify_range(std::size_t begin, std::size_t end) const {
  if (end > size() || begin > end)
    return make_error(Errc::invalid_argument, "batch range [" + std::to_string(begin) + ", " +
                                                  std::to_string(end) + ") out of " + std::to_string(size()));
  if (impl_->holds(begin, end)) return {};
  return impl_->failure_in(begin, end);
}

std::vector<Result<void>> BatchVerifier::verify_groups(std::span<const std::size_t> ends) const {
  std::vector<Result<void>> out(ends.size());
  for (std::size_t g = 0; g < ends.size(); ++g)
    if (ends[g] > size() || (g > 0 && ends[g] < ends[g - 1])) {
      for (auto &r : out)
        r = make_error(Errc::invalid_argument, "batch group ends must be ordered, <= size()");
      return out;
    }
  impl_->groups(ends, 0, ends.size(), false, out);
  return out;
}

} // namespace cv::crypto
