#include "councilvote/protocol/crypto_error.hpp"

#include <string>

namespace cv::protocol {

ErrorCode wire_code(crypto::Errc c) noexcept {
  switch (c) { // no default: a new crypto::Errc does not compile until it is mapped here
  case crypto::Errc::invalid_encoding:
  case crypto::Errc::identity_point:
  case crypto::Errc::verification_failed:
  case crypto::Errc::not_eligible:
  case crypto::Errc::wrong_context:
  case crypto::Errc::invalid_argument:
  case crypto::Errc::decryption_failed:
  case crypto::Errc::insufficient_shares:
    return ErrorCode::invalid_argument;
  case crypto::Errc::self_test_failed:
  case crypto::Errc::system_error:
    return ErrorCode::internal;
  }
  return ErrorCode::internal;
}

Error from_crypto(const crypto::Error &e, std::string_view prefix) {
  return from_crypto(wire_code(e.code), e, prefix);
}

Error from_crypto(ErrorCode code, const crypto::Error &e, std::string_view prefix) {
  return check_error(code, e.check, std::string(prefix) + e.message);
}

Error from_record(const record::Error &e) {
  const ErrorCode code = [&] {
    switch (e.code) { // no default: a new record::Errc does not compile until it is mapped here
    case record::Errc::malformed_json:
      return ErrorCode::malformed_json;
    case record::Errc::too_large:
      return ErrorCode::frame_too_large;
    case record::Errc::unsupported_version:
      return ErrorCode::unsupported_version;
    case record::Errc::missing_field:
      return ErrorCode::missing_field;
    case record::Errc::bad_field:
      return ErrorCode::bad_field;
    case record::Errc::unknown_field:
      return ErrorCode::unknown_field;
    case record::Errc::invalid_argument:
      return ErrorCode::invalid_argument;
    case record::Errc::inconsistent_data:
      return ErrorCode::inconsistent_data;
    case record::Errc::io:
      return ErrorCode::internal;
    }
    return ErrorCode::internal;
  }();
  return Error{code, e.message, e.field, e.check};
}

} // namespace cv::protocol
