// Shared fixtures for the protocol tests.
#pragma once

#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "councilvote/protocol/error.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <string>

namespace cvtest {

using namespace cv::protocol;

// A clock the test moves by hand.
struct FakeClock {
  std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(1'750'000'000'000);
  [[nodiscard]] Clock clock() const {
    return [n = now] { return *n; };
  }
  void advance(std::int64_t ms) const { *now += ms; }
  [[nodiscard]] std::uint64_t ms() const { return static_cast<std::uint64_t>(*now); }
};

inline MeetingId meeting_id(const char *s = "vinhlong-2025-06") { return *MeetingId::parse(s); }
inline PollId poll_id(const char *s = "poll-1") { return *PollId::parse(s); }
inline RequestId request_id(const char *s = "r1") { return *RequestId::parse(s); }

inline cv::crypto::SigningKey key(const char *label) {
  auto rng = cv::crypto::DeterministicRng::from_label(label);
  return cv::crypto::SigningKey::generate(rng);
}

// The code of a failed result (fails the test if the result is ok).
template <class R> ErrorCode code_of(const R &r) {
  REQUIRE_FALSE(r);
  return r.error().code;
}

inline std::string code_name(ErrorCode c) { return std::string(error_code_name(c)); }

} // namespace cvtest
