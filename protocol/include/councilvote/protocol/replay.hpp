// Replay protection and rate limiting (docs/wire.md §4.3, §10), with an injectable clock so tests
// can move time.
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/error.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace cv::protocol {

inline constexpr std::size_t kNonceBytes = 16;
using Nonce = crypto::ByteArray<kNonceBytes>;

// Unix time in milliseconds.
using Clock = std::function<std::int64_t()>;
[[nodiscard]] std::int64_t system_time_ms();
[[nodiscard]] Clock system_clock();

struct ReplayConfig {
  std::int64_t window_ms = 120'000;    // accept |server time - request time| <= window_ms
  std::size_t max_entries = 1'000'000; // remembered (key, nonce) pairs; when full: E_RATE_LIMITED
};

// Accepts a request only if its time is within the window of the server's clock and its
// (key, nonce) has not been accepted before. A pair is remembered until the server's clock passes
// request time + window, after which the time check alone refuses a replay.
class ReplayGuard {
public:
  explicit ReplayGuard(ReplayConfig config = {}, Clock clock = system_clock());

  // E_STALE_REQUEST, else E_REPLAYED_REQUEST, else E_RATE_LIMITED (cache full); on success the
  // pair is remembered. Call only for requests whose signature verified.
  [[nodiscard]] Result<void> check_and_remember(const crypto::SignPublicKey &key, const Nonce &nonce,
                                                std::uint64_t time_ms);
  // A pair remembered before a restart (docs/wire.md §4.3), until expires_ms; expired ones are skipped.
  void restore(const crypto::SignPublicKey &key, const Nonce &nonce, std::int64_t expires_ms);
  // The time check alone.
  [[nodiscard]] Result<void> check_fresh(std::uint64_t time_ms) const;
  // Forgets every expired pair (check_and_remember does this itself).
  void purge();
  [[nodiscard]] std::size_t size() const noexcept { return seen_.size(); }
  [[nodiscard]] const ReplayConfig &config() const noexcept { return config_; }

private:
  Result<void> remember(const crypto::SignPublicKey &key, const Nonce &nonce, std::uint64_t time_ms);
  ReplayConfig config_;
  Clock clock_;
  std::map<std::string, std::int64_t> seen_;           // key || nonce -> expiry (ms)
  std::multimap<std::int64_t, std::string> by_expiry_; // expiry -> key || nonce
};

struct RateLimitConfig {
  std::uint32_t per_second = 20; // sustained requests per second
  std::uint32_t burst = 40;      // bucket size
};

// A token bucket per name (a key's hex, or a connection id). Buckets that have refilled
// completely are forgotten.
class RateLimiter {
public:
  explicit RateLimiter(RateLimitConfig config = {}, Clock clock = system_clock());
  // Takes one token, or E_RATE_LIMITED ("retry after N ms").
  [[nodiscard]] Result<void> take(std::string_view name);
  [[nodiscard]] std::size_t size() const noexcept { return buckets_.size(); }

private:
  struct Bucket {
    std::int64_t milli_tokens = 0; // tokens × 1000
    std::int64_t at_ms = 0;
  };
  void refill(Bucket &b, std::int64_t now) const;
  Result<void> take_impl(std::string_view name);
  RateLimitConfig config_;
  Clock clock_;
  std::map<std::string, Bucket, std::less<>> buckets_;
};

} // namespace cv::protocol
