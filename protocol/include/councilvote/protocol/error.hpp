// One error type for the wire-protocol layer (docs/wire.md §9): a code from the fixed table of
// error codes, a specific human-readable message, and optionally the offending field or the name
// of the failed verification check. Every function of cv_protocol reports bad input this way and
// never lets an exception escape.
#pragma once

#include "councilvote/crypto/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cv::protocol {

// The codes of docs/wire.md §9, in the order of that table. The wire name of `foo_bar` is
// "E_FOO_BAR" (error_code_name).
enum class ErrorCode {
  // framing and JSON
  malformed_json,
  frame_too_large,
  unsupported_version,
  missing_field,
  bad_field,
  unknown_field,
  unknown_type,
  // authentication
  wrong_meeting,
  bad_signature,
  stale_request,
  replayed_request,
  unknown_key,
  forbidden,
  not_trustee,
  // limits
  rate_limited,
  too_many_connections,
  // operations
  invalid_argument,
  wrong_state,
  not_found,
  wrong_poll,
  poll_not_open,
  poll_closed,
  not_attending,
  outside_remote_window,
  duplicate_ballot,
  invalid_ballot,
  invalid_ceremony_message,
  invalid_partial_decryption,
  invalid_chair_decision,
  internal,
  // detected by a client, never sent by a server
  inconsistent_data,
};

inline constexpr int kErrorCodeCount = static_cast<int>(ErrorCode::inconsistent_data) + 1;

// "E_MALFORMED_JSON", ...
[[nodiscard]] std::string_view error_code_name(ErrorCode c) noexcept;
[[nodiscard]] std::optional<ErrorCode> error_code_from_name(std::string_view name) noexcept;
// One line: what the code means (the "meaning" column of docs/wire.md §9).
[[nodiscard]] std::string_view error_code_meaning(ErrorCode c) noexcept;

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message; // specific: which field, which check, which limit
  std::string field;   // E_MISSING_FIELD / E_BAD_FIELD / E_UNKNOWN_FIELD: the JSON path ("body.poll")
  std::string check;   // E_INVALID_*: the failed check ("contest[3].sum_proof", "decode", ...)
  // E_RATE_LIMITED: how long to wait before sending again (docs/wire.md §5.2); clients wait for it.
  std::optional<std::uint64_t> retry_after_ms{};

  friend bool operator==(const Error &, const Error &) = default;
};

[[nodiscard]] inline Error make_error(ErrorCode c, std::string message) {
  return Error{c, std::move(message), {}, {}};
}
[[nodiscard]] inline Error field_error(ErrorCode c, std::string field, std::string message) {
  return Error{c, std::move(message), std::move(field), {}};
}
[[nodiscard]] inline Error check_error(ErrorCode c, std::string check, std::string message) {
  return Error{c, std::move(message), {}, std::move(check)};
}

// A T or a protocol::Error (the one Result template, crypto/result.hpp).
template <class T> using Result = crypto::Result<T, Error>;

} // namespace cv::protocol
