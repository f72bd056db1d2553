#include "councilvote/protocol/error.hpp"

#include "councilvote/protocol/ids.hpp"
#include "councilvote/record/ids.hpp"

#include <array>
#include <string>

namespace cv::protocol {

namespace {

struct CodeInfo {
  ErrorCode code;
  std::string_view name;
  std::string_view meaning;
};

constexpr std::array<CodeInfo, kErrorCodeCount> kCodes{{
    {ErrorCode::malformed_json, "E_MALFORMED_JSON",
     "the frame is not one JSON object under the strict profile (or is a binary frame)"},
    {ErrorCode::frame_too_large, "E_FRAME_TOO_LARGE", "the message is larger than the configured maximum"},
    {ErrorCode::unsupported_version, "E_UNSUPPORTED_VERSION", "\"v\" is not 1"},
    {ErrorCode::missing_field, "E_MISSING_FIELD", "a required field is absent"},
    {ErrorCode::bad_field, "E_BAD_FIELD",
     "a field has the wrong JSON type, length, range, hex or id syntax, or an unknown enum value"},
    {ErrorCode::unknown_field, "E_UNKNOWN_FIELD", "a field that version 1 does not define"},
    {ErrorCode::unknown_type, "E_UNKNOWN_TYPE", "\"type\" names no operation"},
    {ErrorCode::wrong_meeting, "E_WRONG_MEETING", "\"meeting\" is not the meeting this server runs"},
    {ErrorCode::bad_signature, "E_BAD_SIGNATURE",
     "the Ed25519 signature does not verify (request, receipt, statement or bundle)"},
    {ErrorCode::stale_request, "E_STALE_REQUEST", "\"time\" is outside the server's clock window"},
    {ErrorCode::replayed_request, "E_REPLAYED_REQUEST",
     "this (key, nonce) was already used within the window"},
    {ErrorCode::unknown_key, "E_UNKNOWN_KEY", "the key holds no role in this meeting"},
    {ErrorCode::forbidden, "E_FORBIDDEN", "the key lacks the role the operation needs"},
    {ErrorCode::not_trustee, "E_NOT_TRUSTEE", "a trustee operation from a key that is not a trustee"},
    {ErrorCode::rate_limited, "E_RATE_LIMITED", "too many requests from this key or connection"},
    {ErrorCode::too_many_connections, "E_TOO_MANY_CONNECTIONS",
     "the key (or the server) already has the maximum number of connections"},
    {ErrorCode::invalid_argument, "E_INVALID_ARGUMENT",
     "well-formed but semantically invalid (duplicate numbers, unknown references, bad ranges)"},
    {ErrorCode::wrong_state, "E_WRONG_STATE", "the operation is not allowed in the meeting's current state"},
    {ErrorCode::not_found, "E_NOT_FOUND", "no such tracking code, record or board range"},
    {ErrorCode::wrong_poll, "E_WRONG_POLL", "no poll with this id in the meeting"},
    {ErrorCode::poll_not_open, "E_POLL_NOT_OPEN", "the poll is not open for ballots yet"},
    {ErrorCode::poll_closed, "E_POLL_CLOSED", "the poll is closed"},
    {ErrorCode::not_attending, "E_NOT_ATTENDING",
     "the member is recorded neither present nor voting remotely"},
    {ErrorCode::outside_remote_window, "E_OUTSIDE_REMOTE_WINDOW",
     "a remote member cast outside the poll's remote window"},
    {ErrorCode::duplicate_ballot, "E_DUPLICATE_BALLOT",
     "the member already cast a different ballot in this poll"},
    {ErrorCode::invalid_ballot, "E_INVALID_BALLOT",
     "the ballot does not decode or fails verify_ballot; \"check\" names the failed check"},
    {ErrorCode::invalid_ceremony_message, "E_INVALID_CEREMONY_MESSAGE",
     "a key-ceremony message does not verify or does not fit the ceremony; \"check\" names why"},
    {ErrorCode::invalid_partial_decryption, "E_INVALID_PARTIAL_DECRYPTION",
     "a partial decryption does not decode or verify against the tally; \"check\" names why"},
    {ErrorCode::invalid_chair_decision, "E_INVALID_CHAIR_DECISION",
     "the chair's decision of a tie does not fit the poll or does not verify; \"check\" names why"},
    {ErrorCode::internal, "E_INTERNAL", "a server fault; the request was rolled back"},
    {ErrorCode::inconsistent_data, "E_INCONSISTENT_DATA",
     "client side only: server data contradicts itself or the enrollment bundle"},
}};

static_assert([] {
  for (std::size_t i = 0; i < kCodes.size(); ++i)
    if (static_cast<std::size_t>(kCodes[i].code) != i) return false;
  return true;
}());

} // namespace

std::string_view error_code_name(ErrorCode c) noexcept {
  auto i = static_cast<std::size_t>(c);
  return i < kCodes.size() ? kCodes[i].name : std::string_view("E_INTERNAL");
}

std::optional<ErrorCode> error_code_from_name(std::string_view name) noexcept {
  for (const auto &c : kCodes)
    if (c.name == name) return c.code;
  return std::nullopt;
}

std::string_view error_code_meaning(ErrorCode c) noexcept {
  auto i = static_cast<std::size_t>(c);
  return i < kCodes.size() ? kCodes[i].meaning : std::string_view("?");
}

Result<void> check_id_syntax(std::string_view s, std::size_t max_length, std::string_view what) {
  if (auto ok = record::check_id_syntax(s, max_length, what); !ok)
    return make_error(ErrorCode::bad_field, ok.error().message);
  return {};
}

} // namespace cv::protocol
