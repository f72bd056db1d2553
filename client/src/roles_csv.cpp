#include "councilvote/client/roles/csv.hpp"
#include "councilvote/crypto/utf8.hpp"
#include "roles_common.hpp"

#include <fstream>
#include <set>

namespace cv::client::roles {

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

protocol::Error CsvTable::error_at(std::size_t line, const std::string &message) const {
  return detail::invalid_argument(source + " line " + std::to_string(line) + ": " + message);
}

protocol::Result<CsvTable> parse_csv(std::string_view text, std::string source) {
  try {
    CsvTable t;
    t.source = std::move(source);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<CsvRecord> all;
    CsvRecord rec;
    std::string field;
    std::size_t line = 1;
    bool in_record = false;   // something of the current record has been read
    bool quoted = false;      // inside a quoted field
    bool after_quote = false; // a quoted field has just been closed
    std::size_t quote_line = 0;
    auto end_field = [&] {
      rec.fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    };
    for (std::size_t i = 0; i < text.size();) {
      const char c = text[i];
      const std::size_t len = crypto::decode_utf8(text, i).length;
      if (len == 0) return t.error_at(line, "not valid UTF-8 text");
      if (len > 1) {
        if (after_quote) return t.error_at(line, "text after a closing quote");
        if (!in_record) rec.line = line, in_record = true;
        field.append(text.substr(i, len));
        i += len;
        continue;
      }
      if (quoted) {
        if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
          after_quote = true;
        } else {
          if (c == '\n') ++line;
          field += c;
        }
        ++i;
        continue;
      }
      if (c == ',') {
        if (!in_record) rec.line = line, in_record = true;
        end_field();
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        if (in_record) {
          end_field();
          all.push_back(std::move(rec));
          rec = CsvRecord{};
          in_record = false;
        }
        ++line;
      } else if (c == '"') {
        if (!field.empty() || after_quote)
          return t.error_at(line, "a quote inside an unquoted field (quote the whole field and double it)");
        if (!in_record) rec.line = line, in_record = true;
        quoted = true;
        quote_line = line;
      } else {
        if (after_quote) return t.error_at(line, "text after a closing quote");
        if (!in_record) rec.line = line, in_record = true;
        field += c;
      }
      ++i;
    }
    if (quoted) return t.error_at(quote_line, "unterminated quoted field");
    if (in_record) {
      end_field();
      all.push_back(std::move(rec));
    }
    if (all.empty()) return t.error_at(1, "empty file (expected a header line)");
    t.header = std::move(all.front().fields);
    t.header_line = all.front().line;
    const std::size_t header_line = t.header_line;
    std::set<std::string> seen;
    for (const auto &h : t.header) {
      if (h.empty()) return t.error_at(header_line, "an empty column name in the header");
      if (!seen.insert(h).second) return t.error_at(header_line, "column \"" + h + "\" appears twice");
    }
    for (std::size_t r = 1; r < all.size(); ++r) {
      if (all[r].fields.size() != t.header.size())
        return t.error_at(all[r].line, std::to_string(all[r].fields.size()) + " fields, the header has " +
                                           std::to_string(t.header.size()));
      t.records.push_back(std::move(all[r]));
    }
    return t;
  } catch (...) {
    return detail::internal("out of memory while reading CSV");
  }
}

protocol::Result<void> check_csv_columns(const CsvTable &t, std::initializer_list<std::string_view> required,
                                         std::initializer_list<std::string_view> optional) {
  for (auto name : required)
    if (!t.column(name)) return t.error_at(t.header_line, "missing column \"" + std::string(name) + "\"");
  for (const auto &h : t.header) {
    bool known = false;
    for (auto name : required) known = known || h == name;
    for (auto name : optional) known = known || h == name;
    if (!known) return t.error_at(t.header_line, "unknown column \"" + h + "\"");
  }
  return {};
}

protocol::Result<std::string> read_text_file(const std::filesystem::path &path, std::size_t max_bytes) {
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) return detail::invalid_argument("cannot open " + path.string());
    std::string out;
    char buf[65536];
    while (in) {
      in.read(buf, sizeof buf);
      const auto got = static_cast<std::size_t>(in.gcount());
      if (out.size() + got > max_bytes)
        return detail::invalid_argument(path.string() + ": larger than " + std::to_string(max_bytes) +
                                        " bytes");
      out.append(buf, got);
    }
    if (in.bad()) return detail::invalid_argument("cannot read " + path.string());
    return out;
  } catch (...) {
    return detail::internal("out of memory while reading " + path.string());
  }
}

} // namespace cv::client::roles
