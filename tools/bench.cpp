// councilvote-bench: prints timings on this machine. Never asserted in tests.
//
//   councilvote-bench [crypto]   the crypto core: group operations, ballots, batch verification
//   councilvote-bench verify [--sizes 22x60,50x100,500x1000] [--dir DIR] [--keep] [--reuse]
//                            [--runs N] [--verifier PATH]
//                            councilvote-verify as a whole process on synthetic record files
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/batch.hpp"
#include "councilvote/crypto/init.hpp"
#include "councilvote/record/record_file.hpp"
#include "record_synth.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>
#include <sodium.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
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

// ------------------------------------------------------------------------------------------------
// councilvote-bench verify: the offline verifier as the auditor runs it.

struct VerifySize {
  std::uint32_t members = 0, nominees = 0;
  double goal_s = 0; // issue 9 §3
};

// The goals: 22 x 60 in 0.1 s, 50 x 100 in 0.3 s, 500 x 1000 in 30 s; other sizes have none.
double verify_goal(std::uint32_t members, std::uint32_t nominees) {
  if (members == 22 && nominees == 60) return 0.1;
  if (members == 50 && nominees == 100) return 0.3;
  if (members == 500 && nominees == 1000) return 30;
  return 0;
}

std::optional<std::vector<VerifySize>> parse_sizes(const std::string &text) {
  std::vector<VerifySize> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto end = std::min(text.find(',', at), text.size());
    const auto item = text.substr(at, end - at);
    unsigned m = 0, c = 0;
    char extra = 0;
    if (std::sscanf(item.c_str(), "%ux%u%c", &m, &c, &extra) != 2 || m < 2 || m > 1000 || c < 1 || c > 4096)
      return std::nullopt;
    out.push_back({m, c, verify_goal(m, c)});
    at = end + 1;
  }
  return out;
}

struct ChildRun {
  double seconds = 0;
  long max_rss_kib = 0;
  int exit_code = -1;
  std::string out;
};

// Runs `binary --quiet file` as a child process: wall time from fork to reaping, and its peak
// resident set (wait4's rusage.ru_maxrss, KiB).
ChildRun run_child(const std::string &binary, const std::string &file) {
  ChildRun r;
  int pipefd[2];
  if (::pipe(pipefd) != 0) return r;
  const auto t0 = Clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipefd[1], STDOUT_FILENO);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    const char *argv[] = {binary.c_str(), "--quiet", file.c_str(), nullptr};
    ::execv(binary.c_str(), const_cast<char *const *>(argv));
    ::_exit(127);
  }
  ::close(pipefd[1]);
  char buf[4096];
  for (ssize_t n; (n = ::read(pipefd[0], buf, sizeof buf)) > 0;)
    r.out.append(buf, static_cast<std::size_t>(n));
  ::close(pipefd[0]);
  int status = 0;
  struct rusage ru {};
  if (pid > 0 && ::wait4(pid, &status, 0, &ru) == pid) {
    r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    r.max_rss_kib = ru.ru_maxrss;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  return r;
}

std::string mib(double bytes) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f MiB", bytes / (1024.0 * 1024.0));
  return b;
}

struct NaiveCost {
  std::size_t sampled = 0, total = 0;
  double us_per_proof = 0;
};

// The ballots' proofs verified one at a time with the libsodium reference verifier (what a
// verifier without FastVerifier or batching would do): timed on the first ballots of the file,
// at least `sample` proofs, and extrapolated to every proof of the file.
NaiveCost naive_proof_cost(const std::filesystem::path &file, std::size_t sample) {
  NaiveCost cost;
  auto in = cv::record::RecordFileReader::open(file);
  if (!in) return cost;
  std::optional<PollContext> poll;
  double spent_us = 0;
  std::uint32_t ballots = 0;
  std::size_t per_ballot = 0;
  for (;;) {
    auto line = in->next();
    if (!line || !*line) break;
    if (in->line_number() == 1) {
      auto h = cv::record::read_header_line(**line);
      if (!h) return cost;
      ballots = h->ballots;
      continue;
    }
    if ((*line)->rfind("{\"statement\"", 0) == 0) break;
    auto e = cv::record::read_entry_line(**line);
    if (!e) return cost;
    if (e->kind == cv::record::BoardKind::manifest) {
      auto d = cv::record::read_poll_definition(std::string(e->payload.begin(), e->payload.end()));
      if (!d) return cost;
      poll = PollContext{d->manifest, d->joint_key};
      for (const auto &c : poll->manifest.contests)
        per_ballot += c.kind == ContestKind::commendation ? 1 : c.options + 1;
    }
    if (e->kind != cv::record::BoardKind::ballot || !poll || cost.sampled >= sample) continue;
    auto b = decode_ballot(e->payload);
    if (!b) return cost;
    const auto ctx = poll->hash();
    const auto t0 = Clock::now();
    for (std::uint32_t i = 0; i < b->contests.size(); ++i) {
      const auto &spec = poll->manifest.contests[i];
      const auto &c = b->contests[i];
      const auto values = selection_values(poll->manifest, spec);
      const bool comm = spec.kind == ContestKind::commendation;
      Ciphertext sum{};
      for (std::uint32_t j = 0; j < c.ciphertexts.size(); ++j) {
        if (!disjunctive_verify_reference({comm ? "CV/commendation" : "CV/selection", ctx, poll->joint_key,
                                           b->member_key, i, comm ? 0 : j, values, c.ciphertexts[j]},
                                          c.proofs[j]))
          std::abort();
        sum += c.ciphertexts[j];
      }
      if (!comm && !disjunctive_verify_reference({"CV/contest-sum", ctx, poll->joint_key, b->member_key, i,
                                                  kSumSlot, sum_values(spec), sum},
                                                 *c.sum_proof))
        std::abort();
      cost.sampled += comm ? 1 : c.ciphertexts.size() + 1;
    }
    spent_us += std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
  }
  cost.total = per_ballot * ballots;
  cost.us_per_proof = cost.sampled ? spent_us / static_cast<double>(cost.sampled) : 0;
  return cost;
}

// The synthetic meeting of a size: everyone present but ~4 % absent and two members remote, all who
// can vote vote, 2-of-3 trustees, min_ballots 5; nominees under the Decree 98 90 % rule.
cv::tools::SynthSpec bench_spec(const VerifySize &z) {
  cv::tools::SynthSpec s;
  s.seed_label = "councilvote-bench verify " + std::to_string(z.members) + "x" + std::to_string(z.nominees);
  s.meeting_id = "bench-meeting";
  s.title = "Bỏ phiếu kín (bench " + std::to_string(z.members) + " x " + std::to_string(z.nominees) + ")";
  s.members = z.members;
  s.nominee_count = z.nominees;
  s.remote = {2, 3};
  for (std::uint32_t m = 25; m <= z.members; m += 25) s.absent.push_back(m);
  s.trustees = 3;
  s.threshold = 2;
  s.min_ballots = 5;
  s.threads = std::max(1u, std::thread::hardware_concurrency());
  return s;
}

int bench_verify(int argc, char **argv, const char *argv0) {
  std::string sizes_text = "22x60,50x100,500x1000", verifier, dir_arg;
  bool keep = false, reuse = false;
  int runs = 5;
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "councilvote-bench verify: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--sizes")
      sizes_text = value();
    else if (a == "--verifier")
      verifier = value();
    else if (a == "--dir")
      dir_arg = value();
    else if (a == "--runs")
      runs = std::max(1, std::atoi(value().c_str()));
    else if (a == "--keep")
      keep = true;
    else if (a == "--reuse")
      reuse = true;
    else {
      std::fprintf(
          stderr,
          "usage: councilvote-bench verify [--sizes MxC,...] [--dir DIR] [--keep] [--reuse] [--runs N] "
          "[--verifier PATH]\n");
      return 2;
    }
  }
  const auto sizes = parse_sizes(sizes_text);
  if (!sizes) {
    std::fprintf(stderr, "councilvote-bench verify: --sizes takes MEMBERSxNOMINEES,... (2-1000 x 1-4096)\n");
    return 2;
  }
  // The verifier: --verifier, else next to this binary (build/tools/../record/), else the build's.
  if (verifier.empty()) {
    std::error_code ec;
    const auto here = std::filesystem::canonical("/proc/self/exe", ec);
    const auto beside =
        (ec ? std::filesystem::path(argv0) : here).parent_path() / ".." / "record" / "councilvote-verify";
    verifier = std::filesystem::exists(beside) ? beside.lexically_normal().string() : CV_VERIFY_BINARY;
  }
  if (::access(verifier.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "councilvote-bench verify: no verifier at %s (use --verifier PATH)\n",
                 verifier.c_str());
    return 2;
  }
  std::filesystem::path dir;
  if (!dir_arg.empty()) {
    dir = dir_arg;
    std::filesystem::create_directories(dir);
  } else {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cv-bench-verify-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      std::perror("mkdtemp");
      return 1;
    }
    dir = tmpl;
  }
  std::printf(
      "councilvote-verify as a whole process (fork, exec, read the file from disk, parse, verify, exit)\n");
  std::printf("verifier: %s\nrecord files in %s%s\n", verifier.c_str(), dir.string().c_str(),
              keep || !dir_arg.empty() ? "" : " (removed at the end; --keep keeps them)");
  std::printf("this machine: %u hardware threads; timings on a shared machine are indicative\n\n",
              std::thread::hardware_concurrency());
  int status = 0;
  for (const auto &z : *sizes) {
    const auto name = std::to_string(z.members) + "x" + std::to_string(z.nominees);
    const auto file = dir / ("record-" + name + ".jsonl");
    std::printf("== %u members x %u nominees\n", z.members, z.nominees);
    std::fflush(stdout);
    if (!(reuse && std::filesystem::exists(file))) {
      auto spec = bench_spec(z);
      const auto t0 = Clock::now();
      auto last = t0;
      spec.progress = [&](std::string_view stage, std::uint64_t done, std::uint64_t total) {
        const auto now = Clock::now();
        if (now - last < std::chrono::seconds(2) && done != total) return;
        last = now;
        const double el = std::chrono::duration<double>(now - t0).count();
        std::fprintf(stderr, "\r  generating: %.*s %llu of %llu, %.0f s", static_cast<int>(stage.size()),
                     stage.data(), static_cast<unsigned long long>(done),
                     static_cast<unsigned long long>(total), el);
        if (done == total) std::fputs("\n", stderr);
        std::fflush(stderr);
      };
      try {
        (void)cv::tools::synthesize_to_file(spec, file);
      } catch (const std::exception &e) {
        std::fprintf(stderr, "councilvote-bench verify: generating %s: %s\n", name.c_str(), e.what());
        return 1;
      }
      std::printf("  generated in %.1f s (synthetic record, %u threads)\n",
                  std::chrono::duration<double>(Clock::now() - t0).count(), spec.threads);
    } else {
      std::printf("  reusing %s\n", file.string().c_str());
    }
    const auto bytes = static_cast<double>(std::filesystem::file_size(file));
    // Large files once (unless --runs says otherwise), small ones the median of `runs`.
    const int n = z.members * z.nominees > 100000 && runs == 5 ? 1 : runs;
    std::vector<ChildRun> all;
    for (int k = 0; k < n; ++k) all.push_back(run_child(verifier, file.string()));
    std::sort(all.begin(), all.end(),
              [](const ChildRun &a, const ChildRun &b) { return a.seconds < b.seconds; });
    const auto &med = all[all.size() / 2];
    long rss = 0;
    for (const auto &r : all) rss = std::max(rss, r.max_rss_kib);
    const bool valid = med.exit_code == 0 && med.out.rfind("RECORD VALID ", 0) == 0;
    std::printf("  file        %s\n", mib(bytes).c_str());
    std::printf("  verify      %.3f s (%s of %d run%s)   goal <= %g s: %s\n", med.seconds,
                n == 1 ? "one" : "median", n, n == 1 ? "" : "s", z.goal_s,
                z.goal_s == 0             ? "no goal"
                : med.seconds <= z.goal_s ? "met"
                                          : "NOT met");
    std::printf("  peak RSS    %s (the child's ru_maxrss)\n", mib(static_cast<double>(rss) * 1024).c_str());
    std::printf("  verdict     %s", valid ? med.out.c_str() : "NOT VALID\n");
    if (!valid) {
      std::printf("    exit %d: %s\n", med.exit_code, med.out.c_str());
      status = 1;
    }
    const auto naive = naive_proof_cost(file, 2000);
    std::printf("  naive       %.1f s: the same %zu proofs one at a time with the libsodium reference "
                "verifier, extrapolated from %zu proofs (%.1f us each, one thread)\n",
                naive.us_per_proof * static_cast<double>(naive.total) / 1e6, naive.total, naive.sampled,
                naive.us_per_proof);
    if (med.seconds > 0)
      std::printf("  speed-up    %.1fx over the naive proofs alone\n",
                  naive.us_per_proof * static_cast<double>(naive.total) / 1e6 / med.seconds);
    std::fflush(stdout);
    if (!keep && dir_arg.empty()) std::filesystem::remove(file);
  }
  if (!keep && dir_arg.empty()) {
    std::error_code ec;
    std::filesystem::remove(dir, ec);
  }
  return status;
}

int bench_crypto() {
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

} // namespace

int main(int argc, char **argv) {
  if (auto r = init(); !r) {
    std::fprintf(stderr, "self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  const std::string what = argc > 1 ? argv[1] : "crypto";
  if (what == "crypto") return bench_crypto();
  if (what == "verify") return bench_verify(argc - 2, argv + 2, argv[0]);
  std::fprintf(stderr,
               "usage: councilvote-bench [crypto] | councilvote-bench verify [--sizes MxC,...] [--dir DIR] "
               "[--keep] [--reuse] [--runs N] [--verifier PATH]\n");
  return 2;
}
