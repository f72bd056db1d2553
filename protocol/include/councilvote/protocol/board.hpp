// The meeting's bulletin board as it travels on the wire (docs/wire.md §7): the append-only hash
// chain the store keeps (record/board.hpp has the entry and its hash), entry by entry, so that
// anyone can recompute it.
#pragma once

#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/record/board.hpp"

#include <QJsonObject>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cv::protocol {

// The board entry, its kinds, hash and chain are record/'s (record/board.hpp); this header adds
// their JSON form and the wire's error for a broken chain.
using record::BoardEntry;
using BoardEntryKind = record::BoardKind;
using record::board_entry_hash;
using record::chain_board_entry;
using record::kBoardEntryTag;
using record::kMaxBoardPage;
[[nodiscard]] inline std::string_view board_entry_kind_name(BoardEntryKind k) noexcept {
  return record::name(k);
}
[[nodiscard]] inline std::optional<BoardEntryKind>
board_entry_kind_from_name(std::string_view name) noexcept {
  return record::parse<BoardEntryKind>(name);
}

// record::check_board_chain as a wire error: E_INCONSISTENT_DATA naming the entry, check "seq",
// "prev" or "hash".
[[nodiscard]] Result<void> verify_board_chain(std::span<const BoardEntry> entries, std::uint64_t after_seq,
                                              const ByteArray<32> &after_head);

[[nodiscard]] QJsonObject board_entry_to_json(const BoardEntry &e);
[[nodiscard]] BoardEntry read_board_entry(ObjectReader &r);

// The store's timestamps: "YYYY-MM-DDTHH:MM:SS.SSSZ" (UTC, milliseconds, years 1970..9999) to and
// from Unix milliseconds. parse_utc_ms accepts exactly what format_utc_ms produces.
[[nodiscard]] std::string format_utc_ms(std::uint64_t unix_ms);
[[nodiscard]] std::optional<std::uint64_t> parse_utc_ms(std::string_view text);

} // namespace cv::protocol
