// Typed request and response bodies (docs/wire.md §8). Every body type T has
//   QJsonObject to_json() const;
//   static T read(ObjectReader &r);                 // the members, into r's sticky error
//   static Result<T> from_json(const QJsonObject&); // read + finish: unknown members rejected
// Readers check shape only (presence, JSON type, length, range, hex, id syntax): E_MISSING_FIELD,
// E_BAD_FIELD, E_UNKNOWN_FIELD. Where a body has rules across fields (unique numbers, min <= max),
// validate() checks them and reports E_INVALID_ARGUMENT; the meeting's state (is the poll open?) is
// the server's.
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/box.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record_codec.hpp"
#include "councilvote/protocol/statements.hpp"
#include "councilvote/record/chair_decision.hpp"
#include "councilvote/record/council.hpp"
#include "councilvote/record/enums.hpp"
#include "councilvote/record/payloads.hpp"

#include <QJsonObject>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace cv::protocol {

// The record/ types the wire carries, through record's one description of each (record_codec.hpp).
CV_PROTOCOL_RECORD_TYPE(record::NomineeRow, nominee_row_to_json, read_nominee_row);
CV_PROTOCOL_RECORD_TYPE(record::RuleProfile, rule_profile_to_json, read_rule_profile);
CV_PROTOCOL_RECORD_TYPE(record::ChairDecision, chair_decision_body_to_json, read_chair_decision_body);
CV_PROTOCOL_RECORD_TYPE(record::RemoteWindow, remote_window_to_json, read_remote_window);
CV_PROTOCOL_RECORD_TYPE(record::PollDefinition, poll_definition_to_json, read_poll_definition);
CV_PROTOCOL_RECORD_TYPE(record::FrozenAttendance, frozen_attendance_to_json, read_frozen_attendance);
CV_PROTOCOL_RECORD_TYPE(record::TallyInfo, tally_info_to_json, read_tally_info);

// T's members from r: T::read, or the reader of a record/ type.
template <class T> [[nodiscard]] T read_members(ObjectReader &r) {
  if constexpr (RecordType<T>)
    return RecordCodec<T>::read(r);
  else
    return T::read(r);
}

// T's JSON object: T::to_json, or the writer of a record/ type.
template <class T> [[nodiscard]] QJsonObject write_members(const T &t) {
  if constexpr (RecordType<T>)
    return RecordCodec<T>::write(t);
  else
    return t.to_json();
}

template <class T> [[nodiscard]] Result<T> read_body(const QJsonObject &o, std::string path = "body") {
  try {
    ObjectReader r(o, std::move(path));
    T t = read_members<T>(r);
    if (auto f = r.finish(); !f) return f.error();
    return t;
  } catch (...) { // std::bad_alloc: nothing else is thrown
    return make_error(ErrorCode::internal, "unexpected exception while reading a body");
  }
}

// Declares a body's members; protocol/src defines them from the body's one field list
// (protocol/src/fields.hpp): the JSON object, the strict reader and equality member by member.
#define CV_PROTOCOL_BODY(T)                                                                                  \
  [[nodiscard]] QJsonObject to_json() const;                                                                 \
  [[nodiscard]] static T read(ObjectReader &r);                                                              \
  [[nodiscard]] static Result<T> from_json(const QJsonObject &o) { return read_body<T>(o); }                 \
  friend bool operator==(const T &, const T &)

// Text limits (UTF-8 bytes).
using record::kMaxMemberNo;
using record::kMaxNameBytes; // full names, awards
using record::kMaxNomineeRows;
using record::kMaxReasonBytes; // complaint reasons
using record::kMaxRosterRows;
using record::kMaxTextBytes; // titles, labels, positions, units, sources

// ============================================================================ shared pieces

// record/payloads.hpp: from inclusive, until exclusive, from < until.
using record::RemoteWindow;

// The domain's enumerations and their names are record/'s (one table each, record/enums.hpp).
using record::Attendance; // `unknown` only in a poll's frozen attendance; set_attendance takes the others
using record::CeremonyMessageKind;
using record::CeremonyState;
using record::Comparison;
using record::CouncilRole;
using record::Denominator;
using record::NomineeKind;
using PollStatus = record::PollState; // draft -> open_remote -> open -> closed -> tallied -> published
enum class OpenPhase { remote, room };

} // namespace cv::protocol

template <> struct cv::record::EnumNames<cv::protocol::OpenPhase> {
  static constexpr NameTable<cv::protocol::OpenPhase, 2> table{
      {{cv::protocol::OpenPhase::remote, "remote"}, {cv::protocol::OpenPhase::room, "room"}}};
};

namespace cv::protocol {

struct RosterRow {
  std::uint32_t member_no = 0; // 1..9999
  std::string full_name;
  CouncilRole council_role = CouncilRole::member;
  std::string position;
  std::string unit;
  CV_PROTOCOL_BODY(RosterRow);
};

// Nominee rows and rule profiles are record/'s (record/council.hpp), described there once
// (docs/wire.md §8.2).
using record::NomineeRow;

// ============================================================================ secretary

struct ImportRosterRequest {
  std::vector<RosterRow> members;              // 1..1000 rows; replaces the roster
  [[nodiscard]] Result<void> validate() const; // unique member_no
  CV_PROTOCOL_BODY(ImportRosterRequest);
};

// The answer to import_roster and import_nominees: how many rows the meeting now has.
struct ImportResponse {
  std::uint32_t count = 0;
  CV_PROTOCOL_BODY(ImportResponse);
};

struct ImportNomineesRequest {
  std::vector<NomineeRow> nominees;            // 1..10000 rows; upserts by nominee_no
  [[nodiscard]] Result<void> validate() const; // unique nominee_no
  CV_PROTOCOL_BODY(ImportNomineesRequest);
};

// define_rule_profile's body is the profile itself.
using record::RuleProfile;

struct SetAwardQuotaRequest {
  std::string award;       // as in NomineeRow::award
  std::uint32_t quota = 0; // 0 removes the quota; at most 10000
  CV_PROTOCOL_BODY(SetAwardQuotaRequest);
};

struct RegisterMemberKeyRequest {
  std::uint32_t member_no = 0;
  crypto::SignPublicKey key{};
  CV_PROTOCOL_BODY(RegisterMemberKeyRequest);
};

// Many keys in one request (docs/wire.md §8.3 register_member_keys): all or none.
struct RegisterMemberKeysRequest {
  std::vector<RegisterMemberKeyRequest> entries; // 1..1000
  [[nodiscard]] Result<void> validate() const;   // unique member_no, unique keys
  CV_PROTOCOL_BODY(RegisterMemberKeysRequest);
};

struct AttendanceEntry {
  std::uint32_t member_no = 0;
  Attendance status = Attendance::present;
  CV_PROTOCOL_BODY(AttendanceEntry);
};

struct SetAttendanceRequest {
  std::vector<AttendanceEntry> entries;        // 1..1000
  [[nodiscard]] Result<void> validate() const; // unique member_no
  CV_PROTOCOL_BODY(SetAttendanceRequest);
};

// The `attendance` board entry of a poll (docs/wire.md §7.2), appended by close_poll:
// record/payloads.hpp (every roster member once, strictly ascending member_no).
using record::FrozenAttendance;
using FrozenAttendanceEntry = record::FrozenMember;

struct AttendanceSummary;
[[nodiscard]] AttendanceSummary summary_of(const FrozenAttendance &a);

// A trustee is a council member (the Ban kiểm phiếu is chosen from the council): it signs with the
// member's registered key and receives its key shares under box_key.
// The answer to set_attendance: the counts over the whole roster after the change.
struct AttendanceSummary {
  std::uint32_t members = 0, present = 0, remote = 0, absent = 0, unknown = 0;
  CV_PROTOCOL_BODY(AttendanceSummary);
};

struct TrusteeRow {
  std::uint32_t index = 0; // 1..n
  std::uint32_t member_no = 0;
  crypto::BoxPublicKey box_key{}; // X25519 (docs/protocol.md §12.2)
  CV_PROTOCOL_BODY(TrusteeRow);
};

struct SetTrusteesRequest {
  std::uint32_t threshold = 0; // t
  std::vector<TrusteeRow> trustees;
  // Ceremony::create's rules (indices 1..n in order, 1 <= t <= n <= 255, distinct non-zero box
  // keys) plus distinct member numbers: E_INVALID_ARGUMENT.
  [[nodiscard]] Result<void> validate(const MeetingId &meeting) const;
  [[nodiscard]] crypto::CeremonyParams ceremony_params(const MeetingId &meeting) const;
  CV_PROTOCOL_BODY(SetTrusteesRequest);
};

struct SetTrusteesResponse {
  ByteArray<32> ceremony_context{}; // docs/protocol.md §12.2
  CV_PROTOCOL_BODY(SetTrusteesResponse);
};

// One contest of open_poll: a nominee (commendation) or a general question.
struct ContestDef {
  std::string id; // the manifest's contest id (1..256 bytes)
  crypto::ContestKind kind = crypto::ContestKind::commendation;
  std::uint32_t nominee_no = 0;           // commendation only (required)
  std::string label;                      // general only (required)
  std::vector<std::string> option_labels; // general only: 1..63 options
  std::uint32_t min = 0, max = 1;         // general only; commendation is always 0..1
  [[nodiscard]] crypto::ContestSpec spec() const;
  CV_PROTOCOL_BODY(ContestDef);
};

// Defines a poll and opens it: phase "remote" (state open_remote: only members recorded as remote
// may cast, inside remote_window, which is then required) or "room" (state open).
struct OpenPollRequest {
  PollId poll;
  std::string title;
  std::vector<ContestDef> contests; // 1..4096
  OpenPhase phase = OpenPhase::room;
  std::optional<RemoteWindow> remote_window;
  // Unique contest ids and nominees, min <= max <= options, a window for phase remote.
  [[nodiscard]] Result<void> validate() const;
  CV_PROTOCOL_BODY(OpenPollRequest);
};

// The body of open_room, close_poll, turnout, start_tally, publish_record, get_poll, get_tally,
// get_record.
struct PollRef {
  PollId poll;
  CV_PROTOCOL_BODY(PollRef);
};

struct ClosePollResponse { // also the body of the poll_closed push
  PollId poll;
  std::uint64_t closed_at_ms = 0;
  std::uint32_t ballots = 0;
  Checkpoint checkpoint;
  CV_PROTOCOL_BODY(ClosePollResponse);
};

struct TurnoutInfo { // turnout response and push
  PollId poll;
  std::uint32_t members = 0; // on the poll's roster
  std::uint32_t present = 0;
  std::uint32_t remote = 0;
  std::uint32_t ballots = 0;
  std::vector<std::uint32_t> voted; // member numbers that have cast a ballot, ascending
  CV_PROTOCOL_BODY(TurnoutInfo);
};

struct PollOpenedPush { // after open_poll and open_room
  PollId poll;
  PollStatus status = PollStatus::open; // open_remote or open
  std::uint64_t opened_at_ms = 0;
  std::optional<RemoteWindow> remote_window;
  CV_PROTOCOL_BODY(PollOpenedPush);
};

// ============================================================================ get_poll

// What open_poll fixes and publishes on the board (entry kind manifest, payload = its JSON text):
// record/payloads.hpp, with the contests' display rows and the ceremony.
using record::CeremonyInfo;
using record::ContestDisplay;
using record::PollDefinition;

// Recomputes everything that can be recomputed, and returns the context to encrypt with:
// manifest ids equal `meeting` and the poll; manifest valid; one display entry per contest; roster
// digest; disagree weight > roster size; the ceremony's commitments verify and give joint_key; the
// context hash (record::verified_context). E_INCONSISTENT_DATA with the failed check's name.
[[nodiscard]] Result<crypto::PollContext> verified_context(const PollDefinition &d, const MeetingId &meeting);
// The definition's poll id (a definition read from JSON has a valid one).
[[nodiscard]] PollId poll_of(const PollDefinition &d);

// The answer to get_poll and open_poll.
struct PollInfo {
  PollDefinition definition;
  std::uint64_t manifest_seq = 0; // the board entry that published the definition
  PollStatus status = PollStatus::open;
  std::optional<std::uint64_t> remote_opened_at_ms, opened_at_ms, closed_at_ms, tallied_at_ms,
      published_at_ms;
  CV_PROTOCOL_BODY(PollInfo);
};

// ============================================================================ member

struct CastBallotRequest {
  PollId poll;
  Bytes ballot; // the signed ballot, docs/protocol.md §9.2
  CV_PROTOCOL_BODY(CastBallotRequest);
};

struct CastBallotResponse {
  Receipt receipt;
  CV_PROTOCOL_BODY(CastBallotResponse);
};

struct LookupTrackingCodeRequest {
  PollId poll;
  ByteArray<32> tracking_code{};
  CV_PROTOCOL_BODY(LookupTrackingCodeRequest);
};

struct LookupTrackingCodeResponse {
  PollId poll;
  ByteArray<32> tracking_code{};
  std::uint64_t board_seq = 0;
  ByteArray<32> entry_hash{};
  CV_PROTOCOL_BODY(LookupTrackingCodeResponse);
};

// The chair's decision of a tie at an award's quota (post_chair_decision's body, the payload of a
// chair_decision board entry) is record/'s (record/chair_decision.hpp), described there once and
// signed by the chair's member key (tag CV/chair-decision).
using record::ChairDecision;

struct PostChairDecisionResponse {
  PollId poll;
  std::string award;
  std::uint64_t board_seq = 0; // the chair_decision entry
  CV_PROTOCOL_BODY(PostChairDecisionResponse);
};

// ============================================================================ trustee

struct Complaint {
  std::uint32_t accused = 0; // trustee index
  std::string reason;
  CV_PROTOCOL_BODY(Complaint);
};

// The kind-dependent part of a ceremony message: exactly one of commitments / share / complaint.
struct CeremonyContent {
  CeremonyMessageKind kind = CeremonyMessageKind::commitments;
  Bytes commitments;   // kind commitments: docs/protocol.md §12.3 encoding
  Bytes share;         // kind share: docs/protocol.md §12.4 encoding (120 bytes), one recipient
  Complaint complaint; // kind complaint
  [[nodiscard]] static CeremonyContent of(const crypto::TrusteeCommitments &c);
  [[nodiscard]] static CeremonyContent of(const crypto::EncryptedShare &s);
  [[nodiscard]] static CeremonyContent of(const crypto::ShareComplaint &c);
  // E_INVALID_CEREMONY_MESSAGE, check "kind" or "decode".
  [[nodiscard]] Result<crypto::TrusteeCommitments> decode_commitments() const;
  [[nodiscard]] Result<crypto::EncryptedShare> decode_share() const;
  // The board entry's payload when trustee `from` posts it (docs/wire.md §7.2).
  [[nodiscard]] Bytes board_payload(std::uint32_t from) const;
  // The inverse: the content of a commitments / share / complaint board entry.
  [[nodiscard]] static Result<CeremonyContent> from_board(CeremonyMessageKind kind, ByteView payload,
                                                          std::uint32_t *from = nullptr);
  // Its members are written into the object that holds it (fields::Inline).
  friend bool operator==(const CeremonyContent &, const CeremonyContent &);
};

struct PostCeremonyMessageRequest {
  ByteArray<32> ceremony_context{}; // the ceremony the message belongs to
  CeremonyContent content;
  CV_PROTOCOL_BODY(PostCeremonyMessageRequest);
};

struct PostCeremonyMessageResponse {
  std::uint64_t board_seq = 0;
  CV_PROTOCOL_BODY(PostCeremonyMessageResponse);
};

struct GetCeremonyMessagesRequest {
  std::uint64_t after_seq = 0; // only messages on the board after this entry
  CV_PROTOCOL_BODY(GetCeremonyMessagesRequest);
};

struct CeremonyMessage {
  std::uint64_t board_seq = 0;
  std::uint32_t from = 0; // trustee index of the sender
  CeremonyContent content;
  CV_PROTOCOL_BODY(CeremonyMessage);
};

struct GetCeremonyMessagesResponse {
  ByteArray<32> ceremony_context{};
  std::uint32_t threshold = 0;
  std::vector<TrusteeRow> trustees;
  CeremonyState state = CeremonyState::collecting;
  std::optional<crypto::Point> joint_key; // when complete
  std::vector<CeremonyMessage> messages;
  CV_PROTOCOL_BODY(GetCeremonyMessagesResponse);
};

struct CeremonyMessagePush {
  std::uint64_t board_seq = 0;
  std::uint32_t from = 0;
  CeremonyMessageKind kind = CeremonyMessageKind::commitments;
  CV_PROTOCOL_BODY(CeremonyMessagePush);
};

// The encrypted totals of a poll (board entry kind tally, payload = its JSON text):
// record/payloads.hpp. The tally context (docs/protocol.md §11) is recomputed by the receiver from
// these, never sent.
using record::TallyInfo;

// The answer to start_tally and get_tally.
struct TallyStatus {
  TallyInfo tally;
  std::uint64_t tally_seq = 0; // the board entry that published the tally
  std::uint32_t threshold = 0;
  std::vector<std::uint32_t> partials; // trustees whose valid partial decryption the server holds
  CV_PROTOCOL_BODY(TallyStatus);
};

struct PostPartialDecryptionRequest {
  PollId poll;
  ByteArray<32> tally_context{};
  Bytes partial; // docs/protocol.md §12.6 encoding
  [[nodiscard]] static PostPartialDecryptionRequest of(const PollId &poll, const ByteArray<32> &tally_context,
                                                       const crypto::PartialDecryption &p);
  // E_INVALID_PARTIAL_DECRYPTION, check "decode".
  [[nodiscard]] Result<crypto::PartialDecryption> decode() const;
  CV_PROTOCOL_BODY(PostPartialDecryptionRequest);
};

struct PostPartialDecryptionResponse {
  PollId poll;
  std::uint32_t trustee = 0;
  std::vector<std::uint32_t> accepted; // every trustee whose partial the server now holds
  std::uint32_t threshold = 0;
  CV_PROTOCOL_BODY(PostPartialDecryptionResponse);
};

// ============================================================================ anyone

struct GetBoardRequest {
  std::uint64_t from_seq = 1;
  std::uint32_t limit = 100; // 1..1000
  CV_PROTOCOL_BODY(GetBoardRequest);
};

struct GetBoardResponse {
  std::vector<BoardEntry> entries; // from_seq.. in order, at most limit
  Checkpoint checkpoint;           // the head when answering
  CV_PROTOCOL_BODY(GetBoardResponse);
};

struct GetRecordResponse { // also the body of the result_published push
  PollId poll;
  std::string record; // the record's exact JSON text (docs/record.md)
  RecordStatement statement;
  // E_INCONSISTENT_DATA unless record_digest(record) equals the statement's; E_BAD_SIGNATURE unless
  // the statement verifies.
  [[nodiscard]] Result<void> verify(const crypto::SignPublicKey &server_key) const;
  CV_PROTOCOL_BODY(GetRecordResponse);
};

// The answer to preview_record: the record as publish_record would make it now (the counts are
// known, the chair's decisions so far applied), neither published nor signed — so that the chair
// sees a tie at a quota before it is final (docs/wire.md §8.6).
struct PreviewRecordResponse {
  PollId poll;
  std::string record; // the draft's exact JSON text (docs/record.md), as publish_record would write it
  CV_PROTOCOL_BODY(PreviewRecordResponse);
};

// ============================================================================ names

// The wire names (record::name over the enum's one table).
[[nodiscard]] inline std::string_view poll_status_name(PollStatus s) noexcept { return record::name(s); }
[[nodiscard]] inline std::string_view attendance_name(Attendance a) noexcept { return record::name(a); }
[[nodiscard]] inline std::string_view ceremony_message_kind_name(CeremonyMessageKind k) noexcept {
  return record::name(k);
}
[[nodiscard]] inline std::string_view ceremony_state_name(CeremonyState s) noexcept {
  return record::name(s);
}

} // namespace cv::protocol
