// The open poll: the nominees grouped by award, one ChoiceRow each (Đồng ý / Không đồng ý / Để
// trống), "Agree with everyone in this group" per group, and a neutral "x / N chosen" count. Going
// on leads to the review; nothing is cast from here.
#pragma once

#include "../ballot_draft.hpp"
#include "../screen.hpp"

#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace cv::gui {

class ChoiceRow;

class PollScreen : public Screen {
  Q_OBJECT
public:
  explicit PollScreen(QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }
  // A fresh draft of this poll. False (and a message) when the poll cannot be shown here.
  bool load(const protocol::PollInfo &poll);
  [[nodiscard]] const BallotDraft &draft() const noexcept { return draft_; }
  [[nodiscard]] ChoiceRow *row(std::size_t i) const { return rows_.at(i); }
  [[nodiscard]] QPushButton *group_button(std::size_t g) const { return group_buttons_.at(g); }
  [[nodiscard]] QString counter_text() const;
  [[nodiscard]] const std::string &poll_id() const noexcept { return poll_id_; }
  // Scrolls to the row and gives the focus to its chosen button (or its first one).
  void show_row(std::size_t i);

signals:
  void review_requested();

private:
  void choose(std::size_t row, Choice c);
  void agree_group(std::size_t g);
  void update_counter();
  QLabel *title_, *phase_, *intro_, *counter_;
  QScrollArea *scroll_;
  QWidget *list_ = nullptr;
  std::vector<ChoiceRow *> rows_;
  std::vector<QLabel *> group_titles_;
  std::vector<QPushButton *> group_buttons_;
  QPushButton *review_;
  StatusPanel *status_;
  BallotDraft draft_;
  std::string poll_id_;
  std::optional<protocol::PollInfo> poll_;
};

} // namespace cv::gui
