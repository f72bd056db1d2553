// The runner of the GUI tests: a QApplication on the offscreen platform, the Vietnamese translation
// (the default) and the application's font; then the one Catch2 session (tests/catch_session.cpp).
#include "appearance.hpp"
#include "catch_run.hpp"
#include "language.hpp"

#include <QApplication>
#include <cstdio>

int main(int argc, char *argv[]) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  if (!cv::gui::set_language(cv::gui::Language::vi)) {
    std::fprintf(stderr, "the Vietnamese translation is not in the resources\n");
    return 1;
  }
  cv::gui::apply_appearance({});
  return cv::test::run_catch(argc, argv);
}
