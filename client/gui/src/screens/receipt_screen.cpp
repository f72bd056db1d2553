#include "receipt_screen.hpp"

#include "../language.hpp"
#include "../status_panel.hpp"
#include "councilvote/crypto/ballot.hpp"

#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace cv::gui {

ReceiptScreen::ReceiptScreen(MemberSession &session, QWidget *parent) : Screen(parent), session_(session) {
  setObjectName(QStringLiteral("receipt"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setObjectName(QStringLiteral("voted"));
  title_->setProperty("role", "ok");
  QFont big = title_->font();
  big.setPointSizeF(big.pointSizeF() * 1.6);
  title_->setFont(big);
  poll_ = new QLabel(this);
  poll_->setWordWrap(true);
  code_caption_ = new QLabel(this);
  code_ = new QLabel(this);
  code_->setObjectName(QStringLiteral("tracking_code"));
  code_->setProperty("role", "code");
  QFont huge = code_->font();
  huge.setPointSizeF(huge.pointSizeF() * 2.6);
  code_->setFont(huge);
  code_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  full_ = new QLabel(this);
  full_->setWordWrap(true);
  full_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  saved_ = new QLabel(this);
  saved_->setWordWrap(true);
  saved_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  explain_ = new QLabel(this);
  explain_->setWordWrap(true);
  check_ = new QPushButton(this);
  check_->setObjectName(QStringLiteral("check"));
  check_->setAutoDefault(false);
  outcome_ = new QLabel(this);
  outcome_->setObjectName(QStringLiteral("outcome"));
  outcome_->setWordWrap(true);
  status_ = new StatusPanel(this);
  l->addWidget(title_);
  l->addWidget(poll_);
  l->addWidget(code_caption_);
  l->addWidget(code_);
  l->addWidget(full_);
  l->addWidget(saved_);
  l->addWidget(explain_);
  l->addWidget(check_, 0, Qt::AlignLeft);
  l->addWidget(outcome_);
  l->addWidget(status_);
  l->addStretch(1);
  connect(check_, &QPushButton::clicked, this, [this] {
    last_.reset();
    retranslate();
    session_.check();
  });
  connect(&session_, &MemberSession::busy_changed, this, [this](bool busy) { check_->setEnabled(!busy); });
  retranslate();
}

void ReceiptScreen::reload() {
  last_.reset();
  status_->clear();
  retranslate();
}

void ReceiptScreen::show_outcome(const CheckOutcome &outcome) {
  last_ = outcome;
  status_->clear();
  retranslate();
}

QString ReceiptScreen::tracking_code() const { return code_->text(); }
QString ReceiptScreen::outcome_text() const { return outcome_->text(); }

void ReceiptScreen::retranslate() {
  title_->setText(tr("You have voted"));
  const auto &saved = session_.saved();
  const auto &poll = session_.poll();
  poll_->setText(poll ? tr("Poll: %1").arg(QString::fromStdString(poll->info.definition.title)) : QString());
  code_caption_->setText(tr("Your tracking code:"));
  if (saved && saved->receipt) {
    code_->setText(QString::fromStdString(crypto::short_tracking_code(saved->tracking_code)));
    code_->setAccessibleName(tr("Tracking code %1").arg(code_->text()));
    full_->setText(tr("Full code: %1\nReceived by the server at %2, bulletin board entry %3.")
                       .arg(QString::fromStdString(protocol::lower_hex(saved->tracking_code)),
                            local_time_text(saved->receipt->server_time_ms),
                            QString::number(saved->receipt->board_seq)));
    saved_->setText(tr("Your receipt is saved in: %1")
                        .arg(QString::fromStdString(session_.files().receipt(saved->poll).string())));
  }
  explain_->setText(tr("The code does not show your choices: they stay secret. With it you can check at "
                       "any time that your ballot is on the public bulletin board, and after the result "
                       "is published, that it was counted."));
  const bool published = last_ && last_->published;
  check_->setText(published ? tr("Check against the published record") : tr("Check on the bulletin board"));
  check_->setAccessibleName(check_->text());
  QString text;
  bool ok = true;
  if (last_) {
    text = tr("Found: your ballot is entry %1 of the bulletin board, exactly as you cast it.")
               .arg(last_->board_seq);
    if (last_->published && last_->record_ok) {
      text += QLatin1Char(' ') + tr("The published record verifies and counts your ballot.");
    } else if (last_->published) {
      ok = false;
      text = tr("The published record does NOT count your ballot as it should (%1). Keep your "
                "receipt file and tell the vote-counting committee (Ban kiểm phiếu) and the "
                "secretary at once.")
                 .arg(QString::fromStdString(last_->record_detail));
    } else {
      text += QLatin1Char(' ') + tr("The result is not published yet; check again after publication.");
    }
  }
  outcome_->setText(text);
  outcome_->setProperty("role", ok ? "ok" : "error");
  outcome_->style()->unpolish(outcome_);
  outcome_->style()->polish(outcome_);
}

} // namespace cv::gui
