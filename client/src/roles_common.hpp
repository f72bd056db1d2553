// Small helpers shared by the roles_*.cpp sources (private to cv_client).
#pragma once

#include "councilvote/protocol/crypto_error.hpp"
#include "councilvote/protocol/error.hpp"

#include <string>
#include <string_view>

namespace cv::client::roles::detail {

using protocol::ErrorCode;

[[nodiscard]] inline protocol::Error invalid_argument(std::string message) {
  return protocol::make_error(ErrorCode::invalid_argument, std::move(message));
}

// Server data that does not verify: E_INCONSISTENT_DATA naming the check; the message starts with it.
[[nodiscard]] inline protocol::Error inconsistent(const std::string &check, const std::string &message) {
  return protocol::check_error(ErrorCode::inconsistent_data, check, check + ": " + message);
}

[[nodiscard]] inline protocol::Error internal(std::string message) {
  return protocol::make_error(ErrorCode::internal, std::move(message));
}

} // namespace cv::client::roles::detail
