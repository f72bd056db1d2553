// The secretary's CSV import and open_poll building (client/include/councilvote/client/roles/secretary.hpp).
#include "councilvote/client/roles/secretary.hpp"

#include <catch2/catch.hpp>

using namespace cv::client::roles;
using cv::protocol::ErrorCode;

namespace {

const std::string kData = CV_DATA_DIR;

template <class T> std::string message_of(const cv::protocol::Result<T> &r) {
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == ErrorCode::invalid_argument);
  return r.error().message;
}

} // namespace

TEST_CASE("roles: csv reader keeps line numbers and rejects malformed input", "[roles][csv]") {
  auto t = parse_csv("\xEF\xBB\xBF"
                     "a,b\r\n1,\"x, \"\"y\"\"\"\r\n\r\n2,\"multi\nline\"\n3,z",
                     "t.csv");
  REQUIRE(t);
  REQUIRE(t->header == std::vector<std::string>{"a", "b"});
  REQUIRE(t->records.size() == 3);
  CHECK(t->records[0].fields[1] == "x, \"y\"");
  CHECK(t->records[1].line == 4);
  CHECK(t->records[1].fields[1] == "multi\nline");
  CHECK(t->records[2].line == 6);

  CHECK(message_of(parse_csv("a,b\n1,2,3\n", "t.csv")) == "t.csv line 2: 3 fields, the header has 2");
  CHECK(message_of(parse_csv("a,b\n1,\"2\n", "t.csv")) == "t.csv line 2: unterminated quoted field");
  CHECK(message_of(parse_csv("a,b\n1,\"2\"x\n", "t.csv")) == "t.csv line 2: text after a closing quote");
  CHECK(message_of(parse_csv("a,b\n1,2\"\n", "t.csv")).starts_with("t.csv line 2: a quote inside"));
  CHECK(message_of(parse_csv("a,a\n", "t.csv")) == "t.csv line 1: column \"a\" appears twice");
  CHECK(message_of(parse_csv("a,b\n1,\xC3\n", "t.csv")) == "t.csv line 2: not valid UTF-8 text");
  CHECK(message_of(parse_csv("", "t.csv")) == "t.csv line 1: empty file (expected a header line)");
}

TEST_CASE("roles: the sample roster, nominees and rules import", "[roles][secretary]") {
  auto roster = read_roster_csv(kData + "/roster.csv");
  REQUIRE(roster);
  REQUIRE(roster->members.size() == 22);
  CHECK(roster->members[0].member_no == 1);
  CHECK(roster->members[0].full_name == "Nguyễn Văn Hùng");
  CHECK(roster->members[0].council_role == cv::protocol::CouncilRole::chair);
  CHECK(roster->validate());

  auto nominees = read_nominees_csv(kData + "/nominees.csv");
  REQUIRE(nominees);
  REQUIRE(nominees->nominees.nominees.size() == 60);
  REQUIRE(nominees->lines.size() == 60);
  CHECK(nominees->lines[0] == 2);
  REQUIRE(nominees->quotas.size() == 1);
  CHECK(nominees->quotas[0].award == "Cờ thi đua của Chính phủ");
  CHECK(nominees->quotas[0].quota == 2);
  bool some_collective_without_position = false;
  for (const auto &n : nominees->nominees.nominees)
    some_collective_without_position |= n.kind == cv::protocol::NomineeKind::tap_the && n.position.empty();
  CHECK(some_collective_without_position);

  auto rules = read_rules_csv(kData + "/rules.csv");
  REQUIRE(rules);
  REQUIRE(rules->size() == 5);
  CHECK((*rules)[0].rule_id == "decree98-90");
  CHECK((*rules)[4].rule_id == "council-two-thirds");
  CHECK((*rules)[4].threshold == cv::record::Fraction{2, 3}); // "Từ 2/3 trở lên", as the council writes it
  CHECK((*rules)[0].threshold == cv::record::Fraction{90, 100});
  CHECK((*rules)[0].quorum.num == 0);
  CHECK((*rules)[3].comparison == cv::protocol::Comparison::more_than);
  CHECK(check_nominee_rules(*nominees, *rules));
  std::vector<cv::protocol::RuleProfile> fewer(rules->begin(), rules->begin() + 1);
  CHECK(message_of(check_nominee_rules(*nominees, fewer)).find("uses rule \"decree98-80\"") !=
        std::string::npos);
}

TEST_CASE("roles: bad CSV lines are reported with file and line", "[roles][secretary]") {
  const std::string roster_header = "member_no,full_name,council_role,position,unit\n";
  CHECK(message_of(roster_from_csv(roster_header + "1,A,chair,,\n2,B,boss,,\n")) ==
        "roster.csv line 3: council_role \"boss\" is not one of chair, vice_chair, secretary, member");
  CHECK(message_of(roster_from_csv(roster_header + "1,A,chair,,\n1,B,member,,\n")) ==
        "roster.csv line 3: member_no 1 already on line 2");
  CHECK(message_of(roster_from_csv(roster_header + "x1,A,chair,,\n")) ==
        "roster.csv line 2: member_no \"x1\" is not a whole number");
  CHECK(message_of(roster_from_csv(roster_header + "10000,A,chair,,\n")) ==
        "roster.csv line 2: member_no 10000 is outside 1..9999");
  CHECK(message_of(roster_from_csv(roster_header + "1,,chair,,\n")) ==
        "roster.csv line 2: full_name must be 1..200 bytes, got 0");
  CHECK(message_of(roster_from_csv(roster_header)) == "roster.csv line 1: no members after the header");
  CHECK(message_of(roster_from_csv("member_no,full_name,council_role,position\n")) ==
        "roster.csv line 1: missing column \"unit\"");
  CHECK(message_of(roster_from_csv("member_no,full_name,council_role,position,unit,email\n")) ==
        "roster.csv line 1: unknown column \"email\"");

  const std::string nominee_header = "nominee_no,kind,name,position,unit,award,rule_id,award_quota\n";
  CHECK(message_of(
            nominees_from_csv(nominee_header + "1,ca_nhan,A,,U,Award,r1,2\n2,ca_nhan,B,,U,Award,r1,3\n")) ==
        "nominees.csv line 3: award_quota 3 for \"Award\" differs from 2 on line 2");
  CHECK(message_of(nominees_from_csv(nominee_header + "1,person,A,,U,Award,r1,\n")) ==
        "nominees.csv line 2: kind \"person\" is not one of ca_nhan, tap_the");
  CHECK(message_of(nominees_from_csv(nominee_header + "1,ca_nhan,A,,U,Award,bad rule,\n"))
            .starts_with("nominees.csv line 2: rule_id \"bad rule\""));
  auto no_quota_column = nominees_from_csv("nominee_no,kind,name,position,unit,award,rule_id\n"
                                           "1,tap_the,A,,U,Award,r1\n");
  REQUIRE(no_quota_column);
  CHECK(no_quota_column->quotas.empty());

  const std::string rules_header = "rule_id,label,threshold,comparison,denominator,source\n";
  CHECK(message_of(rules_from_csv(rules_header + "r1,L,0%,at_least,all_members,\n")) ==
        "rules.csv line 2: threshold \"0%\": the share must be more than zero");
  CHECK(message_of(rules_from_csv(rules_header + "r1,L,50%,at_most,all_members,\n")) ==
        "rules.csv line 2: comparison \"at_most\" is not one of at_least, more_than");
  CHECK(message_of(rules_from_csv(rules_header +
                                  "r1,L,50%,at_least,all_members,\nr1,M,60%,at_least,all_members,\n")) ==
        "rules.csv line 3: rule_id \"r1\" already on line 2");
  auto with_quorum = rules_from_csv("rule_id,label,threshold,comparison,denominator,quorum,source\n"
                                    "r1,L,50%,more_than,present_members,2/3,\"Quy chế\"\n");
  REQUIRE(with_quorum);
  CHECK((*with_quorum)[0].quorum == cv::record::Fraction{2, 3});
  CHECK((*with_quorum)[0].denominator == cv::protocol::Denominator::present_members);
}

TEST_CASE("roles: open_poll requests", "[roles][secretary]") {
  auto nominees = read_nominees_csv(kData + "/nominees.csv");
  REQUIRE(nominees);
  const auto &all = nominees->nominees.nominees;
  auto some = select_nominees(all, "1-3, 10,60");
  REQUIRE(some);
  REQUIRE(some->size() == 5);
  CHECK((*some)[3].nominee_no == 10);
  CHECK(message_of(select_nominees(all, "5-2")) == "nominee selection: the range \"5-2\" is reversed");
  CHECK(message_of(select_nominees(all, "61")) == "nominee selection: there is no nominee 61");
  CHECK(select_nominees(all, "all")->size() == 60);

  auto req = make_open_poll_request("poll-1", "Phiên 1", *some, cv::protocol::OpenPhase::room);
  REQUIRE(req);
  REQUIRE(req->contests.size() == 5);
  CHECK(req->contests[3].id == "10");
  CHECK(req->contests[3].nominee_no == 10);
  CHECK(cv::protocol::OpenPollRequest::from_json(req->to_json()));

  CHECK(message_of(make_open_poll_request("poll 1", "T", *some, cv::protocol::OpenPhase::room))
            .find("poll id") != std::string::npos);
  CHECK(message_of(make_open_poll_request("p", "T", *some, cv::protocol::OpenPhase::remote)) ==
        "phase remote needs a remote window");
  CHECK(message_of(make_open_poll_request("p", "", *some, cv::protocol::OpenPhase::room)) ==
        "title must be 1..500 bytes, got 0");
  CHECK(message_of(make_open_poll_request("p", "T", {}, cv::protocol::OpenPhase::room))
            .starts_with("a poll needs 1..4096 contests"));
  auto remote = make_open_poll_request("p", "T", *some, cv::protocol::OpenPhase::remote,
                                       cv::protocol::RemoteWindow{1000, 2000});
  REQUIRE(remote);
  CHECK(remote->remote_window->until_ms == 2000);

  cv::protocol::ContestDef general;
  general.id = "q1";
  general.kind = cv::crypto::ContestKind::general;
  general.label = "Chọn tối đa 2";
  general.option_labels = {"A", "B", "C"};
  general.min = 0;
  general.max = 2;
  std::vector<cv::protocol::ContestDef> extra{general};
  auto mixed = make_open_poll_request("p", "T", *some, cv::protocol::OpenPhase::room, std::nullopt, extra);
  REQUIRE(mixed);
  CHECK(mixed->contests.size() == 6);
  extra[0].max = 4;
  CHECK(
      message_of(make_open_poll_request("p", "T", *some, cv::protocol::OpenPhase::room, std::nullopt, extra))
          .find("min <= max <= number of options") != std::string::npos);
}
