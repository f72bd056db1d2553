// One nominee's row of the ballot: number, name, position, unit, award, and three buttons —
// Đồng ý, Không đồng ý, Để trống. The buttons are checkable but neither auto-exclusive nor in a
// QButtonGroup: this code alone decides which one is checked, so the arrow keys (which move and
// click the check in Qt's exclusive groups) never change a choice already made; a choice changes
// only by a click or Space on the button itself.
#pragma once

#include "ballot_draft.hpp"

#include <QWidget>
#include <array>

class QLabel;
class QPushButton;

namespace cv::gui {

class ChoiceRow : public QWidget {
  Q_OBJECT
public:
  ChoiceRow(const DraftRow &row, std::size_t index, QWidget *parent = nullptr);
  // Shows the draft's choice (none: no button checked).
  void show_choice(std::optional<Choice> c);
  [[nodiscard]] QPushButton *button(Choice c) const;
  [[nodiscard]] std::size_t index() const noexcept { return index_; }
  void retranslate();
  // Text of a choice as the ballot and the review say it.
  [[nodiscard]] static QString choice_text(std::optional<Choice> c);

signals:
  void chosen(std::size_t index, cv::gui::Choice c);

protected:
  void changeEvent(QEvent *e) override;

private:
  std::size_t index_;
  record::NomineeRow nominee_;
  QLabel *number_, *name_, *details_;
  std::array<QPushButton *, 3> buttons_{}; // agree, disagree, blank
};

} // namespace cv::gui
