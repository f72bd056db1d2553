// The record -> the texts and rows of the minutes, in Vietnamese or (Qt Linguist) in English. Every
// fixed text of the minutes is here, in a `t.translate("Minutes", …)` call that lupdate finds.
#include "councilvote/minutes/minutes_input.hpp"

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/result_table.hpp"
#include "translator.hpp"

#include <QDate>
#include <QLocale>
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

std::string rule_text(const Translator &t, const record::RuleProfile &r) {
  std::string s = r.comparison == record::Comparison::at_least ? "≥ " : "> ";
  s += record::fraction_text(r.threshold);
  if (r.denominator == record::Denominator::present_members)
    return u8(t.translate("Minutes", "%1 (có mặt)", "a rule counted on the members present").arg(qs(s)));
  return s;
}

QString outcome_label(const Translator &t, record::ContestOutcome o) {
  switch (o) {
  case record::ContestOutcome::passed:
    return t.translate("Minutes", "Đạt");
  case record::ContestOutcome::not_passed:
    return t.translate("Minutes", "Không đạt");
  case record::ContestOutcome::quorum_not_met:
    return t.translate("Minutes", "Không đủ túc số");
  case record::ContestOutcome::tie_at_quota:
    return t.translate("Minutes", "Bằng phiếu — Chủ tọa quyết định");
  }
  return t.translate("Minutes", "Không đạt");
}

std::string outcome_text(const Translator &t, const record::RecordContest &c) {
  const QString o = outcome_label(t, c.outcome);
  if (c.chair_decided && c.outcome != record::ContestOutcome::tie_at_quota)
    return u8(
        t.translate("Minutes", "%1 (Chủ tọa quyết định)", "an outcome the Chair's decision gave").arg(o));
  return u8(o);
}

std::string name_of(const Translator &t, const record::Record &r, std::uint32_t no) {
  const auto *m = find_member(r, no);
  return m ? m->full_name : u8(t.translate("Minutes", "thành viên số %1").arg(no));
}

QLocale locale_of(Language l) {
  return l == Language::en ? QLocale(QLocale::English, QLocale::UnitedKingdom) : QLocale(QLocale::Vietnamese);
}

std::string date_of(const Translator &t, Language l, int y, int m, int d) {
  // A QDate format: the Vietnamese words are quoted literals; English names the month.
  const QString format = t.translate("Minutes", "'ngày' d 'tháng' M 'năm' yyyy", "QDate format of a date");
  return u8(locale_of(l).toString(QDate(y, m, d), format));
}

// "2025-06-15" in the language; any other text as it is.
std::string iso_date_text(const Translator &t, Language l, std::string_view d) {
  unsigned y = 0, m = 0, dd = 0;
  if (d.size() == 10 && d[4] == '-' && d[7] == '-' &&
      std::sscanf(std::string(d).c_str(), "%4u-%2u-%2u", &y, &m, &dd) == 3 &&
      QDate(static_cast<int>(y), static_cast<int>(m), static_cast<int>(dd)).isValid())
    return date_of(t, l, static_cast<int>(y), static_cast<int>(m), static_cast<int>(dd));
  return std::string(d);
}

std::string announced_text(const Translator &t, Language l, std::uint64_t ms) {
  using namespace std::chrono;
  const auto local = sys_time<milliseconds>(milliseconds(ms)) + hours(7);
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss hms{floor<seconds>(local - day)};
  const auto two = [](long v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
  return u8(t.translate("Minutes", "%1 giờ %2 phút %3 (giờ Việt Nam, UTC+07:00)", "hours, minutes, date")
                .arg(two(hms.hours().count()), two(hms.minutes().count()),
                     qs(date_of(t, l, static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                                static_cast<int>(unsigned(ymd.day()))))));
}

std::string join(const std::vector<std::string> &v) {
  std::string s;
  for (const auto &x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

void fill_texts(const Translator &t, const MinutesInput &m, MinutesTexts &x) {
  const auto n = [](std::uint64_t v) { return QString::number(v); };
  x.national_name = u8(t.translate("Minutes", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  x.motto = u8(t.translate("Minutes", "Độc lập - Tự do - Hạnh phúc"));
  x.title = u8(t.translate("Minutes", "BIÊN BẢN KIỂM PHIẾU"));
  x.pdf_title = u8(t.translate("Minutes", "Biên bản kiểm phiếu — %1").arg(qs(m.council)));
  x.facts.push_back(
      u8(t.translate("Minutes", "Hội đồng: %1. Kỳ họp: %2.").arg(qs(m.council), qs(m.session))));
  x.facts.push_back(
      u8(t.translate("Minutes", "Thời gian: %1. Địa điểm: %2.").arg(qs(m.date_text), qs(m.place))));
  x.facts.push_back(u8(t.translate("Minutes", "Chủ tọa: %1. Thư ký: %2.").arg(qs(m.chair), qs(m.secretary))));
  x.facts.push_back(u8(t.translate("Minutes", "Ban kiểm phiếu (các thành viên giữ khóa giải mã chung): %1.")
                           .arg(qs(join(m.counters)))));
  const QString absent = m.absent_names.empty() ? QString() : " (" + qs(join(m.absent_names)) + ")";
  const QString remote = m.remote_names.empty() ? QString() : " (" + qs(join(m.remote_names)) + ")";
  x.facts.push_back(
      u8(t.translate("Minutes", "Tổng số thành viên hội đồng: %1; có mặt: %2; vắng mặt: %3%4; bỏ "
                                "phiếu từ xa (bằng văn bản): %5%6.")
             .arg(n(m.members), n(m.present), n(m.absent), absent, n(m.remote), remote)));
  x.facts.push_back(
      u8(t.translate("Minutes", "Số phiếu phát ra: %1; số phiếu thu vào: %2; số phiếu hợp lệ: %3.")
             .arg(n(m.ballots_issued), n(m.ballots_received), n(m.ballots_valid))));
  x.summary_heading = u8(t.translate("Minutes", "I. TỔNG HỢP KẾT QUẢ"));
  x.table_heading = u8(t.translate("Minutes", "II. KẾT QUẢ THEO TỪNG ĐỀ NGHỊ"));
  x.summary_columns = {u8(t.translate("Minutes", "Danh hiệu")), u8(t.translate("Minutes", "Số đề nghị")),
                       u8(t.translate("Minutes", "Đạt")), u8(t.translate("Minutes", "Không đạt")),
                       u8(t.translate("Minutes", "Bằng phiếu tại chỉ tiêu (Chủ tọa quyết định)"))};
  if (std::any_of(m.awards.begin(), m.awards.end(), [](const auto &a) { return a.ties > 0; }))
    x.ties_note =
        u8(t.translate("Minutes", "Cột “Bằng phiếu” đếm các đề nghị có số phiếu đồng ý bằng nhau tại "
                                  "ngưỡng chỉ tiêu; khi Chủ tọa đã quyết định, các đề nghị đó cũng "
                                  "được tính ở cột “Đạt” hoặc “Không đạt”."));
  x.table_columns = {u8(t.translate("Minutes", "STT")),
                     u8(t.translate("Minutes", "Họ và tên, chức vụ, đơn vị")),
                     u8(t.translate("Minutes", "Đồng ý")),
                     u8(t.translate("Minutes", "Không đồng ý")),
                     u8(t.translate("Minutes", "Để trống")),
                     u8(t.translate("Minutes", "Không bỏ phiếu")),
                     u8(t.translate("Minutes", "Tỷ lệ đồng ý / tổng số")),
                     u8(t.translate("Minutes", "Quy định")),
                     u8(t.translate("Minutes", "Kết quả")),
                     u8(t.translate("Minutes", "Thứ hạng / chỉ tiêu"))};
  x.award_prefix = u8(t.translate("Minutes", "Danh hiệu: "));
  x.announced = u8(t.translate("Minutes", "Kết quả kiểm phiếu được công bố lúc %1.").arg(qs(m.announced)));
  x.attached =
      u8(t.translate("Minutes", "Biên bản này được lập từ tệp hồ sơ kết quả đã được kiểm tra (đính kèm "
                                "trong tệp PDF); mọi số liệu trên đây có thể kiểm tra lại từ tệp đó."));
  x.sign_counters = u8(t.translate("Minutes", "T/M BAN KIỂM PHIẾU"));
  x.sign_secretary = u8(t.translate("Minutes", "THƯ KÝ"));
  x.sign_chair = u8(t.translate("Minutes", "CHỦ TỌA"));
  x.sign_hint = u8(t.translate("Minutes", "(Ký, ghi rõ họ tên)"));
  x.footer_fingerprint = u8(
      t.translate("Minutes", "Dấu vân tay (fingerprint) của tệp hồ sơ kết quả đính kèm trong tệp PDF này:"));
  x.footer_check = u8(t.translate("Minutes", "Kiểm tra: councilvote-verify <tệp PDF này>"));
  x.page_prefix = u8(t.translate("Minutes", "Trang "));
}

} // namespace

std::optional<Language> language_from_code(std::string_view code) {
  if (code == "vi") return Language::vi;
  if (code == "en") return Language::en;
  return std::nullopt;
}

std::string_view language_code(Language l) noexcept { return l == Language::en ? "en" : "vi"; }

std::string date_text(std::string_view d, Language l) { return iso_date_text(Translator(l), l, d); }

record::Result<MinutesInput> minutes_input(const record::VerifyReport &report, Language language) {
  if (!report.record || !report.attendance || !report.statement)
    return record::make_error(record::Errc::invalid_argument,
                              "the minutes need a verified record with its attendance entry and statement");
  const Translator t(language);
  if (!t.loaded())
    return record::make_error(record::Errc::io, "the " + std::string(language_code(language)) +
                                                    " texts of the minutes are missing from this build");
  const auto &r = *report.record;
  MinutesInput m;
  m.language = language;
  m.fingerprint_hex = crypto::to_hex(report.fingerprint);
  m.council = r.meeting.council;
  m.council_upper = upper_vi(r.meeting.council);
  m.session = r.meeting.session_name;
  m.title = r.title;
  m.place = r.meeting.place;
  m.date_text = iso_date_text(t, language, r.meeting.date); // the translator already loaded
  m.place_date_line = r.meeting.place + ", " + m.date_text;
  for (const auto &p : r.members) {
    if (p.council_role == CouncilRole::chair) m.chair = p.full_name;
    if (p.council_role == CouncilRole::secretary) m.secretary = p.full_name;
  }
  for (const auto &tr : r.trustees) {
    m.counters.push_back(u8(t.translate("Minutes", "%1 (thành viên số %2)", "a trustee: name, member number")
                                .arg(qs(name_of(t, r, tr.member_no)), QString::number(tr.member_no))));
    if (m.counters_head.empty()) m.counters_head = name_of(t, r, tr.member_no);
  }
  const auto counts = report.attendance->counts();
  m.members = counts.members;
  m.present = counts.present;
  m.remote = counts.remote;
  m.absent = counts.absent + counts.unknown;
  for (const auto &fm : report.attendance->members) {
    if (fm.status == record::Attendance::absent || fm.status == record::Attendance::unknown)
      m.absent_names.push_back(name_of(t, r, fm.member_no));
    if (fm.status == record::Attendance::remote) m.remote_names.push_back(name_of(t, r, fm.member_no));
  }
  m.ballots_issued = counts.present + counts.remote;
  m.ballots_received = r.turnout.ballots;
  m.ballots_valid = r.turnout.ballots; // the verifier checked every ballot's signature and proofs
  m.announced = announced_text(t, language, report.statement->server_time_ms);
  const std::string decimal = u8(t.translate("Minutes", ",", "the decimal separator of a percentage"));
  m.rounding_rule = u8(
      t.translate("Minutes", "Tỷ lệ đồng ý tính trên tổng số %1 thành viên hội đồng, làm tròn đến hai chữ số "
                             "thập phân theo quy tắc làm tròn nửa lên (tính chính xác trên số nguyên; ví dụ "
                             "20/22 = %2). Kết quả đạt hay không đạt được xác định bằng phân số chính xác, "
                             "không theo số đã làm tròn.")
          .arg(QString::number(r.turnout.members),
               qs(record::percent_text(record::agree_basis_points(20, 22), decimal))));
  for (const auto &c : r.contests) {
    if (c.kind != crypto::ContestKind::commendation || !c.nominee || !c.rule) continue;
    MinutesRow row;
    row.nominee_no = c.nominee->nominee_no;
    row.name = c.nominee->name;
    row.position = c.nominee->position;
    row.unit = c.nominee->unit;
    row.award = c.nominee->award;
    row.agree = c.agree, row.disagree = c.disagree, row.blank = c.blank, row.not_voted = c.not_voted;
    row.agree_percent = record::percent_text(c.agree_basis_points, decimal);
    row.rule = rule_text(t, *c.rule);
    row.outcome = outcome_text(t, c);
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
  std::uint32_t index = 0; // the STT runs 1..n down the table, award by award
  for (auto &a : m.awards)
    for (auto &row : a.rows) row.index = ++index;
  for (const auto &d : r.chair_decisions) {
    std::string names;
    for (auto no : d.nominees) {
      for (const auto &c : r.contests)
        if (c.nominee && c.nominee->nominee_no == no && c.nominee->award == d.award)
          names += (names.empty() ? "" : ", ") + c.nominee->name;
    }
    m.chair_decisions.push_back(
        u8(t.translate("Minutes",
                       "Chủ tọa %1 quyết định danh hiệu “%2” thuộc về: %3 (bút toán số %4 trên bảng tin, "
                       "có chữ ký của Chủ tọa).")
               .arg(qs(name_of(t, r, d.member_no)), qs(d.award), qs(names), QString::number(d.seq))));
  }
  fill_texts(t, m, m.texts);
  return m;
}

} // namespace cv::minutes
