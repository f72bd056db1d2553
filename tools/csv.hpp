// A small RFC 4180 CSV reader for the demo's sample data (quoted fields, doubled quotes, CRLF).
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cv::tools {

using CsvRow = std::map<std::string, std::string>;

inline std::vector<std::vector<std::string>> parse_csv(const std::string &text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true, any = true;
    } else if (c == ',') {
      row.push_back(field), field.clear(), any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) row.push_back(field), rows.push_back(row);
      row.clear(), field.clear(), any = false;
    } else {
      field += c, any = true;
    }
  }
  if (quoted) throw std::runtime_error("unterminated quoted field");
  if (any || !field.empty()) row.push_back(field), rows.push_back(row);
  return rows;
}

// Rows as header -> value maps; throws with the file name and line on a wrong field count.
inline std::vector<CsvRow> read_csv(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto rows = parse_csv(ss.str());
  if (rows.empty()) throw std::runtime_error(path + ": empty file");
  std::vector<CsvRow> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != rows[0].size())
      throw std::runtime_error(path + ": row " + std::to_string(r + 1) + " has " +
                               std::to_string(rows[r].size()) + " fields, header has " +
                               std::to_string(rows[0].size()));
    CsvRow m;
    for (std::size_t c = 0; c < rows[0].size(); ++c) m[rows[0][c]] = rows[r][c];
    out.push_back(std::move(m));
  }
  return out;
}

} // namespace cv::tools
