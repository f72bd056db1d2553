// Errors through the real server and the real client (the per-code tests with a scripted transport
// are in tests/server): each refused request leaves the board as it was, and the server goes on
// serving the others.
#include "councilvote/client/roles/member.hpp"
#include "fixture.hpp"

using namespace cvtest;
using cv::client::roles::Choice;

TEST_CASE("end to end: refused requests change nothing and the server keeps serving", "[integration]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  load_small_meeting(h, 3);
  const auto poll = *protocol::PollId::parse("poll-e2e");
  const auto info = open_room_poll(h, poll, 3);
  const auto seq = board_seq(h);

  auto ballot_of = [&](std::uint32_t member, Choice c) {
    auto b = client::roles::build_ballot(h.meeting_id(), info, h.member(member).keys.signing,
                                         client::roles::uniform_choices(info.definition.manifest, c));
    REQUIRE(b);
    return std::move(*b);
  };

  { // "a member calling a secretary operation: E_FORBIDDEN"
    INFO("a member calling a secretary operation: E_FORBIDDEN");
    CHECK(code_of(h.member(3).client->close_poll(poll)) == protocol::ErrorCode::forbidden);
  }
  { // "a member who is not a trustee asking for the tally: E_NOT_TRUSTEE"
    INFO("a member who is not a trustee asking for the tally: E_NOT_TRUSTEE");
    CHECK(code_of(h.member(3).client->get_tally(poll)) == protocol::ErrorCode::not_trustee);
  }
  { // "an unregistered key casting: E_UNKNOWN_KEY"
    INFO("an unregistered key casting: E_UNKNOWN_KEY");
    client::Connection stranger(h.bundle(), crypto::SigningKey::generate());
    client::Client c(stranger);
    CHECK(code_of(c.cast_ballot(poll, ballot_of(2, Choice::agree).ballot)) ==
          protocol::ErrorCode::unknown_key);
  }
  { // "another member's ballot: E_INVALID_BALLOT, check sender"
    INFO("another member's ballot: E_INVALID_BALLOT, check sender");
    auto r = h.member(3).client->raw(
        protocol::MessageType::cast_ballot,
        protocol::CastBallotRequest{poll, ballot_of(2, Choice::agree).ballot}.to_json());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == protocol::ErrorCode::invalid_ballot);
    CHECK(r.error().check == "sender");
  }
  { // "a ballot with a broken proof: E_INVALID_BALLOT naming the check"
    INFO("a ballot with a broken proof: E_INVALID_BALLOT naming the check");
    auto b = ballot_of(4, Choice::agree);
    b.ballot[b.ballot.size() - 40] ^= 0x01;
    auto r = h.member(4).client->raw(protocol::MessageType::cast_ballot,
                                     protocol::CastBallotRequest{poll, b.ballot}.to_json());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == protocol::ErrorCode::invalid_ballot);
    CHECK_FALSE(r.error().check.empty());
  }
  { // "an unknown poll: E_WRONG_POLL"
    INFO("an unknown poll: E_WRONG_POLL");
    CHECK(code_of(h.member(2).client->cast_ballot(*protocol::PollId::parse("no-such-poll"),
                                                  ballot_of(2, Choice::agree).ballot)) ==
          protocol::ErrorCode::wrong_poll);
  }
  CHECK(board_seq(h) == seq); // nothing was written

  // The server still serves: a member votes, a second ballot is refused, a late one too.
  auto first = h.member(9).client->cast_ballot(poll, ballot_of(9, Choice::agree).ballot);
  REQUIRE(first);
  CHECK(code_of(h.member(9).client->cast_ballot(poll, ballot_of(9, Choice::disagree).ballot)) ==
        protocol::ErrorCode::duplicate_ballot);
  REQUIRE(h.secretary().close_poll(poll));
  const auto closed_seq = board_seq(h);
  CHECK(code_of(h.member(10).client->cast_ballot(poll, ballot_of(10, Choice::agree).ballot)) ==
        protocol::ErrorCode::poll_closed);
  CHECK(board_seq(h) == closed_seq);
}
