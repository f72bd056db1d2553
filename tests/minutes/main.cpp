// The runner of the minutes' tests: a QGuiApplication (fonts, QPdfWriter) on the offscreen platform.
#include "catch_run.hpp"

#include <QGuiApplication>

int main(int argc, char *argv[]) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  return cv::test::run_catch(argc, argv);
}
