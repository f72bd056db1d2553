#include "councilvote/protocol/bundle.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>
#include <functional>

using namespace cv::protocol;
using namespace cvtest;

namespace {

EnrollmentBundle sample(const char *host_port = "192.168.1.10:8443") {
  ByteArray<32> fp{};
  for (std::size_t i = 0; i < fp.size(); ++i) fp[i] = static_cast<std::uint8_t>(i * 7);
  return make_enrollment_bundle(meeting_id(), *ServerAddress::parse(host_port), fp, key("server"));
}

} // namespace

TEST_CASE("bundle: JSON and compact forms round-trip and verify", "[bundle]") {
  for (const char *addr : {"192.168.1.10:8443", "councilvote.local:443", "[fe80::1]:9000", "a:1"}) {
    INFO(addr);
    auto b = sample(addr);
    CHECK(verify_enrollment_bundle(b));
    auto json = encode_bundle_json(b);
    auto j = decode_bundle_json(json);
    REQUIRE(j);
    CHECK(*j == b);
    auto compact = encode_bundle_compact(b);
    auto c = decode_bundle_compact(compact);
    REQUIRE(c);
    CHECK(*c == b);
    CHECK(*decode_bundle("  " + compact + "\n") == b);
    CHECK(*decode_bundle(json) == b);
    CHECK(bundle_code(*c) == bundle_code(b));
  }
}

TEST_CASE("bundle: the compact form uses only QR alphanumeric characters and fits a QR code", "[bundle]") {
  auto compact = encode_bundle_compact(sample());
  CHECK(compact.starts_with("CV2:"));
  for (char ch : compact) {
    INFO(ch);
    CHECK(std::string_view("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:").find(ch) !=
          std::string_view::npos);
  }
  CHECK(compact.size() < 400); // QR version 11-M holds 400 alphanumeric characters
  auto code = bundle_code(sample());
  CHECK(code.size() == 19);
  CHECK(code[4] == '-');
  CHECK(code[9] == '-');
  CHECK(code[14] == '-');
}

TEST_CASE("bundle: any changed field is detected", "[bundle]") {
  auto b = sample();
  std::vector<std::pair<const char *, std::function<void(EnrollmentBundle &)>>> changes{
      {"meeting", [](EnrollmentBundle &x) { x.meeting = meeting_id("other"); }},
      {"host", [](EnrollmentBundle &x) { x.server.host = "192.168.1.66"; }},
      {"port", [](EnrollmentBundle &x) { x.server.port = 8444; }},
      // A server that lowers the smallest tally to let a single ballot be decrypted.
      {"min_ballots", [](EnrollmentBundle &x) { x.min_ballots = 2; }},
      {"tls fingerprint", [](EnrollmentBundle &x) { x.tls_cert_sha256[0] ^= 1; }},
      {"server key", [](EnrollmentBundle &x) { x.server_key = key("attacker").public_key; }},
      {"sig", [](EnrollmentBundle &x) { x.sig[10] ^= 4; }},
  };
  for (const auto &[what, change] : changes) {
    INFO(what);
    auto t = b;
    change(t);
    CHECK(code_of(verify_enrollment_bundle(t)) == ErrorCode::bad_signature);
    CHECK(code_of(decode_bundle_json(encode_bundle_json(t))) == ErrorCode::bad_signature);
    CHECK(code_of(decode_bundle_compact(encode_bundle_compact(t))) == ErrorCode::bad_signature);
    if (std::string_view(what) != "sig") CHECK(bundle_code(t) != bundle_code(b));
  }
  // An attacker who re-signs with its own key produces a valid bundle with another short code:
  // that is what people compare.
  auto forged = make_enrollment_bundle(b.meeting, b.server, ByteArray<32>{}, key("attacker"));
  CHECK(verify_enrollment_bundle(forged));
  CHECK(bundle_code(forged) != bundle_code(b));
}

TEST_CASE("bundle: every character of the compact form matters", "[bundle]") {
  auto compact = encode_bundle_compact(sample());
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  for (std::size_t i = 4; i < compact.size(); ++i) {
    auto t = compact;
    t[i] = alphabet[(alphabet.find(t[i]) + 1) % 32];
    auto r = decode_bundle_compact(t);
    INFO(i);
    CHECK_FALSE(r);
  }
}

TEST_CASE("bundle: malformed inputs", "[bundle]") {
  auto b = sample();
  auto compact = encode_bundle_compact(b);
  CHECK(code_of(decode_bundle_compact("CV1:" + compact.substr(4))) == ErrorCode::unsupported_version);
  CHECK(code_of(decode_bundle_compact(compact.substr(0, compact.size() - 8))) == ErrorCode::bad_field);
  CHECK(code_of(decode_bundle_compact(compact + "AAAAAAAA")) == ErrorCode::bad_field);
  CHECK(code_of(decode_bundle_compact("CV2:abc")) == ErrorCode::bad_field);
  CHECK(code_of(decode_bundle_compact("CV2:")) == ErrorCode::bad_field);
  CHECK(code_of(decode_bundle_compact(std::string(5000, 'A'))) == ErrorCode::frame_too_large);
  CHECK_FALSE(decode_bundle(""));

  auto obj = *parse_json_object(encode_bundle_json(b));
  auto with = [&](const char *field, QJsonValue v) {
    auto o = obj;
    if (v.isUndefined())
      o.remove(field);
    else
      o.insert(field, v);
    return decode_bundle_json(to_json(o));
  };
  CHECK(code_of(with("format", "councilvote-enrollment/1")) == ErrorCode::unsupported_version);
  CHECK(code_of(with("min_ballots", QJsonValue::Undefined)) == ErrorCode::missing_field);
  CHECK(code_of(with("min_ballots", 1)) == ErrorCode::bad_field);
  CHECK(code_of(with("min_ballots", 0)) == ErrorCode::bad_field);
  CHECK(code_of(with("min_ballots", 10000)) == ErrorCode::bad_field);
  CHECK(code_of(with("min_ballots", "5")) == ErrorCode::bad_field);
  CHECK(code_of(with("meeting_id", QJsonValue::Undefined)) == ErrorCode::missing_field);
  CHECK(code_of(with("server", "no-port")) == ErrorCode::bad_field);
  CHECK(code_of(with("server", "host:0")) == ErrorCode::bad_field);
  CHECK(code_of(with("server", "host:65536")) == ErrorCode::bad_field);
  CHECK(code_of(with("server", "host:080")) == ErrorCode::bad_field);
  CHECK(code_of(with("server", "ho st:80")) == ErrorCode::bad_field);
  CHECK(code_of(with("server", "-host:80")) == ErrorCode::bad_field);
  CHECK(code_of(with("server", "[zz::1]:80")) == ErrorCode::bad_field);
  CHECK(code_of(with("tls_cert_sha256", "00")) == ErrorCode::bad_field);
  CHECK(code_of(with("server_key", QJsonValue::Undefined)) == ErrorCode::missing_field);
  CHECK(code_of(with("comment", "hi")) == ErrorCode::unknown_field);
}

TEST_CASE("bundle: server address syntax", "[bundle]") {
  auto a = ServerAddress::parse("[::1]:8443");
  REQUIRE(a);
  CHECK(a->host == "[::1]");
  CHECK(a->port == 8443);
  CHECK(a->str() == "[::1]:8443");
  CHECK(ServerAddress::parse("10.0.0.1:1"));
  CHECK(ServerAddress::parse("hoi-dong.tinh.vn:65535"));
  CHECK_FALSE(ServerAddress::parse(std::string(64, 'a') + ".vn:1"));
  CHECK_FALSE(ServerAddress::parse("a..b:1"));
  CHECK_FALSE(ServerAddress::parse(":1"));
  CHECK_FALSE(ServerAddress::parse("host:"));
  CHECK_FALSE(ServerAddress::parse("host:+1"));
}

TEST_CASE("bundle: min_ballots is carried, signed, and never below 2", "[bundle]") {
  ByteArray<32> fp{};
  auto b = make_enrollment_bundle(meeting_id(), *ServerAddress::parse("10.0.0.2:8443"), fp, key("server"), 9);
  CHECK(b.min_ballots == 9);
  CHECK(decode_bundle_json(encode_bundle_json(b))->min_ballots == 9);
  CHECK(decode_bundle_compact(encode_bundle_compact(b))->min_ballots == 9);
  CHECK(sample().min_ballots == cv::crypto::kDefaultMinBallots);
  // A bundle signed (by its own server key) with a minimum of 1 is still refused: a tally of one
  // ballot is that ballot.
  auto one =
      make_enrollment_bundle(meeting_id(), *ServerAddress::parse("10.0.0.2:8443"), fp, key("server"), 1);
  CHECK(code_of(verify_enrollment_bundle(one)) == ErrorCode::bad_field);
  CHECK(code_of(decode_bundle_compact(encode_bundle_compact(one))) == ErrorCode::bad_field);
  CHECK(code_of(decode_bundle_json(encode_bundle_json(one))) == ErrorCode::bad_field);
}
