#include "councilvote/record/result_table.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

namespace cv::record {

namespace {

std::size_t code_point_length(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
}

// Display width of UTF-8 text: code points, not counting combining marks (U+0300..U+036F).
std::size_t width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = code_point_length(c);
    std::uint32_t cp = 0;
    if (len == 2 && i + 1 < s.size())
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    if (!(cp >= 0x300 && cp <= 0x36F)) ++w;
    i += len;
  }
  return w;
}

// Splits UTF-8 text into lines of at most `cols` display columns: between words where it can,
// inside a word only when the word alone is wider. Nothing is cut: every character is kept.
std::vector<std::string> wrap(std::string_view s, std::size_t cols) {
  std::vector<std::string> lines;
  std::string cur;
  auto push = [&] {
    lines.push_back(cur);
    cur.clear();
  };
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find(' ', start), s.size());
    std::string word(s.substr(start, end - start));
    start = end + 1;
    if (word.empty()) continue;
    if (!cur.empty() && width(cur) + 1 + width(word) <= cols) {
      cur += " " + word;
      continue;
    }
    if (!cur.empty()) push();
    while (width(word) > cols) { // a word wider than the column: split it between characters
      std::string head;
      std::size_t i = 0;
      while (i < word.size()) {
        const auto len = code_point_length(static_cast<unsigned char>(word[i]));
        if (!head.empty() && width(head + word.substr(i, len)) > cols) break;
        head += word.substr(i, len);
        i += len;
      }
      lines.push_back(head);
      word.erase(0, i);
    }
    cur = word;
  }
  if (!cur.empty() || lines.empty()) push();
  return lines;
}

// One cell of a row: its text, its width in display columns, right- or left-aligned.
struct Cell {
  std::string text;
  std::size_t cols = 0;
  bool right = false;
};

// Pads one line of a cell to its width (a left-aligned cell is followed by one space).
std::string pad(std::string_view s, std::size_t cols, bool right = false) {
  const auto fill = std::string(cols > width(s) ? cols - width(s) : 0, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill + " ";
}

// A row of cells; a cell wider than its column continues on the next lines, the others blank there.
std::string row(const std::vector<Cell> &cells) {
  std::vector<std::vector<std::string>> wrapped;
  std::size_t height = 1;
  for (const auto &c : cells) {
    wrapped.push_back(wrap(c.text, c.cols));
    height = std::max(height, wrapped.back().size());
  }
  std::string out;
  for (std::size_t l = 0; l < height; ++l) {
    if (l) out += "\n";
    for (std::size_t i = 0; i < cells.size(); ++i)
      out += pad(l < wrapped[i].size() ? wrapped[i][l] : std::string(), cells[i].cols, cells[i].right);
  }
  return out;
}

// "≥ 2/3 tổng TV", "≥ 90% tổng TV", "> 50% TV dự".
std::string rule_label(const RuleProfile &r) {
  std::string s = r.comparison == Comparison::at_least ? "≥ " : "> ";
  s += fraction_text(r.threshold) + " ";
  s += r.denominator == Denominator::all_members ? "tổng TV" : "TV dự";
  return s;
}

} // namespace

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

std::string format_result_table(const Record &r) {
  std::ostringstream out;
  const auto &t = r.turnout;
  out << "KẾT QUẢ KIỂM PHIẾU — " << r.title << " (" << r.poll << ")\n";
  out << r.meeting.council << " — " << r.meeting.session_name << ", " << r.meeting.date << ", "
      << r.meeting.place << "\n";
  out << "Tổng số thành viên: " << t.members << "; có mặt: " << t.present
      << "; vắng, bỏ phiếu từ xa: " << t.remote << "; vắng: " << t.absent + t.unknown
      << "; số phiếu: " << t.ballots << " (tại phòng " << t.ballots_in_room << ", từ xa " << t.ballots_remote
      << ")\n\n";
  const std::string header = pad("STT", 4) + pad("Người / tập thể được đề nghị", 28) + pad("Hình thức", 26) +
                             pad("Đồng ý", 7, true) + pad("K.đồng ý", 9, true) + pad("Trống", 6, true) +
                             pad("K.bỏ", 5, true) + pad("% tổng TV", 10, true) + "  " + pad("Quy tắc", 14) +
                             pad("Kết quả", 11) + "Xếp hạng";
  out << header << "\n" << std::string(width(header) + 4, '-') << "\n";
  std::map<std::string, std::pair<unsigned, unsigned>> per_award; // passed, total
  unsigned ties = 0;
  for (const auto &c : r.contests) {
    if (c.kind == crypto::ContestKind::general) {
      out << pad(std::to_string(c.position + 1), 4) << pad(c.label, 28);
      for (std::size_t i = 0; i < c.option_labels.size(); ++i)
        out << (i ? "; " : "") << c.option_labels[i] << ": " << c.option_counts[i];
      out << "\n";
      continue;
    }
    // A line per nominee; a long name, award, rule or outcome continues on the lines below.
    const auto outcome = outcome_label_vi(c.outcome) + (c.chair_decided ? " (Chủ tọa quyết định)" : "");
    const auto lines = row({{std::to_string(c.position + 1), 4},
                            {c.nominee->name, 28},
                            {c.nominee->award, 26},
                            {std::to_string(c.agree), 7, true},
                            {std::to_string(c.disagree), 9, true},
                            {std::to_string(c.blank), 6, true},
                            {std::to_string(c.not_voted), 5, true},
                            {percent_text(c.agree_basis_points), 10, true},
                            {"", 1},
                            {rule_label(*c.rule), 14},
                            {outcome, 11}});
    const auto first_end = lines.find('\n');
    out << lines.substr(0, first_end);
    if (c.quota_rank) out << c.quota_rank.value() << "/" << c.award_quota.value_or(0);
    if (first_end != std::string::npos) out << lines.substr(first_end);
    if (c.outcome == ContestOutcome::tie_at_quota) ++ties;
    out << "\n";
    auto &[passed, total] = per_award[c.nominee->award];
    ++total;
    if (c.outcome == ContestOutcome::passed) ++passed;
  }
  if (ties)
    out << "\n\"Bằng phiếu\": " << ties
        << " đề nghị bằng số phiếu đồng ý tại ngưỡng chỉ tiêu; Chủ tọa quyết định (ghi vào biên bản).\n";
  for (const auto &d : r.chair_decisions) {
    out << "\nChủ tọa quyết định (bằng phiếu tại ngưỡng chỉ tiêu của \"" << d.award << "\"): đạt ";
    for (std::size_t i = 0; i < d.nominees.size(); ++i) {
      out << (i ? ", " : "") << "số " << d.nominees[i];
      for (const auto &c : r.contests)
        if (c.nominee && c.nominee->nominee_no == d.nominees[i]) out << " " << c.nominee->name;
    }
    const auto *chair = find_member(r, d.member_no);
    out << " (mục " << d.seq << " của bảng tin, ký bởi " << (chair ? chair->full_name + ", " : std::string())
        << "thành viên số " << d.member_no << ").\n";
  }
  out << "\nTổng hợp theo hình thức khen thưởng (đạt / số được đề nghị):\n";
  for (const auto &[award, counts] : per_award)
    out << row({{"", 1},
                {award, 40},
                {std::to_string(counts.first) + " / " + std::to_string(counts.second), 12}})
        << "\n";
  out << "Giải mã tổng phiếu: thành viên Ban kiểm phiếu số ";
  for (std::size_t i = 0; i < r.decrypting_trustees.size(); ++i) {
    const auto index = r.decrypting_trustees[i];
    out << (i ? ", " : "") << index;
    const auto *who =
        index >= 1 && index <= r.trustees.size() ? find_member(r, r.trustees[index - 1].member_no) : nullptr;
    if (who) out << " (" << who->full_name << ")";
  }
  out << " (cần " << r.threshold << ")\n";
  return out.str();
}

} // namespace cv::record
