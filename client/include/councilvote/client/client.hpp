// The typed client: one method per operation of docs/wire.md §8, taking and returning the bodies of
// protocol/bodies.hpp, over a Connection (blocking calls). It checks what docs/wire.md §6.4 asks a
// client to check with the server's key from the bundle:
//   - receipts (signature, meeting, poll, tracking code of the ballot actually sent),
//   - checkpoints (signature, meeting) of close_poll and get_board,
//   - record statements (signature, meeting, poll, digest of the record text),
//   - the board's hash chain (get_board_all), up to a signed checkpoint,
//   - a poll definition (verified_poll: PollDefinition::verified_context).
// A failed check is E_INCONSISTENT_DATA (E_BAD_SIGNATURE for a signature) naming the check; a
// response body that does not read as the operation's type is E_INCONSISTENT_DATA, check
// "response".
#pragma once

#include "councilvote/client/connection.hpp"
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/statements.hpp"

#include <cstdint>
#include <vector>

namespace cv::client {

template <class T> using Result = protocol::Result<T>;
using protocol::Hash32;
using protocol::PollId;

// A poll definition whose every recomputable part was checked, with the context to encrypt with.
struct VerifiedPoll {
  protocol::PollInfo info;
  crypto::PollContext context;
};

// The board from (after_seq + 1) to a signed checkpoint, with the chain verified.
struct BoardSnapshot {
  std::uint64_t after_seq = 0; // entries continue the board after this entry
  std::vector<protocol::BoardEntry> entries;
  protocol::Checkpoint checkpoint; // signed; board_seq == after_seq + entries.size()
  [[nodiscard]] Hash32 head() const;
};

using crypto::tracking_code_of; // H32("CV/tracking-code", var(ballot wire bytes))

// Checks of a server statement against the bundle (signature, meeting).
[[nodiscard]] Result<void> check_receipt(const protocol::Receipt &r, const protocol::EnrollmentBundle &bundle,
                                         const PollId &poll, const Hash32 &tracking_code);
[[nodiscard]] Result<void> check_checkpoint(const protocol::Checkpoint &c,
                                            const protocol::EnrollmentBundle &bundle);
[[nodiscard]] Result<void> check_record(const protocol::GetRecordResponse &r,
                                        const protocol::EnrollmentBundle &bundle, const PollId &poll);

class Client {
public:
  explicit Client(Connection &connection, Millis timeout = Millis{60000})
      : conn_(connection), timeout_(timeout) {}

  [[nodiscard]] Connection &connection() noexcept { return conn_; }
  [[nodiscard]] const protocol::EnrollmentBundle &bundle() const noexcept { return conn_.bundle(); }
  void set_timeout(Millis t) noexcept { timeout_ = t; }

  // The raw call (the CLI's --json output, operations added later).
  [[nodiscard]] Result<QJsonObject> raw(protocol::MessageType type, const QJsonObject &body);

  // ----- secretary (docs/wire.md §8.3)
  [[nodiscard]] Result<protocol::ImportResponse> import_roster(const protocol::ImportRosterRequest &r);
  [[nodiscard]] Result<protocol::ImportResponse> import_nominees(const protocol::ImportNomineesRequest &r);
  [[nodiscard]] Result<protocol::RuleProfile> define_rule_profile(const protocol::RuleProfile &r);
  [[nodiscard]] Result<protocol::SetAwardQuotaRequest>
  set_award_quota(const protocol::SetAwardQuotaRequest &r);
  [[nodiscard]] Result<protocol::RegisterMemberKeyRequest>
  register_member_key(const protocol::RegisterMemberKeyRequest &r);
  // All or none (docs/wire.md §8.3): one request for the whole roster.
  [[nodiscard]] Result<protocol::RegisterMemberKeysRequest>
  register_member_keys(const protocol::RegisterMemberKeysRequest &r);
  [[nodiscard]] Result<protocol::AttendanceSummary> set_attendance(const protocol::SetAttendanceRequest &r);
  [[nodiscard]] Result<protocol::SetTrusteesResponse> set_trustees(const protocol::SetTrusteesRequest &r);
  [[nodiscard]] Result<protocol::PollInfo> open_poll(const protocol::OpenPollRequest &r);
  [[nodiscard]] Result<protocol::PollInfo> open_room(const PollId &poll);
  [[nodiscard]] Result<protocol::ClosePollResponse> close_poll(const PollId &poll); // checkpoint checked
  [[nodiscard]] Result<protocol::TurnoutInfo> turnout(const PollId &poll);
  [[nodiscard]] Result<protocol::TallyStatus> start_tally(const PollId &poll);
  [[nodiscard]] Result<protocol::GetRecordResponse> publish_record(const PollId &poll); // statement checked

  // ----- member (§8.4)
  // Sends the signed ballot bytes (resent unchanged after a lost connection) and checks the receipt:
  // signature under the bundle's server key, meeting, poll, and tracking code == H(ballot).
  [[nodiscard]] Result<protocol::Receipt> cast_ballot(const PollId &poll, const crypto::Bytes &ballot);

  // ----- trustee (§8.5)
  [[nodiscard]] Result<protocol::PostCeremonyMessageResponse>
  post_ceremony_message(const protocol::PostCeremonyMessageRequest &r);
  // One page of messages after `after_seq`.
  [[nodiscard]] Result<protocol::GetCeremonyMessagesResponse> get_ceremony_messages(std::uint64_t after_seq);
  // Every message of the current ceremony (pages until none is returned).
  [[nodiscard]] Result<protocol::GetCeremonyMessagesResponse> get_all_ceremony_messages();
  [[nodiscard]] Result<protocol::TallyStatus> get_tally(const PollId &poll);
  [[nodiscard]] Result<protocol::PostPartialDecryptionResponse>
  post_partial_decryption(const protocol::PostPartialDecryptionRequest &r);

  // ----- anyone (§8.6)
  [[nodiscard]] Result<protocol::PollInfo> get_poll(const PollId &poll);
  // get_poll + PollDefinition::verified_context: refuse to vote on anything else (§6.4).
  [[nodiscard]] Result<VerifiedPoll> verified_poll(const PollId &poll);
  [[nodiscard]] Result<protocol::LookupTrackingCodeResponse>
  lookup_tracking_code(const PollId &poll, const Hash32 &tracking_code);
  // One page; the checkpoint is checked.
  [[nodiscard]] Result<protocol::GetBoardResponse> get_board(std::uint64_t from_seq,
                                                             std::uint32_t limit = protocol::kMaxBoardPage);
  // Pages from after_seq + 1 to the head, verifies the chain from (after_seq, after_head) and every
  // checkpoint received against it; the last checkpoint is the snapshot's.
  [[nodiscard]] Result<BoardSnapshot> get_board_all(std::uint64_t after_seq = 0,
                                                    const Hash32 &after_head = {},
                                                    std::uint32_t page_limit = protocol::kMaxBoardPage);
  // The record and its statement, checked (digest, signature, meeting, poll).
  [[nodiscard]] Result<protocol::GetRecordResponse> get_record(const PollId &poll);

private:
  template <class T> Result<T> typed(protocol::MessageType type, const QJsonObject &body);
  Connection &conn_;
  Millis timeout_;
};

} // namespace cv::client
