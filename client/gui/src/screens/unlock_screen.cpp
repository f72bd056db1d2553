#include "unlock_screen.hpp"

#include "../member_session.hpp"
#include "../secret_input.hpp"
#include "../status_panel.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv::gui {

UnlockScreen::UnlockScreen(MemberSession &session, QWidget *parent) : Screen(parent), session_(session) {
  setObjectName(QStringLiteral("unlock"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  who_ = new QLabel(this);
  meeting_ = new QLabel(this);
  meeting_->setWordWrap(true);
  pass_caption_ = new QLabel(this);
  pass_ = new QLineEdit(this);
  pass_->setObjectName(QStringLiteral("passphrase"));
  pass_->setEchoMode(QLineEdit::Password);
  unlock_ = new QPushButton(this);
  unlock_->setObjectName(QStringLiteral("unlock"));
  unlock_->setAutoDefault(false);
  status_ = new StatusPanel(this);
  auto *row = new QHBoxLayout;
  row->addWidget(pass_caption_);
  row->addWidget(pass_, 1);
  l->addWidget(title_);
  l->addWidget(who_);
  l->addWidget(meeting_);
  l->addLayout(row);
  l->addWidget(unlock_, 0, Qt::AlignLeft);
  l->addWidget(status_);
  l->addStretch(1);
  connect(unlock_, &QPushButton::clicked, this, &UnlockScreen::unlock);
  connect(pass_, &QLineEdit::returnPressed, this, &UnlockScreen::unlock); // unlocking is not voting
  connect(&session_, &MemberSession::busy_changed, this, [this](bool busy) {
    unlock_->setEnabled(!busy);
    pass_->setEnabled(!busy);
  });
  retranslate();
}

void UnlockScreen::unlock() {
  if (pass_->displayText().isEmpty()) return status_->show_message(tr("Type your passphrase."));
  session_.unlock(take_secret(pass_));
}

void UnlockScreen::retranslate() {
  title_->setText(tr("Unlock and connect"));
  const auto label = session_.identity_label();
  who_->setText(label ? tr("Identity: %1").arg(QString::fromStdString(*label)) : QString());
  who_->setVisible(label.has_value());
  if (const auto &b = session_.bundle())
    meeting_->setText(tr("Meeting %1 on server %2 (bundle code %3)")
                          .arg(QString::fromStdString(b->meeting.str()),
                               QString::fromStdString(b->server.str()),
                               QString::fromStdString(protocol::bundle_code(*b))));
  pass_caption_->setText(tr("Passphrase:"));
  pass_->setAccessibleName(tr("Passphrase"));
  unlock_->setText(tr("Unlock and connect"));
  unlock_->setAccessibleName(unlock_->text());
}

} // namespace cv::gui
