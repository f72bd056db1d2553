// Connected, but nothing to vote on: no poll on the board yet, or the newest poll is closed and this
// member did not vote in it. Refreshes by itself when the server says a poll was opened.
#pragma once

#include "../screen.hpp"

class QLabel;
class QPushButton;

namespace cv::gui {

class MemberSession;

class WaitingScreen : public Screen {
  Q_OBJECT
public:
  explicit WaitingScreen(MemberSession &session, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }
  [[nodiscard]] QString message() const;

private:
  MemberSession &session_;
  QLabel *title_, *message_;
  QPushButton *refresh_;
  StatusPanel *status_;
};

} // namespace cv::gui
