#include "councilvote/client/result_table.hpp"

#include <map>
#include <sstream>

namespace cv::client {

namespace {

using protocol::ContestOutcome;

// Display width of UTF-8 text: code points, not counting combining marks (U+0300..U+036F).
std::size_t width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    std::uint32_t cp = 0;
    if (len == 2 && i + 1 < s.size())
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    if (!(cp >= 0x300 && cp <= 0x36F)) ++w;
    i += len;
  }
  return w;
}

// Cuts UTF-8 text to at most `cols` display columns (ending with "…" when cut), then pads it.
std::string cell(std::string_view s, std::size_t cols, bool right = false) {
  std::string out;
  if (width(s) <= cols) {
    out = s;
  } else {
    std::size_t w = 0, i = 0;
    while (i < s.size() && w + 1 < cols) {
      const auto c = static_cast<unsigned char>(s[i]);
      std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
      out.append(s.substr(i, len));
      w = width(out);
      i += len;
    }
    out += "…";
  }
  const auto pad = std::string(cols > width(out) ? cols - width(out) : 0, ' ');
  return right ? pad + out : out + pad + " ";
}

std::string rule_label(const protocol::RuleProfile &r) {
  std::string s = r.comparison == protocol::Comparison::at_least ? "≥" : ">";
  s += std::to_string(r.threshold_percent) + "% ";
  s += r.denominator == protocol::Denominator::all_members ? "tổng TV" : "TV dự";
  return s;
}

} // namespace

std::string percent_vi(std::uint32_t basis_points) {
  auto frac = std::to_string(basis_points % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return std::to_string(basis_points / 100) + "," + frac + "%";
}

std::string outcome_label_vi(ContestOutcome o) {
  switch (o) {
  case ContestOutcome::passed:
    return "Đạt";
  case ContestOutcome::not_passed:
    return "Không đạt";
  case ContestOutcome::quorum_not_met:
    return "Không đủ túc số";
  case ContestOutcome::tie_at_quota:
    return "Bằng phiếu";
  }
  return "Không đạt";
}

std::string format_result_table(const protocol::Record &r) {
  std::ostringstream out;
  const auto &t = r.turnout;
  out << "KẾT QUẢ KIỂM PHIẾU — " << r.title << " (" << r.poll.str() << ")\n";
  out << r.meeting.council << " — " << r.meeting.session_name << ", " << r.meeting.date << ", "
      << r.meeting.place << "\n";
  out << "Tổng số thành viên: " << t.members << "; có mặt: " << t.present
      << "; vắng, bỏ phiếu từ xa: " << t.remote << "; vắng: " << t.absent + t.unknown
      << "; số phiếu: " << t.ballots << " (tại phòng " << t.ballots_in_room << ", từ xa " << t.ballots_remote
      << ")\n\n";
  const std::string header = cell("STT", 4) + cell("Người / tập thể được đề nghị", 28) +
                             cell("Hình thức", 26) + cell("Đồng ý", 7, true) + cell("K.đồng ý", 9, true) +
                             cell("Trống", 6, true) + cell("K.bỏ", 5, true) + cell("% tổng TV", 10, true) +
                             "  " + cell("Quy tắc", 14) + cell("Kết quả", 11) + "Xếp hạng";
  out << header << "\n" << std::string(width(header) + 4, '-') << "\n";
  std::map<std::string, std::pair<unsigned, unsigned>> per_award; // passed, total
  unsigned ties = 0;
  for (const auto &c : r.contests) {
    out << cell(std::to_string(c.position + 1), 4);
    if (c.kind == crypto::ContestKind::general) {
      out << cell(c.label, 28);
      for (std::size_t i = 0; i < c.option_labels.size(); ++i)
        out << (i ? "; " : "") << c.option_labels[i] << ": " << c.option_counts[i];
      out << "\n";
      continue;
    }
    out << cell(c.nominee->name, 28) << cell(c.nominee->award, 26) << cell(std::to_string(c.agree), 7, true)
        << cell(std::to_string(c.disagree), 9, true) << cell(std::to_string(c.blank), 6, true)
        << cell(std::to_string(c.not_voted), 5, true) << cell(percent_vi(c.agree_basis_points), 10, true)
        << "  " << cell(rule_label(*c.rule), 14);
    const auto outcome = outcome_label_vi(c.outcome);
    out << cell(outcome, 11);
    if (c.quota_rank) out << c.quota_rank.value() << "/" << c.award_quota.value_or(0);
    if (c.outcome == ContestOutcome::tie_at_quota) ++ties;
    out << "\n";
    auto &[passed, total] = per_award[c.nominee->award];
    ++total;
    if (c.outcome == ContestOutcome::passed) ++passed;
  }
  if (ties)
    out << "\n\"Bằng phiếu\": " << ties
        << " đề nghị bằng số phiếu đồng ý tại ngưỡng chỉ tiêu; Chủ tọa quyết định (ghi vào biên bản).\n";
  out << "\nTổng hợp theo hình thức khen thưởng (đạt / số được đề nghị):\n";
  for (const auto &[award, counts] : per_award)
    out << "  " << cell(award, 40) << counts.first << " / " << counts.second << "\n";
  out << "Giải mã tổng phiếu: thành viên Ban kiểm phiếu số ";
  for (std::size_t i = 0; i < r.decrypting_trustees.size(); ++i)
    out << (i ? ", " : "") << r.decrypting_trustees[i];
  out << " (cần " << r.threshold << ")\n";
  return out.str();
}

} // namespace cv::client
