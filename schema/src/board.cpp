// The bulletin board: appending, reading and verifying the hash chain.
#include "board_chain.hpp"
#include "councilvote/crypto/hash.hpp"
#include "councilvote/schema/store.hpp"
#include "names.hpp"

namespace cv::schema {

using namespace detail;

namespace detail {

BoardReceipt board_receipt(const Statement &st, int first) {
  return BoardReceipt{static_cast<std::uint64_t>(st.integer(first)), st.bytes32(first + 1),
                      st.text(first + 2)};
}

Result<BoardReceipt> append_board_entry(const Tx &tx, BoardKind kind, std::string_view poll_id,
                                        crypto::ByteView payload) {
  auto head = query(tx.db, "SELECT seq, entry_hash FROM board ORDER BY seq DESC LIMIT 1");
  if (!head) return head.error();
  auto row = head->step();
  if (!row) return row.error();
  const std::uint64_t seq = *row ? static_cast<std::uint64_t>(head->integer(0)) + 1 : 1;
  const crypto::ByteArray<32> prev = *row ? head->bytes32(1) : crypto::ByteArray<32>{};
  const auto hash = board_entry_hash(seq, name(kind), poll_id, tx.now, payload, prev);
  const std::optional<std::string_view> poll = poll_id.empty() ? std::nullopt : std::optional(poll_id);
  auto r = run(tx.db,
               "INSERT INTO board (seq, kind, poll_id, created_at, payload, prev_hash, entry_hash)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
               static_cast<std::int64_t>(seq), name(kind), poll, tx.now, payload, prev, hash);
  if (!r) return r.error();
  return BoardReceipt{seq, hash, tx.now};
}

} // namespace detail

Result<BoardReceipt> Store::publish(std::string_view actor, BoardKind kind, std::string_view poll_id,
                                    crypto::ByteView payload) {
  return write(db(), actor, "board.publish", [&](const Tx &tx) -> Result<BoardReceipt> {
    if (kind != BoardKind::manifest && kind != BoardKind::tally && kind != BoardKind::result &&
        kind != BoardKind::attendance && kind != BoardKind::chair_decision)
      return error(Errc::invalid_argument,
                   std::string(name(kind)) + " entries are appended by their own operation");
    auto entry = append_board_entry(tx, kind, poll_id, payload);
    if (!entry) return entry;
    if (auto r = tx.audit(std::string(name(kind)) + " seq " + std::to_string(entry->seq)); !r)
      return r.error();
    return entry;
  });
}

namespace {

constexpr std::string_view kBoardColumns =
    "SELECT seq, kind, ifnull(poll_id, ''), created_at, payload, prev_hash,"
    " entry_hash FROM board";

Result<BoardEntry> board_entry(const Statement &st) {
  auto kind = parse<BoardKind>(st.text(1));
  if (!kind) return kind.error();
  return BoardEntry{static_cast<std::uint64_t>(st.integer(0)),
                    *kind,
                    st.text(2),
                    st.text(3),
                    st.blob(4),
                    st.bytes32(5),
                    st.bytes32(6)};
}

} // namespace

Result<std::vector<BoardEntry>> Store::board(std::uint64_t first_seq, std::uint32_t max_entries) const {
  return read(db(), "board", [&] {
    return collect<BoardEntry>(query(db(),
                                     std::string(kBoardColumns) + " WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
                                     static_cast<std::int64_t>(first_seq), max_entries),
                               board_entry);
  });
}

Result<std::vector<BoardEntry>> Store::board_entries(BoardKind kind, std::string_view poll_id) const {
  return read(db(), "board_entries", [&] {
    return collect<BoardEntry>(
        query(db(), std::string(kBoardColumns) + " WHERE kind = ?1 AND ifnull(poll_id, '') = ?2 ORDER BY seq",
              name(kind), poll_id),
        board_entry);
  });
}

Result<BoardHead> Store::board_head() const {
  return read(db(), "board_head", [&]() -> Result<BoardHead> {
    auto st = query(db(), "SELECT seq, entry_hash FROM board ORDER BY seq DESC LIMIT 1");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return BoardHead{};
    return BoardHead{static_cast<std::uint64_t>(st->integer(0)), st->bytes32(1)};
  });
}

Result<BoardCheck> Store::verify_board() const {
  return read(db(), "verify_board", [&]() -> Result<BoardCheck> {
    auto st = query(db(), std::string(kBoardColumns) + " ORDER BY seq");
    if (!st) return st.error();
    BoardCheck check;
    for (;;) {
      auto more = st->step();
      if (!more) return more.error();
      if (!*more) return check;
      const std::uint64_t expected = check.entries + 1;
      auto broken = [&](std::string problem) {
        check.first_broken_seq = expected;
        check.problem = std::move(problem);
        return check;
      };
      auto entry = board_entry(*st);
      if (!entry) return broken("entry " + std::to_string(expected) + " has an unknown kind");
      if (auto b = record::check_board_link(*entry, check.entries, check.head)) {
        switch (b->check) {
        case record::ChainCheck::seq:
          return broken("entry " + std::to_string(expected) + " is missing");
        case record::ChainCheck::prev:
          return broken("prev_hash is not the previous entry's hash");
        case record::ChainCheck::hash:
          break;
        }
        return broken("entry_hash does not match the entry");
      }
      check.head = entry->hash;
      check.entries = expected;
    }
  });
}

} // namespace cv::schema
