// Waiting in the event loop: the one spin_until of the tools (demo, load benchmark) and the tests
// (tests/integration, tests/client). Qt Core only, header-only.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

namespace cv::tools {

// Runs the event loop until pred() holds or timeout_ms passed; returns pred().
template <class Pred> bool spin_until(Pred pred, int timeout_ms) {
  QElapsedTimer t;
  t.start();
  while (!pred() && t.elapsed() < timeout_ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  return pred();
}

} // namespace cv::tools
