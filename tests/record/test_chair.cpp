// The chair decides a tie at an award's quota (docs/record.md §3 step 9): the signed decision
// (record/chair_decision.hpp), the rule that applies it (compute_record, check_chair_decision) and
// the offline verifier's check record.chair_decisions (record/verify_chair.hpp).
#include "councilvote/crypto/random.hpp"
#include "councilvote/record/chair_decision.hpp"
#include "councilvote/record/result_table.hpp"
#include "councilvote/record/verify_chair.hpp"
#include "people.hpp"

#include <catch2/catch.hpp>

using namespace cv::record;

namespace {

constexpr const char *kAward = "Cờ thi đua";

cv::crypto::SigningKey key_of(const char *label) {
  auto rng = cv::crypto::DeterministicRng::from_label(label);
  return cv::crypto::SigningKey::generate(rng);
}

// 20 members, all present, 20 ballots; an award with a quota of 2: nominee 1 has 20 agree votes,
// nominees 2, 3, 4 have 18 each (rank 2): three tied for the one place left. Nominee 5 has another
// award, no quota.
RecordInput tie_input() {
  RecordInput in;
  in.meeting = {"m-1", "Hội đồng Thi đua - Khen thưởng", "Phiên 1", "2025-06-15", "Vĩnh Long"};
  in.poll = "poll-1";
  in.title = "Xét khen thưởng";
  in.manifest_seq = 5;
  in.attendance_seq = 30;
  in.tally_seq = 31;
  in.min_ballots = 5;
  in.threshold = 2;
  in.decrypting_trustees = {1, 2};
  in.partial_seqs = {32, 33};
  in.tally_context = cv::crypto::ByteArray<32>{7};
  in.turnout = {20, 20, 0, 0, 0, 20, 20, 0, {}};
  for (std::uint32_t m = 1; m <= 20; ++m) in.turnout.voted.push_back(m);
  cv::record::testing::name_people(in, 2);
  in.closed_at = "2025-06-15T09:00:00.000Z";
  const RuleProfile r80{"r80",    "80%", {80, 100}, Comparison::at_least, Denominator::all_members,
                        {0, 100}, ""};
  for (std::uint32_t i = 0; i < 5; ++i) {
    RecordContestInput c;
    c.position = i;
    c.contest_id = std::to_string(i + 1);
    c.nominee = NomineeRow{
        i + 1, NomineeKind::tap_the, "Đơn vị " + std::to_string(i + 1), "", "", i < 4 ? kAward : "Bằng khen",
        "r80"};
    c.rule = r80;
    if (i < 4) c.award_quota = 2;
    c.counts.agree = i == 0 ? 20 : 18;
    c.counts.disagree = 20 - c.counts.agree;
    in.contests.push_back(c);
  }
  return in;
}

Record record_with(std::vector<RecordChairDecision> decisions) {
  auto in = tie_input();
  in.chair_decisions = std::move(decisions);
  auto r = compute_record(in);
  if (!r) FAIL(r.error().message);
  return std::move(*r);
}

ChairDecision signed_decision(std::vector<std::uint32_t> nominees, const cv::crypto::SigningKey &chair,
                              std::uint32_t member_no = 1) {
  ChairDecision d;
  d.meeting = "m-1";
  d.poll = "poll-1";
  d.tally_context = cv::crypto::ByteArray<32>{7};
  d.award = kAward;
  d.nominees = std::move(nominees);
  d.member_no = member_no;
  sign_chair_decision(d, chair);
  return d;
}

std::vector<RosterEntry> roster_with_chair(const cv::crypto::SigningKey &chair) {
  std::vector<RosterEntry> roster;
  for (std::uint32_t m = 1; m <= 20; ++m)
    roster.push_back(
        {m, m == 1 ? chair.public_key : key_of(("member " + std::to_string(m)).c_str()).public_key});
  return roster;
}

} // namespace

TEST_CASE("chair: without a decision the tied nominees are tie_at_quota, with one the chair's choice passes",
          "[record][chair]") {
  const auto undecided = record_with({});
  CHECK(undecided.contests[0].outcome == ContestOutcome::passed);
  for (std::size_t i = 1; i < 4; ++i) {
    CHECK(undecided.contests[i].outcome == ContestOutcome::tie_at_quota);
    CHECK(undecided.contests[i].quota_rank == 2u);
    CHECK_FALSE(undecided.contests[i].chair_decided);
  }
  const auto decided = record_with({{40, kAward, {3}, 1}});
  CHECK(decided.contests[0].outcome == ContestOutcome::passed);
  CHECK_FALSE(decided.contests[0].chair_decided); // above the cut-off: not the chair's
  CHECK(decided.contests[1].outcome == ContestOutcome::not_passed);
  CHECK(decided.contests[2].outcome == ContestOutcome::passed);
  CHECK(decided.contests[3].outcome == ContestOutcome::not_passed);
  for (std::size_t i = 1; i < 4; ++i) CHECK(decided.contests[i].chair_decided);
  CHECK(decided.contests[2].quota_rank == 2u); // the rank is still the rank by agree votes
  CHECK(decided.contests[4].outcome == ContestOutcome::passed);
  CHECK(decided.chair_decisions.size() == 1);

  // The text names the decision's board entry and the decided contests; it round-trips and verifies.
  const auto text = encode_record(decided);
  CHECK(text.find(R"("chair_decisions":[{"award":"Cờ thi đua","member_no":1,"nominees":[3],"seq":40}])") !=
        std::string::npos);
  CHECK(text.find(R"("chair_decided":true)") != std::string::npos);
  CHECK(encode_record(undecided).find("chair_decid") == std::string::npos); // unchanged without one
  auto back = decode_record(text);
  REQUIRE(back);
  CHECK(*back == decided);
  CHECK(verify_record_outcomes(*back));
  CHECK(check_record_chair_decisions(*back));

  SECTION("an outcome changed against the decision is named") {
    back->contests[1].outcome = ContestOutcome::passed;
    auto v = verify_record_outcomes(*back);
    REQUIRE_FALSE(v);
    CHECK(v.error().check == "contest[1].outcome");
  }
  SECTION("a decided flag without a decision is named") {
    back->chair_decisions.clear();
    auto v = verify_record_outcomes(*back);
    REQUIRE_FALSE(v);
    CHECK(v.error().check == "contest[1].chair_decided");
  }
  SECTION("chair_decided is present only when true") {
    auto edited = text;
    edited.replace(edited.find(R"("chair_decided":true)"), 20, R"("chair_decided":false)");
    auto r = decode_record(edited);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::bad_field);
  }
}

TEST_CASE("chair: only tied nominees, exactly the places left, only an award with a tie", "[record][chair]") {
  const auto draft = record_with({});
  auto check = [&](const char *award, std::vector<std::uint32_t> nominees) {
    auto r = check_chair_decision(draft, award, nominees);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_argument);
    return r.error();
  };
  CHECK(check_chair_decision(draft, kAward, {4}));
  CHECK(check(kAward, {1}).check == "nominee"); // above the cut-off, not tied
  CHECK(check(kAward, {5}).check == "nominee"); // another award
  const auto places = check(kAward, {2, 3});
  CHECK(places.check == "places");
  CHECK(places.message ==
        "the decision names 2, but the tied nominees of award \"Cờ thi đua\" are 2, 3, 4, for 1 place left");
  CHECK(check("Bằng khen", {5}).check == "award"); // no quota, no tie
  CHECK(check("Huân chương", {2}).check == "award");
  // Decided once, the award has no tie left: a second decision is refused.
  const auto decided = record_with({{40, kAward, {3}, 1}});
  CHECK(check_chair_decision(decided, kAward, {4}).error().check == "award");
  // compute_record refuses a decision that does not fit, naming it.
  auto in = tie_input();
  in.chair_decisions = {{40, kAward, {2, 3}, 1}};
  auto r = compute_record(in);
  REQUIRE_FALSE(r);
  CHECK(r.error().check == "chair_decisions[0].places");
  in.chair_decisions = {{40, kAward, {3}, 1}, {41, kAward, {4}, 1}};
  CHECK(compute_record(in).error().check == "chair_decisions[1].award");
}

TEST_CASE("chair: the decision is signed over the documented bytes and read strictly", "[record][chair]") {
  const auto chair = key_of("chair");
  auto d = signed_decision({2, 4}, chair);
  CHECK(verify_chair_decision_signature(d));
  cv::crypto::ByteWriter w; // docs/wire.md §8.4, written out by hand
  w.str("m-1");
  w.str("poll-1");
  w.fixed(cv::crypto::ByteArray<32>{7});
  w.str(kAward);
  w.u32(2);
  w.u32(2);
  w.u32(4);
  w.u32(1);
  w.fixed(chair.public_key);
  CHECK(chair_decision_signed_message(d) == w.bytes());
  CHECK(cv::crypto::verify_signature(chair.public_key, "CV/chair-decision", w.bytes(), d.sig));

  const auto text = encode_chair_decision(d);
  auto back = decode_chair_decision(text);
  REQUIRE(back);
  CHECK(*back == d);
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\"nominees\":[2,4]", "\"nominees\":[4,2]"}, // not ascending
           {"\"nominees\":[2,4]", "\"nominees\":[2,2]"}, // repeated
           {"\"nominees\":[2,4]", "\"nominees\":[]"},
           {"\"member_no\":1", "\"member_no\":0"},
           {"\"poll\":\"poll-1\"", "\"poll\":\"poll 1\""},
           {"\"award\":\"Cờ thi đua\"", "\"award\":\"\""},
           {"\"member_no\":1", "\"member_no\":1,\"extra\":1"}}) {
    INFO(to);
    auto edited = text;
    edited.replace(edited.find(from), from.size(), to);
    CHECK_FALSE(decode_chair_decision(edited));
  }
  SECTION("every signed member is covered") {
    auto x = d;
    x.nominees = {2, 3};
    CHECK_FALSE(verify_chair_decision_signature(x));
    x = d;
    x.award = "Bằng khen";
    CHECK_FALSE(verify_chair_decision_signature(x));
    x = d;
    x.tally_context[0] ^= 1;
    CHECK_FALSE(verify_chair_decision_signature(x));
    x = d;
    x.member_no = 2;
    CHECK_FALSE(verify_chair_decision_signature(x));
  }
}

TEST_CASE("chair: record.chair_decisions passes only for the chair's signed decision that the record applies",
          "[record][chair]") {
  const auto chair = key_of("chair");
  const auto roster = roster_with_chair(chair);
  const auto decision = signed_decision({3}, chair);
  const auto record = record_with({{40, kAward, {3}, 1}});
  const std::vector<ChairDecisionEntry> entries{{40, encode_chair_decision(decision)}};
  auto ok = verify_chair_decisions(record, roster, entries, "m-1");
  INFO((ok ? *ok : ok.error().message));
  REQUIRE(ok);
  CHECK(ok->find("board entry 40") != std::string::npos);
  CHECK(verify_chair_decisions(record_with({}), roster, {}, "m-1"));

  auto refused = [&](const Record &r, std::span<const RosterEntry> ro,
                     std::span<const ChairDecisionEntry> e) {
    auto v = verify_chair_decisions(r, ro, e, "m-1");
    REQUIRE_FALSE(v);
    CHECK(v.error().code == Errc::inconsistent_data);
    return v.error().message;
  };
  SECTION("a key that is not the named chair's") {
    const std::vector<ChairDecisionEntry> forged{
        {40, encode_chair_decision(signed_decision({3}, key_of("x")))}};
    CHECK(refused(record, roster, forged).find("not signed by the chair (member 1)") != std::string::npos);
    const std::vector<ChairDecisionEntry> by_other{
        {40, encode_chair_decision(signed_decision({3}, key_of("member 2"), 1))}};
    CHECK(refused(record, roster, by_other).find("not signed by the chair") != std::string::npos);
  }
  SECTION("a record that names no chair, or a chair who is not on the roster") {
    auto no_chair = record;
    for (auto &m : no_chair.members) m.council_role = CouncilRole::member;
    CHECK(refused(no_chair, roster, entries).find("names no chair") != std::string::npos);
    const std::vector<RosterEntry> without_chair(roster.begin() + 1, roster.end());
    CHECK(refused(record, without_chair, entries).find("not on the roster") != std::string::npos);
  }
  SECTION("a signature that does not verify") {
    auto bad = decision;
    bad.sig[0] ^= 1;
    const std::vector<ChairDecisionEntry> e{{40, encode_chair_decision(bad)}};
    CHECK(refused(record, roster, e).find("does not verify") != std::string::npos);
  }
  SECTION("the record does not apply the decision on the board") {
    const std::vector<ChairDecisionEntry> other{{40, encode_chair_decision(signed_decision({4}, chair))}};
    CHECK(refused(record, roster, other).find("is not board entry 40") != std::string::npos);
    CHECK(refused(record_with({}), roster, entries).find("holds 1 chair decisions") != std::string::npos);
    CHECK(refused(record, roster, {}).find("holds 0 chair decisions") != std::string::npos);
  }
  SECTION("a decision about another tally, or before the counts were decrypted") {
    auto elsewhere = decision;
    elsewhere.tally_context[0] ^= 1;
    sign_chair_decision(elsewhere, chair);
    const std::vector<ChairDecisionEntry> e{{40, encode_chair_decision(elsewhere)}};
    CHECK(refused(record, roster, e).find("tally_context") != std::string::npos);
    const std::vector<ChairDecisionEntry> early{{32, encode_chair_decision(decision)}};
    CHECK(refused(record_with({{32, kAward, {3}, 1}}), roster, early).find("before the counts") !=
          std::string::npos);
  }
  SECTION("a decision that does not fit the tie, even if the record applied it") {
    auto rec = record;
    rec.chair_decisions[0].nominees = {2, 3};
    rec.contests[1].outcome = ContestOutcome::passed;
    const std::vector<ChairDecisionEntry> e{{40, encode_chair_decision(signed_decision({2, 3}, chair))}};
    CHECK(refused(rec, roster, e).find("places") != std::string::npos);
  }
}

TEST_CASE("result table: a tie decided by the chair says so, with the board entry", "[result_table][chair]") {
  const auto table = format_result_table(record_with({{40, kAward, {3}, 1}}));
  CHECK(table.find("Chủ tọa quyết định") != std::string::npos);
  CHECK(table.find("mục 40") != std::string::npos);
  CHECK(table.find("Bằng phiếu") == std::string::npos); // no tie is left open
  const auto open = format_result_table(record_with({}));
  CHECK(open.find("Bằng phiếu") != std::string::npos);
}

TEST_CASE("chair: a record applies a decision only when it is the chair's, the member its roster names chair",
          "[record][chair]") {
  auto in = tie_input();
  in.chair_decisions = {{40, kAward, {3}, 2}}; // member 2 is the secretary
  auto r = compute_record(in);
  REQUIRE_FALSE(r);
  CHECK(r.error().check == "chair_decisions[0].member");
  CHECK(r.error().message.find("not the chair's (member 1)") != std::string::npos);
  for (auto &m : in.members) m.council_role = CouncilRole::member;
  in.chair_decisions = {{40, kAward, {3}, 1}};
  r = compute_record(in);
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("the roster names no chair") != std::string::npos);
}
