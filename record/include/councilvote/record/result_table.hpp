// The result of a poll as a plain-text table (terminal, logs): one line per nominee with the counts,
// the agree share of all members, the rule, the outcome and the rank within the award's quota —
// the columns of the minutes (biên bản kiểm phiếu). Vietnamese headings; UTF-8.
#pragma once

#include "councilvote/record/result_record.hpp"

#include <string>

namespace cv::record {

// The table, then a summary (members, present, remote, ballots, passed per award).
[[nodiscard]] std::string format_result_table(const Record &record);

// "Đạt", "Không đạt", "Không đủ túc số", "Bằng phiếu" (a tie at the quota: the chair decides).
[[nodiscard]] std::string outcome_label_vi(ContestOutcome o);

} // namespace cv::record
