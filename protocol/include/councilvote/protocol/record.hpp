// The published result record of a poll (docs/record.md) as the wire library sees it: the record
// and its rules are record/'s (councilvote/record/result_record.hpp, no Qt); these are the same
// functions with the wire's error codes (E_INVALID_ARGUMENT, E_UNKNOWN_FIELD, E_INCONSISTENT_DATA
// with the check's name, ...).
#pragma once

#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/record/result_record.hpp"

#include <string>
#include <string_view>

namespace cv::protocol {

using record::ContestOutcome;
using record::kRecordFormat;
using record::Record;
using record::RecordContest;
using record::RecordContestInput;
using record::RecordInput;
using record::RecordMeeting;
using record::RecordTurnout;

[[nodiscard]] inline std::string_view contest_outcome_name(ContestOutcome o) noexcept {
  return record::name(o);
}

[[nodiscard]] Result<Record> compute_record(const RecordInput &in);
[[nodiscard]] std::string encode_record(const Record &r);
[[nodiscard]] Result<Record> decode_record(std::string_view text);
[[nodiscard]] Result<void> verify_record_outcomes(const Record &r);

} // namespace cv::protocol
