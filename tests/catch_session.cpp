// Catch2's implementation and session, compiled once for all the test executables (it is the
// slowest file of the build; the runners around it include no Catch header at all).
#define CATCH_CONFIG_RUNNER
#include "catch_run.hpp"
#include "councilvote/crypto/init.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

int cv::test::run_catch(int argc, char *argv[]) {
  // The crypto library refuses to work when its known-answer self-tests fail; so do the tests.
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "crypto self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  return Catch::Session().run(argc, argv);
}
