// WsServer, docs/wire.md §5.3: the handler's pushes reach every connection that has passed step 11
// at least once, after the answer, and no other; a failed request pushes nothing.
#include "test_ws_fixture.hpp"

#include <catch2/catch.hpp>

using namespace cv;
using namespace cv::test;
using protocol::ErrorCode;
using protocol::MessageType;
using protocol::PushType;

TEST_CASE("ws: pushes reach the connections that passed step 11, and only those", "[ws]") {
  WsFixture f;
  auto secretary = f.client();
  auto reader = f.client();  // passes step 11 with an 'anyone' operation from an unregistered key
  auto silent = f.client();  // sends nothing
  auto refused = f.client(); // fails step 11
  auto garbled = f.client(); // fails before step 11
  auto r = reader->request(f.request(MessageType::get_poll, f.keys.stranger, {{"poll", "poll-1"}}));
  REQUIRE(r);
  CHECK(r->ok);
  require_error(refused->request(f.request(MessageType::open_poll, f.keys.stranger)), ErrorCode::unknown_key,
                "r-1");
  require_error(garbled->send_and_wait("{}"), ErrorCode::missing_field, "");

  f.handler.pushes = {protocol::Push{PushType::poll_opened, {{"poll", "poll-1"}, {"status", "open"}}}};
  auto opened = secretary->request(f.request(MessageType::open_poll, f.keys.secretary, {{"poll", "poll-1"}}));
  REQUIRE(opened);
  CHECK(opened->ok);
  // The answer comes first, then the push.
  auto own = secretary->next_push();
  REQUIRE(own);
  CHECK(own->type == PushType::poll_opened);
  CHECK(own->body.value("poll").toString() == "poll-1");
  REQUIRE(secretary->raw_messages().size() == 2);
  CHECK(secretary->raw_messages()[0].find("\"ok\":true") != std::string::npos);
  auto seen = reader->next_push();
  REQUIRE(seen);
  CHECK(seen->type == PushType::poll_opened);

  silent->idle(150);
  CHECK(silent->queued_pushes() == 0);
  CHECK(refused->queued_pushes() == 0);
  CHECK(garbled->queued_pushes() == 0);
  CHECK(silent->raw_messages().empty());
  CHECK(f.server->counters().pushes_sent == 2);
}

TEST_CASE("ws: a failed operation pushes nothing", "[ws]") {
  WsFixture f;
  auto secretary = f.client();
  auto reader = f.client();
  REQUIRE(reader->request(f.request(MessageType::get_poll, f.keys.member))->ok);
  f.handler.pushes = {protocol::Push{PushType::poll_closed, {{"poll", "poll-1"}}}};
  f.handler.fail_with = protocol::make_error(ErrorCode::wrong_state, "the poll is not open");
  require_error(secretary->request(f.request(MessageType::close_poll, f.keys.secretary)),
                ErrorCode::wrong_state, "r-1");
  reader->idle(150);
  CHECK(reader->queued_pushes() == 0);
  CHECK(secretary->queued_pushes() == 0);
  CHECK(f.server->counters().pushes_sent == 0);
}

TEST_CASE("ws: the request callback reports every answer", "[ws]") {
  WsFixture f;
  std::vector<server::RequestEvent> events;
  f.server->set_request_callback([&](const server::RequestEvent &e) { events.push_back(e); });
  auto c = f.client();
  REQUIRE(c->request(f.request(MessageType::get_poll, f.keys.member, {}, "r-1"))->ok);
  require_error(c->request(f.request(MessageType::open_poll, f.keys.member, {}, "r-2")), ErrorCode::forbidden,
                "r-2");
  require_error(c->send_and_wait("nope"), ErrorCode::malformed_json, "");
  REQUIRE(events.size() == 3);
  CHECK(events[0].ok());
  CHECK(events[0].type == MessageType::get_poll);
  CHECK(events[1].error == ErrorCode::forbidden);
  CHECK(events[1].type == MessageType::open_poll);
  CHECK(events[2].error == ErrorCode::malformed_json);
  CHECK_FALSE(events[2].type.has_value());
}
