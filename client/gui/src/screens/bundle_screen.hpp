// The enrollment bundle the secretary hands out (a file, or its CV2:… text pasted): read and
// checked, then its short code shown large for the member to compare by eye with the one the
// secretary reads out. Only after "the codes match" is it kept.
#pragma once

#include "../screen.hpp"
#include "councilvote/protocol/bundle.hpp"

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cv::gui {

class MemberSession;

class BundleScreen : public Screen {
  Q_OBJECT
public:
  explicit BundleScreen(MemberSession &session, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }
  // Reads the text (a file's content or what was pasted).
  void read_text(const QString &text);
  [[nodiscard]] const std::optional<protocol::EnrollmentBundle> &candidate() const noexcept {
    return candidate_;
  }

signals:
  void accepted();

private:
  void open_file();
  void show_candidate();
  MemberSession &session_;
  QLabel *title_, *intro_, *paste_caption_, *meeting_, *server_, *code_caption_, *code_, *compare_;
  QPlainTextEdit *paste_;
  QPushButton *open_, *read_, *accept_, *reject_;
  StatusPanel *status_;
  std::optional<protocol::EnrollmentBundle> candidate_;
};

} // namespace cv::gui
