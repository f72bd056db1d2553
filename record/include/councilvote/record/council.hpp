// The council's own data, as every layer sees it: a nominee and the rule profile its award is voted
// under (docs/wire.md §8.2, docs/record.md §3), with the limits of their texts. The wire reads and
// writes them in its messages (protocol/), the store keeps them (schema/), the record carries them.
#pragma once

#include "councilvote/record/enums.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace cv::record {

// Text limits (UTF-8 bytes).
inline constexpr std::size_t kMaxNameBytes = 200;    // full names, awards
inline constexpr std::size_t kMaxTextBytes = 500;    // titles, labels, positions, units, sources
inline constexpr std::size_t kMaxReasonBytes = 1000; // complaint reasons
inline constexpr std::uint64_t kMaxMemberNo = 9999;
inline constexpr std::size_t kMaxRosterRows = 1000;
inline constexpr std::size_t kMaxNomineeRows = 10000;
inline constexpr std::size_t kMaxRuleIdBytes = 64;
inline constexpr std::uint32_t kMaxAwardQuota = 10000;

struct NomineeRow {
  std::uint32_t nominee_no = 0; // 1..9999
  NomineeKind kind = NomineeKind::ca_nhan;
  std::string name;
  std::string position; // may be empty (collectives)
  std::string unit;
  std::string award;
  std::string rule_id; // a RuleProfile's rule_id
  friend bool operator==(const NomineeRow &, const NomineeRow &) = default;
};

struct RuleProfile {
  std::string rule_id; // id syntax, at most 64 characters
  std::string label;
  std::uint32_t threshold_percent = 0; // 1..100
  Comparison comparison = Comparison::at_least;
  Denominator denominator = Denominator::all_members;
  std::uint32_t quorum_percent = 0; // 0..100 of all members present
  std::string source;               // the legal basis, may be empty
  // The rule on integers: agree*100 >= (or >) threshold*denominator.
  [[nodiscard]] bool passes(std::uint64_t agree, std::uint64_t denominator_count) const noexcept {
    const auto lhs = agree * 100, rhs = std::uint64_t{threshold_percent} * denominator_count;
    return comparison == Comparison::at_least ? lhs >= rhs : lhs > rhs;
  }
  friend bool operator==(const RuleProfile &, const RuleProfile &) = default;
};

} // namespace cv::record
