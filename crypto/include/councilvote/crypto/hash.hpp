// Domain-separated hashing (docs/protocol.md §4). A Transcript is BLAKE2b-512 over
//   "CouncilVote/1" || var(tag) || items...
// where every item is appended in one of the encodings of §2 (fixed-size points and scalars as
// their 32 bytes, integers as u32-LE, variable byte strings as u32-LE length + bytes).
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/group.hpp"

#include <sodium.h>
#include <string_view>

namespace cv::crypto {

inline constexpr std::string_view kHashPrefix = "CouncilVote/1";

class Transcript {
public:
  explicit Transcript(std::string_view tag);
  Transcript &point(const Point &p);
  Transcript &scalar(const Scalar &s);
  Transcript &u32(std::uint32_t v);
  Transcript &u64(std::uint64_t v);
  Transcript &fixed(ByteView b);
  Transcript &var(ByteView b);
  Transcript &str(std::string_view s) { return var(as_bytes(s)); }

  // Finalisers (each may be called once).
  [[nodiscard]] Scalar challenge();       // BLAKE2b-512 reduced mod l
  [[nodiscard]] ByteArray<32> digest32(); // first 32 bytes of the BLAKE2b-512 output
  [[nodiscard]] ByteArray<64> digest64();

private:
  crypto_generichash_blake2b_state st_;
  bool done_ = false;
};

// BLAKE2b-256 of raw bytes (plain, no tag): used only where the spec says so.
[[nodiscard]] ByteArray<32> blake2b_256(ByteView data);

} // namespace cv::crypto
