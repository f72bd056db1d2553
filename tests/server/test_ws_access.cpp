// WsServer, docs/wire.md §4.4 steps 1 and 10-12: rate limits, key binding, connections per key,
// roles. The handler is never called for a refused request and the server goes on serving.
#include "test_ws_fixture.hpp"

#include <QWebSocketProtocol>
#include <catch2/catch.hpp>

using namespace cv;
using namespace cv::test;
using protocol::ErrorCode;
using protocol::MessageType;

TEST_CASE("ws: E_UNKNOWN_KEY for a secretary operation from an unregistered key", "[ws]") {
  WsFixture f;
  auto c = f.client();
  require_error(c->request(f.request(MessageType::open_poll, f.keys.stranger)), ErrorCode::unknown_key,
                "r-1");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_FORBIDDEN for a member calling a secretary operation", "[ws]") {
  WsFixture f;
  auto c = f.client();
  require_error(c->request(f.request(MessageType::open_poll, f.keys.member)), ErrorCode::forbidden, "r-1");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_FORBIDDEN for a second key on a bound connection", "[ws]") {
  WsFixture f;
  auto c = f.client();
  auto first = c->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-1"));
  REQUIRE(first);
  CHECK(first->ok);
  require_error(c->request(f.request(MessageType::get_poll, f.keys.secretary, {}, "r-2")),
                ErrorCode::forbidden, "r-2");
  CHECK(f.handler.calls.size() == 1);
  // The binding stays: the first key still works on this connection.
  auto again = c->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-3"));
  REQUIRE(again);
  CHECK(again->ok);
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_NOT_TRUSTEE for a trustee operation from a member", "[ws]") {
  WsFixture f;
  auto c = f.client();
  require_error(c->request(f.request(MessageType::get_tally, f.keys.member)), ErrorCode::not_trustee, "r-1");
  CHECK(f.handler.calls.empty());
  auto t = f.client();
  auto ok = t->request(f.request(MessageType::get_tally, f.keys.trustee));
  REQUIRE(ok);
  CHECK(ok->ok);
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_RATE_LIMITED per connection (step 1), id null", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.per_connection = {1, 2}; });
  auto c = f.client();
  for (int i = 0; i < 2; ++i) {
    auto r = c->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-" + std::to_string(i)));
    REQUIRE(r);
    CHECK(r->ok);
  }
  require_error(c->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-2")),
                ErrorCode::rate_limited, "");
  require_error(c->send_and_wait("garbage"), ErrorCode::rate_limited, ""); // before any parsing
  CHECK(f.handler.calls.size() == 2);
  f.now_ms += 1000; // the bucket refills
  auto later = c->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-3"));
  REQUIRE(later);
  CHECK(later->ok);
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_RATE_LIMITED per key (step 12) across connections, with the id", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.per_key = {1, 2}; });
  auto a = f.client();
  auto b = f.client();
  for (int i = 0; i < 2; ++i) {
    auto r = a->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-" + std::to_string(i)));
    REQUIRE(r);
    CHECK(r->ok);
  }
  require_error(b->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-2")),
                ErrorCode::rate_limited, "r-2");
  CHECK(f.handler.calls.size() == 2);
  CHECK(f.still_serves()); // another key is not limited
}

TEST_CASE("ws: E_TOO_MANY_CONNECTIONS then close 1008, the slot frees when a connection closes", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.max_connections_per_key = 1; });
  auto a = f.client();
  auto first = a->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-1"));
  REQUIRE(first);
  CHECK(first->ok);
  auto b = f.client();
  require_error(b->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-2")),
                ErrorCode::too_many_connections, "r-2");
  REQUIRE(b->wait_disconnected());
  CHECK(b->close_code() == QWebSocketProtocol::CloseCodePolicyViolated);
  CHECK(f.handler.calls.size() == 1);
  CHECK(a->is_connected());
  CHECK(f.still_serves());

  a->socket().close();
  REQUIRE(a->wait_disconnected());
  a->idle(100); // the server notices the close
  auto c = f.client();
  auto third = c->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-3"));
  REQUIRE(third);
  CHECK(third->ok);
}

TEST_CASE("ws: the handler's own error is passed on with the id", "[ws]") {
  WsFixture f;
  f.handler.fail_with = protocol::make_error(ErrorCode::wrong_state, "no poll is open");
  auto c = f.client();
  auto r = c->request(f.request(MessageType::close_poll, f.keys.secretary, {{"poll", "poll-1"}}, "r-9"));
  require_error(r, ErrorCode::wrong_state, "r-9");
  CHECK(r->error.message == "no poll is open");
  CHECK(f.handler.calls.size() == 1);
}
