// WsServer in front of the real MeetingService: a meeting directory made by init_meeting_dir is
// served over wss with its own TLS identity, pinned by the bundle's fingerprint.
#include "councilvote/server/meeting_dir.hpp"
#include "councilvote/server/meeting_service.hpp"
#include "councilvote/server/ws_server.hpp"
#include "ws_test_client.hpp"

#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace cv;
using protocol::ErrorCode;
using protocol::MessageType;

TEST_CASE("ws: a meeting directory served over wss answers get_board and refuses unknown keys", "[ws]") {
  QTemporaryDir tmp;
  REQUIRE(tmp.isValid());
  const server::MeetingDir dir{std::filesystem::path(tmp.path().toStdString()) / "meeting"};
  auto secretary = crypto::SigningKey::generate();
  server::InitParams params;
  params.meeting = {"ws-test-2025", "Hội đồng Thi đua - Khen thưởng", "Phiên họp thứ nhất", "2025-06-15",
                    "Vĩnh Long"};
  params.secretary_keys = {secretary.public_key};
  params.address = protocol::ServerAddress::parse("127.0.0.1:8443").value();
  auto made = server::init_meeting_dir(dir, params);
  REQUIRE(made);
  auto service = server::MeetingService::open(dir);
  REQUIRE(service);
  auto tls = server::load_tls_configuration(dir.tls_key(), dir.tls_certificate());
  REQUIRE(tls);
  server::WsServer ws(**service, *tls);
  REQUIRE(ws.listen(QHostAddress::LocalHost, 0));

  const auto &fp = made->bundle.tls_cert_sha256;
  test::WsTestClient c(
      QByteArray(reinterpret_cast<const char *>(fp.data()), static_cast<qsizetype>(fp.size())));
  REQUIRE(c.connect(ws.server_port()));
  const auto now = static_cast<std::uint64_t>(protocol::system_time_ms());
  const auto meeting = protocol::MeetingId::parse("ws-test-2025").value();
  auto auditor = crypto::SigningKey::generate();
  auto board =
      c.request(protocol::make_request(protocol::RequestId::parse("r-1").value(), MessageType::get_board,
                                       meeting, {{"from_seq", 1}, {"limit", 10}}, auditor, now));
  REQUIRE(board);
  INFO(board->error.message);
  CHECK(board->ok);

  test::WsTestClient other(
      c.socket().sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256));
  REQUIRE(other.connect(ws.server_port()));
  auto refused = other.request(protocol::make_request(protocol::RequestId::parse("r-2").value(),
                                                      MessageType::open_poll, meeting, {}, auditor, now));
  REQUIRE(refused);
  REQUIRE_FALSE(refused->ok);
  CHECK(refused->error.code == ErrorCode::unknown_key);
}
