#include "councilvote/crypto/bytes.hpp"

#include <array>
#include <sodium.h>

namespace cv::crypto {

std::string to_hex(ByteView b) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(b.size() * 2);
  for (auto v : b) {
    out.push_back(digits[v >> 4]);
    out.push_back(digits[v & 0x0f]);
  }
  return out;
}

Result<Bytes> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return make_error(Errc::invalid_encoding, "hex of odd length");
  // The value of each character, 16 for none: lower case only (docs/wire.md §3.2, docs/protocol.md §2).
  static constexpr auto digit = [] {
    std::array<std::uint8_t, 256> t{};
    t.fill(16);
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(c - 'a' + 10);
    return t;
  }();
  Bytes out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::uint8_t hi = digit[static_cast<unsigned char>(hex[2 * i])];
    const std::uint8_t lo = digit[static_cast<unsigned char>(hex[2 * i + 1])];
    if ((hi | lo) >= 16)
      return make_error(Errc::invalid_encoding,
                        "not lowercase hex at character " + std::to_string(hi >= 16 ? 2 * i : 2 * i + 1));
    out[i] = static_cast<std::uint8_t>((hi << 4) | lo);
  }
  return out;
}

ByteView as_bytes(std::string_view s) noexcept {
  return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

bool ct_equal(ByteView a, ByteView b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void ByteWriter::u32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) buf_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void ByteWriter::u64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) buf_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void ByteWriter::var(ByteView b) {
  u32(static_cast<std::uint32_t>(b.size()));
  fixed(b);
}

Result<std::uint8_t> ByteReader::u8(const char *what) {
  if (remaining() < 1) return make_error(Errc::invalid_encoding, std::string("truncated at ") + what);
  return b_[pos_++];
}

Result<std::uint32_t> ByteReader::u32(const char *what) {
  if (remaining() < 4) return make_error(Errc::invalid_encoding, std::string("truncated at ") + what);
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(b_[pos_ + i]) << (8 * i);
  pos_ += 4;
  return v;
}

Result<ByteView> ByteReader::fixed(std::size_t n, const char *what) {
  if (remaining() < n) return make_error(Errc::invalid_encoding, std::string("truncated at ") + what);
  ByteView v = b_.subspan(pos_, n);
  pos_ += n;
  return v;
}

Result<ByteView> ByteReader::var(const char *what, std::size_t max_len) {
  auto n = u32(what);
  if (!n) return n.error();
  if (*n > max_len)
    return make_error(Errc::invalid_encoding, std::string(what) + ": length " + std::to_string(*n) +
                                                  " exceeds the maximum " + std::to_string(max_len));
  return fixed(*n, what);
}

Result<std::string> ByteReader::str(const char *what, std::size_t max_len) {
  auto v = var(what, max_len);
  if (!v) return v.error();
  return std::string(reinterpret_cast<const char *>(v->data()), v->size());
}

Result<void> ByteReader::expect_end(const char *what) const {
  if (remaining() != 0)
    return make_error(Errc::invalid_encoding,
                      std::string(what) + ": " + std::to_string(remaining()) + " trailing bytes");
  return {};
}

} // namespace cv::crypto

namespace cv::crypto {

const char *errc_name(Errc c) noexcept {
  switch (c) {
  case Errc::invalid_encoding:
    return "invalid_encoding";
  case Errc::identity_point:
    return "identity_point";
  case Errc::verification_failed:
    return "verification_failed";
  case Errc::not_eligible:
    return "not_eligible";
  case Errc::wrong_context:
    return "wrong_context";
  case Errc::invalid_argument:
    return "invalid_argument";
  case Errc::decryption_failed:
    return "decryption_failed";
  case Errc::insufficient_shares:
    return "insufficient_shares";
  case Errc::self_test_failed:
    return "self_test_failed";
  case Errc::system_error:
    return "system_error";
  }
  return "unknown";
}

} // namespace cv::crypto
