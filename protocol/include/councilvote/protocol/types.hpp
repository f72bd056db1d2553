// Message types, pushes, roles, and who may send what (docs/wire.md §5.3, §8.1).
#pragma once

#include "councilvote/protocol/error.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cv::protocol {

inline constexpr int kProtocolVersion = 1; // the "v" of every message

// THE table of operations (docs/wire.md §8): one row per message type, in the order of §8.1.
// Everything else is derived from it: the MessageType enum, the wire names, authorize() (who may
// send it), writes() (docs/wire.md §8.1 "changes": one transaction, the nonce kept on disk, §4.3),
// resend_safe() (the client's resend policy after a lost answer), the body types of messages.hpp
// (MessageTraits<T>::Request / Response), the server's dispatch and the typed client's calls.
// tests/protocol/test_docs.cpp checks it against the operations docs/wire.md §8 lists, both ways.
//
//   X(wire name, who may send it, writes, resend_safe, request body, response body)
//
// resend_safe: repeating the request (fresh nonce and time, same body) cannot change the meeting
// twice — every read, and the writes that are idempotent by specification (cast_ballot with the
// same bytes, ceremony messages, partial decryptions, the chair's decision, upserts,
// register_member_key(s), set_attendance, start_tally). Not: set_trustees (a retry starts yet another
// ceremony), open_poll (E_INVALID_ARGUMENT, poll id in use), open_room, close_poll, publish_record
// (E_WRONG_STATE).
#define CV_MESSAGE_TYPES(X)                                                                                  \
  X(import_roster, secretary, true, true, ImportRosterRequest, ImportResponse)                               \
  X(import_nominees, secretary, true, true, ImportNomineesRequest, ImportResponse)                           \
  X(define_rule_profile, secretary, true, true, RuleProfile, RuleProfile)                                    \
  X(set_award_quota, secretary, true, true, SetAwardQuotaRequest, SetAwardQuotaRequest)                      \
  X(register_member_key, secretary, true, true, RegisterMemberKeyRequest, RegisterMemberKeyRequest)          \
  X(register_member_keys, secretary, true, true, RegisterMemberKeysRequest, RegisterMemberKeysRequest)       \
  X(set_attendance, secretary, true, true, SetAttendanceRequest, AttendanceSummary)                          \
  X(set_trustees, secretary, true, false, SetTrusteesRequest, SetTrusteesResponse)                           \
  X(open_poll, secretary, true, false, OpenPollRequest, PollInfo)                                            \
  X(open_room, secretary, true, false, PollRef, PollInfo)                                                    \
  X(close_poll, secretary, true, false, PollRef, ClosePollResponse)                                          \
  X(turnout, secretary, false, true, PollRef, TurnoutInfo)                                                   \
  X(start_tally, secretary, true, true, PollRef, TallyStatus)                                                \
  X(publish_record, secretary, true, false, PollRef, GetRecordResponse)                                      \
  X(cast_ballot, member, true, true, CastBallotRequest, CastBallotResponse)                                  \
  X(post_chair_decision, member, true, true, ChairDecision, PostChairDecisionResponse)                       \
  X(post_ceremony_message, trustee, true, true, PostCeremonyMessageRequest, PostCeremonyMessageResponse)     \
  X(get_ceremony_messages, trustee, false, true, GetCeremonyMessagesRequest, GetCeremonyMessagesResponse)    \
  X(get_tally, trustee, false, true, PollRef, TallyStatus)                                                   \
  X(post_partial_decryption, trustee, true, true, PostPartialDecryptionRequest,                              \
    PostPartialDecryptionResponse)                                                                           \
  X(get_poll, anyone, false, true, PollRef, PollInfo)                                                        \
  X(lookup_tracking_code, anyone, false, true, LookupTrackingCodeRequest, LookupTrackingCodeResponse)        \
  X(get_board, anyone, false, true, GetBoardRequest, GetBoardResponse)                                       \
  X(get_record, anyone, false, true, PollRef, GetRecordResponse)                                             \
  X(preview_record, anyone, false, true, PollRef, PreviewRecordResponse)

// The pushes (docs/wire.md §5.3): X(wire name, body).
#define CV_PUSH_TYPES(X)                                                                                     \
  X(poll_opened, PollOpenedPush)                                                                             \
  X(poll_closed, ClosePollResponse)                                                                          \
  X(turnout, TurnoutInfo)                                                                                    \
  X(result_published, GetRecordResponse)                                                                     \
  X(ceremony_message, CeremonyMessagePush)

#define CV_TABLE_ENUMERATOR(name, ...) name,
#define CV_TABLE_COUNT(...) +1

enum class MessageType { CV_MESSAGE_TYPES(CV_TABLE_ENUMERATOR) };
inline constexpr int kMessageTypeCount = 0 CV_MESSAGE_TYPES(CV_TABLE_COUNT);

enum class PushType { CV_PUSH_TYPES(CV_TABLE_ENUMERATOR) };
inline constexpr int kPushTypeCount = 0 CV_PUSH_TYPES(CV_TABLE_COUNT);

#undef CV_TABLE_ENUMERATOR
#undef CV_TABLE_COUNT

[[nodiscard]] std::string_view message_type_name(MessageType t) noexcept; // "cast_ballot"
[[nodiscard]] std::optional<MessageType> message_type_from_name(std::string_view name) noexcept;
[[nodiscard]] std::span<const MessageType> all_message_types() noexcept;
[[nodiscard]] std::string_view push_type_name(PushType t) noexcept;
[[nodiscard]] std::optional<PushType> push_type_from_name(std::string_view name) noexcept;
[[nodiscard]] std::span<const PushType> all_push_types() noexcept;

// The roles a key can hold in a meeting; one key may hold several (a council member who also sits
// on the vote-counting committee is member + trustee).
enum class Role : std::uint8_t { secretary = 1, member = 2, trustee = 4 };

class RoleSet {
public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (auto r : roles) bits_ |= static_cast<std::uint8_t>(r);
  }
  [[nodiscard]] constexpr bool has(Role r) const noexcept {
    return (bits_ & static_cast<std::uint8_t>(r)) != 0;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr RoleSet &add(Role r) noexcept {
    bits_ |= static_cast<std::uint8_t>(r);
    return *this;
  }

private:
  std::uint8_t bits_ = 0;
};

// Who may send a message type: a role, or anyone (any Ed25519 key, registered or not).
enum class Audience { anyone, secretary, member, trustee };
[[nodiscard]] Audience audience(MessageType t) noexcept;
[[nodiscard]] std::string_view audience_name(Audience a) noexcept;
// Whether the operation changes the meeting (docs/wire.md §8.1 "changes"): it runs in one
// transaction, and its (key, nonce) pair is kept on disk across restarts (§4.3).
[[nodiscard]] bool writes(MessageType t) noexcept;
// Whether a client may send the request again after a lost answer (fresh nonce and time, the same
// body): the table's resend_safe column.
[[nodiscard]] bool resend_safe(MessageType t) noexcept;

// docs/wire.md §4.4 step 11: ok for `anyone` messages; otherwise E_UNKNOWN_KEY when the key holds
// no role in the meeting, E_NOT_TRUSTEE for a trustee message from a non-trustee, E_FORBIDDEN for
// any other missing role.
[[nodiscard]] Result<void> authorize(MessageType t, RoleSet roles);

} // namespace cv::protocol
