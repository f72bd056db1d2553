// The meeting, its council roster, the rule profiles and the nominees, as the store keeps them.
// Text fields are taken as parsed from the CSV files of data/; the schema checks the enumerations.
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/record/enums.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cv::schema {

struct Meeting {
  std::string meeting_id; // 1..256 bytes, bound into every poll manifest
  std::string council;    // e.g. "Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Long"
  std::string session_name;
  std::string date; // YYYY-MM-DD
  std::string place;
  // The fewest ballots a poll must hold to be tallied or decrypted (docs/threat-model.md §3): 2..9999.
  std::uint32_t min_ballots = crypto::kDefaultMinBallots;
};

// A row of roster.csv.
struct MemberRow {
  std::int64_t member_no = 0;
  std::string full_name;
  std::string council_role; // chair, vice_chair, secretary, member
  std::string position;
  std::string unit;
};

using record::Attendance; // the domain's one attendance enum (record/enums.hpp)
[[nodiscard]] std::string_view to_string(Attendance a) noexcept;

struct Member {
  MemberRow row;
  std::optional<crypto::SignPublicKey> public_key{}; // empty until the member registers
  Attendance attendance = Attendance::unknown;
};

// A row of rules.csv: the result rule of an award, data rather than code. The threshold and the
// quorum are exact fractions num/den (v4; 90 % is 90/100): den 1..1000, 0 <= num <= den.
struct RuleProfile {
  std::string rule_id;
  std::string label;
  std::int64_t threshold_num = 0, threshold_den = 100; // agree * den >= (>) num * denominator
  std::string comparison;                              // at_least (>=) or more_than (>)
  std::string denominator;                             // all_members or present_members
  std::string source;                                  // the decree or regulation
  std::int64_t quorum_num = 0, quorum_den = 100; // of all members present for a result to stand; 0: none
};

// A row of nominees.csv.
struct Nominee {
  std::int64_t nominee_no = 0;
  std::string kind; // ca_nhan (individual) or tap_the (collective)
  std::string name;
  std::string position;
  std::string unit;
  std::string award;
  std::string rule_id;
  std::optional<std::int64_t> award_quota{}; // empty: no quota
};

} // namespace cv::schema
