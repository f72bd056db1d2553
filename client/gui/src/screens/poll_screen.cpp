#include "poll_screen.hpp"

#include "../choice_row.hpp"
#include "../dialogs.hpp"
#include "../language.hpp"
#include "../member_session.hpp"
#include "../status_panel.hpp"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace cv::gui {

PollScreen::PollScreen(QWidget *parent) : Screen(parent) {
  setObjectName(QStringLiteral("poll"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  title_->setWordWrap(true);
  phase_ = new QLabel(this);
  phase_->setObjectName(QStringLiteral("phase"));
  phase_->setWordWrap(true);
  intro_ = new QLabel(this);
  intro_->setWordWrap(true);
  counter_ = new QLabel(this);
  counter_->setObjectName(QStringLiteral("counter"));
  counter_->setProperty("role", "title");
  scroll_ = new QScrollArea(this);
  scroll_->setWidgetResizable(true);
  scroll_->setFocusPolicy(Qt::NoFocus);
  review_ = new QPushButton(this);
  review_->setObjectName(QStringLiteral("review"));
  review_->setAutoDefault(false);
  status_ = new StatusPanel(this);
  auto *top = new QHBoxLayout;
  top->addWidget(intro_, 1);
  top->addWidget(counter_, 0, Qt::AlignRight | Qt::AlignBottom);
  auto *bottom = new QHBoxLayout;
  bottom->addWidget(status_, 1);
  bottom->addWidget(review_, 0, Qt::AlignRight);
  l->addWidget(title_);
  l->addWidget(phase_);
  l->addLayout(top);
  l->addWidget(scroll_, 1);
  l->addLayout(bottom);
  connect(review_, &QPushButton::clicked, this, &PollScreen::review_requested);
  retranslate();
}

bool PollScreen::load(const protocol::PollInfo &info) {
  rows_.clear();
  group_titles_.clear();
  group_buttons_.clear();
  if (list_) list_->deleteLater();
  list_ = new QWidget;
  auto *lay = new QVBoxLayout(list_);
  poll_ = info;
  poll_id_ = info.definition.poll;
  auto d = BallotDraft::of(info.definition);
  if (!d) {
    draft_ = BallotDraft();
    scroll_->setWidget(list_);
    status_->show_message(tr("This poll has a question this version of the program cannot show. "
                             "Vote with councilvote-cli, or ask the secretary."));
    review_->setEnabled(false);
    return false;
  }
  draft_ = std::move(*d);
  review_->setEnabled(true);
  status_->clear();
  rows_.resize(draft_.size());
  for (std::size_t g = 0; g < draft_.groups().size(); ++g) {
    auto *head = new QHBoxLayout;
    auto *t = new QLabel(list_);
    t->setProperty("role", "title");
    t->setWordWrap(true);
    auto *all = new QPushButton(list_);
    all->setObjectName(QStringLiteral("agree-all-%1").arg(g));
    all->setAutoDefault(false);
    connect(all, &QPushButton::clicked, this, [this, g] { agree_group(g); });
    head->addWidget(t, 1);
    head->addWidget(all);
    lay->addLayout(head);
    group_titles_.push_back(t);
    group_buttons_.push_back(all);
    for (auto r : draft_.groups()[g].rows) {
      auto *line = new QFrame(list_);
      line->setFrameShape(QFrame::HLine);
      lay->addWidget(line);
      auto *row = new ChoiceRow(draft_.rows()[r], r, list_);
      connect(row, &ChoiceRow::chosen, this, &PollScreen::choose);
      rows_[r] = row;
      lay->addWidget(row);
    }
    lay->addSpacing(16);
  }
  lay->addStretch(1);
  scroll_->setWidget(list_);
  retranslate();
  return true;
}

void PollScreen::choose(std::size_t row, Choice c) {
  draft_.set(row, c);
  rows_[row]->show_choice(draft_.rows()[row].choice);
  update_counter();
}

void PollScreen::agree_group(std::size_t g) {
  const auto &rows = draft_.groups()[g].rows;
  const auto changed = std::count_if(rows.begin(), rows.end(), [this](std::size_t r) {
    const auto &c = draft_.rows()[r].choice;
    return c && *c != Choice::agree;
  });
  auto apply = [this, g] {
    draft_.set_group(g, Choice::agree);
    for (auto r : draft_.groups()[g].rows) rows_[r]->show_choice(draft_.rows()[r].choice);
    update_counter();
  };
  if (changed == 0) return apply();
  ask(this, QStringLiteral("confirm_group"), tr("Agree with everyone in this group"),
      tr("This changes %n choice(s) you already made in this group to \"Agree\".", "",
         static_cast<int>(changed)),
      tr("Change them to Agree"), tr("Keep my choices"), apply);
}

QString PollScreen::counter_text() const {
  return tr("%1 / %2 chosen").arg(draft_.marked()).arg(draft_.size());
}

void PollScreen::update_counter() {
  counter_->setText(counter_text());
  counter_->setAccessibleName(counter_->text());
}

void PollScreen::show_row(std::size_t i) {
  if (i >= rows_.size()) return;
  auto *row = rows_[i];
  scroll_->ensureWidgetVisible(row, 20, 60);
  const auto &c = draft_.rows()[i].choice;
  row->button(c.value_or(Choice::agree))->setFocus(Qt::OtherFocusReason);
}

void PollScreen::retranslate() {
  const auto &poll = poll_;
  title_->setText(poll ? QString::fromStdString(poll->definition.title) : QString());
  QString phase;
  if (poll && poll->status == protocol::PollStatus::open_remote && poll->definition.remote_window) {
    phase = tr("Early voting for members who are away: open until %1.")
                .arg(local_time_text(poll->definition.remote_window->until_ms));
  } else if (poll) {
    phase = tr("Voting is open.");
  }
  phase_->setText(phase);
  intro_->setText(tr("For each nominee choose Agree, Disagree or Leave blank. A row you do not mark "
                     "counts as blank, never as Disagree. You can change any choice until you cast."));
  for (std::size_t g = 0; g < group_titles_.size(); ++g) {
    const auto &grp = draft_.groups()[g];
    group_titles_[g]->setText(tr("%1 (%n nominee(s))", "", static_cast<int>(grp.rows.size()))
                                  .arg(QString::fromStdString(grp.award)));
    group_buttons_[g]->setText(tr("Agree with everyone in this group"));
    group_buttons_[g]->setAccessibleName(
        tr("Agree with everyone in the group %1").arg(QString::fromStdString(grp.award)));
  }
  review_->setText(tr("Review my ballot →"));
  review_->setAccessibleName(tr("Review my ballot"));
  update_counter();
}

} // namespace cv::gui
