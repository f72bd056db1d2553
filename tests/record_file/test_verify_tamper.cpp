// The verifier (record::verify_record_file, docs/record.md §6) on tampered synthetic records: each
// change is refused by the check that names it. Where a change would only break the chain or the
// statement, the attacker also re-chains the board and re-signs the statement with the server key
// (tools::rebuild): the check that remains must still see it.
#include "councilvote/crypto/hash.hpp"
#include "councilvote/record/chair_decision.hpp"
#include "councilvote/record/json.hpp"
#include "support.hpp"

using namespace cv;
using record::BoardKind;
using tools::SynthRecord;

namespace {

// 9 members (member 8 votes remotely, member 9 is absent), 4 nominees and a question, 2 of 3
// trustees, at least 5 ballots: 8 ballots.
tools::SynthSpec base_spec() {
  tools::SynthSpec s;
  s.seed_label = "record file tests: tampering";
  s.meeting_id = "tamper-meeting";
  s.members = 9;
  s.nominee_count = 4;
  s.questions.push_back({"q1", "Câu hỏi", {"Có", "Không"}, 0, 1});
  s.remote = {8};
  s.absent = {9};
  s.trustees = 3;
  s.threshold = 2;
  s.min_ballots = 5;
  return s;
}

SynthRecord base() {
  static const SynthRecord made = tools::synthesize(base_spec());
  return made;
}

std::string text_of(const record::BoardEntry &e) { return std::string(e.payload.begin(), e.payload.end()); }
void set_text(record::BoardEntry &e, const std::string &t) { e.payload.assign(t.begin(), t.end()); }

// Changes a JSON payload (manifest, attendance, tally) as an attacker would: parse, edit, write.
template <class F> void edit_json(record::BoardEntry &e, F &&f) {
  auto j = record::parse_json_object(text_of(e));
  REQUIRE(j);
  f(*j);
  set_text(e, record::dump_json(*j));
}

record::BoardEntry &ballot(SynthRecord &r, std::size_t i) {
  return r.entries.at(r.find(BoardKind::ballot).at(i));
}

crypto::Ballot decoded(const record::BoardEntry &e) {
  auto b = crypto::decode_ballot(e.payload);
  REQUIRE(b);
  return *b;
}

crypto::Bytes resigned(crypto::Ballot b, const crypto::SigningKey &as) {
  b.member_key = as.public_key;
  b.signature = crypto::sign(as, "CV/ballot-signature",
                             crypto::ballot_signing_message(b.context_hash, b.ballot_hash()));
  return b.encode();
}

// A change to the record statement's result (the Record), as an attacker would make it.
template <class F> void edit_result(SynthRecord &r, F &&f) {
  auto rec = r.result();
  f(rec);
  r.set_result(rec);
}

// The attacker's last steps, then the verdict: the board re-chained and the statement re-signed as
// `how` says (tools::rebuild), then the verifier on the result.
record::VerifyReport rebuilt_verified(SynthRecord &r, const tools::RebuildOptions &how = {}) {
  tools::rebuild(r, how);
  return test::verify(r);
}

bool has(const std::string &text, std::string_view what) { return text.find(what) != std::string::npos; }

} // namespace

TEST_CASE("the untouched synthetic record is valid", "[tamper]") {
  const auto r = base();
  const auto rep = test::verify(r);
  INFO(test::report_text(rep));
  CHECK(rep.ok());
  CHECK(rep.ballots == 8);
  CHECK(rep.fingerprint == r.fingerprint);
  auto again = record::compute_record(record::input_of(r.result()));
  REQUIRE(again);
  CHECK(*again == r.result());
}

TEST_CASE("a byte flipped in a ballot breaks the chain", "[tamper]") {
  auto r = base();
  auto &b = ballot(r, 3);
  b.payload[b.payload.size() / 2] ^= 0x01;
  const auto rep = test::verify(r);
  const auto &f = test::require_refused_by(rep, "board.chain");
  CHECK(has(f.detail, "board entry " + std::to_string(b.seq)));
  CHECK(has(f.detail, "altered"));
  CHECK(test::failed(rep, "ballots.verify")); // the ballot itself no longer verifies either
  CHECK(test::passed(rep, "bundle.signature"));
}

TEST_CASE("a byte flipped in a ballot and the board re-chained and re-signed: ballots.verify", "[tamper]") {
  auto r = base();
  auto &b = ballot(r, 3);
  b.payload[b.payload.size() / 2] ^= 0x01;
  const auto seq = b.seq;
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "ballots.verify");
  CHECK(has(f.detail, "board entry " + std::to_string(seq)));
  CHECK(has(f.detail, "1 of 8 ballots fail"));
  CHECK(test::passed(rep, "board.chain"));
  CHECK(test::passed(rep, "record.statement"));
  CHECK(test::passed(rep, "ballots.one_per_member"));
  CHECK(test::skipped(rep, "tally.matches"));
}

TEST_CASE("a ballot removed, re-chained, the header left alone: board.complete", "[tamper]") {
  auto r = base();
  r.entries.erase(r.entries.begin() + static_cast<std::ptrdiff_t>(r.find(BoardKind::ballot).at(2)));
  const auto rep = rebuilt_verified(r, {.update_header = false});
  const auto &f = test::require_refused_by(rep, "board.complete");
  CHECK(has(f.detail, "announces"));
  CHECK(test::passed(rep, "board.chain"));
}

TEST_CASE("a ballot removed, re-chained, header recounted and re-signed: tally.matches", "[tamper]") {
  auto r = base();
  r.entries.erase(r.entries.begin() + static_cast<std::ptrdiff_t>(r.find(BoardKind::ballot).at(2)));
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "tally.matches");
  CHECK(has(f.detail, "counts 8 ballots, the board has 7"));
  CHECK(test::passed(rep, "board.complete"));
  CHECK(test::passed(rep, "ballots.verify"));
  CHECK(test::passed(rep, "tally.min_ballots"));
  CHECK(test::failed(rep, "record.turnout"));
}

TEST_CASE("a ballot duplicated (the same bytes twice): ballots.one_per_member", "[tamper]") {
  auto r = base();
  const auto at = r.find(BoardKind::ballot).at(1);
  r.entries.insert(r.entries.begin() + static_cast<std::ptrdiff_t>(at) + 1, r.entries[at]);
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "ballots.one_per_member");
  CHECK(has(f.detail, "second ballot of the member of board entry " + std::to_string(at + 1)));
  CHECK(test::passed(rep, "ballots.verify"));
  CHECK(test::skipped(rep, "tally.matches"));
}

TEST_CASE("a ballot added by a key that is not on the roster: ballots.verify (eligibility)", "[tamper]") {
  auto r = base();
  auto rng = crypto::DeterministicRng::from_label("an outsider");
  const auto outsider = crypto::SigningKey::generate(rng);
  std::vector<crypto::ContestSelection> sel(r.poll.manifest.contests.size(),
                                            crypto::ContestSelection::agree());
  sel.back() = crypto::ContestSelection{{0}};
  auto b = crypto::encrypt_ballot({r.poll, outsider, sel, rng});
  REQUIRE(b);
  const auto last = r.find(BoardKind::ballot).back();
  auto extra = r.entries[last];
  extra.payload = b->encode();
  r.entries.insert(r.entries.begin() + static_cast<std::ptrdiff_t>(last) + 1, extra);
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "ballots.verify");
  CHECK(has(f.detail, "eligibility"));
  CHECK(has(f.detail, "ballot 9"));
}

TEST_CASE("a member's ballot copied and re-signed by another member: ballots.verify (proof)", "[tamper]") {
  auto r = base();
  // Member 3 replaces their own ballot by member 2's, under their own key and signature.
  const auto copy = decoded(ballot(r, 1));
  auto &mine = ballot(r, 2);
  REQUIRE(decoded(mine).member_key == r.members[2].public_key);
  mine.payload = resigned(copy, r.members[2]);
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "ballots.verify");
  CHECK(has(f.detail, "member 3"));
  CHECK(has(f.detail, "proof"));
}

TEST_CASE("a count changed in the record, re-chained and re-signed: record.counts", "[tamper]") {
  auto r = base();
  edit_result(r, [&](record::Record &rec) {
    auto &c = rec.contests.at(0);
    REQUIRE(c.agree > 0);
    --c.agree;
    ++c.disagree;
  });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.counts");
  CHECK(has(f.detail, "contest[0]"));
  CHECK(test::passed(rep, "record.statement"));
  CHECK(test::passed(rep, "record.binding"));
}

TEST_CASE("a count changed and every outcome recomputed to match: still record.counts", "[tamper]") {
  auto r = base();
  const auto rec = r.result();
  auto in = record::input_of(rec);
  auto it = std::find_if(in.contests.begin(), in.contests.end(), [](const record::RecordContestInput &x) {
    return x.kind == crypto::ContestKind::commendation && x.counts.disagree + x.counts.blank > 0;
  });
  REQUIRE(it != in.contests.end());
  it->counts.agree += it->counts.disagree + it->counts.blank; // every ballot agrees
  it->counts.disagree = it->counts.blank = 0;
  auto forged = record::compute_record(in); // outcomes, percentages and ranks as the server computes them
  REQUIRE(forged);
  r.set_result(*forged);
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.counts");
  CHECK(has(f.detail, "contest[" + std::to_string(it->position) + "]"));
  CHECK(test::passed(rep, "record.outcomes")); // the forged record is consistent in itself
}

TEST_CASE("a partial decryption replaced by one for another tally: partials.verify", "[tamper]") {
  auto r = base();
  auto &e = r.entries.at(r.find(BoardKind::partial_decryption).at(0));
  auto tally = record::read_tally_info(text_of(r.only(BoardKind::tally)));
  REQUIRE(tally);
  const auto other_context = crypto::Transcript("another tally").digest32();
  auto rng = crypto::DeterministicRng::from_label("forged partial");
  const auto forged = crypto::partial_decrypt(r.key_shares.at(0), other_context, tally->totals, rng);
  crypto::ByteWriter w;
  crypto::encode_partial_decryption(w, forged);
  e.payload = w.take();
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "partials.verify");
  CHECK(has(f.detail, "trustee 1"));
  CHECK(test::failed(rep, "partials.threshold")); // one valid partial left, two needed
}

TEST_CASE("a partial decryption replaced by another trustee's valid one: record.binding", "[tamper]") {
  auto r = base();
  auto &e = r.entries.at(r.find(BoardKind::partial_decryption).at(0)); // trustee 1
  auto tally = record::read_tally_info(text_of(r.only(BoardKind::tally)));
  REQUIRE(tally);
  auto rng = crypto::DeterministicRng::from_label("trustee 2 decrypts");
  const auto p2 =
      crypto::partial_decrypt(r.key_shares.at(1), tally->encrypted_tally().context(), tally->totals, rng);
  crypto::ByteWriter w;
  crypto::encode_partial_decryption(w, p2);
  e.payload = w.take();
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.binding");
  CHECK(has(f.detail, "trustee 1 has no valid partial decryption"));
  CHECK(test::passed(rep, "counts.decrypt"));
  CHECK(test::passed(rep, "record.counts")); // trustees 2 and 3 decrypt the same counts
}

TEST_CASE("the ceremony's threshold changed in the manifest: poll_context", "[tamper]") {
  auto r = base();
  edit_json(r.only(BoardKind::manifest), [](record::Json &j) { j["ceremony"]["threshold"] = 1; });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "poll_context");
  CHECK(has(f.detail, "board entry " + std::to_string(r.only(BoardKind::manifest).seq)));
  CHECK(test::skipped(rep, "ballots.verify"));
}

TEST_CASE("the threshold changed in the record: record.binding", "[tamper]") {
  auto r = base();
  edit_result(r, [&](record::Record &rec) { rec.threshold = 1; });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.binding");
  CHECK(has(f.detail, "threshold"));
}

TEST_CASE("a member dropped from the manifest's roster: poll_context", "[tamper]") {
  auto r = base();
  edit_json(r.only(BoardKind::manifest), [](record::Json &j) { j["roster"].erase(j["roster"].size() - 1); });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "poll_context");
  CHECK(has(f.detail, "roster"));
}

TEST_CASE("the roster size changed in the record: record.turnout", "[tamper]") {
  auto r = base();
  edit_result(r, [&](record::Record &rec) {
    ++rec.turnout.members;
    for (auto &c : rec.contests)
      if (c.kind == crypto::ContestKind::commendation) ++c.not_voted;
  });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.turnout");
  CHECK(has(f.detail, "members is not the size of the poll's roster"));
}

TEST_CASE("a commitment changed in the manifest: ceremony.transcript", "[tamper]") {
  auto r = base();
  edit_json(r.only(BoardKind::manifest), [](record::Json &j) {
    auto hex = j["ceremony"]["commitments"][0].get<std::string>();
    hex[20] = hex[20] == '0' ? '1' : '0';
    j["ceremony"]["commitments"][0] = hex;
  });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "ceremony.transcript");
  CHECK(has(f.detail, "trustee 1"));
  CHECK(test::failed(rep, "poll_context"));
}

TEST_CASE("a commitments entry changed on the board: ceremony.transcript", "[tamper]") {
  auto r = base();
  auto &e = r.entries.at(r.find(BoardKind::commitments).at(1));
  e.payload[12] ^= 0x10;
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "ceremony.transcript");
  CHECK(has(f.detail, "trustee 2"));
}

TEST_CASE(
    "a trustee's commitments replaced by valid new ones, on the board and in the manifest: poll_context",
    "[tamper]") {
  auto r = base();
  auto ceremony = crypto::Ceremony::create(r.ceremony);
  REQUIRE(ceremony);
  auto rng = crypto::DeterministicRng::from_label("a new polynomial");
  auto me = r.trustees.at(0); // trustee 1 deals again, with another polynomial
  me.polynomial = crypto::DealerPolynomial::random(r.ceremony.threshold, rng);
  auto c = crypto::commit_polynomial(*ceremony, me, rng);
  REQUIRE(c);
  crypto::ByteWriter w;
  crypto::encode_commitments(w, *c);
  r.entries.at(r.find(BoardKind::commitments).at(0)).payload = w.bytes();
  edit_json(r.only(BoardKind::manifest),
            [&](record::Json &j) { j["ceremony"]["commitments"][0] = crypto::to_hex(w.bytes()); });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "poll_context");
  CHECK(has(f.detail, "joint_key"));
  CHECK(test::passed(rep, "ceremony.transcript"));
}

TEST_CASE("two board entries swapped without re-chaining: board.chain", "[tamper]") {
  auto r = base();
  const auto at = r.find(BoardKind::ballot);
  std::swap(r.entries[at[2]], r.entries[at[3]]);
  const auto rep = test::verify(r);
  const auto &f = test::require_refused_by(rep, "board.chain");
  CHECK(has(f.detail, "was expected"));
}

TEST_CASE("the attendance entry moved before the last ballot, re-chained: attendance.entry", "[tamper]") {
  auto r = base();
  const auto att = r.find(BoardKind::attendance).at(0);
  const auto last = r.find(BoardKind::ballot).back();
  REQUIRE(last + 1 == att);
  std::swap(r.entries[att], r.entries[last]);
  edit_result(r, [&](record::Record &rec) {
    rec.attendance_seq = last + 1; // the record names the attendance entry where it now is
  });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "attendance.entry");
  CHECK(has(f.detail, "not after the last ballot"));
}

TEST_CASE("a ballot moved after the tally, re-chained: ballots.verify", "[tamper]") {
  auto r = base();
  const auto first = r.find(BoardKind::ballot).at(0);
  const auto moved = r.entries[first];
  r.entries.erase(r.entries.begin() + static_cast<std::ptrdiff_t>(first));
  r.entries.insert(r.entries.begin() + static_cast<std::ptrdiff_t>(r.find(BoardKind::tally).at(0)) + 1,
                   moved);
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "ballots.verify");
  CHECK(has(f.detail, "after the tally"));
}

TEST_CASE("the frozen attendance changed (a remote member marked present), re-signed: record.turnout",
          "[tamper]") {
  auto r = base();
  edit_json(r.only(BoardKind::attendance), [](record::Json &j) {
    for (auto &m : j["members"])
      if (m["member_no"] == 8) m["status"] = "present";
  });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.turnout");
  CHECK(has(f.detail, "frozen"));
  CHECK(test::passed(rep, "attendance.entry"));
}

TEST_CASE("a member left out of the frozen attendance: attendance.entry", "[tamper]") {
  auto r = base();
  edit_json(r.only(BoardKind::attendance),
            [](record::Json &j) { j["members"].erase(j["members"].size() - 1); });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "attendance.entry");
  CHECK(has(f.detail, "lists 8 members"));
}

TEST_CASE("a record of fewer ballots than the meeting's minimum: tally.min_ballots", "[tamper]") {
  auto s = base_spec();
  s.voters = std::vector<std::uint32_t>{1, 2, 3, 4}; // 4 < 5
  s.record_min_ballots = 4;                          // the record claims the minimum it needed
  const auto r = tools::synthesize(s);
  const auto rep = test::verify(r);
  const auto &f = test::require_refused_by(rep, "tally.min_ballots");
  CHECK(has(f.detail, "4"));
  CHECK(test::failed(rep, "record.min_ballots"));
  CHECK(test::passed(rep, "tally.matches"));
}

TEST_CASE("the record's min_ballots lowered below the bundle's, re-signed: record.min_ballots", "[tamper]") {
  auto r = base();
  edit_result(r, [&](record::Record &rec) { rec.min_ballots = 2; });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.min_ballots");
  CHECK(has(f.detail, "bundle"));
}

TEST_CASE("the statement signed by another key: record.statement", "[tamper]") {
  auto r = base();
  auto rng = crypto::DeterministicRng::from_label("another server");
  const auto other = crypto::SigningKey::generate(rng);
  const auto rep = rebuilt_verified(r, {.signer = &other});
  const auto &f = test::require_refused_by(rep, "record.statement");
  CHECK(has(f.detail, "signature"));
  CHECK(test::passed(rep, "record.outcomes"));
}

TEST_CASE("a record changed and the statement left as it was: record.statement", "[tamper]") {
  auto r = base();
  edit_result(r, [&](record::Record &rec) { rec.title += " (sửa)"; });
  const auto rep = rebuilt_verified(r, {.resign = false});
  const auto &f = test::require_refused_by(rep, "record.statement");
  CHECK(has(f.detail, "digest"));
}

TEST_CASE("a roster key changed in the header: roster.members", "[tamper]") {
  auto r = base();
  auto rng = crypto::DeterministicRng::from_label("a swapped key");
  r.header.roster.at(4).key = crypto::SigningKey::generate(rng).public_key;
  const auto rep = test::verify(r);
  const auto &f = test::require_refused_by(rep, "roster.members");
  CHECK(has(f.detail, "member 5"));
  CHECK(test::passed(rep, "ballots.verify"));
}

TEST_CASE("the tally entry's totals changed, re-chained: tally.matches", "[tamper]") {
  auto r = base();
  edit_json(r.only(BoardKind::tally), [](record::Json &j) { std::swap(j["totals"][0], j["totals"][1]); });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "tally.matches");
  CHECK(has(f.detail, "totals[0]"));
}

TEST_CASE("an entry after the result entry: result.entry", "[tamper]") {
  auto r = base();
  r.entries.push_back(r.entries.at(r.find(BoardKind::commitments).at(0)));
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "result.entry");
  CHECK(has(f.detail, "not the last entry"));
}

TEST_CASE("the bundle's min_ballots changed without the server key: bundle.signature", "[tamper]") {
  auto r = base();
  r.header.bundle.min_ballots = 2;
  const auto rep = test::verify(r);
  test::require_refused_by(rep, "bundle.signature");
}

TEST_CASE("a whole record re-signed by another server: valid alone, refused with --server-key", "[tamper]") {
  auto s = base_spec();
  s.seed_label = "record file tests: another server";
  const auto forged = tools::synthesize(s);
  CHECK(test::verify(forged).ok()); // self-consistent: only the pinned key (or the bundle code) tells
  record::VerifyOptions pin;
  pin.server_key = base().server.public_key;
  const auto rep = test::verify(forged, pin);
  const auto &f = test::require_refused_by(rep, "bundle.signature");
  CHECK(has(f.detail, "--server-key"));
}

namespace {

// The sample's spec: a tie at the quota that the chair (member 1) decides for nominee 4.
SynthRecord decided() {
  static const SynthRecord made = tools::synthesize(tools::sample_record_spec());
  return made;
}

} // namespace

TEST_CASE("the chair's decision changed to the other tied nominee, re-chained and re-signed: "
          "record.chair_decisions",
          "[tamper][chair]") {
  auto r = decided();
  REQUIRE(test::verify(r).ok());
  auto &entry = r.only(BoardKind::chair_decision);
  edit_json(entry, [](record::Json &j) { j["nominees"] = record::Json::array({2}); });
  edit_result(r, [&](record::Record &rec) {
    rec.chair_decisions.at(0).nominees = {2};
    for (auto &c : rec.contests)
      if (c.chair_decided)
        c.outcome =
            c.nominee->nominee_no == 2 ? record::ContestOutcome::passed : record::ContestOutcome::not_passed;
  });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.chair_decisions");
  CHECK(has(f.detail, "signature (tag CV/chair-decision) does not verify"));
  CHECK(test::passed(rep, "record.statement"));
}

TEST_CASE("a chair's decision signed by another member, re-chained and re-signed: record.chair_decisions",
          "[tamper][chair]") {
  auto r = decided();
  auto &entry = r.only(BoardKind::chair_decision);
  auto d = record::decode_chair_decision(text_of(entry));
  REQUIRE(d);
  d->member_no = 2;
  d->key = r.members.at(1).public_key;
  record::sign_chair_decision(*d, r.members.at(1));
  set_text(entry, record::encode_chair_decision(*d));
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.chair_decisions");
  CHECK(has(f.detail, "not signed by the chair (member 1)"));
}

TEST_CASE("a chair's decision removed from the board, re-chained and re-signed: record.chair_decisions",
          "[tamper][chair]") {
  auto r = decided();
  r.entries.erase(r.entries.begin() + static_cast<std::ptrdiff_t>(r.find(BoardKind::chair_decision).at(0)));
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.chair_decisions");
  CHECK(has(f.detail, "the board holds 0 chair decisions of the poll, the record 1"));
}

TEST_CASE("the record names a member who is not on the attendance entry, re-signed: record.binding",
          "[tamper]") {
  auto r = base();
  edit_result(r, [&](record::Record &rec) { rec.members.back().member_no = 99; });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.binding");
  CHECK(has(f.detail, "members[8] is member 99"));
}

TEST_CASE("the record names fewer trustees than the ceremony, re-signed: record.binding", "[tamper]") {
  auto r = base();
  edit_result(r, [&](record::Record &rec) { rec.trustees.pop_back(); });
  const auto rep = rebuilt_verified(r);
  const auto &f = test::require_refused_by(rep, "record.binding");
  CHECK(has(f.detail, "names 2 trustees, the ceremony has 3"));
}
