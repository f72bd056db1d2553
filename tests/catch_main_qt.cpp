// The Catch2 runner of the tests that need an event loop (network, QProcess): compiled once.
#define CATCH_CONFIG_RUNNER
#include "councilvote/crypto/init.hpp"

#include <QCoreApplication>
#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char *argv[]) {
  QCoreApplication app(argc, argv); // event loop for the network tests
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "crypto self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  return Catch::Session().run(argc, argv);
}
