// docs/wire.md and the code cannot drift apart silently: every name the code knows is in the spec.
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "councilvote/protocol/statements.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace cv::protocol;

namespace {

std::string wire_md() {
  std::ifstream in(std::string(CV_DOCS_DIR) + "/wire.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool mentions(const std::string &doc, std::string_view name) {
  return doc.find("`" + std::string(name) + "`") != std::string::npos;
}

} // namespace

TEST_CASE("docs: wire.md names every error code, message type, push and board kind", "[docs]") {
  auto doc = wire_md();
  REQUIRE_FALSE(doc.empty());
  for (int i = 0; i < kErrorCodeCount; ++i) {
    auto n = error_code_name(static_cast<ErrorCode>(i));
    INFO(n);
    CHECK(mentions(doc, n));
    CHECK(doc.find("| `" + std::string(n) + "` |") != std::string::npos); // a row of the table
  }
  for (auto t : all_message_types()) {
    INFO(message_type_name(t));
    CHECK(doc.find("### `" + std::string(message_type_name(t)) + "`") != std::string::npos);
  }
  for (auto p : all_push_types()) {
    INFO(push_type_name(p));
    CHECK(mentions(doc, push_type_name(p)));
  }
  for (int k = 0; k < 8; ++k) {
    auto n = board_entry_kind_name(static_cast<BoardEntryKind>(k));
    INFO(n);
    CHECK(mentions(doc, n));
  }
  for (auto tag : {kRequestTag, kReceiptTag, kCheckpointTag, kRecordTag, kRecordDigestTag, kBoardEntryTag}) {
    INFO(tag);
    CHECK(mentions(doc, tag));
  }
}

namespace {

// The first code block after `<!-- example:NAME -->`.
std::string example(const std::string &doc, const std::string &name) {
  auto at = doc.find("<!-- example:" + name + " -->");
  REQUIRE(at != std::string::npos);
  auto open = doc.find("```", at);
  auto line = doc.find('\n', open);
  auto close = doc.find("\n```", line);
  REQUIRE(close != std::string::npos);
  return doc.substr(line + 1, close - line - 1);
}

cv::crypto::SigningKey key_from(std::uint8_t first) {
  cv::crypto::Bytes seed(32);
  for (std::size_t i = 0; i < 32; ++i) seed[i] = static_cast<std::uint8_t>(first + i);
  return cv::crypto::SigningKey::from_seed(seed);
}

} // namespace

TEST_CASE("docs: the examples of wire.md §11 are exactly what the code produces", "[docs]") {
  auto doc = wire_md();
  REQUIRE_FALSE(doc.empty());
  auto member = key_from(0x01), server = key_from(0xa0);
  auto meeting = *MeetingId::parse("vinhlong-2025-06");
  auto poll = *PollId::parse("poll-1");

  Request r;
  r.id = *RequestId::parse("r-17");
  r.type = MessageType::get_poll;
  r.meeting = meeting;
  for (std::size_t i = 0; i < 16; ++i) r.nonce[i] = static_cast<std::uint8_t>(i);
  r.time_ms = 1750000000000;
  r.body = to_json(PollRef{poll}.to_json());
  sign_request(r, member);
  CHECK(example(doc, "request-message") == lower_hex(request_signed_message(r)));
  CHECK(example(doc, "request") == encode_request(r));
  auto decoded = decode_request(example(doc, "request"));
  REQUIRE(decoded);
  CHECK(verify_request_signature(*decoded));

  Receipt rc;
  rc.meeting = meeting;
  rc.poll = poll;
  for (std::size_t i = 0; i < 32; ++i) {
    rc.tracking_code[i] = static_cast<std::uint8_t>(0x10 + i);
    rc.board_head[i] = static_cast<std::uint8_t>(0x80 + i);
  }
  rc.board_seq = 37;
  rc.server_time_ms = 1750000001234;
  CHECK(format_utc_ms(rc.server_time_ms) == "2025-06-15T15:06:41.234Z");
  sign_receipt(rc, server);
  CHECK(example(doc, "receipt") == encode_ok(r.id, CastBallotResponse{rc}.to_json()));
  auto msg = decode_server_message(example(doc, "receipt"));
  REQUIRE(msg);
  auto body = CastBallotResponse::from_json(std::get<Response>(*msg).body);
  REQUIRE(body);
  CHECK(verify_receipt(body->receipt, server.public_key));

  ByteArray<32> fp{};
  for (std::size_t i = 0; i < 32; ++i) fp[i] = static_cast<std::uint8_t>(0x30 + i);
  auto b = make_enrollment_bundle(meeting, *ServerAddress::parse("192.168.10.2:8443"), fp, server);
  CHECK(example(doc, "bundle-json") == encode_bundle_json(b));
  CHECK(example(doc, "bundle-compact") == encode_bundle_compact(b));
  CHECK(doc.find("<!-- example:bundle-code --> `" + bundle_code(b) + "`") != std::string::npos);
  CHECK(decode_bundle(example(doc, "bundle-compact")));
}
