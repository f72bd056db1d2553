// Whole-file reads and atomic writes for the roles' files (saved ballots, sealed trustee files).
#pragma once

#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/json.hpp"

#include <cstddef>
#include <filesystem>

namespace cv::client::roles {

// crypto::write_file_atomic with mode 0600: a temporary file in the target directory, fsync, then
// rename (`overwrite`) or link (an existing file is never replaced; the call then fails with
// "already exists"); the directory is synced best-effort. E_INTERNAL naming the step.
[[nodiscard]] protocol::Result<void> write_file_atomic(const std::filesystem::path &path,
                                                       protocol::ByteView bytes, bool overwrite);

// Reads a whole file of at most max_bytes. E_INVALID_ARGUMENT when it cannot be opened or is larger.
[[nodiscard]] protocol::Result<protocol::Bytes> read_binary_file(const std::filesystem::path &path,
                                                                 std::size_t max_bytes);

} // namespace cv::client::roles
