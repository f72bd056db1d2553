// councilvote-bench: prints timings of the crypto core on this machine. Never asserted in tests.
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/batch.hpp"
#include "councilvote/crypto/init.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sodium.h>
#include <string>
#include <thread>
#include <vector>

using namespace cv::crypto;
using Clock = std::chrono::steady_clock;

namespace {

template <class F> double median_us(int reps, F &&f) {
  std::vector<double> t;
  for (int i = 0; i < reps; ++i) {
    auto a = Clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::micro>(Clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

struct BenchPoll {
  PollContext poll;
  SigningKey member;
  Roster roster;
  std::vector<ContestSelection> sel;
};

// A poll of `contests` commendation contests, a roster of `members`, and a member's mixed choices.
// With general_options > 0, general contests of that many options (choose 0..3) instead.
BenchPoll make_poll(std::size_t contests, std::size_t members, std::uint32_t general_options = 0) {
  auto rng = DeterministicRng::from_label("bench");
  BenchPoll b;
  auto &poll = b.poll;
  poll.joint_key = Point::base_mul(Scalar::random(rng));
  poll.manifest = {"bench-meeting", "bench-poll", static_cast<std::uint32_t>(members + 1), {}};
  for (std::size_t i = 0; i < contests; ++i)
    poll.manifest.contests.push_back(
        general_options == 0
            ? PollManifest::commendation(std::to_string(i + 1))
            : ContestSpec{std::to_string(i + 1), ContestKind::general, general_options, 0, 3});
  b.member = SigningKey::generate(rng);
  b.roster.members.push_back(b.member.public_key);
  for (std::size_t i = 1; i < members; ++i) b.roster.members.push_back(SigningKey::generate(rng).public_key);
  poll.manifest.roster_digest = b.roster.digest();
  for (std::size_t i = 0; i < contests; ++i)
    b.sel.push_back(general_options != 0
                        ? ContestSelection{{0, static_cast<std::uint32_t>(i % general_options)}}
                    : i % 3 == 0 ? ContestSelection::agree()
                    : i % 3 == 1 ? ContestSelection::disagree()
                                 : ContestSelection::blank());
  if (general_options != 0)
    for (auto &sel : b.sel)
      if (sel.selected[1] == 0) sel.selected.pop_back();
  return b;
}

void bench_ballot(std::size_t contests, std::size_t members) {
  auto bp = make_poll(contests, members);
  const auto &poll = bp.poll;
  const auto &member = bp.member;
  const auto &roster = bp.roster;
  const auto &sel = bp.sel;

  Ballot ballot;
  const double enc = median_us(5, [&] { ballot = *encrypt_ballot({poll, member, sel, system_rng()}); });
  const FastVerifier fast(poll.joint_key);
  const double ver = median_us(5, [&] {
    if (!verify_ballot(poll, roster, ballot, fast)) std::abort();
  });
  const auto wire = ballot.encode();
  const double dec = median_us(5, [&] {
    if (!decode_ballot(wire)) std::abort();
  });
  // One contest proof alone (3 branches), reference (libsodium) and fast (libdecaf).
  const auto ctx = poll.hash();
  const auto values = selection_values(poll.manifest, poll.manifest.contests[0]);
  DisjunctiveStatement st{"CV/commendation",
                          ctx,
                          poll.joint_key,
                          member.public_key,
                          0,
                          0,
                          values,
                          ballot.contests[0].ciphertexts[0]};
  const auto &proof = ballot.contests[0].proofs[0];
  const double ref1 = median_us(51, [&] {
    if (!disjunctive_verify_reference(st, proof)) std::abort();
  });
  const double fast1 = median_us(51, [&] {
    if (!fast.verify(st, proof)) std::abort();
  });
  // A 2-branch {0, 1} proof (as a general contest's selection uses), for comparison.
  const std::vector<std::uint32_t> bits{0, 1};
  const Scalar r01 = Scalar::random();
  const auto ct01 = elgamal_encrypt(poll.joint_key, 1, r01);
  DisjunctiveStatement st01{"CV/selection", ctx, poll.joint_key, member.public_key, 0, 0, bits, ct01};
  const auto proof01 = disjunctive_prove(st01, 1, r01, system_rng());
  const double ref2 = median_us(51, [&] {
    if (!disjunctive_verify_reference(st01, proof01)) std::abort();
  });
  const double fast2 = median_us(51, [&] {
    if (!fast.verify(st01, proof01)) std::abort();
  });
  std::printf("ballot of %3zu commendation contests (%zu bytes):\n", contests, wire.size());
  std::printf("  encrypt+prove+sign      %8.2f ms\n", enc / 1000);
  std::printf("  decode                  %8.2f ms\n", dec / 1000);
  std::printf("  verify (full, batched)  %8.2f ms   (%.1f us per contest)\n", ver / 1000,
              ver / double(contests));
  std::printf("  one contest proof (3 branches): verify libsodium %.1f us, libdecaf %.1f us\n", ref1, fast1);
  std::printf("  one {0,1} proof (2 branches):   verify libsodium %.1f us, libdecaf %.1f us\n", ref2, fast2);
}

// The proofs of a ballot (checks 7 and 8) as verify_ballot checked them before batching: one by one
// with FastVerifier, the contest sums added by libsodium. One thread.
void verify_proofs_one_by_one(const PollContext &poll, const Ballot &ballot, const FastVerifier &fast) {
  const auto ctx = poll.hash();
  for (std::uint32_t i = 0; i < ballot.contests.size(); ++i) {
    const auto &spec = poll.manifest.contests[i];
    const auto &c = ballot.contests[i];
    const auto values = selection_values(poll.manifest, spec);
    const bool comm = spec.kind == ContestKind::commendation;
    Ciphertext sum{};
    for (std::uint32_t j = 0; j < c.ciphertexts.size(); ++j) {
      if (!fast.verify({comm ? "CV/commendation" : "CV/selection", ctx, poll.joint_key, ballot.member_key, i,
                        comm ? 0 : j, values, c.ciphertexts[j]},
                       c.proofs[j]))
        std::abort();
      sum += c.ciphertexts[j];
    }
    if (!comm && !fast.verify({"CV/contest-sum", ctx, poll.joint_key, ballot.member_key, i, kSumSlot,
                               sum_values(spec), sum},
                              *c.sum_proof))
      std::abort();
  }
}

// The same in one BatchVerifier (the sums from its decoded points), one thread.
void verify_proofs_batched(const PollContext &poll, const Ballot &ballot, const FastVerifier &fast) {
  const auto ctx = poll.hash();
  BatchVerifier batch(fast);
  for (std::uint32_t i = 0; i < ballot.contests.size(); ++i) {
    const auto &spec = poll.manifest.contests[i];
    const auto &c = ballot.contests[i];
    const auto values = selection_values(poll.manifest, spec);
    const bool comm = spec.kind == ContestKind::commendation;
    const std::size_t first = batch.size();
    for (std::uint32_t j = 0; j < c.ciphertexts.size(); ++j)
      batch.add({comm ? "CV/commendation" : "CV/selection", ctx, poll.joint_key, ballot.member_key, i,
                 comm ? 0 : j, values, c.ciphertexts[j]},
                c.proofs[j]);
    if (!comm)
      batch.add({"CV/contest-sum", ctx, poll.joint_key, ballot.member_key, i, kSumSlot, sum_values(spec),
                 *batch.ciphertext_sum(first, batch.size())},
                *c.sum_proof);
  }
  if (!batch.verify()) std::abort();
}

void bench_ballot_proofs(const char *title, const BenchPoll &bp, const Ballot &ballot,
                         const FastVerifier &fast) {
  const double before = median_us(5, [&] { verify_proofs_one_by_one(bp.poll, ballot, fast); });
  const double after = median_us(5, [&] { verify_proofs_batched(bp.poll, ballot, fast); });
  const double full = median_us(5, [&] {
    if (!verify_ballot(bp.poll, bp.roster, ballot, fast)) std::abort();
  });
  std::printf("%s:\n", title);
  std::printf("  its proofs one by one (FastVerifier), one thread  %8.2f ms\n", before / 1000);
  std::printf("  its proofs in one batch, one thread              %8.2f ms   (%.1fx)\n", after / 1000,
              before / after);
  std::printf("  verify_ballot (all checks, batched, %u threads)   %8.2f ms\n",
              std::max(1u, std::thread::hardware_concurrency()), full / 1000);
}

// Batch verification (BatchVerifier) against proof-by-proof FastVerifier and the libsodium
// reference, in microseconds per proof, on one thread unless said otherwise.
void bench_batch() {
  auto bp = make_poll(200, 22);
  const auto &poll = bp.poll;
  const FastVerifier fast(poll.joint_key);
  // 1000 commendation proofs: the proofs of five 200-contest ballots.
  std::vector<Ballot> ballots;
  for (int i = 0; i < 5; ++i) ballots.push_back(*encrypt_ballot({poll, bp.member, bp.sel, system_rng()}));
  const auto ctx = poll.hash();
  const auto values = selection_values(poll.manifest, poll.manifest.contests[0]);
  struct Item {
    DisjunctiveStatement st;
    const DisjunctiveProof *proof;
  };
  std::vector<Item> items;
  for (const auto &b : ballots)
    for (std::uint32_t i = 0; i < b.contests.size(); ++i)
      items.push_back(
          {{"CV/commendation", ctx, poll.joint_key, b.member_key, i, 0, values, b.contests[i].ciphertexts[0]},
           &b.contests[i].proofs[0]});
  const auto n = static_cast<double>(items.size());
  auto per_proof = [&](std::size_t count, auto &&check) {
    return median_us(3,
                     [&] {
                       for (std::size_t k = 0; k < count; ++k)
                         if (!check(items[k])) std::abort();
                     }) /
           double(count);
  };
  const double ref =
      per_proof(100, [](const Item &it) { return bool(disjunctive_verify_reference(it.st, *it.proof)); });
  const double one =
      per_proof(items.size(), [&](const Item &it) { return bool(fast.verify(it.st, *it.proof)); });
  const double single = per_proof(200, [&](const Item &it) {
    BatchVerifier b(fast);
    b.add(it.st, *it.proof);
    return bool(b.verify());
  });
  auto batch_of = [&](std::size_t count) {
    return median_us(3,
                     [&] {
                       BatchVerifier b(fast);
                       for (std::size_t k = 0; k < count; ++k) b.add(items[k].st, *items[k].proof);
                       if (!b.verify()) std::abort();
                     }) /
           double(count);
  };
  const double b10 = batch_of(10), b200 = batch_of(200), b1000 = batch_of(items.size());
  // A batch of 1000 with one bad proof: the batch fails, bisection names it.
  auto bad = *items[777].proof;
  bad.branches[1].z += Scalar::from_u64(1);
  const double b1000_bad = median_us(3,
                                     [&] {
                                       BatchVerifier b(fast);
                                       for (std::size_t k = 0; k < items.size(); ++k)
                                         b.add(items[k].st, k == 777 ? bad : *items[k].proof);
                                       if (b.verify()) std::abort();
                                     }) /
                           n;
  std::printf("commendation proofs (3 branches), us per proof, one thread:\n");
  std::printf("  libsodium reference, proof by proof     %8.1f\n", ref);
  std::printf("  libdecaf FastVerifier, proof by proof   %8.1f\n", one);
  std::printf("  BatchVerifier, batch of 1               %8.1f\n", single);
  std::printf("  BatchVerifier, batch of 10              %8.1f\n", b10);
  std::printf("  BatchVerifier, batch of 200             %8.1f\n", b200);
  std::printf("  BatchVerifier, batch of 1000            %8.1f   (%.1fx FastVerifier)\n", b1000, one / b1000);
  std::printf("  batch of 1000, one bad proof (located)  %8.1f\n", b1000_bad);

  bench_ballot_proofs("one ballot of 200 commendation contests", bp, ballots[0], fast);
  auto gp = make_poll(20, 22, 10);
  const auto general = *encrypt_ballot({gp.poll, gp.member, gp.sel, system_rng()});
  bench_ballot_proofs("one ballot of 20 general contests of 10 options (220 proofs)", gp, general,
                      FastVerifier(gp.poll.joint_key));

  // Many ballots in shared batches (an offline verifier), on 1 and 2 threads.
  std::printf("many ballots in shared batches (verify_ballots, all checks):\n");
  std::vector<Ballot> many;
  for (int i = 0; i < 4; ++i) many.insert(many.end(), ballots.begin(), ballots.end());
  for (unsigned threads : {1u, 2u}) {
    const double t = median_us(3, [&] {
      for (const auto &r : verify_ballots(poll, bp.roster, many, fast, threads))
        if (!r) std::abort();
    });
    const double per_proof_us = t / double(many.size() * 200);
    std::printf("  %zu ballots x 200 contests, %u thread%s  %8.2f ms   (%.1f us per proof; 500 x 1000 would "
                "take %.0f s)\n",
                many.size(), threads, threads == 1 ? " " : "s", t / 1000, per_proof_us, per_proof_us * 0.5);
  }
}

} // namespace

int main() {
  if (auto r = init(); !r) {
    std::fprintf(stderr, "self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  auto s = Scalar::random();
  auto P = Point::base_mul(Scalar::random());
  Point out;
  const double smul = median_us(201, [&] { out = s * P; });
  const double bmul = median_us(201, [&] { out = Point::base_mul(s); });
  const double add = median_us(201, [&] { out = P + out; });
  std::printf(
      "libsodium ristretto255 on this machine: scalarmult %.1f us, base scalarmult %.1f us, add %.1f us\n",
      smul, bmul, add);
  bench_ballot(60, 22);
  bench_ballot(200, 22);
  bench_batch();
  return 0;
}
