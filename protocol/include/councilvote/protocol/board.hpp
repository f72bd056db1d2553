// The meeting's bulletin board as it travels on the wire (docs/wire.md §7): the append-only hash
// chain the store keeps (schema/, docs/storage.md §2), entry by entry, so that anyone can recompute it:
//
//   entry_hash = H32("CV/board-entry", u64(seq), str(kind), str(poll_id or ""), str(created_at),
//                    var(payload), fixed(prev_hash))
//
// with prev_hash = 32 zero bytes for seq 1. The board's head is the hash of its last entry (32 zero
// bytes while it is empty). created_at is the store's UTC text "YYYY-MM-DDTHH:MM:SS.SSSZ".
#pragma once

#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"

#include <QJsonObject>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cv::protocol {

inline constexpr std::string_view kBoardEntryTag = "CV/board-entry";

// The kinds of the store's board, with their payloads (docs/wire.md §7.2).
enum class BoardEntryKind {
  manifest,           // open_poll: UTF-8 JSON text of the PollDefinition
  ballot,             // cast_ballot: the signed ballot's wire bytes (docs/protocol.md §9.2)
  commitments,        // post_ceremony_message: docs/protocol.md §12.3 encoding
  share,              // post_ceremony_message: docs/protocol.md §12.4 encoding (120 bytes)
  complaint,          // post_ceremony_message: u32(from) || u32(accused) || str(reason)
  partial_decryption, // post_partial_decryption: docs/protocol.md §12.6 encoding
  tally,              // start_tally: UTF-8 JSON text of the TallyInfo (without "threshold"/"partials")
  result,             // publish_record: the record's exact text
  attendance,         // close_poll: UTF-8 JSON text of the FrozenAttendance the poll is counted with
};
[[nodiscard]] std::string_view board_entry_kind_name(BoardEntryKind k) noexcept;
[[nodiscard]] std::optional<BoardEntryKind> board_entry_kind_from_name(std::string_view name) noexcept;

struct BoardEntry {
  std::uint64_t seq = 0; // 1, 2, 3, ...
  BoardEntryKind kind = BoardEntryKind::ballot;
  std::optional<PollId> poll; // absent: meeting-wide (the key ceremony)
  std::string created_at;     // "YYYY-MM-DDTHH:MM:SS.SSSZ"
  Bytes payload;
  ByteArray<32> prev{}; // hash of entry seq - 1
  ByteArray<32> hash{};
  friend bool operator==(const BoardEntry &, const BoardEntry &) = default;
};

[[nodiscard]] ByteArray<32> board_entry_hash(const BoardEntry &e);
// Sets e.prev = prev and e.hash; returns the new head.
ByteArray<32> chain_board_entry(BoardEntry &e, const ByteArray<32> &prev);

// Checks that `entries` continue the board after (after_seq, after_head): consecutive seq, each
// prev equal to the hash before, each hash recomputed. E_INCONSISTENT_DATA naming the entry.
[[nodiscard]] Result<void> verify_board_chain(std::span<const BoardEntry> entries, std::uint64_t after_seq,
                                              const ByteArray<32> &after_head);

[[nodiscard]] QJsonObject board_entry_to_json(const BoardEntry &e);
[[nodiscard]] BoardEntry read_board_entry(ObjectReader &r);

// The most entries one get_board page holds (docs/wire.md §8.6, §10): a request's `limit` is at
// most this, and the server caps its pages at it.
inline constexpr std::uint32_t kMaxBoardPage = 1000;

// The store's timestamps: "YYYY-MM-DDTHH:MM:SS.SSSZ" (UTC, milliseconds, years 1970..9999) to and
// from Unix milliseconds. parse_utc_ms accepts exactly what format_utc_ms produces.
[[nodiscard]] std::string format_utc_ms(std::uint64_t unix_ms);
[[nodiscard]] std::optional<std::uint64_t> parse_utc_ms(std::string_view text);

} // namespace cv::protocol
