// WsServer, docs/wire.md §10.1: connections before sign-in. The attacks of a peer on the room's LAN
// that holds no key: idle upgraded WebSockets that take every slot, many addresses, messages that
// never end, pipelined large messages (counted per message, §1).
#include "raw_peer.hpp"
#include "test_ws_fixture.hpp"

#include <QWebSocketProtocol>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <vector>

using namespace cv;
using namespace cv::test;
using namespace std::chrono_literals;
using protocol::ErrorCode;
using protocol::MessageType;

namespace {

QHostAddress loopback(int last) { return QHostAddress(QStringLiteral("127.0.0.%1").arg(last)); }

// `n` raw peers from `address` that upgrade and then say nothing; returns them (refused ones too).
std::vector<std::unique_ptr<RawPeer>> idle_peers(quint16 port, int n, const QHostAddress &address) {
  std::vector<std::unique_ptr<RawPeer>> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(std::make_unique<RawPeer>(port, address));
    (void)out.back()->upgrade();
  }
  return out;
}

int upgraded(const std::vector<std::unique_ptr<RawPeer>> &peers) {
  int n = 0;
  for (const auto &p : peers) n += p->upgraded() && !p->closed() ? 1 : 0;
  return n;
}

} // namespace

TEST_CASE("ws: 256 idle WebSockets from one address take 8 slots, a member from another address is served",
          "[ws][admission]") {
  // The attack of the issue: 256 upgraded WebSockets that answer pings and never send a request.
  // The timeout is long enough for 256 TLS handshakes on a loaded machine (sanitizer build).
  WsFixture f([](server::ServerOptions &o) { o.admission.sign_in_timeout = 8000ms; });
  auto idlers = idle_peers(f.port(), 256, loopback(2));
  CHECK(upgraded(idlers) == 8); // max_unauthenticated_per_address
  int refused = 0;
  for (const auto &p : idlers) refused += p->status_line().startsWith("HTTP/1.1 503") ? 1 : 0;
  CHECK(refused == 248);
  CHECK(f.server->unauthenticated_count() == 8);

  // A member on another laptop (127.0.0.1) connects and is served; the idlers are never asked.
  auto member = f.client();
  auto r = member->request(f.request(MessageType::get_poll, f.keys.member));
  REQUIRE(r);
  CHECK(r->ok);
  CHECK(f.handler.calls.size() == 1);

  // After the sign-in timeout every idler is closed with 1008; the signed-in member stays.
  REQUIRE(wait_for([&] { return upgraded(idlers) == 0; }, 20000));
  for (const auto &p : idlers)
    if (p->upgraded()) CHECK(p->close_code() == QWebSocketProtocol::CloseCodePolicyViolated);
  CHECK(f.server->counters().sign_in_timeouts == 8);
  member->idle(300);
  REQUIRE(member->is_connected());
  auto again = member->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-2"));
  REQUIRE(again);
  CHECK(again->ok);
}

TEST_CASE("ws: attackers from many addresses fill only the unauthenticated pool, signed-in members keep "
          "their slots",
          "[ws][admission]") {
  WsFixture f([](server::ServerOptions &o) {
    o.limits.max_connections = 20;
    o.admission.max_unauthenticated = 8;
    o.admission.max_unauthenticated_per_address = 2;
    o.admission.sign_in_timeout = 3000ms;
  });
  // Three registered keys sign in first.
  std::vector<std::unique_ptr<WsTestClient>> signed_in;
  for (const auto *k : {&f.keys.secretary, &f.keys.member, &f.keys.trustee}) {
    signed_in.push_back(f.client());
    auto r = signed_in.back()->request(f.request(MessageType::get_poll, *k));
    REQUIRE(r);
    REQUIRE(r->ok);
  }
  CHECK(f.server->unauthenticated_count() == 0);

  // Twelve idle peers from six addresses: eight get in (the pool), four are refused.
  std::vector<std::unique_ptr<RawPeer>> idlers;
  for (int a = 2; a <= 7; ++a)
    for (auto &p : idle_peers(f.port(), 2, loopback(a))) idlers.push_back(std::move(p));
  CHECK(upgraded(idlers) == 8);
  CHECK(f.server->unauthenticated_count() == 8);
  // A new connection is refused while the pool is full...
  WsTestClient late(f.pin);
  CHECK_FALSE(late.connect(f.port()));
  CHECK(late.error_string().contains(QStringLiteral("503")));
  // ...but the members who signed in are served as before.
  int n = 0;
  for (const auto *k : {&f.keys.secretary, &f.keys.member, &f.keys.trustee}) {
    auto r = signed_in[static_cast<std::size_t>(n)]->request(
        f.request(MessageType::get_poll, *k, {}, "again-" + std::to_string(n)));
    ++n;
    REQUIRE(r);
    CHECK(r->ok);
  }
  // Once the idlers have timed out, a new member gets in and is served.
  REQUIRE(wait_for([&] { return upgraded(idlers) == 0 && f.server->unauthenticated_count() == 0; }, 10000));
  const auto newcomer = crypto::SigningKey::generate();
  f.handler.roles[newcomer.public_key] = {protocol::Role::member};
  auto c = f.client();
  auto r = c->request(f.request(MessageType::get_poll, newcomer));
  REQUIRE(r);
  CHECK(r->ok);
}

TEST_CASE("ws: a key that holds no role keeps its connection while it asks, and loses it when idle",
          "[ws][admission]") {
  WsFixture f([](server::ServerOptions &o) {
    o.admission.sign_in_timeout = 800ms;
    o.admission.anonymous_idle = 1500ms;
  });
  auto auditor = f.client();
  for (int i = 0; i < 7; ++i) { // 2.1 s of asking every 300 ms: past both timeouts
    auto r =
        auditor->request(f.request(MessageType::get_poll, f.keys.stranger, {}, "a-" + std::to_string(i)));
    REQUIRE(r);
    CHECK(r->ok);
    auditor->idle(300);
  }
  CHECK(auditor->is_connected());
  CHECK(f.server->unauthenticated_count() == 1); // an auditor's key is not registered
  REQUIRE(auditor->wait_disconnected(6000));
  CHECK(auditor->close_code() == QWebSocketProtocol::CloseCodePolicyViolated);
  CHECK(f.still_serves());
}

TEST_CASE("ws: ten pipelined messages of 0.95 MiB are each counted on their own and answered",
          "[ws][admission]") {
  // docs/wire.md §1: the size limit applies to each message; before, the frames of all queued
  // messages were added up and the fifth one was refused with E_FRAME_TOO_LARGE.
  WsFixture f;
  auto c = f.client();
  std::vector<std::string> texts;
  for (int i = 0; i < 10; ++i) {
    auto text = protocol::encode_request(
        f.request(MessageType::get_poll, f.keys.member, {}, "p-" + std::to_string(i)));
    text.insert(1, std::string(996'000 - text.size(), ' ')); // whitespace between tokens is allowed
    texts.push_back(std::move(text));
  }
  for (const auto &t : texts) c->send_text(t); // from a fresh connection, before any answer
  for (int i = 0; i < 10; ++i) {
    auto r = c->next_response(20000);
    REQUIRE(r);
    INFO(r->error.message);
    CHECK(r->ok);
    CHECK(r->id->str() == "p-" + std::to_string(i));
  }
  CHECK(f.handler.calls.size() == 10);
  CHECK(c->is_connected());
  CHECK(f.server->unauthenticated_bytes() == 0);
}

TEST_CASE("ws: what peers that have not signed in send is bounded in all, and freed when they go",
          "[ws][admission]") {
  WsFixture f([](server::ServerOptions &o) {
    o.admission.max_unauthenticated = 100;
    o.admission.max_unauthenticated_per_address = 100;
    o.admission.max_unauthenticated_bytes = 4u << 20;
    o.admission.sign_in_timeout = 20s; // the bound, not the timeout, must stop them
  });
  // 24 peers each start a text message with two 512 KiB frames and never finish it.
  const QByteArray chunk(512 * 1024, 'x');
  std::vector<std::unique_ptr<RawPeer>> peers;
  std::uint64_t most = 0;
  for (int i = 0; i < 24; ++i) {
    peers.push_back(std::make_unique<RawPeer>(f.port(), loopback(2 + i % 4)));
    REQUIRE(peers.back()->upgrade());
    peers.back()->send_frame(1, chunk, false);
    peers.back()->send_frame(0, chunk, false);
    peers.back()->flush();
    RawPeer::wait(
        [&] {
          most = std::max(most, f.server->unauthenticated_bytes());
          return false;
        },
        30);
  }
  REQUIRE(wait_for(
      [&] {
        most = std::max(most, f.server->unauthenticated_bytes());
        return f.server->counters().overloads >= 16;
      },
      10000));
  INFO("the most held at once: " << most);
  CHECK(most <= (4u << 20) + 512 * 1024); // the bound, plus the frame that crossed it
  // The peers that crossed it were told why, then closed with 1013 (try again later).
  int told = 0;
  for (auto &p : peers) {
    if (!p->wait_closed(100)) continue;
    CHECK(p->close_code() == 1013);
    if (auto t = p->next_text(10); t && t->find("E_RATE_LIMITED") != std::string::npos) ++told;
  }
  CHECK(told >= 16);
  CHECK(f.handler.calls.empty());
  peers.clear();
  REQUIRE(wait_for([&] { return f.server->unauthenticated_bytes() == 0; }, 5000));
  CHECK(f.still_serves());
}

TEST_CASE("ws: a frame over 1 MiB before signing in is refused by its header, unread", "[ws][admission]") {
  WsFixture f;
  RawPeer p(f.port(), loopback(2));
  REQUIRE(p.upgrade());
  // Only the header of a 3 MiB frame: the server must not wait for (and hold) its payload.
  p.socket().write(QByteArray::fromHex("81ff0000000000300000") + QByteArray::fromHex("12345678"));
  REQUIRE(p.wait_closed(5000));
  CHECK(p.close_code() == QWebSocketProtocol::CloseCodeTooMuchData);
  CHECK(f.server->unauthenticated_bytes() == 0);
  CHECK(f.still_serves());
}

TEST_CASE("ws: a message that starts with a byte-order mark is refused, byte for byte as sent",
          "[ws][admission]") {
  // docs/wire.md §3.1: UTF-8 without a byte-order mark. QWebSocket dropped it before the server saw
  // the message; the server now reads the frames itself.
  WsFixture f;
  RawPeer p(f.port(), loopback(2));
  REQUIRE(p.upgrade());
  const auto text = protocol::encode_request(f.request(MessageType::get_poll, f.keys.member));
  p.send_text(QByteArray("\xEF\xBB\xBF") + QByteArray::fromStdString(text));
  auto answer = p.next_text();
  REQUIRE(answer);
  INFO(*answer);
  CHECK(answer->find("E_MALFORMED_JSON") != std::string::npos);
  CHECK(answer->find("\"id\":null") != std::string::npos);
  CHECK(answer->find("byte-order mark") != std::string::npos);
  CHECK(f.handler.calls.empty());
  // The same request without it, in three fragments with a ping between them, is answered.
  const auto again = QByteArray::fromStdString(
      protocol::encode_request(f.request(MessageType::get_poll, f.keys.member, {}, "r-2")));
  p.send_frame(1, again.left(10), false);
  p.send_frame(9, "are you there", true);
  p.send_frame(0, again.mid(10, 20), false);
  p.send_frame(0, again.mid(30), true);
  auto ok = p.next_text();
  REQUIRE(ok);
  INFO(*ok);
  CHECK(ok->find("\"ok\":true") != std::string::npos);
  CHECK(ok->find("\"id\":\"r-2\"") != std::string::npos);
  CHECK(f.handler.calls.size() == 1);
}

TEST_CASE("ws: the server's frame reader closes on protocol violations and echoes a close",
          "[ws][admission]") {
  WsFixture f;
  struct Case {
    const char *what;
    QByteArray bytes;
    int code;
  };
  const std::vector<Case> cases{
      {"an unmasked frame", QByteArray("\x81\x05hello", 7), 1002},
      {"reserved bits", QByteArray::fromHex("c18012345678"), 1002},
      {"a continuation with no message", QByteArray::fromHex("808012345678"), 1002},
      {"a fragmented ping", QByteArray::fromHex("098012345678"), 1002},
      {"an unknown opcode", QByteArray::fromHex("838012345678"), 1002},
      {"a new message inside a fragmented one",
       QByteArray::fromHex("0180123456788180") + QByteArray("\x12\x34\x56\x78", 4), 1002},
      {"a close with status 1001 (echoed)",
       QByteArray::fromHex("8882") + QByteArray("\x00\x00\x00\x00\x03\xe9", 6), 1001},
      {"a close with status 4000 (answered 1000)",
       QByteArray::fromHex("8882") + QByteArray("\x00\x00\x00\x00\x0f\xa0", 6), 1000},
  };
  for (const auto &c : cases) {
    INFO(c.what);
    RawPeer p(f.port(), loopback(2));
    REQUIRE(p.upgrade());
    p.socket().write(c.bytes);
    REQUIRE(p.wait_closed());
    CHECK(p.close_code() == c.code);
  }
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}
