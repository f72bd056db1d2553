// The review before casting: every nominee with the choice that will be cast (a row left unmarked
// says "Blank (not chosen)"), a "Change" button per row that returns to that row, and one cast
// button whose confirmation says the vote cannot be changed afterwards. Enter never casts: the
// cast button is no default button, and the confirmation's default is "Go back".
#pragma once

#include "../ballot_draft.hpp"
#include "../screen.hpp"

#include <vector>

class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace cv::gui {

class MemberSession;

class ReviewScreen : public Screen {
  Q_OBJECT
public:
  explicit ReviewScreen(MemberSession &session, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }
  void show_draft(const BallotDraft &draft);
  [[nodiscard]] QPushButton *change_button(std::size_t row) const { return change_.at(row); }
  [[nodiscard]] QPushButton *cast_button() const noexcept { return cast_; }
  [[nodiscard]] QString choice_shown(std::size_t row) const; // the choice column's text
  // After a failed cast: the button says "Try again" (the same saved ballot is sent).
  void set_retry(bool retry);

signals:
  void edit_requested(std::size_t row);
  void back_requested();
  void cast_confirmed();

private:
  void confirm();
  MemberSession &session_;
  QLabel *title_, *intro_, *summary_;
  QScrollArea *scroll_;
  QWidget *list_ = nullptr;
  std::vector<QLabel *> names_, choices_;
  std::vector<QPushButton *> change_;
  QPushButton *back_, *cast_;
  StatusPanel *status_;
  BallotDraft draft_;
  bool retry_ = false;
};

} // namespace cv::gui
