// The record -> the texts and rows of the minutes (Vietnamese).
#include "councilvote/minutes/minutes_input.hpp"

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/result_table.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace cv::minutes {
namespace {

using record::CouncilRole;
using record::find_member;

std::string upper_vi(std::string_view s) {
  // Vietnamese letters are two or three UTF-8 bytes: map the lower-case ones the council names use.
  static const std::vector<std::pair<std::string_view, std::string_view>> map = {
      {"à", "À"}, {"á", "Á"}, {"ả", "Ả"}, {"ã", "Ã"}, {"ạ", "Ạ"}, {"ă", "Ă"}, {"ằ", "Ằ"}, {"ắ", "Ắ"},
      {"ẳ", "Ẳ"}, {"ẵ", "Ẵ"}, {"ặ", "Ặ"}, {"â", "Â"}, {"ầ", "Ầ"}, {"ấ", "Ấ"}, {"ẩ", "Ẩ"}, {"ẫ", "Ẫ"},
      {"ậ", "Ậ"}, {"đ", "Đ"}, {"è", "È"}, {"é", "É"}, {"ẻ", "Ẻ"}, {"ẽ", "Ẽ"}, {"ẹ", "Ẹ"}, {"ê", "Ê"},
      {"ề", "Ề"}, {"ế", "Ế"}, {"ể", "Ể"}, {"ễ", "Ễ"}, {"ệ", "Ệ"}, {"ì", "Ì"}, {"í", "Í"}, {"ỉ", "Ỉ"},
      {"ĩ", "Ĩ"}, {"ị", "Ị"}, {"ò", "Ò"}, {"ó", "Ó"}, {"ỏ", "Ỏ"}, {"õ", "Õ"}, {"ọ", "Ọ"}, {"ô", "Ô"},
      {"ồ", "Ồ"}, {"ố", "Ố"}, {"ổ", "Ổ"}, {"ỗ", "Ỗ"}, {"ộ", "Ộ"}, {"ơ", "Ơ"}, {"ờ", "Ờ"}, {"ớ", "Ớ"},
      {"ở", "Ở"}, {"ỡ", "Ỡ"}, {"ợ", "Ợ"}, {"ù", "Ù"}, {"ú", "Ú"}, {"ủ", "Ủ"}, {"ũ", "Ũ"}, {"ụ", "Ụ"},
      {"ư", "Ư"}, {"ừ", "Ừ"}, {"ứ", "Ứ"}, {"ử", "Ử"}, {"ữ", "Ữ"}, {"ự", "Ự"}, {"ỳ", "Ỳ"}, {"ý", "Ý"},
      {"ỷ", "Ỷ"}, {"ỹ", "Ỹ"}, {"ỵ", "Ỵ"}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      ++i;
      continue;
    }
    bool done = false;
    for (const auto &[lo, up] : map)
      if (s.substr(i, lo.size()) == lo) {
        out += up, i += lo.size(), done = true;
        break;
      }
    if (!done) out += s[i++];
  }
  return out;
}

std::string rule_text(const record::RuleProfile &r) {
  std::string t = r.comparison == record::Comparison::at_least ? "≥ " : "> ";
  t += record::fraction_text(r.threshold);
  if (r.denominator == record::Denominator::present_members) t += " (có mặt)";
  return t;
}

std::string outcome_text(const record::RecordContest &c) {
  if (c.outcome == record::ContestOutcome::tie_at_quota) return "Bằng phiếu — Chủ tọa quyết định";
  std::string t = record::outcome_label_vi(c.outcome);
  if (c.chair_decided) t += " (Chủ tọa quyết định)";
  return t;
}

std::string name_of(const record::Record &r, std::uint32_t no) {
  const auto *m = find_member(r, no);
  return m ? m->full_name : "thành viên số " + std::to_string(no);
}

std::string announced_text(std::uint64_t ms) {
  using namespace std::chrono;
  const auto local = sys_time<milliseconds>(milliseconds(ms)) + hours(7);
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss hms{floor<seconds>(local - day)};
  char buf[96];
  std::snprintf(buf, sizeof buf, "%02d giờ %02d phút ngày %u tháng %u năm %d (giờ Việt Nam, UTC+07:00)",
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                static_cast<int>(ymd.year()));
  return buf;
}

} // namespace

std::string date_vi(std::string_view d) {
  unsigned y = 0, m = 0, dd = 0;
  if (d.size() == 10 && d[4] == '-' && d[7] == '-' &&
      std::sscanf(std::string(d).c_str(), "%4u-%2u-%2u", &y, &m, &dd) == 3 && m >= 1 && m <= 12 && dd >= 1 &&
      dd <= 31)
    return "ngày " + std::to_string(dd) + " tháng " + std::to_string(m) + " năm " + std::to_string(y);
  return std::string(d);
}

record::Result<MinutesInput> minutes_input(const record::VerifyReport &report) {
  if (!report.record || !report.attendance || !report.statement)
    return record::make_error(record::Errc::invalid_argument,
                              "the minutes need a verified record with its attendance entry and statement");
  const auto &r = *report.record;
  MinutesInput m;
  m.fingerprint_hex = crypto::to_hex(report.fingerprint);
  m.council = r.meeting.council;
  m.council_upper = upper_vi(r.meeting.council);
  m.session = r.meeting.session_name;
  m.title = r.title;
  m.place = r.meeting.place;
  m.date_text = date_vi(r.meeting.date);
  m.place_date_line = r.meeting.place + ", " + m.date_text;
  for (const auto &p : r.members) {
    if (p.council_role == CouncilRole::chair) m.chair = p.full_name;
    if (p.council_role == CouncilRole::secretary) m.secretary = p.full_name;
  }
  for (const auto &t : r.trustees) {
    m.counters.push_back(name_of(r, t.member_no) + " (thành viên số " + std::to_string(t.member_no) + ")");
    if (m.counters_head.empty()) m.counters_head = name_of(r, t.member_no);
  }
  const auto counts = report.attendance->counts();
  m.members = counts.members;
  m.present = counts.present;
  m.remote = counts.remote;
  m.absent = counts.absent + counts.unknown;
  for (const auto &fm : report.attendance->members) {
    if (fm.status == record::Attendance::absent || fm.status == record::Attendance::unknown)
      m.absent_names.push_back(name_of(r, fm.member_no));
    if (fm.status == record::Attendance::remote) m.remote_names.push_back(name_of(r, fm.member_no));
  }
  m.ballots_issued = counts.present + counts.remote;
  m.ballots_received = r.turnout.ballots;
  m.ballots_valid = r.turnout.ballots; // the verifier checked every ballot's signature and proofs
  m.announced = announced_text(report.statement->server_time_ms);
  m.rounding_rule = "Tỷ lệ đồng ý tính trên tổng số " + std::to_string(r.turnout.members) +
                    " thành viên hội đồng, làm tròn đến hai chữ số thập phân theo quy tắc làm tròn nửa lên "
                    "(tính chính xác trên số nguyên; ví dụ 20/22 = 90,91%). Kết quả đạt hay không đạt "
                    "được xác định bằng phân số chính xác, không theo số đã làm tròn.";
  std::uint32_t index = 0;
  for (const auto &c : r.contests) {
    if (c.kind != crypto::ContestKind::commendation || !c.nominee || !c.rule) continue;
    MinutesRow row;
    row.nominee_no = c.nominee->nominee_no;
    row.name = c.nominee->name;
    row.position = c.nominee->position;
    row.unit = c.nominee->unit;
    row.award = c.nominee->award;
    row.agree = c.agree, row.disagree = c.disagree, row.blank = c.blank, row.not_voted = c.not_voted;
    row.agree_percent = record::percent_text(c.agree_basis_points);
    row.rule = rule_text(*c.rule);
    row.outcome = outcome_text(c);
    row.rank =
        c.quota_rank ? std::to_string(*c.quota_rank) + "/" + std::to_string(c.award_quota.value_or(0)) : "—";
    auto it =
        std::find_if(m.awards.begin(), m.awards.end(), [&](const auto &a) { return a.award == row.award; });
    if (it == m.awards.end()) it = m.awards.insert(m.awards.end(), MinutesAward{row.award, 0, 0, 0, 0, {}});
    ++it->nominees;
    // A tie the Chair decided counts as passed or not passed, and also as a tie.
    if (c.outcome == record::ContestOutcome::tie_at_quota || c.chair_decided) ++it->ties;
    if (c.outcome == record::ContestOutcome::passed)
      ++it->passed;
    else if (c.outcome != record::ContestOutcome::tie_at_quota)
      ++it->not_passed;
    it->rows.push_back(std::move(row));
  }
  index = 0; // the STT runs 1..n down the table, award by award
  for (auto &a : m.awards)
    for (auto &row : a.rows) row.index = ++index;
  for (const auto &d : r.chair_decisions) {
    std::string names;
    for (auto no : d.nominees) {
      for (const auto &c : r.contests)
        if (c.nominee && c.nominee->nominee_no == no && c.nominee->award == d.award)
          names += (names.empty() ? "" : ", ") + c.nominee->name;
    }
    m.chair_decisions.push_back("Chủ tọa " + name_of(r, d.member_no) + " quyết định danh hiệu \"" + d.award +
                                "\" thuộc về: " + names + " (bút toán số " + std::to_string(d.seq) +
                                " trên bảng tin, có chữ ký của Chủ tọa).");
  }
  return m;
}

} // namespace cv::minutes
