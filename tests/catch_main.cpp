// The Catch2 runner of the tests without Qt: compiled once, linked by each test executable.
#define CATCH_CONFIG_RUNNER
#include "councilvote/crypto/init.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char *argv[]) {
  // The crypto library refuses to work when its known-answer self-tests fail; so do the tests.
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "crypto self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  return Catch::Session().run(argc, argv);
}
