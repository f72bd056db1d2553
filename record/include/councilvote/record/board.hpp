// The meeting's bulletin board, once for every layer: the store keeps it (schema/, docs/storage.md
// §2), the wire carries it (protocol/, docs/wire.md §7), clients and auditors recompute it.
//
//   entry_hash = H32("CV/board-entry", u64(seq), str(kind), str(poll_id or ""), str(created_at),
//                    var(payload), fixed(prev_hash))
//
// with prev_hash = 32 zero bytes for seq 1. The board's head is the hash of its last entry (32 zero
// bytes while it is empty). created_at is the store's UTC text "YYYY-MM-DDTHH:MM:SS.SSSZ".
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/enums.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cv::record {

inline constexpr std::string_view kBoardEntryTag = "CV/board-entry";
// The most entries one get_board answer (and one store read of a page) holds.
inline constexpr std::uint32_t kMaxBoardPage = 1000;

// The kinds of entry, with their payloads (docs/wire.md §7.2).
enum class BoardKind {
  manifest,           // open_poll: UTF-8 JSON text of the PollDefinition
  ballot,             // cast_ballot: the signed ballot's wire bytes (docs/protocol.md §9.2)
  commitments,        // post_ceremony_message: docs/protocol.md §12.3 encoding
  share,              // post_ceremony_message: docs/protocol.md §12.4 encoding (120 bytes)
  complaint,          // post_ceremony_message: u32(from) || u32(accused) || str(reason)
  partial_decryption, // post_partial_decryption: docs/protocol.md §12.6 encoding
  tally,              // start_tally: UTF-8 JSON text of the TallyInfo (without "threshold"/"partials")
  result,             // publish_record: the record's exact text
  attendance,         // close_poll: UTF-8 JSON text of the FrozenAttendance the poll is counted with
  chair_decision,     // post_chair_decision: UTF-8 JSON text of the chair's signed ChairDecision
};

template <> struct EnumNames<BoardKind> {
  static constexpr NameTable<BoardKind, 10> table{{{BoardKind::manifest, "manifest"},
                                                   {BoardKind::ballot, "ballot"},
                                                   {BoardKind::commitments, "commitments"},
                                                   {BoardKind::share, "share"},
                                                   {BoardKind::complaint, "complaint"},
                                                   {BoardKind::partial_decryption, "partial_decryption"},
                                                   {BoardKind::tally, "tally"},
                                                   {BoardKind::result, "result"},
                                                   {BoardKind::attendance, "attendance"},
                                                   {BoardKind::chair_decision, "chair_decision"}}};
};

struct BoardEntry {
  std::uint64_t seq = 0; // 1, 2, 3, ...
  BoardKind kind = BoardKind::manifest;
  std::string poll_id;    // empty: meeting-wide (the key ceremony)
  std::string created_at; // "YYYY-MM-DDTHH:MM:SS.SSSZ"
  crypto::Bytes payload;
  crypto::ByteArray<32> prev{}; // the entry_hash of seq - 1; 32 zero bytes for seq 1
  crypto::ByteArray<32> hash{}; // this entry's entry_hash
  friend bool operator==(const BoardEntry &, const BoardEntry &) = default;
};

// The formula above over an entry's columns (the kind as text, so that the store can check rows
// whatever they hold), and over an entry.
[[nodiscard]] crypto::ByteArray<32> board_entry_hash(std::uint64_t seq, std::string_view kind,
                                                     std::string_view poll_id, std::string_view created_at,
                                                     crypto::ByteView payload,
                                                     const crypto::ByteArray<32> &prev);
[[nodiscard]] crypto::ByteArray<32> board_entry_hash(const BoardEntry &e);
// Sets e.prev = prev and e.hash; returns the new head.
crypto::ByteArray<32> chain_board_entry(BoardEntry &e, const crypto::ByteArray<32> &prev);

// Where a chain breaks: the entry, and which check failed.
enum class ChainCheck {
  seq,  // not the seq after the one before (an entry missing, or out of order)
  prev, // prev is not the hash of the entry before
  hash, // hash is not the hash of the entry's contents
};
struct ChainBreak {
  std::uint64_t expected_seq = 0; // the seq the entry should have
  std::uint64_t entry_seq = 0;    // the seq it has
  ChainCheck check = ChainCheck::seq;
};
template <> struct EnumNames<ChainCheck> {
  static constexpr NameTable<ChainCheck, 3> table{
      {{ChainCheck::seq, "seq"}, {ChainCheck::prev, "prev"}, {ChainCheck::hash, "hash"}}};
};

// The one chain verifier: `e` continues a board whose last entry is (prev_seq, prev_head).
[[nodiscard]] std::optional<ChainBreak> check_board_link(const BoardEntry &e, std::uint64_t prev_seq,
                                                         const crypto::ByteArray<32> &prev_head);
// `entries` continue the board after (after_seq, after_head): consecutive seq, each prev equal to
// the hash before, each hash recomputed. The first break, or nothing.
[[nodiscard]] std::optional<ChainBreak> check_board_chain(std::span<const BoardEntry> entries,
                                                          std::uint64_t after_seq,
                                                          const crypto::ByteArray<32> &after_head);

} // namespace cv::record
