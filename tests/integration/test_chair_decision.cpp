// The chair decides a tie at an award's quota, through the real server and the real client
// (docs/wire.md §8.4 post_chair_decision): every refused attack leaves the board as it was, the
// chair's own decision is a board entry, and the published record applies it.
#include "councilvote/client/roles/chair.hpp"
#include "councilvote/client/roles/member.hpp"
#include "fixture.hpp"

using namespace cvtest;

namespace {

constexpr const char *kAward = "Chiến sĩ thi đua toàn quốc"; // nominees 1..3 of data/nominees.csv

protocol::ErrorCode code_and_check(const protocol::Result<QJsonObject> &r, std::string *check) {
  REQUIRE_FALSE(r);
  if (check) *check = r.error().check;
  return r.error().code;
}

} // namespace

TEST_CASE("chair: the chair decides a tie on the record, every other attempt is refused and writes nothing",
          "[integration][chair]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  load_small_meeting(h, 4, {{kAward, 2}});
  const auto poll = *protocol::PollId::parse("poll-chair");
  const auto info = open_room_poll(h, poll, 4);
  // Everyone agrees with everyone: nominees 1, 2, 3 have 22 agree votes each, 3 tied for a quota of 2.
  for (auto no : h.member_numbers()) {
    auto cast = h.vote(
        no, poll, client::roles::uniform_choices(info.definition.manifest, client::roles::Choice::agree));
    INFO((cast ? "" : cast.error().message));
    REQUIRE(cast);
  }
  REQUIRE(h.secretary().close_poll(poll));
  REQUIRE(h.secretary().start_tally(poll));

  auto &chair = h.member(1); // data/roster.csv: member 1 is the chair
  auto &other = h.member(2);
  auto decision = [&](tools::Participant &who, std::vector<std::uint32_t> nominees,
                      const char *award = kAward) {
    auto board = who.client->get_board_all();
    REQUIRE(board);
    auto d = client::roles::build_chair_decision(h.meeting_id(), poll, board->entries, who.keys.signing,
                                                 award, std::move(nominees));
    INFO((d ? "" : d.error().message));
    REQUIRE(d);
    return *d;
  };
  auto post = [&](tools::Participant &who, const protocol::ChairDecision &d) {
    return who.client->raw(protocol::MessageType::post_chair_decision, protocol::write_members(d));
  };
  std::string check;

  { // "before the tally is decrypted: E_WRONG_STATE"
    INFO("before the tally is decrypted: E_WRONG_STATE");
    const auto seq = board_seq(h);
    REQUIRE(h.decrypt(5, poll)); // one partial decryption of the two needed
    const auto after_one = board_seq(h);
    CHECK(after_one == seq + 1);
    CHECK(code_and_check(post(chair, decision(chair, {1, 2})), nullptr) == protocol::ErrorCode::wrong_state);
    CHECK(board_seq(h) == after_one);
  }
  REQUIRE(h.decrypt(6, poll));
  const auto seq = board_seq(h);
  { // "a member who is not the chair: E_FORBIDDEN"
    INFO("a member who is not the chair: E_FORBIDDEN");
    CHECK(code_and_check(post(other, decision(other, {1, 2})), nullptr) == protocol::ErrorCode::forbidden);
  }
  { // "the chair's decision relayed by another member: E_FORBIDDEN"
    INFO("the chair's decision relayed by another member: E_FORBIDDEN");
    CHECK(code_and_check(post(other, decision(chair, {1, 2})), nullptr) == protocol::ErrorCode::forbidden);
  }
  { // "the chair sends another member's decision: check sender"
    INFO("the chair sends another member's decision: check sender");
    CHECK(code_and_check(post(chair, decision(other, {1, 2})), &check) ==
          protocol::ErrorCode::invalid_chair_decision);
    CHECK(check == "sender");
  }
  { // "changed after signing: check signature"
    INFO("changed after signing: check signature");
    auto d = decision(chair, {1, 2});
    d.nominees = {2, 3};
    CHECK(code_and_check(post(chair, d), &check) == protocol::ErrorCode::invalid_chair_decision);
    CHECK(check == "signature");
  }
  { // "bound to another tally: check context"
    INFO("bound to another tally: check context");
    auto d = decision(chair, {1, 2});
    d.tally_context[5] ^= 0x40;
    record::sign_chair_decision(d, chair.keys.signing);
    CHECK(code_and_check(post(chair, d), &check) == protocol::ErrorCode::invalid_chair_decision);
    CHECK(check == "context");
  }
  { // "three nominees for two places: check places"
    INFO("three nominees for two places: check places");
    CHECK(code_and_check(post(chair, decision(chair, {1, 2, 3})), &check) ==
          protocol::ErrorCode::invalid_chair_decision);
    CHECK(check == "places");
  }
  { // "a nominee of another award: check nominee"
    INFO("a nominee of another award: check nominee");
    auto d = decision(chair, {1, 2});
    d.nominees = {1, 4};
    record::sign_chair_decision(d, chair.keys.signing);
    CHECK(code_and_check(post(chair, d), &check) == protocol::ErrorCode::invalid_chair_decision);
    CHECK(check == "nominee");
  }
  { // "an award without a tie: check award"
    INFO("an award without a tie: check award");
    CHECK(code_and_check(post(chair, decision(chair, {4}, "Chiến sĩ thi đua cấp tỉnh")), &check) ==
          protocol::ErrorCode::invalid_chair_decision);
    CHECK(check == "award");
  }
  CHECK(board_seq(h) == seq); // nothing was written

  // The chair's own decision: one board entry; the same again is answered the same, writing nothing.
  const auto mine = decision(chair, {1, 3});
  auto accepted = chair.client->call<protocol::MessageType::post_chair_decision>(mine);
  INFO((accepted ? "" : accepted.error().message));
  REQUIRE(accepted);
  CHECK(accepted->board_seq == seq + 1);
  auto again = chair.client->call<protocol::MessageType::post_chair_decision>(mine);
  REQUIRE(again);
  CHECK(*again == *accepted);
  CHECK(board_seq(h) == seq + 1);
  CHECK(code_and_check(post(chair, decision(chair, {2, 3})), &check) ==
        protocol::ErrorCode::invalid_chair_decision);
  CHECK(check == "award"); // decided already

  auto published = h.secretary().publish_record(poll);
  REQUIRE(published);
  auto record = protocol::decode_record(published->record);
  REQUIRE(record);
  REQUIRE(record->chair_decisions.size() == 1);
  CHECK(record->chair_decisions[0].seq == accepted->board_seq);
  CHECK(record->contests[0].outcome == protocol::ContestOutcome::passed);
  CHECK(record->contests[1].outcome == protocol::ContestOutcome::not_passed);
  CHECK(record->contests[2].outcome == protocol::ContestOutcome::passed);
  for (std::size_t i = 0; i < 3; ++i) CHECK(record->contests[i].chair_decided);
  const auto published_seq = board_seq(h);
  { // "after publication: E_WRONG_STATE"
    INFO("after publication: E_WRONG_STATE");
    CHECK(code_and_check(post(chair, decision(chair, {2, 3})), nullptr) == protocol::ErrorCode::wrong_state);
  }
  CHECK(board_seq(h) == published_seq);
}
