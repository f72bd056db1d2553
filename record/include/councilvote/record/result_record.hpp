// The published result record of a poll (docs/record.md): the exact JSON text that the server
// appends to the board as the `result` entry and whose digest the minutes print. It applies the
// council's rules — the rule profile of each nominee's award and the award quotas — to the
// decrypted counts. The same code recomputes the outcomes in every verifier (verify_record_outcomes):
// the rules live here, once, with no Qt and no database.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/record/council.hpp"
#include "councilvote/record/error.hpp"
#include "councilvote/record/reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::record {

using crypto::ByteArray;

inline constexpr std::string_view kRecordFormat = "councilvote-record/1";

struct RecordMeeting {
  std::string meeting_id, council, session_name, date, place;
  friend bool operator==(const RecordMeeting &, const RecordMeeting &) = default;
};

// The attendance and turnout when the poll closed.
struct RecordTurnout {
  std::uint32_t members = 0; // on the poll's roster (the denominator "all_members")
  std::uint32_t present = 0, remote = 0, absent = 0, unknown = 0;
  std::uint32_t ballots = 0, ballots_in_room = 0, ballots_remote = 0;
  std::vector<std::uint32_t> voted; // member numbers that cast a ballot, ascending
  friend bool operator==(const RecordTurnout &, const RecordTurnout &) = default;
};

// The chair's decision of a tie at an award's quota as the record names it (docs/record.md §3 step
// 9): board entry `seq` (a chair_decision, record/chair_decision.hpp), signed by the chair, member
// `member_no`, gives the places left of `award` to `nominees` (ascending).
struct RecordChairDecision {
  std::uint64_t seq = 0;
  std::string award;
  std::vector<std::uint32_t> nominees;
  std::uint32_t member_no = 0;
  friend bool operator==(const RecordChairDecision &, const RecordChairDecision &) = default;
};

// A member of the poll's roster as the server's roster names him (docs/record.md §2): the number
// of the attendance entry, the full name and the council role the minutes print. The names are
// the server's declaration (signed with the record); the numbers are checked against the board.
struct RecordMember {
  std::uint32_t member_no = 0;
  std::string full_name;
  CouncilRole council_role = CouncilRole::member;
  friend bool operator==(const RecordMember &, const RecordMember &) = default;
};

// A trustee of the poll's key ceremony (the vote-counting committee): its index 1..n on the board
// and the roster member who holds it.
struct RecordTrustee {
  std::uint32_t index = 0;
  std::uint32_t member_no = 0;
  friend bool operator==(const RecordTrustee &, const RecordTrustee &) = default;
};

// One contest as the server knows it, with its decrypted counts.
struct RecordContestInput {
  std::uint32_t position = 0; // index in the manifest
  std::string contest_id;
  crypto::ContestKind kind = crypto::ContestKind::commendation;
  std::optional<NomineeRow> nominee;        // commendation
  std::optional<RuleProfile> rule;          // commendation: the profile of nominee->rule_id
  std::optional<std::uint32_t> award_quota; // commendation: the quota of the nominee's award
  std::string label;                        // general
  std::vector<std::string> option_labels;   // general
  crypto::ContestResult counts;             // from crypto::decode_tally
};

struct RecordInput {
  RecordMeeting meeting;
  std::string poll;
  std::string title;
  ByteArray<32> poll_context{};
  ByteArray<32> tally_context{}; // crypto::EncryptedTally::context()
  std::uint64_t manifest_seq = 0, tally_seq = 0;
  std::uint64_t attendance_seq = 0; // the poll's `attendance` entry (frozen at close)
  std::uint32_t min_ballots = 0;    // the meeting's minimum (bundle); turnout.ballots must reach it
  std::uint32_t threshold = 0;
  std::vector<std::uint32_t> decrypting_trustees; // indices whose partials were combined, ascending
  std::vector<std::uint64_t> partial_seqs;        // their board entries, same order
  RecordTurnout turnout;
  std::vector<RecordMember> members;                // the poll's roster, ascending member_no
  std::vector<RecordTrustee> trustees;              // the ceremony's trustees, index 1..n
  std::vector<RecordContestInput> contests;         // in manifest order
  std::vector<RecordChairDecision> chair_decisions; // in board order (ascending seq)
  std::string closed_at;                            // the store's UTC text
};

// A contest's line in the record and on the minutes.
struct RecordContest {
  std::uint32_t position = 0;
  std::string contest_id;
  crypto::ContestKind kind = crypto::ContestKind::commendation;
  // commendation
  std::optional<NomineeRow> nominee;
  std::optional<RuleProfile> rule;
  std::optional<std::uint32_t> award_quota;
  std::uint64_t agree = 0, disagree = 0, blank = 0, not_voted = 0;
  std::uint64_t denominator = 0; // members or present members, by the rule
  std::uint32_t agree_basis_points =
      0;                 // agree × 10000 / members rounded half up: the % of all members, to show
  bool rule_met = false; // agree*den >= (>) num*denominator (rule.threshold)
  bool quorum_met = true;
  ContestOutcome outcome = ContestOutcome::not_passed;
  std::optional<std::uint32_t> quota_rank; // rank by agree among the award's rule-passing nominees
  bool chair_decided = false;              // a tie at the quota that the chair decided: the outcome is his
  // general
  std::string label;
  std::vector<std::string> option_labels;
  std::vector<std::uint64_t> option_counts;
  friend bool operator==(const RecordContest &, const RecordContest &) = default;
};

struct Record {
  RecordMeeting meeting;
  std::string poll;
  std::string title;
  ByteArray<32> poll_context{}, tally_context{};
  std::uint64_t manifest_seq = 0, tally_seq = 0, attendance_seq = 0;
  std::uint32_t min_ballots = 0;
  std::uint32_t threshold = 0;
  std::vector<std::uint32_t> decrypting_trustees;
  std::vector<std::uint64_t> partial_seqs;
  RecordTurnout turnout;
  std::vector<RecordMember> members;
  std::vector<RecordTrustee> trustees;
  std::vector<RecordContest> contests;
  std::vector<RecordChairDecision> chair_decisions;
  std::string closed_at;
  friend bool operator==(const Record &, const Record &) = default;
};

// Applies the rules and quotas (docs/record.md §3), then the chair's decisions in board order, and
// returns the record. invalid_argument when the input does not fit together (counts exceed the
// roster, a commendation contest without nominee or rule, positions out of order, fewer ballots
// than min_ballots, a chair decision that check_chair_decision refuses: check
// "chair_decisions[i].award" ...).
[[nodiscard]] Result<Record> compute_record(const RecordInput &in);
// The input a record was computed from (its counts, rules, quotas, people and decisions):
// compute_record(input_of(r)) is r for every record compute_record made.
[[nodiscard]] RecordInput input_of(const Record &r);
// The roster member of `member_no`, or nullptr; the chair (the one member whose role is chair), or nullptr.
[[nodiscard]] const RecordMember *find_member(const Record &r, std::uint32_t member_no) noexcept;
[[nodiscard]] const RecordMember *find_chair(const Record &r) noexcept;
// The record's exact text (compact JSON, members sorted by name).
[[nodiscard]] std::string encode_record(const Record &r);
// Parses a record text (strict, unknown members rejected; unsupported_version for another format).
[[nodiscard]] Result<Record> decode_record(std::string_view text);
// Whether the chair may decide the tie of `award` in `draft` (the record before this decision) by
// giving its places left to `nominees`: some contests of the award are tie_at_quota (check
// "award": no such award, no tie, or decided already), every nominee is one of them (check
// "nominee"), and they are exactly as many as the places left, award_quota + 1 - quota_rank of the
// tied contests (check "places"). invalid_argument with the check's name and a sentence that names
// the tied nominees and the places left.
[[nodiscard]] Result<void> check_chair_decision(const Record &draft, std::string_view award,
                                                const std::vector<std::uint32_t> &nominees);
// The record's decisions, each checked against the record as it was before it (recomputed from the
// counts, rules and quotas): inconsistent_data with check "chair_decisions[i].<check>".
[[nodiscard]] Result<void> check_record_chair_decisions(const Record &r);
// Recomputes every outcome, percentage and rank from the counts, rules and quotas in the record;
// inconsistent_data with check "contest[i].<what>" at the first difference, or "min_ballots" for
// a record of fewer ballots than its meeting's minimum (such a record must never have been made).
[[nodiscard]] Result<void> verify_record_outcomes(const Record &r);

// The JSON of a nominee row and a rule profile inside a record (the members of docs/wire.md §8.2).
[[nodiscard]] Json nominee_to_json(const NomineeRow &n);
[[nodiscard]] NomineeRow read_nominee(Reader &r);
// A rule's threshold and quorum are {num, den} (den 1..1000, num <= den; a threshold's num >= 1).
[[nodiscard]] Json fraction_to_json(Fraction f);
[[nodiscard]] Fraction read_fraction(Reader &r, bool positive);
[[nodiscard]] Json rule_to_json(const RuleProfile &p);
[[nodiscard]] RuleProfile read_rule(Reader &r);

} // namespace cv::record
