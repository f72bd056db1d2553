// What the minutes (biên bản kiểm phiếu) say, taken from a verified record file only: every text of
// the document as plain strings and the nominee table as rows, for the PDF, the CSV and the HTML.
// No painting here and no Qt: the same struct feeds every output.
#pragma once

#include "councilvote/record/verify.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cv::minutes {

// One nominee's line of the table (docs/minutes.md §2).
struct MinutesRow {
  std::uint32_t index = 0;      // the STT: 1.. down the table, award by award
  std::uint32_t nominee_no = 0; // the nominee's number in the session
  std::string name, position, unit, award;
  std::uint64_t agree = 0, disagree = 0, blank = 0, not_voted = 0;
  std::string agree_percent; // "90,91%": of ALL members, record::agree_basis_points (half up)
  std::string rule;          // "≥ 90%", "≥ 2/3", "> 1/2 (có mặt)"
  std::string outcome; // "Đạt", "Không đạt", "Bằng phiếu — Chủ tọa quyết định", ...
  std::string rank;    // "1/2" within the award's quota, or "—"
};

// The rows of one award, in record order.
struct MinutesAward {
  std::string award;
  std::uint32_t nominees = 0, passed = 0, not_passed = 0;
  std::uint32_t ties = 0; // tied at the quota line: decided by the Chair (then also passed or not) or not yet
  std::vector<MinutesRow> rows;
};

struct MinutesInput {
  std::string fingerprint_hex;
  std::string council, council_upper, session, title, place, date_text, place_date_line;
  std::string chair, secretary;      // full names
  std::vector<std::string> counters; // the vote-counting committee: "Nguyễn Văn A (thành viên số 5)"
  std::string counters_head;         // the first trustee's name (signs for the committee)
  std::uint32_t members = 0, present = 0, remote = 0, absent = 0;
  std::vector<std::string> absent_names, remote_names;
  std::uint32_t ballots_issued = 0, ballots_received = 0, ballots_valid = 0;
  std::string announced; // "10:15 ngày 15 tháng 6 năm 2025 (giờ Việt Nam, UTC+07:00)"
  std::string rounding_rule;
  std::vector<MinutesAward> awards;         // in order of first appearance
  std::vector<std::string> chair_decisions; // one sentence each
};

// The minutes of a report whose every check passed (the caller checks report.ok()).
// invalid_argument when the report lacks the record, the attendance or the statement.
[[nodiscard]] record::Result<MinutesInput> minutes_input(const record::VerifyReport &report);

// "2025-06-15" -> "ngày 15 tháng 6 năm 2025" (the text itself when it is not such a date).
[[nodiscard]] std::string date_vi(std::string_view iso_date);

} // namespace cv::minutes
