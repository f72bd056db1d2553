// MeetingService: errors, and conversions between the store's rows and the wire's objects.
#include "service_impl.hpp"

#include <array>

namespace cv::server::detail {

Error op_error(ErrorCode code, std::string message) { return protocol::make_error(code, std::move(message)); }

Error op_check_error(ErrorCode code, std::string check, std::string message) {
  return protocol::check_error(code, std::move(check), std::move(message));
}

Error wrong_poll(std::string_view poll_id) {
  return op_error(ErrorCode::wrong_poll, "no poll '" + std::string(poll_id) + "'");
}

std::optional<std::uint64_t> utc_ms(const std::optional<std::string> &text) {
  if (!text) return std::nullopt;
  return protocol::parse_utc_ms(*text);
}

protocol::PollStatus status_of(schema::PollState s) noexcept {
  switch (s) {
  case schema::PollState::draft:
    return protocol::PollStatus::draft;
  case schema::PollState::open_remote:
    return protocol::PollStatus::open_remote;
  case schema::PollState::open:
    return protocol::PollStatus::open;
  case schema::PollState::closed:
    return protocol::PollStatus::closed;
  case schema::PollState::tallied:
    return protocol::PollStatus::tallied;
  case schema::PollState::published:
    return protocol::PollStatus::published;
  }
  return protocol::PollStatus::draft;
}

namespace {

template <class E, std::size_t N> using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<protocol::CouncilRole, 4> kRoles{{{protocol::CouncilRole::chair, "chair"},
                                                  {protocol::CouncilRole::vice_chair, "vice_chair"},
                                                  {protocol::CouncilRole::secretary, "secretary"},
                                                  {protocol::CouncilRole::member, "member"}}};
constexpr Table<protocol::NomineeKind, 2> kNomineeKinds{
    {{protocol::NomineeKind::ca_nhan, "ca_nhan"}, {protocol::NomineeKind::tap_the, "tap_the"}}};
constexpr Table<protocol::Comparison, 2> kComparisons{
    {{protocol::Comparison::at_least, "at_least"}, {protocol::Comparison::more_than, "more_than"}}};
constexpr Table<protocol::Denominator, 2> kDenominators{
    {{protocol::Denominator::all_members, "all_members"},
     {protocol::Denominator::present_members, "present_members"}}};

template <class E, std::size_t N> std::string_view text_of(const Table<E, N> &t, E e) noexcept {
  for (const auto &[value, text] : t)
    if (value == e) return text;
  return {};
}

template <class E, std::size_t N>
std::optional<E> value_of(const Table<E, N> &t, std::string_view s) noexcept {
  for (const auto &[value, text] : t)
    if (text == s) return value;
  return std::nullopt;
}

Error corrupt(const std::string &what) {
  return op_error(ErrorCode::internal, "the database holds an unknown " + what);
}

} // namespace

std::string_view council_role_text(protocol::CouncilRole r) noexcept { return text_of(kRoles, r); }

std::optional<protocol::CouncilRole> council_role_of(std::string_view text) noexcept {
  return value_of(kRoles, text);
}

schema::MemberRow member_row(const protocol::RosterRow &r) {
  return schema::MemberRow{r.member_no, r.full_name, std::string(council_role_text(r.council_role)),
                           r.position, r.unit};
}

Result<protocol::NomineeRow> nominee_row(const schema::Nominee &n) {
  auto kind = value_of(kNomineeKinds, n.kind);
  if (!kind || n.nominee_no < 1) return corrupt("nominee kind '" + n.kind + "'");
  return protocol::NomineeRow{
      static_cast<std::uint32_t>(n.nominee_no), *kind, n.name, n.position, n.unit, n.award, n.rule_id};
}

schema::Nominee nominee_of(const protocol::NomineeRow &r) {
  return schema::Nominee{r.nominee_no, std::string(text_of(kNomineeKinds, r.kind)),
                         r.name,       r.position,
                         r.unit,       r.award,
                         r.rule_id,    std::nullopt};
}

Result<protocol::RuleProfile> rule_profile(const schema::RuleProfile &p) {
  auto comparison = value_of(kComparisons, p.comparison);
  auto denominator = value_of(kDenominators, p.denominator);
  if (!comparison || !denominator || p.threshold_percent < 0 || p.quorum_percent < 0)
    return corrupt("rule profile '" + p.rule_id + "'");
  return protocol::RuleProfile{p.rule_id,   p.label,      static_cast<std::uint32_t>(p.threshold_percent),
                               *comparison, *denominator, static_cast<std::uint32_t>(p.quorum_percent),
                               p.source};
}

schema::RuleProfile rule_row(const protocol::RuleProfile &p) {
  return schema::RuleProfile{p.rule_id,
                             p.label,
                             p.threshold_percent,
                             std::string(text_of(kComparisons, p.comparison)),
                             std::string(text_of(kDenominators, p.denominator)),
                             p.source,
                             p.quorum_percent};
}

schema::Attendance attendance_of(protocol::Attendance a) noexcept {
  switch (a) {
  case protocol::Attendance::present:
    return schema::Attendance::present;
  case protocol::Attendance::remote:
    return schema::Attendance::remote;
  case protocol::Attendance::absent:
    return schema::Attendance::absent;
  case protocol::Attendance::unknown:
    return schema::Attendance::unknown;
  }
  return schema::Attendance::unknown;
}

protocol::Attendance wire_attendance(schema::Attendance a) noexcept {
  switch (a) {
  case schema::Attendance::present:
    return protocol::Attendance::present;
  case schema::Attendance::remote:
    return protocol::Attendance::remote;
  case schema::Attendance::absent:
    return protocol::Attendance::absent;
  case schema::Attendance::unknown:
    return protocol::Attendance::unknown;
  }
  return protocol::Attendance::unknown;
}

Result<protocol::FrozenAttendance> frozen_attendance_of(const protocol::PollId &poll,
                                                        const std::vector<schema::MemberAttendance> &rows) {
  protocol::FrozenAttendance out{poll, {}};
  for (const auto &r : rows) {
    if (r.member_no < 1 || r.member_no > static_cast<std::int64_t>(protocol::kMaxMemberNo))
      return op_error(ErrorCode::internal, "a stored member number is out of range");
    out.members.push_back({static_cast<std::uint32_t>(r.member_no), wire_attendance(r.attendance)});
  }
  if (out.members.empty()) return op_error(ErrorCode::internal, "the roster is empty");
  return out;
}

protocol::BoardEntry wire_entry(const schema::BoardEntry &e) {
  protocol::BoardEntry out;
  out.seq = e.seq;
  out.kind = protocol::board_entry_kind_from_name(schema::to_string(e.kind))
                 .value_or(protocol::BoardEntryKind::ballot);
  if (!e.poll_id.empty()) {
    if (auto id = protocol::PollId::parse(e.poll_id)) out.poll = *id;
  }
  out.created_at = e.created_at;
  out.payload = e.payload;
  out.prev = e.prev_hash;
  out.hash = e.entry_hash;
  return out;
}

Result<crypto::Ceremony> crypto_ceremony(const protocol::MeetingId &meeting, const schema::KeyCeremony &c) {
  crypto::CeremonyParams params{meeting.str(), c.threshold, {}};
  for (const auto &t : c.trustees) params.trustees.push_back({t.index, t.box_public_key});
  auto ceremony = crypto::Ceremony::create(std::move(params));
  if (!ceremony)
    return op_error(ErrorCode::internal, "the stored key ceremony is invalid: " + ceremony.error().message);
  return std::move(*ceremony);
}

std::string actor_of(std::string_view role, std::int64_t number) {
  return std::string(role) + ":" + std::to_string(number);
}

} // namespace cv::server::detail
