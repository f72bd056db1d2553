#include "waiting_screen.hpp"

#include "../member_session.hpp"
#include "../status_panel.hpp"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv::gui {

WaitingScreen::WaitingScreen(MemberSession &session, QWidget *parent) : Screen(parent), session_(session) {
  setObjectName(QStringLiteral("waiting"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  message_ = new QLabel(this);
  message_->setObjectName(QStringLiteral("message"));
  message_->setWordWrap(true);
  refresh_ = new QPushButton(this);
  refresh_->setObjectName(QStringLiteral("refresh"));
  refresh_->setAutoDefault(false);
  status_ = new StatusPanel(this);
  l->addWidget(title_);
  l->addWidget(message_);
  l->addWidget(refresh_, 0, Qt::AlignLeft);
  l->addWidget(status_);
  l->addStretch(1);
  connect(refresh_, &QPushButton::clicked, &session_, &MemberSession::refresh);
  connect(&session_, &MemberSession::busy_changed, this, [this](bool busy) { refresh_->setEnabled(!busy); });
  retranslate();
}

QString WaitingScreen::message() const { return message_->text(); }

void WaitingScreen::retranslate() {
  title_->setText(tr("Connected"));
  const auto &poll = session_.poll();
  if (!poll)
    message_->setText(tr("No poll is open at the moment. This screen changes by itself when the "
                         "secretary opens one."));
  else
    message_->setText(tr("The poll \"%1\" is not open for voting now, and you have not voted in it.")
                          .arg(QString::fromStdString(poll->info.definition.title)));
  refresh_->setText(tr("Refresh"));
  refresh_->setAccessibleName(refresh_->text());
}

} // namespace cv::gui
