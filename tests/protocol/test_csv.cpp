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
  auto rules = rules_from_csv("rule_id,label,threshold_percent,comparison,denominator,source\n"
                              "r-1,\"Từ 90% trở lên\",90,at_least,all_members,\"Decree 98/2023/NĐ-CP\"\n"
                              "r-2,Trên 50%,50,more_than,present_members,\n");
  REQUIRE(rules);
  REQUIRE(rules->size() == 2);
  CHECK((*rules)[0] == RuleProfile{"r-1", "Từ 90% trở lên", 90, Comparison::at_least,
                                   Denominator::all_members, 0, "Decree 98/2023/NĐ-CP"});
  CHECK((*rules)[1].comparison == Comparison::more_than);
  CHECK((*rules)[1].denominator == Denominator::present_members);
  auto dup = rules_from_csv("rule_id,label,threshold_percent,comparison,denominator\n"
                            "r,x,90,at_least,all_members\nr,y,80,at_least,all_members\n");
  REQUIRE_FALSE(dup);
  CHECK(dup.error().message == "rules.csv line 3: rule_id \"r\" already on line 2");
}
