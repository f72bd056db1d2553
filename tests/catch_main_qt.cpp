// The runner of the tests that need an event loop (network, QProcess).
#include "catch_run.hpp"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
  QCoreApplication app(argc, argv); // event loop for the network tests
  return cv::test::run_catch(argc, argv);
}
