// councilvote-cli vote / lookup / show-poll end to end against a fake server that serves a real poll
// definition (a direct key ceremony, the CLI's key on the roster), loses the first cast_ballot
// answer, then verifies the resent ballot and signs its receipt.
#include "cli_runner.hpp"
#include "councilvote/client/client.hpp"
#include "councilvote/client/keys.hpp"
#include "councilvote/crypto/ballot.hpp"
#include "support.hpp"
#include "test_roles_fixture.hpp"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace protocol = cv::protocol;
using protocol::MessageType;

namespace {

using cvtest::contains;
using Run = cvtest::CliRun;

Run cli(const QStringList &args) { return cvtest::cli_run(args, QStringLiteral("member passphrase")); }

// The fake meeting: one open poll, a board, receipts signed with the server key.
struct FakeMeeting {
  cv::crypto::SigningKey server_key = cvtest::test_key("server");
  cv::test::DirectCeremony ceremony = cv::test::direct_ceremony(cvtest::meeting(), 3, 2);
  cv::test::TestPoll poll;
  cv::test::TestBoard board;
  std::vector<protocol::Bytes> casts; // every cast_ballot's ballot bytes
  bool lose_first_cast = true;

  explicit FakeMeeting(const cv::crypto::SignPublicKey &member) {
    poll = cv::test::make_poll(cvtest::meeting(), ceremony.result, 3, 4);
    auto &d = poll.info.definition;
    d.roster[1] = member; // the CLI's key is the second member
    d.manifest.roster_digest = cv::crypto::Roster{d.roster}.digest();
    d.context_hash = cv::crypto::PollContext{d.manifest, d.joint_key}.hash();
    poll.info.manifest_seq = board.append_text(protocol::BoardEntryKind::manifest, protocol::poll_of(d),
                                               protocol::to_json(protocol::write_members(d)));
  }

  protocol::Checkpoint checkpoint() const {
    protocol::Checkpoint c{cvtest::meeting(), board.entries.size(), board.head, 1750000099000, {}};
    protocol::sign_checkpoint(c, server_key);
    return c;
  }

  void handle(QWebSocket *s, const cvtest::Seen &seen) {
    const auto &id = seen.request.id;
    switch (seen.request.type) {
    case MessageType::get_poll:
      cvtest::FakeServer::reply_ok(s, id, poll.info.to_json());
      return;
    case MessageType::cast_ballot: {
      auto req = protocol::CastBallotRequest::from_json(seen.body);
      CHECK(req);
      if (!req) return;
      casts.push_back(req->ballot);
      if (lose_first_cast && casts.size() == 1) {
        s->abort(); // the answer is lost
        return;
      }
      const auto ctx = protocol::verified_context(poll.info.definition, cvtest::meeting());
      auto ballot = cv::crypto::decode_ballot(req->ballot);
      CHECK((ctx && ballot && cv::crypto::verify_ballot(*ctx, poll.roster(), *ballot)));
      CHECK(ballot->member_key == seen.request.key);
      const auto seq = board.append(protocol::BoardEntryKind::ballot, req->poll, req->ballot);
      protocol::Receipt r{
          cvtest::meeting(), req->poll, cv::client::tracking_code_of(req->ballot), seq, board.head,
          1750000050000,     {}};
      protocol::sign_receipt(r, server_key);
      cvtest::FakeServer::reply_ok(s, id, protocol::CastBallotResponse{r}.to_json());
      return;
    }
    case MessageType::lookup_tracking_code: {
      auto req = protocol::LookupTrackingCodeRequest::from_json(seen.body);
      CHECK(req);
      for (const auto &e : board.entries)
        if (e.kind == protocol::BoardEntryKind::ballot &&
            cv::client::tracking_code_of(e.payload) == req->tracking_code)
          return cvtest::FakeServer::reply_ok(
              s, id,
              protocol::LookupTrackingCodeResponse{req->poll, req->tracking_code, e.seq, e.hash}.to_json());
      cvtest::FakeServer::reply_error(s, id,
                                      protocol::make_error(protocol::ErrorCode::not_found, "no such code"));
      return;
    }
    case MessageType::get_board: {
      auto req = protocol::GetBoardRequest::from_json(seen.body);
      CHECK(req);
      protocol::GetBoardResponse resp;
      for (auto seq = req->from_seq; seq <= board.entries.size() && resp.entries.size() < req->limit; ++seq)
        resp.entries.push_back(board.entries[seq - 1]);
      resp.checkpoint = checkpoint();
      cvtest::FakeServer::reply_ok(s, id, resp.to_json());
      return;
    }
    default:
      cvtest::FakeServer::reply_error(s, id,
                                      protocol::make_error(protocol::ErrorCode::forbidden, "not here"));
    }
  }
};

} // namespace

TEST_CASE("cli: vote casts once, resends the same bytes after a lost answer, and keeps the receipt",
          "[cli]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::string key_path = dir.filePath(QStringLiteral("member-2.key")).toStdString();
  auto key = cv::client::create_key_file(key_path, "2", "member", "member passphrase",
                                         cv::crypto::KdfParams::insecure_fast());
  REQUIRE(key);
  FakeMeeting meeting(key->signing.public_key);
  cvtest::FakeServer srv(nullptr);
  srv.handler = [&](cvtest::FakeServer &, QWebSocket *s, const cvtest::Seen &seen) {
    meeting.handle(s, seen);
  };
  const QString bundle = dir.filePath(QStringLiteral("bundle.json"));
  {
    QFile f(bundle);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(
        protocol::encode_bundle_json(cvtest::make_bundle("127.0.0.1", srv.port(), {}, meeting.server_key))));
  }
  const QStringList common{QStringLiteral("--bundle"), bundle, QStringLiteral("--insecure-plaintext"),
                           QStringLiteral("--key"), QString::fromStdString(key_path)};

  auto show = cli(QStringList(common)
                  << QStringLiteral("show-poll") << QStringLiteral("--poll") << QStringLiteral("poll-1"));
  INFO(show.err);
  REQUIRE(show.exit_code == 0);
  CHECK(contains(show.out, "the definition verifies"));
  CHECK(contains(show.out, "Nominee 4"));

  auto bad = cli(QStringList(common) << QStringLiteral("vote") << QStringLiteral("--poll")
                                     << QStringLiteral("poll-1") << QStringLiteral("--choices")
                                     << QStringLiteral("agree,maybe,blank,agree"));
  CHECK(bad.exit_code == 2);
  CHECK(meeting.casts.empty());

  auto vote = cli(QStringList(common)
                  << QStringLiteral("vote") << QStringLiteral("--poll") << QStringLiteral("poll-1")
                  << QStringLiteral("--choices") << QStringLiteral("agree,disagree,blank,agree"));
  INFO(vote.err);
  REQUIRE(vote.exit_code == 0);
  REQUIRE(meeting.casts.size() == 2);
  CHECK(meeting.casts[0] == meeting.casts[1]); // the same ballot bytes, never a re-encryption
  const auto code = cv::client::tracking_code_of(meeting.casts[1]);
  CHECK(contains(vote.out, "tracking code: " + cv::crypto::short_tracking_code(code)));
  CHECK(QFile::exists(dir.filePath(QStringLiteral("member-2.receipt-poll-1.json"))));
  CHECK(QFile::exists(dir.filePath(QStringLiteral("member-2.ballot-poll-1.json"))));

  auto again = cli(QStringList(common)
                   << QStringLiteral("vote") << QStringLiteral("--poll") << QStringLiteral("poll-1")
                   << QStringLiteral("--all") << QStringLiteral("agree"));
  CHECK(again.exit_code == 0);
  CHECK(contains(again.out, "already voted"));
  CHECK(meeting.casts.size() == 2);

  auto lookup = cli(QStringList(common)
                    << QStringLiteral("lookup") << QStringLiteral("--poll") << QStringLiteral("poll-1"));
  INFO(lookup.err);
  CHECK(lookup.exit_code == 0);
  CHECK(contains(lookup.out, "is board entry 2"));

  auto board = cli(QStringList(common) << QStringLiteral("board"));
  INFO(board.err);
  CHECK(board.exit_code == 0);
  CHECK(contains(board.out, "2 entries"));
}
