// Library initialisation: sodium_init() and the known-answer self-tests (docs/protocol.md §12).
// Call once at start-up; on failure the program must refuse to continue.
#pragma once

#include "councilvote/crypto/error.hpp"

namespace cv::crypto {

[[nodiscard]] Result<void> init();
// The self-tests alone (init() runs them once); exposed for tests.
[[nodiscard]] Result<void> run_self_tests();

} // namespace cv::crypto
