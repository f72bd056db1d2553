// Byte strings, hex, constant-time comparison, and the little-endian reader/writer used by every
// binary encoding in docs/protocol.md.
#pragma once

#include "councilvote/crypto/error.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cv::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
template <std::size_t N> using ByteArray = std::array<std::uint8_t, N>;

// Hex is lowercase, two characters per byte (docs/protocol.md §2, docs/wire.md §3.2): to_hex writes
// it, from_hex reads it and refuses anything else, upper case included (Errc::invalid_encoding
// "hex of odd length" / "not lowercase hex at character N"). The one hex codec of the project.
[[nodiscard]] std::string to_hex(ByteView b);
[[nodiscard]] Result<Bytes> from_hex(std::string_view hex);
template <std::size_t N> [[nodiscard]] Result<ByteArray<N>> from_hex_fixed(std::string_view hex) {
  auto b = from_hex(hex);
  if (!b) return b.error();
  if (b->size() != N)
    return make_error(Errc::invalid_encoding,
                      "expected " + std::to_string(N) + " bytes of hex, got " + std::to_string(b->size()));
  ByteArray<N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = (*b)[i];
  return out;
}
[[nodiscard]] ByteView as_bytes(std::string_view s) noexcept;

// Constant-time equality of two equal-length byte strings (false when lengths differ).
[[nodiscard]] bool ct_equal(ByteView a, ByteView b) noexcept;

// Appends in the encodings of docs/protocol.md §2: u8, u32 little-endian, fixed bytes, and
// variable bytes as u32-LE length followed by the bytes.
class ByteWriter {
public:
  void u8(std::uint8_t v) { buf_.push_back(v); }
  void u32(std::uint32_t v);
  void u64(std::uint64_t v);
  void fixed(ByteView b) { buf_.insert(buf_.end(), b.begin(), b.end()); }
  void var(ByteView b);
  void str(std::string_view s) { var(as_bytes(s)); }
  [[nodiscard]] const Bytes &bytes() const noexcept { return buf_; }
  [[nodiscard]] Bytes take() noexcept { return std::move(buf_); }

private:
  Bytes buf_;
};

// Reads the same encodings; every read checks bounds and returns a specific error naming `what`.
class ByteReader {
public:
  explicit ByteReader(ByteView b) noexcept : b_(b) {}
  Result<std::uint8_t> u8(const char *what);
  Result<std::uint32_t> u32(const char *what);
  Result<ByteView> fixed(std::size_t n, const char *what);
  Result<ByteView> var(const char *what, std::size_t max_len);
  Result<std::string> str(const char *what, std::size_t max_len);
  template <std::size_t N> Result<ByteArray<N>> array(const char *what) {
    auto v = fixed(N, what);
    if (!v) return v.error();
    ByteArray<N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = (*v)[i];
    return out;
  }
  [[nodiscard]] std::size_t remaining() const noexcept { return b_.size() - pos_; }
  [[nodiscard]] std::size_t position() const noexcept { return pos_; }
  [[nodiscard]] Result<void> expect_end(const char *what) const;

private:
  ByteView b_;
  std::size_t pos_ = 0;
};

} // namespace cv::crypto
