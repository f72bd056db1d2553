// The store operations of schema version 2 that the meeting server's operations use.
#include "support.hpp"

#include <algorithm>

using namespace cv::schema;
using namespace cv::schema::test;

TEST_CASE("upgrading a version 1 database keeps its rules and gives them no quorum", "[migrations]") {
  TempDir dir;
  const auto path = dir.file("v1.db");
  {
    RawDb raw(path);
    REQUIRE(raw.exec(read_file(snapshot_path(1))) == SQLITE_OK);
    REQUIRE(raw.exec("PRAGMA user_version = 1") == SQLITE_OK);
    REQUIRE(
        raw.exec("INSERT INTO rule_profiles VALUES ('r', 'Rule', 80, 'at_least', 'all_members', 'src')") ==
        SQLITE_OK);
  }
  auto store = value_of(Store::open(path));
  auto rules = value_of(store.rules());
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].threshold_num == 80); // 80 % is 80/100 (v4)
  CHECK(rules[0].threshold_den == 100);
  CHECK(rules[0].quorum_num == 0);
  RawDb raw(path);
  CHECK(raw.exec("UPDATE rule_profiles SET quorum_num = 101") != SQLITE_OK);
}

TEST_CASE("upgrading a version 3 database turns percentages into fractions of 100, same outcomes",
          "[migrations]") {
  TempDir dir;
  const auto path = dir.file("v3.db");
  {
    RawDb raw(path);
    REQUIRE(raw.exec(read_file(snapshot_path(3))) == SQLITE_OK);
    REQUIRE(raw.exec("PRAGMA user_version = 3") == SQLITE_OK);
    REQUIRE(
        raw.exec("INSERT INTO rule_profiles VALUES ('decree98-90', 'Rule', 90, 'at_least', 'all_members', "
                 "'src', 80)") == SQLITE_OK);
    REQUIRE(
        raw.exec("INSERT INTO nominees VALUES (1, 'ca_nhan', 'N', '', 'U', 'Award', 'decree98-90', NULL)") ==
        SQLITE_OK);
  }
  auto store = value_of(Store::open(path));
  auto rules = value_of(store.rules());
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].threshold_num == 90);
  CHECK(rules[0].threshold_den == 100);
  CHECK(rules[0].quorum_num == 80);
  CHECK(rules[0].quorum_den == 100);
  CHECK(value_of(store.nominees()).at(0).rule_id == "decree98-90"); // the reference survives the rebuild
  RawDb raw(path);
  CHECK(raw.exec("UPDATE rule_profiles SET threshold_num = 3, threshold_den = 2") !=
        SQLITE_OK); // > the whole
  CHECK(raw.exec("UPDATE rule_profiles SET threshold_den = 0") != SQLITE_OK);
  CHECK(raw.exec("UPDATE rule_profiles SET quorum_den = 1001, quorum_num = 1") != SQLITE_OK);
  CHECK(raw.exec("UPDATE rule_profiles SET threshold_num = 2, threshold_den = 3") == SQLITE_OK);
  CHECK(raw.integer("SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("a caller transaction joins every call and rolls back as a whole", "[store]") {
  Council c;
  RawDb raw(c.path);
  const auto before = raw.content();
  value_of(c.store.begin_transaction());
  CHECK(c.store.in_transaction());
  value_of(c.store.set_attendance("secretary", 1, Attendance::present));
  // A failing call undoes only itself; the transaction goes on.
  CHECK_ERRC(c.store.set_attendance("secretary", 999, Attendance::present), Errc::not_found);
  value_of(c.store.set_attendance("secretary", 2, Attendance::remote));
  CHECK(value_of(c.store.members())[1].attendance == Attendance::remote);
  c.store.rollback_transaction();
  CHECK_FALSE(c.store.in_transaction());
  CHECK(raw.content() == before);

  value_of(c.store.begin_transaction());
  value_of(c.store.set_attendance("secretary", 1, Attendance::present));
  value_of(c.store.commit_transaction());
  CHECK(value_of(c.store.members())[0].attendance == Attendance::present);
  CHECK(raw.integer("SELECT count(*) FROM audit_log WHERE action = 'member.set_attendance'") == 1);
}

TEST_CASE("secretary keys, rule upserts, nominee upserts and award quotas", "[store]") {
  Council c;
  value_of(c.store.add_secretary_key("init", bytes32("secretary")));
  CHECK_ERRC(c.store.add_secretary_key("init", bytes32("secretary")), Errc::conflict);
  CHECK(value_of(c.store.secretary_keys()) == std::vector<cv::crypto::SignPublicKey>{bytes32("secretary")});

  value_of(c.store.define_rule("secretary",
                               {"council-70", "Seventy", 70, 100, "at_least", "present_members", "", 2, 3}));
  auto rules = value_of(c.store.rules());
  auto r70 = std::ranges::find_if(rules, [](const RuleProfile &p) { return p.rule_id == "council-70"; });
  REQUIRE(r70 != rules.end());
  CHECK(r70->denominator == "present_members");
  CHECK(r70->quorum_num == 2);
  CHECK(r70->quorum_den == 3);
  CHECK_ERRC(c.store.define_rule("secretary", {"x", "X", 70, 100, "at_least", "all_members", "", 101, 100}),
             Errc::invalid_argument);
  CHECK_ERRC(c.store.define_rule("secretary", {"x", "X", 2, 0, "at_least", "all_members", "", 0, 100}),
             Errc::invalid_argument);

  const auto before = value_of(c.store.nominees());
  value_of(c.store.set_award_quota("secretary", before[0].award, 7));
  Nominee changed = before[0];
  changed.name = "Renamed";
  Nominee added{999, "ca_nhan", "New", "", "Unit", before[0].award, before[0].rule_id, std::nullopt};
  value_of(c.store.upsert_nominees("secretary", std::vector<Nominee>{changed, added}));
  auto after = value_of(c.store.nominees());
  CHECK(after.size() == before.size() + 1);
  CHECK(after[0].name == "Renamed");
  CHECK(after[0].award_quota == 7);
  CHECK(after.back().award_quota == 7); // a new nominee takes its award's quota
  value_of(c.store.set_award_quota("secretary", before[0].award, std::nullopt));
  CHECK_FALSE(value_of(c.store.nominees())[0].award_quota);
  CHECK_ERRC(c.store.set_award_quota("secretary", "no such award", 3), Errc::not_found);
  Nominee bad_rule = added;
  bad_rule.rule_id = "nope";
  CHECK_ERRC(c.store.upsert_nominees("secretary", std::vector<Nominee>{bad_rule}), Errc::not_found);
}

TEST_CASE("replacing the roster keeps remaining members' keys and refuses to drop a trustee", "[store]") {
  Council c;
  auto members = value_of(c.store.members());
  std::vector<MemberRow> rows;
  for (const auto &m : members)
    if (m.row.member_no != 22) rows.push_back(m.row);
  rows[0].full_name = "Renamed";
  value_of(c.store.replace_members("secretary", rows));
  auto after = value_of(c.store.members());
  CHECK(after.size() == 21);
  CHECK(after[0].row.full_name == "Renamed");
  CHECK(after[0].public_key == member_key(1));
  setup_ceremony(c.store);
  rows.erase(rows.begin()); // member 1 is trustee 1
  CHECK_ERRC(c.store.replace_members("secretary", rows), Errc::not_found);
  CHECK(value_of(c.store.members()).size() == 21);
}

TEST_CASE("the current ceremony, polls, a member's ballot, board lookups and the head", "[store]") {
  Council c;
  CHECK_FALSE(value_of(c.store.current_ceremony()));
  const auto no = setup_ceremony(c.store);
  auto current = value_of(c.store.current_ceremony());
  REQUIRE(current);
  CHECK(current->ceremony_no == no);
  CHECK(value_of(c.store.board_head()).seq == value_of(c.store.verify_board()).entries);

  setup_poll(c.store, "P1", 2, PollState::open);
  setup_poll(c.store, "P2", 1, PollState::draft);
  auto polls = value_of(c.store.polls());
  REQUIRE(polls.size() == 2);
  CHECK(polls[0].spec.poll_id == "P1");
  CHECK(polls[1].state == PollState::draft);

  CHECK_FALSE(value_of(c.store.ballot_of("P1", member_key(4))));
  auto receipt = value_of(c.store.append_ballot(
      "member:4", {"P1", member_key(4), bytes32("tc"), cv::crypto::as_bytes("wire"), Channel::in_room}));
  auto mine = value_of(c.store.ballot_of("P1", member_key(4)));
  REQUIRE(mine);
  CHECK(mine->receipt.entry.seq == receipt.entry.seq);
  CHECK(mine->wire == cv::crypto::Bytes{'w', 'i', 'r', 'e'});
  auto head = value_of(c.store.board_head());
  CHECK(head.seq == receipt.entry.seq);
  CHECK(head.hash == receipt.entry.entry_hash);
  auto ballots = value_of(c.store.board_entries(BoardKind::ballot, "P1"));
  REQUIRE(ballots.size() == 1);
  CHECK(ballots[0].seq == receipt.entry.seq);
  CHECK(value_of(c.store.board_entries(BoardKind::ballot, "P2")).empty());
}

TEST_CASE("version 5: the chair's decision is a board entry of its poll", "[store]") {
  Council c;
  setup_ceremony(c.store);
  setup_poll(c.store, "P1", 3, PollState::closed);
  const auto receipt = value_of(
      c.store.publish("member:1", BoardKind::chair_decision, "P1", cv::crypto::as_bytes("{\"a\":1}")));
  auto entries = value_of(c.store.board_entries(BoardKind::chair_decision, "P1"));
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].seq == receipt.seq);
  CHECK(entries[0].kind == BoardKind::chair_decision);
  CHECK(value_of(c.store.verify_board()).ok());
  RawDb raw(c.path);
  CHECK(raw.integer("SELECT count(*) FROM audit_log WHERE actor = 'member:1' AND action = 'board.publish'") ==
        1);
  CHECK_ERRC(c.store.publish("member:1", BoardKind::ballot, "P1", cv::crypto::as_bytes("x")),
             Errc::invalid_argument); // ballots have their own operation
}
