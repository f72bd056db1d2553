#include "councilvote/client/blocking.hpp"

#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <climits>

namespace cv::client {

namespace {

struct LoopState {
  bool finished = false;
  QEventLoop *loop = nullptr; // while run_until_finished waits
};

} // namespace

bool run_until_finished(const std::function<void(std::function<void()> finish)> &start,
                        std::optional<Millis> limit) {
  auto state = std::make_shared<LoopState>();
  QEventLoop loop;
  state->loop = &loop;
  start([state] {
    state->finished = true;
    if (state->loop) state->loop->quit();
  });
  if (!state->finished) {
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (limit) guard.start(static_cast<int>(std::clamp<Millis::rep>(limit->count(), 0, INT_MAX)));
    loop.exec();
  }
  state->loop = nullptr;
  return state->finished;
}

} // namespace cv::client
