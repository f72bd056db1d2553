// Appending to the bulletin board inside a write transaction, and reading receipts back.
#pragma once

#include "councilvote/schema/board.hpp"
#include "sqlite.hpp"

namespace cv::schema::detail {

// Links the entry to the current head and inserts it (the board_chain trigger checks the link).
[[nodiscard]] Result<BoardReceipt> append_board_entry(const Tx &tx, BoardKind kind, std::string_view poll_id,
                                                      crypto::ByteView payload);

// The columns `b.seq, b.entry_hash, b.created_at` of a board row, starting at column `first`.
inline constexpr std::string_view kReceiptColumns = "b.seq, b.entry_hash, b.created_at";
[[nodiscard]] BoardReceipt board_receipt(const Statement &st, int first);

} // namespace cv::schema::detail
