// The council's own data, as every layer sees it: a nominee and the rule profile its award is voted
// under (docs/wire.md §8.2, docs/record.md §3), with the limits of their texts. The wire reads and
// writes them in its messages (protocol/), the store keeps them (schema/), the record carries them.
#pragma once

#include "councilvote/record/enums.hpp"
#include "councilvote/record/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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

// An exact share num/den of a count, as the councils write it: "2/3" (Từ 2/3 trở lên) or "90%"
// (90/100). Never reduced: 90/100 stays 90/100, so a percentage is shown as one. den 1..1000,
// num <= den (a share is at most the whole).
inline constexpr std::uint32_t kMaxFractionDen = 1000;
struct Fraction {
  std::uint32_t num = 0;
  std::uint32_t den = 100;
  // num * count compared on integers (no float ever decides).
  [[nodiscard]] std::uint64_t of(std::uint64_t count) const noexcept { return std::uint64_t{num} * count; }
  friend bool operator==(const Fraction &, const Fraction &) = default;
};

// "90%" when den is 100, else "2/3".
[[nodiscard]] std::string fraction_text(Fraction f);

// The one percentage rule of every screen, table and minutes: agree of `members` in hundredths of a
// per cent, rounded half up on integers (docs/record.md §5 rule 6): 20 of 22 -> 9091, 1 of 8 ->
// 1250, 2 of 3 -> 6667; 0 when members is 0. For display only: no rounded figure ever decides.
[[nodiscard]] std::uint32_t agree_basis_points(std::uint64_t agree, std::uint64_t members) noexcept;
// 9091 -> "90,91%" (the Vietnamese decimal comma), or with decimal_separator "." -> "90.91%".
[[nodiscard]] std::string percent_text(std::uint32_t basis_points, std::string_view decimal_separator = ",");
// The inverse, for the CSV and the command line: "2/3" (den 1..1000, num <= den) or "90%"
// (0..100 -> 90/100); `positive`: zero is refused (a threshold), else allowed (a quorum: 0 = none).
// bad_field with a sentence that quotes the text ("\"2/0\": the denominator must be 1 to 1000").
[[nodiscard]] Result<Fraction> parse_fraction(std::string_view text, bool positive);

struct RuleProfile {
  std::string rule_id; // id syntax, at most 64 characters
  std::string label;
  Fraction threshold{}; // 0 < num <= den: the share of the denominator that must agree
  Comparison comparison = Comparison::at_least;
  Denominator denominator = Denominator::all_members;
  Fraction quorum{0, 100}; // 0 <= num <= den: the share of all members present in the room; 0 = none
  std::string source;      // the legal basis, may be empty
  // The rule on integers: agree * den >= (or >) num * denominator.
  [[nodiscard]] bool passes(std::uint64_t agree, std::uint64_t denominator_count) const noexcept {
    const auto lhs = agree * threshold.den, rhs = threshold.of(denominator_count);
    return comparison == Comparison::at_least ? lhs >= rhs : lhs > rhs;
  }
  // present * den >= num * members.
  [[nodiscard]] bool quorum_met(std::uint64_t present, std::uint64_t members) const noexcept {
    return present * quorum.den >= quorum.of(members);
  }
  friend bool operator==(const RuleProfile &, const RuleProfile &) = default;
};

} // namespace cv::record
