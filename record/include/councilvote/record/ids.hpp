// The id syntax of docs/wire.md §3.3: 1..max_length ASCII characters from [A-Za-z0-9._-], starting
// with a letter or digit. The wire's strong id types (protocol/ids.hpp) check with it.
#pragma once

#include "councilvote/record/error.hpp"

#include <cstddef>
#include <string_view>

namespace cv::record {

inline constexpr std::size_t kMaxMeetingIdLength = 128;
inline constexpr std::size_t kMaxPollIdLength = 128;

// bad_field "<what> is empty", "... longer than N characters", "... must start with a letter or
// digit", "... may contain only A-Z a-z 0-9 . _ -".
[[nodiscard]] Result<void> check_id_syntax(std::string_view s, std::size_t max_length, std::string_view what);

} // namespace cv::record
