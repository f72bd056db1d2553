// The bulletin board: an append-only hash chain of everything published (docs/storage.md).
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/board.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cv::schema {

// The entry, its kinds and its hash are record/'s (record/board.hpp).
using record::board_entry_hash;
using record::BoardEntry;
using record::BoardKind;
[[nodiscard]] std::string_view to_string(BoardKind k) noexcept;

struct BoardHead {
  std::uint64_t seq = 0;        // the number of entries
  crypto::ByteArray<32> hash{}; // the last entry_hash (zeros for an empty board)
};

struct BoardCheck {
  std::uint64_t entries = 0;
  crypto::ByteArray<32> head{}; // the last entry_hash (zeros for an empty board)
  std::optional<std::uint64_t> first_broken_seq{};
  std::string problem; // what is wrong at first_broken_seq
  [[nodiscard]] bool ok() const noexcept { return !first_broken_seq; }
};

} // namespace cv::schema
