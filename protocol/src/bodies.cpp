#include "councilvote/protocol/bodies.hpp"

#include <algorithm>
#include <set>

namespace cv::protocol {

namespace {

using crypto::ContestKind;

constexpr std::uint64_t kMaxU32 = 0xFFFFFFFFu;

std::uint32_t u32(ObjectReader &r, std::string_view name, std::uint64_t min, std::uint64_t max) {
  return static_cast<std::uint32_t>(r.integer(name, min, std::min(max, kMaxU32)));
}

QJsonArray hex_array(const std::vector<Bytes> &items) {
  QJsonArray a;
  for (const auto &b : items) a.append(json_hex(b));
  return a;
}

QJsonArray string_array(const std::vector<std::string> &items) {
  QJsonArray a;
  for (const auto &s : items) a.append(json_string(s));
  return a;
}

template <class U> QJsonArray uint_array(const std::vector<U> &items) {
  QJsonArray a;
  for (auto v : items) a.append(json_uint(v));
  return a;
}

template <class T> QJsonArray object_array(const std::vector<T> &items) {
  QJsonArray a;
  for (const auto &x : items) a.append(x.to_json());
  return a;
}

template <class T>
std::vector<T> read_objects(ObjectReader &r, std::string_view name, std::size_t min, std::size_t max) {
  return r.objects(name, min, max, [](ObjectReader &c) { return T::read(c); });
}

template <class T> std::optional<T> read_optional_object(ObjectReader &r, std::string_view name) {
  if (!r.has(name)) return std::nullopt;
  return r.nested(name, [](ObjectReader &c) { return std::optional<T>(T::read(c)); });
}

std::vector<std::uint32_t> u32s(const std::vector<std::uint64_t> &v) {
  std::vector<std::uint32_t> out;
  out.reserve(v.size());
  for (auto x : v) out.push_back(static_cast<std::uint32_t>(x));
  return out;
}

crypto::Point read_point(ObjectReader &r, std::string_view name, bool allow_identity) {
  auto b = r.hex_fixed<32>(name);
  if (!r.ok()) return {};
  auto p = crypto::Point::from_bytes(b, allow_identity);
  if (!p) {
    r.fail(field_error(ErrorCode::bad_field, r.path_of(name), r.path_of(name) + ": " + p.error().message));
    return {};
  }
  return *p;
}

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

// ============================================================================ names

std::string_view poll_status_name(PollStatus s) noexcept {
  switch (s) {
  case PollStatus::draft:
    return "draft";
  case PollStatus::open_remote:
    return "open_remote";
  case PollStatus::open:
    return "open";
  case PollStatus::closed:
    return "closed";
  case PollStatus::tallied:
    return "tallied";
  case PollStatus::published:
    return "published";
  }
  return "?";
}

std::string_view open_phase_name(OpenPhase p) noexcept { return p == OpenPhase::remote ? "remote" : "room"; }

std::string_view attendance_name(Attendance a) noexcept {
  switch (a) {
  case Attendance::present:
    return "present";
  case Attendance::remote:
    return "remote";
  case Attendance::absent:
    return "absent";
  case Attendance::unknown:
    return "unknown";
  }
  return "?";
}

std::string_view ceremony_state_name(CeremonyState s) noexcept {
  switch (s) {
  case CeremonyState::collecting:
    return "collecting";
  case CeremonyState::complete:
    return "complete";
  case CeremonyState::failed:
    return "failed";
  }
  return "?";
}

std::string_view ceremony_message_kind_name(CeremonyMessageKind k) noexcept {
  switch (k) {
  case CeremonyMessageKind::commitments:
    return "commitments";
  case CeremonyMessageKind::share:
    return "share";
  case CeremonyMessageKind::complaint:
    return "complaint";
  }
  return "?";
}

namespace {

std::string_view council_role_name(CouncilRole r) {
  switch (r) {
  case CouncilRole::chair:
    return "chair";
  case CouncilRole::vice_chair:
    return "vice_chair";
  case CouncilRole::secretary:
    return "secretary";
  case CouncilRole::member:
    return "member";
  }
  return "?";
}

std::string_view contest_kind_name(ContestKind k) {
  return k == ContestKind::general ? "general" : "commendation";
}

ContestKind read_contest_kind(ObjectReader &r, std::string_view name) {
  return r.enumeration<ContestKind>(
      name, {{"commendation", ContestKind::commendation}, {"general", ContestKind::general}});
}

PollStatus read_poll_status(ObjectReader &r, std::string_view name) {
  return r.enumeration<PollStatus>(name, {{"draft", PollStatus::draft},
                                          {"open_remote", PollStatus::open_remote},
                                          {"open", PollStatus::open},
                                          {"closed", PollStatus::closed},
                                          {"tallied", PollStatus::tallied},
                                          {"published", PollStatus::published}});
}

CeremonyMessageKind read_ceremony_kind(ObjectReader &r, std::string_view name) {
  return r.enumeration<CeremonyMessageKind>(name, {{"commitments", CeremonyMessageKind::commitments},
                                                   {"share", CeremonyMessageKind::share},
                                                   {"complaint", CeremonyMessageKind::complaint}});
}

} // namespace

// ============================================================================ shared pieces

QJsonObject RemoteWindow::to_json() const {
  QJsonObject o;
  o.insert("from", json_uint(from_ms));
  o.insert("until", json_uint(until_ms));
  return o;
}

RemoteWindow RemoteWindow::read(ObjectReader &r) {
  RemoteWindow w;
  w.from_ms = r.integer("from", 0, kMaxJsonInteger);
  w.until_ms = r.integer("until", 0, kMaxJsonInteger);
  if (r.ok() && w.from_ms >= w.until_ms)
    r.fail(field_error(ErrorCode::bad_field, r.path_of("until"),
                       r.path_of("until") + ": must be after \"from\""));
  return w;
}

QJsonObject RosterRow::to_json() const {
  QJsonObject o;
  o.insert("member_no", json_uint(member_no));
  o.insert("full_name", json_string(full_name));
  o.insert("council_role", json_string(council_role_name(council_role)));
  o.insert("position", json_string(position));
  o.insert("unit", json_string(unit));
  return o;
}

RosterRow RosterRow::read(ObjectReader &r) {
  RosterRow x;
  x.member_no = u32(r, "member_no", 1, kMaxMemberNo);
  x.full_name = r.text("full_name", 1, kMaxNameBytes);
  x.council_role = r.enumeration<CouncilRole>("council_role", {{"chair", CouncilRole::chair},
                                                               {"vice_chair", CouncilRole::vice_chair},
                                                               {"secretary", CouncilRole::secretary},
                                                               {"member", CouncilRole::member}});
  x.position = r.text("position", 0, kMaxTextBytes);
  x.unit = r.text("unit", 0, kMaxTextBytes);
  return x;
}

QJsonObject NomineeRow::to_json() const {
  QJsonObject o;
  o.insert("nominee_no", json_uint(nominee_no));
  o.insert("kind", json_string(kind == NomineeKind::tap_the ? "tap_the" : "ca_nhan"));
  o.insert("name", json_string(name));
  o.insert("position", json_string(position));
  o.insert("unit", json_string(unit));
  o.insert("award", json_string(award));
  o.insert("rule_id", json_string(rule_id));
  return o;
}

NomineeRow NomineeRow::read(ObjectReader &r) {
  NomineeRow x;
  x.nominee_no = u32(r, "nominee_no", 1, kMaxMemberNo);
  x.kind = r.enumeration<NomineeKind>("kind",
                                      {{"ca_nhan", NomineeKind::ca_nhan}, {"tap_the", NomineeKind::tap_the}});
  x.name = r.text("name", 1, kMaxTextBytes);
  x.position = r.text("position", 0, kMaxTextBytes);
  x.unit = r.text("unit", 0, kMaxTextBytes);
  x.award = r.text("award", 1, kMaxNameBytes);
  x.rule_id = r.text("rule_id", 1, 64);
  if (r.ok())
    if (auto s = check_id_syntax(x.rule_id, 64, "rule id"); !s)
      r.fail(field_error(ErrorCode::bad_field, r.path_of("rule_id"),
                         r.path_of("rule_id") + ": " + s.error().message));
  return x;
}

// ============================================================================ secretary

QJsonObject ImportRosterRequest::to_json() const {
  QJsonObject o;
  o.insert("members", object_array(members));
  return o;
}

ImportRosterRequest ImportRosterRequest::read(ObjectReader &r) {
  return {read_objects<RosterRow>(r, "members", 1, kMaxRosterRows)};
}

Result<void> ImportRosterRequest::validate() const {
  return unique_numbers(
      members, [](const RosterRow &x) { return x.member_no; }, "member_no");
}

QJsonObject ImportResponse::to_json() const {
  QJsonObject o;
  o.insert("count", json_uint(count));
  return o;
}

ImportResponse ImportResponse::read(ObjectReader &r) { return {u32(r, "count", 0, kMaxNomineeRows)}; }

QJsonObject ImportNomineesRequest::to_json() const {
  QJsonObject o;
  o.insert("nominees", object_array(nominees));
  return o;
}

ImportNomineesRequest ImportNomineesRequest::read(ObjectReader &r) {
  return {read_objects<NomineeRow>(r, "nominees", 1, kMaxNomineeRows)};
}

Result<void> ImportNomineesRequest::validate() const {
  return unique_numbers(
      nominees, [](const NomineeRow &x) { return x.nominee_no; }, "nominee_no");
}

bool RuleProfile::passes(std::uint64_t agree, std::uint64_t denominator_count) const noexcept {
  const auto lhs = agree * 100, rhs = std::uint64_t{threshold_percent} * denominator_count;
  return comparison == Comparison::at_least ? lhs >= rhs : lhs > rhs;
}

QJsonObject RuleProfile::to_json() const {
  QJsonObject o;
  o.insert("rule_id", json_string(rule_id));
  o.insert("label", json_string(label));
  o.insert("threshold_percent", json_uint(threshold_percent));
  o.insert("comparison", json_string(comparison == Comparison::at_least ? "at_least" : "more_than"));
  o.insert("denominator",
           json_string(denominator == Denominator::all_members ? "all_members" : "present_members"));
  o.insert("quorum_percent", json_uint(quorum_percent));
  o.insert("source", json_string(source));
  return o;
}

RuleProfile RuleProfile::read(ObjectReader &r) {
  RuleProfile x;
  x.rule_id = r.text("rule_id", 1, 64);
  if (r.ok())
    if (auto s = check_id_syntax(x.rule_id, 64, "rule id"); !s)
      r.fail(field_error(ErrorCode::bad_field, r.path_of("rule_id"),
                         r.path_of("rule_id") + ": " + s.error().message));
  x.label = r.text("label", 1, kMaxTextBytes);
  x.threshold_percent = u32(r, "threshold_percent", 1, 100);
  x.comparison = r.enumeration<Comparison>(
      "comparison", {{"at_least", Comparison::at_least}, {"more_than", Comparison::more_than}});
  x.denominator =
      r.enumeration<Denominator>("denominator", {{"all_members", Denominator::all_members},
                                                 {"present_members", Denominator::present_members}});
  x.quorum_percent = u32(r, "quorum_percent", 0, 100);
  x.source = r.text("source", 0, kMaxTextBytes);
  return x;
}

QJsonObject SetAwardQuotaRequest::to_json() const {
  QJsonObject o;
  o.insert("award", json_string(award));
  o.insert("quota", json_uint(quota));
  return o;
}

SetAwardQuotaRequest SetAwardQuotaRequest::read(ObjectReader &r) {
  SetAwardQuotaRequest x;
  x.award = r.text("award", 1, kMaxNameBytes);
  x.quota = u32(r, "quota", 0, 10000);
  return x;
}

QJsonObject RegisterMemberKeyRequest::to_json() const {
  QJsonObject o;
  o.insert("member_no", json_uint(member_no));
  o.insert("key", json_hex(key));
  return o;
}

RegisterMemberKeyRequest RegisterMemberKeyRequest::read(ObjectReader &r) {
  RegisterMemberKeyRequest x;
  x.member_no = u32(r, "member_no", 1, kMaxMemberNo);
  x.key = r.hex_fixed<crypto::kSignPublicKeyBytes>("key");
  return x;
}

QJsonObject RegisterMemberKeysRequest::to_json() const {
  QJsonObject o;
  o.insert("entries", object_array(entries));
  return o;
}

RegisterMemberKeysRequest RegisterMemberKeysRequest::read(ObjectReader &r) {
  return {read_objects<RegisterMemberKeyRequest>(r, "entries", 1, kMaxRosterRows)};
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

QJsonObject FrozenAttendanceEntry::to_json() const {
  QJsonObject o;
  o.insert("member_no", json_uint(member_no));
  o.insert("status", json_string(attendance_name(status)));
  return o;
}

FrozenAttendanceEntry FrozenAttendanceEntry::read(ObjectReader &r) {
  FrozenAttendanceEntry x;
  x.member_no = u32(r, "member_no", 1, kMaxMemberNo);
  x.status = r.enumeration<Attendance>("status", {{"present", Attendance::present},
                                                  {"remote", Attendance::remote},
                                                  {"absent", Attendance::absent},
                                                  {"unknown", Attendance::unknown}});
  return x;
}

QJsonObject FrozenAttendance::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("members", object_array(members));
  return o;
}

FrozenAttendance FrozenAttendance::read(ObjectReader &r) {
  FrozenAttendance x;
  x.poll = r.id<PollIdTag>("poll");
  x.members = read_objects<FrozenAttendanceEntry>(r, "members", 1, kMaxRosterRows);
  return x;
}

Result<void> FrozenAttendance::validate() const {
  for (std::size_t i = 1; i < members.size(); ++i)
    if (members[i].member_no <= members[i - 1].member_no)
      return make_error(ErrorCode::invalid_argument,
                        "the frozen attendance does not list its members once each in ascending order (" +
                            std::to_string(members[i].member_no) + " after " +
                            std::to_string(members[i - 1].member_no) + ")");
  return {};
}

AttendanceSummary FrozenAttendance::summary() const {
  AttendanceSummary s;
  s.members = static_cast<std::uint32_t>(members.size());
  for (const auto &m : members) {
    switch (m.status) {
    case Attendance::present:
      ++s.present;
      break;
    case Attendance::remote:
      ++s.remote;
      break;
    case Attendance::absent:
      ++s.absent;
      break;
    case Attendance::unknown:
      ++s.unknown;
      break;
    }
  }
  return s;
}

QJsonObject AttendanceEntry::to_json() const {
  QJsonObject o;
  o.insert("member_no", json_uint(member_no));
  o.insert("status", json_string(attendance_name(status)));
  return o;
}

AttendanceEntry AttendanceEntry::read(ObjectReader &r) {
  AttendanceEntry x;
  x.member_no = u32(r, "member_no", 1, kMaxMemberNo);
  x.status = r.enumeration<Attendance>(
      "status",
      {{"present", Attendance::present}, {"remote", Attendance::remote}, {"absent", Attendance::absent}});
  return x;
}

QJsonObject SetAttendanceRequest::to_json() const {
  QJsonObject o;
  o.insert("entries", object_array(entries));
  return o;
}

SetAttendanceRequest SetAttendanceRequest::read(ObjectReader &r) {
  return {read_objects<AttendanceEntry>(r, "entries", 1, kMaxRosterRows)};
}

Result<void> SetAttendanceRequest::validate() const {
  return unique_numbers(
      entries, [](const AttendanceEntry &x) { return x.member_no; }, "member_no");
}

QJsonObject AttendanceSummary::to_json() const {
  QJsonObject o;
  o.insert("members", json_uint(members));
  o.insert("present", json_uint(present));
  o.insert("remote", json_uint(remote));
  o.insert("absent", json_uint(absent));
  o.insert("unknown", json_uint(unknown));
  return o;
}

AttendanceSummary AttendanceSummary::read(ObjectReader &r) {
  AttendanceSummary x;
  x.members = u32(r, "members", 0, kMaxRosterRows);
  x.present = u32(r, "present", 0, kMaxRosterRows);
  x.remote = u32(r, "remote", 0, kMaxRosterRows);
  x.absent = u32(r, "absent", 0, kMaxRosterRows);
  x.unknown = u32(r, "unknown", 0, kMaxRosterRows);
  return x;
}

QJsonObject SetTrusteesResponse::to_json() const {
  QJsonObject o;
  o.insert("ceremony_context", json_hex(ceremony_context));
  return o;
}

SetTrusteesResponse SetTrusteesResponse::read(ObjectReader &r) {
  return {r.hex_fixed<32>("ceremony_context")};
}

QJsonObject TrusteeRow::to_json() const {
  QJsonObject o;
  o.insert("index", json_uint(index));
  o.insert("member_no", json_uint(member_no));
  o.insert("box_key", json_hex(box_key));
  return o;
}

TrusteeRow TrusteeRow::read(ObjectReader &r) {
  TrusteeRow x;
  x.index = u32(r, "index", 1, crypto::kMaxTrustees);
  x.member_no = u32(r, "member_no", 1, kMaxMemberNo);
  x.box_key = r.hex_fixed<crypto::kBoxPublicKeyBytes>("box_key");
  return x;
}

QJsonObject SetTrusteesRequest::to_json() const {
  QJsonObject o;
  o.insert("threshold", json_uint(threshold));
  o.insert("trustees", object_array(trustees));
  return o;
}

SetTrusteesRequest SetTrusteesRequest::read(ObjectReader &r) {
  SetTrusteesRequest x;
  x.threshold = u32(r, "threshold", 1, crypto::kMaxTrustees);
  x.trustees = read_objects<TrusteeRow>(r, "trustees", 1, crypto::kMaxTrustees);
  return x;
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

QJsonObject ContestDef::to_json() const {
  QJsonObject o;
  o.insert("id", json_string(id));
  o.insert("kind", json_string(contest_kind_name(kind)));
  if (kind == ContestKind::commendation) {
    o.insert("nominee_no", json_uint(nominee_no));
  } else {
    o.insert("label", json_string(label));
    o.insert("option_labels", string_array(option_labels));
    o.insert("min", json_uint(min));
    o.insert("max", json_uint(max));
  }
  return o;
}

ContestDef ContestDef::read(ObjectReader &r) {
  ContestDef x;
  x.id = r.text("id", 1, crypto::kMaxIdLength);
  x.kind = read_contest_kind(r, "kind");
  if (!r.ok()) return x;
  if (x.kind == ContestKind::commendation) {
    x.nominee_no = u32(r, "nominee_no", 1, kMaxMemberNo);
  } else {
    x.label = r.text("label", 1, kMaxTextBytes);
    x.option_labels = r.texts("option_labels", 1, crypto::kMaxOptions, kMaxTextBytes);
    x.min = u32(r, "min", 0, crypto::kMaxOptions);
    x.max = u32(r, "max", 0, crypto::kMaxOptions);
  }
  return x;
}

QJsonObject OpenPollRequest::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("title", json_string(title));
  o.insert("contests", object_array(contests));
  o.insert("phase", json_string(open_phase_name(phase)));
  if (remote_window) o.insert("remote_window", remote_window->to_json());
  return o;
}

OpenPollRequest OpenPollRequest::read(ObjectReader &r) {
  OpenPollRequest x;
  x.poll = r.id<PollIdTag>("poll");
  x.title = r.text("title", 1, kMaxTextBytes);
  x.contests = read_objects<ContestDef>(r, "contests", 1, crypto::kMaxContests);
  x.phase = r.enumeration<OpenPhase>("phase", {{"remote", OpenPhase::remote}, {"room", OpenPhase::room}});
  x.remote_window = read_optional_object<RemoteWindow>(r, "remote_window");
  return x;
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

QJsonObject PollRef::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  return o;
}

PollRef PollRef::read(ObjectReader &r) { return {r.id<PollIdTag>("poll")}; }

QJsonObject ClosePollResponse::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("closed_at", json_uint(closed_at_ms));
  o.insert("ballots", json_uint(ballots));
  o.insert("checkpoint", checkpoint_to_json(checkpoint));
  return o;
}

ClosePollResponse ClosePollResponse::read(ObjectReader &r) {
  ClosePollResponse x;
  x.poll = r.id<PollIdTag>("poll");
  x.closed_at_ms = r.integer("closed_at", 0, kMaxJsonInteger);
  x.ballots = u32(r, "ballots", 0, kMaxU32);
  x.checkpoint = r.nested("checkpoint", [](ObjectReader &c) { return read_checkpoint(c); });
  return x;
}

QJsonObject TurnoutInfo::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("members", json_uint(members));
  o.insert("present", json_uint(present));
  o.insert("remote", json_uint(remote));
  o.insert("ballots", json_uint(ballots));
  o.insert("voted", uint_array(voted));
  return o;
}

TurnoutInfo TurnoutInfo::read(ObjectReader &r) {
  TurnoutInfo x;
  x.poll = r.id<PollIdTag>("poll");
  x.members = u32(r, "members", 0, kMaxMemberNo);
  x.present = u32(r, "present", 0, kMaxMemberNo);
  x.remote = u32(r, "remote", 0, kMaxMemberNo);
  x.ballots = u32(r, "ballots", 0, kMaxMemberNo);
  x.voted = u32s(r.integers("voted", 0, kMaxRosterRows, 1, kMaxMemberNo));
  return x;
}

QJsonObject PollOpenedPush::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("status", json_string(poll_status_name(status)));
  o.insert("opened_at", json_uint(opened_at_ms));
  if (remote_window) o.insert("remote_window", remote_window->to_json());
  return o;
}

PollOpenedPush PollOpenedPush::read(ObjectReader &r) {
  PollOpenedPush x;
  x.poll = r.id<PollIdTag>("poll");
  x.status = read_poll_status(r, "status");
  x.opened_at_ms = r.integer("opened_at", 0, kMaxJsonInteger);
  x.remote_window = read_optional_object<RemoteWindow>(r, "remote_window");
  return x;
}

// ============================================================================ get_poll

QJsonObject ContestDisplay::to_json() const {
  QJsonObject o;
  if (nominee) o.insert("nominee", nominee->to_json());
  if (!label.empty()) o.insert("label", json_string(label));
  if (!option_labels.empty()) o.insert("option_labels", string_array(option_labels));
  return o;
}

ContestDisplay ContestDisplay::read(ObjectReader &r) {
  ContestDisplay x;
  x.nominee = read_optional_object<NomineeRow>(r, "nominee");
  if (r.has("label")) x.label = r.text("label", 1, kMaxTextBytes);
  if (r.has("option_labels"))
    x.option_labels = r.texts("option_labels", 1, crypto::kMaxOptions, kMaxTextBytes);
  return x;
}

bool CeremonyInfo::operator==(const CeremonyInfo &o) const {
  if (threshold != o.threshold || commitments != o.commitments || trustees.size() != o.trustees.size())
    return false;
  for (std::size_t i = 0; i < trustees.size(); ++i)
    if (trustees[i].index != o.trustees[i].index ||
        trustees[i].box_public_key != o.trustees[i].box_public_key)
      return false;
  return true;
}

QJsonObject CeremonyInfo::to_json() const {
  QJsonObject o;
  o.insert("threshold", json_uint(threshold));
  QJsonArray ts;
  for (const auto &t : trustees) {
    QJsonObject x;
    x.insert("index", json_uint(t.index));
    x.insert("box_key", json_hex(t.box_public_key));
    ts.append(x);
  }
  o.insert("trustees", ts);
  o.insert("commitments", hex_array(commitments));
  return o;
}

CeremonyInfo CeremonyInfo::read(ObjectReader &r) {
  CeremonyInfo x;
  x.threshold = u32(r, "threshold", 1, crypto::kMaxTrustees);
  x.trustees = r.objects("trustees", 1, crypto::kMaxTrustees, [](ObjectReader &c) {
    crypto::TrusteeInfo t;
    t.index = u32(c, "index", 1, crypto::kMaxTrustees);
    t.box_public_key = c.hex_fixed<crypto::kBoxPublicKeyBytes>("box_key");
    return t;
  });
  x.commitments = r.hexes("commitments", 0, crypto::kMaxTrustees, crypto::commitments_encoded_size(1),
                          crypto::commitments_encoded_size(crypto::kMaxTrustees));
  return x;
}

bool PollDefinition::operator==(const PollDefinition &o) const {
  auto same_manifest = [](const crypto::PollManifest &a, const crypto::PollManifest &b) {
    if (a.meeting_id != b.meeting_id || a.poll_id != b.poll_id || a.disagree_weight != b.disagree_weight ||
        a.roster_digest != b.roster_digest || a.contests.size() != b.contests.size())
      return false;
    for (std::size_t i = 0; i < a.contests.size(); ++i) {
      const auto &x = a.contests[i], &y = b.contests[i];
      if (x.id != y.id || x.kind != y.kind || x.options != y.options ||
          x.min_selections != y.min_selections || x.max_selections != y.max_selections)
        return false;
    }
    return true;
  };
  return poll == o.poll && title == o.title && same_manifest(manifest, o.manifest) && display == o.display &&
         roster == o.roster && joint_key == o.joint_key && context_hash == o.context_hash &&
         ceremony == o.ceremony && remote_window == o.remote_window;
}

QJsonObject PollDefinition::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("title", json_string(title));
  if (remote_window) o.insert("remote_window", remote_window->to_json());
  QJsonObject m;
  m.insert("meeting_id", json_string(manifest.meeting_id));
  m.insert("poll_id", json_string(manifest.poll_id));
  m.insert("disagree_weight", json_uint(manifest.disagree_weight));
  m.insert("roster_digest", json_hex(manifest.roster_digest));
  QJsonArray cs;
  for (const auto &c : manifest.contests) {
    QJsonObject x;
    x.insert("id", json_string(c.id));
    x.insert("kind", json_string(contest_kind_name(c.kind)));
    x.insert("options", json_uint(c.options));
    x.insert("min", json_uint(c.min_selections));
    x.insert("max", json_uint(c.max_selections));
    cs.append(x);
  }
  m.insert("contests", cs);
  o.insert("manifest", m);
  o.insert("display", object_array(display));
  QJsonArray ro;
  for (const auto &k : roster) ro.append(json_hex(k));
  o.insert("roster", ro);
  o.insert("joint_key", json_hex(joint_key.bytes()));
  o.insert("context_hash", json_hex(context_hash));
  o.insert("ceremony", ceremony.to_json());
  return o;
}

PollDefinition PollDefinition::read(ObjectReader &r) {
  PollDefinition x;
  x.poll = r.id<PollIdTag>("poll");
  x.title = r.text("title", 1, kMaxTextBytes);
  x.remote_window = read_optional_object<RemoteWindow>(r, "remote_window");
  x.manifest = r.nested("manifest", [](ObjectReader &m) {
    crypto::PollManifest pm;
    pm.meeting_id = m.text("meeting_id", 1, crypto::kMaxIdLength);
    pm.poll_id = m.text("poll_id", 1, crypto::kMaxIdLength);
    pm.disagree_weight = u32(m, "disagree_weight", 2, kMaxU32);
    pm.roster_digest = m.hex_fixed<32>("roster_digest");
    pm.contests = m.objects("contests", 1, crypto::kMaxContests, [](ObjectReader &c) {
      crypto::ContestSpec s;
      s.id = c.text("id", 1, crypto::kMaxIdLength);
      s.kind = read_contest_kind(c, "kind");
      s.options = u32(c, "options", 1, crypto::kMaxOptions);
      s.min_selections = u32(c, "min", 0, crypto::kMaxOptions);
      s.max_selections = u32(c, "max", 0, crypto::kMaxOptions);
      return s;
    });
    return pm;
  });
  x.display = read_objects<ContestDisplay>(r, "display", 1, crypto::kMaxContests);
  for (const auto &k : r.hexes("roster", 1, kMaxMemberNo, 32, 32)) {
    crypto::SignPublicKey pk{};
    std::copy(k.begin(), k.end(), pk.begin());
    x.roster.push_back(pk);
  }
  x.joint_key = read_point(r, "joint_key", false);
  x.context_hash = r.hex_fixed<32>("context_hash");
  x.ceremony = r.nested("ceremony", [](ObjectReader &c) { return CeremonyInfo::read(c); });
  return x;
}

Result<crypto::PollContext> PollDefinition::verified_context(const MeetingId &meeting) const {
  auto bad = [](const std::string &check, const std::string &msg) {
    return check_error(ErrorCode::inconsistent_data, check, check + ": " + msg);
  };
  try {
    if (manifest.meeting_id != meeting.str())
      return bad("meeting", "the manifest is for meeting \"" + manifest.meeting_id + "\", not \"" +
                                meeting.str() + "\"");
    if (manifest.poll_id != poll.str())
      return bad("poll", "the manifest is for poll \"" + manifest.poll_id + "\", not \"" + poll.str() + "\"");
    if (auto v = manifest.validate(); !v) return bad("manifest", v.error().message);
    if (display.size() != manifest.contests.size()) return bad("display", "not one entry per contest");
    if (crypto::Roster{roster}.digest() != manifest.roster_digest)
      return bad("roster", "the roster's digest is not the manifest's roster_digest");
    if (manifest.disagree_weight <= roster.size())
      return bad("disagree_weight", "must exceed the number of members on the roster");
    auto ceremony_ok = crypto::Ceremony::create({meeting.str(), ceremony.threshold, ceremony.trustees});
    if (!ceremony_ok) return bad("ceremony", ceremony_ok.error().message);
    std::vector<crypto::TrusteeCommitments> commitments;
    for (std::size_t i = 0; i < ceremony.commitments.size(); ++i) {
      crypto::ByteReader br(ceremony.commitments[i]);
      auto c = crypto::decode_commitments(br);
      if (!c) return bad("ceremony", "commitments " + std::to_string(i) + ": " + c.error().message);
      if (auto end = br.expect_end("commitments"); !end) return bad("ceremony", end.error().message);
      commitments.push_back(std::move(*c));
    }
    auto key = crypto::threshold_public_key(*ceremony_ok, commitments);
    if (!key) return bad("ceremony", key.error().message);
    if (!(key->joint_key == joint_key))
      return bad("joint_key", "the joint key is not the one the ceremony's commitments give");
    crypto::PollContext ctx{manifest, joint_key};
    if (ctx.hash() != context_hash)
      return bad("context_hash", "does not match the manifest and the joint key");
    return ctx;
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while checking a poll");
  }
}

namespace {

void put_time(QJsonObject &o, const char *name, const std::optional<std::uint64_t> &t) {
  if (t) o.insert(name, json_uint(*t));
}

std::optional<std::uint64_t> read_time(ObjectReader &r, std::string_view name) {
  if (!r.has(name)) return std::nullopt;
  return r.integer(name, 0, kMaxJsonInteger);
}

} // namespace

QJsonObject PollInfo::to_json() const {
  QJsonObject o;
  o.insert("definition", definition.to_json());
  o.insert("manifest_seq", json_uint(manifest_seq));
  o.insert("status", json_string(poll_status_name(status)));
  put_time(o, "remote_opened_at", remote_opened_at_ms);
  put_time(o, "opened_at", opened_at_ms);
  put_time(o, "closed_at", closed_at_ms);
  put_time(o, "tallied_at", tallied_at_ms);
  put_time(o, "published_at", published_at_ms);
  return o;
}

PollInfo PollInfo::read(ObjectReader &r) {
  PollInfo x;
  x.definition = r.nested("definition", [](ObjectReader &d) { return PollDefinition::read(d); });
  x.manifest_seq = r.integer("manifest_seq", 1, kMaxJsonInteger);
  x.status = read_poll_status(r, "status");
  x.remote_opened_at_ms = read_time(r, "remote_opened_at");
  x.opened_at_ms = read_time(r, "opened_at");
  x.closed_at_ms = read_time(r, "closed_at");
  x.tallied_at_ms = read_time(r, "tallied_at");
  x.published_at_ms = read_time(r, "published_at");
  return x;
}

// ============================================================================ member

QJsonObject CastBallotRequest::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("ballot", json_hex(ballot));
  return o;
}

CastBallotRequest CastBallotRequest::read(ObjectReader &r) {
  CastBallotRequest x;
  x.poll = r.id<PollIdTag>("poll");
  x.ballot = r.hex("ballot", 1, kDefaultMaxMessageBytes);
  return x;
}

QJsonObject CastBallotResponse::to_json() const {
  QJsonObject o;
  o.insert("receipt", receipt_to_json(receipt));
  return o;
}

CastBallotResponse CastBallotResponse::read(ObjectReader &r) {
  return {r.nested("receipt", [](ObjectReader &c) { return read_receipt(c); })};
}

QJsonObject LookupTrackingCodeRequest::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("tracking_code", json_hex(tracking_code));
  return o;
}

LookupTrackingCodeRequest LookupTrackingCodeRequest::read(ObjectReader &r) {
  LookupTrackingCodeRequest x;
  x.poll = r.id<PollIdTag>("poll");
  x.tracking_code = r.hex_fixed<32>("tracking_code");
  return x;
}

QJsonObject LookupTrackingCodeResponse::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("tracking_code", json_hex(tracking_code));
  o.insert("board_seq", json_uint(board_seq));
  o.insert("entry_hash", json_hex(entry_hash));
  return o;
}

LookupTrackingCodeResponse LookupTrackingCodeResponse::read(ObjectReader &r) {
  LookupTrackingCodeResponse x;
  x.poll = r.id<PollIdTag>("poll");
  x.tracking_code = r.hex_fixed<32>("tracking_code");
  x.board_seq = r.integer("board_seq", 1, kMaxJsonInteger);
  x.entry_hash = r.hex_fixed<32>("entry_hash");
  return x;
}

// ============================================================================ trustee

QJsonObject Complaint::to_json() const {
  QJsonObject o;
  o.insert("accused", json_uint(accused));
  o.insert("reason", json_string(reason));
  return o;
}

Complaint Complaint::read(ObjectReader &r) {
  Complaint x;
  x.accused = u32(r, "accused", 1, crypto::kMaxTrustees);
  x.reason = r.text("reason", 1, kMaxReasonBytes);
  return x;
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

void CeremonyContent::write(QJsonObject &o) const {
  o.insert("kind", json_string(ceremony_message_kind_name(kind)));
  switch (kind) {
  case CeremonyMessageKind::commitments:
    o.insert("commitments", json_hex(commitments));
    break;
  case CeremonyMessageKind::share:
    o.insert("share", json_hex(share));
    break;
  case CeremonyMessageKind::complaint:
    o.insert("complaint", complaint.to_json());
    break;
  }
}

void CeremonyContent::read_into(ObjectReader &r) {
  kind = read_ceremony_kind(r, "kind");
  if (!r.ok()) return;
  switch (kind) {
  case CeremonyMessageKind::commitments:
    commitments = r.hex("commitments", crypto::commitments_encoded_size(1),
                        crypto::commitments_encoded_size(crypto::kMaxTrustees));
    break;
  case CeremonyMessageKind::share:
    share = r.hex("share", crypto::kEncryptedShareBytes, crypto::kEncryptedShareBytes);
    break;
  case CeremonyMessageKind::complaint:
    complaint = r.nested("complaint", [](ObjectReader &c) { return Complaint::read(c); });
    break;
  }
}

QJsonObject PostCeremonyMessageRequest::to_json() const {
  QJsonObject o;
  o.insert("ceremony_context", json_hex(ceremony_context));
  content.write(o);
  return o;
}

PostCeremonyMessageRequest PostCeremonyMessageRequest::read(ObjectReader &r) {
  PostCeremonyMessageRequest x;
  x.ceremony_context = r.hex_fixed<32>("ceremony_context");
  x.content.read_into(r);
  return x;
}

QJsonObject PostCeremonyMessageResponse::to_json() const {
  QJsonObject o;
  o.insert("board_seq", json_uint(board_seq));
  return o;
}

PostCeremonyMessageResponse PostCeremonyMessageResponse::read(ObjectReader &r) {
  return {r.integer("board_seq", 1, kMaxJsonInteger)};
}

QJsonObject GetCeremonyMessagesRequest::to_json() const {
  QJsonObject o;
  o.insert("after_seq", json_uint(after_seq));
  return o;
}

GetCeremonyMessagesRequest GetCeremonyMessagesRequest::read(ObjectReader &r) {
  return {r.integer("after_seq", 0, kMaxJsonInteger)};
}

QJsonObject CeremonyMessage::to_json() const {
  QJsonObject o;
  o.insert("board_seq", json_uint(board_seq));
  o.insert("from", json_uint(from));
  content.write(o);
  return o;
}

CeremonyMessage CeremonyMessage::read(ObjectReader &r) {
  CeremonyMessage x;
  x.board_seq = r.integer("board_seq", 1, kMaxJsonInteger);
  x.from = u32(r, "from", 1, crypto::kMaxTrustees);
  x.content.read_into(r);
  return x;
}

QJsonObject GetCeremonyMessagesResponse::to_json() const {
  QJsonObject o;
  o.insert("ceremony_context", json_hex(ceremony_context));
  o.insert("threshold", json_uint(threshold));
  o.insert("trustees", object_array(trustees));
  o.insert("state", json_string(ceremony_state_name(state)));
  if (joint_key) o.insert("joint_key", json_hex(joint_key->bytes()));
  o.insert("messages", object_array(messages));
  return o;
}

GetCeremonyMessagesResponse GetCeremonyMessagesResponse::read(ObjectReader &r) {
  GetCeremonyMessagesResponse x;
  x.ceremony_context = r.hex_fixed<32>("ceremony_context");
  x.threshold = u32(r, "threshold", 1, crypto::kMaxTrustees);
  x.trustees = read_objects<TrusteeRow>(r, "trustees", 1, crypto::kMaxTrustees);
  x.state = r.enumeration<CeremonyState>("state", {{"collecting", CeremonyState::collecting},
                                                   {"complete", CeremonyState::complete},
                                                   {"failed", CeremonyState::failed}});
  if (r.has("joint_key")) x.joint_key = read_point(r, "joint_key", false);
  x.messages = read_objects<CeremonyMessage>(r, "messages", 0, 70000);
  return x;
}

QJsonObject CeremonyMessagePush::to_json() const {
  QJsonObject o;
  o.insert("board_seq", json_uint(board_seq));
  o.insert("from", json_uint(from));
  o.insert("kind", json_string(ceremony_message_kind_name(kind)));
  return o;
}

CeremonyMessagePush CeremonyMessagePush::read(ObjectReader &r) {
  CeremonyMessagePush x;
  x.board_seq = r.integer("board_seq", 1, kMaxJsonInteger);
  x.from = u32(r, "from", 1, crypto::kMaxTrustees);
  x.kind = read_ceremony_kind(r, "kind");
  return x;
}

crypto::EncryptedTally TallyInfo::encrypted_tally() const { return {poll_context, ballots, totals}; }

QJsonObject TallyInfo::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("poll_context", json_hex(poll_context));
  o.insert("ballots", json_uint(ballots));
  QJsonArray ts;
  for (const auto &c : totals) {
    crypto::ByteWriter w;
    w.fixed(c.alpha.bytes());
    w.fixed(c.beta.bytes());
    ts.append(json_hex(w.bytes()));
  }
  o.insert("totals", ts);
  return o;
}

TallyInfo TallyInfo::read(ObjectReader &r) {
  TallyInfo x;
  x.poll = r.id<PollIdTag>("poll");
  x.poll_context = r.hex_fixed<32>("poll_context");
  x.ballots = u32(r, "ballots", 0, kMaxMemberNo);
  auto totals = r.hexes("totals", 1, std::size_t{crypto::kMaxContests} * crypto::kMaxOptions, 64, 64);
  for (std::size_t i = 0; i < totals.size() && r.ok(); ++i) {
    auto a = crypto::Point::from_bytes(ByteView(totals[i]).first(32), true);
    auto b = crypto::Point::from_bytes(ByteView(totals[i]).subspan(32), true);
    if (!a || !b) {
      auto path = r.path_of("totals") + "[" + std::to_string(i) + "]";
      r.fail(field_error(ErrorCode::bad_field, path, path + ": " + (!a ? a.error() : b.error()).message));
      break;
    }
    x.totals.push_back({*a, *b});
  }
  return x;
}

QJsonObject TallyStatus::to_json() const {
  QJsonObject o;
  o.insert("tally", tally.to_json());
  o.insert("tally_seq", json_uint(tally_seq));
  o.insert("threshold", json_uint(threshold));
  o.insert("partials", uint_array(partials));
  return o;
}

TallyStatus TallyStatus::read(ObjectReader &r) {
  TallyStatus x;
  x.tally = r.nested("tally", [](ObjectReader &t) { return TallyInfo::read(t); });
  x.tally_seq = r.integer("tally_seq", 1, kMaxJsonInteger);
  x.threshold = u32(r, "threshold", 1, crypto::kMaxTrustees);
  x.partials = u32s(r.integers("partials", 0, crypto::kMaxTrustees, 1, crypto::kMaxTrustees));
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

QJsonObject PostPartialDecryptionRequest::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("tally_context", json_hex(tally_context));
  o.insert("partial", json_hex(partial));
  return o;
}

PostPartialDecryptionRequest PostPartialDecryptionRequest::read(ObjectReader &r) {
  PostPartialDecryptionRequest x;
  x.poll = r.id<PollIdTag>("poll");
  x.tally_context = r.hex_fixed<32>("tally_context");
  x.partial = r.hex("partial", crypto::partial_decryption_encoded_size(1), kDefaultMaxMessageBytes);
  return x;
}

QJsonObject PostPartialDecryptionResponse::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("trustee", json_uint(trustee));
  o.insert("accepted", uint_array(accepted));
  o.insert("threshold", json_uint(threshold));
  return o;
}

PostPartialDecryptionResponse PostPartialDecryptionResponse::read(ObjectReader &r) {
  PostPartialDecryptionResponse x;
  x.poll = r.id<PollIdTag>("poll");
  x.trustee = u32(r, "trustee", 1, crypto::kMaxTrustees);
  x.accepted = u32s(r.integers("accepted", 1, crypto::kMaxTrustees, 1, crypto::kMaxTrustees));
  x.threshold = u32(r, "threshold", 1, crypto::kMaxTrustees);
  return x;
}

// ============================================================================ anyone

QJsonObject GetBoardRequest::to_json() const {
  QJsonObject o;
  o.insert("from_seq", json_uint(from_seq));
  o.insert("limit", json_uint(limit));
  return o;
}

GetBoardRequest GetBoardRequest::read(ObjectReader &r) {
  GetBoardRequest x;
  x.from_seq = r.integer("from_seq", 1, kMaxJsonInteger);
  x.limit = u32(r, "limit", 1, 1000);
  return x;
}

QJsonObject GetBoardResponse::to_json() const {
  QJsonObject o;
  QJsonArray es;
  for (const auto &e : entries) es.append(board_entry_to_json(e));
  o.insert("entries", es);
  o.insert("checkpoint", checkpoint_to_json(checkpoint));
  return o;
}

GetBoardResponse GetBoardResponse::read(ObjectReader &r) {
  GetBoardResponse x;
  x.entries = r.objects("entries", 0, 1000, [](ObjectReader &c) { return read_board_entry(c); });
  x.checkpoint = r.nested("checkpoint", [](ObjectReader &c) { return read_checkpoint(c); });
  return x;
}

QJsonObject GetRecordResponse::to_json() const {
  QJsonObject o;
  o.insert("poll", json_string(poll.str()));
  o.insert("record", json_string(record));
  o.insert("statement", record_statement_to_json(statement));
  return o;
}

GetRecordResponse GetRecordResponse::read(ObjectReader &r) {
  GetRecordResponse x;
  x.poll = r.id<PollIdTag>("poll");
  x.record = r.raw_string("record", kDefaultMaxMessageBytes);
  x.statement = r.nested("statement", [](ObjectReader &c) { return read_record_statement(c); });
  return x;
}

Result<void> GetRecordResponse::verify(const crypto::SignPublicKey &server_key) const {
  if (statement.poll != poll)
    return check_error(ErrorCode::inconsistent_data, "poll", "poll: the statement is about another poll");
  if (record_digest(record) != statement.record_digest)
    return check_error(ErrorCode::inconsistent_data, "record_digest",
                       "record_digest: the record text does not have the signed digest");
  return verify_record_statement(statement, server_key);
}

} // namespace cv::protocol
