#include "support.hpp"

using namespace cv::schema;
using namespace cv::schema::test;

namespace {

struct OpenPoll : Council {
  OpenPoll() {
    setup_ceremony(store);
    setup_poll(store, "P", 3, PollState::open);
  }
  // The submission only views `wire`: pass string literals.
  static BallotSubmission ballot(std::int64_t member, std::string_view wire, Channel ch = Channel::in_room) {
    return {"P", member_key(member), bytes32("tracking " + std::string(wire)), cv::crypto::as_bytes(wire),
            ch};
  }
};

} // namespace

TEST_CASE("a ballot is appended with its board entry and its receipt", "[ballots]") {
  OpenPoll f;
  auto r = value_of(f.store.append_ballot("member:5", OpenPoll::ballot(5, "ballot of 5")));
  CHECK(r.tracking_code == bytes32("tracking ballot of 5"));
  auto board = value_of(f.store.board(r.entry.seq, 1));
  REQUIRE(board.size() == 1);
  CHECK(board[0].kind == BoardKind::ballot);
  CHECK(board[0].poll_id == "P");
  CHECK(std::string(board[0].payload.begin(), board[0].payload.end()) == "ballot of 5");
  CHECK(board[0].hash == r.entry.entry_hash);
  CHECK(value_of(f.store.verify_board()).head == r.entry.entry_hash);
  auto stored = value_of(f.store.ballots("P"));
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].member_key == member_key(5));
  CHECK(stored[0].channel == Channel::in_room);
  CHECK(std::string(stored[0].wire.begin(), stored[0].wire.end()) == "ballot of 5");
  CHECK(stored[0].receipt.entry.seq == r.entry.seq);
  CHECK(stored[0].receipt.entry.created_at == r.entry.created_at);
  RawDb raw(f.path);
  CHECK(raw.integer("SELECT count(*) FROM audit_log WHERE action = 'ballot.append'") == 1);
}

TEST_CASE("a second ballot of a member is a duplicate carrying the first one's receipt", "[ballots]") {
  OpenPoll f;
  auto first = value_of(f.store.append_ballot("member:5", OpenPoll::ballot(5, "first")));
  RawDb raw(f.path);
  const auto before = raw.content();
  for (const auto *wire : {"first", "second"}) { // an identical retry, and a different ballot
    auto again = f.store.append_ballot("member:5", OpenPoll::ballot(5, wire));
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Errc::duplicate_ballot);
    REQUIRE(again.error().existing);
    CHECK(again.error().existing->entry.seq == first.entry.seq);
    CHECK(again.error().existing->entry.entry_hash == first.entry.entry_hash);
    CHECK(again.error().existing->entry.created_at == first.entry.created_at);
    CHECK(again.error().existing->tracking_code == first.tracking_code);
  }
  CHECK(raw.content() == before);
  // The same member in another poll is not a duplicate.
  setup_poll(f.store, "Q", 1, PollState::open);
  auto other = OpenPoll::ballot(5, "in Q");
  other.poll_id = "Q";
  value_of(f.store.append_ballot("member:5", other));
}

TEST_CASE("ballots are taken only while the poll is open for their channel", "[ballots]") {
  Council c;
  setup_ceremony(c.store);
  setup_poll(c.store, "P", 1, PollState::draft);
  RawDb raw(c.path);
  auto attempt = [&](std::int64_t member, Channel ch) {
    return c.store.append_ballot(
        "m", {"P", member_key(member), bytes32("t" + std::to_string(member)), cv::crypto::as_bytes("w"), ch});
  };
  auto before = raw.content();
  CHECK_ERRC(attempt(1, Channel::remote), Errc::invalid_state);
  CHECK_ERRC(attempt(1, Channel::in_room), Errc::invalid_state);
  CHECK(raw.content() == before);
  value_of(c.store.set_poll_state("s", "P", PollState::open_remote));
  CHECK_ERRC(attempt(1, Channel::in_room), Errc::invalid_state);
  value_of(attempt(1, Channel::remote));
  value_of(c.store.set_poll_state("s", "P", PollState::open));
  value_of(attempt(2, Channel::remote));
  value_of(attempt(3, Channel::in_room));
  value_of(c.store.set_poll_state("s", "P", PollState::closed));
  before = raw.content();
  CHECK_ERRC(attempt(4, Channel::remote), Errc::invalid_state);
  CHECK_ERRC(attempt(4, Channel::in_room), Errc::invalid_state);
  CHECK_ERRC(c.store.append_ballot(
                 "m", {"nope", member_key(4), bytes32("t4"), cv::crypto::as_bytes("w"), Channel::in_room}),
             Errc::not_found);
  CHECK(raw.content() == before);
}

TEST_CASE("a ballot from an unregistered key writes nothing", "[ballots]") {
  OpenPoll f;
  RawDb raw(f.path);
  const auto before = raw.content();
  auto b = OpenPoll::ballot(5, "x");
  b.member_key = bytes32("not a member");
  CHECK_ERRC(f.store.append_ballot("?", b), Errc::not_found);
  CHECK(raw.content() == before);
}

TEST_CASE("ballot append is atomic: a failure after the board insert leaves neither", "[ballots]") {
  OpenPoll f;
  value_of(f.store.append_ballot("member:1", OpenPoll::ballot(1, "same bytes")));
  RawDb raw(f.path);
  const auto before = raw.content();
  const auto head = value_of(f.store.verify_board()).head;
  // Member 2's ballot repeats member 1's tracking code: the ballot row fails its UNIQUE constraint
  // after the board entry was inserted in the same transaction.
  CHECK_ERRC(f.store.append_ballot("member:2", OpenPoll::ballot(2, "same bytes")), Errc::conflict);
  CHECK(raw.content() == before);
  CHECK(value_of(f.store.verify_board()).head == head);
  CHECK(value_of(f.store.turnout("P")).voters == std::vector<std::int64_t>{1});
  // The chain goes on from the same head.
  auto next = value_of(f.store.append_ballot("member:2", OpenPoll::ballot(2, "other bytes")));
  CHECK(value_of(f.store.board(next.entry.seq, 1))[0].prev == head);
}
