// WsServer, docs/wire.md §1 and §10: message size (E_FRAME_TOO_LARGE, close 1009), the connection
// limit, liveness (ping/pong), pinning, plaintext only on loopback, and garbage on the wire.
#include "test_ws_fixture.hpp"

#include <QSslSocket>
#include <QWebSocketProtocol>
#include <catch2/catch.hpp>
#include <chrono>

using namespace cv;
using namespace cv::test;
using namespace std::chrono_literals;
using protocol::ErrorCode;
using protocol::MessageType;

namespace {

// A WebSocket peer written by hand over TLS: it upgrades, then sends whatever it is told and never
// answers a ping.
struct RawPeer {
  QSslSocket socket;
  QByteArray received;
  bool closed = false;

  explicit RawPeer(quint16 port) {
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [this](const QList<QSslError> &e) { socket.ignoreSslErrors(e); });
    QObject::connect(&socket, &QIODevice::readyRead, &socket, [this] { received += socket.readAll(); });
    QObject::connect(&socket, &QAbstractSocket::disconnected, &socket, [this] { closed = true; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
  }
  bool upgrade(quint16 port) {
    if (!wait_for([this] { return socket.isEncrypted() || closed; }, 5000) || closed) return false;
    socket.write(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n");
    return wait_for([this] { return received.contains("\r\n\r\n") || closed; }, 5000) &&
           received.startsWith("HTTP/1.1 101");
  }
};

std::string big_text(std::size_t n) { return std::string(n, 'x'); }

} // namespace

TEST_CASE("ws: E_FRAME_TOO_LARGE (id null) then close 1009", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.json.max_bytes = 4096; });
  auto c = f.client();
  require_error(c->send_and_wait(big_text(5000)), ErrorCode::frame_too_large, "");
  REQUIRE(c->wait_disconnected());
  CHECK(c->close_code() == QWebSocketProtocol::CloseCodeTooMuchData);
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: the size limit counts a message sent in several frames", "[ws]") {
  // Qt sends messages in frames of 512 KiB: 1.1 MB is three frames, the second crosses the limit
  // while it arrives.
  WsFixture f([](server::ServerOptions &o) { o.limits.json.max_bytes = 600'000; });
  auto c = f.client();
  require_error(c->send_and_wait(big_text(1'100'000)), ErrorCode::frame_too_large, "");
  REQUIRE(c->wait_disconnected());
  CHECK(c->close_code() == QWebSocketProtocol::CloseCodeTooMuchData);
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: a message far over the limit is closed with 1009 and changes nothing", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.json.max_bytes = 4096; });
  auto c = f.client();
  c->send_text(big_text(200'000)); // one frame over the limit: refused by its header, before it is read
  REQUIRE(c->wait_disconnected());
  CHECK(c->close_code() == QWebSocketProtocol::CloseCodeTooMuchData);
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: a message at the size limit is read", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.json.max_bytes = 4096; });
  auto c = f.client();
  auto r = f.request(MessageType::get_poll, f.keys.member);
  auto text = protocol::encode_request(r);
  text.insert(1, std::string(4096 - text.size(), ' ')); // whitespace is allowed between tokens
  REQUIRE(text.size() == 4096);
  auto answer = c->send_and_wait(text);
  REQUIRE(answer);
  INFO(answer->error.message);
  CHECK(answer->ok);
}

TEST_CASE("ws: beyond max_connections the handshake is refused, a freed slot is reused", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.max_connections = 2; });
  auto a = f.client();
  auto b = f.client();
  WsTestClient refused(f.pin);
  CHECK_FALSE(refused.connect(f.port()));
  INFO(refused.error_string().toStdString());
  CHECK(refused.error_string().contains(QStringLiteral("503")));
  CHECK(f.server->counters().connections_refused == 1);
  CHECK(f.handler.calls.empty());
  a->socket().close();
  REQUIRE(a->wait_disconnected());
  REQUIRE(wait_for([&] { return f.server->socket_count() < 2; }, 5000));
  auto d = f.client();
  auto r = d->request(f.request(MessageType::get_poll, f.keys.member));
  REQUIRE(r);
  CHECK(r->ok);
}

TEST_CASE("ws: a client that answers pings stays, a silent one is dropped", "[ws]") {
  WsFixture f([](server::ServerOptions &o) {
    o.ping_interval = 50ms;
    o.pong_timeout = 300ms;
  });
  auto c = f.client();
  RawPeer silent(f.port());
  REQUIRE(silent.upgrade(f.port()));
  REQUIRE(wait_for([&] { return silent.closed; }, 3000));
  c->idle(100);
  CHECK(c->is_connected()); // Qt answers pings by itself
  auto r = c->request(f.request(MessageType::get_poll, f.keys.member));
  REQUIRE(r);
  CHECK(r->ok);
}

TEST_CASE("ws: garbage frames close only their own connection", "[ws]") {
  WsFixture f;
  auto c = f.client();
  for (const QByteArray &junk :
       {QByteArray(64, '\xff'), QByteArray(3, '\0'), QByteArray("\x8f\x80\x00\x00\x00\x00", 6)}) {
    RawPeer peer(f.port());
    REQUIRE(peer.upgrade(f.port()));
    peer.socket.write(junk);
    INFO(junk.toHex().toStdString());
    CHECK(wait_for([&] { return peer.closed; }, 7000));
  }
  {
    // A client's frame must be masked (RFC 6455 §5.1): the server's frame reader closes with 1002.
    RawPeer peer(f.port());
    REQUIRE(peer.upgrade(f.port()));
    peer.socket.write(QByteArray("\x81\x05hello", 7));
    CHECK(wait_for([&] { return peer.received.contains("E_MALFORMED_JSON") || peer.closed; }, 5000));
  }
  CHECK(f.handler.calls.empty());
  auto r = c->request(f.request(MessageType::get_poll, f.keys.member));
  REQUIRE(r);
  CHECK(r->ok);
  CHECK(f.still_serves());
}

TEST_CASE("ws: a peer that does not finish its handshakes in time is dropped", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.handshake_timeout = 200ms; });
  RawPeer tls_only(f.port()); // finishes TLS, never sends the HTTP upgrade
  REQUIRE(wait_for([&] { return tls_only.socket.isEncrypted(); }, 5000));
  CHECK(wait_for([&] { return tls_only.closed; }, 3000));
  QTcpSocket plain; // never starts TLS
  bool plain_closed = false;
  QObject::connect(&plain, &QAbstractSocket::disconnected, &plain, [&] { plain_closed = true; });
  plain.connectToHost(QStringLiteral("127.0.0.1"), f.port());
  CHECK(wait_for([&] { return plain_closed; }, 3000));
  REQUIRE(wait_for([&] { return f.server->socket_count() == 0; }, 3000));
  CHECK(f.still_serves());
}

TEST_CASE("ws: a client with another pin refuses the server", "[ws]") {
  WsFixture f;
  WsTestClient c(QByteArray(32, '\x01'));
  CHECK_FALSE(c.connect(f.port()));
  CHECK(c.pin_rejected());
}

TEST_CASE("ws: close() sends 1001 to every client", "[ws]") {
  WsFixture f;
  auto c = f.client();
  f.server->close();
  REQUIRE(c->wait_disconnected());
  CHECK(c->close_code() == QWebSocketProtocol::CloseCodeGoingAway);
}

TEST_CASE("ws: plaintext mode listens only on loopback", "[ws]") {
  FakeHandler handler;
  server::WsServer s(handler, server::PlaintextLoopbackForTests{});
  CHECK_FALSE(s.listen(QHostAddress::Any, 0));
  REQUIRE(s.listen(QHostAddress::LocalHost, 0));
  WsTestClient c;
  REQUIRE(c.connect(s.server_port(), 5000, true));
  auto key = crypto::SigningKey::generate();
  auto r = c.request(protocol::make_request(protocol::RequestId::parse("r-1").value(), MessageType::get_poll,
                                            handler.meeting_id(), {}, key,
                                            static_cast<std::uint64_t>(protocol::system_time_ms())));
  REQUIRE(r);
  CHECK(r->ok);
}
