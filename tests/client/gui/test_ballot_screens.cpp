// The ballot and review screens without a server (a synthetic poll): the arrow keys never change
// a choice already made, the "x / N" counter, "agree with everyone in this group", a row left
// unmarked reviewed and cast as blank, "Change" returns to its row, Enter alone never casts.
#include "ballot_draft.hpp"
#include "choice_row.hpp"
#include "gui_support.hpp"
#include "language.hpp"
#include "member_session.hpp"
#include "screens/poll_screen.hpp"
#include "screens/review_screen.hpp"

#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace cvguitest;
using cv::gui::Choice;

namespace {

struct Screens {
  QTemporaryDir dir;
  cv::gui::MemberSession session{{dir.path().toStdString(), true, false}};
  cv::gui::PollScreen poll;
  cv::gui::ReviewScreen review{session};
  explicit Screens(const std::vector<int> &per_award) {
    REQUIRE(poll.load(synthetic_poll(per_award)));
    poll.resize(900, 700);
    poll.show();
    REQUIRE(QTest::qWaitForWindowExposed(&poll));
  }
};

bool checked_only(const cv::gui::ChoiceRow *row, std::optional<Choice> c) {
  for (auto k : {Choice::agree, Choice::disagree, Choice::blank})
    if (row->button(k)->isChecked() != (c == k)) return false;
  return true;
}

} // namespace

TEST_CASE("ballot: the arrow keys never change a choice already made", "[gui][keys]") {
  Screens s({3});
  auto *row = s.poll.row(0);
  click(row->button(Choice::agree));
  REQUIRE(s.poll.draft().rows()[0].choice == Choice::agree);
  for (auto *focus :
       {row->button(Choice::agree), row->button(Choice::disagree), row->button(Choice::blank)}) {
    focus->setFocus(Qt::OtherFocusReason);
    for (auto key : {Qt::Key_Right, Qt::Key_Left, Qt::Key_Down, Qt::Key_Up, Qt::Key_Right, Qt::Key_Right}) {
      QTest::keyClick(QApplication::focusWidget(), key);
      CHECK(s.poll.draft().rows()[0].choice == Choice::agree);
      CHECK(checked_only(row, Choice::agree));
    }
  }
  // The same for a "disagree" on the next row, and the neighbouring rows stay as they were.
  click(s.poll.row(1)->button(Choice::disagree));
  s.poll.row(1)->button(Choice::disagree)->setFocus(Qt::OtherFocusReason);
  for (auto key : {Qt::Key_Left, Qt::Key_Up, Qt::Key_Right, Qt::Key_Down})
    QTest::keyClick(QApplication::focusWidget(), key);
  CHECK(s.poll.draft().rows()[1].choice == Choice::disagree);
  CHECK(checked_only(s.poll.row(1), Choice::disagree));
  CHECK(s.poll.draft().rows()[0].choice == Choice::agree);
  CHECK_FALSE(s.poll.draft().rows()[2].choice.has_value());
  CHECK(checked_only(s.poll.row(2), std::nullopt));
  // Enter on a choice button does nothing either.
  s.poll.row(2)->button(Choice::agree)->setFocus(Qt::OtherFocusReason);
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
  CHECK_FALSE(s.poll.draft().rows()[2].choice.has_value());
}

TEST_CASE("ballot: the x / N counter counts the rows marked, blank included", "[gui][counter]") {
  Screens s({2, 3});
  CHECK(str(s.poll.counter_text()) == "0 / 5 đã chọn");
  click(s.poll.row(0)->button(Choice::blank));
  CHECK(str(s.poll.counter_text()) == "1 / 5 đã chọn");
  CHECK(s.poll.draft().count(Choice::blank) == 1);
  CHECK(s.poll.draft().count(Choice::disagree) == 0); // blank is never "no"
  click(s.poll.row(0)->button(Choice::agree));        // a change, not one more
  CHECK(str(s.poll.counter_text()) == "1 / 5 đã chọn");
  click(s.poll.group_button(1)); // the second group: 3 rows, none marked yet — no question asked
  CHECK(str(s.poll.counter_text()) == "4 / 5 đã chọn");
  for (std::size_t r : {2u, 3u, 4u}) CHECK(s.poll.draft().rows()[r].choice == Choice::agree);
  CHECK_FALSE(s.poll.draft().rows()[1].choice.has_value());
  REQUIRE(cv::gui::set_language(cv::gui::Language::en));
  CHECK(str(s.poll.counter_text()) == "4 / 5 chosen");
  REQUIRE(cv::gui::set_language(cv::gui::Language::vi));
}

TEST_CASE("ballot: agree with everyone asks first when it would change a choice made", "[gui][group]") {
  Screens s({3});
  click(s.poll.row(1)->button(Choice::disagree));
  click(s.poll.group_button(0));
  auto *box = visible_child<QMessageBox>(&s.poll, QStringLiteral("confirm_group"));
  REQUIRE(box != nullptr);
  CHECK(s.poll.draft().rows()[1].choice == Choice::disagree); // not yet
  click(box->findChild<QPushButton *>(QStringLiteral("reject")));
  spin_for(50);
  CHECK(s.poll.draft().rows()[1].choice == Choice::disagree);
  CHECK_FALSE(s.poll.draft().rows()[0].choice.has_value());
  click(s.poll.group_button(0));
  box = visible_child<QMessageBox>(&s.poll, QStringLiteral("confirm_group"));
  REQUIRE(box != nullptr);
  click(box->findChild<QPushButton *>(QStringLiteral("accept")));
  for (std::size_t r = 0; r < 3; ++r) CHECK(s.poll.draft().rows()[r].choice == Choice::agree);
}

TEST_CASE("review: a row left unmarked is shown and cast as blank, Change returns to it", "[gui][review]") {
  Screens s({2, 2});
  click(s.poll.row(0)->button(Choice::agree));
  click(s.poll.row(1)->button(Choice::disagree));
  click(s.poll.row(2)->button(Choice::blank));
  s.review.show_draft(s.poll.draft());
  s.review.show();
  CHECK(str(s.review.choice_shown(0)) == "Đồng ý");
  CHECK(str(s.review.choice_shown(1)) == "Không đồng ý");
  CHECK(str(s.review.choice_shown(2)) == "Để trống");
  CHECK(str(s.review.choice_shown(3)) == "Để trống (chưa chọn)");
  const auto choices = s.poll.draft().choices();
  REQUIRE(choices.size() == 4);
  CHECK(choices[2].choice == Choice::blank);
  CHECK(choices[3].choice == Choice::blank); // never disagree
  CHECK(choices[1].choice == Choice::disagree);

  std::vector<std::size_t> edits;
  QObject::connect(&s.review, &cv::gui::ReviewScreen::edit_requested,
                   [&](std::size_t r) { edits.push_back(r); });
  click(s.review.change_button(2));
  REQUIRE(edits.size() == 1);
  CHECK(edits.front() == 2);
  s.poll.show_row(2);
  REQUIRE(QApplication::focusWidget() != nullptr);
  CHECK(s.poll.row(2)->isAncestorOf(QApplication::focusWidget()));
  CHECK(QApplication::focusWidget() == s.poll.row(2)->button(Choice::blank)); // the choice made
}

TEST_CASE("review: Enter alone never casts, only the confirmation's cast button does", "[gui][review]") {
  Screens s({2});
  click(s.poll.row(0)->button(Choice::agree));
  s.review.show_draft(s.poll.draft());
  s.review.resize(900, 700);
  s.review.show();
  REQUIRE(QTest::qWaitForWindowExposed(&s.review));
  QSignalSpy cast(&s.review, &cv::gui::ReviewScreen::cast_confirmed);
  // Enter on the screen and on the cast button itself.
  s.review.cast_button()->setFocus(Qt::OtherFocusReason);
  QTest::keyClick(s.review.cast_button(), Qt::Key_Return);
  QTest::keyClick(s.review.cast_button(), Qt::Key_Enter);
  QTest::keyClick(&s.review, Qt::Key_Return);
  spin_for(50);
  CHECK(cast.count() == 0);
  CHECK(visible_child<QMessageBox>(&s.review, QStringLiteral("confirm_cast")) == nullptr);
  // The confirmation: Enter presses its default button, "Go back".
  click(s.review.cast_button());
  auto *box = visible_child<QMessageBox>(&s.review, QStringLiteral("confirm_cast"));
  REQUIRE(box != nullptr);
  CHECK(box->text().contains(QStringLiteral("không thể thay đổi")));
  CHECK(box->defaultButton() == box->findChild<QPushButton *>(QStringLiteral("reject")));
  CHECK(str(box->findChild<QPushButton *>(QStringLiteral("reject"))->text()) == "Quay lại");
  CHECK(str(box->findChild<QPushButton *>(QStringLiteral("accept"))->text()) == "Bỏ phiếu");
  QTest::keyClick(box, Qt::Key_Return);
  spin_for(50);
  CHECK(cast.count() == 0);
  click(s.review.cast_button());
  box = visible_child<QMessageBox>(&s.review, QStringLiteral("confirm_cast"));
  REQUIRE(box != nullptr);
  QTest::keyClick(box, Qt::Key_Escape);
  spin_for(50);
  CHECK(cast.count() == 0);
  click(s.review.cast_button());
  box = visible_child<QMessageBox>(&s.review, QStringLiteral("confirm_cast"));
  REQUIRE(box != nullptr);
  click(box->findChild<QPushButton *>(QStringLiteral("accept")));
  CHECK(cast.count() == 1);
}
