// The council's CSV files (data/roster.csv, nominees.csv, rules.csv): the one CSV reader of the
// project, typed fields with line numbers, and the rule profiles of rules.csv, which both the
// secretary's client (define_rules) and the server (the profiles `councilvote-server init` ships,
// data/rules.csv embedded at build time) read.
//
// The reader is strict RFC 4180: quoted fields with doubled quotes, CRLF or LF, a UTF-8 byte-order
// mark at the start is skipped, blank lines are ignored. Every record remembers the line it starts
// on, so that errors can say "roster.csv line 7: ...". Never throws.
#pragma once

#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/record/council.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cv::protocol {

struct CsvRecord {
  std::size_t line = 0; // 1-based line on which the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::string source;              // the name used in error messages ("roster.csv")
  std::vector<std::string> header; // the first record: column names, distinct, non-empty
  std::size_t header_line = 1;
  std::vector<CsvRecord> records; // every later record, each with exactly header.size() fields

  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
  // "<source> line <n>: <message>" as E_INVALID_ARGUMENT.
  [[nodiscard]] Error error_at(std::size_t line, const std::string &message) const;
  // Every record as column name -> field.
  [[nodiscard]] std::vector<std::map<std::string, std::string>> maps() const;
};

// E_INVALID_ARGUMENT "<source> line N: ..." for: invalid UTF-8, an unterminated quoted field, text
// after a closing quote, a quote inside an unquoted field, an empty file, an empty or repeated
// column name, a record whose field count differs from the header's.
[[nodiscard]] Result<CsvTable> parse_csv(std::string_view text, std::string source);

// Checks the header: every `required` column present, every column either required or `optional`.
[[nodiscard]] Result<void> check_csv_columns(const CsvTable &t,
                                             std::initializer_list<std::string_view> required,
                                             std::initializer_list<std::string_view> optional);

// Reads a whole file of at most max_bytes (E_INVALID_ARGUMENT when it cannot be read or is larger).
[[nodiscard]] Result<std::string> read_text_file(const std::filesystem::path &path,
                                                 std::size_t max_bytes = std::size_t{16} << 20);

// read_text_file + parse_csv, the file's name as the source.
[[nodiscard]] Result<CsvTable> read_csv_file(const std::filesystem::path &path);

// Text as the wire accepts it: UTF-8 without C0 controls or DEL, min..max bytes. On failure, the
// reason ("must be 1..200 bytes, got 0").
[[nodiscard]] std::optional<std::string> text_problem(std::string_view s, std::size_t min_bytes,
                                                      std::size_t max_bytes);

// One record's fields by column name, each read with the wire's limits; errors name the source,
// the line and the column.
class CsvRow {
public:
  CsvRow(const CsvTable &t, const CsvRecord &r) : t_(t), r_(r) {}
  [[nodiscard]] std::size_t line() const { return r_.line; }
  [[nodiscard]] const std::string &get(std::string_view column) const; // "" for a missing column
  [[nodiscard]] Error error(const std::string &message) const { return t_.error_at(r_.line, message); }

  // A text column within the wire's limits.
  [[nodiscard]] std::optional<Error> text(std::string_view column, std::size_t min, std::size_t max,
                                          std::string &out) const;
  // A decimal integer column within [min, max]; `empty_value` allows (and gives) a value for "".
  [[nodiscard]] std::optional<Error> number(std::string_view column, std::uint32_t min, std::uint32_t max,
                                            std::uint32_t &out,
                                            std::optional<std::uint32_t> empty_value = {}) const;
  // A share written "2/3" or "90%" (record::parse_fraction; `positive`: not zero); `empty_value`
  // allows (and gives) a value for "".
  [[nodiscard]] std::optional<Error> fraction(std::string_view column, bool positive, record::Fraction &out,
                                              std::optional<record::Fraction> empty_value = {}) const;
  // One of the enumeration's names (record::EnumNames<E>::table).
  template <class E> [[nodiscard]] std::optional<Error> enumeration(std::string_view column, E &out) const {
    const auto &s = get(column);
    std::string allowed;
    for (const auto &[v, name] : record::EnumNames<E>::table) {
      if (s == name) {
        out = v;
        return std::nullopt;
      }
      allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    }
    return error(std::string(column) + " \"" + s + "\" is not one of " + allowed);
  }
  // An id (check_id_syntax, at most 64 characters).
  [[nodiscard]] std::optional<Error> id(std::string_view column, std::string &out) const;

private:
  const CsvTable &t_;
  const CsvRecord &r_;
};

// 1..max records, else "<source> line N: no <what> after the header" / "more than <max> <what>".
[[nodiscard]] Result<void> check_csv_row_count(const CsvTable &t, std::size_t max, std::string_view what);

// rules.csv: rule_id,label,threshold,comparison,denominator[,quorum],source with the threshold and
// the quorum written "2/3" or "90%" (the quorum is 0% when the column is absent or the field empty),
// 1..1000 profiles, each rule_id once, each profile as define_rules accepts it.
[[nodiscard]] Result<std::vector<RuleProfile>> rules_from_csv(std::string_view text,
                                                              std::string source = "rules.csv");
[[nodiscard]] Result<std::vector<RuleProfile>> read_rules_csv(const std::filesystem::path &path);

} // namespace cv::protocol
