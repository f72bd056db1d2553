#include "councilvote/crypto/init.hpp"

#include <sodium.h>

#include <mutex>

namespace cv::crypto {

Result<void> run_self_tests() { return {}; }

Result<void> init() {
  static std::once_flag once;
  static Result<void> result;
  std::call_once(once, [] {
    if (sodium_init() < 0) {
      result = make_error(Errc::system_error, "sodium_init failed");
      return;
    }
    result = run_self_tests();
  });
  return result;
}

} // namespace cv::crypto
