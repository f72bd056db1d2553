// A strict RFC 4180 CSV reader for the secretary's input files (data/roster.csv, nominees.csv,
// rules.csv): quoted fields with doubled quotes, CRLF or LF, a UTF-8 byte-order mark at the start is
// skipped, blank lines are ignored. Every record remembers the line it starts on, so that errors
// can say "roster.csv line 7: ...". Never throws.
#pragma once

#include "councilvote/protocol/error.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::client::roles {

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
  [[nodiscard]] protocol::Error error_at(std::size_t line, const std::string &message) const;
};

// E_INVALID_ARGUMENT "<source> line N: ..." for: invalid UTF-8, an unterminated quoted field, text
// after a closing quote, a quote inside an unquoted field, an empty file, an empty or repeated
// column name, a record whose field count differs from the header's.
[[nodiscard]] protocol::Result<CsvTable> parse_csv(std::string_view text, std::string source);

// Checks the header: every `required` column present, every column either required or `optional`.
[[nodiscard]] protocol::Result<void> check_csv_columns(const CsvTable &t,
                                                       std::initializer_list<std::string_view> required,
                                                       std::initializer_list<std::string_view> optional);

// Reads a whole file of at most max_bytes (E_INVALID_ARGUMENT when it cannot be read or is larger).
[[nodiscard]] protocol::Result<std::string> read_text_file(const std::filesystem::path &path,
                                                           std::size_t max_bytes = std::size_t{16} << 20);

} // namespace cv::client::roles
