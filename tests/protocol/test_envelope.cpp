#include "councilvote/protocol/envelope.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <set>

using namespace cv::protocol;
using namespace cvtest;

namespace {

struct Fixture {
  FakeClock clock;
  MeetingId meeting = meeting_id();
  cv::crypto::SigningKey member = key("member 1");
  cv::crypto::DeterministicRng rng = cv::crypto::DeterministicRng::from_label("envelope");
  ReplayGuard guard{ReplayConfig{}, clock.clock()};
  RequestVerifier verifier{meeting, guard};

  Request request(MessageType type = MessageType::get_poll, QJsonObject body = {{"poll", "poll-1"}}) {
    return make_request(request_id(), type, meeting, body, member, clock.ms(), rng);
  }
  // The encoded request with one top-level field replaced by `raw` JSON text (or removed when
  // raw is empty).
  static std::string with_field(const Request &r, const char *name, const std::string &raw) {
    auto o = *parse_json_object(encode_request(r));
    o.remove(name);
    auto text = to_json(o);
    if (raw.empty()) return text;
    text.pop_back();
    return text + ",\"" + name + "\":" + raw + "}";
  }
};

} // namespace

TEST_CASE("envelope: a signed request round-trips and verifies", "[envelope]") {
  Fixture f;
  auto r = f.request(MessageType::cast_ballot, {{"poll", "poll-1"}, {"ballot", "00"}});
  auto text = encode_request(r);
  auto back = decode_request(text);
  REQUIRE(back);
  CHECK(back->id == r.id);
  CHECK(back->type == MessageType::cast_ballot);
  CHECK(back->meeting == f.meeting);
  CHECK(back->key == f.member.public_key);
  CHECK(back->nonce == r.nonce);
  CHECK(back->time_ms == r.time_ms);
  CHECK(back->body == r.body);
  CHECK(back->sig == r.sig);
  CHECK(verify_request_signature(*back));
  CHECK(encode_request(*back) == text);

  auto accepted = f.verifier.accept(text);
  REQUIRE(accepted);
  CHECK(accepted->body.value("ballot").toString() == "00");
}

TEST_CASE("envelope: every message type round-trips", "[envelope]") {
  Fixture f;
  for (auto t : all_message_types()) {
    INFO(message_type_name(t));
    auto r = f.request(t, {});
    auto back = decode_request(encode_request(r));
    REQUIRE(back);
    CHECK(back->type == t);
    CHECK(message_type_from_name(message_type_name(t)) == t);
    CHECK(verify_request_signature(*back));
  }
  CHECK_FALSE(message_type_from_name("cast_ballots"));
}

TEST_CASE("envelope: the signed message is exactly the documented byte string", "[envelope]") {
  Fixture f;
  Request r;
  r.id = request_id();
  r.type = MessageType::get_poll;
  r.meeting = *MeetingId::parse("m");
  r.key.fill(0x11);
  r.nonce.fill(0x22);
  r.time_ms = 0x0102030405;
  r.body = "{}";
  std::string expected;
  expected += std::string("\x08\x00\x00\x00", 4) + "get_poll";
  expected += std::string("\x01\x00\x00\x00", 4) + "m";
  expected += std::string(32, '\x11');
  expected += std::string(16, '\x22');
  expected += std::string("\x05\x04\x03\x02\x01\x00\x00\x00", 8);
  expected += std::string("\x02\x00\x00\x00", 4) + "{}";
  auto msg = request_signed_message(r);
  CHECK(std::string(msg.begin(), msg.end()) == expected);
  // and the signature is Ed25519 over signing_input("CV/request", msg) (signing sets the key)
  sign_request(r, f.member);
  CHECK(r.key == f.member.public_key);
  msg = request_signed_message(r);
  CHECK(cv::crypto::verify_signature(f.member.public_key, "CV/request", msg, r.sig));
  CHECK_FALSE(cv::crypto::verify_signature(f.member.public_key, "CV/receipt", msg, r.sig));
}

TEST_CASE("envelope: tampering with any signed field is E_BAD_SIGNATURE", "[envelope]") {
  Fixture f;
  auto r = f.request(MessageType::cast_ballot, {{"poll", "poll-1"}, {"ballot", "00"}});
  std::vector<std::pair<const char *, std::function<void(Request &)>>> tampers{
      {"type", [](Request &x) { x.type = MessageType::close_poll; }},
      {"meeting", [](Request &x) { x.meeting = *MeetingId::parse("other"); }},
      {"key", [](Request &x) { x.key = key("someone else").public_key; }},
      {"nonce", [](Request &x) { x.nonce[0] ^= 1; }},
      {"time", [](Request &x) { x.time_ms += 1; }},
      {"body", [](Request &x) { x.body = R"({"poll":"poll-2","ballot":"00"})"; }},
      {"body whitespace", [](Request &x) { x.body = R"({"ballot":"00", "poll":"poll-1"})"; }},
      {"sig", [](Request &x) { x.sig[5] ^= 0x40; }},
  };
  for (const auto &[what, tamper] : tampers) {
    INFO(what);
    auto t = r;
    tamper(t);
    CHECK(code_of(verify_request_signature(t)) == ErrorCode::bad_signature);
    if (std::string_view(what) == "meeting") continue; // caught earlier as E_WRONG_MEETING
    ReplayGuard guard{ReplayConfig{}, f.clock.clock()};
    RequestVerifier v{f.meeting, guard};
    CHECK(code_of(v.accept(encode_request(t))) == ErrorCode::bad_signature);
  }
  // The unsigned "id" may change (it only correlates the response).
  auto t = r;
  t.id = request_id("r2");
  CHECK(verify_request_signature(t));
}

TEST_CASE("envelope: the verifier's checks and their codes", "[envelope]") {
  Fixture f;
  SECTION("wrong meeting") {
    auto r = make_request(request_id(), MessageType::get_poll, *MeetingId::parse("other-meeting"), {},
                          f.member, f.clock.ms(), f.rng);
    auto a = f.verifier.accept(encode_request(r));
    CHECK(code_of(a) == ErrorCode::wrong_meeting);
    CHECK(a.error().field == "meeting");
  }
  SECTION("stale in both directions, fresh at the window's edges") {
    auto window = f.guard.config().window_ms;
    auto at = [&](std::int64_t offset) {
      return encode_request(make_request(request_id(), MessageType::get_poll, f.meeting, {}, f.member,
                                         static_cast<std::uint64_t>(*f.clock.now + offset), f.rng));
    };
    CHECK(code_of(f.verifier.accept(at(-window - 1))) == ErrorCode::stale_request);
    CHECK(code_of(f.verifier.accept(at(window + 1))) == ErrorCode::stale_request);
    CHECK(f.verifier.accept(at(-window)));
    CHECK(f.verifier.accept(at(window)));
  }
  SECTION("replayed") {
    auto text = encode_request(f.request());
    CHECK(f.verifier.accept(text));
    CHECK(code_of(f.verifier.accept(text)) == ErrorCode::replayed_request);
    // a new id does not make it new: (key, nonce) is what counts
    auto r = *decode_request(text);
    r.id = request_id("r9");
    CHECK(code_of(f.verifier.accept(encode_request(r))) == ErrorCode::replayed_request);
  }
  SECTION("a bad signature does not consume the nonce") {
    auto r = f.request();
    auto bad = r;
    bad.sig[0] ^= 1;
    CHECK(code_of(f.verifier.accept(encode_request(bad))) == ErrorCode::bad_signature);
    CHECK(f.verifier.accept(encode_request(r)));
  }
  SECTION("a body that is not a JSON object") {
    auto r = f.request();
    r.body = "[1,2]";
    sign_request(r, f.member);
    auto a = f.verifier.accept(encode_request(r));
    CHECK(code_of(a) == ErrorCode::malformed_json);
    CHECK(a.error().field == "body");
    r.body = "{\"poll\":\"a\",\"poll\":\"b\"}";
    r.nonce[0] ^= 1;
    sign_request(r, f.member);
    CHECK(code_of(f.verifier.accept(encode_request(r))) == ErrorCode::malformed_json);
  }
}

TEST_CASE("envelope: malformed envelopes are rejected with specific codes", "[envelope]") {
  Fixture f;
  auto r = f.request();
  struct Case {
    const char *field;
    std::string raw; // replacement JSON ("" = remove the field)
    ErrorCode code;
  };
  const std::string hex64(64, 'a'), hex32(32, 'b'), hex128(128, 'c');
  std::vector<Case> cases{
      {"v", "", ErrorCode::missing_field},
      {"v", "2", ErrorCode::unsupported_version},
      {"v", "0", ErrorCode::unsupported_version},
      {"v", "\"1\"", ErrorCode::bad_field},
      {"id", "", ErrorCode::missing_field},
      {"id", "7", ErrorCode::bad_field},
      {"id", "\"bad id\"", ErrorCode::bad_field},
      {"id", "null", ErrorCode::bad_field},
      {"type", "", ErrorCode::missing_field},
      {"type", "\"vote\"", ErrorCode::unknown_type},
      {"type", "1", ErrorCode::bad_field},
      {"meeting", "", ErrorCode::missing_field},
      {"meeting", "\"\"", ErrorCode::bad_field},
      {"meeting", "[]", ErrorCode::bad_field},
      {"key", "", ErrorCode::missing_field},
      {"key", "\"" + hex32 + "\"", ErrorCode::bad_field},                // 16 bytes, not 32
      {"key", "\"" + std::string(64, 'A') + "\"", ErrorCode::bad_field}, // upper case
      {"key", "\"" + std::string(63, 'a') + "\"", ErrorCode::bad_field}, // odd length
      {"nonce", "", ErrorCode::missing_field},
      {"nonce", "\"" + hex64 + "\"", ErrorCode::bad_field}, // 32 bytes, not 16
      {"nonce", "\"zz" + std::string(30, '0') + "\"", ErrorCode::bad_field},
      {"time", "", ErrorCode::missing_field},
      {"time", "-1", ErrorCode::bad_field},
      {"time", "\"1750000000000\"", ErrorCode::bad_field},
      {"time", "1.5", ErrorCode::malformed_json},
      {"body", "", ErrorCode::missing_field},
      {"body", "{}", ErrorCode::bad_field}, // an object, not a string
      {"sig", "", ErrorCode::missing_field},
      {"sig", "\"" + hex64 + "\"", ErrorCode::bad_field},
      {"sig", "true", ErrorCode::bad_field},
      {"extra", "1", ErrorCode::unknown_field},
  };
  for (const auto &c : cases) {
    INFO(c.field << " := " << c.raw);
    auto text = Fixture::with_field(r, c.field, c.raw);
    auto d = decode_request(text);
    CHECK(code_of(d) == c.code);
    if (c.code != ErrorCode::malformed_json) CHECK(d.error().field == c.field);
    CHECK(code_of(f.verifier.accept(text)) == c.code);
  }
}

TEST_CASE("envelope: the request id is recovered for the error response when it could be read",
          "[envelope]") {
  Fixture f;
  auto r = f.request();
  std::optional<RequestId> id;
  CHECK(code_of(decode_request(Fixture::with_field(r, "sig", "1"), {}, &id)) == ErrorCode::bad_field);
  REQUIRE(id);
  CHECK(id->str() == "r1");
  std::optional<RequestId> none;
  CHECK(code_of(decode_request("{\"v\":1,\"id\":5}", {}, &none)) == ErrorCode::bad_field);
  CHECK_FALSE(none);
  CHECK(code_of(decode_request("not json", {}, &none)) == ErrorCode::malformed_json);
  CHECK_FALSE(none);
  // an error response with and without an id
  auto e = encode_error(id, make_error(ErrorCode::bad_field, "sig: expected a string"));
  auto resp = decode_server_message(e);
  REQUIRE(resp);
  REQUIRE(std::holds_alternative<Response>(*resp));
  CHECK(std::get<Response>(*resp).id == id);
  auto e2 = decode_server_message(encode_error(std::nullopt, make_error(ErrorCode::malformed_json, "x")));
  REQUIRE(e2);
  CHECK_FALSE(std::get<Response>(*e2).id);
}

TEST_CASE("envelope: oversize frames are refused before parsing", "[envelope]") {
  Fixture f;
  auto r = f.request();
  r.body = "{\"pad\":\"" + std::string(2000, 'x') + "\"}";
  sign_request(r, f.member);
  auto text = encode_request(r);
  CHECK(code_of(decode_request(text, JsonLimits{1000, 32})) == ErrorCode::frame_too_large);
  ReplayGuard guard{ReplayConfig{}, f.clock.clock()};
  RequestVerifier small{f.meeting, guard, JsonLimits{1000, 32}};
  CHECK(code_of(small.accept(text)) == ErrorCode::frame_too_large);
  CHECK(decode_request(text, JsonLimits{text.size(), 32}));
}

TEST_CASE("envelope: responses and pushes round-trip", "[envelope]") {
  QJsonObject body{{"poll", "poll-1"}, {"ballots", 3}};
  auto ok = decode_server_message(encode_ok(request_id("abc"), body));
  REQUIRE(ok);
  auto &resp = std::get<Response>(*ok);
  CHECK(resp.ok);
  CHECK(resp.id->str() == "abc");
  CHECK(resp.body == body);

  Error e{ErrorCode::invalid_ballot, "contest[2].sum_proof: does not verify", {}, "contest[2].sum_proof"};
  auto err = decode_server_message(encode_error(request_id("abc"), e));
  REQUIRE(err);
  auto &er = std::get<Response>(*err);
  CHECK_FALSE(er.ok);
  CHECK(er.error == e);
  Error fe{ErrorCode::missing_field, "missing field body.poll", "body.poll", {}};
  CHECK(std::get<Response>(*decode_server_message(encode_error(std::nullopt, fe))).error == fe);

  for (auto t : all_push_types()) {
    INFO(push_type_name(t));
    auto p = decode_server_message(encode_push({t, body}));
    REQUIRE(p);
    REQUIRE(std::holds_alternative<Push>(*p));
    CHECK(std::get<Push>(*p).type == t);
    CHECK(std::get<Push>(*p).body == body);
  }
}

TEST_CASE("envelope: error texts quoting the peer stay readable", "[envelope]") {
  // the parser quotes a member name that contains a newline; the message is cut to 4096 bytes
  auto parsed = parse_json_object("{\"a\\nb\":1,\"a\\nb\":2}");
  REQUIRE_FALSE(parsed);
  auto e = parsed.error();
  e.message += std::string(5000, 'x') + "\xC3\xA9";
  e.field = "body.a\nb";
  auto r = decode_server_message(encode_error(request_id(), e));
  REQUIRE(r);
  const auto &back = std::get<Response>(*r).error;
  CHECK(back.code == ErrorCode::malformed_json);
  CHECK(back.message.size() <= 4096);
  CHECK(back.message.find('\n') == std::string::npos);
  CHECK(back.field == "body.a?b");
  // a cut never splits a UTF-8 sequence
  Error v{ErrorCode::internal, std::string(4095, 'x') + "\xC3\xA9", {}, {}};
  auto rv = decode_server_message(encode_error(std::nullopt, v));
  REQUIRE(rv);
  CHECK(std::get<Response>(*rv).error.message == std::string(4095, 'x'));
}

TEST_CASE("envelope: clients reject malformed server messages", "[envelope]") {
  const char *bad[] = {
      R"({"v":1,"id":"a","ok":true})",                                         // no body
      R"({"v":1,"id":"a","ok":false,"body":{}})",                              // no error
      R"({"v":1,"id":"a","ok":false,"error":{"code":"E_NOPE","message":""}})", // unknown code
      R"({"v":1,"id":"a","ok":false,"error":{"code":"E_INTERNAL"}})",          // no message
      R"({"v":1,"id":"a","ok":true,"body":{},"extra":1})",                     // unknown field
      R"({"v":1,"ok":true,"body":{}})",                                        // no id
      R"({"v":2,"id":"a","ok":true,"body":{}})",                               // version
      R"({"v":1,"push":"poll_exploded","body":{}})",                           // unknown push
      R"({"v":1,"push":"turnout"})",                                           // push without body
      R"({"v":1,"push":"turnout","body":{},"id":"a"})",                        // push with an id
      R"({"v":1,"id":"a","ok":"yes","body":{}})",                              // ok not a bool
  };
  for (const char *text : bad) {
    INFO(text);
    auto r = decode_server_message(text);
    REQUIRE_FALSE(r);
    CHECK(error_code_from_name(error_code_name(r.error().code)));
  }
}

TEST_CASE("envelope: who may send what", "[envelope]") {
  RoleSet none, member{Role::member}, trustee{Role::trustee}, secretary{Role::secretary},
      member_trustee{Role::member, Role::trustee};
  CHECK(authorize(MessageType::get_board, none));
  CHECK(authorize(MessageType::get_poll, none));
  CHECK(authorize(MessageType::cast_ballot, member));
  CHECK(authorize(MessageType::cast_ballot, member_trustee));
  CHECK(authorize(MessageType::post_partial_decryption, member_trustee));
  CHECK(authorize(MessageType::open_poll, secretary));
  CHECK(code_of(authorize(MessageType::cast_ballot, none)) == ErrorCode::unknown_key);
  CHECK(code_of(authorize(MessageType::cast_ballot, secretary)) == ErrorCode::forbidden);
  CHECK(code_of(authorize(MessageType::open_poll, member)) == ErrorCode::forbidden);
  CHECK(code_of(authorize(MessageType::post_ceremony_message, member)) == ErrorCode::not_trustee);
  CHECK(code_of(authorize(MessageType::get_tally, secretary)) == ErrorCode::not_trustee);
  for (auto t : all_message_types()) {
    INFO(message_type_name(t));
    auto a = audience(t);
    CHECK(authorize(t, RoleSet{Role::secretary, Role::member, Role::trustee}));
    if (a != Audience::anyone) CHECK_FALSE(authorize(t, none));
  }
}

TEST_CASE("errors: every code has a unique name that maps back", "[envelope]") {
  std::set<std::string_view> names;
  for (int i = 0; i < kErrorCodeCount; ++i) {
    auto c = static_cast<ErrorCode>(i);
    auto n = error_code_name(c);
    CHECK(n.starts_with("E_"));
    CHECK(names.insert(n).second);
    CHECK(error_code_from_name(n) == c);
    CHECK_FALSE(error_code_meaning(c).empty());
  }
  CHECK_FALSE(error_code_from_name("E_WHATEVER"));
}
