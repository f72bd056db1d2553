// UTF-8 validation (RFC 3629): the one decoder of the project, used by the key files, the strict
// JSON reader (docs/wire.md §3.1), the CSV reader and the wire's text checks. No overlong forms, no
// surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cv::crypto {

// Why a sequence is not well-formed, in the order the checks run.
enum class Utf8Problem {
  none,
  invalid_lead,         // a byte that cannot start a sequence (0x80..0xC1, 0xF5..0xFF)
  truncated,            // the text ends inside the sequence
  invalid_continuation, // a byte after the lead that is not 10xxxxxx
  overlong,             // a longer encoding than the code point needs
  surrogate,            // U+D800..U+DFFF
  above_max,            // above U+10FFFF
};

struct Utf8Sequence {
  std::size_t length = 0; // 1..4 bytes when problem == none, else 0
  std::uint32_t code_point = 0;
  Utf8Problem problem = Utf8Problem::none;
};

// The sequence that starts at s[pos] (pos < s.size()).
[[nodiscard]] Utf8Sequence decode_utf8(std::string_view s, std::size_t pos) noexcept;

// Every byte of `s` belongs to a well-formed sequence (the empty string is valid).
[[nodiscard]] bool is_valid_utf8(std::string_view s) noexcept;

// Valid UTF-8 with no C0 control character (U+0000..U+001F) and no DEL (U+007F).
[[nodiscard]] bool is_utf8_text(std::string_view s) noexcept;

} // namespace cv::crypto
