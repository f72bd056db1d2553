#include "vectors.hpp"

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/hash.hpp"
#include "councilvote/crypto/schnorr.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/crypto/threshold.hpp"

#include <stdexcept>

namespace cv::tools {

using namespace cv::crypto;
using json = nlohmann::ordered_json;

namespace {

template <class T> T must(Result<T> r) {
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(*r);
}

std::string hex(ByteView b) { return to_hex(b); }
std::string hex(const Point &p) { return to_hex(p.bytes()); }
std::string hex(const Scalar &s) { return to_hex(s.bytes()); }

json schnorr() {
  auto rng = DeterministicRng::from_label("CouncilVote test vectors: schnorr");
  const Scalar x = Scalar::random(rng);
  const Point X = Point::base_mul(x);
  const auto ctx = Transcript("CV/test-vector-context").str("schnorr").digest32();
  const auto proof = schnorr_prove(ctx, X, x, rng);
  ByteWriter w;
  encode_schnorr(w, proof);
  return {{"seed_label", "CouncilVote test vectors: schnorr"},
          {"secret_x", hex(x)},
          {"public_X", hex(X)},
          {"context", hex(ctx)},
          {"challenge", hex(schnorr_challenge(ctx, X, proof.commitment))},
          {"proof", hex(w.bytes())}};
}

json disjunctive() {
  auto rng = DeterministicRng::from_label("CouncilVote test vectors: disjunctive");
  const Scalar s = Scalar::random(rng);
  const Point K = Point::base_mul(s);
  const auto ctx = Transcript("CV/test-vector-context").str("disjunctive").digest32();
  const auto voter = SigningKey::generate(rng).public_key;
  const std::vector<std::uint32_t> values{0, 1, 23};
  json cases = json::array();
  for (std::size_t real = 0; real < values.size(); ++real) {
    const Scalar r = Scalar::random(rng);
    const auto ct = elgamal_encrypt(K, values[real], r);
    DisjunctiveStatement st{"CV/commendation", ctx, K, voter, 5, 0, values, ct};
    const auto proof = disjunctive_prove(st, real, r, rng);
    ByteWriter w;
    encode_disjunctive(w, proof);
    cases.push_back({{"value", values[real]},
                     {"randomness_r", hex(r)},
                     {"alpha", hex(ct.alpha)},
                     {"beta", hex(ct.beta)},
                     {"challenge", hex(disjunctive_challenge(st, proof))},
                     {"proof", hex(w.bytes())}});
  }
  return {{"seed_label", "CouncilVote test vectors: disjunctive"},
          {"tag", "CV/commendation"},
          {"secret_s", hex(s)},
          {"joint_key_K", hex(K)},
          {"context", hex(ctx)},
          {"voter_public_key", hex(voter)},
          {"contest", 5},
          {"slot", 0},
          {"values", values},
          {"cases", cases}};
}

struct CeremonyRun {
  std::vector<TrusteeSecrets> trustees;
  std::vector<TrusteeCommitments> commitments;
  std::vector<EncryptedShare> shares;
  std::vector<TrusteeKeyShare> key_shares;
  ThresholdPublicKey public_key;
  ByteArray<32> context{};
};

CeremonyRun run_ceremony() {
  auto rng = DeterministicRng::from_label("CouncilVote test vectors: ceremony");
  CeremonyRun run;
  CeremonyParams params{"test-vector-meeting", 2, {}};
  run.trustees.resize(3);
  for (std::uint32_t i = 0; i < 3; ++i) {
    run.trustees[i].index = i + 1;
    run.trustees[i].box = BoxKeyPair::generate(rng);
    run.trustees[i].polynomial = DealerPolynomial::random(2, rng);
    params.trustees.push_back(TrusteeInfo{i + 1, run.trustees[i].box.public_key});
  }
  const auto ceremony = must(Ceremony::create(params));
  run.context = ceremony.context();
  for (const auto &t : run.trustees) {
    run.commitments.push_back(must(commit_polynomial(ceremony, t, rng)));
    auto s = must(deal_shares(ceremony, t, rng));
    run.shares.insert(run.shares.end(), s.begin(), s.end());
  }
  for (const auto &t : run.trustees)
    run.key_shares.push_back(
        must(finalize_key_share(ceremony, t, CeremonyMessages{run.commitments, run.shares})));
  run.public_key = must(threshold_public_key(ceremony, run.commitments));
  return run;
}

json ceremony() {
  const auto run = run_ceremony();
  json trustees = json::array();
  for (std::size_t i = 0; i < run.trustees.size(); ++i) {
    const auto &t = run.trustees[i];
    ByteWriter w;
    encode_commitments(w, run.commitments[i]);
    json shares = json::array();
    for (const auto &s : run.shares)
      if (s.from == t.index) {
        ByteWriter ws;
        encode_encrypted_share(ws, s);
        shares.push_back({{"to", s.to},
                          {"share_value", hex(t.polynomial.evaluate(s.to))},
                          {"encrypted", hex(ws.bytes())}});
      }
    trustees.push_back({{"index", t.index},
                        {"box_secret_key", hex(t.box.secret.view())},
                        {"box_public_key", hex(t.box.public_key)},
                        {"coefficients", hex(t.polynomial.secret_bytes())},
                        {"commitments", hex(w.bytes())},
                        {"shares_sent", shares},
                        {"key_share_s", hex(run.key_shares[i].secret.view())},
                        {"verification_share_P", hex(run.public_key.verification_shares[i])}});
  }
  return {{"seed_label", "CouncilVote test vectors: ceremony"},
          {"meeting_id", "test-vector-meeting"},
          {"n", 3},
          {"t", 2},
          {"ceremony_context", hex(run.context)},
          {"trustees", trustees},
          {"joint_key_K", hex(run.public_key.joint_key)}};
}

PollManifest vector_manifest(std::uint32_t members) {
  PollManifest m{"test-vector-meeting", "poll-1", members + 1, {}};
  m.contests.push_back(PollManifest::commendation("1"));
  m.contests.push_back(PollManifest::commendation("2"));
  m.contests.push_back(PollManifest::commendation("3"));
  m.contests.push_back(ContestSpec{"quota-4", ContestKind::general, 3, 0, 2});
  return m;
}

json manifest_json(const PollManifest &m) {
  json contests = json::array();
  for (const auto &c : m.contests)
    contests.push_back({{"id", c.id},
                        {"kind", c.kind == ContestKind::commendation ? "commendation" : "general"},
                        {"options", c.options},
                        {"min", c.min_selections},
                        {"max", c.max_selections}});
  return {{"meeting_id", m.meeting_id},
          {"poll_id", m.poll_id},
          {"disagree_weight", m.disagree_weight},
          {"contests", contests},
          {"roster_digest", to_hex(m.roster_digest)},
          {"digest", to_hex(m.digest())}};
}

json selections_json(const std::vector<ContestSelection> &sel) {
  json out = json::array();
  for (const auto &s : sel) out.push_back(s.selected);
  return out;
}

json ballot_json(const Ballot &b) {
  return {{"wire", to_hex(b.encode())},
          {"ballot_hash", to_hex(b.ballot_hash())},
          {"tracking_code", to_hex(b.tracking_code())},
          {"tracking_code_short", short_tracking_code(b.tracking_code())}};
}

json ballot() {
  auto rng = DeterministicRng::from_label("CouncilVote test vectors: ballot");
  PollContext poll{vector_manifest(3), Point::base_mul(Scalar::random(rng))};
  std::vector<SigningKey> members;
  Roster roster_keys;
  json roster = json::array();
  for (int i = 0; i < 3; ++i) {
    members.push_back(SigningKey::generate(rng));
    roster_keys.members.push_back(members.back().public_key);
    roster.push_back(to_hex(members.back().public_key));
  }
  poll.manifest.roster_digest = roster_keys.digest();
  const std::vector<ContestSelection> sel{ContestSelection::agree(), ContestSelection::disagree(),
                                          ContestSelection::blank(), ContestSelection{{0, 2}}};
  const auto b = must(encrypt_ballot({poll, members[1], sel, rng}));
  return {{"seed_label", "CouncilVote test vectors: ballot"},
          {"manifest", manifest_json(poll.manifest)},
          {"joint_key_K", hex(poll.joint_key)},
          {"context_hash", to_hex(poll.hash())},
          {"roster", roster},
          {"member_index", 1},
          {"member_seed", to_hex(members[1].seed())},
          {"selections", selections_json(sel)},
          {"ballot", ballot_json(b)}};
}

json tally() {
  const auto run = run_ceremony();
  auto rng = DeterministicRng::from_label("CouncilVote test vectors: tally");
  PollContext poll{vector_manifest(4), run.public_key.joint_key};
  using S = ContestSelection;
  const std::vector<std::vector<ContestSelection>> votes{{S::agree(), S::agree(), S::blank(), S{{0}}},
                                                         {S::agree(), S::disagree(), S::agree(), S{{0, 1}}},
                                                         {S::disagree(), S::disagree(), S::blank(), S{}},
                                                         {S::agree(), S::blank(), S::agree(), S{{1, 2}}}};
  std::vector<Ballot> ballots;
  std::vector<SigningKey> members;
  Roster roster_keys;
  json roster = json::array(), ballots_json = json::array();
  for (std::size_t i = 0; i < votes.size(); ++i) {
    members.push_back(SigningKey::generate(rng));
    roster_keys.members.push_back(members.back().public_key);
    roster.push_back(to_hex(members.back().public_key));
  }
  poll.manifest.roster_digest = roster_keys.digest();
  for (std::size_t i = 0; i < votes.size(); ++i) {
    ballots.push_back(must(encrypt_ballot({poll, members[i], votes[i], rng})));
    auto bj = ballot_json(ballots.back());
    bj["selections"] = selections_json(votes[i]);
    ballots_json.push_back(bj);
  }
  const auto t = must(tally_ballots(poll, ballots));
  const auto tctx = t.context();
  json totals = json::array();
  for (const auto &c : t.totals) totals.push_back({{"alpha", hex(c.alpha)}, {"beta", hex(c.beta)}});
  std::vector<PartialDecryption> partials{partial_decrypt(run.key_shares[0], tctx, t.totals, rng),
                                          partial_decrypt(run.key_shares[2], tctx, t.totals, rng)};
  json partials_json = json::array();
  for (const auto &p : partials) {
    ByteWriter w;
    encode_partial_decryption(w, p);
    partials_json.push_back({{"trustee", p.index}, {"encoded", hex(w.bytes())}});
  }
  const auto decrypted =
      must(combine_partial_decryptions(CombineParams{run.public_key, tctx, t.totals, partials}));
  const auto results = must(decode_tally(poll.manifest, t.ballots, decrypted));
  json results_json = json::array();
  for (const auto &r : results) {
    if (r.option_counts.empty())
      results_json.push_back({{"agree", r.agree}, {"disagree", r.disagree}, {"blank", r.blank}});
    else
      results_json.push_back({{"option_counts", r.option_counts}});
  }
  json mg = json::array();
  for (const auto &p : decrypted) mg.push_back(hex(p));
  json vshares = json::array();
  for (const auto &p : run.public_key.verification_shares) vshares.push_back(hex(p));
  return {{"seed_label", "CouncilVote test vectors: tally (keys from the ceremony vectors)"},
          {"manifest", manifest_json(poll.manifest)},
          {"joint_key_K", hex(poll.joint_key)},
          {"threshold", 2},
          {"verification_shares", vshares},
          {"context_hash", to_hex(poll.hash())},
          {"roster", roster},
          {"ballots", ballots_json},
          {"encrypted_totals", totals},
          {"tally_context", to_hex(tctx)},
          {"partial_decryptions", partials_json},
          {"decrypted_mG", mg},
          {"results", results_json}};
}

} // namespace

const std::vector<std::string> &vector_names() {
  static const std::vector<std::string> names{"schnorr", "disjunctive", "ceremony", "ballot", "tally"};
  return names;
}

json generate_vectors(const std::string &name) {
  json body;
  if (name == "schnorr")
    body = schnorr();
  else if (name == "disjunctive")
    body = disjunctive();
  else if (name == "ceremony")
    body = ceremony();
  else if (name == "ballot")
    body = ballot();
  else if (name == "tally")
    body = tally();
  else
    throw std::invalid_argument("unknown vector set " + name);
  json out = {{"format", 1}, {"group", kGroupId}, {"spec", "docs/protocol.md"}};
  out.update(body);
  return out;
}

} // namespace cv::tools
