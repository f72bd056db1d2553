// Atomic file writes: the one implementation behind the key files (keyfile.hpp), the client's saved
// ballots and sealed trustee files, and the files of the server's meeting directory.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/error.hpp"

#include <filesystem>

namespace cv::crypto {

inline constexpr std::filesystem::perms kOwnerOnly =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write; // 0600

// Writes `bytes` to a temporary file `.<name>.tmp-XXXXXX` in the target's directory, sets `mode`
// exactly (no umask), fsyncs and closes it, then installs it: with `overwrite` by rename, without by
// link, so that an existing file is never replaced (the call then fails with "<path> already exists;
// not overwriting"); then fsyncs the directory (best effort: not every file system supports it).
// The temporary file is removed on failure. Errors: Errc::system_error naming the failed step.
[[nodiscard]] Result<void> write_file_atomic(const std::filesystem::path &path, ByteView bytes,
                                             bool overwrite, std::filesystem::perms mode = kOwnerOnly);

} // namespace cv::crypto
