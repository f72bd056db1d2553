// What the minutes (biên bản kiểm phiếu) say, taken from a verified record file only: every text of
// the document as plain strings, in the chosen language, and the nominee table as rows — for the PDF,
// the CSV and the HTML alike. No painting here: the same struct feeds every output, and every fixed
// text of the minutes is written (and translated, minutes/translations/) in minutes_input.cpp only.
#pragma once

#include "councilvote/record/verify.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::minutes {

// Vietnamese is the minutes' own language (the source texts); English comes from Qt Linguist
// (minutes/translations/minutes_en.ts, compiled into the library).
enum class Language { vi, en };
// "vi" / "en"; nullopt for any other code.
[[nodiscard]] std::optional<Language> language_from_code(std::string_view code);
[[nodiscard]] std::string_view language_code(Language l) noexcept;

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

// The fixed texts of the document, in the minutes' language.
struct MinutesTexts {
  std::string national_name, motto; // the Quốc hiệu and the tiêu ngữ
  std::string title;                // "BIÊN BẢN KIỂM PHIẾU"
  std::string pdf_title;            // the PDF's document title
  std::vector<std::string> facts;   // the paragraphs under the title: council, time, people, counts
  std::string summary_heading, table_heading;
  std::vector<std::string> summary_columns; // award, nominees, passed, not passed, ties
  std::string ties_note;                    // under the summary when some award had a tie, else empty
  std::vector<std::string> table_columns;   // the ten columns of docs/minutes.md §2
  std::string award_prefix;                 // "Danh hiệu: " before an award's name in the table
  std::string announced;                    // "Kết quả kiểm phiếu được công bố lúc …."
  std::string attached;                     // the sentence that the record is attached
  std::string sign_counters, sign_secretary, sign_chair, sign_hint;
  std::string footer_fingerprint, footer_check;
  std::string page_prefix; // "Trang " before "x/y"
};

struct MinutesInput {
  Language language = Language::vi;
  MinutesTexts texts;
  std::string fingerprint_hex;
  std::string council, council_upper, session, title, place, date_text, place_date_line;
  std::string chair, secretary;      // full names
  std::vector<std::string> counters; // the vote-counting committee: "Nguyễn Văn A (thành viên số 5)"
  std::string counters_head;         // the first trustee's name (signs for the committee)
  std::uint32_t members = 0, present = 0, remote = 0, absent = 0;
  std::vector<std::string> absent_names, remote_names;
  std::uint32_t ballots_issued = 0, ballots_received = 0, ballots_valid = 0;
  std::string announced; // "10 giờ 15 phút ngày 15 tháng 6 năm 2025 (giờ Việt Nam, UTC+07:00)"
  std::string rounding_rule;
  std::vector<MinutesAward> awards;         // in order of first appearance
  std::vector<std::string> chair_decisions; // one sentence each
};

// The minutes of a report whose every check passed (the caller checks report.ok()), in `language`.
// invalid_argument when the report lacks the record, the attendance or the statement; internal when
// the language's compiled texts are missing from the build.
[[nodiscard]] record::Result<MinutesInput> minutes_input(const record::VerifyReport &report,
                                                         Language language = Language::vi);

// "2025-06-15" -> "ngày 15 tháng 6 năm 2025" (vi) or "15 June 2025" (en); the text itself when it
// is not such a date.
[[nodiscard]] std::string date_text(std::string_view iso_date, Language language = Language::vi);

} // namespace cv::minutes
