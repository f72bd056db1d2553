// The line under a screen's buttons that says what is happening: a step in progress (with a bar),
// an error sentence (error_text.hpp) with its detail, or a plain message. The words for the
// member's steps (Step) are here.
#pragma once

#include "member_session.hpp"

#include <QCoreApplication>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace cv::gui {

class StatusPanel : public QWidget {
  Q_OBJECT
public:
  explicit StatusPanel(QWidget *parent = nullptr);
  void show_progress(Step step, quint64 done, quint64 total);
  void show_error(Step step, const protocol::Error &e);
  void show_message(const QString &text, bool ok = false);
  void clear();
  [[nodiscard]] QString text() const; // what the panel says now (tests)
  [[nodiscard]] bool showing_error() const noexcept { return error_.has_value(); }
  [[nodiscard]] static QString step_text(Step step);

protected:
  void changeEvent(QEvent *e) override;

private:
  void render();
  QLabel *message_;
  QLabel *detail_;
  QProgressBar *bar_;
  std::optional<Step> step_;
  std::optional<std::pair<Step, protocol::Error>> error_;
  QString plain_;
  bool plain_ok_ = false;
  quint64 done_ = 0, total_ = 0;
};

} // namespace cv::gui
