// WsServer, docs/wire.md §4.4 steps 3-9: every envelope error is answered with its code (and the
// request's id once it could be read), the handler is never called for it, and the server goes on
// serving other clients.
#include "councilvote/protocol/json.hpp"
#include "test_ws_fixture.hpp"

#include <catch2/catch.hpp>

using namespace cv;
using namespace cv::test;
using protocol::ErrorCode;
using protocol::MessageType;

TEST_CASE("ws: a valid request reaches the handler and is answered with its id", "[ws]") {
  WsFixture f;
  auto c = f.client();
  auto r = c->request(f.request(MessageType::open_poll, f.keys.secretary, {{"poll", "poll-1"}}, "r-7"));
  REQUIRE(r);
  INFO(r->error.message);
  REQUIRE(r->ok);
  REQUIRE(r->id);
  CHECK(r->id->str() == "r-7");
  CHECK(r->body.value("type").toString() == "open_poll");
  CHECK(r->body.value("echo").toObject().value("poll").toString() == "poll-1");
  REQUIRE(f.handler.calls.size() == 1);
  CHECK(f.handler.calls[0] == MessageType::open_poll);
  CHECK(f.server->counters().requests_ok == 1);
  CHECK(f.server->counters().handler_calls == 1);
}

TEST_CASE("ws: requests of one connection are answered in order", "[ws]") {
  WsFixture f;
  auto c = f.client();
  for (int i = 0; i < 10; ++i)
    c->send_text(protocol::encode_request(
        f.request(MessageType::get_poll, f.keys.member, {{"poll", "poll-1"}}, "r-" + std::to_string(i))));
  for (int i = 0; i < 10; ++i) {
    auto r = c->next_response();
    REQUIRE(r);
    CHECK(r->ok);
    REQUIRE(r->id);
    CHECK(r->id->str() == "r-" + std::to_string(i));
  }
  CHECK(f.handler.calls.size() == 10);
}

TEST_CASE("ws: E_MALFORMED_JSON for text that is not JSON, id null", "[ws]") {
  WsFixture f;
  auto c = f.client();
  for (const char *garbage : {"not json", "{", "[1,2]", "{\"v\":1,\"v\":1}", "", "\"str\""}) {
    INFO(garbage);
    require_error(c->send_and_wait(garbage), ErrorCode::malformed_json, "");
  }
  CHECK(f.handler.calls.empty());
  CHECK(c->is_connected());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_MALFORMED_JSON for a binary message, id null", "[ws]") {
  WsFixture f;
  auto c = f.client();
  const auto valid = protocol::encode_request(f.request(MessageType::get_poll, f.keys.member));
  c->send_binary(QByteArray::fromStdString(valid)); // even a valid request, sent as binary
  require_error(c->next_response(), ErrorCode::malformed_json, "");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_MALFORMED_JSON with field body for a body that is not an object", "[ws]") {
  WsFixture f;
  auto c = f.client();
  auto r = f.request(MessageType::get_poll, f.keys.member);
  r.body = "[1]";
  protocol::sign_request(r, f.keys.member);
  auto answer = c->request(r);
  require_error(answer, ErrorCode::malformed_json, "r-1");
  CHECK(answer->error.field == "body");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_UNSUPPORTED_VERSION", "[ws]") {
  WsFixture f;
  auto c = f.client();
  const auto r = f.request(MessageType::get_poll, f.keys.member);
  auto answer = c->send_and_wait(edited(r, [](QJsonObject &o) { o.insert("v", 2); }));
  REQUIRE(answer);
  REQUIRE_FALSE(answer->ok);
  CHECK(answer->error.code == ErrorCode::unsupported_version);
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_MISSING_FIELD names the field and echoes the id", "[ws]") {
  WsFixture f;
  auto c = f.client();
  const auto r = f.request(MessageType::get_poll, f.keys.member);
  auto answer = c->send_and_wait(edited(r, [](QJsonObject &o) { o.remove("nonce"); }));
  require_error(answer, ErrorCode::missing_field, "r-1");
  CHECK(answer->error.field == "nonce");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_UNKNOWN_TYPE", "[ws]") {
  WsFixture f;
  auto c = f.client();
  const auto r = f.request(MessageType::get_poll, f.keys.member);
  require_error(c->send_and_wait(edited(r, [](QJsonObject &o) { o.insert("type", "frobnicate"); })),
                ErrorCode::unknown_type, "r-1");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_WRONG_MEETING for a correctly signed request for another meeting", "[ws]") {
  WsFixture f;
  auto c = f.client();
  const auto r = protocol::make_request(protocol::RequestId::parse("r-1").value(), MessageType::get_poll,
                                        protocol::MeetingId::parse("other-meeting").value(), {},
                                        f.keys.member, static_cast<std::uint64_t>(f.now_ms));
  require_error(c->request(r), ErrorCode::wrong_meeting, "r-1");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_BAD_SIGNATURE for a tampered body or signature", "[ws]") {
  WsFixture f;
  auto c = f.client();
  auto r = f.request(MessageType::get_poll, f.keys.member, {{"poll", "poll-1"}});
  auto tampered = r;
  tampered.body = R"({"poll":"poll-2"})";
  require_error(c->request(tampered), ErrorCode::bad_signature, "r-1");
  r.sig[5] ^= 0x01;
  require_error(c->request(r), ErrorCode::bad_signature, "r-1");
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_STALE_REQUEST outside the clock window, in both directions", "[ws]") {
  WsFixture f;
  auto c = f.client();
  for (std::int64_t offset : {-120'001, 120'001}) {
    const auto r = protocol::make_request(protocol::RequestId::parse("r-1").value(), MessageType::get_poll,
                                          f.handler.meeting_id(), {}, f.keys.member,
                                          static_cast<std::uint64_t>(f.now_ms + offset));
    require_error(c->request(r), ErrorCode::stale_request, "r-1");
  }
  CHECK(f.handler.calls.empty());
  CHECK(f.still_serves());
}

TEST_CASE("ws: E_REPLAYED_REQUEST for the same request twice, also on another connection", "[ws]") {
  WsFixture f;
  auto c = f.client();
  const auto text = protocol::encode_request(f.request(MessageType::get_poll, f.keys.member));
  auto first = c->send_and_wait(text);
  REQUIRE(first);
  CHECK(first->ok);
  require_error(c->send_and_wait(text), ErrorCode::replayed_request, "r-1");
  auto other = f.client();
  require_error(other->send_and_wait(text), ErrorCode::replayed_request, "r-1");
  CHECK(f.handler.calls.size() == 1);
  CHECK(f.still_serves());
}

TEST_CASE("ws: mutated requests are each answered once and never crash the server", "[ws]") {
  WsFixture f([](server::ServerOptions &o) { o.limits.per_connection = {100'000, 100'000}; });
  auto c = f.client();
  const auto text =
      protocol::encode_request(f.request(MessageType::get_poll, f.keys.member, {{"poll", "poll-1"}}));
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1'103'515'245u + 12'345u;
    return state >> 8;
  };
  constexpr int kMessages = 300;
  for (int i = 0; i < kMessages; ++i) {
    std::string m = text;
    const auto flips = 1 + next() % 4;
    for (std::uint32_t k = 0; k < flips; ++k) {
      auto &ch = m[next() % m.size()];
      ch = static_cast<char>("{}[]\":,0a\\ x"[next() % 12]);
    }
    c->send_text(m);
  }
  int answers = 0;
  while (c->next_response(2000)) ++answers;
  CHECK(answers == kMessages);
  CHECK(c->undecodable().empty());
  CHECK(f.handler.calls.size() <= 1); // one nonce: at most one of them can be accepted
  CHECK(f.still_serves());
}
