#include "status_panel.hpp"

#include "error_text.hpp"

#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QVBoxLayout>
#include <limits>

namespace cv::gui {

StatusPanel::StatusPanel(QWidget *parent) : QWidget(parent) {
  auto *l = new QVBoxLayout(this);
  l->setContentsMargins(0, 0, 0, 0);
  message_ = new QLabel(this);
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  detail_ = new QLabel(this);
  detail_->setWordWrap(true);
  bar_ = new QProgressBar(this);
  bar_->setTextVisible(false);
  bar_->setMaximumHeight(12);
  l->addWidget(message_);
  l->addWidget(detail_);
  l->addWidget(bar_);
  render();
}

QString StatusPanel::step_text(Step step) {
  switch (step) {
  case Step::identity:
    return tr("Creating your identity (sealing the key with your passphrase)…");
  case Step::bundle:
    return tr("Reading the enrollment bundle…");
  case Step::unlock:
    return tr("Unlocking your key…");
  case Step::connect:
    return tr("Connecting to the meeting's server…");
  case Step::board:
    return tr("Reading and checking the bulletin board…");
  case Step::poll:
    return tr("Checking the poll…");
  case Step::encrypt:
    return tr("Encrypting your ballot and making its proofs…");
  case Step::cast:
    return tr("Sending your ballot…");
  case Step::check:
    return tr("Checking your ballot on the bulletin board…");
  case Step::ceremony:
    return tr("Key ceremony: reading the board, sealing your state, sending and checking shares…");
  case Step::decrypt:
    return tr("Recomputing the tally from every ballot on the board…");
  }
  return {};
}

void StatusPanel::show_progress(Step step, quint64 done, quint64 total) {
  error_.reset();
  plain_.clear();
  step_ = step;
  done_ = done;
  total_ = total;
  render();
}

void StatusPanel::show_error(Step step, const protocol::Error &e) {
  step_.reset();
  plain_.clear();
  error_.emplace(step, e);
  render();
}

void StatusPanel::show_message(const QString &text, bool ok) {
  step_.reset();
  error_.reset();
  plain_ = text;
  plain_ok_ = ok;
  render();
}

void StatusPanel::clear() {
  step_.reset();
  error_.reset();
  plain_.clear();
  render();
}

QString StatusPanel::text() const { return message_->text(); }

void StatusPanel::changeEvent(QEvent *e) {
  if (e->type() == QEvent::LanguageChange) render();
  QWidget::changeEvent(e);
}

void StatusPanel::render() {
  message_->setProperty("role", error_ ? "error" : (plain_ok_ && !plain_.isEmpty() ? "ok" : ""));
  message_->style()->unpolish(message_);
  message_->style()->polish(message_);
  detail_->setVisible(error_.has_value());
  bar_->setVisible(step_.has_value());
  if (error_) {
    message_->setText(ErrorText::sentence(error_->first, error_->second));
    detail_->setText(ErrorText::detail(error_->second));
  } else if (step_) {
    message_->setText(step_text(*step_));
    const bool known = total_ > 0 && total_ <= static_cast<quint64>(std::numeric_limits<int>::max());
    bar_->setRange(0, known ? static_cast<int>(total_) : 0);
    if (known) bar_->setValue(static_cast<int>(std::min(done_, total_)));
  } else {
    message_->setText(plain_);
  }
  message_->setVisible(!message_->text().isEmpty());
  message_->setAccessibleName(message_->text());
}

} // namespace cv::gui
