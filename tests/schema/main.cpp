#define CATCH_CONFIG_RUNNER
#include "councilvote/crypto/init.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char *argv[]) {
  // The store hashes the board with the crypto library, which refuses to work when its self-tests fail.
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "crypto self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  return Catch::Session().run(argc, argv);
}
