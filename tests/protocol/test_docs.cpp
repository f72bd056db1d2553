// docs/wire.md and the code cannot drift apart silently: every name the code knows is in the spec.
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "councilvote/protocol/messages.hpp"
#include "councilvote/protocol/statements.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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
  for (const auto &[kind, n] : cv::record::EnumNames<BoardEntryKind>::table) {
    INFO(n);
    CHECK(doc.find("| `" + std::string(n) + "` |") != std::string::npos); // a row of §7.2
  }
  for (auto tag : {kRequestTag, kReceiptTag, kCheckpointTag, kRecordTag, kRecordDigestTag, kBoardEntryTag,
                   cv::record::kChairDecisionTag}) {
    INFO(tag);
    CHECK(mentions(doc, tag));
  }
}

namespace {

// The text of a numbered section ("## 8." up to the next "## ").
std::string section(const std::string &doc, const std::string &heading) {
  auto at = doc.find("\n" + heading);
  REQUIRE(at != std::string::npos);
  auto end = doc.find("\n## ", at + 1);
  return doc.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::vector<std::string> lines_of(const std::string &text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

// The cells of a Markdown table row "| a | b |" (trimmed), or nothing for another line.
std::vector<std::string> cells(const std::string &line) {
  std::vector<std::string> out;
  if (!line.starts_with("| ")) return out;
  std::size_t at = 1;
  for (auto bar = line.find('|', at); bar != std::string::npos; at = bar + 1, bar = line.find('|', at)) {
    auto cell = line.substr(at, bar - at);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    out.push_back(cell);
  }
  return out;
}

// "`name`" -> "name"; anything else -> "".
std::string code_span(const std::string &cell) {
  if (cell.size() < 3 || cell.front() != '`' || cell.back() != '`') return {};
  auto inner = cell.substr(1, cell.size() - 2);
  return inner.find('`') == std::string::npos ? inner : std::string();
}

struct DocOperation {
  std::string role, changes, resent;
};

} // namespace

TEST_CASE("docs: wire.md §8 lists exactly the operations of the message table, with its columns", "[docs]") {
  const auto doc = wire_md();
  REQUIRE_FALSE(doc.empty());
  const auto s8 = section(doc, "## 8. ");
  std::set<std::string> headings;            // "### `name`"
  std::map<std::string, DocOperation> table; // the table of §8.1
  for (const auto &line : lines_of(s8)) {
    if (line.starts_with("### `")) headings.insert(code_span(line.substr(4)));
    auto c = cells(line);
    if (c.size() == 5 && !code_span(c[0]).empty() && c[1] != "role")
      CHECK(table.emplace(code_span(c[0]), DocOperation{c[1], c[2], c[4]}).second);
  }
  CHECK(headings.size() == static_cast<std::size_t>(kMessageTypeCount));
  CHECK(table.size() == static_cast<std::size_t>(kMessageTypeCount));
  // The code's table -> the document.
  std::set<std::string> names;
  for_each_message_type([&](auto tag) {
    using Traits = MessageTraits<decltype(tag)::value>;
    const std::string name(Traits::name);
    INFO(name);
    names.insert(name);
    CHECK(message_type_name(Traits::type) == Traits::name);
    CHECK(writes(Traits::type) == Traits::writes);
    CHECK(resend_safe(Traits::type) == Traits::resend_safe);
    CHECK(audience(Traits::type) == Traits::audience);
    CHECK(headings.contains(name));
    auto row = table.find(name);
    REQUIRE(row != table.end());
    CHECK(row->second.role == audience_name(Traits::audience));
    CHECK((row->second.changes != "—") == Traits::writes);
    CHECK(row->second.resent == (Traits::resend_safe ? "yes" : "no"));
  });
  CHECK(names.size() == all_message_types().size());
  // The document -> the code's table.
  for (const auto &h : headings) {
    INFO("### `" << h << "`");
    CHECK(names.contains(h));
    CHECK(message_type_from_name(h));
  }
  for (const auto &[name, row] : table) {
    INFO("| `" << name << "` |");
    CHECK(names.contains(name));
  }
}

TEST_CASE("docs: wire.md §5.3 lists exactly the pushes of the table, with their bodies", "[docs]") {
  const auto doc = wire_md();
  REQUIRE_FALSE(doc.empty());
  std::map<std::string, std::string> table; // push -> body cell
  const auto s5 = section(doc, "## 5. ");
  for (const auto &line : lines_of(s5.substr(s5.find("### 5.3")))) {
    auto c = cells(line);
    if (c.size() == 3 && !code_span(c[0]).empty()) table.emplace(code_span(c[0]), c[2]);
  }
  CHECK(table.size() == static_cast<std::size_t>(kPushTypeCount));
  std::set<std::string> names;
  for_each_push_type([&](auto tag) {
    using Traits = PushTraits<decltype(tag)::value>;
    const std::string name(Traits::name);
    INFO(name);
    names.insert(name);
    CHECK(push_type_name(Traits::type) == Traits::name);
    auto row = table.find(name);
    REQUIRE(row != table.end());
    // "the `close_poll` response": the push carries that operation's response body type.
    if (row->second.starts_with("the `") && row->second.ends_with("` response")) {
      const auto op = row->second.substr(5, row->second.size() - 5 - 10);
      bool found = false;
      for_each_message_type([&](auto m) {
        using Op = MessageTraits<decltype(m)::value>;
        if (Op::name != op) return;
        found = true;
        CHECK(std::is_same_v<typename Op::Response, typename Traits::Body>);
      });
      CHECK(found);
    }
  });
  for (const auto &[name, body] : table) {
    INFO(name);
    CHECK(names.contains(name));
    CHECK(push_type_from_name(name));
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
