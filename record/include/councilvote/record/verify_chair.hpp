// The offline verifier's check `record.chair_decisions` (docs/record.md §6): the chair's decisions
// of ties at a quota, as the board holds them (chair_decision entries) and as the record applies
// them. A function of its own so that verify.cpp only collects the entries and calls it.
#pragma once

#include "councilvote/record/error.hpp"
#include "councilvote/record/record_file.hpp"
#include "councilvote/record/result_record.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace cv::record {

// A chair_decision board entry of the poll: its seq and its payload text.
struct ChairDecisionEntry {
  std::uint64_t seq = 0;
  std::string text;
};

// Passes (with a one-line detail) when every entry is a decision of this meeting and poll, bound to
// the record's tally, made after the tally and after at least `threshold` of the record's partial
// decryptions (the counts were known), signed by the chair — the one member the server's signed
// record names for all its decisions (the council roles are not on the board), with that member's
// key on `roster` — and the record names exactly these decisions (seq, award, nominees, chair) in
// board order, each deciding a tie at its award's quota with exactly the places left among the tied
// nominees (check_record_chair_decisions). `roster` is the header's (member numbers and keys),
// already checked against the board (roster.members); the record's contexts and entries against
// the board (record.binding). inconsistent_data otherwise.
[[nodiscard]] Result<std::string> verify_chair_decisions(const Record &record,
                                                         std::span<const RosterEntry> roster,
                                                         std::span<const ChairDecisionEntry> entries,
                                                         std::string_view meeting);

} // namespace cv::record
