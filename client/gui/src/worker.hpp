// Work off the GUI thread: run_worker(context, work, then) runs `work` on a worker thread and
// `then` with its result on `context`'s thread, unless `context` is gone. A QObject that starts
// workers waits for them in its destructor (wait_for_workers): their watchers are its children.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace cv::gui {

template <class T, class Work, class Then> void run_worker(QObject *context, Work work, Then then) {
  auto *watcher = new QFutureWatcher<std::shared_ptr<T>>(context);
  QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                   [watcher, then = std::move(then)]() mutable {
                     auto result = watcher->result();
                     watcher->deleteLater();
                     then(std::move(*result));
                   });
  watcher->setFuture(QtConcurrent::run([work = std::move(work)] { return std::make_shared<T>(work()); }));
}

inline void wait_for_workers(QObject *context) {
  for (auto *w : context->findChildren<QFutureWatcherBase *>()) w->waitForFinished();
}

} // namespace cv::gui
