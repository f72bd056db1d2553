// What the server signs with its Ed25519 key (the key pinned by the enrollment bundle):
// ballot receipts, board checkpoints and published-record statements (docs/wire.md §6).
//
//   receipt     tag "CV/receipt":    str(meeting) || str(poll) || fixed(tracking_code) ||
//                                    u64(board_seq) || fixed(board_head) || u64(server_time)
//   checkpoint  tag "CV/checkpoint": str(meeting) || u64(board_seq) || fixed(board_head) || u64(server_time)
//   record      tag "CV/record":     str(meeting) || str(poll) || fixed(record_digest) ||
//                                    u64(board_seq) || fixed(board_head) || u64(server_time)
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record_codec.hpp"
#include "councilvote/record/payloads.hpp"

#include <QJsonObject>
#include <cstdint>
#include <string_view>

namespace cv::protocol {

inline constexpr std::string_view kReceiptTag = "CV/receipt";
inline constexpr std::string_view kCheckpointTag = "CV/checkpoint";
inline constexpr std::string_view kRecordTag = record::kRecordStatementTag;    // record statement signature
inline constexpr std::string_view kRecordDigestTag = record::kRecordDigestTag; // H32 of the record text

using Hash32 = ByteArray<32>;

// The answer to an accepted ballot: the ballot (by its tracking code, docs/protocol.md §9.3) is
// entry `board_seq` of the meeting's board, whose hash after appending it is `board_head`.
// server_time is that entry's created_at in Unix milliseconds, so the receipt is a function of the
// stored entry: an identical retry gets the identical receipt (Ed25519 signatures are
// deterministic).
struct Receipt {
  MeetingId meeting;
  PollId poll;
  Hash32 tracking_code{};
  std::uint64_t board_seq = 0;
  Hash32 board_head{};
  std::uint64_t server_time_ms = 0;
  crypto::Signature sig{};
  friend bool operator==(const Receipt &, const Receipt &) = default;
};

[[nodiscard]] Bytes receipt_signed_message(const Receipt &r);
void sign_receipt(Receipt &r, const crypto::SigningKey &server);
// E_BAD_SIGNATURE unless r.sig verifies under `server_key`.
[[nodiscard]] Result<void> verify_receipt(const Receipt &r, const crypto::SignPublicKey &server_key);
[[nodiscard]] QJsonObject receipt_to_json(const Receipt &r);
[[nodiscard]] Receipt read_receipt(ObjectReader &r); // the members of a receipt object
[[nodiscard]] Result<Receipt> receipt_from_json(const QJsonObject &o);

// The board's head at a moment, signed: sent with close_poll, poll_closed and get_board.
struct Checkpoint {
  MeetingId meeting;
  std::uint64_t board_seq = 0;
  Hash32 board_head{};
  std::uint64_t server_time_ms = 0;
  crypto::Signature sig{};
  friend bool operator==(const Checkpoint &, const Checkpoint &) = default;
};

[[nodiscard]] Bytes checkpoint_signed_message(const Checkpoint &c);
void sign_checkpoint(Checkpoint &c, const crypto::SigningKey &server);
[[nodiscard]] Result<void> verify_checkpoint(const Checkpoint &c, const crypto::SignPublicKey &server_key);
[[nodiscard]] QJsonObject checkpoint_to_json(const Checkpoint &c);
[[nodiscard]] Checkpoint read_checkpoint(ObjectReader &r);

// The server's statement that `record_digest` is the published record of a poll, which is on the
// board as entry `board_seq` (head `board_head`). The digest is what the minutes print. It is
// record/'s (record/payloads.hpp: its members, JSON, signed bytes and signature, described once);
// the wire reads and writes it through record (record_codec.hpp).
using record::RecordStatement;
CV_PROTOCOL_RECORD_TYPE(record::RecordStatement, record_statement_to_json, read_record_statement);

// H32("CV/record-digest", var(record bytes)): the fingerprint of a record's exact JSON text.
using record::record_digest;
using record::record_signed_message;
using record::sign_record_statement;
using record::verify_record_statement; // true when the server's signature verifies
// E_BAD_SIGNATURE unless the server's signature verifies.
[[nodiscard]] Result<void> check_record_signature(const RecordStatement &s,
                                                  const crypto::SignPublicKey &server_key);

} // namespace cv::protocol
