// councilvote-demo: a whole council vote with the crypto core alone (until the meeting server
// exists). 22 members, 3 trustees at threshold 2, one poll of the 60 sample nominees; every member
// casts a random (seeded) ballot, 2 trustees decrypt the totals, the results are printed per
// nominee and checked against the plaintext choices. Exit status 0 only if every check holds.
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/init.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/protocol/csv.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>

using namespace cv::crypto;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Pads or truncates UTF-8 text to `width` code points (Vietnamese data is NFC: one per letter).
std::string cell(const std::string &s, std::size_t width) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xf0)
      len = 4;
    else if (c >= 0xe0)
      len = 3;
    else if (c >= 0xc0)
      len = 2;
    if (n == width) break;
    out.append(s, i, len);
    i += len;
    ++n;
  }
  out.append(width - n, ' ');
  return out;
}

[[noreturn]] void die(const std::string &msg) {
  std::fprintf(stderr, "councilvote-demo: %s\n", msg.c_str());
  std::exit(1);
}

template <class T> T must(Result<T> r, const char *what) {
  if (!r) die(std::string(what) + ": " + r.error().message);
  return std::move(*r);
}

// The records of a CSV file of data/ (protocol's reader), as column -> field.
std::vector<std::map<std::string, std::string>> read_csv(const std::string &path) {
  auto t = cv::protocol::read_csv_file(path);
  if (!t) die(t.error().message);
  return t->maps();
}

} // namespace

int main(int argc, char **argv) {
  std::string data_dir = CV_DATA_DIR;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--data") data_dir = argv[i + 1];
  if (auto r = init(); !r) die("self-test failed, refusing to run: " + r.error().message);
  const auto t_start = Clock::now();

  const auto roster_rows = read_csv(data_dir + "/roster.csv");
  const auto nominee_rows = read_csv(data_dir + "/nominees.csv");
  std::map<std::string, cv::record::RuleProfile> rules; // the council's rules: record/'s, read by protocol
  auto rule_list = cv::protocol::read_rules_csv(data_dir + "/rules.csv");
  if (!rule_list) die(rule_list.error().message);
  for (const auto &r : *rule_list) rules[r.rule_id] = r;
  const std::size_t N = roster_rows.size();
  std::printf("Hội đồng Thi đua - Khen thưởng: %zu thành viên, %zu người được đề nghị\n\n", N,
              nominee_rows.size());

  // --- 1. Key ceremony: 3 trustees (Ban kiểm phiếu), threshold 2 ------------------------------
  auto t0 = Clock::now();
  const std::uint32_t n_trustees = 3, threshold = 2;
  std::vector<TrusteeSecrets> trustees(n_trustees);
  CeremonyParams params{"demo-meeting", threshold, {}};
  for (std::uint32_t i = 0; i < n_trustees; ++i) {
    trustees[i].index = i + 1;
    trustees[i].box = BoxKeyPair::generate();
    trustees[i].polynomial = DealerPolynomial::random(threshold);
    params.trustees.push_back(TrusteeInfo{i + 1, trustees[i].box.public_key});
  }
  const auto ceremony = must(Ceremony::create(params), "ceremony");
  std::vector<TrusteeCommitments> commitments;
  std::vector<EncryptedShare> shares;
  for (const auto &t : trustees) {
    commitments.push_back(must(commit_polynomial(ceremony, t), "commitments"));
    auto s = must(deal_shares(ceremony, t), "shares");
    shares.insert(shares.end(), s.begin(), s.end());
  }
  std::vector<TrusteeKeyShare> key_shares;
  for (const auto &t : trustees)
    key_shares.push_back(
        must(finalize_key_share(ceremony, t, CeremonyMessages{commitments, shares}), "key share"));
  const auto public_key = must(threshold_public_key(ceremony, commitments), "public key");
  for (const auto &k : key_shares)
    if (!(k.joint_key == public_key.joint_key)) die("trustees disagree on the joint key");
  std::printf("[1] Key ceremony: %u trustees, threshold %u, joint key %s… (%.0f ms)\n", n_trustees, threshold,
              to_hex(public_key.joint_key.bytes()).substr(0, 16).c_str(), ms_since(t0));

  // --- 2. The poll ------------------------------------------------------------------------------
  PollContext poll;
  poll.joint_key = public_key.joint_key;
  poll.manifest = {"demo-meeting", "poll-1", static_cast<std::uint32_t>(N + 1), {}};
  for (const auto &r : nominee_rows)
    poll.manifest.contests.push_back(PollManifest::commendation(r.at("nominee_no")));
  std::vector<SigningKey> members;
  Roster roster;
  for (std::size_t i = 0; i < N; ++i) {
    members.push_back(SigningKey::generate());
    roster.members.push_back(members.back().public_key);
  }
  poll.manifest.roster_digest = roster.digest();
  std::printf("[2] Poll opened: %zu contests, context %s…\n", poll.manifest.contests.size(),
              to_hex(poll.hash()).substr(0, 16).c_str());

  // --- 3. Every member votes (choices seeded, encryption randomness from the system) -----------
  t0 = Clock::now();
  auto choice_rng = DeterministicRng::from_label("councilvote demo choices");
  const std::size_t C = nominee_rows.size();
  std::vector<std::array<std::uint64_t, 3>> expected(C, {0, 0, 0}); // agree, disagree, blank
  std::vector<Ballot> ballots;
  const FastVerifier fast(poll.joint_key);
  double verify_ms = 0;
  for (std::size_t m = 0; m < N; ++m) {
    std::vector<ContestSelection> sel;
    for (std::size_t c = 0; c < C; ++c) {
      ByteArray<1> x{};
      choice_rng.fill(x);
      const unsigned roll = x[0] % 100u; // 90% agree, 6% disagree, 4% blank
      const int mark = roll < 90 ? 0 : roll < 96 ? 1 : 2;
      sel.push_back(mark == 0   ? ContestSelection::agree()
                    : mark == 1 ? ContestSelection::disagree()
                                : ContestSelection::blank());
      ++expected[c][static_cast<std::size_t>(mark)];
    }
    auto ballot = must(encrypt_ballot({poll, members[m], sel, system_rng()}), "encrypt");
    auto wire = ballot.encode();
    auto received = must(decode_ballot(wire), "decode");
    const auto tv = Clock::now();
    if (auto v = verify_ballot(poll, roster, received, fast); !v)
      die("ballot rejected: " + v.error().message);
    verify_ms += ms_since(tv);
    if (m < 3 || m == N - 1)
      std::printf("    member %2zu cast %zu-byte ballot, tracking code %s\n", m + 1, wire.size(),
                  short_tracking_code(received.tracking_code()).c_str());
    else if (m == 3)
      std::printf("    ...\n");
    ballots.push_back(std::move(received));
  }
  std::printf("[3] %zu ballots cast and verified (%.0f ms, of which verification %.0f ms)\n", ballots.size(),
              ms_since(t0), verify_ms);

  // --- 4. Tally and threshold decryption by trustees 1 and 3 -----------------------------------
  t0 = Clock::now();
  const auto tally = must(tally_ballots(poll, ballots), "tally");
  const auto tally_ctx = tally.context();
  std::vector<PartialDecryption> partials{partial_decrypt(key_shares[0], tally_ctx, tally.totals),
                                          partial_decrypt(key_shares[2], tally_ctx, tally.totals)};
  const auto decrypted = must(
      combine_partial_decryptions(CombineParams{public_key, tally_ctx, tally.totals, partials}), "combine");
  const auto results = must(decode_tally(poll.manifest, tally.ballots, decrypted), "decode tally");
  // One trustee alone cannot decrypt.
  std::vector<PartialDecryption> one{partials[0]};
  if (combine_partial_decryptions(CombineParams{public_key, tally_ctx, tally.totals, one}))
    die("a single trustee decrypted the tally");
  std::printf(
      "[4] Totals decrypted by trustees 1 and 3 with proofs (%.0f ms); trustee 1 alone is refused\n\n",
      ms_since(t0));

  // --- 5. Results per nominee, rules applied, quotas ranked --------------------------------------
  std::printf("%s %s %s  Đồng ý Không Trắng  %% tổng  Quy tắc  Kết quả\n", cell("STT", 3).c_str(),
              cell("Họ tên / Tập thể", 30).c_str(), cell("Hình thức", 30).c_str());
  bool all_match = true;
  std::map<std::string, std::vector<std::size_t>> quota_groups;
  std::vector<std::string> outcome(C);
  for (std::size_t c = 0; c < C; ++c) {
    const auto &row = nominee_rows[c];
    const auto &r = results[c];
    const bool pass = rules.at(row.at("rule_id")).passes(r.agree, N);
    outcome[c] = pass ? "Đạt" : "Không đạt";
    if (pass && !row.at("award_quota").empty()) quota_groups[row.at("award")].push_back(c);
    all_match &= r.agree == expected[c][0] && r.disagree == expected[c][1] && r.blank == expected[c][2];
  }
  for (auto &[award, idx] : quota_groups) {
    const auto quota = std::stoul(nominee_rows[idx[0]].at("award_quota"));
    std::stable_sort(idx.begin(), idx.end(),
                     [&](auto a, auto b) { return results[a].agree > results[b].agree; });
    // Ranked by agree votes; a tie at the cut-off is decided by the Chair.
    const bool over = idx.size() > quota;
    const auto cut = over ? results[idx[quota - 1]].agree : 0;
    const bool tie_at_cut = over && results[idx[quota]].agree == cut;
    for (std::size_t k = 0; k < idx.size(); ++k) {
      const auto agree = results[idx[k]].agree;
      if (tie_at_cut && agree == cut)
        outcome[idx[k]] = "Bằng phiếu tại chỉ tiêu - Chủ tọa quyết định";
      else if (k >= quota)
        outcome[idx[k]] = "Đạt tỷ lệ, ngoài chỉ tiêu";
      outcome[idx[k]] += " (hạng " + std::to_string(k + 1) + ", chỉ tiêu " + std::to_string(quota) + ")";
    }
  }
  for (std::size_t c = 0; c < C; ++c) {
    const auto &row = nominee_rows[c];
    const auto &r = results[c];
    const double pct = 100.0 * static_cast<double>(r.agree) / static_cast<double>(N);
    std::printf("%3s %s %s  %6llu %5llu %6llu  %5.1f%%  %-7s  %s\n", row.at("nominee_no").c_str(),
                cell(row.at("name"), 30).c_str(), cell(row.at("award"), 30).c_str(),
                static_cast<unsigned long long>(r.agree), static_cast<unsigned long long>(r.disagree),
                static_cast<unsigned long long>(r.blank), pct,
                row.at("rule_id").substr(row.at("rule_id").find('-') + 1).c_str(), outcome[c].c_str());
  }
  std::printf("\nDecrypted totals %s the plaintext choices for all %zu nominees. Total time %.1f s.\n",
              all_match ? "match" : "DO NOT MATCH", C, ms_since(t_start) / 1000);
  return all_match ? 0 : 1;
}
