// Internal helpers shared by the protocol sources.
#pragma once

#include "councilvote/crypto/bytes.hpp"

#include <cstdint>

namespace cv::protocol::detail {

// u64(v) of docs/protocol.md §2: 8 bytes, little-endian.
inline void put_u64(crypto::ByteWriter &w, std::uint64_t v) {
  crypto::ByteArray<8> b{};
  for (std::size_t i = 0; i < 8; ++i) b[i] = static_cast<std::uint8_t>(v >> (8 * i));
  w.fixed(b);
}

} // namespace cv::protocol::detail
