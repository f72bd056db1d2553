#include "councilvote/crypto/threshold.hpp"

#include "councilvote/crypto/hash.hpp"
#include "decaf_support.hpp"
#include "msm.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <sodium.h>

namespace cv::crypto {

static_assert(kBoxPublicKeyBytes == crypto_box_PUBLICKEYBYTES);
static_assert(kBoxSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kBoxNonceBytes == crypto_box_NONCEBYTES);
static_assert(kBoxMacBytes == crypto_box_MACBYTES);

namespace {

std::string trustee(std::uint32_t i) { return "trustee " + std::to_string(i); }

Error prefixed(const Error &e, const std::string &prefix) { return make_error(e.code, prefix + e.message); }

void put_u32(std::uint8_t *out, std::uint32_t v) {
  for (std::size_t i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint32_t get_u32(const std::uint8_t *in) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(in[i]) << (8 * i);
  return v;
}

Result<Point> read_point(ByteReader &r, const char *what, bool allow_identity) {
  auto b = r.fixed(kPointBytes, what);
  if (!b) return b.error();
  auto p = Point::from_bytes(*b, allow_identity);
  if (!p) return prefixed(p.error(), std::string(what) + ": ");
  return p;
}

Result<std::uint32_t> read_index(ByteReader &r, const char *what) {
  auto v = r.u32(what);
  if (!v) return v.error();
  if (*v < 1 || *v > kMaxTrustees)
    return make_error(Errc::invalid_encoding, std::string(what) + " " + std::to_string(*v) +
                                                  " is outside 1.." + std::to_string(kMaxTrustees));
  return v;
}

// Σ_k x^k·C_k by Horner's rule.
Point eval_commitments(std::span<const Point> coefficients, std::uint32_t x) {
  const Scalar sx = Scalar::from_u64(x);
  Point acc;
  for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) acc = sx * acc + *it;
  return acc;
}

// A_k = Σ_i C_{i,k}: the commitments to the coefficients of F = Σ_i f_i.
std::vector<Point> aggregate_commitments(std::span<const TrusteeCommitments> commitments) {
  std::vector<Point> sum;
  for (const auto &c : commitments) {
    if (sum.size() < c.coefficients.size()) sum.resize(c.coefficients.size());
    for (std::size_t k = 0; k < c.coefficients.size(); ++k) sum[k] += c.coefficients[k];
  }
  return sum;
}

Result<void> check_self(const Ceremony &ceremony, const TrusteeSecrets &me) {
  if (!ceremony.has_trustee(me.index))
    return make_error(Errc::not_eligible, trustee(me.index) + " is not on the roster");
  if (!ct_equal(me.box.public_key, ceremony.box_public_key(me.index)))
    return make_error(Errc::wrong_context, trustee(me.index) + ": box key does not match the roster");
  if (me.polynomial.threshold() != ceremony.t())
    return make_error(Errc::invalid_argument, trustee(me.index) + ": polynomial has " +
                                                  std::to_string(me.polynomial.threshold()) +
                                                  " coefficients, t = " + std::to_string(ceremony.t()));
  return {};
}

Result<void> validate_roster(const CeremonyParams &p) {
  const auto n = p.trustees.size();
  if (p.meeting_id.empty()) return make_error(Errc::invalid_argument, "ceremony: empty meeting id");
  if (n == 0 || n > kMaxTrustees)
    return make_error(Errc::invalid_argument, "ceremony: n = " + std::to_string(n) + " is outside 1.." +
                                                  std::to_string(kMaxTrustees));
  if (p.threshold < 1 || p.threshold > n)
    return make_error(Errc::invalid_argument,
                      "ceremony: t = " + std::to_string(p.threshold) + " is outside 1..n");
  const BoxPublicKey zero{};
  for (std::size_t i = 0; i < n; ++i) {
    const auto &ti = p.trustees[i];
    if (ti.index != i + 1)
      return make_error(Errc::invalid_argument, "ceremony: trustee at position " + std::to_string(i) +
                                                    " has index " + std::to_string(ti.index));
    if (ti.box_public_key == zero)
      return make_error(Errc::invalid_argument,
                        "ceremony: " + trustee(ti.index) + " has an all-zero box key");
    for (std::size_t k = 0; k < i; ++k)
      if (p.trustees[k].box_public_key == ti.box_public_key)
        return make_error(Errc::invalid_argument, "ceremony: " + trustee(ti.index) +
                                                      " repeats the box key of " +
                                                      trustee(p.trustees[k].index));
  }
  return {};
}

// What `me` gathers from all dealers.
struct Collected {
  std::vector<ShareComplaint> complaints;
  Scalar sum;               // Σ over the valid shares
  std::vector<Point> joint; // commitments of accepted dealers, for K
};

ShareComplaint complaint(std::uint32_t from, const Error &e) { return {from, e.code, e.message}; }

// Exactly one element of `items` with key(item) == index, or a complaint.
template <class T, class Key>
Result<const T *> unique_from(std::span<const T> items, std::uint32_t index, Key key, const char *what) {
  const T *found = nullptr;
  for (const auto &item : items) {
    if (key(item) != index) continue;
    if (found != nullptr)
      return make_error(Errc::invalid_argument,
                        std::string("more than one ") + what + " from " + trustee(index));
    found = &item;
  }
  if (found == nullptr)
    return make_error(Errc::invalid_argument, std::string("no ") + what + " from " + trustee(index));
  return found;
}

Result<SecretScalar> share_from(const Ceremony &ceremony, const TrusteeSecrets &me, const CeremonyMessages &m,
                                const TrusteeCommitments &sender) {
  if (sender.index != me.index) {
    auto share = unique_from(
        m.shares, sender.index, [&](const EncryptedShare &s) { return s.to == me.index ? s.from : 0; },
        "share");
    if (!share) return share.error();
    return open_share(ceremony, me, sender, **share);
  }
  // Our own share f_j(j): checked against our own commitments like any other.
  const Scalar s = me.polynomial.evaluate(me.index);
  if (!(Point::base_mul(s) == eval_commitments(sender.coefficients, me.index)))
    return make_error(Errc::verification_failed,
                      "own share of " + trustee(me.index) + " does not match its commitments");
  return SecretScalar(s);
}

Result<Collected> collect_shares(const Ceremony &ceremony, const TrusteeSecrets &me,
                                 const CeremonyMessages &m) {
  if (auto ok = check_self(ceremony, me); !ok) return ok.error();
  Collected out;
  for (std::uint32_t i = 1; i <= ceremony.n(); ++i) {
    auto c = unique_from(
        m.commitments, i, [](const TrusteeCommitments &x) { return x.index; }, "commitment message");
    if (!c) {
      out.complaints.push_back(complaint(i, c.error()));
      continue;
    }
    if (auto ok = verify_commitments(ceremony, **c); !ok) {
      out.complaints.push_back(complaint(i, ok.error()));
      continue;
    }
    auto s = share_from(ceremony, me, m, **c);
    if (!s) {
      out.complaints.push_back(complaint(i, s.error()));
      continue;
    }
    out.sum += s->get();
    out.joint.push_back((*c)->coefficients[0]);
  }
  return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Roster

ByteArray<32> ceremony_context(const CeremonyParams &p) {
  Transcript t("CV/ceremony");
  t.str(kGroupId).str(p.meeting_id).u32(static_cast<std::uint32_t>(p.trustees.size())).u32(p.threshold);
  for (const auto &ti : p.trustees) t.u32(ti.index).fixed(ti.box_public_key);
  return t.digest32();
}

Result<Ceremony> Ceremony::create(CeremonyParams params) {
  if (auto ok = validate_roster(params); !ok) return ok.error();
  const auto context = ceremony_context(params);
  return Ceremony(std::move(params), context);
}

// ---------------------------------------------------------------------------------------------
// Round 1

DealerPolynomial DealerPolynomial::random(std::uint32_t threshold, Rng &rng) {
  DealerPolynomial f;
  f.coeffs_ = SecretBytes(std::size_t{threshold} * kScalarBytes);
  for (std::size_t k = 0; k < threshold; ++k) {
    const Scalar a = Scalar::random(rng);
    std::memcpy(f.coeffs_.data() + k * kScalarBytes, a.bytes().data(), kScalarBytes);
  }
  return f;
}

Result<DealerPolynomial> DealerPolynomial::from_bytes(ByteView coefficients) {
  if (coefficients.empty() || coefficients.size() % kScalarBytes != 0 ||
      coefficients.size() > kMaxTrustees * kScalarBytes)
    return make_error(Errc::invalid_encoding,
                      "polynomial: bad length " + std::to_string(coefficients.size()));
  DealerPolynomial f;
  f.coeffs_ = SecretBytes(coefficients);
  for (std::uint32_t k = 0; k < f.threshold(); ++k)
    if (auto a = Scalar::from_bytes(f.coeffs_.view().subspan(k * kScalarBytes, kScalarBytes)); !a)
      return prefixed(a.error(), "polynomial coefficient " + std::to_string(k) + ": ");
  return f;
}

Scalar DealerPolynomial::coefficient(std::uint32_t k) const {
  auto a = Scalar::from_bytes(coeffs_.view().subspan(std::size_t{k} * kScalarBytes, kScalarBytes));
  return a ? *a : Scalar{};
}

Scalar DealerPolynomial::evaluate(std::uint32_t x) const {
  const Scalar sx = Scalar::from_u64(x);
  Scalar acc;
  for (std::uint32_t k = threshold(); k-- > 0;) acc = acc * sx + coefficient(k);
  return acc;
}

ByteArray<32> coefficient_pok_context(const ByteArray<32> &ceremony_context, std::uint32_t index,
                                      std::uint32_t k) {
  return Transcript("CV/coefficient-pok").fixed(ceremony_context).u32(index).u32(k).digest32();
}

Result<TrusteeCommitments> commit_polynomial(const Ceremony &ceremony, const TrusteeSecrets &me, Rng &rng) {
  if (auto ok = check_self(ceremony, me); !ok) return ok.error();
  TrusteeCommitments c{me.index, {}, {}};
  for (std::uint32_t k = 0; k < ceremony.t(); ++k) {
    const Scalar a = me.polynomial.coefficient(k);
    const Point C = Point::base_mul(a);
    c.coefficients.push_back(C);
    c.proofs.push_back(schnorr_prove(coefficient_pok_context(ceremony.context(), me.index, k), C, a, rng));
  }
  return c;
}

Result<void> verify_commitments(const Ceremony &ceremony, const TrusteeCommitments &c) {
  const std::string who = "commitments of " + trustee(c.index) + ": ";
  if (!ceremony.has_trustee(c.index))
    return make_error(Errc::not_eligible, who + "index is not on the roster");
  if (c.coefficients.size() != ceremony.t() || c.proofs.size() != ceremony.t())
    return make_error(Errc::invalid_argument,
                      who + "expected " + std::to_string(ceremony.t()) + " coefficients");
  for (std::uint32_t k = 0; k < ceremony.t(); ++k) {
    auto ok = schnorr_verify(coefficient_pok_context(ceremony.context(), c.index, k), c.coefficients[k],
                             c.proofs[k]);
    if (!ok) return prefixed(ok.error(), who + "coefficient " + std::to_string(k) + ": ");
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Round 2

Result<std::vector<EncryptedShare>> deal_shares(const Ceremony &ceremony, const TrusteeSecrets &me,
                                                Rng &rng) {
  if (auto ok = check_self(ceremony, me); !ok) return ok.error();
  std::vector<EncryptedShare> out;
  SecretBytes plain(kSharePlaintextBytes);
  for (std::uint32_t to = 1; to <= ceremony.n(); ++to) {
    if (to == me.index) continue;
    const Scalar s = me.polynomial.evaluate(to);
    std::memcpy(plain.data(), ceremony.context().data(), 32);
    put_u32(plain.data() + 32, me.index);
    put_u32(plain.data() + 36, to);
    std::memcpy(plain.data() + 40, s.bytes().data(), kScalarBytes);
    EncryptedShare e{me.index, to, {}, {}};
    rng.fill(e.nonce);
    if (crypto_box_easy(e.ciphertext.data(), plain.data(), plain.size(), e.nonce.data(),
                        ceremony.box_public_key(to).data(), me.box.secret.data()) != 0)
      return make_error(Errc::system_error, "crypto_box_easy failed for the share to " + trustee(to));
    out.push_back(e);
  }
  return out;
}

Result<SecretScalar> open_share(const Ceremony &ceremony, const TrusteeSecrets &me,
                                const TrusteeCommitments &sender, const EncryptedShare &share) {
  const std::string who = "share from " + trustee(share.from);
  if (share.to != me.index || share.from != sender.index || share.from == me.index ||
      !ceremony.has_trustee(share.from))
    return make_error(Errc::invalid_argument,
                      who + " to " + trustee(share.to) + " is not for " + trustee(me.index));
  SecretBytes plain(kSharePlaintextBytes);
  if (crypto_box_open_easy(plain.data(), share.ciphertext.data(), share.ciphertext.size(), share.nonce.data(),
                           ceremony.box_public_key(share.from).data(), me.box.secret.data()) != 0)
    return make_error(Errc::decryption_failed, who + " does not decrypt (corrupted or wrong key)");
  const bool bound = ct_equal(plain.view().first(32), ceremony.context()) &&
                     get_u32(plain.data() + 32) == share.from && get_u32(plain.data() + 36) == share.to;
  if (!bound)
    return make_error(Errc::wrong_context, who + " is bound to another ceremony or pair of trustees");
  auto s = Scalar::from_bytes(plain.view().subspan(40, kScalarBytes));
  if (!s) return prefixed(s.error(), who + ": ");
  // s·G == Σ_k to^k·C_{from,k}
  const bool matches_commitments = Point::base_mul(*s) == eval_commitments(sender.coefficients, share.to);
  if (!matches_commitments)
    return make_error(Errc::verification_failed, who + " does not match its commitments");
  return SecretScalar(*s);
}

Result<std::vector<ShareComplaint>> check_shares(const Ceremony &ceremony, const TrusteeSecrets &me,
                                                 const CeremonyMessages &messages) {
  auto c = collect_shares(ceremony, me, messages);
  if (!c) return c.error();
  return std::move(c->complaints);
}

Result<TrusteeKeyShare> finalize_key_share(const Ceremony &ceremony, const TrusteeSecrets &me,
                                           const CeremonyMessages &messages) {
  auto c = collect_shares(ceremony, me, messages);
  if (!c) return c.error();
  if (!c->complaints.empty()) {
    const auto &first = c->complaints.front();
    std::string more = c->complaints.size() > 1
                           ? " (and " + std::to_string(c->complaints.size() - 1) + " more complaints)"
                           : std::string();
    return make_error(first.code, first.reason + more);
  }
  Point K;
  for (const auto &C0 : c->joint) K += C0;
  const Point P = Point::base_mul(c->sum);
  return TrusteeKeyShare{me.index, SecretScalar(c->sum), P, K};
}

// ---------------------------------------------------------------------------------------------
// Public keys

Point joint_public_key(std::span<const TrusteeCommitments> commitments) {
  Point K;
  for (const auto &c : commitments)
    if (!c.coefficients.empty()) K += c.coefficients[0];
  return K;
}

Point verification_share(std::span<const TrusteeCommitments> commitments, std::uint32_t j) {
  return eval_commitments(aggregate_commitments(commitments), j);
}

Result<ThresholdPublicKey> threshold_public_key(const Ceremony &ceremony,
                                                std::span<const TrusteeCommitments> commitments) {
  if (commitments.size() != ceremony.n())
    return make_error(Errc::invalid_argument, "expected " + std::to_string(ceremony.n()) +
                                                  " commitment messages, got " +
                                                  std::to_string(commitments.size()));
  for (std::uint32_t i = 1; i <= ceremony.n(); ++i) {
    auto c = unique_from(
        commitments, i, [](const TrusteeCommitments &x) { return x.index; }, "commitment message");
    if (!c) return c.error();
    if (auto ok = verify_commitments(ceremony, **c); !ok) return ok.error();
  }
  const auto aggregate = aggregate_commitments(commitments);
  ThresholdPublicKey key{ceremony.t(), aggregate[0], {}};
  for (std::uint32_t j = 1; j <= ceremony.n(); ++j)
    key.verification_shares.push_back(eval_commitments(aggregate, j));
  return key;
}

// ---------------------------------------------------------------------------------------------
// Threshold decryption

PartialDecryption partial_decrypt(const TrusteeKeyShare &key, const ByteArray<32> &context,
                                  std::span<const Ciphertext> ciphertexts, Rng &rng) {
  PartialDecryption out{key.index, {}, {}};
  const Scalar s = key.secret.get();
  for (const auto &ct : ciphertexts) {
    const DecryptionStatement st{context, key.joint_key, key.index, key.public_share, ct.alpha, s * ct.alpha};
    out.shares.push_back(st.share);
    out.proofs.push_back(prove_decryption(st, key.secret, rng));
  }
  return out;
}

Result<void> verify_partial_decryption(const CombineParams &p, const PartialDecryption &partial) {
  const std::string who = "partial decryption of " + trustee(partial.index) + ": ";
  if (partial.index < 1 || partial.index > p.key.n())
    return make_error(Errc::invalid_argument, who + "index is not on the roster");
  if (partial.shares.size() != p.ciphertexts.size() || partial.proofs.size() != p.ciphertexts.size())
    return make_error(Errc::verification_failed, who + std::to_string(partial.shares.size()) +
                                                     " shares and " + std::to_string(partial.proofs.size()) +
                                                     " proofs for " + std::to_string(p.ciphertexts.size()) +
                                                     " ciphertexts");
  std::vector<DecryptionStatement> statements;
  statements.reserve(p.ciphertexts.size());
  for (std::size_t i = 0; i < p.ciphertexts.size(); ++i)
    statements.push_back({p.context, p.key.joint_key, partial.index,
                          p.key.verification_shares[partial.index - 1], p.ciphertexts[i].alpha,
                          partial.shares[i]});
  // Every proof at once (§12.6); when the batch fails, proof by proof for the first failing one.
  if (decryption_proofs_hold(statements, partial.proofs)) return {};
  for (std::size_t i = 0; i < statements.size(); ++i)
    if (auto ok = verify_decryption(statements[i], partial.proofs[i]); !ok)
      return make_error(Errc::verification_failed,
                        who + "ciphertext " + std::to_string(i) + ": " + ok.error().message);
  return make_error(Errc::verification_failed, who + "the batch equation fails but no single proof does");
}

std::vector<DecryptionFault> find_faulty_partials(const CombineParams &params) {
  std::vector<DecryptionFault> faults;
  for (const auto &partial : params.partials)
    if (auto ok = verify_partial_decryption(params, partial); !ok)
      faults.push_back({partial.index, ok.error()});
  return faults;
}

Scalar lagrange_at_zero(std::span<const std::uint32_t> indices, std::uint32_t j) {
  Scalar num = Scalar::from_u64(1), den = Scalar::from_u64(1);
  const Scalar sj = Scalar::from_u64(j);
  for (auto m : indices) {
    if (m == j) continue;
    const Scalar sm = Scalar::from_u64(m);
    num = num * sm;
    den = den * (sm - sj);
  }
  return num * den.invert();
}

namespace {

Result<std::vector<std::uint32_t>> combine_indices(const CombineParams &p) {
  std::vector<std::uint32_t> indices;
  for (const auto &partial : p.partials) {
    if (std::find(indices.begin(), indices.end(), partial.index) != indices.end())
      return make_error(Errc::invalid_argument,
                        "more than one partial decryption from " + trustee(partial.index));
    indices.push_back(partial.index);
  }
  return indices;
}

} // namespace

Result<std::vector<Point>> combine_partial_decryptions(const CombineParams &p) {
  if (auto indices = combine_indices(p); !indices) return indices.error();
  for (const auto &partial : p.partials)
    if (auto ok = verify_partial_decryption(p, partial); !ok) return ok.error();
  return combine_verified_partial_decryptions(p);
}

Result<std::vector<Point>> combine_verified_partial_decryptions(const CombineParams &p) {
  auto indices = combine_indices(p);
  if (!indices) return indices.error();
  if (indices->size() < p.key.threshold)
    return make_error(Errc::insufficient_shares, "need " + std::to_string(p.key.threshold) +
                                                     " partial decryptions, got " +
                                                     std::to_string(indices->size()));
  for (const auto &partial : p.partials)
    if (partial.shares.size() != p.ciphertexts.size())
      return make_error(Errc::invalid_argument, "partial decryption of " + trustee(partial.index) + " has " +
                                                    std::to_string(partial.shares.size()) + " shares for " +
                                                    std::to_string(p.ciphertexts.size()) + " ciphertexts");
  // beta_i − Σ_j λ_j·D_{j,i} as one multi-scalar multiplication per ciphertext (public values only):
  // scalar 1 for beta_i, −λ_j for D_{j,i}.
  const std::size_t t = p.partials.size();
  std::vector<ByteArray<32>> scalars;
  scalars.reserve(t + 1);
  scalars.emplace_back();
  scalars.back()[0] = 1;
  for (const auto &partial : p.partials)
    scalars.push_back((-lagrange_at_zero(*indices, partial.index)).bytes());
  std::vector<decaf_255_point_s> points(t + 1);
  std::vector<detail::MsmTerm> terms(t + 1);
  std::vector<Point> out;
  out.reserve(p.ciphertexts.size());
  for (std::size_t i = 0; i < p.ciphertexts.size(); ++i) {
    if (!detail::to_decaf(&points[0], p.ciphertexts[i].beta)) std::abort(); // a Point always decodes
    for (std::size_t j = 0; j < t; ++j)
      if (!detail::to_decaf(&points[j + 1], p.partials[j].shares[i])) std::abort();
    for (std::size_t k = 0; k <= t; ++k) terms[k] = {&points[k], scalars[k].data(), DECAF_255_SCALAR_BITS};
    decaf_255_point_t m;
    detail::msm_non_secret(m, terms);
    out.push_back(detail::encode_point(m));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Encodings

void encode_commitments(ByteWriter &w, const TrusteeCommitments &c) {
  w.u32(c.index);
  w.u32(static_cast<std::uint32_t>(c.coefficients.size()));
  for (const auto &C : c.coefficients) w.fixed(C.bytes());
  for (const auto &proof : c.proofs) encode_schnorr(w, proof);
}

Result<TrusteeCommitments> decode_commitments(ByteReader &r) {
  auto index = read_index(r, "commitments index");
  if (!index) return index.error();
  auto t = read_index(r, "commitments count");
  if (!t) return t.error();
  TrusteeCommitments c{*index, {}, {}};
  for (std::uint32_t k = 0; k < *t; ++k) {
    auto C = read_point(r, "commitment", false);
    if (!C) return prefixed(C.error(), "coefficient " + std::to_string(k) + ": ");
    c.coefficients.push_back(*C);
  }
  for (std::uint32_t k = 0; k < *t; ++k) {
    auto proof = decode_schnorr(r);
    if (!proof) return prefixed(proof.error(), "coefficient " + std::to_string(k) + ": ");
    c.proofs.push_back(*proof);
  }
  return c;
}

void encode_encrypted_share(ByteWriter &w, const EncryptedShare &s) {
  w.u32(s.from);
  w.u32(s.to);
  w.fixed(s.nonce);
  w.fixed(s.ciphertext);
}

Result<EncryptedShare> decode_encrypted_share(ByteReader &r) {
  auto from = read_index(r, "share sender");
  if (!from) return from.error();
  auto to = read_index(r, "share recipient");
  if (!to) return to.error();
  if (*from == *to) return make_error(Errc::invalid_encoding, "share from " + trustee(*from) + " to itself");
  auto nonce = r.array<kBoxNonceBytes>("share nonce");
  if (!nonce) return nonce.error();
  auto ct = r.array<kShareCiphertextBytes>("share ciphertext");
  if (!ct) return ct.error();
  return EncryptedShare{*from, *to, *nonce, *ct};
}

void encode_partial_decryption(ByteWriter &w, const PartialDecryption &p) {
  w.u32(p.index);
  w.u32(static_cast<std::uint32_t>(p.shares.size()));
  for (const auto &D : p.shares) w.fixed(D.bytes());
  for (const auto &proof : p.proofs) encode_decryption_proof(w, proof);
}

Result<PartialDecryption> decode_partial_decryption(ByteReader &r) {
  auto index = read_index(r, "partial decryption index");
  if (!index) return index.error();
  auto m = r.u32("partial decryption count");
  if (!m) return m.error();
  if (*m > kMaxDecryptionItems || r.remaining() < partial_decryption_encoded_size(*m) - 8)
    return make_error(Errc::invalid_encoding, "partial decryption count " + std::to_string(*m) +
                                                  " exceeds the maximum or the remaining bytes");
  PartialDecryption p{*index, {}, {}};
  p.shares.reserve(*m);
  p.proofs.reserve(*m);
  for (std::uint32_t i = 0; i < *m; ++i) {
    auto D = read_point(r, "decryption share", true);
    if (!D) return prefixed(D.error(), "item " + std::to_string(i) + ": ");
    p.shares.push_back(*D);
  }
  for (std::uint32_t i = 0; i < *m; ++i) {
    auto proof = decode_decryption_proof(r);
    if (!proof) return prefixed(proof.error(), "item " + std::to_string(i) + ": ");
    p.proofs.push_back(*proof);
  }
  return p;
}

} // namespace cv::crypto
