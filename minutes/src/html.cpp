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

std::string td(const std::string &s, const char *cls = nullptr) {
  return cls ? "<td class=\"" + std::string(cls) + "\">" + esc(s) + "</td>" : "<td>" + esc(s) + "</td>";
}

} // namespace

std::string minutes_html(const MinutesInput &in) {
  const auto n = [](std::uint64_t v) { return std::to_string(v); };
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(language_code(in.language)) +
                  "\"><head><meta charset=\"utf-8\"><title>" + esc(in.texts.pdf_title) + "</title>";
  h += R"(
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
  const MinutesTexts &x = in.texts;
  const auto th = [](const std::string &s) { return "<th>" + esc(s) + "</th>"; };
  h += "<div class=\"head\"><div class=\"l\">" + esc(in.council_upper) +
       "</div><div class=\"r\"><div class=\"qh\">" + esc(x.national_name) + "</div><div class=\"tn\">" +
       esc(x.motto) + "</div><div class=\"pd\">" + esc(in.place_date_line) + "</div></div></div>\n";
  h += "<h1>" + esc(x.title) + "</h1><p class=\"subject\">" + esc(in.title) + "</p>\n";
  for (const auto &f : x.facts) h += "<p>" + esc(f) + "</p>\n";
  h += "<h2>" + esc(x.summary_heading) + "</h2>\n<table><thead><tr>";
  for (const auto &c : x.summary_columns) h += th(c);
  h += "</tr></thead><tbody>\n";
  for (const auto &a : in.awards)
    h += "<tr>" + td(a.award) + td(n(a.nominees), "c") + td(n(a.passed), "c") + td(n(a.not_passed), "c") +
         td(n(a.ties), "c") + "</tr>\n";
  h += "</tbody></table>\n";
  if (!x.ties_note.empty()) h += "<p class=\"rule\">" + esc(x.ties_note) + "</p>\n";
  h += "<h2>" + esc(x.table_heading) + "</h2>\n<p class=\"rule\">" + esc(in.rounding_rule) + "</p>\n";
  h += "<table><thead><tr>";
  for (const auto &c : x.table_columns) h += th(c);
  h += "</tr></thead><tbody>\n";
  for (const auto &a : in.awards) {
    h += "<tr class=\"award\"><td colspan=\"10\">" + esc(x.award_prefix) + esc(a.award) + "</td></tr>\n";
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
  h += "<p>" + esc(x.announced) + "</p>\n<p>" + esc(x.attached) + "</p>\n";
  h += "<div class=\"sign\">";
  for (const auto &[role, name] :
       {std::pair{x.sign_counters, in.counters_head}, std::pair{x.sign_secretary, in.secretary},
        std::pair{x.sign_chair, in.chair}})
    h += "<div><b>" + esc(role) + "</b><i>" + esc(x.sign_hint) + "</i><div class=\"name\">" + esc(name) +
         "</div></div>";
  h += "</div>\n";
  h += "<p class=\"fp\">" + esc(x.footer_fingerprint) + " " + in.fingerprint_hex + "</p>\n";
  h += "</body></html>\n";
  return h;
}

} // namespace cv::minutes
