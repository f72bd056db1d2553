// Unlock the key with the passphrase and connect to the server the bundle pins. A server whose
// certificate is not the pinned one is refused with a plain sentence: there is no button to
// connect anyway.
#pragma once

#include "../screen.hpp"

class QLabel;
class QLineEdit;
class QPushButton;

namespace cv::gui {

class MemberSession;

class UnlockScreen : public Screen {
  Q_OBJECT
public:
  explicit UnlockScreen(MemberSession &session, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }

private:
  void unlock();
  MemberSession &session_;
  QLabel *title_, *who_, *meeting_, *pass_caption_;
  QLineEdit *pass_;
  QPushButton *unlock_;
  StatusPanel *status_;
};

} // namespace cv::gui
