// The CSV reader (protocol/csv.hpp) as the demo and the schema tests use it: records as maps, and
// the strict RFC 4180 rules that the copy the tools had did not apply.
#include "councilvote/protocol/csv.hpp"

#include <catch2/catch.hpp>

using namespace cv::protocol;

TEST_CASE("csv: maps gives every record by column name", "[csv]") {
  auto t = parse_csv("a,b\r\n1,\"x, \"\"y\"\"\"\n\n2,\n", "t.csv");
  REQUIRE(t);
  const auto rows = t->maps();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("a") == "1");
  CHECK(rows[0].at("b") == "x, \"y\"");
  CHECK(rows[1].at("a") == "2");
  CHECK(rows[1].at("b").empty());
}

TEST_CASE("csv: input the lax reader of the tools accepted is refused", "[csv]") {
  CHECK_FALSE(parse_csv("a,b\n1,\xC3\n", "t.csv"));   // invalid UTF-8
  CHECK_FALSE(parse_csv("a,b\n1,2\"3\n", "t.csv"));   // a quote inside an unquoted field
  CHECK_FALSE(parse_csv("a,b\n1,\"2\"3\n", "t.csv")); // text after a closing quote
  CHECK_FALSE(parse_csv("a,a\n1,2\n", "t.csv"));      // a repeated column
  CHECK_FALSE(parse_csv("a,\n1,2\n", "t.csv"));       // an empty column name
  CHECK_FALSE(parse_csv("a,b\n1\n", "t.csv"));        // a short record
}

TEST_CASE("csv: rules_from_csv reads the rule profiles", "[csv]") {
  auto rules = rules_from_csv("rule_id,label,threshold,comparison,denominator,source\n"
                              "r-1,\"Từ 90% trở lên\",90%,at_least,all_members,\"Decree 98/2023/NĐ-CP\"\n"
                              "r-2,Trên 50%,50%,more_than,present_members,\n"
                              "r-3,Từ 2/3 trở lên,2/3,at_least,all_members,\n");
  REQUIRE(rules);
  REQUIRE(rules->size() == 3);
  CHECK((*rules)[0] == RuleProfile{"r-1",
                                   "Từ 90% trở lên",
                                   {90, 100},
                                   Comparison::at_least,
                                   Denominator::all_members,
                                   {0, 100},
                                   "Decree 98/2023/NĐ-CP"});
  CHECK((*rules)[1].comparison == Comparison::more_than);
  CHECK((*rules)[1].denominator == Denominator::present_members);
  CHECK((*rules)[2].threshold == cv::record::Fraction{2, 3});
  auto dup = rules_from_csv("rule_id,label,threshold,comparison,denominator\n"
                            "r,x,90%,at_least,all_members\nr,y,80%,at_least,all_members\n");
  REQUIRE_FALSE(dup);
  CHECK(dup.error().message == "rules.csv line 3: rule_id \"r\" already on line 2");
}

TEST_CASE("csv: a threshold or quorum that is not a share is refused with a clear sentence", "[csv]") {
  const std::string header = "rule_id,label,threshold,comparison,denominator,quorum\n";
  auto message = [&](const std::string &threshold, const std::string &quorum = "") {
    auto r = rules_from_csv(header + "r,Rule," + threshold + ",at_least,all_members," + quorum + "\n");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::invalid_argument);
    return r.error().message;
  };
  CHECK(message("2/0") == "rules.csv line 2: threshold \"2/0\": the denominator must be 1 to 1000");
  CHECK(message("3/2") ==
        "rules.csv line 2: threshold \"3/2\": the numerator must not exceed the denominator "
        "(a share is at most the whole)");
  CHECK(message("abc") ==
        "rules.csv line 2: threshold \"abc\": not a fraction such as 2/3 nor a percentage such as 90%");
  CHECK(message("101%") == "rules.csv line 2: threshold \"101%\": a percentage must be at most 100%");
  CHECK(message("0%") == "rules.csv line 2: threshold \"0%\": the share must be more than zero");
  CHECK(message("2/3", "101%") == "rules.csv line 2: quorum \"101%\": a percentage must be at most 100%");
  auto quorum =
      rules_from_csv(header + "r,Rule,90%,at_least,all_members,2/3\ns,Rule,90%,at_least,all_members,\n");
  REQUIRE(quorum);
  CHECK((*quorum)[0].quorum == cv::record::Fraction{2, 3});
  CHECK((*quorum)[1].quorum == cv::record::Fraction{0, 100}); // empty: no quorum
  auto old =
      rules_from_csv("rule_id,label,threshold_percent,comparison,denominator\nr,x,90,at_least,all_members\n");
  REQUIRE_FALSE(old);
  CHECK(old.error().message ==
        "rules.csv line 1: column \"threshold_percent\" is now \"threshold\": write the "
        "share as 90% or as a fraction such as 2/3");
}

TEST_CASE("csv: the shipped rules.csv gives the Decree 98 profiles exactly as the percentages did", "[csv]") {
  auto rules = read_rules_csv(std::string(CV_DATA_DIR) + "/rules.csv");
  REQUIRE(rules);
  REQUIRE(rules->size() >= 4);
  CHECK((*rules)[0].rule_id == "decree98-90");
  CHECK((*rules)[0].threshold == cv::record::Fraction{90, 100});
  CHECK((*rules)[1].rule_id == "decree98-80");
  CHECK((*rules)[1].threshold == cv::record::Fraction{80, 100});
  for (const auto &r : *rules) CHECK(r.quorum == cv::record::Fraction{0, 100});
  // 22 members at 90 %: 20 pass, 19 do not; at 80 %: 18 pass, 17 do not.
  CHECK((*rules)[0].passes(20, 22));
  CHECK_FALSE((*rules)[0].passes(19, 22));
  CHECK((*rules)[1].passes(18, 22));
  CHECK_FALSE((*rules)[1].passes(17, 22));
}
