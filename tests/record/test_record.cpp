// The result record (docs/record.md): the council's rules applied to the counts, quotas, encoding.
#include "councilvote/record/result_record.hpp"
#include "people.hpp"

#include <catch2/catch.hpp>
#include <tuple>
#include <vector>

using namespace cv::record;

namespace {

template <class R> Errc code_of(const R &r) {
  REQUIRE_FALSE(r);
  return r.error().code;
}

RuleProfile rule(const char *id, std::uint32_t percent, Comparison cmp = Comparison::at_least,
                 Denominator den = Denominator::all_members, std::uint32_t quorum = 0) {
  return RuleProfile{id, std::string("rule ") + id, {percent, 100}, cmp, den, {quorum, 100}, "test"};
}

NomineeRow nominee(std::uint32_t no, const char *award, const char *rule_id) {
  return NomineeRow{no, NomineeKind::ca_nhan, "Nominee " + std::to_string(no), "", "Unit", award, rule_id};
}

// 22 members: 18 present, 2 remote, 2 absent; 20 ballots (18 in the room, 2 remote).
RecordInput base_input() {
  RecordInput in;
  in.meeting = {"vinhlong-2025-06", "Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Long", "Phiên 1", "2025-06-15",
                "Vĩnh Long"};
  in.poll = "poll-1";
  in.title = "Xét khen thưởng";
  in.manifest_seq = 10;
  in.tally_seq = 40;
  in.attendance_seq = 39;
  in.min_ballots = 5;
  in.threshold = 2;
  in.decrypting_trustees = {1, 3};
  in.partial_seqs = {41, 42};
  in.turnout = {22, 18, 2, 2, 0, 20, 18, 2, {}};
  for (std::uint32_t m = 1; m <= 20; ++m) in.turnout.voted.push_back(m);
  cv::record::testing::name_people(in, 3);
  in.closed_at = "2025-06-15T09:00:00.000Z";
  return in;
}

RecordContestInput commendation(std::uint32_t position, const NomineeRow &n, const RuleProfile &r,
                                std::uint64_t agree, std::uint64_t disagree,
                                std::optional<std::uint32_t> quota = std::nullopt) {
  RecordContestInput c;
  c.position = position;
  c.contest_id = std::to_string(n.nominee_no);
  c.nominee = n;
  c.rule = r;
  c.award_quota = quota;
  c.counts.agree = agree;
  c.counts.disagree = disagree;
  c.counts.blank = 20 - agree - disagree;
  return c;
}

} // namespace

TEST_CASE("result record: 90% of all members needs 20 of 22 agree votes (Decree 98 example)", "[record]") {
  auto in = base_input();
  const auto r90 = rule("decree98-90", 90);
  in.contests = {commendation(0, nominee(1, "CSTĐ toàn quốc", "decree98-90"), r90, 20, 0),
                 commendation(1, nominee(2, "CSTĐ toàn quốc", "decree98-90"), r90, 19, 1)};
  auto rec = compute_record(in);
  REQUIRE(rec);
  const auto &a = rec->contests[0], &b = rec->contests[1];
  CHECK(a.outcome == ContestOutcome::passed);
  CHECK(a.rule_met);
  CHECK(a.denominator == 22);
  CHECK(a.agree_basis_points == 9091); // 20/22 = 90.909…%, rounded half up
  CHECK(a.not_voted == 2);
  CHECK(b.outcome == ContestOutcome::not_passed);
  CHECK(b.agree_basis_points == 8636); // 19/22 = 86.36%
  CHECK_FALSE(a.quota_rank);
}

TEST_CASE("result record: 'more than 50%' is strict, present-members denominator counts remote votes",
          "[record]") {
  auto in = base_input();
  in.turnout = {22, 10, 0, 12, 0, 10, 10, 0, {}};
  for (std::uint32_t m = 1; m <= 10; ++m) in.turnout.voted.push_back(m);
  auto c = [&](std::uint32_t pos, const RuleProfile &r, std::uint64_t agree) {
    auto x = commendation(pos, nominee(pos + 1, "Bằng khen", r.rule_id.c_str()), r, agree, 0);
    x.counts.blank = 10 - agree;
    return x;
  };
  const auto majority_all = rule("maj", 50, Comparison::more_than);
  const auto majority_present = rule("majp", 50, Comparison::more_than, Denominator::present_members);
  in.contests = {c(0, majority_all, 10), c(1, majority_present, 5), c(2, majority_present, 6)};
  in.contests[1].nominee->award = in.contests[2].nominee->award = "Giấy khen";
  auto rec = compute_record(in);
  REQUIRE(rec);
  CHECK(rec->contests[0].outcome == ContestOutcome::not_passed); // 10/22 is not more than 50%
  CHECK(rec->contests[1].denominator == 10);
  CHECK(rec->contests[1].outcome == ContestOutcome::not_passed); // 5/10 is not more than 50%
  CHECK(rec->contests[2].outcome == ContestOutcome::passed);     // 6/10
}

TEST_CASE("result record: quorum not met overrides the vote", "[record]") {
  auto in = base_input();
  const auto with_quorum = rule("q80", 50, Comparison::at_least, Denominator::all_members, 90); // 90% present
  in.contests = {commendation(0, nominee(1, "Bằng khen", "q80"), with_quorum, 20, 0)};
  auto rec = compute_record(in);
  REQUIRE(rec);
  CHECK(rec->contests[0].rule_met);
  CHECK_FALSE(rec->contests[0].quorum_met); // 18 of 22 present = 81.8% < 90%
  CHECK(rec->contests[0].outcome == ContestOutcome::quorum_not_met);
}

TEST_CASE("result record: a quota ranks the passing nominees of an award by agree votes", "[record]") {
  const auto r80 = rule("decree98-80", 80);
  SECTION("clear cut-off") {
    auto in = base_input();
    in.contests = {commendation(0, nominee(1, "Cờ thi đua", "decree98-80"), r80, 18, 2, 2),
                   commendation(1, nominee(2, "Cờ thi đua", "decree98-80"), r80, 20, 0, 2),
                   commendation(2, nominee(3, "Cờ thi đua", "decree98-80"), r80, 19, 1, 2),
                   commendation(3, nominee(4, "Cờ thi đua", "decree98-80"), r80, 10, 10, 2)};
    auto rec = compute_record(in);
    REQUIRE(rec);
    CHECK(rec->contests[1].quota_rank == 1u);
    CHECK(rec->contests[1].outcome == ContestOutcome::passed);
    CHECK(rec->contests[2].quota_rank == 2u);
    CHECK(rec->contests[2].outcome == ContestOutcome::passed);
    CHECK(rec->contests[0].quota_rank == 3u);
    CHECK(rec->contests[0].outcome == ContestOutcome::not_passed);
    CHECK_FALSE(rec->contests[3].quota_rank); // did not meet the rule: not ranked
    CHECK(rec->contests[3].outcome == ContestOutcome::not_passed);
  }
  SECTION("a tie across the cut-off goes to the chair") {
    auto in = base_input();
    in.contests = {commendation(0, nominee(1, "Cờ thi đua", "decree98-80"), r80, 20, 0, 2),
                   commendation(1, nominee(2, "Cờ thi đua", "decree98-80"), r80, 19, 1, 2),
                   commendation(2, nominee(3, "Cờ thi đua", "decree98-80"), r80, 19, 0, 2)};
    auto rec = compute_record(in);
    REQUIRE(rec);
    CHECK(rec->contests[0].outcome == ContestOutcome::passed);
    CHECK(rec->contests[1].quota_rank == 2u);
    CHECK(rec->contests[1].outcome == ContestOutcome::tie_at_quota);
    CHECK(rec->contests[2].outcome == ContestOutcome::tie_at_quota);
  }
}

TEST_CASE("result record: inconsistent input is refused", "[record]") {
  auto in = base_input();
  const auto r90 = rule("decree98-90", 90);
  in.contests = {commendation(0, nominee(1, "A", "decree98-90"), r90, 20, 0)};
  SECTION("counts that are not the ballots") {
    in.contests[0].counts.blank = 1;
    CHECK(code_of(compute_record(in)) == Errc::invalid_argument);
  }
  SECTION("two quotas for one award") {
    in.contests.push_back(commendation(1, nominee(2, "A", "decree98-90"), r90, 20, 0, 3));
    CHECK(code_of(compute_record(in)) == Errc::invalid_argument);
  }
  SECTION("turnout that does not add up") {
    in.turnout.absent = 5;
    CHECK(code_of(compute_record(in)) == Errc::invalid_argument);
  }
}

TEST_CASE("result record: the text round-trips and a verifier recomputes every outcome", "[record]") {
  auto in = base_input();
  const auto r80 = rule("decree98-80", 80);
  in.contests = {commendation(0, nominee(1, "Cờ thi đua", "decree98-80"), r80, 20, 0, 1),
                 commendation(1, nominee(2, "Cờ thi đua", "decree98-80"), r80, 18, 2, 1)};
  RecordContestInput general;
  general.position = 2;
  general.contest_id = "chair";
  general.kind = cv::crypto::ContestKind::general;
  general.label = "Chủ tọa";
  general.option_labels = {"A", "B"};
  general.counts.option_counts = {12, 8};
  in.contests.push_back(general);
  auto rec = compute_record(in);
  REQUIRE(rec);
  const auto text = encode_record(*rec);
  auto back = decode_record(text);
  REQUIRE(back);
  CHECK(*back == *rec);
  CHECK(encode_record(*back) == text);
  CHECK(verify_record_outcomes(*back));

  SECTION("a changed outcome is named") {
    back->contests[1].outcome = ContestOutcome::passed;
    auto v = verify_record_outcomes(*back);
    REQUIRE_FALSE(v);
    CHECK(v.error().code == Errc::inconsistent_data);
    CHECK(v.error().check == "contest[1].outcome");
  }
  SECTION("a changed percentage is named") {
    back->contests[0].agree_basis_points += 1;
    auto v = verify_record_outcomes(*back);
    REQUIRE_FALSE(v);
    CHECK(v.error().check == "contest[0].agree_basis_points");
  }
  SECTION("unknown members and other formats are rejected") {
    auto extra = text;
    extra.insert(1, "\"extra\":1,");
    CHECK(code_of(decode_record(extra)) == Errc::unknown_field);
    auto other = text;
    other.replace(other.find("councilvote-record/1"), 20, "councilvote-record/9");
    CHECK(code_of(decode_record(other)) == Errc::unsupported_version);
  }
}

TEST_CASE("result record: thresholds are exact fractions compared on integers (2/3 of 18, 90/100 of 22)",
          "[record]") {
  auto in = base_input();
  in.turnout = {18, 18, 0, 0, 0, 18, 18, 0, {}};
  for (std::uint32_t m = 1; m <= 18; ++m) in.turnout.voted.push_back(m);
  cv::record::testing::name_people(in, 3);
  auto two_thirds = [](Comparison cmp) {
    return RuleProfile{"r23", "Từ 2/3 trở lên", {2, 3}, cmp, Denominator::all_members, {0, 100}, ""};
  };
  auto c = [&](std::uint32_t pos, const RuleProfile &r, std::uint64_t agree) {
    auto x = commendation(pos, nominee(pos + 1, "Bằng khen", "r23"), r, agree, 18 - agree);
    x.counts.blank = 0;
    return x;
  };
  in.contests = {c(0, two_thirds(Comparison::at_least), 12), c(1, two_thirds(Comparison::at_least), 11),
                 c(2, two_thirds(Comparison::more_than), 12), c(3, two_thirds(Comparison::more_than), 13)};
  auto rec = compute_record(in);
  REQUIRE(rec);
  CHECK(rec->contests[0].outcome == ContestOutcome::passed); // 12 x 3 = 36 >= 2 x 18 (67 % would refuse it)
  CHECK(rec->contests[1].outcome == ContestOutcome::not_passed); // 33 < 36
  CHECK(rec->contests[2].outcome == ContestOutcome::not_passed); // "more than 2/3": 36 is not > 36
  CHECK(rec->contests[3].outcome == ContestOutcome::passed);
  CHECK(rec->contests[0].agree_basis_points == 6667); // for display only

  auto ninety = base_input();
  const RuleProfile r90{"r90",    "90%", {90, 100}, Comparison::at_least, Denominator::all_members,
                        {0, 100}, ""};
  ninety.contests = {commendation(0, nominee(1, "CSTĐ", "r90"), r90, 20, 0),
                     commendation(1, nominee(2, "CSTĐ", "r90"), r90, 19, 1)};
  auto rec90 = compute_record(ninety);
  REQUIRE(rec90);
  CHECK(rec90->contests[0].outcome == ContestOutcome::passed);     // 2000 >= 1980
  CHECK(rec90->contests[1].outcome == ContestOutcome::not_passed); // 1900 < 1980
}

TEST_CASE("result record: a quorum is a fraction of all members present in the room", "[record]") {
  auto in = base_input(); // 18 of 22 present
  auto with_quorum = [](Fraction q) {
    return RuleProfile{"q", "Q", {1, 2}, Comparison::at_least, Denominator::all_members, q, ""};
  };
  in.contests = {commendation(0, nominee(1, "A", "q"), with_quorum({9, 11}), 20, 0), // 18 x 11 = 198 >= 198
                 commendation(1, nominee(2, "B", "q"), with_quorum({5, 6}), 20, 0),  // 108 >= 110? no
                 commendation(2, nominee(3, "C", "q"), with_quorum({0, 1}), 20, 0)}; // no quorum
  in.contests[1].nominee->rule_id = in.contests[2].nominee->rule_id = "q";
  auto rec = compute_record(in);
  REQUIRE(rec);
  CHECK(rec->contests[0].quorum_met);
  CHECK_FALSE(rec->contests[1].quorum_met);
  CHECK(rec->contests[1].outcome == ContestOutcome::quorum_not_met);
  CHECK(rec->contests[2].quorum_met);
}

TEST_CASE("result record: a rule's fractions are {num, den}, read strictly", "[record]") {
  auto rule_text = [](const std::string &threshold, const std::string &quorum) {
    return R"({"comparison":"at_least","denominator":"all_members","label":"L","quorum":)" + quorum +
           R"(,"rule_id":"r","source":"","threshold":)" + threshold + "}";
  };
  auto read = [](const std::string &text) { return read_json_text(text, "rule", read_rule); };
  auto ok = read(rule_text(R"({"den":3,"num":2})", R"({"den":100,"num":0})"));
  REQUIRE(ok);
  CHECK(ok->threshold == Fraction{2, 3});
  CHECK(ok->quorum == Fraction{0, 100});
  CHECK(dump_json(rule_to_json(*ok)) == rule_text(R"({"den":3,"num":2})", R"({"den":100,"num":0})"));
  for (const auto &[threshold, quorum, field] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {R"({"den":0,"num":0})", R"({"den":1,"num":0})", "rule.threshold.num"}, // a threshold of zero
           {R"({"den":0,"num":1})", R"({"den":1,"num":0})", "rule.threshold.den"},
           {R"({"den":2,"num":3})", R"({"den":1,"num":0})", "rule.threshold.num"}, // more than the whole
           {R"({"den":1001,"num":1})", R"({"den":1,"num":0})", "rule.threshold.den"},
           {R"({"den":3,"num":2})", R"({"den":2,"num":3})", "rule.quorum.num"},
           {R"({"den":3,"num":2,"x":1})", R"({"den":1,"num":0})", "rule.threshold.x"},
           {R"(67)", R"({"den":1,"num":0})", "rule.threshold"}}) {
    INFO(threshold << " " << quorum);
    auto bad = read(rule_text(threshold, quorum));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field == field);
  }
}

TEST_CASE("fractions: '2/3' and '90%' are read exactly, anything else is refused with a sentence",
          "[record]") {
  CHECK(parse_fraction("2/3", true).value() == Fraction{2, 3});
  CHECK(parse_fraction("90%", true).value() == Fraction{90, 100});
  CHECK(parse_fraction("90/100", true).value() == Fraction{90, 100});
  CHECK(parse_fraction("0%", false).value() == Fraction{0, 100});
  CHECK(parse_fraction("1000/1000", true).value() == Fraction{1000, 1000});
  CHECK(fraction_text({2, 3}) == "2/3");
  CHECK(fraction_text({90, 100}) == "90%");
  auto message = [](std::string_view text, bool positive = true) {
    auto f = parse_fraction(text, positive);
    REQUIRE_FALSE(f);
    CHECK(f.error().code == Errc::bad_field);
    return f.error().message;
  };
  CHECK(message("2/0") == "\"2/0\": the denominator must be 1 to 1000");
  CHECK(message("3/2") ==
        "\"3/2\": the numerator must not exceed the denominator (a share is at most the whole)");
  CHECK(message("abc") == "\"abc\": not a fraction such as 2/3 nor a percentage such as 90%");
  CHECK(message("101%") == "\"101%\": a percentage must be at most 100%");
  CHECK(message("0/3") == "\"0/3\": the share must be more than zero");
  CHECK(message("90") ==
        "\"90\": write a percentage with its % sign (such as 90%) or a fraction (such as 2/3)");
  for (auto text : {"", "%", "/", "2/", "/3", "-1/3", "2/3/4", "02/3", "2 /3", "66.7%", "1/1001", "+5%"})
    CHECK_FALSE(parse_fraction(text, false));
}
