// Batch verification of disjunctive proofs (crypto/batch.hpp): a batch gives the verdict, the check
// and the error of verifying proof by proof with FastVerifier.
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/batch.hpp"
#include "councilvote/crypto/hash.hpp"
#include "councilvote/crypto/tally.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace cv::crypto;

namespace {

constexpr std::string_view kTagCommendation = "CV/commendation";
constexpr std::string_view kTagSelection = "CV/selection";
constexpr std::string_view kTagSum = "CV/contest-sum";

// A poll of `commendations` commendation contests and `generals` general contests of 4 options
// (choose 1..3), a roster of `n_members`.
struct Poll {
  DeterministicRng rng = DeterministicRng::from_label("batch tests");
  PollContext poll;
  std::vector<SigningKey> members;
  Roster roster;

  explicit Poll(std::size_t commendations = 3, std::size_t generals = 1, std::size_t n_members = 6) {
    poll.joint_key = Point::base_mul(Scalar::random(rng));
    poll.manifest.meeting_id = "meeting-b";
    poll.manifest.poll_id = "poll-b";
    poll.manifest.disagree_weight = static_cast<std::uint32_t>(n_members + 1);
    for (std::size_t i = 0; i < commendations; ++i)
      poll.manifest.contests.push_back(PollManifest::commendation("nominee-" + std::to_string(i)));
    for (std::size_t i = 0; i < generals; ++i)
      poll.manifest.contests.push_back(
          ContestSpec{"quota-" + std::to_string(i), ContestKind::general, 4, 1, 3});
    for (std::size_t i = 0; i < n_members; ++i) {
      members.push_back(SigningKey::generate(rng));
      roster.members.push_back(members.back().public_key);
    }
    poll.manifest.roster_digest = roster.digest();
  }
  // Member m's ballot, its choices varying with m.
  Ballot cast(std::size_t m) {
    std::vector<ContestSelection> sel;
    for (std::size_t i = 0; i < poll.manifest.contests.size(); ++i) {
      if (poll.manifest.contests[i].kind == ContestKind::commendation) {
        const auto k = (m + i) % 3;
        sel.push_back(k == 0   ? ContestSelection::agree()
                      : k == 1 ? ContestSelection::disagree()
                               : ContestSelection::blank());
      } else {
        sel.push_back(ContestSelection{
            {static_cast<std::uint32_t>(m % 4), static_cast<std::uint32_t>((m + i + 1) % 4)}});
        if (sel.back().selected[0] == sel.back().selected[1]) sel.back().selected.pop_back();
      }
    }
    auto b = encrypt_ballot({poll, members[m], sel, rng});
    REQUIRE(b);
    return *b;
  }
  void resign(Ballot &b, std::size_t m) const {
    b.signature =
        sign(members[m], "CV/ballot-signature", ballot_signing_message(b.context_hash, b.ballot_hash()));
  }
};

// Where a proof sits in a ballot: contest i, ciphertext j, or its sum proof (j = npos).
struct ProofAt {
  std::size_t contest;
  std::size_t ciphertext; // std::string::npos: the sum proof
};

// The check name and FastVerifier's verdict on that one proof of the ballot: what verify_ballot
// reports when it is the first failing proof.
std::string check_name(const ProofAt &at) {
  return "contest[" + std::to_string(at.contest) + "]" +
         (at.ciphertext == std::string::npos ? ".sum_proof"
                                             : ".ciphertext[" + std::to_string(at.ciphertext) + "].proof");
}

Result<void> proof_by_proof(const PollContext &poll, const Ballot &b, const ProofAt &at) {
  const auto ctx = poll.hash();
  const auto &spec = poll.manifest.contests[at.contest];
  const auto &c = b.contests[at.contest];
  const auto idx = static_cast<std::uint32_t>(at.contest);
  const FastVerifier fast(poll.joint_key);
  if (at.ciphertext == std::string::npos) {
    Ciphertext sum{};
    for (const auto &ct : c.ciphertexts) sum += ct;
    const auto sums = sum_values(spec);
    return fast.verify({kTagSum, ctx, poll.joint_key, b.member_key, idx, kSumSlot, sums, sum}, *c.sum_proof);
  }
  const auto values = selection_values(poll.manifest, spec);
  const bool comm = spec.kind == ContestKind::commendation;
  const auto slot = comm ? 0u : static_cast<std::uint32_t>(at.ciphertext);
  return fast.verify({comm ? kTagCommendation : kTagSelection, ctx, poll.joint_key, b.member_key, idx, slot,
                      values, c.ciphertexts[at.ciphertext]},
                     c.proofs[at.ciphertext]);
}

// Every proof of a ballot, in verification order.
std::vector<ProofAt> proofs_of(const Ballot &b) {
  std::vector<ProofAt> out;
  for (std::size_t i = 0; i < b.contests.size(); ++i) {
    for (std::size_t j = 0; j < b.contests[i].proofs.size(); ++j) out.push_back({i, j});
    if (b.contests[i].sum_proof) out.push_back({i, std::string::npos});
  }
  return out;
}

DisjunctiveProof &proof_at(Ballot &b, const ProofAt &at) {
  auto &c = b.contests[at.contest];
  return at.ciphertext == std::string::npos ? *c.sum_proof : c.proofs[at.ciphertext];
}

// r is the failure `check` with FastVerifier's message for that proof, as verify_ballot words it.
void check_same_failure(const Result<void> &r, const std::string &check, const Result<void> &per_proof) {
  REQUIRE_FALSE(r);
  REQUIRE_FALSE(per_proof);
  CHECK(r.error().code == Errc::verification_failed);
  CHECK(r.error().check == check);
  CHECK(r.error().message == check + ": " + per_proof.error().message);
}

// The check a failure names.
std::string first_check_of(const Result<void> &r) {
  REQUIRE_FALSE(r);
  return r.error().check;
}

} // namespace

TEST_CASE("batch: multi-scalar multiplication equals the sum of scalar multiplications, every method",
          "[batch]") {
  auto rng = DeterministicRng::from_label("msm");
  const Scalar minus_one = -Scalar::from_u64(1);
  for (std::size_t n : {0u, 1u, 2u, 3u, 9u, 40u, 130u}) {
    std::vector<Scalar> s;
    std::vector<Point> p;
    for (std::size_t i = 0; i < n; ++i) {
      // Edge scalars (0, 1, l − 1, a small one) among random ones; the identity among the points.
      s.push_back(i % 7 == 1   ? Scalar{}
                  : i % 7 == 2 ? Scalar::from_u64(1)
                  : i % 7 == 3 ? minus_one
                  : i % 7 == 4 ? Scalar::from_u64(0xffffffffu)
                               : Scalar::random(rng));
      p.push_back(i % 11 == 5 ? Point::identity() : Point::base_mul(Scalar::random(rng)));
    }
    Point want;
    for (std::size_t i = 0; i < n; ++i) want += s[i] * p[i];
    for (unsigned method : {kMsmAuto, kMsmStraus, 1u, 2u, 3u, 5u, 8u, 11u}) {
      INFO("n = " << n << ", method " << method);
      auto got = multi_scalar_mul_non_secret(s, p, method);
      REQUIRE(got);
      CHECK(*got == want);
    }
  }
  // The widest window once (2^15 buckets), and the sum of a point and its negation.
  const Point P = Point::base_mul(Scalar::random(rng));
  const std::vector<Scalar> s{Scalar::from_u64(5), -Scalar::from_u64(5)};
  const std::vector<Point> p{P, P};
  for (unsigned method : {kMsmAuto, kMsmStraus, 4u, 16u}) {
    auto got = multi_scalar_mul_non_secret(s, p, method);
    REQUIRE(got);
    CHECK(got->is_identity());
  }
  auto bad = multi_scalar_mul_non_secret(s, std::span<const Point>(p).first(1));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == Errc::invalid_argument);
}

TEST_CASE("batch: valid proofs pass, in an empty batch, a batch of one and a batch of many ballots",
          "[batch]") {
  Poll f;
  const FastVerifier fast(f.poll.joint_key);
  const auto ctx = f.poll.hash();

  BatchVerifier empty(fast);
  CHECK(empty.size() == 0);
  CHECK(empty.verify());
  CHECK(empty.verify_groups({}).empty());
  CHECK(verify_ballots(f.poll, f.roster, {}, fast).empty());

  auto b = f.cast(0);
  // A batch of one proof, with its own FastVerifier.
  BatchVerifier one(f.poll.joint_key);
  const auto values = selection_values(f.poll.manifest, f.poll.manifest.contests[0]);
  CHECK(one.add({kTagCommendation, ctx, f.poll.joint_key, b.member_key, 0, 0, values,
                 b.contests[0].ciphertexts[0]},
                b.contests[0].proofs[0]) == 0);
  CHECK(one.size() == 1);
  CHECK(one.verify());
  CHECK(one.verify_range(0, 1));
  CHECK(one.verify_range(1, 1));
  CHECK_FALSE(one.verify_range(0, 2));

  // Every member's ballot, one batch for all of them.
  std::vector<Ballot> ballots;
  for (std::size_t m = 0; m < f.members.size(); ++m) ballots.push_back(m == 0 ? b : f.cast(m));
  for (const auto &x : ballots) CHECK(verify_ballot(f.poll, f.roster, x, fast));
  for (unsigned threads : {1u, 2u, 0u})
    for (const auto &r : verify_ballots(f.poll, f.roster, ballots, fast, threads)) CHECK(r);
  BatchVerifier all(fast);
  std::vector<std::size_t> ends;
  for (const auto &x : ballots) {
    for (const auto &at : proofs_of(x)) {
      const auto &spec = f.poll.manifest.contests[at.contest];
      const auto idx = static_cast<std::uint32_t>(at.contest);
      const auto &c = x.contests[at.contest];
      if (at.ciphertext == std::string::npos) {
        Ciphertext sum{};
        for (const auto &ct : c.ciphertexts) sum += ct;
        all.add({kTagSum, ctx, f.poll.joint_key, x.member_key, idx, kSumSlot, sum_values(spec), sum},
                *c.sum_proof);
      } else {
        const bool comm = spec.kind == ContestKind::commendation;
        all.add({comm ? kTagCommendation : kTagSelection, ctx, f.poll.joint_key, x.member_key, idx,
                 comm ? 0u : static_cast<std::uint32_t>(at.ciphertext),
                 selection_values(f.poll.manifest, spec), c.ciphertexts[at.ciphertext]},
                c.proofs[at.ciphertext]);
      }
    }
    ends.push_back(all.size());
  }
  CHECK(all.size() == ballots.size() * 8); // 3 commendation proofs, 4 selections and a sum each
  CHECK(all.verify());
  for (const auto &r : all.verify_groups(ends)) CHECK(r);
  all.clear();
  CHECK(all.size() == 0);
  CHECK(all.verify());
}

TEST_CASE("batch: each corrupted proof element is refused with the check and error of the per-proof verifier",
          "[batch]") {
  Poll f;
  const FastVerifier fast(f.poll.joint_key);
  std::vector<Ballot> ballots;
  for (std::size_t m = 0; m < 4; ++m) ballots.push_back(f.cast(m));
  const std::size_t victim = 2; // the ballot corrupted, amid valid ones
  const auto all_at = proofs_of(ballots[victim]);
  REQUIRE(all_at.size() == 8);

  // Verifies the batch of all ballots with ballot `victim` replaced, and verify_ballot alone: both
  // name `at`, with FastVerifier's message for it; the other ballots still pass.
  auto refused_at = [&](const Ballot &bad, const ProofAt &at) {
    auto batch = ballots;
    batch[victim] = bad;
    const auto rs = verify_ballots(f.poll, f.roster, batch, fast, 1);
    const auto per_proof = proof_by_proof(f.poll, bad, at);
    check_same_failure(rs[victim], check_name(at), per_proof);
    check_same_failure(verify_ballot(f.poll, f.roster, bad, fast), check_name(at), per_proof);
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (i != victim) CHECK(rs[i]);
  };

  SECTION("every field of every branch of every proof, and every ciphertext") {
    for (const auto &at : all_at) {
      const std::size_t branches = proof_at(ballots[victim], at).branches.size();
      for (std::size_t j = 0; j < branches; ++j) {
        for (int field = 0; field < 5; ++field) {
          INFO(check_name(at) << " branch " << j << " field " << field);
          Ballot bad = ballots[victim];
          auto &br = proof_at(bad, at).branches[j];
          if (field == 0) br.a = br.a + Point::generator();
          if (field == 1) br.b = br.b - Point::generator();
          if (field == 2) br.c = br.c + Scalar::from_u64(1);
          if (field == 3) br.z = br.z + Scalar::from_u64(3);
          if (field == 4) br.a = Point::identity();
          f.resign(bad, victim);
          refused_at(bad, at);
        }
      }
      if (at.ciphertext != std::string::npos) { // the ciphertext itself (a general one changes its sum too)
        for (int which = 0; which < 2; ++which) {
          INFO(check_name(at) << " ciphertext " << which);
          Ballot bad = ballots[victim];
          auto &ct = bad.contests[at.contest].ciphertexts[at.ciphertext];
          (which == 0 ? ct.alpha : ct.beta) += Point::generator();
          f.resign(bad, victim);
          refused_at(bad, at);
        }
      }
    }
  }
  SECTION("a dropped branch and a proof of another contest") {
    Ballot bad = ballots[victim];
    bad.contests[1].proofs[0].branches.pop_back();
    f.resign(bad, victim);
    refused_at(bad, {1, 0});
    bad = ballots[victim];
    bad.contests[2].proofs[0] = bad.contests[1].proofs[0];
    f.resign(bad, victim);
    refused_at(bad, {2, 0});
  }
  SECTION("two bad proofs in one ballot: the first is named") {
    Ballot bad = ballots[victim];
    proof_at(bad, {3, std::string::npos}).branches[0].z += Scalar::from_u64(1);
    proof_at(bad, {3, 1}).branches[1].c += Scalar::from_u64(1);
    f.resign(bad, victim);
    refused_at(bad, {3, 1});
  }
}

TEST_CASE("batch: errors that would cancel out under equal weights are still refused", "[batch]") {
  Poll f(4, 0);
  const FastVerifier fast(f.poll.joint_key);
  std::vector<Ballot> ballots{f.cast(0), f.cast(1), f.cast(2)};
  const Scalar d = Scalar::random(f.rng);
  const Point D = Point::base_mul(Scalar::random(f.rng));

  SECTION("z of proof A by +d and of proof B by -d, in two ballots") {
    ballots[0].contests[1].proofs[0].branches[2].z += d;
    ballots[2].contests[1].proofs[0].branches[2].z += -d;
  }
  SECTION("a of proof A by +D and of proof B by -D, in two ballots") {
    ballots[0].contests[1].proofs[0].branches[0].a += D;
    ballots[2].contests[1].proofs[0].branches[0].a = ballots[2].contests[1].proofs[0].branches[0].a - D;
  }
  f.resign(ballots[0], 0);
  f.resign(ballots[2], 2);
  for (unsigned threads : {1u, 2u}) {
    const auto rs = verify_ballots(f.poll, f.roster, ballots, fast, threads);
    for (std::size_t i : {0u, 2u})
      check_same_failure(rs[i], "contest[1].ciphertext[0].proof", proof_by_proof(f.poll, ballots[i], {1, 0}));
    CHECK(rs[1]);
  }
  // The same two errors inside one ballot.
  Ballot one = ballots[1];
  one.contests[0].proofs[0].branches[1].z += d;
  one.contests[3].proofs[0].branches[1].z += -d;
  f.resign(one, 1);
  check_same_failure(verify_ballot(f.poll, f.roster, one, fast), "contest[0].ciphertext[0].proof",
                     proof_by_proof(f.poll, one, {0, 0}));
  // Challenges moved between two branches of one proof: their sum (eq_c) still holds, and the two
  // eq_a errors, d·alpha and −d·alpha, would cancel under equal weights.
  one = ballots[1];
  one.contests[2].proofs[0].branches[0].c += d;
  one.contests[2].proofs[0].branches[1].c += -d;
  f.resign(one, 1);
  check_same_failure(verify_ballot(f.poll, f.roster, one, fast), "contest[2].ciphertext[0].proof",
                     proof_by_proof(f.poll, one, {2, 0}));
}

TEST_CASE("batch: statement errors, labels, ranges and groups", "[batch]") {
  Poll f(2, 0);
  const FastVerifier fast(f.poll.joint_key);
  const auto ctx = f.poll.hash();
  const auto b = f.cast(0);
  const auto values = selection_values(f.poll.manifest, f.poll.manifest.contests[0]);
  const DisjunctiveStatement good{
      kTagCommendation, ctx, f.poll.joint_key, b.member_key, 0, 0, values, b.contests[0].ciphertexts[0]};
  const auto &proof = b.contests[0].proofs[0];
  const Point other_key = f.poll.joint_key + Point::generator();
  const std::vector<std::uint32_t> two{0, 1}, none{};
  const DisjunctiveStatement wrong_key{
      kTagCommendation, ctx, other_key, b.member_key, 0, 0, values, b.contests[0].ciphertexts[0]};
  const DisjunctiveStatement wrong_size{
      kTagCommendation, ctx, f.poll.joint_key, b.member_key, 0, 0, two, b.contests[0].ciphertexts[0]};
  const DisjunctiveStatement no_values{
      kTagCommendation, ctx, f.poll.joint_key, b.member_key, 0, 0, none, b.contests[0].ciphertexts[0]};
  const DisjunctiveStatement wrong_contest{
      kTagCommendation, ctx, f.poll.joint_key, b.member_key, 1, 0, values, b.contests[0].ciphertexts[0]};
  for (const auto *st : {&wrong_key, &wrong_size, &no_values, &wrong_contest}) {
    const auto want = fast.verify(*st, proof);
    REQUIRE_FALSE(want);
    // Without a label: FastVerifier's error as it is, code included.
    BatchVerifier plain(fast);
    plain.add(good, proof);
    plain.add(*st, proof);
    plain.add(good, proof);
    auto r = plain.verify();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == want.error().code);
    CHECK(r.error().message == want.error().message);
    CHECK(r.error().check.empty());
    CHECK(plain.verify_range(0, 1));
    CHECK_FALSE(plain.verify_range(1, 2));
    CHECK(plain.verify_range(2, 3));
    // With a label: as verify_ballot words a failed proof.
    BatchVerifier labelled(fast);
    labelled.add(good, proof, "first");
    labelled.add(*st, proof, "second");
    check_same_failure(labelled.verify(), "second", want);
  }

  // Groups: [0, 2) good, [2, 3) bad, [3, 3) empty, [3, 6) bad in its last proof, [6, 7) good.
  auto bad_proof = proof;
  bad_proof.branches[0].z += Scalar::from_u64(1);
  BatchVerifier g(fast);
  g.add(good, proof, "p0");
  g.add(good, proof, "p1");
  g.add(good, bad_proof, "p2");
  g.add(good, proof, "p3");
  g.add(good, proof, "p4");
  g.add(wrong_key, proof, "p5");
  g.add(good, proof, "p6");
  const std::vector<std::size_t> ends{2, 3, 3, 6, 7};
  const auto rs = g.verify_groups(ends);
  REQUIRE(rs.size() == 5);
  CHECK(rs[0]);
  CHECK(first_check_of(rs[1]) == "p2");
  CHECK(rs[2]);
  CHECK(first_check_of(rs[3]) == "p5");
  CHECK(rs[4]);
  CHECK(first_check_of(g.verify()) == "p2");
  CHECK(first_check_of(g.verify_range(3, 7)) == "p5");
  CHECK(g.verify_range(3, 5));
  CHECK_FALSE(g.verify_range(5, 4));
  // Ciphertext sums from the decoded points: as libsodium adds them; none over a proof that failed in add().
  const auto &ct = b.contests[0].ciphertexts[0];
  CHECK(g.ciphertext_sum(0, 0) == Ciphertext{});
  CHECK(g.ciphertext_sum(0, 5) == ct + ct + ct + ct + ct);
  CHECK(g.ciphertext_sum(2, 3) == ct);
  CHECK_FALSE(g.ciphertext_sum(4, 6));
  CHECK_FALSE(g.ciphertext_sum(6, 8));
  const std::vector<std::size_t> unordered{3, 2}, too_far{8};
  for (const auto &e : {unordered, too_far})
    for (const auto &r : g.verify_groups(e)) {
      REQUIRE_FALSE(r);
      CHECK(r.error().code == Errc::invalid_argument);
    }
}

TEST_CASE("batch: verify_ballots gives each ballot the result of verify_ballot, on 1 and 2 threads",
          "[batch]") {
  // Enough proofs (7 x 410) for a thread to fill more than one batch of 2048.
  Poll f(410, 0, 8);
  const FastVerifier fast(f.poll.joint_key);
  std::vector<Ballot> ballots;
  for (std::size_t m = 0; m < 7; ++m) ballots.push_back(f.cast(m));
  // Ballot 1: a bad proof late; 3: a bad signature; 4: two bad proofs; 5: another member's key.
  ballots[1].contests[397].proofs[0].branches[2].b += Point::generator();
  f.resign(ballots[1], 1);
  ballots[3].signature[0] ^= 1;
  ballots[4].contests[200].proofs[0] = ballots[4].contests[201].proofs[0];
  ballots[4].contests[9].proofs[0].branches[0].c += Scalar::from_u64(1);
  f.resign(ballots[4], 4);
  ballots[5].member_key = f.members[7].public_key;
  f.resign(ballots[5], 7);
  std::vector<Result<void>> want;
  for (const auto &b : ballots) want.push_back(verify_ballot(f.poll, f.roster, b, fast));
  CHECK(want[0]);
  CHECK(want[1].error().check == "contest[397].ciphertext[0].proof");
  CHECK(want[2]);
  CHECK(want[3].error().check == "signature");
  CHECK(want[4].error().check == "contest[9].ciphertext[0].proof");
  CHECK(want[5].error().check == "contest[0].ciphertext[0].proof");
  CHECK(want[6]);
  for (unsigned threads : {1u, 2u}) {
    const auto rs = verify_ballots(f.poll, f.roster, ballots, fast, threads);
    REQUIRE(rs.size() == ballots.size());
    for (std::size_t i = 0; i < ballots.size(); ++i) {
      INFO("ballot " << i << ", " << threads << " threads");
      CHECK(bool(rs[i]) == bool(want[i]));
      if (!want[i]) {
        CHECK(rs[i].error().code == want[i].error().code);
        CHECK(rs[i].error().check == want[i].error().check);
        CHECK(rs[i].error().message == want[i].error().message);
      }
    }
  }
}

namespace {

// verify_wire_ballots on `wires`: each result is decode_ballot's error or verify_ballot's result, and
// the tally is tally_ballots of the ballots that verify (also by TallyAccumulator::add one by one).
void check_wire_ballots(const Poll &f, const std::vector<Bytes> &wires, unsigned threads) {
  const FastVerifier fast(f.poll.joint_key);
  std::vector<ByteView> views(wires.begin(), wires.end());
  TallyAccumulator tally(tally_slot_count(f.poll.manifest)), one_by_one(tally_slot_count(f.poll.manifest));
  const auto rs = verify_wire_ballots(f.poll, f.roster, views, fast, tally, threads);
  REQUIRE(rs.size() == wires.size());
  std::vector<Ballot> valid;
  for (std::size_t i = 0; i < wires.size(); ++i) {
    INFO("ballot " << i << ", " << threads << " threads");
    const auto b = decode_ballot(wires[i]);
    REQUIRE(rs[i].member_key.has_value() == bool(b));
    const Result<void> want = b ? verify_ballot(f.poll, f.roster, *b, fast) : Result<void>(b.error());
    CHECK(bool(rs[i].verdict) == bool(want));
    if (!want) {
      CHECK(rs[i].verdict.error().code == want.error().code);
      CHECK(rs[i].verdict.error().check == want.error().check);
      CHECK(rs[i].verdict.error().message == want.error().message);
    } else {
      CHECK(*rs[i].member_key == b->member_key);
      valid.push_back(*b);
      REQUIRE(one_by_one.add(*b));
    }
  }
  auto want_tally = tally_ballots(f.poll, valid);
  REQUIRE(want_tally);
  CHECK(tally.ballots() == valid.size());
  CHECK(tally.totals() == want_tally->totals);
  CHECK(one_by_one.totals() == want_tally->totals);
}

} // namespace

TEST_CASE("batch: verify_wire_ballots decodes every point once and gives decode_ballot's and "
          "verify_ballot's results and the tally of the valid ballots",
          "[batch]") {
  SECTION("points corrupted in every way, one contest kind") {
    Poll f(3, 0, 4);
    const Bytes good = f.cast(0).encode();
    // Point offsets: after the 72-byte header, each commendation contest is kind (1), count (4),
    // alpha, beta, branch count (4), three branches of a, b, c, z; the sum proof flag (1).
    std::vector<std::size_t> at;
    for (std::size_t c = 0; c < 3; ++c) {
      const std::size_t base = 72 + c * (5 + 64 + 4 + 3 * 128 + 1);
      at.push_back(base + 5);
      at.push_back(base + 37);
      for (std::size_t k = 0; k < 3; ++k) {
        at.push_back(base + 73 + 128 * k);
        at.push_back(base + 73 + 128 * k + 32);
      }
    }
    auto rng = DeterministicRng::from_label("wire ballot corruptions");
    const Point other = Point::base_mul(Scalar::random(rng));
    std::vector<Bytes> wires{good};
    for (std::size_t i = 0; i < at.size(); ++i) {
      auto put = [&](auto fill) {
        Bytes w = good;
        fill(w.data() + at[i]);
        wires.push_back(std::move(w));
      };
      put([](std::uint8_t *p) { std::fill(p, p + 32, 0); });    // the identity
      put([](std::uint8_t *p) { std::fill(p, p + 32, 0xff); }); // not canonical
      put([](std::uint8_t *p) { p[31] |= 0x80; });              // the top bit: a second encoding
      put([&](std::uint8_t *p) { std::copy_n(other.bytes().begin(), 32, p); }); // another valid point
      for (int k = 0; k < 4; ++k)
        put([&](std::uint8_t *p) { // random bytes: mostly not a point
          ByteArray<32> r{};
          rng.fill(r);
          std::copy_n(r.begin(), 32, p);
        });
    }
    wires.push_back(Bytes(good.begin(), good.end() - 1)); // truncated
    wires.push_back(f.cast(1).encode());
    for (unsigned threads : {1u, 2u}) check_wire_ballots(f, wires, threads);
  }
  SECTION("general contests, their sum proofs and more than one batch per thread") {
    Poll f(300, 3, 8);
    std::vector<Ballot> ballots;
    for (std::size_t m = 0; m < 7; ++m) ballots.push_back(f.cast(m));
    // 1: a bad option proof; 2: a bad sum proof; 4: a bad signature; 5: a bad late commendation proof.
    ballots[1].contests[301].proofs[2].branches[1].z += Scalar::from_u64(1);
    f.resign(ballots[1], 1);
    ballots[2].contests[302].sum_proof->branches[0].a += Point::generator();
    f.resign(ballots[2], 2);
    ballots[4].signature[5] ^= 1;
    ballots[5].contests[290].proofs[0].branches[1].b += Point::generator();
    f.resign(ballots[5], 5);
    std::vector<Bytes> wires;
    for (const auto &b : ballots) wires.push_back(b.encode());
    for (unsigned threads : {1u, 2u}) check_wire_ballots(f, wires, threads);
  }
}
