#include "councilvote/crypto/ballot.hpp"

#include "batch_internal.hpp"
#include "councilvote/crypto/batch.hpp"
#include "councilvote/crypto/hash.hpp"
#include "councilvote/crypto/tally.hpp"
#include "decaf_support.hpp"
#include "decode_internal.hpp"
#include "tally_internal.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cv::crypto {

namespace {

constexpr std::string_view kTagCommendation = "CV/commendation";
constexpr std::string_view kTagSelection = "CV/selection";
constexpr std::string_view kTagSum = "CV/contest-sum";

std::string contest_name(std::size_t i) { return "contest[" + std::to_string(i) + "]"; }

} // namespace

// ---- manifest and context ----------------------------------------------------------------------

Result<void> PollManifest::validate() const {
  if (meeting_id.empty() || meeting_id.size() > kMaxIdLength || poll_id.empty() ||
      poll_id.size() > kMaxIdLength)
    return make_error(Errc::invalid_argument, "meeting and poll ids must be 1..256 bytes");
  if (contests.empty() || contests.size() > kMaxContests)
    return make_error(Errc::invalid_argument,
                      "a poll needs 1.." + std::to_string(kMaxContests) + " contests");
  if (disagree_weight < 2) return make_error(Errc::invalid_argument, "disagree weight must be at least 2");
  for (std::size_t i = 0; i < contests.size(); ++i) {
    const auto &c = contests[i];
    if (c.id.size() > kMaxIdLength)
      return make_error(Errc::invalid_argument, contest_name(i) + ": id too long");
    if (c.kind == ContestKind::commendation) {
      if (c.options != 2 || c.min_selections != 0 || c.max_selections != 1)
        return make_error(Errc::invalid_argument,
                          contest_name(i) + ": a commendation contest is 2 options, 0..1");
    } else if (c.kind == ContestKind::general) {
      if (c.options < 1 || c.options > kMaxOptions || c.min_selections > c.max_selections ||
          c.max_selections > c.options)
        return make_error(Errc::invalid_argument, contest_name(i) + ": options/min/max out of range");
    } else {
      return make_error(Errc::invalid_argument, contest_name(i) + ": unknown contest kind");
    }
  }
  return {};
}

ByteArray<32> PollManifest::digest() const {
  Transcript t("CV/manifest");
  t.str(kGroupId).str(meeting_id).str(poll_id).u32(disagree_weight);
  t.u32(static_cast<std::uint32_t>(contests.size()));
  for (const auto &c : contests) {
    t.str(c.id);
    t.fixed(ByteArray<1>{static_cast<std::uint8_t>(c.kind)});
    t.u32(c.options).u32(c.min_selections).u32(c.max_selections);
  }
  t.fixed(roster_digest);
  return t.digest32();
}

ByteArray<32> PollContext::hash() const {
  return Transcript("CV/context")
      .str(kGroupId)
      .str(manifest.meeting_id)
      .str(manifest.poll_id)
      .fixed(manifest.digest())
      .point(joint_key)
      .digest32();
}

bool Roster::contains(const SignPublicKey &pk) const noexcept {
  return std::any_of(members.begin(), members.end(), [&](const SignPublicKey &m) { return m == pk; });
}

ByteArray<32> Roster::digest() const {
  Transcript t("CV/roster");
  t.str(kGroupId).u32(static_cast<std::uint32_t>(members.size()));
  for (const auto &m : members) t.fixed(m);
  return t.digest32();
}

std::vector<std::uint32_t> selection_values(const PollManifest &m, const ContestSpec &c) {
  if (c.kind == ContestKind::commendation) return {0, 1, m.disagree_weight};
  return {0, 1};
}

std::vector<std::uint32_t> sum_values(const ContestSpec &c) {
  std::vector<std::uint32_t> v;
  for (std::uint32_t k = c.min_selections; k <= c.max_selections; ++k) v.push_back(k);
  return v;
}

// ---- encoding ----------------------------------------------------------------------------------

Bytes Ballot::encode_body() const {
  ByteWriter w;
  w.fixed(as_bytes("CVB"));
  w.u8(format);
  w.fixed(context_hash);
  w.fixed(member_key);
  w.u32(static_cast<std::uint32_t>(contests.size()));
  for (const auto &c : contests) {
    w.u8(static_cast<std::uint8_t>(c.kind));
    w.u32(static_cast<std::uint32_t>(c.ciphertexts.size()));
    for (std::size_t j = 0; j < c.ciphertexts.size(); ++j) {
      w.fixed(c.ciphertexts[j].alpha.bytes());
      w.fixed(c.ciphertexts[j].beta.bytes());
      encode_disjunctive(w, c.proofs[j]);
    }
    w.u8(c.sum_proof ? 1 : 0);
    if (c.sum_proof) encode_disjunctive(w, *c.sum_proof);
  }
  return w.take();
}

Bytes Ballot::encode() const {
  Bytes b = encode_body();
  b.insert(b.end(), signature.begin(), signature.end());
  return b;
}

ByteArray<32> Ballot::ballot_hash() const {
  return Transcript("CV/ballot-hash").var(encode_body()).digest32();
}

ByteArray<32> tracking_code_of(ByteView wire) { return Transcript("CV/tracking-code").var(wire).digest32(); }

ByteArray<32> Ballot::tracking_code() const { return tracking_code_of(encode()); }

std::string short_tracking_code(const ByteArray<32> &code) {
  static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    acc = (acc << 8) | code[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(alphabet[(acc >> bits) & 31u]);
      if (out.size() % 5 == 4 && out.size() < 19) out.push_back('-');
    }
  }
  return out;
}

Bytes ballot_signing_message(const ByteArray<32> &context_hash, const ByteArray<32> &ballot_hash) {
  ByteWriter w;
  w.fixed(context_hash);
  w.fixed(ballot_hash);
  return w.take();
}

namespace {

Result<Ciphertext> read_ciphertext(ByteReader &r, const detail::PointDecoder &points) {
  Ciphertext ct;
  for (Point *p : {&ct.alpha, &ct.beta}) {
    auto b = r.fixed(32, "ciphertext point");
    if (!b) return b.error();
    auto pt = points(*b, false);
    if (!pt) return make_error(pt.error().code, "ciphertext point: " + pt.error().message);
    *p = *pt;
  }
  return ct;
}

Result<EncryptedContest> read_contest(ByteReader &r, const detail::PointDecoder &points) {
  EncryptedContest c;
  auto kind = r.u8("contest kind");
  if (!kind) return kind.error();
  if (*kind != 1 && *kind != 2)
    return make_error(Errc::invalid_encoding, "unknown contest kind " + std::to_string(*kind));
  c.kind = static_cast<ContestKind>(*kind);
  auto n = r.u32("ciphertext count");
  if (!n) return n.error();
  if (*n == 0 || *n > kMaxOptions)
    return make_error(Errc::invalid_encoding, "ciphertext count " + std::to_string(*n) + " out of range");
  for (std::uint32_t j = 0; j < *n; ++j) {
    auto ct = read_ciphertext(r, points);
    if (!ct) return ct.error();
    auto pr = detail::decode_disjunctive(r, points);
    if (!pr) return pr.error();
    c.ciphertexts.push_back(*ct);
    c.proofs.push_back(std::move(*pr));
  }
  auto has_sum = r.u8("sum proof flag");
  if (!has_sum) return has_sum.error();
  if (*has_sum > 1) return make_error(Errc::invalid_encoding, "sum proof flag must be 0 or 1");
  if (*has_sum == 1) {
    auto pr = detail::decode_disjunctive(r, points);
    if (!pr) return pr.error();
    c.sum_proof = std::move(*pr);
  }
  return c;
}

} // namespace

Result<Ballot> decode_ballot(ByteView wire) { return detail::decode_ballot(wire, {}); }

Result<Ballot> detail::decode_ballot(ByteView wire, const PointDecoder &points) {
  ByteReader r(wire);
  auto magic = r.fixed(3, "magic");
  if (!magic) return magic.error();
  if (!ct_equal(*magic, as_bytes("CVB")))
    return make_error(Errc::invalid_encoding, "not a ballot (bad magic)");
  Ballot b;
  auto fmt = r.u8("format");
  if (!fmt) return fmt.error();
  if (*fmt != kBallotFormat)
    return make_error(Errc::invalid_encoding, "unsupported ballot format " + std::to_string(*fmt));
  b.format = *fmt;
  auto ctx = r.array<32>("context hash");
  if (!ctx) return ctx.error();
  b.context_hash = *ctx;
  auto pk = r.array<32>("member key");
  if (!pk) return pk.error();
  b.member_key = *pk;
  auto n = r.u32("contest count");
  if (!n) return n.error();
  if (*n == 0 || *n > kMaxContests)
    return make_error(Errc::invalid_encoding, "contest count " + std::to_string(*n) + " out of range");
  // Each contest takes at least 1 + 4 + 64 + 4 + 128 + 1 bytes: refuse counts the input cannot hold.
  if (static_cast<std::size_t>(*n) * 202 > r.remaining())
    return make_error(Errc::invalid_encoding, "contest count exceeds the ballot's length");
  for (std::uint32_t i = 0; i < *n; ++i) {
    auto c = read_contest(r, points);
    if (!c) return make_error(c.error().code, contest_name(i) + ": " + c.error().message);
    b.contests.push_back(std::move(*c));
  }
  auto sig = r.array<kSignatureBytes>("signature");
  if (!sig) return sig.error();
  b.signature = *sig;
  if (auto end = r.expect_end("ballot"); !end) return end.error();
  return b;
}

// ---- encryption ----------------------------------------------------------------------------

namespace {

Result<void> check_selection(const ContestSpec &c, const ContestSelection &s, std::size_t i) {
  auto sel = s.selected;
  std::sort(sel.begin(), sel.end());
  if (std::adjacent_find(sel.begin(), sel.end()) != sel.end())
    return make_error(Errc::invalid_argument, contest_name(i) + ": an option is selected twice");
  if (!sel.empty() && sel.back() >= c.options)
    return make_error(Errc::invalid_argument,
                      contest_name(i) + ": no such option " + std::to_string(sel.back()));
  if (sel.size() < c.min_selections || sel.size() > c.max_selections)
    return make_error(Errc::invalid_argument, contest_name(i) + ": " + std::to_string(sel.size()) +
                                                  " selections, allowed " + std::to_string(c.min_selections) +
                                                  ".." + std::to_string(c.max_selections));
  return {};
}

} // namespace

Result<Ballot> encrypt_ballot(const BallotRequest &req) {
  const auto &m = req.poll.manifest;
  if (auto v = m.validate(); !v) return v.error();
  if (req.selections.size() != m.contests.size())
    return make_error(Errc::invalid_argument,
                      "one selection per contest expected: " + std::to_string(req.selections.size()) +
                          " given, " + std::to_string(m.contests.size()) + " contests");
  Ballot b;
  b.context_hash = req.poll.hash();
  b.member_key = req.member.public_key;
  const Point &K = req.poll.joint_key;
  for (std::size_t i = 0; i < m.contests.size(); ++i) {
    const auto &spec = m.contests[i];
    const auto &sel = req.selections[i];
    if (auto ok = check_selection(spec, sel, i); !ok) return ok.error();
    EncryptedContest ec;
    ec.kind = spec.kind;
    const auto values = selection_values(m, spec);
    const auto idx = static_cast<std::uint32_t>(i);
    if (spec.kind == ContestKind::commendation) {
      // value index: 0 blank, 1 agree (option 0), 2 disagree (option 1)
      const std::size_t real = sel.selected.empty() ? 0 : (sel.selected[0] == 0 ? 1 : 2);
      const Scalar r = Scalar::random(req.rng);
      auto ct = elgamal_encrypt(K, values[real], r);
      DisjunctiveStatement st{kTagCommendation, b.context_hash, K, b.member_key, idx, 0, values, ct};
      ec.proofs.push_back(disjunctive_prove(st, real, r, req.rng));
      ec.ciphertexts.push_back(ct);
    } else {
      Scalar r_sum;
      Ciphertext sum{};
      for (std::uint32_t o = 0; o < spec.options; ++o) {
        const bool on = std::find(sel.selected.begin(), sel.selected.end(), o) != sel.selected.end();
        const Scalar r = Scalar::random(req.rng);
        auto ct = elgamal_encrypt(K, on ? 1 : 0, r);
        DisjunctiveStatement st{kTagSelection, b.context_hash, K, b.member_key, idx, o, values, ct};
        ec.proofs.push_back(disjunctive_prove(st, on ? 1 : 0, r, req.rng));
        ec.ciphertexts.push_back(ct);
        sum += ct;
        r_sum += r;
      }
      const auto sums = sum_values(spec);
      DisjunctiveStatement st{kTagSum, b.context_hash, K, b.member_key, idx, kSumSlot, sums, sum};
      ec.sum_proof = disjunctive_prove(st, sel.selected.size() - spec.min_selections, r_sum, req.rng);
    }
    b.contests.push_back(std::move(ec));
  }
  b.signature =
      sign(req.member, "CV/ballot-signature", ballot_signing_message(b.context_hash, b.ballot_hash()));
  return b;
}

// ---- verification --------------------------------------------------------------------------

namespace {

// Splits [0, n) into contiguous chunks verified on up to hardware_concurrency() threads (the
// calling thread takes the first); the result is the failure of the lowest chunk that failed, i.e.
// the same first failure as a sequential run. Small ballots stay on the calling thread. The proof
// checks only read shared, immutable data (the ballot, the context, the verifier's tables).
template <class RangeCheck> Result<void> verify_in_parallel(std::size_t n, RangeCheck &&check_range) {
  constexpr std::size_t kMinContestsPerThread = 16;
  const std::size_t hw = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers =
      std::min({hw, std::size_t{8}, std::max<std::size_t>(1, n / kMinContestsPerThread)});
  if (workers <= 1) return check_range(0, n);
  const std::size_t chunk = (n + workers - 1) / workers;
  std::vector<Result<void>> results(workers);
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  std::vector<bool> inline_run(workers, false);
  for (std::size_t w = 1; w < workers; ++w) {
    const std::size_t begin = std::min(n, w * chunk), end = std::min(n, (w + 1) * chunk);
    try {
      threads.emplace_back([&results, &check_range, w, begin, end] {
        try {
          results[w] = check_range(begin, end);
        } catch (...) { // std::bad_alloc while building an error message
          results[w] = Result<void>(Error{Errc::system_error, "out of memory while verifying"});
        }
      });
    } catch (...) { // no thread available: this chunk runs on the calling thread below
      inline_run[w] = true;
    }
  }
  results[0] = check_range(0, std::min(n, chunk));
  for (std::size_t w = 1; w < workers; ++w)
    if (inline_run[w]) results[w] = check_range(std::min(n, w * chunk), std::min(n, (w + 1) * chunk));
  for (auto &t : threads) t.join();
  for (auto &r : results)
    if (!r) return r;
  return {};
}

// Checks 0 to 6 of docs/protocol.md §10: everything before the proofs. `ballot_hash` is
// ballot.ballot_hash().
Result<void> verify_before_proofs(const PollContext &poll, const Roster &roster, const Ballot &ballot,
                                  const ByteArray<32> &ctx, const ByteArray<32> &ballot_hash) {
  const auto &m = poll.manifest;
  if (auto v = m.validate(); !v) return check_failed(Errc::invalid_argument, "manifest", v.error().message);
  // The roster must fit under the disagree weight, or a contest total would not decode uniquely.
  if (roster.members.size() >= m.disagree_weight)
    return check_failed(Errc::invalid_argument, "manifest", "disagree weight must exceed the roster size");
  // roster: the roster given is the one the poll was published with
  const bool roster_ok = ct_equal(m.roster_digest, roster.digest());
  if (!roster_ok)
    return check_failed(Errc::wrong_context, "roster",
                        "roster differs from the one the poll was published with");
  const bool format_ok = ballot.format == kBallotFormat;
  if (!format_ok) return check_failed(Errc::invalid_encoding, "format", "unsupported ballot format");
  // context: the ballot is bound to this meeting, poll, manifest and joint key
  const bool context_ok = ct_equal(ballot.context_hash, ctx);
  if (!context_ok)
    return check_failed(Errc::wrong_context, "context", "ballot is bound to another meeting, poll or key");
  // eligibility: the signer is a member on the roster
  if (!roster.contains(ballot.member_key))
    return check_failed(Errc::not_eligible, "eligibility",
                        "member key " + to_hex(ballot.member_key) + " is not on the roster");
  if (ballot.contests.size() != m.contests.size())
    return check_failed(Errc::verification_failed, "contest_count",
                        std::to_string(ballot.contests.size()) + " contests, poll has " +
                            std::to_string(m.contests.size()));
  for (std::size_t i = 0; i < m.contests.size(); ++i) {
    const auto &spec = m.contests[i];
    const auto &c = ballot.contests[i];
    const std::size_t want_ct = spec.kind == ContestKind::commendation ? 1 : spec.options;
    const bool shape_ok = c.kind == spec.kind && c.ciphertexts.size() == want_ct &&
                          c.proofs.size() == want_ct &&
                          c.sum_proof.has_value() == (spec.kind == ContestKind::general);
    if (!shape_ok)
      return check_failed(Errc::verification_failed, contest_name(i) + ".shape",
                          "kind, ciphertext count or sum proof does not match the manifest");
  }
  // signature: Ed25519 by the member over context hash || ballot hash
  if (auto s = verify_signature(ballot.member_key, "CV/ballot-signature",
                                ballot_signing_message(ballot.context_hash, ballot_hash), ballot.signature);
      !s)
    return check_failed(Errc::verification_failed, "signature", s.error().message);
  return {};
}

// Checks 7 and 8 of contests [begin, end), in order, queued into `batch` under their check names
// (contest[i].ciphertext[j].proof, contest[i].sum_proof). The ballot passed verify_before_proofs.
void queue_proofs(BatchVerifier &batch, const PollContext &poll, const Ballot &ballot,
                  const ByteArray<32> &ctx, std::size_t begin, std::size_t end) {
  const auto &m = poll.manifest;
  for (std::size_t i = begin; i < end; ++i) {
    const auto &spec = m.contests[i];
    const auto &c = ballot.contests[i];
    const auto values = selection_values(m, spec);
    const auto idx = static_cast<std::uint32_t>(i);
    const std::string_view tag = spec.kind == ContestKind::commendation ? kTagCommendation : kTagSelection;
    const std::size_t first = batch.size();
    for (std::size_t j = 0; j < c.ciphertexts.size(); ++j) {
      const auto slot = spec.kind == ContestKind::commendation ? 0u : static_cast<std::uint32_t>(j);
      DisjunctiveStatement st{tag, ctx,  poll.joint_key, ballot.member_key,
                              idx, slot, values,         c.ciphertexts[j]};
      batch.add(st, c.proofs[j], contest_name(i) + ".ciphertext[" + std::to_string(j) + "].proof");
    }
    if (spec.kind == ContestKind::general) {
      // The sum from the points the batch decoded, or (a proof of the contest failed) by libsodium.
      auto decoded_sum = batch.ciphertext_sum(first, batch.size());
      Ciphertext sum{};
      if (decoded_sum)
        sum = *decoded_sum;
      else
        for (const auto &ct : c.ciphertexts) sum += ct;
      const auto sums = sum_values(spec);
      DisjunctiveStatement st{kTagSum, ctx, poll.joint_key, ballot.member_key, idx, kSumSlot, sums, sum};
      batch.add(st, *c.sum_proof, contest_name(i) + ".sum_proof");
    }
  }
}

// The alpha and beta of every ciphertext of a ballot, slot by slot, from its points in wire order
// (detail::decode_ballot's `decoded`).
void slot_points(const Ballot &ballot, std::span<const decaf_255_point_s> points,
                 std::vector<decaf_255_point_s> &out) {
  std::size_t at = 0;
  for (const auto &c : ballot.contests) {
    for (std::size_t j = 0; j < c.ciphertexts.size(); ++j) {
      out.push_back(points[at]);
      out.push_back(points[at + 1]);
      at += 2 + 2 * c.proofs[j].branches.size();
    }
    if (c.sum_proof) at += 2 * c.sum_proof->branches.size();
  }
  if (at != points.size()) std::abort(); // programming error: not the points of this ballot
}

// queue_proofs for the whole ballot, with its points as detail::decode_ballot decoded them: no
// point is decoded again (the sum of a general contest is added from the decoded ciphertexts).
void queue_decoded_proofs(BatchVerifier &batch, const PollContext &poll, const Ballot &ballot,
                          const ByteArray<32> &ctx, std::span<const decaf_255_point_s> points) {
  const auto &m = poll.manifest;
  std::size_t at = 0;
  for (std::size_t i = 0; i < m.contests.size(); ++i) {
    const auto &spec = m.contests[i];
    const auto &c = ballot.contests[i];
    const auto values = selection_values(m, spec);
    const auto idx = static_cast<std::uint32_t>(i);
    const std::string_view tag = spec.kind == ContestKind::commendation ? kTagCommendation : kTagSelection;
    decaf_255_point_t sum[2];
    decaf_255_point_copy(sum[0], decaf_255_point_identity);
    decaf_255_point_copy(sum[1], decaf_255_point_identity);
    for (std::size_t j = 0; j < c.ciphertexts.size(); ++j) {
      const auto slot = spec.kind == ContestKind::commendation ? 0u : static_cast<std::uint32_t>(j);
      const detail::DecodedProof decoded{&points[at], &points[at + 1], &points[at + 2]};
      decaf_255_point_add(sum[0], sum[0], decoded.alpha);
      decaf_255_point_add(sum[1], sum[1], decoded.beta);
      at += 2 + 2 * c.proofs[j].branches.size();
      DisjunctiveStatement st{tag, ctx,  poll.joint_key, ballot.member_key,
                              idx, slot, values,         c.ciphertexts[j]};
      detail::BatchAccess::add_decoded(
          batch, st, c.proofs[j], contest_name(i) + ".ciphertext[" + std::to_string(j) + "].proof", decoded);
    }
    if (spec.kind == ContestKind::general) {
      const Ciphertext total{detail::encode_point(sum[0]), detail::encode_point(sum[1])};
      const detail::DecodedProof decoded{sum[0], sum[1], &points[at]};
      at += 2 * c.sum_proof->branches.size();
      const auto sums = sum_values(spec);
      DisjunctiveStatement st{kTagSum, ctx, poll.joint_key, ballot.member_key, idx, kSumSlot, sums, total};
      detail::BatchAccess::add_decoded(batch, st, *c.sum_proof, contest_name(i) + ".sum_proof", decoded);
    }
  }
  if (at != points.size()) std::abort(); // programming error: not the points of this ballot
}

// The ballot hash of a ballot decode_ballot accepted, from its wire bytes: the encoding is canonical,
// so the body is the wire without the signature.
ByteArray<32> wire_ballot_hash(ByteView wire) {
  return Transcript("CV/ballot-hash").var(wire.first(wire.size() - kSignatureBytes)).digest32();
}

// Runs `work` on up to min(threads or the hardware's, 8, n) threads, this one included, and waits
// for all. A worker that throws (out of memory) or cannot be started only leaves ballots undone:
// the callers verify every ballot not marked done again, one by one.
template <class Work> void run_workers(unsigned threads, std::size_t n, Work &work) {
  const std::size_t hw = std::max(1u, threads != 0 ? threads : std::thread::hardware_concurrency());
  const std::size_t workers = std::min({hw, std::size_t{8}, std::max<std::size_t>(1, n)});
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w) {
    try {
      pool.emplace_back([&work] {
        try {
          work();
        } catch (...) { // out of memory: its ballots are verified again by the caller
        }
      });
    } catch (...) { // no thread available: fewer workers
      break;
    }
  }
  try {
    work();
  } catch (...) {
  }
  for (auto &t : pool) t.join();
}

} // namespace

Result<void> verify_ballot(const PollContext &poll, const Roster &roster, const Ballot &ballot,
                           const FastVerifier &fast) {
  const auto ctx = poll.hash();
  if (auto r = verify_before_proofs(poll, roster, ballot, ctx, ballot.ballot_hash()); !r) return r;
  // The proofs of contests [begin, end) in one batch; the first failure.
  return verify_in_parallel(poll.manifest.contests.size(), [&](std::size_t begin, std::size_t end) {
    BatchVerifier batch(fast);
    queue_proofs(batch, poll, ballot, ctx, begin, end);
    return batch.verify();
  });
}

Result<void> verify_ballot(const PollContext &poll, const Roster &roster, const Ballot &ballot) {
  const FastVerifier fast(poll.joint_key);
  return verify_ballot(poll, roster, ballot, fast);
}

std::vector<Result<void>> verify_ballots(const PollContext &poll, const Roster &roster,
                                         std::span<const Ballot> ballots, const FastVerifier &fast,
                                         unsigned threads) {
  constexpr std::size_t kBatchProofs = 2048; // about 16000 terms of 3-branch proofs per batch
  const std::size_t n = ballots.size();
  std::vector<Result<void>> results(n);
  std::vector<char> done(n, 0); // each written by the one thread that verified the ballot
  const auto ctx = poll.hash();
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    BatchVerifier batch(fast);
    std::vector<std::size_t> ends, owners;
    auto flush = [&] {
      auto rs = batch.verify_groups(ends);
      for (std::size_t g = 0; g < owners.size(); ++g) {
        results[owners[g]] = std::move(rs[g]);
        done[owners[g]] = 1;
      }
      batch.clear();
      ends.clear();
      owners.clear();
    };
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      const Ballot &b = ballots[i];
      if (auto r = verify_before_proofs(poll, roster, b, ctx, b.ballot_hash()); !r) {
        results[i] = std::move(r);
        done[i] = 1;
        continue;
      }
      queue_proofs(batch, poll, b, ctx, 0, b.contests.size());
      ends.push_back(batch.size());
      owners.push_back(i);
      if (batch.size() >= kBatchProofs) flush();
    }
    flush();
  };
  run_workers(threads, n, work);
  for (std::size_t i = 0; i < n; ++i)
    if (done[i] == 0) results[i] = verify_ballot(poll, roster, ballots[i], fast);
  return results;
}

std::vector<WireBallotResult> verify_wire_ballots(const PollContext &poll, const Roster &roster,
                                                  std::span<const ByteView> wires, const FastVerifier &fast,
                                                  TallyAccumulator &tally, unsigned threads) {
  constexpr std::size_t kBatchProofs = 2048; // as verify_ballots
  const std::size_t n = wires.size();
  std::vector<WireBallotResult> results(n);
  std::vector<char> done(n, 0); // each written by the one thread that verified the ballot
  const auto ctx = poll.hash();
  const std::size_t slots = tally_slot_count(poll.manifest);
  if (tally.slot_count() != slots) std::abort(); // programming error: a tally of another poll
  std::mutex merging;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    BatchVerifier batch(fast);
    TallyAccumulator local(slots);
    std::vector<std::size_t> ends, owners, verified;
    std::vector<std::vector<decaf_255_point_s>> owner_slots;
    std::vector<decaf_255_point_s> points;
    auto flush = [&] {
      auto rs = batch.verify_groups(ends);
      for (std::size_t g = 0; g < owners.size(); ++g) {
        if (rs[g]) detail::TallyAccess::add_points(local, owner_slots[g]);
        results[owners[g]].verdict = std::move(rs[g]);
        verified.push_back(owners[g]);
      }
      batch.clear();
      ends.clear();
      owners.clear();
      owner_slots.clear();
    };
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      points.clear();
      auto b = detail::decode_ballot(wires[i], detail::PointDecoder{&points});
      if (!b) {
        results[i].verdict = b.error();
        done[i] = 1;
        continue;
      }
      results[i].member_key = b->member_key;
      if (auto r = verify_before_proofs(poll, roster, *b, ctx, wire_ballot_hash(wires[i])); !r) {
        results[i].verdict = std::move(r);
        done[i] = 1;
        continue;
      }
      queue_decoded_proofs(batch, poll, *b, ctx, points);
      std::vector<decaf_255_point_s> own;
      own.reserve(2 * slots);
      slot_points(*b, points, own);
      ends.push_back(batch.size());
      owners.push_back(i);
      owner_slots.push_back(std::move(own));
      if (batch.size() >= kBatchProofs) flush();
    }
    flush();
    // Only now are this thread's ballots done: if it stopped before (out of memory), none of its
    // ballots is in `tally` and all of them are verified again below.
    const std::lock_guard lock(merging);
    (void)tally.merge(local);
    for (auto i : verified) done[i] = 1;
  };
  run_workers(threads, n, work);
  for (std::size_t i = 0; i < n; ++i) {
    if (done[i] != 0) continue;
    results[i] = {};
    auto b = decode_ballot(wires[i]);
    if (!b) {
      results[i].verdict = b.error();
      continue;
    }
    results[i].member_key = b->member_key;
    results[i].verdict = verify_ballot(poll, roster, *b, fast);
    if (results[i].verdict) (void)tally.add(*b);
  }
  return results;
}

} // namespace cv::crypto
