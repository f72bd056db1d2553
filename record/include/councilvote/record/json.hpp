// The strict JSON profile of docs/wire.md §3.1, once for every layer: the wire library parses its
// messages with it (and converts the result to Qt's types), the record library and the offline
// verifier read records, record files and board payloads with it.
//
// RFC 8259 plus: the top-level value is an object; no duplicate member names; integers only, within
// [-(2^53-1), 2^53-1], no -0, no fraction or exponent; strings are valid UTF-8 with no lone
// surrogate escape; no byte-order mark; nesting at most max_depth; at most 256 members per object.
#pragma once

#include "councilvote/record/error.hpp"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cv::record {

// Objects keep their members sorted by name (std::map): dump() writes them in that order.
using Json = nlohmann::json;

inline constexpr std::uint64_t kMaxJsonInteger = (std::uint64_t{1} << 53) - 1; // 9007199254740991
inline constexpr std::size_t kDefaultMaxJsonBytes = std::size_t{4} << 20;      // 4 MiB
inline constexpr int kMaxJsonDepth = 32;
inline constexpr std::size_t kMaxObjectMembers = 256;

struct JsonLimits {
  std::size_t max_bytes = kDefaultMaxJsonBytes; // larger input: Errc::too_large
  int max_depth = kMaxJsonDepth;                // nesting of objects and arrays
};

// Parses one JSON text whose top-level value is an object. Errors: too_large, malformed_json
// "at byte N: ...". Never throws.
[[nodiscard]] Result<Json> parse_json_object(std::string_view utf8, const JsonLimits &limits = {});

// Compact UTF-8 text, members sorted by name; parse_json_object reads it back to the same value.
[[nodiscard]] std::string dump_json(const Json &value);

} // namespace cv::record
