// The record library's error type: what a reader of a record, a record file or a board payload
// reports. The code says what kind of problem it is, the message says exactly what and where (a
// JSON path such as "record.contests[3].agree", or a check name such as "ballots.verify"), and
// `field` / `check` hold that path or check as data.
#pragma once

#include "councilvote/crypto/result.hpp"

#include <string>
#include <utility>

namespace cv::record {

enum class Errc {
  malformed_json,      // not JSON, or outside the strict profile (docs/wire.md §3.1)
  too_large,           // a text longer than the limit
  unsupported_version, // a format string of another version
  missing_field,       // a required member is absent
  bad_field,           // a member of the wrong type, range or encoding
  unknown_field,       // a member the format does not define
  invalid_argument,    // values that do not fit together (compute_record's input)
  inconsistent_data,   // a verification check failed
  io,                  // a file could not be read or written
};

[[nodiscard]] const char *errc_name(Errc c) noexcept;

struct Error {
  Errc code = Errc::invalid_argument;
  std::string message;
  std::string field{}; // the JSON path of the offending member, when there is one
  std::string check{}; // the failed check's name, when it is a verification failure
};

template <class T> using Result = crypto::Result<T, Error>;

[[nodiscard]] inline Error make_error(Errc c, std::string message) { return Error{c, std::move(message)}; }
[[nodiscard]] inline Error field_error(Errc c, std::string field, std::string message) {
  return Error{c, std::move(message), std::move(field)};
}
[[nodiscard]] inline Error check_error(std::string check, std::string detail) {
  std::string message = check + ": " + detail;
  return Error{Errc::inconsistent_data, std::move(message), {}, std::move(check)};
}

} // namespace cv::record
