// councilvote-bench: prints timings of the crypto core on this machine. Never asserted in tests.
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/init.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sodium.h>
#include <string>

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

void bench_ballot(std::size_t contests, std::size_t members) {
  auto rng = DeterministicRng::from_label("bench");
  PollContext poll;
  poll.joint_key = Point::base_mul(Scalar::random(rng));
  poll.manifest = {"bench-meeting", "bench-poll", static_cast<std::uint32_t>(members + 1), {}};
  for (std::size_t i = 0; i < contests; ++i)
    poll.manifest.contests.push_back(PollManifest::commendation(std::to_string(i + 1)));
  auto member = SigningKey::generate(rng);
  Roster roster;
  roster.members.push_back(member.public_key);
  for (std::size_t i = 1; i < members; ++i) roster.members.push_back(SigningKey::generate(rng).public_key);
  poll.manifest.roster_digest = roster.digest();
  std::vector<ContestSelection> sel;
  for (std::size_t i = 0; i < contests; ++i)
    sel.push_back(i % 3 == 0   ? ContestSelection::agree()
                  : i % 3 == 1 ? ContestSelection::disagree()
                               : ContestSelection::blank());

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
  std::printf("  verify (full, libdecaf) %8.2f ms   (%.1f us per contest)\n", ver / 1000,
              ver / double(contests));
  std::printf("  one contest proof (3 branches): verify libsodium %.1f us, libdecaf %.1f us\n", ref1, fast1);
  std::printf("  one {0,1} proof (2 branches):   verify libsodium %.1f us, libdecaf %.1f us\n", ref2, fast2);
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
  return 0;
}
