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

} // namespace cv::protocol
