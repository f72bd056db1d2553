#include "councilvote/crypto/utf8.hpp"

namespace cv::crypto {

Utf8Sequence decode_utf8(std::string_view s, std::size_t pos) noexcept {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return {1, b0, Utf8Problem::none};
  std::size_t len = 0;
  std::uint32_t cp = 0, min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF)
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  else if (b0 >= 0xE0 && b0 <= 0xEF)
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  else if (b0 >= 0xF0 && b0 <= 0xF4)
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  else
    return {0, 0, Utf8Problem::invalid_lead};
  if (s.size() - pos < len) return {0, 0, Utf8Problem::truncated};
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0u) != 0x80u) return {0, 0, Utf8Problem::invalid_continuation};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min) return {0, 0, Utf8Problem::overlong};
  if (cp >= 0xD800 && cp <= 0xDFFF) return {0, 0, Utf8Problem::surrogate};
  if (cp > 0x10FFFF) return {0, 0, Utf8Problem::above_max};
  return {len, cp, Utf8Problem::none};
}

bool is_valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto seq = decode_utf8(s, i);
    if (seq.problem != Utf8Problem::none) return false;
    i += seq.length;
  }
  return true;
}

bool is_utf8_text(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto seq = decode_utf8(s, i);
    if (seq.problem != Utf8Problem::none || seq.code_point < 0x20 || seq.code_point == 0x7F) return false;
    i += seq.length;
  }
  return true;
}

} // namespace cv::crypto
