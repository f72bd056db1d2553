// councilvote-cli chair-decide against a fake server: the chair's decision is built from the board
// (the tally context, his member number from the attendance entry), signed with his key file, and
// the server's refusal is shown with its code and check.
#include "cli_runner.hpp"
#include "councilvote/client/keys.hpp"
#include "support.hpp"
#include "test_roles_voted_poll.hpp"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <optional>

namespace protocol = cv::protocol;
using protocol::MessageType;

namespace {

constexpr const char *kPass = "chair passphrase";

using cvtest::contains;

cvtest::CliRun cli(const QStringList &args) { return cvtest::cli_run(args, QString::fromUtf8(kPass)); }

} // namespace

TEST_CASE("cli: chair-decide signs the chair's decision of a tie from the board and sends it",
          "[cli][chair]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const std::string key_path = dir.filePath(QStringLiteral("chair.key")).toStdString();
  auto key =
      cv::client::create_key_file(key_path, "3", "member", kPass, cv::crypto::KdfParams::insecure_fast());
  REQUIRE(key);

  // A closed, tallied poll whose roster has the CLI's key third (member 3), on a board of its own.
  cv::test::VotedPoll vp(4, 3);
  auto def = vp.poll.info.definition;
  def.roster[2] = key->signing.public_key;
  def.manifest.roster_digest = cv::crypto::Roster{def.roster}.digest();
  def.context_hash = cv::crypto::PollContext{def.manifest, def.joint_key}.hash();
  cv::test::TestBoard board;
  (void)board.append_text(protocol::BoardEntryKind::manifest, protocol::poll_of(def),
                          protocol::to_json(protocol::write_members(def)));
  protocol::FrozenAttendance attendance{def.poll, {}};
  for (std::uint32_t m = 1; m <= 4; ++m) attendance.members.push_back({m, protocol::Attendance::present});
  (void)board.append_text(protocol::BoardEntryKind::attendance, protocol::poll_of(def),
                          protocol::to_json(protocol::write_members(attendance)));
  (void)board.append_text(protocol::BoardEntryKind::tally, protocol::poll_of(def),
                          protocol::to_json(protocol::write_members(vp.status.tally)));

  std::optional<protocol::ChairDecision> posted;
  bool refuse = false;
  cvtest::FakeServer srv(nullptr);
  srv.handler = [&](cvtest::FakeServer &, QWebSocket *s, const cvtest::Seen &seen) {
    const auto &id = seen.request.id;
    switch (seen.request.type) {
    case MessageType::get_board: {
      auto req = protocol::GetBoardRequest::from_json(seen.body);
      CHECK(req);
      protocol::GetBoardResponse resp;
      for (auto seq = req->from_seq; seq <= board.entries.size(); ++seq)
        resp.entries.push_back(board.entries[seq - 1]);
      resp.checkpoint = {vp.meeting, board.entries.size(), board.head, 1750000200000, {}};
      protocol::sign_checkpoint(resp.checkpoint, vp.server);
      return cvtest::FakeServer::reply_ok(s, id, resp.to_json());
    }
    case MessageType::post_chair_decision: {
      auto req = protocol::read_body<protocol::ChairDecision>(seen.body);
      CHECK(req);
      if (!req) return;
      CHECK(req->key == seen.request.key); // the chair sends his own decision
      posted = *req;
      if (refuse)
        return cvtest::FakeServer::reply_error(
            s, id,
            protocol::check_error(
                protocol::ErrorCode::invalid_chair_decision, "places",
                "places: the decision names 2, but the tied nominees of award \"Bằng khen\" are "
                "1, 2, for 1 place left"));
      return cvtest::FakeServer::reply_ok(
          s, id,
          protocol::PostChairDecisionResponse{protocol::poll_of(def), req->award, board.entries.size() + 1}
              .to_json());
    }
    default:
      cvtest::FakeServer::reply_error(s, id,
                                      protocol::make_error(protocol::ErrorCode::forbidden, "not here"));
    }
  };
  const QString bundle = dir.filePath(QStringLiteral("bundle.json"));
  {
    QFile f(bundle);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(protocol::encode_bundle_json(protocol::make_enrollment_bundle(
        vp.meeting, protocol::ServerAddress{"127.0.0.1", srv.port()}, {}, vp.server, kTestMinBallots))));
  }
  const QStringList common{QStringLiteral("--bundle"), bundle, QStringLiteral("--insecure-plaintext"),
                           QStringLiteral("--key"), QString::fromStdString(key_path)};
  const QStringList decide = QStringList(common) << QStringLiteral("chair-decide") << QStringLiteral("--poll")
                                                 << QStringLiteral("poll-1") << QStringLiteral("--award")
                                                 << QStringLiteral("Bằng khen");

  auto help = cli({QStringLiteral("chair-decide"), QStringLiteral("--help")});
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "--poll ID --award TEXT --nominees N[,N...]"));
  auto usage = cli(QStringList(decide)); // no --nominees
  CHECK(usage.exit_code == 2);
  auto not_a_number = cli(QStringList(decide) << QStringLiteral("--nominees") << QStringLiteral("2,x"));
  CHECK(not_a_number.exit_code == 2);
  CHECK_FALSE(posted);

  auto ok = cli(QStringList(decide) << QStringLiteral("--nominees") << QStringLiteral("2"));
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  REQUIRE(posted);
  CHECK(posted->member_no == 3);
  CHECK(posted->nominees == std::vector<std::uint32_t>{2});
  CHECK(posted->tally_context == vp.status.tally.encrypted_tally().context());
  CHECK(cv::record::verify_chair_decision_signature(*posted));
  CHECK(contains(ok.out, "board entry 4"));
  CHECK(contains(ok.out, "2 Nominee 2"));

  auto other_award = cli(QStringList(common) << QStringLiteral("chair-decide") << QStringLiteral("--poll")
                                             << QStringLiteral("poll-1") << QStringLiteral("--award")
                                             << QStringLiteral("Huân chương") << QStringLiteral("--nominees")
                                             << QStringLiteral("2"));
  CHECK(other_award.exit_code == 1);
  CHECK(contains(other_award.err, "is proposed for \"Bằng khen\""));

  refuse = true;
  auto refused = cli(QStringList(decide) << QStringLiteral("--nominees") << QStringLiteral("1,2"));
  CHECK(refused.exit_code == 1);
  CHECK(contains(refused.err, "E_INVALID_CHAIR_DECISION"));
  CHECK(contains(refused.err, "1 place left"));
}
