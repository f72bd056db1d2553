#include "councilvote/minutes/csv.hpp"

namespace cv::minutes {
namespace {

std::string field(const std::string &s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

} // namespace

std::string minutes_csv(const MinutesInput &in) {
  std::string out = "\xEF\xBB\xBF# fingerprint," + in.fingerprint_hex + "\r\n";
  out +=
      "stt,nominee_no,name,position,unit,award,agree,disagree,blank,not_voted,agree_percent_of_all_members,"
      "rule,outcome,rank\r\n";
  for (const auto &a : in.awards)
    for (const auto &r : a.rows) {
      const std::string cells[] = {std::to_string(r.index),
                                   std::to_string(r.nominee_no),
                                   r.name,
                                   r.position,
                                   r.unit,
                                   r.award,
                                   std::to_string(r.agree),
                                   std::to_string(r.disagree),
                                   std::to_string(r.blank),
                                   std::to_string(r.not_voted),
                                   r.agree_percent,
                                   r.rule,
                                   r.outcome,
                                   r.rank};
      bool first = true;
      for (const auto &c : cells) {
        if (!first) out += ',';
        out += field(c);
        first = false;
      }
      out += "\r\n";
    }
  return out;
}

} // namespace cv::minutes
