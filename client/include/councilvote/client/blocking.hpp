// The one place in client/ that runs a nested event loop (QEventLoop::exec): the blocking calls of
// the CLI, the tools and the tests (Connection::call, Connection::open_blocking, every method of
// Client) wait here for an asynchronous operation to finish. The GUI never calls these: it uses
// Connection::request and AsyncClient, whose continuations run from its own event loop.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace cv::client {

using Millis = std::chrono::milliseconds;

// Calls start(finish), then runs a local event loop until finish() is called or `limit` passed (no
// limit: until finish()). Returns whether finish() was called. A finish() after the return does
// nothing.
bool run_until_finished(const std::function<void(std::function<void()> finish)> &start,
                        std::optional<Millis> limit);

// Starts an asynchronous operation start(done) and waits for its single result; nothing when
// `limit` passed first (a later result is dropped).
template <class T>
[[nodiscard]] std::optional<T> wait_for_result(const std::function<void(std::function<void(T)>)> &start,
                                               std::optional<Millis> limit) {
  auto out = std::make_shared<std::optional<T>>();
  auto taken = std::make_shared<bool>(false);
  run_until_finished(
      [&](std::function<void()> finish) {
        start([out, taken, finish = std::move(finish)](T value) {
          if (*taken || *out) return;
          out->emplace(std::move(value));
          finish();
        });
      },
      limit);
  *taken = true;
  return std::move(*out);
}

} // namespace cv::client
