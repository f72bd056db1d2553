#include "councilvote/protocol/csv.hpp"

#include "councilvote/crypto/utf8.hpp"
#include "councilvote/protocol/ids.hpp"

#include <charconv>
#include <fstream>
#include <set>

namespace cv::protocol {

namespace {

constexpr std::size_t kMaxRuleRows = 1000;

Error invalid_argument(std::string message) {
  return make_error(ErrorCode::invalid_argument, std::move(message));
}
Error internal(std::string message) { return make_error(ErrorCode::internal, std::move(message)); }

} // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

Error CsvTable::error_at(std::size_t line, const std::string &message) const {
  return invalid_argument(source + " line " + std::to_string(line) + ": " + message);
}

Result<CsvTable> parse_csv(std::string_view text, std::string source) {
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
    return internal("out of memory while reading CSV");
  }
}

Result<void> check_csv_columns(const CsvTable &t, std::initializer_list<std::string_view> required,
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

Result<std::string> read_text_file(const std::filesystem::path &path, std::size_t max_bytes) {
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) return invalid_argument("cannot open " + path.string());
    std::string out;
    char buf[65536];
    while (in) {
      in.read(buf, sizeof buf);
      const auto got = static_cast<std::size_t>(in.gcount());
      if (out.size() + got > max_bytes)
        return invalid_argument(path.string() + ": larger than " + std::to_string(max_bytes) + " bytes");
      out.append(buf, got);
    }
    if (in.bad()) return invalid_argument("cannot read " + path.string());
    return out;
  } catch (...) {
    return internal("out of memory while reading " + path.string());
  }
}

std::vector<std::map<std::string, std::string>> CsvTable::maps() const {
  std::vector<std::map<std::string, std::string>> out;
  for (const auto &r : records) {
    auto &m = out.emplace_back();
    for (std::size_t c = 0; c < header.size(); ++c) m[header[c]] = r.fields[c];
  }
  return out;
}

Result<CsvTable> read_csv_file(const std::filesystem::path &path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return parse_csv(*text, path.filename().string());
}

// ============================================================================ fields

std::optional<std::string> text_problem(std::string_view s, std::size_t min_bytes, std::size_t max_bytes) {
  if (s.size() < min_bytes || s.size() > max_bytes)
    return "must be " + std::to_string(min_bytes) + ".." + std::to_string(max_bytes) + " bytes, got " +
           std::to_string(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) return std::string("contains a control character");
  }
  if (!crypto::is_valid_utf8(s)) return std::string("is not valid UTF-8");
  return std::nullopt;
}

const std::string &CsvRow::get(std::string_view column) const {
  static const std::string empty;
  auto c = t_.column(column);
  return c ? r_.fields[*c] : empty;
}

std::optional<Error> CsvRow::text(std::string_view column, std::size_t min, std::size_t max,
                                  std::string &out) const {
  out = get(column);
  if (auto p = text_problem(out, min, max)) return error(std::string(column) + " " + *p);
  return std::nullopt;
}

std::optional<Error> CsvRow::number(std::string_view column, std::uint32_t min, std::uint32_t max,
                                    std::uint32_t &out, std::optional<std::uint32_t> empty_value) const {
  const auto &s = get(column);
  if (s.empty() && empty_value) {
    out = *empty_value;
    return std::nullopt;
  }
  std::uint32_t v = 0;
  const auto *end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc{} || p != end || (s.size() > 1 && s[0] == '0'))
    return error(std::string(column) + " \"" + s + "\" is not a whole number");
  if (v < min || v > max)
    return error(std::string(column) + " " + s + " is outside " + std::to_string(min) + ".." +
                 std::to_string(max));
  out = v;
  return std::nullopt;
}

std::optional<Error> CsvRow::fraction(std::string_view column, bool positive, record::Fraction &out,
                                      std::optional<record::Fraction> empty_value) const {
  const auto &s = get(column);
  if (s.empty() && empty_value) {
    out = *empty_value;
    return std::nullopt;
  }
  auto f = record::parse_fraction(s, positive);
  if (!f) return error(std::string(column) + " " + f.error().message);
  out = *f;
  return std::nullopt;
}

std::optional<Error> CsvRow::id(std::string_view column, std::string &out) const {
  out = get(column);
  if (auto ok = check_id_syntax(out, 64, column); !ok)
    return error(std::string(column) + " \"" + out + "\": " + ok.error().message);
  return std::nullopt;
}

Result<void> check_csv_row_count(const CsvTable &t, std::size_t max, std::string_view what) {
  if (t.records.empty()) return t.error_at(t.header_line, "no " + std::string(what) + " after the header");
  if (t.records.size() > max)
    return t.error_at(t.records[max].line, "more than " + std::to_string(max) + " " + std::string(what));
  return {};
}

// ============================================================================ rules

Result<std::vector<RuleProfile>> rules_from_csv(std::string_view text, std::string source) {
  try {
    auto t = parse_csv(text, source);
    if (!t) return t.error();
    for (std::string_view old_name : {"threshold_percent", "quorum_percent"})
      if (t->column(old_name))
        return t->error_at(t->header_line, "column \"" + std::string(old_name) + "\" is now \"" +
                                               std::string(old_name.substr(0, old_name.find('_'))) +
                                               "\": write the share as 90% or as a fraction such as 2/3");
    if (auto c = check_csv_columns(*t, {"rule_id", "label", "threshold", "comparison", "denominator"},
                                   {"quorum", "source"});
        !c)
      return c.error();
    if (auto n = check_csv_row_count(*t, kMaxRuleRows, "rules"); !n) return n.error();
    std::vector<RuleProfile> out;
    std::map<std::string, std::size_t> line_of;
    for (const auto &rec : t->records) {
      const CsvRow row(*t, rec);
      RuleProfile p;
      std::optional<Error> e;
      if (!e) e = row.id("rule_id", p.rule_id);
      if (!e) e = row.text("label", 1, kMaxTextBytes, p.label);
      if (!e) e = row.fraction("threshold", true, p.threshold);
      if (!e) e = row.enumeration<Comparison>("comparison", p.comparison);
      if (!e) e = row.enumeration<Denominator>("denominator", p.denominator);
      if (!e) e = row.fraction("quorum", false, p.quorum, record::Fraction{0, 100});
      if (!e) e = row.text("source", 0, kMaxTextBytes, p.source);
      if (e) return *e;
      if (auto [it, fresh] = line_of.emplace(p.rule_id, rec.line); !fresh)
        return row.error("rule_id \"" + p.rule_id + "\" already on line " + std::to_string(it->second));
      // The shape checks of the wire reader, as a last line of defence.
      if (auto again = read_body<RuleProfile>(rule_profile_to_json(p)); !again)
        return invalid_argument(t->source + " line " + std::to_string(rec.line) + ": " +
                                again.error().message);
      out.push_back(std::move(p));
    }
    return out;
  } catch (...) {
    return internal("out of memory while reading " + source);
  }
}

Result<std::vector<RuleProfile>> read_rules_csv(const std::filesystem::path &path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return rules_from_csv(*text, path.filename().string());
}

} // namespace cv::protocol
