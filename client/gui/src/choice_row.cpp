#include "choice_row.hpp"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace cv::gui {

namespace {
constexpr std::array<Choice, 3> kChoices = {Choice::agree, Choice::disagree, Choice::blank};
std::size_t slot(Choice c) { return c == Choice::agree ? 0 : c == Choice::disagree ? 1 : 2; }
} // namespace

ChoiceRow::ChoiceRow(const DraftRow &row, std::size_t index, QWidget *parent)
    : QWidget(parent), index_(index), nominee_(row.nominee) {
  setObjectName(QStringLiteral("row-%1").arg(nominee_.nominee_no));
  auto *grid = new QGridLayout(this);
  grid->setContentsMargins(4, 6, 4, 6);
  number_ = new QLabel(this);
  number_->setMinimumWidth(36);
  number_->setAlignment(Qt::AlignRight | Qt::AlignTop);
  name_ = new QLabel(this);
  name_->setProperty("role", "title");
  name_->setWordWrap(true);
  details_ = new QLabel(this);
  details_->setWordWrap(true);
  grid->addWidget(number_, 0, 0, 2, 1);
  grid->addWidget(name_, 0, 1);
  grid->addWidget(details_, 1, 1);
  auto *buttons = new QHBoxLayout;
  for (auto c : kChoices) {
    auto *b = new QPushButton(this);
    b->setCheckable(true);
    b->setAutoExclusive(false);
    b->setAutoDefault(false);
    b->setProperty("choice", true);
    b->setObjectName(QString::fromUtf8(client::roles::choice_name(c).data()));
    b->setMinimumWidth(120);
    connect(b, &QPushButton::clicked, this, [this, c] { emit chosen(index_, c); });
    buttons_[slot(c)] = b;
    buttons->addWidget(b);
  }
  grid->addLayout(buttons, 0, 2, 2, 1, Qt::AlignVCenter);
  grid->setColumnStretch(1, 1);
  retranslate();
  show_choice(row.choice);
}

QPushButton *ChoiceRow::button(Choice c) const { return buttons_[slot(c)]; }

void ChoiceRow::show_choice(std::optional<Choice> c) {
  for (auto k : kChoices) button(k)->setChecked(c == k);
}

QString ChoiceRow::choice_text(std::optional<Choice> c) {
  if (!c) return tr("Blank (not chosen)");
  switch (*c) {
  case Choice::agree:
    return tr("Agree");
  case Choice::disagree:
    return tr("Disagree");
  case Choice::blank:
    return tr("Blank");
  }
  return {};
}

void ChoiceRow::retranslate() {
  const QString name = QString::fromStdString(nominee_.name);
  number_->setText(QString::number(nominee_.nominee_no) + QLatin1Char('.'));
  name_->setText(name);
  QStringList parts;
  if (!nominee_.position.empty()) parts << QString::fromStdString(nominee_.position);
  if (!nominee_.unit.empty()) parts << QString::fromStdString(nominee_.unit);
  details_->setText(parts.join(QStringLiteral(" — ")) + QStringLiteral("\n") +
                    tr("Award: %1").arg(QString::fromStdString(nominee_.award)));
  button(Choice::agree)->setText(tr("Agree"));
  button(Choice::disagree)->setText(tr("Disagree"));
  button(Choice::blank)->setText(tr("Leave blank"));
  for (auto c : kChoices)
    button(c)->setAccessibleName(
        tr("%1: %2 (nominee %3)").arg(button(c)->text(), name).arg(nominee_.nominee_no));
}

void ChoiceRow::changeEvent(QEvent *e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(e);
}

} // namespace cv::gui
