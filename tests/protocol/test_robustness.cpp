// A libFuzzer-free robustness test: thousands of random and mutated messages through every
// decoder. Nothing may throw, and every failure must carry one of the documented error codes.
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace cv::protocol;
using namespace cvtest;

namespace {

struct Stats {
  int ok = 0, failed = 0;
  std::map<std::string, int> codes;
};

template <class R> void account(Stats &s, const R &r) {
  if (r) {
    ++s.ok;
    return;
  }
  const auto &e = r.error();
  auto i = static_cast<int>(e.code);
  REQUIRE(i >= 0);
  REQUIRE(i < kErrorCodeCount);
  REQUIRE(error_code_from_name(error_code_name(e.code)) == e.code);
  REQUIRE_FALSE(e.message.empty());
  ++s.failed;
  ++s.codes[std::string(error_code_name(e.code))];
}

std::string mutate(std::string s, std::mt19937 &rng) {
  auto pick = [&](std::size_t n) {
    return n == 0 ? std::size_t{0} : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  static const std::vector<std::string> tokens{"{",
                                               "}",
                                               "[",
                                               "]",
                                               ",",
                                               ":",
                                               "\"",
                                               "\\",
                                               "null",
                                               "true",
                                               "-0",
                                               "1e9",
                                               "\\ud800",
                                               "\xC3",
                                               "\xFF",
                                               "9007199254740993",
                                               "\"v\":1",
                                               "\"id\":",
                                               "{\"a\":{\"a\":{\"a\":",
                                               " ",
                                               "\x00"};
  const int rounds = 1 + static_cast<int>(pick(4));
  for (int k = 0; k < rounds; ++k) {
    switch (pick(7)) {
    case 0: // flip a bit
      if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1 << pick(8));
      break;
    case 1: // delete a range
      if (!s.empty()) {
        auto at = pick(s.size());
        s.erase(at, pick(16) + 1);
      }
      break;
    case 2: // insert a token
      s.insert(pick(s.size() + 1), tokens[pick(tokens.size())]);
      break;
    case 3: // duplicate a range
      if (!s.empty()) {
        auto at = pick(s.size());
        auto len = std::min<std::size_t>(pick(64) + 1, s.size() - at);
        s.insert(pick(s.size() + 1), s.substr(at, len));
      }
      break;
    case 4: // truncate
      s.resize(pick(s.size() + 1));
      break;
    case 5: // replace a digit or hex character
      for (int tries = 0; tries < 8 && !s.empty(); ++tries) {
        auto at = pick(s.size());
        if (std::isxdigit(static_cast<unsigned char>(s[at]))) {
          s[at] = "0123456789abcdefABXZ-."[pick(22)];
          break;
        }
      }
      break;
    default: // random bytes
      for (std::size_t n = pick(8) + 1; n > 0; --n)
        s.insert(pick(s.size() + 1), 1, static_cast<char>(pick(256)));
    }
  }
  return s;
}

// A random JSON value of the given depth with adversarial leaves.
QJsonValue random_value(std::mt19937 &rng, int depth) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  switch (depth <= 0 ? pick(5) : pick(7)) {
  case 0:
    return QJsonValue(QJsonValue::Null);
  case 1:
    return pick(2) == 0;
  case 2:
    return QJsonValue(static_cast<qint64>(std::uniform_int_distribution<std::int64_t>(-5, 1LL << 53)(rng)));
  case 3:
    return QString::fromLatin1(std::string(static_cast<std::size_t>(pick(70)), "0af"[pick(3)]).c_str());
  case 4:
    return QString::fromUtf8(pick(2) ? "poll-1" : "Đồng ý");
  case 5: {
    QJsonArray a;
    for (int i = pick(4); i > 0; --i) a.append(random_value(rng, depth - 1));
    return a;
  }
  default: {
    static const char *names[] = {
        "poll",  "ballot",        "contests", "id",    "kind",          "nominee_no", "min",   "max",
        "label", "option_labels", "title",    "phase", "remote_window", "from",       "until", "x"};
    QJsonObject o;
    for (int i = pick(5); i > 0; --i) o.insert(names[pick(16)], random_value(rng, depth - 1));
    return o;
  }
  }
}

} // namespace

TEST_CASE("robustness: mutated requests never throw and fail with a known code", "[robustness]") {
  FakeClock clock;
  auto member = key("member");
  auto rng_keys = cv::crypto::DeterministicRng::from_label("robustness");
  std::vector<std::string> seeds;
  auto meeting = meeting_id();
  for (auto t : all_message_types()) {
    QJsonObject body{{"poll", "poll-1"}, {"ballot", "00ff"}, {"after_seq", 0}};
    seeds.push_back(
        encode_request(make_request(request_id(), t, meeting, body, member, clock.ms(), rng_keys)));
  }
  std::mt19937 rng(20250615);
  Stats s;
  ReplayGuard guard{ReplayConfig{}, clock.clock()};
  RequestVerifier verifier{meeting, guard, JsonLimits{64 * 1024, kMaxJsonDepth}};
  for (int i = 0; i < 4000; ++i) {
    auto text = mutate(seeds[static_cast<std::size_t>(i) % seeds.size()], rng);
    try {
      std::optional<RequestId> id;
      account(s, decode_request(text, {}, &id));
      account(s, verifier.accept(text, &id));
      account(s, decode_server_message(text));
      if (auto parsed = parse_json_object(text); parsed) {
        account(s, OpenPollRequest::from_json(*parsed));
        account(s, PollInfo::from_json(*parsed));
      }
    } catch (...) {
      FAIL("exception escaped for input: " << text);
    }
  }
  CHECK(s.failed > 0);
  INFO("codes seen: " << s.codes.size());
  CHECK(s.codes.size() >= 6);
}

TEST_CASE("robustness: random bodies never throw in any body reader", "[robustness]") {
  std::mt19937 rng(98);
  Stats s;
  for (int i = 0; i < 3000; ++i) {
    auto v = random_value(rng, 4);
    QJsonObject o = v.isObject() ? v.toObject() : QJsonObject{{"poll", v}};
    try {
      account(s, OpenPollRequest::from_json(o));
      account(s, ContestDef::from_json(o));
      account(s, CastBallotRequest::from_json(o));
      account(s, ImportRosterRequest::from_json(o));
      account(s, PostCeremonyMessageRequest::from_json(o));
      account(s, PostPartialDecryptionRequest::from_json(o));
      account(s, GetBoardRequest::from_json(o));
      account(s, PollInfo::from_json(o));
      account(s, TallyStatus::from_json(o));
      account(s, GetRecordResponse::from_json(o));
      account(s, receipt_from_json(o));
      account(s, error_from_json(o));
      // and through the wire: serialise, then the strict parser and a request around it
      auto text = to_json(o);
      account(s, parse_json_object(text));
    } catch (...) {
      FAIL("exception escaped for body: " << to_json(o));
    }
  }
  CHECK(s.failed > 0);
}

TEST_CASE("robustness: random bytes and mutated bundles", "[robustness]") {
  std::mt19937 rng(7);
  Stats s;
  ByteArray<32> fp{};
  auto b = make_enrollment_bundle(meeting_id(), *ServerAddress::parse("10.0.0.2:8443"), fp, key("server"));
  const std::string seeds[] = {encode_bundle_json(b), encode_bundle_compact(b)};
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    if (i % 4 == 0) {
      text.resize(std::uniform_int_distribution<std::size_t>(0, 300)(rng));
      for (auto &ch : text) ch = static_cast<char>(rng());
    } else {
      text = mutate(seeds[i % 2], rng);
    }
    try {
      account(s, decode_bundle(text));
      account(s, parse_json_object(text));
      account(s, decode_request(text));
    } catch (...) {
      FAIL("exception escaped for input of " << text.size() << " bytes");
    }
  }
  CHECK(s.failed > 0);
}
