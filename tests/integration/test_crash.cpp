// kill -9 of the server while the 22 members are casting (docs/wire.md §4.5, §8.4): after a restart
// every ballot that got a receipt is on the board and verifies, the hash chain is intact, a client
// that retries with the same bytes gets the same receipt, and no ballot is counted twice.
#include "councilvote/client/roles/member.hpp"
#include "fixture.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <csignal>

using namespace cvtest;
using cv::client::roles::Choice;
using cv::client::roles::MemberChoice;

namespace {

constexpr std::size_t kContests = 30;

Choice choice_of(std::uint32_t member, std::size_t contest) {
  if ((member + contest) % 3 != 0) return Choice::agree;
  return member % 2 == 0 ? Choice::disagree : Choice::blank;
}

} // namespace

TEST_CASE("crash: kill -9 while 22 members cast - every receipted ballot survives and retries are idempotent",
          "[integration][crash]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  load_small_meeting(h, kContests);
  const auto poll = *protocol::PollId::parse("poll-crash");
  open_room_poll(h, poll, kContests);

  // Every member builds its ballot once (the bytes every retry must resend).
  std::map<std::uint32_t, client::roles::PreparedBallot> ballots;
  for (auto no : h.member_numbers()) {
    auto vp = h.verified_poll(no, poll);
    REQUIRE(vp);
    std::vector<MemberChoice> choices;
    for (std::size_t c = 0; c < kContests; ++c) choices.push_back(MemberChoice::of(choice_of(no, c)));
    auto b = client::roles::build_ballot(h.meeting_id(), vp->info, h.member(no).keys.signing, choices);
    REQUIRE(b);
    ballots.emplace(no, std::move(*b));
  }

  // All 22 cast at once; the server is killed once a few receipts are back.
  std::map<std::uint32_t, protocol::Receipt> before_kill, after_restart;
  std::map<std::uint32_t, protocol::Error> failed;
  bool killed = false;
  for (auto &[no, b] : ballots) {
    const auto member_no = no;
    h.member(no).connection->request(
        protocol::MessageType::cast_ballot, b.cast_request().to_json(),
        [&, member_no](protocol::Result<QJsonObject> r) {
          if (!r) {
            failed.emplace(member_no, r.error());
            return;
          }
          auto body = protocol::CastBallotResponse::from_json(*r);
          REQUIRE(body);
          (killed ? after_restart : before_kill).emplace(member_no, body->receipt);
          if (!killed && before_kill.size() >= 4) { // mid-way through the casting: SIGKILL now
            ::kill(static_cast<pid_t>(h.server().pid()), SIGKILL);
            killed = true;
          }
        });
  }
  const bool got_receipts =
      tools::spin_until([&] { return killed || failed.size() + before_kill.size() == 22; }, 60000);
  for (const auto &[no, e] : failed) std::cerr << "member " << no << " failed: " << e.message << "\n";
  REQUIRE(got_receipts);
  REQUIRE(killed);
  h.kill_server(); // reaps the killed process
  const auto receipted_before = before_kill.size();
  INFO("receipts before kill -9: " << receipted_before);
  CHECK(receipted_before < ballots.size()); // the kill interrupted the casting
  auto restarted = h.restart_server();
  INFO((restarted ? "" : restarted.error().message));
  REQUIRE(restarted);
  // The connections reconnect and resend the unanswered casts with the same bytes.
  REQUIRE(tools::spin_until(
      [&] { return before_kill.size() + after_restart.size() + failed.size() == ballots.size(); }, 90000));

  // A client that retries (again) gets exactly the receipt it had: idempotent, nothing new written.
  for (auto &[no, b] : ballots) {
    auto again = h.member(no).client->cast_ballot(poll, b.ballot);
    INFO("member " << no << ": " << (again ? "" : again.error().message));
    REQUIRE(again);
    if (before_kill.count(no)) CHECK(*again == before_kill.at(no));
    if (after_restart.count(no)) CHECK(*again == after_restart.at(no));
    CHECK(again->tracking_code == b.tracking_code);
  }

  // The chain is intact (get_board_all verifies every link and the signed checkpoint), every
  // receipted ballot is the entry its receipt names, and there is exactly one ballot per member.
  auto board = h.secretary().get_board_all();
  INFO((board ? "" : board.error().message));
  REQUIRE(board);
  std::size_t ballot_entries = 0;
  for (const auto &e : board->entries)
    if (e.kind == protocol::BoardEntryKind::ballot) ++ballot_entries;
  CHECK(ballot_entries == ballots.size());
  auto receipts = before_kill;
  receipts.insert(after_restart.begin(), after_restart.end());
  for (const auto &[no, r] : receipts) {
    REQUIRE(r.board_seq >= 1);
    REQUIRE(r.board_seq <= board->entries.size());
    const auto &e = board->entries[r.board_seq - 1];
    CHECK(e.kind == protocol::BoardEntryKind::ballot);
    CHECK(e.hash == r.board_head);
    CHECK(e.payload == ballots.at(no).ballot);
  }

  // A fresh encryption of the same choices is a second ballot: refused.
  {
    auto vp = h.verified_poll(1, poll);
    REQUIRE(vp);
    auto second = client::roles::build_ballot(
        h.meeting_id(), vp->info, h.member(1).keys.signing,
        client::roles::uniform_choices(vp->info.definition.manifest, Choice::agree));
    REQUIRE(second);
    auto r = h.member(1).client->cast_ballot(poll, second->ballot);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == protocol::ErrorCode::duplicate_ballot);
  }

  // Counted once each: the published counts are exactly the choices made.
  const auto published = close_count_publish(h, poll, 5, 7);
  auto record = protocol::decode_record(published.record);
  REQUIRE(record);
  CHECK(record->turnout.ballots == ballots.size());
  for (std::size_t c = 0; c < kContests; ++c) {
    std::uint64_t agree = 0, disagree = 0, blank = 0;
    for (const auto &[no, b] : ballots) {
      const auto x = choice_of(no, c);
      agree += x == Choice::agree;
      disagree += x == Choice::disagree;
      blank += x == Choice::blank;
    }
    CHECK(record->contests[c].agree == agree);
    CHECK(record->contests[c].disagree == disagree);
    CHECK(record->contests[c].blank == blank);
  }
}
