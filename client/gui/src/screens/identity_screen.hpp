// First run: the member creates an identity — a name for the key and a passphrase (typed twice,
// with its strength shown as it is typed) that seals the key file.
#pragma once

#include "../screen.hpp"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cv::gui {

class MemberSession;

class IdentityScreen : public Screen {
  Q_OBJECT
public:
  explicit IdentityScreen(MemberSession &session, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }

private:
  void update_strength();
  void create();
  MemberSession &session_;
  QLabel *title_, *intro_, *label_caption_, *pass_caption_, *confirm_caption_, *strength_text_;
  QLineEdit *label_, *pass_, *confirm_;
  QProgressBar *strength_bar_;
  QPushButton *create_;
  StatusPanel *status_;
};

} // namespace cv::gui
