// councilvote-cli ceremony (three trustee processes at once against a ceremony relay), decrypt, and
// the auditor's verify / record against a voted, tallied and published poll on a fake server.
#include "cli_runner.hpp"
#include "councilvote/client/client.hpp"
#include "councilvote/client/keys.hpp"
#include "councilvote/client/roles/trustee.hpp"
#include "support.hpp"
#include "test_roles_relay.hpp"
#include "test_roles_voted_poll.hpp"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <regex>

namespace protocol = cv::protocol;
namespace roles = cv::client::roles;
using protocol::MessageType;

namespace {

constexpr const char *kPass = "trustee passphrase";

using cvtest::contains;
using Run = cvtest::CliRun;

// Runs several CLI processes at once while this process serves them.
std::vector<Run> cli_all(const std::vector<QStringList> &runs) {
  return cvtest::cli_runs(runs, QString::fromUtf8(kPass), 120000);
}

Run cli(const QStringList &args) { return cli_all({args}).front(); }

QString write_bundle(const QTemporaryDir &dir, const protocol::MeetingId &meeting, std::uint16_t port,
                     const cv::crypto::SigningKey &server) {
  const QString path = dir.filePath(QStringLiteral("bundle.json"));
  QFile f(path);
  REQUIRE(f.open(QIODevice::WriteOnly));
  f.write(QByteArray::fromStdString(protocol::encode_bundle_json(protocol::make_enrollment_bundle(
      meeting, protocol::ServerAddress{"127.0.0.1", port}, {}, server, kTestMinBallots))));
  return path;
}

std::string share_file_name(const std::string &stem, const protocol::Hash32 &ceremony_context) {
  return stem + ".share-" + protocol::lower_hex(ceremony_context).substr(0, 8) + ".sealed";
}

} // namespace

TEST_CASE("cli: three trustees run the key ceremony to the end and keep their shares", "[cli][trustee]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::vector<cv::crypto::KeyFileContents> keys;
  std::vector<std::string> paths;
  for (int i = 1; i <= 3; ++i) {
    paths.push_back(dir.filePath(QStringLiteral("trustee-%1.key").arg(i)).toStdString());
    auto k = cv::client::create_key_file(paths.back(), std::to_string(i), "trustee", kPass,
                                         cv::crypto::KdfParams::insecure_fast());
    REQUIRE(k);
    keys.push_back(std::move(*k));
  }
  const auto meeting = cvtest::meeting();
  cv::test::CeremonyRelay relay(meeting, keys, 2);
  cvtest::FakeServer srv(nullptr);
  int refused = 0;
  srv.handler = [&](cvtest::FakeServer &, QWebSocket *s, const cvtest::Seen &seen) {
    const auto &id = seen.request.id;
    if (seen.request.type == MessageType::get_ceremony_messages) {
      auto req = protocol::GetCeremonyMessagesRequest::from_json(seen.body);
      CHECK(req);
      return cvtest::FakeServer::reply_ok(s, id, relay.page(req ? req->after_seq : 0).to_json());
    }
    if (seen.request.type == MessageType::post_ceremony_message) {
      std::uint32_t from = 0;
      for (std::uint32_t i = 0; i < keys.size(); ++i)
        if (keys[i].signing.public_key == seen.request.key) from = i + 1;
      auto req = protocol::PostCeremonyMessageRequest::from_json(seen.body);
      CHECK(req);
      if (!req || from == 0 || !relay.post(from, *req)) {
        ++refused;
        return cvtest::FakeServer::reply_error(
            s, id,
            protocol::check_error(protocol::ErrorCode::invalid_ceremony_message, "duplicate", "refused"));
      }
      return cvtest::FakeServer::reply_ok(s, id, protocol::PostCeremonyMessageResponse{relay.seq}.to_json());
    }
    cvtest::FakeServer::reply_error(s, id, protocol::make_error(protocol::ErrorCode::forbidden, "not here"));
  };
  const QString bundle = write_bundle(dir, meeting, srv.port(), cvtest::test_key("server"));
  std::vector<QStringList> runs;
  for (const auto &p : paths)
    runs.push_back({QStringLiteral("--bundle"), bundle, QStringLiteral("--insecure-plaintext"),
                    QStringLiteral("--insecure-fast-kdf"), QStringLiteral("--key"), QString::fromStdString(p),
                    QStringLiteral("ceremony"), QStringLiteral("--poll-seconds"), QStringLiteral("1")});
  const auto results = cli_all(runs);
  CHECK(refused == 0);
  REQUIRE(relay.base.state == protocol::CeremonyState::complete);
  const auto joint = *relay.base.joint_key;
  for (std::size_t i = 0; i < 3; ++i) {
    INFO(results[i].err);
    CHECK(results[i].exit_code == 0);
    CHECK(contains(results[i].out,
                   "ceremony complete; joint key " + cv::crypto::short_tracking_code(joint.bytes())));
    const auto stem = dir.filePath(QStringLiteral("trustee-%1").arg(i + 1)).toStdString();
    auto share = roles::load_trustee_share(share_file_name(stem, relay.base.ceremony_context), kPass);
    REQUIRE(share);
    CHECK(share->share.index == i + 1);
    CHECK(share->share.joint_key == joint);
    CHECK_FALSE(QFile::exists(QString::fromStdString(stem + ".ceremony.sealed")));
  }
  // Once more: the share is there, nothing is posted.
  const auto before = relay.messages.size();
  auto again = cli(runs[0]);
  CHECK(again.exit_code == 0);
  CHECK(contains(again.out, "already saved"));
  CHECK(relay.messages.size() == before);
}

TEST_CASE("cli: a trustee decrypts after checking the tally, an auditor verifies the published poll",
          "[cli][trustee][auditor]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  cv::test::VotedPoll vp(4, 3);
  const std::string key_path = dir.filePath(QStringLiteral("trustee-2.key")).toStdString();
  auto key =
      cv::client::create_key_file(key_path, "2", "trustee", kPass, cv::crypto::KdfParams::insecure_fast());
  REQUIRE(key);
  const auto share = vp.share(1); // trustee 2
  const auto stem = dir.filePath(QStringLiteral("trustee-2")).toStdString();
  REQUIRE(roles::save_trustee_share(share_file_name(stem, share.ceremony_context), share, kPass,
                                    cv::crypto::KdfParams::insecure_fast()));
  std::optional<protocol::PostPartialDecryptionRequest> posted;
  bool published = false;
  cvtest::FakeServer srv(nullptr);
  srv.handler = [&](cvtest::FakeServer &, QWebSocket *s, const cvtest::Seen &seen) {
    const auto &id = seen.request.id;
    switch (seen.request.type) {
    case MessageType::get_poll:
      return cvtest::FakeServer::reply_ok(s, id, vp.poll.info.to_json());
    case MessageType::get_tally:
      return cvtest::FakeServer::reply_ok(s, id, vp.status.to_json());
    case MessageType::get_board: {
      auto req = protocol::GetBoardRequest::from_json(seen.body);
      CHECK(req);
      protocol::GetBoardResponse resp;
      for (auto seq = req->from_seq; seq <= vp.board.entries.size() && resp.entries.size() < 2; ++seq)
        resp.entries.push_back(vp.board.entries[seq - 1]);
      resp.checkpoint = {vp.meeting, vp.board.entries.size(), vp.board.head, 1750000200000, {}};
      protocol::sign_checkpoint(resp.checkpoint, vp.server);
      return cvtest::FakeServer::reply_ok(s, id, resp.to_json());
    }
    case MessageType::post_partial_decryption: {
      auto req = protocol::PostPartialDecryptionRequest::from_json(seen.body);
      CHECK(req);
      posted = *req;
      return cvtest::FakeServer::reply_ok(
          s, id, protocol::PostPartialDecryptionResponse{req->poll, 2, {2}, 2}.to_json());
    }
    case MessageType::get_record:
      if (!published)
        return cvtest::FakeServer::reply_error(
            s, id, protocol::make_error(protocol::ErrorCode::not_found, "not yet"));
      return cvtest::FakeServer::reply_ok(
          s, id,
          protocol::GetRecordResponse{protocol::poll_of(vp.poll.info.definition), vp.record, vp.statement}
              .to_json());
    default:
      cvtest::FakeServer::reply_error(s, id,
                                      protocol::make_error(protocol::ErrorCode::forbidden, "not here"));
    }
  };
  const QString bundle = write_bundle(dir, vp.meeting, srv.port(), vp.server);
  const QStringList common{QStringLiteral("--bundle"), bundle, QStringLiteral("--insecure-plaintext")};

  auto decrypt = cli(QStringList(common)
                     << QStringLiteral("--key") << QString::fromStdString(key_path)
                     << QStringLiteral("decrypt") << QStringLiteral("--poll") << QStringLiteral("poll-1"));
  INFO(decrypt.err);
  REQUIRE(decrypt.exit_code == 0);
  REQUIRE(posted);
  CHECK(posted->tally_context == vp.status.tally.encrypted_tally().context());
  auto partial = posted->decode();
  REQUIRE(partial);
  CHECK(partial->index == 2);

  auto early = cli(QStringList(common)
                   << QStringLiteral("verify") << QStringLiteral("--poll") << QStringLiteral("poll-1"));
  CHECK(early.exit_code == 1); // not published: the record checks fail

  vp.publish();
  published = true;
  const QString code = QString::fromStdString(protocol::lower_hex(vp.tracking_codes[0]));
  auto verify = cli(QStringList(common) << QStringLiteral("verify") << QStringLiteral("--poll")
                                        << QStringLiteral("poll-1") << QStringLiteral("--code") << code);
  INFO(verify.out);
  INFO(verify.err);
  CHECK(verify.exit_code == 0);
  CHECK(contains(verify.out, "every check passed"));
  CHECK(contains(verify.out, "is counted"));

  auto record = cli(QStringList(common)
                    << QStringLiteral("record") << QStringLiteral("--poll") << QStringLiteral("poll-1"));
  INFO(record.err);
  CHECK(record.exit_code == 0);
  CHECK(contains(record.out, protocol::lower_hex(vp.statement.record_digest)));
  // Printed times carry their time zone.
  CHECK(std::regex_search(record.out,
                          std::regex(R"(published \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d))")));

  // The record file over the wire, verified offline.
  const auto file = dir.filePath(QStringLiteral("poll-1.jsonl"));
  auto exported = cli(QStringList(common) << QStringLiteral("record") << QStringLiteral("--poll")
                                          << QStringLiteral("poll-1") << QStringLiteral("--out") << file);
  INFO(exported.err);
  CHECK(exported.exit_code == 0);
  CHECK(contains(exported.out, "fingerprint: "));
  CHECK(QFile::exists(file));
  auto again = cli(QStringList(common) << QStringLiteral("record") << QStringLiteral("--poll")
                                       << QStringLiteral("poll-1") << QStringLiteral("--out") << file);
  CHECK(again.exit_code != 0); // never overwrites without --force
  CHECK(contains(again.err, "already exists"));
}
