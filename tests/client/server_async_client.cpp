// The asynchronous typed client (AsyncClient) against the real councilvote-server on loopback
// (tools/meeting's harness, the server as a child process): several requests in flight at once on
// one connection, each answer reaching its own continuation; and the connection cut while
// requests are waiting for their answers, by a relay between the clients and the server — the
// requests that are safe to resend are sent again and answered, the write that is not reports
// that its outcome is unknown.
#include "councilvote/client/client.hpp"
#include "councilvote/client/roles/member.hpp"
#include "fixture.hpp"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

using namespace cvtest;
using cv::client::AsyncClient;
using cv::client::Progress;
using cv::client::roles::Choice;
using cv::client::roles::MemberChoice;
using cv::protocol::ErrorCode;
using cv::protocol::MessageType;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t kContests = 3;

crypto::SigningKey copy_key(const crypto::SigningKey &k) { return crypto::SigningKey::from_seed(k.seed()); }

client::roles::PreparedBallot ballot_of(tools::MeetingHarness &h, std::uint32_t member_no,
                                        const protocol::PollId &poll) {
  auto vp = h.verified_poll(member_no, poll);
  REQUIRE(vp);
  std::vector<MemberChoice> choices(kContests, MemberChoice::of(Choice::agree));
  auto b = client::roles::build_ballot(h.meeting_id(), vp->info, h.member(member_no).keys.signing, choices);
  REQUIRE(b);
  return std::move(*b);
}

// One continuation's result, and how many times it ran.
template <class T> struct Slot {
  std::optional<cv::protocol::Result<T>> result;
  int calls = 0;
  cv::client::Done<T> done() {
    return [this](cv::protocol::Result<T> r) {
      ++calls;
      result.emplace(std::move(r));
    };
  }
};

// A TCP relay in front of the server: passes bytes both ways, or holds back what the server sends
// (its answers) while `hold` is set; cut() aborts every connection, dropping what it held.
class Relay : public QObject {
public:
  explicit Relay(std::uint16_t upstream) : upstream_(upstream) {
    REQUIRE(server_.listen(QHostAddress::LocalHost, 0));
    connect(&server_, &QTcpServer::newConnection, this, [this] { accept(); });
  }
  [[nodiscard]] std::uint16_t port() const { return static_cast<std::uint16_t>(server_.serverPort()); }
  void cut() {
    for (auto &p : pairs_) {
      if (p->down) p->down->abort();
      if (p->up) p->up->abort();
    }
    pairs_.clear();
  }

  bool hold = false;
  int accepted = 0;
  std::size_t held_bytes = 0;

private:
  struct Pair {
    QPointer<QTcpSocket> down, up;
    QByteArray to_up;
  };
  void accept() {
    while (QTcpSocket *down = server_.nextPendingConnection()) {
      ++accepted;
      auto p = std::make_shared<Pair>();
      p->down = down;
      p->up = new QTcpSocket(this);
      connect(down, &QTcpSocket::readyRead, this, [p] {
        const QByteArray b = p->down->readAll();
        if (p->up->state() == QAbstractSocket::ConnectedState)
          p->up->write(b);
        else
          p->to_up += b;
      });
      connect(p->up, &QTcpSocket::connected, this, [p] {
        p->up->write(p->to_up);
        p->to_up.clear();
      });
      connect(p->up, &QTcpSocket::readyRead, this, [this, p] {
        const QByteArray b = p->up->readAll();
        if (hold)
          held_bytes += static_cast<std::size_t>(b.size());
        else if (p->down)
          p->down->write(b);
      });
      connect(down, &QTcpSocket::disconnected, p->up, &QTcpSocket::disconnectFromHost);
      connect(p->up, &QTcpSocket::disconnected, down, &QTcpSocket::disconnectFromHost);
      p->up->connectToHost(QHostAddress::LocalHost, upstream_);
      pairs_.push_back(p);
    }
  }
  std::uint16_t upstream_;
  QTcpServer server_;
  std::vector<std::shared_ptr<Pair>> pairs_;
};

// The small meeting of tests/integration/fixture.hpp on the real server, with a room poll open.
struct OpenMeeting {
  QTemporaryDir dir;
  std::ostringstream log;
  tools::MeetingHarness h{harness_options(dir), log};
  explicit OpenMeeting(const protocol::PollId &poll) {
    REQUIRE(dir.isValid());
    load_small_meeting(h, kContests);
    open_room_poll(h, poll, kContests);
  }
};

bool spin_until(const std::function<bool()> &done, int ms = 30000) { return tools::spin_until(done, ms); }

// Asks `done()` (a request on another connection) five times a second, within the rate limits.
bool poll_until(const std::function<bool()> &done, int ms = 30000) {
  for (int waited = 0; waited < ms; waited += 200) {
    if (done()) return true;
    tools::spin_until([] { return false; }, 200);
  }
  return done();
}

} // namespace

TEST_CASE("async client: several requests in flight on one connection, each answer to its own continuation",
          "[client][async]") {
  const auto poll = *protocol::PollId::parse("poll-async");
  OpenMeeting meeting(poll);
  auto &h = meeting.h;
  const std::uint32_t no = 5; // a member who is also a trustee
  const auto ballot = ballot_of(h, no, poll);
  auto &conn = *h.member(no).connection;
  REQUIRE(conn.open_blocking());
  const int connects = conn.connects();
  const AsyncClient a(conn, 30s);

  Slot<protocol::PollInfo> poll_info, wrong_poll;
  Slot<protocol::Receipt> receipt;
  Slot<protocol::LookupTrackingCodeResponse> lookup;
  Slot<client::BoardSnapshot> board;
  Slot<protocol::GetCeremonyMessagesResponse> ceremony;
  std::vector<Progress> board_progress, ceremony_progress;
  a.call<MessageType::get_poll>({poll}, poll_info.done());
  a.call<MessageType::get_poll>({*protocol::PollId::parse("no-such-poll")}, wrong_poll.done());
  a.get_board_all(0, {}, 4, board.done(), [&](const Progress &p) { board_progress.push_back(p); });
  a.cast_ballot(poll, ballot.ballot, receipt.done());
  a.call<MessageType::lookup_tracking_code>({poll, ballot.tracking_code}, lookup.done()); // after the cast
  a.get_all_ceremony_messages(ceremony.done(), [&](const Progress &p) { ceremony_progress.push_back(p); });
  // Nothing is answered from inside a call.
  CHECK(poll_info.calls + wrong_poll.calls + receipt.calls + lookup.calls + board.calls + ceremony.calls ==
        0);

  REQUIRE(spin_until([&] {
    return poll_info.result && wrong_poll.result && receipt.result && lookup.result && board.result &&
           ceremony.result;
  }));
  spin_until([] { return false; }, 200); // no continuation runs twice
  for (int calls :
       {poll_info.calls, wrong_poll.calls, receipt.calls, lookup.calls, board.calls, ceremony.calls})
    CHECK(calls == 1);

  REQUIRE(*poll_info.result);
  CHECK((*poll_info.result)->definition.poll == poll);
  CHECK((*poll_info.result)->status == protocol::PollStatus::open);
  REQUIRE_FALSE(*wrong_poll.result);
  CHECK(wrong_poll.result->error().code == ErrorCode::wrong_poll);

  REQUIRE(*receipt.result); // checked on the asynchronous path: signature, meeting, poll, tracking code
  CHECK((*receipt.result)->tracking_code == ballot.tracking_code);
  REQUIRE(*lookup.result);
  CHECK((*lookup.result)->board_seq == (*receipt.result)->board_seq);

  REQUIRE(*board.result); // chain and checkpoints verified
  const auto &snap = **board.result;
  CHECK(snap.entries.size() == snap.checkpoint.board_seq);
  CHECK(snap.entries.size() > 8); // manifest, ceremony messages, ... in pages of 4
  REQUIRE(board_progress.size() >= 3);
  CHECK(board_progress.front().stage == Progress::Stage::fetch);
  CHECK(board_progress.front().done == 4);
  CHECK(board_progress.back().stage == Progress::Stage::verify);
  CHECK(board_progress.back().done == snap.entries.size());
  CHECK(board_progress.back().total == snap.entries.size());

  REQUIRE(*ceremony.result);
  CHECK((*ceremony.result)->state == protocol::CeremonyState::complete);
  CHECK((*ceremony.result)->messages.size() == 3 + 3 * 2); // commitments + n(n-1) shares
  REQUIRE_FALSE(ceremony_progress.empty());
  CHECK(ceremony_progress.back().done == (*ceremony.result)->messages.size());

  CHECK(conn.connects() == connects); // all on the one connection
  CHECK(conn.resends() == 0);

  // The blocking Client is the same call, waited for: the same answers.
  client::Client blocking(conn);
  auto again = blocking.cast_ballot(poll, ballot.ballot);
  REQUIRE(again);
  CHECK(again->board_seq == (*receipt.result)->board_seq);
}

TEST_CASE("async client: the connection cut while requests wait - the safe ones are resent and answered, "
          "a write that is not safe reports its outcome unknown",
          "[client][async][reconnect]") {
  const auto poll = *protocol::PollId::parse("poll-cut");
  OpenMeeting meeting(poll);
  auto &h = meeting.h;
  const std::uint32_t no = 1;
  const auto ballot = ballot_of(h, no, poll);

  // A member and the secretary, both through the relay.
  Relay relay(h.bundle().server.port);
  auto bundle = h.bundle();
  bundle.server.port = relay.port();
  client::ConnectionOptions o;
  o.response_timeout = 120s; // only the cut loses the connection
  o.reconnect_delay = 50ms;
  client::Connection member(bundle, copy_key(h.member(no).keys.signing), o);
  client::Connection secretary(bundle, copy_key(h.secretary_key()), o);
  REQUIRE(client::Client(member).get_board(1, 1)); // connected and signed in
  REQUIRE(client::Client(secretary).get_board(1, 1));
  CHECK(relay.accepted == 2);
  const AsyncClient m(member, 60s), s(secretary, 60s);

  relay.hold = true; // from now on the answers do not come back
  Slot<protocol::Receipt> receipt;
  Slot<protocol::PollInfo> poll_info;
  Slot<protocol::LookupTrackingCodeResponse> lookup;
  m.cast_ballot(poll, ballot.ballot, receipt.done());
  m.call<MessageType::get_poll>({poll}, poll_info.done());
  m.call<MessageType::lookup_tracking_code>({poll, ballot.tracking_code}, lookup.done());
  // The server stores the ballot (seen on the secretary's own, direct connection).
  REQUIRE(poll_until([&] {
    auto t = h.secretary().turnout(poll);
    return t && t->ballots == 1;
  }));

  Slot<protocol::TurnoutInfo> turnout;
  Slot<protocol::AttendanceSummary> attendance;
  Slot<protocol::ClosePollResponse> closed;
  s.call<MessageType::turnout>({poll}, turnout.done());
  s.call<MessageType::set_attendance>({{{22, protocol::Attendance::present}}}, attendance.done());
  s.call<MessageType::close_poll>({poll}, closed.done()); // not safe to resend
  // The server closes the poll: every request of the secretary's connection was handled before.
  REQUIRE(poll_until([&] {
    auto p = h.secretary().get_poll(poll);
    return p && p->status == protocol::PollStatus::closed;
  }));
  spin_until([] { return false; }, 200);
  CHECK(relay.held_bytes > 0);
  // Six requests are waiting for answers the relay holds.
  CHECK(receipt.calls + poll_info.calls + lookup.calls + turnout.calls + attendance.calls + closed.calls ==
        0);

  relay.hold = false;
  relay.cut();
  REQUIRE(spin_until([&] {
    return receipt.result && poll_info.result && lookup.result && turnout.result && attendance.result &&
           closed.result;
  }));
  spin_until([] { return false; }, 200);
  for (int calls :
       {receipt.calls, poll_info.calls, lookup.calls, turnout.calls, attendance.calls, closed.calls})
    CHECK(calls == 1);

  // Resent after the reconnection and answered by the server.
  CHECK(relay.accepted == 4);
  CHECK(member.connects() == 2);
  CHECK(secretary.connects() == 2);
  CHECK(member.resends() == 3);
  CHECK(secretary.resends() == 2);
  REQUIRE(*receipt.result); // the same ballot bytes: the receipt of the stored ballot
  CHECK((*receipt.result)->tracking_code == ballot.tracking_code);
  REQUIRE(*lookup.result);
  CHECK((*lookup.result)->board_seq == (*receipt.result)->board_seq);
  REQUIRE(*poll_info.result);
  CHECK((*poll_info.result)->status == protocol::PollStatus::closed); // answered after the close
  REQUIRE(*turnout.result);
  CHECK((*turnout.result)->ballots == 1); // counted once
  REQUIRE(*attendance.result);
  CHECK((*attendance.result)->members == 22);
  // close_poll was handled, but its answer was lost: the client does not resend it and says so.
  REQUIRE_FALSE(*closed.result);
  CHECK(closed.result->error().code == ErrorCode::internal);
  CHECK(closed.result->error().check == "connection_lost");
  CHECK(closed.result->error().message.starts_with("close_poll: "));
  auto after = h.secretary().get_poll(poll);
  REQUIRE(after);
  CHECK(after->status == protocol::PollStatus::closed);
}
