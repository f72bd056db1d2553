#include "councilvote/protocol/replay.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace cv::protocol;
using namespace cvtest;

namespace {

Nonce nonce(std::uint8_t b) {
  Nonce n{};
  n.fill(b);
  return n;
}

} // namespace

TEST_CASE("replay guard: accepts fresh requests once", "[replay]") {
  FakeClock clock;
  ReplayGuard g(ReplayConfig{}, clock.clock());
  auto a = key("a").public_key, b = key("b").public_key;
  CHECK(g.check_and_remember(a, nonce(1), clock.ms()));
  CHECK(code_of(g.check_and_remember(a, nonce(1), clock.ms())) == ErrorCode::replayed_request);
  // the same nonce from another key, or another nonce from the same key, is new
  CHECK(g.check_and_remember(b, nonce(1), clock.ms()));
  CHECK(g.check_and_remember(a, nonce(2), clock.ms()));
  // a replay with a different (still fresh) time is still a replay
  CHECK(code_of(g.check_and_remember(a, nonce(1), clock.ms() + 1000)) == ErrorCode::replayed_request);
  CHECK(g.size() == 3);
}

TEST_CASE("replay guard: refuses stale times on both sides, inclusive window", "[replay]") {
  FakeClock clock;
  ReplayGuard g(ReplayConfig{120'000, 100}, clock.clock());
  auto k = key("k").public_key;
  CHECK(code_of(g.check_and_remember(k, nonce(1), clock.ms() - 120'001)) == ErrorCode::stale_request);
  CHECK(code_of(g.check_and_remember(k, nonce(2), clock.ms() + 120'001)) == ErrorCode::stale_request);
  CHECK(code_of(g.check_and_remember(k, nonce(3), 0)) == ErrorCode::stale_request);
  CHECK(code_of(g.check_and_remember(k, nonce(4), 9007199254740991)) == ErrorCode::stale_request);
  CHECK(g.size() == 0); // stale requests are not remembered
  CHECK(g.check_and_remember(k, nonce(5), clock.ms() - 120'000));
  CHECK(g.check_and_remember(k, nonce(6), clock.ms() + 120'000));
}

TEST_CASE("replay guard: forgets a pair once its request can no longer be fresh", "[replay]") {
  FakeClock clock;
  ReplayGuard g(ReplayConfig{120'000, 100}, clock.clock());
  auto k = key("k").public_key;
  const auto t = clock.ms();
  CHECK(g.check_and_remember(k, nonce(1), t));
  clock.advance(120'000); // still inside the window: a replay is refused as a replay
  CHECK(code_of(g.check_and_remember(k, nonce(1), t)) == ErrorCode::replayed_request);
  CHECK(g.size() == 1);
  clock.advance(1); // now the request is stale, and the pair is forgotten
  CHECK(code_of(g.check_and_remember(k, nonce(1), t)) == ErrorCode::stale_request);
  g.purge();
  CHECK(g.size() == 0);
  // a request stamped in the future is remembered until its own time + window
  auto future = clock.ms() + 100'000;
  CHECK(g.check_and_remember(k, nonce(2), future));
  clock.advance(200'000);
  CHECK(code_of(g.check_and_remember(k, nonce(2), future)) == ErrorCode::replayed_request);
  clock.advance(20'001);
  g.purge();
  CHECK(g.size() == 0);
}

TEST_CASE("replay guard: a full cache refuses with E_RATE_LIMITED and recovers", "[replay]") {
  FakeClock clock;
  ReplayGuard g(ReplayConfig{1000, 3}, clock.clock());
  auto k = key("k").public_key;
  for (std::uint8_t i = 0; i < 3; ++i) CHECK(g.check_and_remember(k, nonce(i), clock.ms()));
  CHECK(code_of(g.check_and_remember(k, nonce(9), clock.ms())) == ErrorCode::rate_limited);
  clock.advance(1001);
  CHECK(g.check_and_remember(k, nonce(9), clock.ms()));
  CHECK(g.size() == 1);
}

TEST_CASE("rate limiter: token bucket per name", "[replay]") {
  FakeClock clock;
  RateLimiter lim(RateLimitConfig{10, 5}, clock.clock());
  for (int i = 0; i < 5; ++i) CHECK(lim.take("k1"));
  auto r = lim.take("k1");
  CHECK(code_of(r) == ErrorCode::rate_limited);
  CHECK(r.error().message.find("retry after 100 ms") != std::string::npos);
  CHECK(lim.take("k2")); // another name has its own bucket
  clock.advance(99);
  CHECK_FALSE(lim.take("k1"));
  clock.advance(1);
  CHECK(lim.take("k1"));
  CHECK_FALSE(lim.take("k1"));
  clock.advance(10'000); // refills up to the burst only
  for (int i = 0; i < 5; ++i) CHECK(lim.take("k1"));
  CHECK_FALSE(lim.take("k1"));
}
