// After casting (and on every later start): "You have voted", the short tracking code large, where
// the receipt is saved, and a check against the bulletin board at any time — after publication
// also against the published record — saying plainly what to do if it does not match.
#pragma once

#include "../member_session.hpp"
#include "../screen.hpp"

#include <optional>

class QLabel;
class QPushButton;

namespace cv::gui {

class ReceiptScreen : public Screen {
  Q_OBJECT
public:
  explicit ReceiptScreen(MemberSession &session, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }
  void reload();
  void show_outcome(const CheckOutcome &outcome);
  [[nodiscard]] QString tracking_code() const;
  [[nodiscard]] QString outcome_text() const;
  [[nodiscard]] QPushButton *check_button() const noexcept { return check_; }

private:
  MemberSession &session_;
  QLabel *title_, *poll_, *code_caption_, *code_, *full_, *saved_, *explain_, *outcome_;
  QPushButton *check_;
  StatusPanel *status_;
  std::optional<CheckOutcome> last_;
};

} // namespace cv::gui
