// An auditor's end-to-end verification of one poll from public data only: the poll's record file
// (docs/record.md §5) is built from the board (from entry 1) and the signed RecordStatement, and
// checked by record/'s offline verifier — the same checks, by the same names, as
// `councilvote-verify` on a file taken home (docs/record.md §6).
#pragma once

#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/statements.hpp"
#include "councilvote/record/verify.hpp"

#include <optional>
#include <span>
#include <string>

namespace cv::client::roles {

struct AuditInput {
  const protocol::EnrollmentBundle &bundle; // the meeting's (its signature is checked)
  protocol::PollId poll;
  std::span<const protocol::BoardEntry> board; // from entry 1, through the poll's result entry
  const protocol::RecordStatement *statement;  // get_record's; nullptr: the record is not published
  std::optional<std::string> tracking_code;    // 64 hex digits or XXXX-XXXX-XXXX-XXXX
};

using AuditReport = record::VerifyReport;
using AuditCheck = record::VerifyCheck;

// Never fails: a problem is a failed check. Without a statement (or a board that does not reach the
// statement's entry) the file cannot be built: the report has the failed check `record.statement`.
[[nodiscard]] AuditReport audit_poll(const AuditInput &in);

} // namespace cv::client::roles
