#include "review_screen.hpp"

#include "../choice_row.hpp"
#include "../dialogs.hpp"
#include "../member_session.hpp"
#include "../status_panel.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cv::gui {

ReviewScreen::ReviewScreen(MemberSession &session, QWidget *parent) : Screen(parent), session_(session) {
  setObjectName(QStringLiteral("review"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  intro_ = new QLabel(this);
  intro_->setWordWrap(true);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("summary"));
  summary_->setProperty("role", "title");
  summary_->setWordWrap(true);
  scroll_ = new QScrollArea(this);
  scroll_->setWidgetResizable(true);
  scroll_->setFocusPolicy(Qt::NoFocus);
  back_ = new QPushButton(this);
  back_->setObjectName(QStringLiteral("back"));
  cast_ = new QPushButton(this);
  cast_->setObjectName(QStringLiteral("cast"));
  cast_->setProperty("role", "cast"); // the one unmistakable step
  cast_->setMinimumHeight(44);
  for (auto *b : {back_, cast_}) {
    b->setAutoDefault(false);
    b->setDefault(false);
  }
  status_ = new StatusPanel(this);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(back_);
  buttons->addStretch(1);
  buttons->addWidget(cast_);
  l->addWidget(title_);
  l->addWidget(intro_);
  l->addWidget(summary_);
  l->addWidget(scroll_, 1);
  l->addLayout(buttons);
  l->addWidget(status_);
  connect(back_, &QPushButton::clicked, this, &ReviewScreen::back_requested);
  connect(cast_, &QPushButton::clicked, this, &ReviewScreen::confirm);
  connect(&session_, &MemberSession::busy_changed, this, [this](bool busy) {
    cast_->setEnabled(!busy);
    back_->setEnabled(!busy);
    for (auto *b : change_) b->setEnabled(!busy);
  });
  retranslate();
}

void ReviewScreen::show_draft(const BallotDraft &draft) {
  draft_ = draft;
  names_.clear();
  choices_.clear();
  change_.clear();
  if (list_) list_->deleteLater();
  list_ = new QWidget;
  auto *grid = new QGridLayout(list_);
  int line = 0;
  for (const auto &g : draft_.groups()) {
    auto *head = new QLabel(QString::fromStdString(g.award), list_);
    head->setProperty("role", "title");
    head->setWordWrap(true);
    grid->addWidget(head, line++, 0, 1, 3);
    for (auto r : g.rows) {
      const auto &row = draft_.rows()[r];
      auto *name = new QLabel(list_);
      name->setWordWrap(true);
      name->setText(QString::number(row.nominee.nominee_no) + QStringLiteral(". ") +
                    QString::fromStdString(row.nominee.name));
      auto *choice = new QLabel(list_);
      choice->setProperty("role", "title");
      auto *change = new QPushButton(list_);
      change->setObjectName(QStringLiteral("change-%1").arg(r));
      change->setAutoDefault(false);
      connect(change, &QPushButton::clicked, this, [this, r] { emit edit_requested(r); });
      grid->addWidget(name, line, 0);
      grid->addWidget(choice, line, 1);
      grid->addWidget(change, line, 2);
      ++line;
      names_.push_back(name);
      choices_.push_back(choice);
      change_.push_back(change);
    }
  }
  // change_ is indexed by draft row: reorder from group order.
  std::vector<QPushButton *> by_row(draft_.size());
  std::vector<QLabel *> choice_by_row(draft_.size());
  std::size_t k = 0;
  for (const auto &g : draft_.groups())
    for (auto r : g.rows) {
      by_row[r] = change_[k];
      choice_by_row[r] = choices_[k];
      ++k;
    }
  change_ = std::move(by_row);
  choices_ = std::move(choice_by_row);
  grid->setColumnStretch(0, 1);
  grid->setRowStretch(line, 1);
  scroll_->setWidget(list_);
  status_->clear();
  retranslate();
}

QString ReviewScreen::choice_shown(std::size_t row) const { return choices_.at(row)->text(); }

void ReviewScreen::set_retry(bool retry) {
  retry_ = retry;
  retranslate();
}

void ReviewScreen::confirm() {
  if (retry_) return emit cast_confirmed(); // the same saved ballot again: nothing new is decided
  ask(this, QStringLiteral("confirm_cast"), tr("Cast your ballot"),
      tr("You are about to cast your ballot: %1 Agree, %2 Disagree, %3 Blank.\n\nOnce cast, your vote "
         "cannot be changed or taken back.")
          .arg(draft_.count(Choice::agree))
          .arg(draft_.count(Choice::disagree))
          .arg(draft_.count(Choice::blank) + draft_.unmarked()),
      tr("Cast my ballot"), tr("Go back"), [this] { emit cast_confirmed(); });
}

void ReviewScreen::retranslate() {
  title_->setText(tr("Review your ballot"));
  intro_->setText(tr("Check every row. \"Change\" takes you back to that nominee. Your ballot is cast "
                     "only when you press the button below and confirm."));
  summary_->setText(tr("Agree: %1 · Disagree: %2 · Blank: %3 (of which not chosen: %4)")
                        .arg(draft_.count(Choice::agree))
                        .arg(draft_.count(Choice::disagree))
                        .arg(draft_.count(Choice::blank) + draft_.unmarked())
                        .arg(draft_.unmarked()));
  for (std::size_t r = 0; r < change_.size(); ++r) {
    const auto &row = draft_.rows()[r];
    choices_[r]->setText(ChoiceRow::choice_text(row.choice));
    change_[r]->setText(tr("Change"));
    change_[r]->setAccessibleName(
        tr("Change the choice for %1").arg(QString::fromStdString(row.nominee.name)));
  }
  back_->setText(tr("← Back to the ballot"));
  back_->setAccessibleName(tr("Back to the ballot"));
  cast_->setText(retry_ ? tr("Try again") : tr("Cast my ballot…"));
  cast_->setAccessibleName(retry_ ? tr("Try again") : tr("Cast my ballot"));
}

} // namespace cv::gui
