// The Catch2 runner of the minutes' tests: a QGuiApplication (fonts, QPdfWriter) on the offscreen
// platform.
#define CATCH_CONFIG_RUNNER
#include "councilvote/crypto/init.hpp"

#include <QGuiApplication>
#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char *argv[]) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "crypto self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  return Catch::Session().run(argc, argv);
}
