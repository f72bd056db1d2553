// The one Catch2 session of every test executable (tests/catch_session.cpp, compiled once): the
// crypto library's self-tests, then the tests. Each runner (catch_main*.cpp, minutes/main.cpp) makes
// the application object its tests need and calls it.
#pragma once

namespace cv::test {
[[nodiscard]] int run_catch(int argc, char *argv[]);
}
