#include "councilvote/protocol/replay.hpp"

#include <algorithm>
#include <chrono>

namespace cv::protocol {

std::int64_t system_time_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Clock system_clock() {
  return [] { return system_time_ms(); };
}

ReplayGuard::ReplayGuard(ReplayConfig config, Clock clock) : config_(config), clock_(std::move(clock)) {}

Result<void> ReplayGuard::check_fresh(std::uint64_t time_ms) const {
  const std::int64_t now = clock_();
  // time_ms <= 2^53 - 1 on the wire; larger values are far in the future either way.
  const std::int64_t t =
      time_ms > (std::uint64_t{1} << 62) ? (std::int64_t{1} << 62) : static_cast<std::int64_t>(time_ms);
  const std::int64_t skew = t - now;
  if (skew > config_.window_ms || -skew > config_.window_ms)
    return make_error(ErrorCode::stale_request,
                      "request time " + std::to_string(t) + " is " + std::to_string(skew < 0 ? -skew : skew) +
                          " ms " + (skew < 0 ? "behind" : "ahead of") +
                          " the server clock (allowed: " + std::to_string(config_.window_ms) + " ms)");
  return {};
}

void ReplayGuard::purge() {
  const std::int64_t now = clock_();
  while (!by_expiry_.empty() && by_expiry_.begin()->first < now) {
    seen_.erase(by_expiry_.begin()->second);
    by_expiry_.erase(by_expiry_.begin());
  }
}

Result<void> ReplayGuard::check_and_remember(const crypto::SignPublicKey &key, const Nonce &nonce,
                                             std::uint64_t time_ms) {
  try {
    return remember(key, nonce, time_ms);
  } catch (...) {
    return make_error(ErrorCode::internal, "out of memory in the replay guard");
  }
}

Result<void> ReplayGuard::remember(const crypto::SignPublicKey &key, const Nonce &nonce,
                                   std::uint64_t time_ms) {
  if (auto r = check_fresh(time_ms); !r) return r;
  purge();
  std::string id(key.begin(), key.end());
  id.append(nonce.begin(), nonce.end());
  if (seen_.contains(id))
    return make_error(ErrorCode::replayed_request, "this (key, nonce) pair was already used");
  if (seen_.size() >= config_.max_entries) {
    auto e = make_error(ErrorCode::rate_limited, "the server's replay cache is full; retry in a second");
    e.retry_after_ms = 1000;
    return e;
  }
  const std::int64_t expiry = static_cast<std::int64_t>(time_ms) + config_.window_ms;
  seen_.emplace(id, expiry);
  by_expiry_.emplace(expiry, std::move(id));
  return {};
}

void ReplayGuard::restore(const crypto::SignPublicKey &key, const Nonce &nonce, std::int64_t expires_ms) {
  if (expires_ms < clock_() || seen_.size() >= config_.max_entries) return;
  std::string id(key.begin(), key.end());
  id.append(nonce.begin(), nonce.end());
  if (!seen_.emplace(id, expires_ms).second) return;
  by_expiry_.emplace(expires_ms, std::move(id));
}

RateLimiter::RateLimiter(RateLimitConfig config, Clock clock) : config_(config), clock_(std::move(clock)) {}

void RateLimiter::refill(Bucket &b, std::int64_t now) const {
  const std::int64_t cap = std::int64_t{config_.burst} * 1000;
  if (now > b.at_ms) {
    const std::int64_t elapsed = std::min<std::int64_t>(now - b.at_ms, 24LL * 3600 * 1000);
    b.milli_tokens = std::min(cap, b.milli_tokens + elapsed * std::int64_t{config_.per_second});
  }
  b.at_ms = now;
}

Result<void> RateLimiter::take(std::string_view name) {
  try {
    return take_impl(name);
  } catch (...) {
    return make_error(ErrorCode::internal, "out of memory in the rate limiter");
  }
}

Result<void> RateLimiter::take_impl(std::string_view name) {
  const std::int64_t now = clock_();
  const std::int64_t cap = std::int64_t{config_.burst} * 1000;
  if (buckets_.size() > 4096) { // forget buckets that are full again
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      refill(it->second, now);
      it = it->second.milli_tokens >= cap ? buckets_.erase(it) : std::next(it);
    }
  }
  auto it = buckets_.find(name);
  if (it == buckets_.end()) it = buckets_.emplace(std::string(name), Bucket{cap, now}).first;
  auto &b = it->second;
  refill(b, now);
  if (b.milli_tokens < 1000) {
    const std::int64_t rate = std::max<std::int64_t>(1, config_.per_second);
    const std::int64_t wait = (1000 - b.milli_tokens + rate - 1) / rate;
    auto e = make_error(ErrorCode::rate_limited,
                        "more than " + std::to_string(config_.per_second) + " requests per second (burst " +
                            std::to_string(config_.burst) + "); retry after " + std::to_string(wait) + " ms");
    e.retry_after_ms = static_cast<std::uint64_t>(wait);
    return e;
  }
  b.milli_tokens -= 1000;
  return {};
}

} // namespace cv::protocol
