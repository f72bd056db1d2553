// An auditor's end-to-end verification of one poll from public data only (docs/wire.md §7.3,
// docs/record.md §4), without the network: the board (from entry 1), the record text and, when
// available, the signed RecordStatement and the bundle's server key. The result is a list of named
// checks, in the manner of ElectionGuard's verifier, each passed, failed or skipped (because a check
// it needs failed), and the time spent in each phase.
//
//   board.chain              the entries chain from seq 1 (protocol::verify_board_chain)
//   manifest                 exactly one manifest entry for the poll, a PollDefinition
//   poll_context             PollDefinition::verified_context (roster, ceremony, K, context hash)
//   ballots.verify           every ballot entry of the poll decodes and passes verify_ballot
//   ballots.one_per_member   no member key has two ballot entries
//   attendance.entry         exactly one attendance entry, a FrozenAttendance of every roster member,
//                            after every ballot and before the tally (frozen at close)
//   tally.entry              exactly one tally entry, a TallyInfo, after every ballot
//   tally.min_ballots        it holds at least the meeting's minimum of ballots (the bundle's)
//   tally.matches            it is the sum of the ballot entries (recomputed)
//   partials.verify          every partial_decryption entry decodes and its proofs verify against
//                            the recomputed tally's context; one per trustee
//   partials.threshold       at least t valid partial decryptions
//   counts.decrypt           they combine and decode to counts (docs/protocol.md §11, §12.7)
//   result.entry             exactly one result entry for the poll, whose text is the record
//   record.statement         the statement is about this record (digest, meeting, poll, result
//                            entry and its hash), and its signature verifies (with a server key)
//   record.parse             protocol::decode_record
//   record.binding           the record's meeting, poll, contexts, board entries, threshold,
//                            decrypting trustees and contests (ids, kinds, nominees, labels) are the
//                            board's
//   record.counts            every contest's counts, and the number of ballots, are the decrypted ones
//   record.turnout           the turnout adds up (members = roster, voters = ballots) and its
//                            attendance is the frozen attendance entry's
//   record.min_ballots       the record's minimum is the bundle's, and it counts at least that many
//   record.outcomes          protocol::verify_record_outcomes (rules, quotas, ranks)
#pragma once

#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/record.hpp"
#include "councilvote/protocol/statements.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cv::client::roles {

struct AuditCheck {
  std::string name;
  bool ok = false;
  bool skipped = false; // not run: a check it depends on failed (ok is false)
  std::string detail;   // what was checked, or why it failed
};

struct AuditPhase {
  std::string name; // "manifest", "ballots", "tally", "partial decryptions", "combine", "record"
  double ms = 0;
};

struct AuditReport {
  protocol::PollId poll;
  std::vector<AuditCheck> checks;
  std::vector<AuditPhase> phases;
  std::uint32_t ballots = 0;                           // ballot entries of the poll
  std::vector<protocol::ByteArray<32>> tracking_codes; // of those ballots, in board order
  std::vector<std::uint64_t> ballot_seqs;              // their board entries
  std::optional<protocol::Record> record;              // when it parsed
  std::vector<crypto::ContestResult> counts;           // the decrypted counts, when they decoded

  [[nodiscard]] bool ok() const noexcept;                         // every check passed
  [[nodiscard]] const AuditCheck *first_failure() const noexcept; // the first failed check that ran
  [[nodiscard]] const AuditCheck *find(std::string_view name) const noexcept;
  // The board entry of the ballot with this tracking code ("is my ballot counted?").
  [[nodiscard]] std::optional<std::uint64_t> find_tracking_code(const protocol::ByteArray<32> &code) const;
  // One line per check ("PASS  ballots.verify  22 ballots verified") and per phase, for printing.
  [[nodiscard]] std::string to_text() const;
};

struct AuditInput {
  protocol::MeetingId meeting;
  protocol::PollId poll;
  std::span<const protocol::BoardEntry> board;            // from seq 1
  std::string_view record;                                // the record text (get_record)
  const protocol::RecordStatement *statement = nullptr;   // the signed statement (get_record), if any
  const crypto::SignPublicKey *server_key = nullptr;      // the bundle's key, to check the statement
  std::uint32_t min_ballots = crypto::kDefaultMinBallots; // the bundle's minimum
};

// Never fails as a call: everything it finds is in the report. Out of memory shows as a failed
// check named "internal".
[[nodiscard]] AuditReport audit_poll(const AuditInput &in);

} // namespace cv::client::roles
