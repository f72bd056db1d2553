// The wire's reading and writing of record/'s types (record_codec.hpp): nominee rows, rule
// profiles, chair decisions and the board payloads, through record's one description of their
// members (record/result_record.hpp, record/chair_decision.hpp, record/payloads.hpp), with the
// wire's error codes and paths.
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/crypto_error.hpp"
#include "councilvote/record/result_record.hpp"

namespace cv::protocol {

namespace {

template <class T> T read_through_record(ObjectReader &r, T (*read)(record::Reader &)) {
  const auto j = from_qt(r.take_all());
  record::Reader rr(j, r.path());
  T v = read(rr);
  if (auto ok = rr.finish(); !ok) r.fail(from_record(ok.error()));
  return v;
}

QJsonObject qt_object(const record::Json &j) { return to_qt(j).toObject(); }

} // namespace

QJsonObject nominee_row_to_json(const NomineeRow &n) { return qt_object(record::nominee_to_json(n)); }
NomineeRow read_nominee_row(ObjectReader &r) { return read_through_record(r, &record::read_nominee); }
QJsonObject rule_profile_to_json(const RuleProfile &p) { return qt_object(record::rule_to_json(p)); }
RuleProfile read_rule_profile(ObjectReader &r) { return read_through_record(r, &record::read_rule); }
QJsonObject chair_decision_body_to_json(const ChairDecision &d) {
  return qt_object(record::chair_decision_to_json(d));
}
ChairDecision read_chair_decision_body(ObjectReader &r) {
  return read_through_record(r, &record::read_chair_decision);
}
QJsonObject remote_window_to_json(const RemoteWindow &w) {
  return qt_object(record::remote_window_to_json(w));
}
RemoteWindow read_remote_window(ObjectReader &r) {
  return read_through_record(r, &record::read_remote_window);
}
QJsonObject poll_definition_to_json(const PollDefinition &d) {
  return qt_object(record::poll_definition_to_json(d));
}
PollDefinition read_poll_definition(ObjectReader &r) {
  return read_through_record<PollDefinition>(r, &record::read_poll_definition);
}
QJsonObject frozen_attendance_to_json(const FrozenAttendance &a) {
  return qt_object(record::frozen_attendance_to_json(a));
}
FrozenAttendance read_frozen_attendance(ObjectReader &r) {
  return read_through_record<FrozenAttendance>(r, &record::read_frozen_attendance);
}
QJsonObject tally_info_to_json(const TallyInfo &t) { return qt_object(record::tally_info_to_json(t)); }
TallyInfo read_tally_info(ObjectReader &r) {
  return read_through_record<TallyInfo>(r, &record::read_tally_info);
}

QJsonObject record_statement_to_json(const RecordStatement &s) {
  return qt_object(record::record_statement_to_json(s));
}
RecordStatement read_record_statement(ObjectReader &r) {
  return read_through_record<RecordStatement>(r, &record::read_record_statement);
}

Result<crypto::PollContext> verified_context(const PollDefinition &d, const MeetingId &meeting) {
  try {
    auto ctx = record::verified_context(d, meeting.str());
    if (!ctx) return from_record(ctx.error());
    return std::move(*ctx);
  } catch (...) { // std::bad_alloc: nothing else is thrown
    return make_error(ErrorCode::internal, "unexpected exception while checking a poll");
  }
}

PollId poll_of(const PollDefinition &d) {
  auto id = PollId::parse(d.poll);
  return id ? *id : PollId{};
}

AttendanceSummary summary_of(const FrozenAttendance &a) {
  const auto c = a.counts();
  return {c.members, c.present, c.remote, c.absent, c.unknown};
}

} // namespace cv::protocol
