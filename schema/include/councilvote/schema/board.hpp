// The bulletin board: an append-only hash chain of everything published (docs/storage.md).
#pragma once

#include "councilvote/crypto/bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cv::schema {

enum class BoardKind {
  manifest,
  ballot,
  commitments,
  share,
  complaint,
  partial_decryption,
  tally,
  result,
  attendance, // the attendance a poll is counted with, frozen at close (schema version 3)
};
[[nodiscard]] std::string_view to_string(BoardKind k) noexcept;

struct BoardEntry {
  std::uint64_t seq = 0; // 1, 2, 3, ...
  BoardKind kind = BoardKind::manifest;
  std::string poll_id; // empty: meeting-wide (the key ceremony)
  std::string created_at;
  crypto::Bytes payload;
  crypto::ByteArray<32> prev_hash{}; // the previous entry's entry_hash; 32 zero bytes for seq 1
  crypto::ByteArray<32> entry_hash{};
};

// H32("CV/board-entry", u64(seq), str(kind), str(poll_id), str(created_at), var(payload),
//     fixed(prev_hash))
[[nodiscard]] crypto::ByteArray<32> board_entry_hash(std::uint64_t seq, std::string_view kind,
                                                     std::string_view poll_id, std::string_view created_at,
                                                     crypto::ByteView payload,
                                                     const crypto::ByteArray<32> &prev_hash);

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
