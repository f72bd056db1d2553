// Anyone's export of a published poll's record file (docs/record.md §5) over the wire: the board
// from entry 1 (chain and checkpoints verified by get_board_all) and the signed record statement
// (checked by get_record), written by record/'s writer. The bytes are the server's `export`'s.
#pragma once

#include "councilvote/client/client.hpp"
#include "councilvote/record/record_file.hpp"

#include <filesystem>

namespace cv::client::roles {

[[nodiscard]] Result<record::RecordFileSummary>
export_record_file(Client &client, const protocol::EnrollmentBundle &bundle, const protocol::PollId &poll,
                   const std::filesystem::path &out, bool overwrite);

} // namespace cv::client::roles
