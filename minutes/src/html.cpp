#include "councilvote/minutes/html.hpp"

namespace cv::minutes {
namespace {

std::string esc(const std::string &s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string join(const std::vector<std::string> &v) {
  std::string s;
  for (const auto &x : v) s += (s.empty() ? "" : ", ") + esc(x);
  return s;
}

std::string td(const std::string &s, const char *cls = nullptr) {
  return cls ? "<td class=\"" + std::string(cls) + "\">" + esc(s) + "</td>" : "<td>" + esc(s) + "</td>";
}

} // namespace

std::string minutes_html(const MinutesInput &in) {
  const auto n = [](std::uint64_t v) { return std::to_string(v); };
  std::string h = R"(<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Biên bản kiểm phiếu</title>
<style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 13pt; color: #000; max-width: 165mm; margin: auto; }
.head { display: flex; justify-content: space-between; }
.head .l { width: 42%; text-align: center; font-weight: bold; font-size: 12pt; }
.head .r { width: 56%; text-align: center; }
.qh { font-weight: bold; font-size: 12pt; }
.tn { font-weight: bold; font-size: 13pt; text-decoration: underline; }
.pd { font-style: italic; }
h1 { text-align: center; font-size: 14pt; margin: 12pt 0 2pt; }
h2 { font-size: 13pt; }
.subject { text-align: center; font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 0.2mm solid #000; padding: 1mm; vertical-align: middle; }
th { background: #ddd; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; }
td.c { text-align: center; white-space: nowrap; }
tr.award td { background: #eee; font-weight: bold; }
.rule { font-style: italic; font-size: 11pt; }
.sign { display: flex; justify-content: space-between; margin-top: 10mm; text-align: center; }
.sign div { width: 33%; } .sign b { display: block; } .sign .name { margin-top: 22mm; font-weight: bold; }
.fp { font-size: 8.5pt; margin-top: 8mm; border-top: 0.2mm solid #000; word-break: break-all; }
</style></head><body>
)";
  h += "<div class=\"head\"><div class=\"l\">" + esc(in.council_upper) +
       "</div><div class=\"r\"><div class=\"qh\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>"
       "<div class=\"tn\">Độc lập - Tự do - Hạnh phúc</div><div class=\"pd\">" +
       esc(in.place_date_line) + "</div></div></div>\n";
  h += "<h1>BIÊN BẢN KIỂM PHIẾU</h1><p class=\"subject\">" + esc(in.title) + "</p>\n";
  h += "<p>Hội đồng: " + esc(in.council) + ". Kỳ họp: " + esc(in.session) + ".</p>\n";
  h += "<p>Thời gian: " + esc(in.date_text) + ". Địa điểm: " + esc(in.place) + ".</p>\n";
  h += "<p>Chủ tọa: " + esc(in.chair) + ". Thư ký: " + esc(in.secretary) + ".</p>\n";
  h += "<p>Ban kiểm phiếu (các thành viên giữ khóa giải mã chung): " + join(in.counters) + ".</p>\n";
  h += "<p>Tổng số thành viên hội đồng: " + n(in.members) + "; có mặt: " + n(in.present) +
       "; vắng mặt: " + n(in.absent) + (in.absent_names.empty() ? "" : " (" + join(in.absent_names) + ")") +
       "; bỏ phiếu từ xa (bằng văn bản): " + n(in.remote) +
       (in.remote_names.empty() ? "" : " (" + join(in.remote_names) + ")") + ".</p>\n";
  h += "<p>Số phiếu phát ra: " + n(in.ballots_issued) + "; số phiếu thu vào: " + n(in.ballots_received) +
       "; số phiếu hợp lệ: " + n(in.ballots_valid) + ".</p>\n";
  h += "<h2>I. TỔNG HỢP KẾT QUẢ</h2>\n<table><thead><tr><th>Danh hiệu</th><th>Số đề nghị</th><th>Đạt</th>"
       "<th>Không đạt</th><th>Bằng phiếu (Chủ tọa quyết định)</th></tr></thead><tbody>\n";
  for (const auto &a : in.awards)
    h += "<tr>" + td(a.award) + td(n(a.nominees), "c") + td(n(a.passed), "c") + td(n(a.not_passed), "c") +
         td(n(a.ties), "c") + "</tr>\n";
  h += "</tbody></table>\n<h2>II. KẾT QUẢ THEO TỪNG ĐỀ NGHỊ</h2>\n<p class=\"rule\">" +
       esc(in.rounding_rule) + "</p>\n";
  h += "<table><thead><tr><th>STT</th><th>Họ và tên, chức vụ, đơn vị</th><th>Đồng ý</th><th>Không đồng ý</th>"
       "<th>Để trống</th><th>Không bỏ phiếu</th><th>Tỷ lệ đồng ý / tổng số</th><th>Quy định</th>"
       "<th>Kết quả</th><th>Thứ hạng / chỉ tiêu</th></tr></thead><tbody>\n";
  for (const auto &a : in.awards) {
    h += "<tr class=\"award\"><td colspan=\"10\">Danh hiệu: " + esc(a.award) + "</td></tr>\n";
    for (const auto &r : a.rows) {
      std::string detail = r.position;
      if (!r.unit.empty() && !r.name.ends_with(r.unit)) detail += (detail.empty() ? "" : ", ") + r.unit;
      h += "<tr>" + td(n(r.index), "c") + "<td>" + esc(r.name) +
           (detail.empty() ? "" : "<br>" + esc(detail)) + "</td>" + td(n(r.agree), "n") +
           td(n(r.disagree), "n") + td(n(r.blank), "n") + td(n(r.not_voted), "n") + td(r.agree_percent, "n") +
           td(r.rule, "c") + td(r.outcome) + td(r.rank, "c") + "</tr>\n";
    }
  }
  h += "</tbody></table>\n";
  for (const auto &d : in.chair_decisions) h += "<p>" + esc(d) + "</p>\n";
  h += "<p>Kết quả kiểm phiếu được công bố lúc " + esc(in.announced) + ".</p>\n";
  h += "<div class=\"sign\"><div><b>T/M BAN KIỂM PHIẾU</b><i>(Ký, ghi rõ họ tên)</i><div class=\"name\">" +
       esc(in.counters_head) +
       "</div></div><div><b>THƯ KÝ</b><i>(Ký, ghi rõ họ tên)</i><div class=\"name\">" + esc(in.secretary) +
       "</div></div><div><b>CHỦ TỌA</b><i>(Ký, ghi rõ họ tên)</i><div class=\"name\">" + esc(in.chair) +
       "</div></div></div>\n";
  h += "<p class=\"fp\">Dấu vân tay (fingerprint) của tệp hồ sơ kết quả: " + in.fingerprint_hex + "</p>\n";
  h += "</body></html>\n";
  return h;
}

} // namespace cv::minutes
