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

namespace {

Error corrupt(const std::string &what) {
  return op_error(ErrorCode::internal, "the database holds an unknown " + what);
}

} // namespace

schema::MemberRow member_row(const protocol::RosterRow &r) {
  return schema::MemberRow{r.member_no, r.full_name, std::string(record::name(r.council_role)), r.position,
                           r.unit};
}

Result<protocol::NomineeRow> nominee_row(const schema::Nominee &n) {
  auto kind = record::parse<record::NomineeKind>(n.kind);
  if (!kind || n.nominee_no < 1) return corrupt("nominee kind '" + n.kind + "'");
  return protocol::NomineeRow{
      static_cast<std::uint32_t>(n.nominee_no), *kind, n.name, n.position, n.unit, n.award, n.rule_id};
}

schema::Nominee nominee_of(const protocol::NomineeRow &r) {
  return schema::Nominee{
      r.nominee_no, std::string(record::name(r.kind)), r.name, r.position, r.unit, r.award, r.rule_id,
      std::nullopt};
}

Result<protocol::RuleProfile> rule_profile(const schema::RuleProfile &p) {
  auto comparison = record::parse<record::Comparison>(p.comparison);
  auto denominator = record::parse<record::Denominator>(p.denominator);
  auto fraction = [](std::int64_t num, std::int64_t den) -> std::optional<record::Fraction> {
    if (den < 1 || den > record::kMaxFractionDen || num < 0 || num > den) return std::nullopt;
    return record::Fraction{static_cast<std::uint32_t>(num), static_cast<std::uint32_t>(den)};
  };
  auto threshold = fraction(p.threshold_num, p.threshold_den), quorum = fraction(p.quorum_num, p.quorum_den);
  if (!comparison || !denominator || !threshold || !quorum)
    return corrupt("rule profile '" + p.rule_id + "'");
  return protocol::RuleProfile{p.rule_id, p.label, *threshold, *comparison, *denominator, *quorum, p.source};
}

schema::RuleProfile rule_row(const protocol::RuleProfile &p) {
  return schema::RuleProfile{p.rule_id,
                             p.label,
                             p.threshold.num,
                             p.threshold.den,
                             std::string(record::name(p.comparison)),
                             std::string(record::name(p.denominator)),
                             p.source,
                             p.quorum.num,
                             p.quorum.den};
}

Result<protocol::FrozenAttendance> frozen_attendance_of(const protocol::PollId &poll,
                                                        const std::vector<schema::MemberAttendance> &rows) {
  protocol::FrozenAttendance out{poll.str(), {}};
  for (const auto &r : rows) {
    if (r.member_no < 1 || r.member_no > static_cast<std::int64_t>(protocol::kMaxMemberNo))
      return op_error(ErrorCode::internal, "a stored member number is out of range");
    out.members.push_back({static_cast<std::uint32_t>(r.member_no), r.attendance});
  }
  if (out.members.empty()) return op_error(ErrorCode::internal, "the roster is empty");
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
