// The Catch2 runner of the GUI tests: a QApplication on the offscreen platform, the crypto
// self-test, the Vietnamese translation (the default) and the application's font.
#define CATCH_CONFIG_RUNNER
#include "appearance.hpp"
#include "councilvote/crypto/init.hpp"
#include "language.hpp"

#include <QApplication>
#include <catch2/catch.hpp>
#include <cstdio>

int main(int argc, char *argv[]) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "crypto self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  if (!cv::gui::set_language(cv::gui::Language::vi)) {
    std::fprintf(stderr, "the Vietnamese translation is not in the resources\n");
    return 1;
  }
  cv::gui::apply_appearance({});
  return Catch::Session().run(argc, argv);
}
