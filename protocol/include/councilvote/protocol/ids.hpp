// Strong identifier types (docs/wire.md §3.3). An id is 1..max_length ASCII characters from
// [A-Za-z0-9._-], starting with a letter or digit; a default-constructed id is empty (invalid) and
// is never produced by parse().
#pragma once

#include "councilvote/protocol/error.hpp"

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace cv::protocol {

// The id syntax check shared by every id type. `what` names the id in the error message.
[[nodiscard]] Result<void> check_id_syntax(std::string_view s, std::size_t max_length, std::string_view what);

template <class Tag> class Id {
public:
  static constexpr std::size_t max_length = Tag::max_length;

  Id() = default;
  [[nodiscard]] static Result<Id> parse(std::string_view s) {
    if (auto r = check_id_syntax(s, max_length, Tag::what); !r) return r.error();
    return Id(std::string(s));
  }
  [[nodiscard]] const std::string &str() const noexcept { return s_; }
  [[nodiscard]] bool empty() const noexcept { return s_.empty(); }
  friend auto operator<=>(const Id &, const Id &) = default;
  friend bool operator==(const Id &, const Id &) = default;
  // The same id as a text (record/'s types keep their ids as text).
  friend bool operator==(const Id &a, std::string_view b) noexcept { return a.s_ == b; }

private:
  explicit Id(std::string s) : s_(std::move(s)) {}
  std::string s_;
};

struct MeetingIdTag {
  static constexpr std::size_t max_length = 128;
  static constexpr std::string_view what = "meeting id";
};
struct PollIdTag {
  static constexpr std::size_t max_length = 128;
  static constexpr std::string_view what = "poll id";
};
struct RequestIdTag {
  static constexpr std::size_t max_length = 64;
  static constexpr std::string_view what = "request id";
};

using MeetingId = Id<MeetingIdTag>; // also the manifest's meeting_id (docs/protocol.md §8)
using PollId = Id<PollIdTag>;       // also the manifest's poll_id
using RequestId = Id<RequestIdTag>; // chosen by the client, echoed in the response

} // namespace cv::protocol
