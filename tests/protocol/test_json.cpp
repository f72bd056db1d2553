#include "councilvote/protocol/json.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

using namespace cv::protocol;
using cvtest::code_of;

namespace {

ErrorCode parse_code(std::string_view text, JsonLimits limits = {}) {
  return code_of(parse_json_object(text, limits));
}

} // namespace

TEST_CASE("json: accepts RFC 8259 objects within the profile", "[json]") {
  auto r = parse_json_object(
      R"( {"a":1,"b":[true,false,null,-5,0,9007199254740991],"c":{"d":"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"},"e":[]} )");
  REQUIRE(r);
  CHECK(r->value("a").toInteger() == 1);
  auto b = r->value("b").toArray();
  REQUIRE(b.size() == 6);
  CHECK(b[3].toInteger() == -5);
  CHECK(b[5].toInteger() == 9007199254740991);
  CHECK(r->value("c").toObject().value("d").toString() ==
        QString::fromUtf8("x\"\\/\b\f\n\r\t\xC3\xA9\xF0\x9F\x98\x80"));
  // raw UTF-8 (Vietnamese) passes through unchanged
  auto v = parse_json_object("{\"name\":\"Nguy\xE1\xBB\x85n V\xC4\x83n H\xC3\xB9ng\"}");
  REQUIRE(v);
  CHECK(to_utf8(v->value("name").toString()) == "Nguy\xE1\xBB\x85n V\xC4\x83n H\xC3\xB9ng");
}

TEST_CASE("json: rejects what the strict profile forbids, with E_MALFORMED_JSON", "[json]") {
  const char *bad[] = {
      "",                             // empty
      "[]",                           // not an object
      "\"x\"",                        // not an object
      "{",                            // truncated
      "{\"a\":1",                     // truncated
      "{\"a\":1,}",                   // trailing comma
      "{\"a\" 1}",                    // missing colon
      "{a:1}",                        // unquoted name
      "{\"a\":1} x",                  // trailing characters
      "{\"a\":1}{}",                  // two objects
      "{\"a\":1,\"a\":2}",            // duplicate member
      "{\"a\":1,\"\\u0061\":2}",      // duplicate after unescaping
      "{\"a\":1.0}",                  // fraction
      "{\"a\":1e3}",                  // exponent
      "{\"a\":-0}",                   // negative zero
      "{\"a\":01}",                   // leading zero
      "{\"a\":9007199254740992}",     // beyond 2^53-1
      "{\"a\":-9007199254740992}",    // beyond -(2^53-1)
      "{\"a\":+1}",                   // plus sign
      "{\"a\":\"\\ud800\"}",          // lone high surrogate
      "{\"a\":\"\\udc00\"}",          // lone low surrogate
      "{\"a\":\"\\ud800\\u0041\"}",   // high surrogate + non-surrogate
      "{\"a\":\"\\u0000\"}",          // U+0000
      "{\"a\":\"\\x41\"}",            // invalid escape
      "{\"a\":\"\\u12G4\"}",          // bad \u digits
      "{\"a\":\"tab\there\"}",        // raw control character
      "{\"a\":\"\xC3\"}",             // truncated UTF-8
      "{\"a\":\"\xC0\xAF\"}",         // overlong UTF-8
      "{\"a\":\"\xED\xA0\x80\"}",     // UTF-8 encoded surrogate
      "{\"a\":\"\xF4\x90\x80\x80\"}", // above U+10FFFF
      "{\"a\":\"\xFF\"}",             // invalid lead byte
      "\xEF\xBB\xBF{\"a\":1}",        // byte-order mark
      "{\"a\":tru}",                  // bad literal
      "{\"a\":NaN}",                  // not JSON
      "{\"a\":1}\x00",                // NUL after the object (length includes it below)
      "\v{\"a\":1}",                  // vertical tab is not JSON white space
  };
  for (const char *text : bad) {
    INFO(text);
    std::string_view sv(text);
    if (sv == "{\"a\":1}") sv = std::string_view(text, 8); // the NUL case
    CHECK(parse_code(sv) == ErrorCode::malformed_json);
  }
}

TEST_CASE("json: nesting depth and member count are bounded", "[json]") {
  std::string deep;
  for (int i = 0; i < kMaxJsonDepth; ++i) deep += "{\"a\":";
  deep += "1";
  for (int i = 0; i < kMaxJsonDepth; ++i) deep += "}";
  CHECK(parse_json_object(deep));
  CHECK(parse_code("{\"x\":" + deep + "}") == ErrorCode::malformed_json);
  std::string arrays = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
  CHECK(parse_code(arrays) == ErrorCode::malformed_json);

  std::string many = "{";
  for (std::size_t i = 0; i <= kMaxObjectMembers; ++i)
    many += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  many += "}";
  auto r = parse_json_object(many);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::malformed_json);
  CHECK(r.error().message.find("members") != std::string::npos);
}

TEST_CASE("json: a message over the size limit is E_FRAME_TOO_LARGE before parsing", "[json]") {
  std::string big = "{\"a\":\"" + std::string(100, 'x') + "\"}";
  CHECK(parse_code(big, JsonLimits{50, 32}) == ErrorCode::frame_too_large);
  CHECK(parse_json_object(big, JsonLimits{big.size(), 32}));
  // the default limit is 4 MiB
  std::string huge(kDefaultMaxMessageBytes + 1, ' ');
  CHECK(parse_code(huge) == ErrorCode::frame_too_large);
}

TEST_CASE("json: to_json output parses back to the same object", "[json]") {
  QJsonObject o;
  o.insert("text", json_string("Đồng ý / Không đồng ý \"quoted\" \\ /\n\t\x01"));
  o.insert("n", json_uint(kMaxJsonInteger));
  o.insert("neg", QJsonValue(qint64{-42}));
  o.insert("hex", json_hex(Bytes{0x00, 0xab, 0xff}));
  QJsonArray a;
  a.append(true);
  a.append(QJsonValue(QJsonValue::Null));
  a.append(QJsonObject{{"x", 1}});
  o.insert("arr", a);
  auto text = to_json(o);
  auto back = parse_json_object(text);
  REQUIRE(back);
  CHECK(*back == o);
  CHECK(to_utf8(back->value("hex").toString()) == "00abff");
}

TEST_CASE("json: strict lowercase hex", "[json]") {
  CHECK(*parse_hex("00ff10", "f") == Bytes{0x00, 0xff, 0x10});
  CHECK(parse_hex("", "f")->empty());
  CHECK(code_of(parse_hex("0", "f")) == ErrorCode::bad_field);
  CHECK(code_of(parse_hex("AB", "f")) == ErrorCode::bad_field);
  CHECK(code_of(parse_hex("0g", "f")) == ErrorCode::bad_field);
  CHECK(code_of(parse_hex("0x00", "f")) == ErrorCode::bad_field);
  CHECK(lower_hex(Bytes{0xde, 0xad}) == "dead");
}

TEST_CASE("json: hex errors name the field and the first bad character", "[json]") {
  CHECK(parse_hex("0aB0", "body.key").error().message == "body.key: not lowercase hex at character 2");
  CHECK(parse_hex("abc", "body.key").error().message == "body.key: hex of odd length");
  CHECK(parse_hex("AB", "body.key").error().field == "body.key");
}

TEST_CASE("json: ObjectReader reports the first problem with its path", "[json]") {
  auto obj = *parse_json_object(
      R"({"s":"abc","n":7,"b":true,"h":"00ff","o":{"x":1},"arr":[1,2],"nul":null,"ctl":"a\u0001b"})");
  SECTION("happy path, then unknown fields") {
    ObjectReader r(obj, "body");
    CHECK(r.text("s", 1, 10) == "abc");
    CHECK(r.integer("n", 0, 10) == 7);
    CHECK(r.boolean("b"));
    CHECK(r.hex("h", 2, 2) == Bytes{0x00, 0xff});
    CHECK(r.integers("arr", 0, 5, 0, 5) == std::vector<std::uint64_t>{1, 2});
    CHECK(r.nested("o", [](ObjectReader &c) { return c.integer("x", 0, 5); }) == 1);
    auto f = r.finish();
    REQUIRE_FALSE(f);
    CHECK(f.error().code == ErrorCode::unknown_field);
    CHECK(f.error().field == "body.ctl");
  }
  struct Case {
    const char *what;
    std::function<void(ObjectReader &)> read;
    ErrorCode code;
    const char *field;
  };
  std::vector<Case> cases{
      {"missing", [](ObjectReader &r) { (void)r.text("nope", 0, 5); }, ErrorCode::missing_field, "body.nope"},
      {"string expected", [](ObjectReader &r) { (void)r.text("n", 0, 5); }, ErrorCode::bad_field, "body.n"},
      {"too long", [](ObjectReader &r) { (void)r.text("s", 0, 2); }, ErrorCode::bad_field, "body.s"},
      {"control char", [](ObjectReader &r) { (void)r.text("ctl", 0, 20); }, ErrorCode::bad_field, "body.ctl"},
      {"integer expected", [](ObjectReader &r) { (void)r.integer("s", 0, 5); }, ErrorCode::bad_field,
       "body.s"},
      {"out of range", [](ObjectReader &r) { (void)r.integer("n", 0, 5); }, ErrorCode::bad_field, "body.n"},
      {"bool expected", [](ObjectReader &r) { (void)r.boolean("n"); }, ErrorCode::bad_field, "body.n"},
      {"hex length", [](ObjectReader &r) { (void)r.hex("h", 3, 3); }, ErrorCode::bad_field, "body.h"},
      {"hex syntax", [](ObjectReader &r) { (void)r.hex("s", 0, 9); }, ErrorCode::bad_field, "body.s"},
      {"null", [](ObjectReader &r) { (void)r.text("nul", 0, 5); }, ErrorCode::bad_field, "body.nul"},
      {"array expected", [](ObjectReader &r) { (void)r.array("o", 0, 5); }, ErrorCode::bad_field, "body.o"},
      {"array size", [](ObjectReader &r) { (void)r.array("arr", 3, 5); }, ErrorCode::bad_field, "body.arr"},
      {"object expected", [](ObjectReader &r) { (void)r.object("arr"); }, ErrorCode::bad_field, "body.arr"},
      {"nested unknown", [](ObjectReader &r) { (void)r.nested("o", [](ObjectReader &) { return 0; }); },
       ErrorCode::unknown_field, "body.o.x"},
      {"enum",
       [](ObjectReader &r) {
         (void)r.enumeration<int>("s", {{"x", 1}, {"y", 2}});
       },
       ErrorCode::bad_field, "body.s"},
      {"id syntax", [](ObjectReader &r) { (void)r.id<PollIdTag>("ctl"); }, ErrorCode::bad_field, "body.ctl"},
  };
  for (const auto &c : cases) {
    INFO(c.what);
    ObjectReader r(obj, "body");
    c.read(r);
    (void)r.integer("n", 0, 100); // later reads do not overwrite the first error
    auto f = r.finish();
    REQUIRE_FALSE(f);
    CHECK(f.error().code == c.code);
    CHECK(f.error().field == c.field);
  }
}

TEST_CASE("ids: syntax of meeting, poll and request ids", "[json]") {
  CHECK(MeetingId::parse("vinhlong-2025.06_a"));
  CHECK(PollId::parse("1"));
  CHECK(RequestId::parse(std::string(64, 'a')));
  CHECK_FALSE(RequestId::parse(std::string(65, 'a')));
  CHECK(MeetingId::parse(std::string(128, 'm')));
  CHECK_FALSE(MeetingId::parse(std::string(129, 'm')));
  for (const char *bad : {"", "-x", ".x", "_x", "a b", "a/b", "a:b", "ä", "a\n"}) {
    INFO(bad);
    CHECK_FALSE(PollId::parse(bad));
  }
  CHECK(*PollId::parse("b") > *PollId::parse("a"));
  CHECK(PollId{}.empty());
}

TEST_CASE("json: a byte-order mark inside a string is kept, as sent, never dropped", "[json]") {
  // QString::fromUtf8 drops a leading U+FEFF: then the text that is checked (a name, a signed body
  // string) would not be the text that was sent.
  const std::string bom = "\xEF\xBB\xBF";
  auto r = parse_json_object("{\"a\":\"" + bom + "x\",\"" + bom + "k\":\"" + bom + "\",\"b\":\"\\ufeffy\"}");
  REQUIRE(r);
  CHECK(to_utf8(r->value("a").toString()) == bom + "x");
  CHECK(r->contains(qstring_from_utf8(bom + "k")));
  CHECK(to_utf8(r->value(qstring_from_utf8(bom + "k")).toString()) == bom);
  CHECK(to_utf8(r->value("b").toString()) == bom + "y");
  CHECK(r->value("a").toString().size() == 2); // U+FEFF and 'x'
  // And back: the writer keeps it too.
  CHECK(to_json(*r).find(bom + "x") != std::string::npos);
  CHECK(to_utf8(json_string(bom + "z").toString()) == bom + "z");
  // A byte-order mark before the object is still refused (docs/wire.md §3.1).
  CHECK(parse_code(bom + "{\"a\":1}") == ErrorCode::malformed_json);
}
