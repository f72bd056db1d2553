#include "support.hpp"

using namespace cv::schema;
using namespace cv::schema::test;

TEST_CASE("the sample council round-trips: meeting, members, rules, nominees", "[roster]") {
  Council c;
  auto m = value_of(c.store.meeting());
  CHECK(m.meeting_id == "VL-2025-2");
  CHECK(m.date == "2025-12-15");
  auto members = value_of(c.store.members());
  REQUIRE(members.size() == 22);
  CHECK(members[0].row.full_name == "Nguyễn Văn Hùng");
  CHECK(members[0].row.council_role == "chair");
  CHECK(members[0].public_key == member_key(1));
  CHECK(members[0].attendance == Attendance::unknown);
  auto rules = value_of(c.store.rules());
  REQUIRE(rules.size() == 5);
  CHECK(rules[0].rule_id == "council-70");
  auto nominees = value_of(c.store.nominees());
  REQUIRE(nominees.size() == 60);
  CHECK(nominees[0].rule_id == "decree98-90");
  CHECK_FALSE(nominees[0].award_quota);
}

TEST_CASE("a second meeting, or a malformed one, is refused", "[roster]") {
  Council c;
  RawDb raw(c.path);
  const auto before = raw.content();
  CHECK_ERRC(c.store.create_meeting("secretary", {"X", "c", "s", "2025-01-01", "p"}), Errc::conflict);
  TempDir dir;
  auto empty = value_of(Store::open(dir.file("m.db")));
  CHECK_ERRC(empty.meeting(), Errc::not_found);
  CHECK_ERRC(empty.create_meeting("secretary", {"X", "c", "s", "15/12/2025", "p"}), Errc::invalid_argument);
  CHECK_ERRC(empty.create_meeting("secretary", {"", "c", "s", "2025-12-15", "p"}), Errc::invalid_argument);
  CHECK_ERRC(empty.create_meeting("secretary", {std::string(257, 'x'), "c", "s", "2025-12-15", "p"}),
             Errc::invalid_argument);
  CHECK(raw.content() == before);
  CHECK(RawDb(dir.file("m.db")).integer("SELECT count(*) FROM audit_log") == 0);
}

TEST_CASE("an import is all or nothing: a bad enum, a duplicate, a missing rule write no row", "[roster]") {
  Council c;
  RawDb raw(c.path);
  const auto before = raw.content();
  const std::vector<MemberRow> bad_role{{30, "A", "member", "p", "u"}, {31, "B", "president", "p", "u"}};
  CHECK_ERRC(c.store.import_members("secretary", bad_role), Errc::invalid_argument);
  const std::vector<MemberRow> duplicate{{30, "A", "member", "p", "u"}, {1, "B", "member", "p", "u"}};
  CHECK_ERRC(c.store.import_members("secretary", duplicate), Errc::conflict);
  const std::vector<RuleProfile> bad_rule{{"r1", "l", 50, 100, "approximately", "all_members", "s"}};
  CHECK_ERRC(c.store.import_rules("secretary", bad_rule), Errc::invalid_argument);
  const std::vector<RuleProfile> bad_fraction{{"r1", "l", 101, 100, "at_least", "all_members", "s"}};
  CHECK_ERRC(c.store.import_rules("secretary", bad_fraction), Errc::invalid_argument);
  const std::vector<RuleProfile> bad_den{{"r1", "l", 1, 1001, "at_least", "all_members", "s"}};
  CHECK_ERRC(c.store.import_rules("secretary", bad_den), Errc::invalid_argument);
  const std::vector<Nominee> unknown_rule{{100, "ca_nhan", "N", "p", "u", "a", "decree98-90", std::nullopt},
                                          {101, "ca_nhan", "N", "p", "u", "a", "no-such-rule", std::nullopt}};
  CHECK_ERRC(c.store.import_nominees("secretary", unknown_rule), Errc::not_found);
  const std::vector<Nominee> bad_kind{{100, "doanh_nghiep", "N", "p", "u", "a", "decree98-90", std::nullopt}};
  CHECK_ERRC(c.store.import_nominees("secretary", bad_kind), Errc::invalid_argument);
  CHECK(raw.content() == before);
}

TEST_CASE("SQL-injection-shaped text is stored and read back as data", "[roster]") {
  Council c;
  const std::string evil = "'); DROP TABLE ballots;--";
  const std::vector<MemberRow> rows{{40, evil, "member", "\" OR 1=1 --", "x'00'; DELETE FROM board"}};
  value_of(c.store.import_members("secretary" + evil, rows));
  value_of(c.store.set_attendance(evil, 40, Attendance::present));
  auto members = value_of(c.store.members());
  CHECK(members.back().row.full_name == evil);
  CHECK(members.back().row.position == "\" OR 1=1 --");
  CHECK(members.back().row.unit == "x'00'; DELETE FROM board");
  RawDb raw(c.path);
  CHECK(raw.integer("SELECT count(*) FROM sqlite_master WHERE name = 'ballots'") == 1);
  CHECK(raw.integer("SELECT count(*) FROM audit_log WHERE actor = 'secretary''); DROP TABLE ballots;--'") ==
        1);
  CHECK_ERRC(c.store.poll(evil), Errc::not_found);
}

TEST_CASE("member keys: 32 bytes, one per member, unique, idempotent", "[roster]") {
  Council c;
  value_of(c.store.import_members("secretary", std::vector<MemberRow>{{23, "New", "member", "p", "u"}}));
  RawDb raw(c.path);
  const auto before = raw.content();
  const auto key = bytes32("new key");
  CHECK_ERRC(c.store.register_member_key("member:23", 23, cv::crypto::ByteView(key).first(31)),
             Errc::invalid_argument);
  CHECK_ERRC(c.store.register_member_key("member:23", 23, member_key(5)), Errc::conflict); // another member's
  CHECK_ERRC(c.store.register_member_key("member:99", 99, key), Errc::not_found);
  CHECK(raw.content() == before);

  value_of(c.store.register_member_key("member:23", 23, key));
  value_of(c.store.register_member_key("member:23", 23, key)); // a retry
  CHECK_ERRC(c.store.register_member_key("member:23", 23, bytes32("other key")), Errc::conflict);
  CHECK(value_of(c.store.members()).back().public_key == key);
}

TEST_CASE("attendance is set per member and logged", "[roster]") {
  Council c;
  RawDb raw(c.path);
  const auto audits = raw.integer("SELECT count(*) FROM audit_log");
  value_of(c.store.set_attendance("secretary", 3, Attendance::remote));
  CHECK(value_of(c.store.members())[2].attendance == Attendance::remote);
  CHECK(raw.integer("SELECT count(*) FROM audit_log") == audits + 1);
  CHECK_ERRC(c.store.set_attendance("secretary", 99, Attendance::present), Errc::not_found);
  CHECK(raw.integer("SELECT count(*) FROM audit_log") == audits + 1);
}
