// The wire's reading and writing of record/'s nominee rows, rule profiles and chair decisions:
// through record's one description of their members (record/result_record.hpp,
// record/chair_decision.hpp), with the wire's error codes and paths.
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

} // namespace

QJsonObject nominee_row_to_json(const NomineeRow &n) { return to_qt(record::nominee_to_json(n)).toObject(); }
NomineeRow read_nominee_row(ObjectReader &r) { return read_through_record(r, &record::read_nominee); }
QJsonObject rule_profile_to_json(const RuleProfile &p) { return to_qt(record::rule_to_json(p)).toObject(); }
RuleProfile read_rule_profile(ObjectReader &r) { return read_through_record(r, &record::read_rule); }
QJsonObject chair_decision_body_to_json(const ChairDecision &d) {
  return to_qt(record::chair_decision_to_json(d)).toObject();
}
ChairDecision read_chair_decision_body(ObjectReader &r) {
  return read_through_record(r, &record::read_chair_decision);
}

} // namespace cv::protocol
