// A member's saved ballot: the exact signed bytes sent with cast_ballot and, once it arrived, the
// server's receipt. Kept on disk from before the first attempt, so that a retry after a crash or a
// lost answer resends the SAME bytes (docs/wire.md §8.4) and the member can later check the board.
//
// JSON (the wire's profile, members sorted):
//   {"format":"councilvote-ballot/1","meeting":"…","poll":"…","ballot":"<hex>",
//    "tracking_code":"<32 bytes hex>","receipt":{…docs/wire.md §6.1…}}     (receipt optional)
// The ballot is encrypted and public once cast (it is on the board); the file holds no secret.
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/statements.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cv::client::roles {

using protocol::ByteArray;
using protocol::Bytes;
using protocol::ByteView;

inline constexpr std::string_view kBallotFileFormat = "councilvote-ballot/1";

struct SavedBallot {
  protocol::MeetingId meeting;
  protocol::PollId poll;
  Bytes ballot;                  // docs/protocol.md §9.2
  ByteArray<32> tracking_code{}; // of `ballot`
  std::optional<protocol::Receipt> receipt;
  friend bool operator==(const SavedBallot &, const SavedBallot &) = default;
};

using crypto::tracking_code_of; // H32("CV/tracking-code", var(ballot wire bytes))

[[nodiscard]] std::string encode_saved_ballot(const SavedBallot &s);
// Strict: unknown members rejected; E_INCONSISTENT_DATA (check "tracking_code") when the code is
// not the ballot's, or (check "receipt") when the receipt is about another meeting, poll or code.
[[nodiscard]] protocol::Result<SavedBallot> decode_saved_ballot(std::string_view text);

// Atomic write (temporary file mode 0600, fsync, rename; the directory is synced best-effort).
// Overwrites: the receipt is added to the same file. E_INTERNAL naming the failed step.
[[nodiscard]] protocol::Result<void> save_saved_ballot(const std::filesystem::path &path,
                                                       const SavedBallot &s);
[[nodiscard]] protocol::Result<SavedBallot> load_saved_ballot(const std::filesystem::path &path);

} // namespace cv::client::roles
