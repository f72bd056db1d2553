// The auditor's verification of one record file (docs/record.md §5–§6), offline: no Qt, no SQL,
// no network. Every check has a name; the report lists them in order with PASS / FAIL / SKIP and
// the place of the first failure ("board entry 17 (ballot of member 9): contest[3].proof ...").
//
// The file is read once, one line at a time: memory holds one ballot, the running tally and one
// key per voter, never the ballots of the poll.
#pragma once

#include "councilvote/crypto/tally.hpp"
#include "councilvote/record/record_file.hpp"
#include "councilvote/record/result_record.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::record {

struct VerifyCheck {
  std::string name;
  bool ok = false;
  bool skipped = false; // not run because a check it needs failed
  std::string detail;
};

struct VerifyProgress {
  std::uint64_t lines = 0, bytes = 0, total_bytes = 0;
  std::uint32_t ballots = 0, total_ballots = 0;
};

struct VerifyOptions {
  // Pin the server: the bundle's key must be this one (the key printed in the room).
  std::optional<crypto::SignPublicKey> server_key;
  // Say whether and where the ballot with this tracking code is counted: the 64 hex digits of the
  // receipt, or the short code XXXX-XXXX-XXXX-XXXX the member's screen shows.
  std::optional<std::string> tracking_code;
  // Called about every 1/4 s while reading (for a progress line).
  std::function<void(const VerifyProgress &)> progress;
};

struct VerifyReport {
  std::vector<VerifyCheck> checks;
  crypto::ByteArray<32> fingerprint{};
  bool read_whole_file = false;
  std::optional<RecordFileHeader> header;
  std::optional<Record> record;
  std::optional<FrozenAttendance> attendance; // the poll's attendance entry, once read
  std::optional<RecordStatement> statement;   // once its signature and binding are checked
  std::string bundle_code;                    // for comparison with the one shown in the room
  std::uint32_t ballots = 0;
  std::optional<std::uint64_t> tracking_seq; // the ballot entry of the tracking code, if counted
  double seconds = 0;

  [[nodiscard]] bool ok() const noexcept; // every check passed
  [[nodiscard]] const VerifyCheck *first_failure() const noexcept;
  [[nodiscard]] const VerifyCheck *find(std::string_view name) const noexcept;
  // "PASS  name  detail" lines.
  [[nodiscard]] std::string to_text() const;
  // {"valid":..., "fingerprint":..., "checks":[{"name","result","detail"}], ...}
  [[nodiscard]] std::string to_json() const;
};

[[nodiscard]] VerifyReport verify_record_file(const std::filesystem::path &path,
                                              const VerifyOptions &options = {});
// The same over a record file's bytes in memory.
[[nodiscard]] VerifyReport verify_record_bytes(std::string bytes, const VerifyOptions &options = {});

// The check names, in report order (docs/record.md §6).
[[nodiscard]] const std::vector<std::string_view> &verify_check_names();

} // namespace cv::record
