// The record file of a published poll (docs/record.md §5), written from the meeting directory:
// `councilvote-server export --meeting DIR --poll P --out FILE`.
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/statements.hpp"
#include "councilvote/schema/board.hpp"
#include "councilvote/server/meeting_dir.hpp"

#include <cstdint>
#include <filesystem>

namespace cv::server {

// The signed RecordStatement of a poll's `result` entry (docs/wire.md §6.3), as get_record gives it.
[[nodiscard]] protocol::Result<protocol::RecordStatement> record_statement(const protocol::MeetingId &meeting,
                                                                           const protocol::PollId &poll,
                                                                           const schema::BoardEntry &entry,
                                                                           const crypto::SigningKey &key);

struct RecordExportResult {
  crypto::ByteArray<32> fingerprint{};
  std::uint64_t entries = 0;
  std::uint32_t ballots = 0;
};

// E_NOT_FOUND when the poll has no published record; E_INTERNAL for a file that cannot be written.
[[nodiscard]] protocol::Result<RecordExportResult> export_record(const MeetingDir &dir,
                                                                 const protocol::PollId &poll,
                                                                 const std::filesystem::path &out,
                                                                 bool overwrite);

} // namespace cv::server
