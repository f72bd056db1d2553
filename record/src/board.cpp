#include "councilvote/record/board.hpp"

#include "councilvote/crypto/hash.hpp"

namespace cv::record {

crypto::ByteArray<32> board_entry_hash(std::uint64_t seq, std::string_view kind, std::string_view poll_id,
                                       std::string_view created_at, crypto::ByteView payload,
                                       const crypto::ByteArray<32> &prev) {
  return crypto::Transcript(kBoardEntryTag)
      .u64(seq)
      .str(kind)
      .str(poll_id)
      .str(created_at)
      .var(payload)
      .fixed(prev)
      .digest32();
}

crypto::ByteArray<32> board_entry_hash(const BoardEntry &e) {
  return board_entry_hash(e.seq, name(e.kind), e.poll_id, e.created_at, e.payload, e.prev);
}

crypto::ByteArray<32> chain_board_entry(BoardEntry &e, const crypto::ByteArray<32> &prev) {
  e.prev = prev;
  e.hash = board_entry_hash(e);
  return e.hash;
}

std::optional<ChainBreak> check_board_link(const BoardEntry &e, std::uint64_t prev_seq,
                                           const crypto::ByteArray<32> &prev_head) {
  if (e.seq != prev_seq + 1) return ChainBreak{prev_seq + 1, e.seq, ChainCheck::seq};
  if (e.prev != prev_head) return ChainBreak{e.seq, e.seq, ChainCheck::prev};
  if (board_entry_hash(e) != e.hash) return ChainBreak{e.seq, e.seq, ChainCheck::hash};
  return std::nullopt;
}

std::optional<ChainBreak> check_board_chain(std::span<const BoardEntry> entries, std::uint64_t after_seq,
                                            const crypto::ByteArray<32> &after_head) {
  std::uint64_t seq = after_seq;
  crypto::ByteArray<32> head = after_head;
  for (const auto &e : entries) {
    if (auto broken = check_board_link(e, seq, head)) return broken;
    seq = e.seq;
    head = e.hash;
  }
  return std::nullopt;
}

} // namespace cv::record
