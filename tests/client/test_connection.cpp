// Connection against a fake server: pinning, signed requests, correlation by id, pushes, and
// reconnection with resending.
#include "councilvote/client/connection.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "event_loop.hpp"
#include "support.hpp"

#include <QDateTime>
#include <QTcpServer>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>

using namespace cvtest;
using cv::client::Connection;
using cv::client::ConnectionOptions;
using cv::protocol::ErrorCode;
using cv::protocol::MessageType;
using namespace std::chrono_literals;

namespace {

QJsonObject poll_body(const char *p = "poll-1") { return cv::protocol::PollRef{poll(p)}.to_json(); }

ConnectionOptions plain() {
  ConnectionOptions o;
  o.insecure_plaintext = true;
  o.reconnect_delay = 20ms;
  return o;
}

Connection plain_connection(const FakeServer &srv, ConnectionOptions o = plain()) {
  return Connection(make_bundle("127.0.0.1", srv.port(), {}, test_key("server")), test_key("member"), o);
}

} // namespace

TEST_CASE("Connection: the pinned server is reached over wss with a signed request", "[connection]") {
  const auto tls = make_tls();
  FakeServer srv(&tls);
  const auto member = test_key("member");
  Connection c(make_bundle("127.0.0.1", srv.port(), tls.fingerprint, test_key("server")), test_key("member"));
  CHECK(c.url() == QStringLiteral("wss://127.0.0.1:%1/").arg(srv.port()));
  const auto before = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
  auto r = c.call(MessageType::get_poll, poll_body(), 10s);
  REQUIRE(r);
  CHECK(r->value("echo").toString() == QStringLiteral("get_poll"));
  CHECK_FALSE(c.pin_failed());
  REQUIRE(srv.seen.size() == 1);
  const auto &req = srv.seen[0].request;
  CHECK(srv.bad_signatures == 0);
  CHECK(req.key == member.public_key);
  CHECK(req.meeting == meeting());
  CHECK(req.type == MessageType::get_poll);
  CHECK(req.body == R"({"poll":"poll-1"})");
  CHECK(req.time_ms >= before);
  CHECK(req.time_ms <= before + 10000);
}

TEST_CASE("Connection: a server with another certificate is refused before any request is sent",
          "[connection][pin]") {
  const auto pinned = make_tls();
  const auto impostor = make_tls();
  FakeServer srv(&impostor);
  Connection c(make_bundle("127.0.0.1", srv.port(), pinned.fingerprint, test_key("server")),
               test_key("member"));
  auto r = c.call(MessageType::cast_ballot, poll_body(), 10s);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::inconsistent_data);
  CHECK(r.error().check == "tls_pin");
  CHECK(r.error().message.find(cv::protocol::lower_hex(pinned.fingerprint)) != std::string::npos);
  CHECK(c.pin_failed());
  spin(200);
  CHECK(srv.frames.empty());
  // Later calls fail at once, without connecting again.
  const int connections = srv.connections;
  auto again = c.call(MessageType::get_poll, poll_body(), 10s);
  REQUIRE_FALSE(again);
  CHECK(again.error().check == "tls_pin");
  spin(100);
  CHECK(srv.frames.empty());
  CHECK(srv.connections == connections);
  CHECK(c.open_blocking(1s).error().check == "tls_pin");
}

TEST_CASE("Connection: answers are matched to requests by id, not by arrival", "[connection]") {
  FakeServer srv(nullptr);
  std::vector<std::pair<QWebSocket *, Seen>> held;
  srv.handler = [&](FakeServer &, QWebSocket *s, const Seen &seen) {
    held.emplace_back(s, seen);
    if (held.size() < 3) return;
    for (auto it = held.rbegin(); it != held.rend(); ++it) // answer in reverse order
      FakeServer::reply_ok(it->first, it->second.request.id, it->second.body);
  };
  auto c = plain_connection(srv);
  std::map<std::string, std::string> got;
  for (const char *p : {"poll-a", "poll-b", "poll-c"})
    c.request(MessageType::get_poll, poll_body(p), [&got, p](cv::protocol::Result<QJsonObject> r) {
      CHECK(r); // no REQUIRE inside the event loop
      got[p] = r ? r->value("poll").toString().toStdString() : std::string("error");
    });
  (void)cv::tools::spin_until([&] { return got.size() == 3; }, 5000);
  REQUIRE(got.size() == 3);
  CHECK(got["poll-a"] == "poll-a");
  CHECK(got["poll-b"] == "poll-b");
  CHECK(got["poll-c"] == "poll-c");
  CHECK(c.connects() == 1);
}

TEST_CASE("Connection: a server error reaches its caller, an error with id null goes to the oldest request",
          "[connection]") {
  FakeServer srv(nullptr);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &seen) {
    if (seen.request.type == MessageType::get_poll)
      FakeServer::reply_error(s, seen.request.id, cv::protocol::make_error(ErrorCode::wrong_poll, "no poll"));
    else
      FakeServer::reply_error(s, std::nullopt,
                              cv::protocol::make_error(ErrorCode::rate_limited, "slow down"));
  };
  auto c = plain_connection(srv);
  auto r = c.call(MessageType::get_poll, poll_body(), 5s);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::wrong_poll);
  CHECK(r.error().message == "no poll");
  auto t = c.call(MessageType::turnout, poll_body(), 5s);
  REQUIRE_FALSE(t);
  CHECK(t.error().code == ErrorCode::rate_limited);
}

TEST_CASE("Connection: pushes are delivered as signals", "[connection]") {
  FakeServer srv(nullptr);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &seen) {
    QJsonObject body{{"poll", "poll-1"}, {"ballots", 3}};
    FakeServer::push(s, cv::protocol::PushType::turnout, body);
    FakeServer::reply_ok(s, seen.request.id, {});
  };
  auto c = plain_connection(srv);
  std::vector<std::pair<cv::protocol::PushType, QJsonObject>> pushes;
  QObject::connect(&c, &Connection::push_received,
                   [&](cv::protocol::PushType t, const QJsonObject &b) { pushes.emplace_back(t, b); });
  REQUIRE(c.call(MessageType::turnout, poll_body(), 5s));
  REQUIRE(pushes.size() == 1);
  CHECK(pushes[0].first == cv::protocol::PushType::turnout);
  CHECK(pushes[0].second.value("ballots").toInt() == 3);
}

TEST_CASE("Connection: after a lost connection the ballot is resent, same bytes, fresh nonce and time",
          "[connection][reconnect]") {
  const auto tls = make_tls();
  FakeServer srv(&tls);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &seen) {
    if (seen.connection == 1) {
      s->abort(); // the connection dies before the answer
      return;
    }
    FakeServer::reply_ok(s, seen.request.id, QJsonObject{{"n", seen.connection}});
  };
  ConnectionOptions o;
  o.reconnect_delay = 20ms;
  std::uint64_t clock = 1'750'000'000'000;
  o.clock = [&clock] { return clock += 1000; };
  Connection c(make_bundle("127.0.0.1", srv.port(), tls.fingerprint, test_key("server")), test_key("member"),
               o);
  const QJsonObject body{{"poll", "poll-1"}, {"ballot", "0102030405"}};
  auto r = c.call(MessageType::cast_ballot, body, 10s);
  REQUIRE(r);
  CHECK(r->value("n").toInt() == 2);
  REQUIRE(srv.seen.size() == 2);
  CHECK(srv.bad_signatures == 0);
  CHECK(srv.seen[0].request.body == srv.seen[1].request.body);
  CHECK(srv.seen[0].request.nonce != srv.seen[1].request.nonce);
  CHECK(srv.seen[0].request.time_ms < srv.seen[1].request.time_ms);
  CHECK(srv.seen[1].connection == 2);
  CHECK(c.connects() == 2);
  CHECK(c.resends() == 1);
}

TEST_CASE("Connection: an unanswered request counts as a lost connection after response_timeout",
          "[connection][reconnect]") {
  FakeServer srv(nullptr);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &seen) {
    if (seen.connection > 1) FakeServer::reply_ok(s, seen.request.id, {});
  };
  auto o = plain();
  o.response_timeout = 300ms;
  auto c = plain_connection(srv, o);
  REQUIRE(c.call(MessageType::get_board, QJsonObject{{"from_seq", 1}, {"limit", 10}}, 10s));
  CHECK(srv.seen.size() == 2);
  CHECK(c.connects() == 2);
}

TEST_CASE("Connection: a request that is not safe to repeat is not resent, its outcome is reported unknown",
          "[connection][reconnect]") {
  FakeServer srv(nullptr);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &) { s->abort(); };
  auto c = plain_connection(srv);
  auto r = c.call(MessageType::open_poll, QJsonObject{{"poll", "poll-1"}}, 5s);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::internal);
  CHECK(r.error().check == "connection_lost");
  spin(300);
  CHECK(srv.seen.size() == 1);
  CHECK(cv::client::safe_to_resend(MessageType::cast_ballot));
  CHECK(cv::client::safe_to_resend(MessageType::post_partial_decryption));
  CHECK_FALSE(cv::client::safe_to_resend(MessageType::close_poll));
}

TEST_CASE("Connection: timeouts, unreachable servers and the plaintext restriction", "[connection]") {
  SECTION("no answer within the call's timeout") {
    FakeServer srv(nullptr);
    srv.handler = [](FakeServer &, QWebSocket *, const Seen &) {};
    auto c = plain_connection(srv);
    auto r = c.call(MessageType::get_poll, poll_body(), 300ms);
    REQUIRE_FALSE(r);
    CHECK(r.error().check == "timeout");
  }
  SECTION("nobody listening: fails after the reconnect attempts") {
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const auto port = static_cast<std::uint16_t>(probe.serverPort());
    probe.close();
    auto o = plain();
    o.max_reconnect_attempts = 2;
    Connection c(make_bundle("127.0.0.1", port, {}, test_key("server")), test_key("member"), o);
    auto r = c.call(MessageType::get_poll, poll_body(), 10s);
    REQUIRE_FALSE(r);
    CHECK(r.error().check == "connect");
    CHECK_FALSE(c.open_blocking(2s));
  }
  SECTION("ws:// only to loopback") {
    Connection c(make_bundle("192.0.2.7", 8443, {}, test_key("server")), test_key("member"), plain());
    auto r = c.call(MessageType::get_poll, poll_body(), 5s);
    REQUIRE_FALSE(r);
    CHECK(r.error().check == "connect");
    CHECK(r.error().message.find("loopback") != std::string::npos);
  }
}

TEST_CASE("Connection: an undecodable answer fails its request", "[connection]") {
  FakeServer srv(nullptr);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &seen) {
    s->sendTextMessage(QStringLiteral(R"({"v":1,"id":"%1","ok":true,"body":{},"extra":1})")
                           .arg(QString::fromStdString(seen.request.id.str())));
  };
  auto c = plain_connection(srv);
  auto r = c.call(MessageType::get_poll, poll_body(), 5s);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::inconsistent_data);
  CHECK(r.error().check == "response");
}
