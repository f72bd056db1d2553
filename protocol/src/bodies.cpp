#include "councilvote/protocol/bodies.hpp"

#include "fields.hpp"

#include <algorithm>
#include <set>

// Every body's one field list (fields::Describe), in the order its members are read; from it come
// T::to_json, T::read and operator== (CV_PROTOCOL_DEFINE_BODY). docs/wire.md §8 is the spec.

namespace cv::protocol {

namespace {

using crypto::ContestKind;

constexpr std::uint64_t kMaxU32 = 0xFFFFFFFFu;

Error invalid_argument(std::string msg) { return make_error(ErrorCode::invalid_argument, std::move(msg)); }

template <class T, class F>
Result<void> unique_numbers(const std::vector<T> &rows, F number, std::string_view what) {
  std::set<std::uint32_t> seen;
  for (const auto &row : rows)
    if (!seen.insert(number(row)).second)
      return invalid_argument(std::string(what) + " " + std::to_string(number(row)) + " appears twice");
  return {};
}

} // namespace

// ============================================================================ descriptions

namespace fields {

using namespace cv::protocol;

template <> struct Describe<RosterRow> {
  static constexpr std::tuple fields{field("member_no", &RosterRow::member_no, Int{1, kMaxMemberNo}),
                                     field("full_name", &RosterRow::full_name, Text{1, kMaxNameBytes}),
                                     field("council_role", &RosterRow::council_role, Enum<CouncilRole>{}),
                                     field("position", &RosterRow::position, Text{0, kMaxTextBytes}),
                                     field("unit", &RosterRow::unit, Text{0, kMaxTextBytes})};
};

template <> struct Describe<ImportRosterRequest> {
  static constexpr std::tuple fields{
      field("members", &ImportRosterRequest::members, objects<RosterRow>(1, kMaxRosterRows))};
};

template <> struct Describe<ImportResponse> {
  static constexpr std::tuple fields{field("count", &ImportResponse::count, Int{0, kMaxNomineeRows})};
};

template <> struct Describe<ImportNomineesRequest> {
  static constexpr std::tuple fields{
      field("nominees", &ImportNomineesRequest::nominees,
            objects(1, kMaxNomineeRows, object<NomineeRow>(nominee_row_to_json, read_nominee_row)))};
};

template <> struct Describe<SetAwardQuotaRequest> {
  static constexpr std::tuple fields{field("award", &SetAwardQuotaRequest::award, Text{1, kMaxNameBytes}),
                                     field("quota", &SetAwardQuotaRequest::quota, Int{0, 10000})};
};

template <> struct Describe<RegisterMemberKeyRequest> {
  static constexpr std::tuple fields{
      field("member_no", &RegisterMemberKeyRequest::member_no, Int{1, kMaxMemberNo}),
      field("key", &RegisterMemberKeyRequest::key, Hex{})};
};

template <> struct Describe<RegisterMemberKeysRequest> {
  static constexpr std::tuple fields{field("entries", &RegisterMemberKeysRequest::entries,
                                           objects<RegisterMemberKeyRequest>(1, kMaxRosterRows))};
};

// set_attendance never sets `unknown`.
template <> struct Describe<AttendanceEntry> {
  static constexpr std::tuple fields{
      field("member_no", &AttendanceEntry::member_no, Int{1, kMaxMemberNo}),
      field("status", &AttendanceEntry::status, Enum<Attendance>{Attendance::unknown})};
};

template <> struct Describe<SetAttendanceRequest> {
  static constexpr std::tuple fields{
      field("entries", &SetAttendanceRequest::entries, objects<AttendanceEntry>(1, kMaxRosterRows))};
};

template <> struct Describe<AttendanceSummary> {
  static constexpr std::tuple fields{field("members", &AttendanceSummary::members, Int{0, kMaxRosterRows}),
                                     field("present", &AttendanceSummary::present, Int{0, kMaxRosterRows}),
                                     field("remote", &AttendanceSummary::remote, Int{0, kMaxRosterRows}),
                                     field("absent", &AttendanceSummary::absent, Int{0, kMaxRosterRows}),
                                     field("unknown", &AttendanceSummary::unknown, Int{0, kMaxRosterRows})};
};

template <> struct Describe<SetTrusteesResponse> {
  static constexpr std::tuple fields{
      field("ceremony_context", &SetTrusteesResponse::ceremony_context, Hex{})};
};

template <> struct Describe<TrusteeRow> {
  static constexpr std::tuple fields{field("index", &TrusteeRow::index, Int{1, crypto::kMaxTrustees}),
                                     field("member_no", &TrusteeRow::member_no, Int{1, kMaxMemberNo}),
                                     field("box_key", &TrusteeRow::box_key, Hex{})};
};

template <> struct Describe<SetTrusteesRequest> {
  static constexpr std::tuple fields{
      field("threshold", &SetTrusteesRequest::threshold, Int{1, crypto::kMaxTrustees}),
      field("trustees", &SetTrusteesRequest::trustees, objects<TrusteeRow>(1, crypto::kMaxTrustees))};
};

constexpr bool is_commendation(const ContestDef &c) { return c.kind == ContestKind::commendation; }
constexpr bool is_general(const ContestDef &c) { return c.kind == ContestKind::general; }

template <> struct Describe<ContestDef> {
  static constexpr std::tuple fields{
      field("id", &ContestDef::id, Text{1, crypto::kMaxIdLength}),
      field("kind", &ContestDef::kind, Enum<ContestKind>{}),
      field("nominee_no", &ContestDef::nominee_no, Int{1, kMaxMemberNo}).only_when(is_commendation),
      field("label", &ContestDef::label, Text{1, kMaxTextBytes}).only_when(is_general),
      field("option_labels", &ContestDef::option_labels, Texts{1, crypto::kMaxOptions, kMaxTextBytes})
          .only_when(is_general),
      field("min", &ContestDef::min, Int{0, crypto::kMaxOptions}).only_when(is_general),
      field("max", &ContestDef::max, Int{0, crypto::kMaxOptions}).only_when(is_general)};
};

template <> struct Describe<OpenPollRequest> {
  static constexpr std::tuple fields{
      field("poll", &OpenPollRequest::poll, IdOf{}),
      field("title", &OpenPollRequest::title, Text{1, kMaxTextBytes}),
      field("contests", &OpenPollRequest::contests, objects<ContestDef>(1, crypto::kMaxContests)),
      field("phase", &OpenPollRequest::phase, Enum<OpenPhase>{}),
      field("remote_window", &OpenPollRequest::remote_window, optional(object<RemoteWindow>()))};
};

template <> struct Describe<PollRef> {
  static constexpr std::tuple fields{field("poll", &PollRef::poll, IdOf{})};
};

constexpr Object<Checkpoint> kCheckpoint = object<Checkpoint>(&checkpoint_to_json, &read_checkpoint);

template <> struct Describe<ClosePollResponse> {
  static constexpr std::tuple fields{field("poll", &ClosePollResponse::poll, IdOf{}),
                                     field("closed_at", &ClosePollResponse::closed_at_ms, Int{}),
                                     field("ballots", &ClosePollResponse::ballots, Int{0, kMaxU32}),
                                     field("checkpoint", &ClosePollResponse::checkpoint, kCheckpoint)};
};

template <> struct Describe<TurnoutInfo> {
  static constexpr std::tuple fields{
      field("poll", &TurnoutInfo::poll, IdOf{}),
      field("members", &TurnoutInfo::members, Int{0, kMaxMemberNo}),
      field("present", &TurnoutInfo::present, Int{0, kMaxMemberNo}),
      field("remote", &TurnoutInfo::remote, Int{0, kMaxMemberNo}),
      field("ballots", &TurnoutInfo::ballots, Int{0, kMaxMemberNo}),
      field("voted", &TurnoutInfo::voted, Ints{0, kMaxRosterRows, 1, kMaxMemberNo})};
};

template <> struct Describe<PollOpenedPush> {
  static constexpr std::tuple fields{
      field("poll", &PollOpenedPush::poll, IdOf{}),
      field("status", &PollOpenedPush::status, Enum<PollStatus>{}),
      field("opened_at", &PollOpenedPush::opened_at_ms, Int{}),
      field("remote_window", &PollOpenedPush::remote_window, optional(object<RemoteWindow>()))};
};

// ---------------------------------------------------------------------------------- get_poll

template <> struct Describe<PollInfo> {
  static constexpr std::tuple fields{
      field("definition", &PollInfo::definition, object<PollDefinition>()),
      field("manifest_seq", &PollInfo::manifest_seq, Int{1, kMaxJsonInteger}),
      field("status", &PollInfo::status, Enum<PollStatus>{}),
      field("remote_opened_at", &PollInfo::remote_opened_at_ms, optional(Int{})),
      field("opened_at", &PollInfo::opened_at_ms, optional(Int{})),
      field("closed_at", &PollInfo::closed_at_ms, optional(Int{})),
      field("tallied_at", &PollInfo::tallied_at_ms, optional(Int{})),
      field("published_at", &PollInfo::published_at_ms, optional(Int{}))};
};

// ------------------------------------------------------------------------------------ member

template <> struct Describe<CastBallotRequest> {
  static constexpr std::tuple fields{
      field("poll", &CastBallotRequest::poll, IdOf{}),
      field("ballot", &CastBallotRequest::ballot, Hex{1, kDefaultMaxMessageBytes})};
};

template <> struct Describe<CastBallotResponse> {
  static constexpr std::tuple fields{
      field("receipt", &CastBallotResponse::receipt, object<Receipt>(&receipt_to_json, &read_receipt))};
};

template <> struct Describe<LookupTrackingCodeRequest> {
  static constexpr std::tuple fields{
      field("poll", &LookupTrackingCodeRequest::poll, IdOf{}),
      field("tracking_code", &LookupTrackingCodeRequest::tracking_code, Hex{})};
};

template <> struct Describe<LookupTrackingCodeResponse> {
  static constexpr std::tuple fields{
      field("poll", &LookupTrackingCodeResponse::poll, IdOf{}),
      field("tracking_code", &LookupTrackingCodeResponse::tracking_code, Hex{}),
      field("board_seq", &LookupTrackingCodeResponse::board_seq, Int{1, kMaxJsonInteger}),
      field("entry_hash", &LookupTrackingCodeResponse::entry_hash, Hex{})};
};

template <> struct Describe<PostChairDecisionResponse> {
  static constexpr std::tuple fields{
      field("poll", &PostChairDecisionResponse::poll, IdOf{}),
      field("award", &PostChairDecisionResponse::award, Text{1, kMaxNameBytes}),
      field("board_seq", &PostChairDecisionResponse::board_seq, Int{1, kMaxJsonInteger})};
};

// ----------------------------------------------------------------------------------- trustee

template <> struct Describe<Complaint> {
  static constexpr std::tuple fields{field("accused", &Complaint::accused, Int{1, crypto::kMaxTrustees}),
                                     field("reason", &Complaint::reason, Text{1, kMaxReasonBytes})};
};

constexpr bool is_commitments(const CeremonyContent &c) { return c.kind == CeremonyMessageKind::commitments; }
constexpr bool is_share(const CeremonyContent &c) { return c.kind == CeremonyMessageKind::share; }
constexpr bool is_complaint(const CeremonyContent &c) { return c.kind == CeremonyMessageKind::complaint; }

// Exactly one of commitments / share / complaint, after the kind.
template <> struct Describe<CeremonyContent> {
  static constexpr std::tuple fields{
      field("kind", &CeremonyContent::kind, Enum<CeremonyMessageKind>{}),
      field("commitments", &CeremonyContent::commitments,
            Hex{crypto::commitments_encoded_size(1), crypto::commitments_encoded_size(crypto::kMaxTrustees)})
          .only_when(is_commitments),
      field("share", &CeremonyContent::share, Hex{crypto::kEncryptedShareBytes, crypto::kEncryptedShareBytes})
          .only_when(is_share),
      field("complaint", &CeremonyContent::complaint, object<Complaint>()).only_when(is_complaint)};
};

template <> struct Describe<PostCeremonyMessageRequest> {
  static constexpr std::tuple fields{
      field("ceremony_context", &PostCeremonyMessageRequest::ceremony_context, Hex{}),
      field("", &PostCeremonyMessageRequest::content, Inline{})};
};

template <> struct Describe<PostCeremonyMessageResponse> {
  static constexpr std::tuple fields{
      field("board_seq", &PostCeremonyMessageResponse::board_seq, Int{1, kMaxJsonInteger})};
};

template <> struct Describe<GetCeremonyMessagesRequest> {
  static constexpr std::tuple fields{field("after_seq", &GetCeremonyMessagesRequest::after_seq, Int{})};
};

template <> struct Describe<CeremonyMessage> {
  static constexpr std::tuple fields{field("board_seq", &CeremonyMessage::board_seq, Int{1, kMaxJsonInteger}),
                                     field("from", &CeremonyMessage::from, Int{1, crypto::kMaxTrustees}),
                                     field("", &CeremonyMessage::content, Inline{})};
};

template <> struct Describe<GetCeremonyMessagesResponse> {
  static constexpr std::tuple fields{
      field("ceremony_context", &GetCeremonyMessagesResponse::ceremony_context, Hex{}),
      field("threshold", &GetCeremonyMessagesResponse::threshold, Int{1, crypto::kMaxTrustees}),
      field("trustees", &GetCeremonyMessagesResponse::trustees, objects<TrusteeRow>(1, crypto::kMaxTrustees)),
      field("state", &GetCeremonyMessagesResponse::state, Enum<CeremonyState>{}),
      field("joint_key", &GetCeremonyMessagesResponse::joint_key, optional(PointOf{false})),
      field("messages", &GetCeremonyMessagesResponse::messages, objects<CeremonyMessage>(0, 70000))};
};

template <> struct Describe<CeremonyMessagePush> {
  static constexpr std::tuple fields{
      field("board_seq", &CeremonyMessagePush::board_seq, Int{1, kMaxJsonInteger}),
      field("from", &CeremonyMessagePush::from, Int{1, crypto::kMaxTrustees}),
      field("kind", &CeremonyMessagePush::kind, Enum<CeremonyMessageKind>{})};
};

template <> struct Describe<TallyStatus> {
  static constexpr std::tuple fields{
      field("tally", &TallyStatus::tally, object<TallyInfo>()),
      field("tally_seq", &TallyStatus::tally_seq, Int{1, kMaxJsonInteger}),
      field("threshold", &TallyStatus::threshold, Int{1, crypto::kMaxTrustees}),
      field("partials", &TallyStatus::partials, Ints{0, crypto::kMaxTrustees, 1, crypto::kMaxTrustees})};
};

template <> struct Describe<PostPartialDecryptionRequest> {
  static constexpr std::tuple fields{
      field("poll", &PostPartialDecryptionRequest::poll, IdOf{}),
      field("tally_context", &PostPartialDecryptionRequest::tally_context, Hex{}),
      field("partial", &PostPartialDecryptionRequest::partial,
            Hex{crypto::partial_decryption_encoded_size(1), kDefaultMaxMessageBytes})};
};

template <> struct Describe<PostPartialDecryptionResponse> {
  static constexpr std::tuple fields{
      field("poll", &PostPartialDecryptionResponse::poll, IdOf{}),
      field("trustee", &PostPartialDecryptionResponse::trustee, Int{1, crypto::kMaxTrustees}),
      field("accepted", &PostPartialDecryptionResponse::accepted,
            Ints{1, crypto::kMaxTrustees, 1, crypto::kMaxTrustees}),
      field("threshold", &PostPartialDecryptionResponse::threshold, Int{1, crypto::kMaxTrustees})};
};

// ------------------------------------------------------------------------------------- anyone

template <> struct Describe<GetBoardRequest> {
  static constexpr std::tuple fields{field("from_seq", &GetBoardRequest::from_seq, Int{1, kMaxJsonInteger}),
                                     field("limit", &GetBoardRequest::limit, Int{1, kMaxBoardPage})};
};

template <> struct Describe<GetBoardResponse> {
  static constexpr std::tuple fields{
      field("entries", &GetBoardResponse::entries,
            objects(0, kMaxBoardPage, object<BoardEntry>(&board_entry_to_json, &read_board_entry))),
      field("checkpoint", &GetBoardResponse::checkpoint, kCheckpoint)};
};

template <> struct Describe<PreviewRecordResponse> {
  static constexpr std::tuple fields{
      field("poll", &PreviewRecordResponse::poll, IdOf{}),
      field("record", &PreviewRecordResponse::record, Raw{kDefaultMaxMessageBytes})};
};

template <> struct Describe<GetRecordResponse> {
  static constexpr std::tuple fields{
      field("poll", &GetRecordResponse::poll, IdOf{}),
      field("record", &GetRecordResponse::record, Raw{kDefaultMaxMessageBytes}),
      field("statement", &GetRecordResponse::statement,
            object<RecordStatement>(&record_statement_to_json, &read_record_statement))};
};

QJsonValue Ciphertexts::write(const std::vector<crypto::Ciphertext> &v) const {
  QJsonArray a;
  for (const auto &c : v) {
    crypto::ByteWriter w;
    w.fixed(c.alpha.bytes());
    w.fixed(c.beta.bytes());
    a.append(json_hex(w.bytes()));
  }
  return a;
}

void Ciphertexts::read(ObjectReader &r, std::string_view n, std::vector<crypto::Ciphertext> &out) const {
  out.clear();
  auto items = r.hexes(n, min_items, max_items, 64, 64);
  for (std::size_t i = 0; i < items.size() && r.ok(); ++i) {
    auto a = crypto::Point::from_bytes(ByteView(items[i]).first(32), true);
    auto b = crypto::Point::from_bytes(ByteView(items[i]).subspan(32), true);
    if (!a || !b) {
      auto path = r.path_of(n) + "[" + std::to_string(i) + "]";
      r.fail(field_error(ErrorCode::bad_field, path, path + ": " + (!a ? a.error() : b.error()).message));
      break;
    }
    out.push_back({*a, *b});
  }
}

} // namespace fields

CV_PROTOCOL_DEFINE_BODY(RosterRow)
CV_PROTOCOL_DEFINE_BODY(ImportRosterRequest)
CV_PROTOCOL_DEFINE_BODY(ImportResponse)
CV_PROTOCOL_DEFINE_BODY(ImportNomineesRequest)
CV_PROTOCOL_DEFINE_BODY(SetAwardQuotaRequest)
CV_PROTOCOL_DEFINE_BODY(RegisterMemberKeyRequest)
CV_PROTOCOL_DEFINE_BODY(RegisterMemberKeysRequest)
CV_PROTOCOL_DEFINE_BODY(AttendanceEntry)
CV_PROTOCOL_DEFINE_BODY(SetAttendanceRequest)
CV_PROTOCOL_DEFINE_BODY(AttendanceSummary)
CV_PROTOCOL_DEFINE_BODY(SetTrusteesResponse)
CV_PROTOCOL_DEFINE_BODY(TrusteeRow)
CV_PROTOCOL_DEFINE_BODY(SetTrusteesRequest)
CV_PROTOCOL_DEFINE_BODY(ContestDef)
CV_PROTOCOL_DEFINE_BODY(OpenPollRequest)
CV_PROTOCOL_DEFINE_BODY(PollRef)
CV_PROTOCOL_DEFINE_BODY(ClosePollResponse)
CV_PROTOCOL_DEFINE_BODY(TurnoutInfo)
CV_PROTOCOL_DEFINE_BODY(PollOpenedPush)
CV_PROTOCOL_DEFINE_BODY(PollInfo)
CV_PROTOCOL_DEFINE_BODY(CastBallotRequest)
CV_PROTOCOL_DEFINE_BODY(CastBallotResponse)
CV_PROTOCOL_DEFINE_BODY(LookupTrackingCodeRequest)
CV_PROTOCOL_DEFINE_BODY(LookupTrackingCodeResponse)
CV_PROTOCOL_DEFINE_BODY(PostChairDecisionResponse)
CV_PROTOCOL_DEFINE_BODY(Complaint)
CV_PROTOCOL_DEFINE_BODY(PostCeremonyMessageRequest)
CV_PROTOCOL_DEFINE_BODY(PostCeremonyMessageResponse)
CV_PROTOCOL_DEFINE_BODY(GetCeremonyMessagesRequest)
CV_PROTOCOL_DEFINE_BODY(CeremonyMessage)
CV_PROTOCOL_DEFINE_BODY(GetCeremonyMessagesResponse)
CV_PROTOCOL_DEFINE_BODY(CeremonyMessagePush)
CV_PROTOCOL_DEFINE_BODY(TallyStatus)
CV_PROTOCOL_DEFINE_BODY(PostPartialDecryptionRequest)
CV_PROTOCOL_DEFINE_BODY(PostPartialDecryptionResponse)
CV_PROTOCOL_DEFINE_BODY(GetBoardRequest)
CV_PROTOCOL_DEFINE_BODY(GetBoardResponse)
CV_PROTOCOL_DEFINE_BODY(GetRecordResponse)
CV_PROTOCOL_DEFINE_BODY(PreviewRecordResponse)

bool operator==(const CeremonyContent &a, const CeremonyContent &b) { return fields::equal(a, b); }

// ============================================================================ rules across fields

Result<void> ImportRosterRequest::validate() const {
  return unique_numbers(
      members, [](const RosterRow &x) { return x.member_no; }, "member_no");
}

Result<void> ImportNomineesRequest::validate() const {
  return unique_numbers(
      nominees, [](const NomineeRow &x) { return x.nominee_no; }, "nominee_no");
}

Result<void> RegisterMemberKeysRequest::validate() const {
  if (auto u = unique_numbers(
          entries, [](const RegisterMemberKeyRequest &x) { return x.member_no; }, "member_no");
      !u)
    return u;
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (std::size_t j = i + 1; j < entries.size(); ++j)
      if (entries[i].key == entries[j].key)
        return make_error(ErrorCode::invalid_argument, "members " + std::to_string(entries[i].member_no) +
                                                           " and " + std::to_string(entries[j].member_no) +
                                                           " are given the same key");
  return {};
}

Result<void> SetAttendanceRequest::validate() const {
  return unique_numbers(
      entries, [](const AttendanceEntry &x) { return x.member_no; }, "member_no");
}

crypto::CeremonyParams SetTrusteesRequest::ceremony_params(const MeetingId &meeting) const {
  crypto::CeremonyParams p{meeting.str(), threshold, {}};
  for (const auto &t : trustees) p.trustees.push_back({t.index, t.box_key});
  return p;
}

Result<void> SetTrusteesRequest::validate(const MeetingId &meeting) const {
  if (auto c = crypto::Ceremony::create(ceremony_params(meeting)); !c)
    return invalid_argument("trustees: " + c.error().message);
  return unique_numbers(
      trustees, [](const TrusteeRow &t) { return t.member_no; }, "trustees: member_no");
}

crypto::ContestSpec ContestDef::spec() const {
  if (kind == ContestKind::commendation) return crypto::PollManifest::commendation(id);
  return crypto::ContestSpec{id, ContestKind::general, static_cast<std::uint32_t>(option_labels.size()), min,
                             max};
}

Result<void> OpenPollRequest::validate() const {
  if (phase == OpenPhase::remote && !remote_window)
    return invalid_argument("phase \"remote\" needs a remote_window");
  std::set<std::string> ids;
  std::set<std::uint32_t> nominees;
  for (std::size_t i = 0; i < contests.size(); ++i) {
    const auto &c = contests[i];
    auto where = "contest " + std::to_string(i) + " (\"" + c.id + "\")";
    if (!ids.insert(c.id).second) return invalid_argument(where + ": id appears twice");
    if (c.kind == ContestKind::commendation && !nominees.insert(c.nominee_no).second)
      return invalid_argument(where + ": nominee " + std::to_string(c.nominee_no) + " appears twice");
    if (c.kind == ContestKind::general && (c.min > c.max || c.max > c.option_labels.size()))
      return invalid_argument(where + ": needs min <= max <= number of options");
  }
  return {};
}

CeremonyContent CeremonyContent::of(const crypto::TrusteeCommitments &c) {
  crypto::ByteWriter w;
  crypto::encode_commitments(w, c);
  CeremonyContent x;
  x.kind = CeremonyMessageKind::commitments;
  x.commitments = w.take();
  return x;
}

CeremonyContent CeremonyContent::of(const crypto::EncryptedShare &s) {
  crypto::ByteWriter w;
  crypto::encode_encrypted_share(w, s);
  CeremonyContent x;
  x.kind = CeremonyMessageKind::share;
  x.share = w.take();
  return x;
}

CeremonyContent CeremonyContent::of(const crypto::ShareComplaint &c) {
  CeremonyContent x;
  x.kind = CeremonyMessageKind::complaint;
  x.complaint = {c.from,
                 c.reason.empty() ? std::string("(no reason given)") : c.reason.substr(0, kMaxReasonBytes)};
  return x;
}

Result<crypto::TrusteeCommitments> CeremonyContent::decode_commitments() const {
  if (kind != CeremonyMessageKind::commitments)
    return check_error(ErrorCode::invalid_ceremony_message, "kind", "kind: not a commitments message");
  crypto::ByteReader r(commitments);
  auto c = crypto::decode_commitments(r);
  if (!c) return check_error(ErrorCode::invalid_ceremony_message, "decode", "decode: " + c.error().message);
  if (auto e = r.expect_end("commitments"); !e)
    return check_error(ErrorCode::invalid_ceremony_message, "decode", "decode: " + e.error().message);
  return std::move(*c);
}

Result<crypto::EncryptedShare> CeremonyContent::decode_share() const {
  if (kind != CeremonyMessageKind::share)
    return check_error(ErrorCode::invalid_ceremony_message, "kind", "kind: not a share message");
  crypto::ByteReader r(share);
  auto s = crypto::decode_encrypted_share(r);
  if (!s) return check_error(ErrorCode::invalid_ceremony_message, "decode", "decode: " + s.error().message);
  if (auto e = r.expect_end("share"); !e)
    return check_error(ErrorCode::invalid_ceremony_message, "decode", "decode: " + e.error().message);
  return *s;
}

Bytes CeremonyContent::board_payload(std::uint32_t from) const {
  switch (kind) {
  case CeremonyMessageKind::commitments:
    return commitments;
  case CeremonyMessageKind::share:
    return share;
  case CeremonyMessageKind::complaint:
    break;
  }
  crypto::ByteWriter w;
  w.u32(from);
  w.u32(complaint.accused);
  w.str(complaint.reason);
  return w.take();
}

Result<CeremonyContent> CeremonyContent::from_board(CeremonyMessageKind kind, ByteView payload,
                                                    std::uint32_t *from) {
  CeremonyContent x;
  x.kind = kind;
  auto bad = [](const std::string &msg) {
    return check_error(ErrorCode::invalid_ceremony_message, "decode", "decode: " + msg);
  };
  switch (kind) {
  case CeremonyMessageKind::commitments: {
    x.commitments.assign(payload.begin(), payload.end());
    auto c = x.decode_commitments();
    if (!c) return c.error();
    if (from) *from = c->index;
    return x;
  }
  case CeremonyMessageKind::share: {
    x.share.assign(payload.begin(), payload.end());
    auto sh = x.decode_share();
    if (!sh) return sh.error();
    if (from) *from = sh->from;
    return x;
  }
  case CeremonyMessageKind::complaint:
    break;
  }
  crypto::ByteReader r(payload);
  auto f = r.u32("from");
  if (!f) return bad(f.error().message);
  auto accused = r.u32("accused");
  if (!accused) return bad(accused.error().message);
  auto reason = r.str("reason", kMaxReasonBytes);
  if (!reason) return bad(reason.error().message);
  if (auto e = r.expect_end("complaint"); !e) return bad(e.error().message);
  x.complaint = {*accused, std::move(*reason)};
  if (from) *from = *f;
  return x;
}

PostPartialDecryptionRequest PostPartialDecryptionRequest::of(const PollId &poll,
                                                              const ByteArray<32> &tally_context,
                                                              const crypto::PartialDecryption &p) {
  crypto::ByteWriter w;
  crypto::encode_partial_decryption(w, p);
  return {poll, tally_context, w.take()};
}

Result<crypto::PartialDecryption> PostPartialDecryptionRequest::decode() const {
  crypto::ByteReader r(partial);
  auto p = crypto::decode_partial_decryption(r);
  if (!p) return check_error(ErrorCode::invalid_partial_decryption, "decode", "decode: " + p.error().message);
  if (auto e = r.expect_end("partial decryption"); !e)
    return check_error(ErrorCode::invalid_partial_decryption, "decode", "decode: " + e.error().message);
  return std::move(*p);
}

Result<void> GetRecordResponse::verify(const crypto::SignPublicKey &server_key) const {
  if (statement.poll != poll)
    return check_error(ErrorCode::inconsistent_data, "poll", "poll: the statement is about another poll");
  if (record_digest(record) != statement.record_digest)
    return check_error(ErrorCode::inconsistent_data, "record_digest",
                       "record_digest: the record text does not have the signed digest");
  return check_record_signature(statement, server_key);
}

} // namespace cv::protocol
