// What the store answers when it has appended an entry to the bulletin board.
#pragma once

#include "councilvote/crypto/bytes.hpp"

#include <cstdint>
#include <string>

namespace cv::schema {

struct BoardReceipt {
  std::uint64_t seq = 0;
  crypto::ByteArray<32> entry_hash{}; // the new head of the chain
  std::string created_at;
};

// The receipt of a ballot: its board entry and its tracking code (docs/protocol.md §9.3), which
// identifies the signed bytes, so a retry with identical bytes can be told from a second ballot.
struct BallotReceipt {
  BoardReceipt entry;
  crypto::ByteArray<32> tracking_code{};
};

} // namespace cv::schema
