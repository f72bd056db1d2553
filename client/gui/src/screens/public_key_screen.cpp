#include "public_key_screen.hpp"

#include "../dialogs.hpp"
#include "../member_session.hpp"
#include "../qr_widget.hpp"
#include "../status_panel.hpp"

#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv::gui {

PublicKeyScreen::PublicKeyScreen(MemberSession &session, QWidget *parent)
    : Screen(parent), session_(session) {
  setObjectName(QStringLiteral("public_key"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  intro_ = new QLabel(this);
  intro_->setWordWrap(true);
  name_ = new QLabel(this);
  key_ = new QLabel(this);
  key_->setObjectName(QStringLiteral("key"));
  key_->setProperty("role", "code");
  key_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  file_ = new QLabel(this);
  file_->setWordWrap(true);
  file_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  qr_ = new QrWidget(this);
  save_ = new QPushButton(this);
  save_->setObjectName(QStringLiteral("save"));
  copy_ = new QPushButton(this);
  copy_->setObjectName(QStringLiteral("copy"));
  continue_ = new QPushButton(this);
  continue_->setObjectName(QStringLiteral("continue"));
  for (auto *b : {save_, copy_, continue_}) b->setAutoDefault(false);
  status_ = new StatusPanel(this);

  auto *grid = new QGridLayout;
  auto *text = new QVBoxLayout;
  text->addWidget(name_);
  text->addWidget(key_);
  text->addWidget(file_);
  text->addStretch(1);
  grid->addLayout(text, 0, 0);
  grid->addWidget(qr_, 0, 1);
  grid->setColumnStretch(0, 1);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(save_);
  buttons->addWidget(copy_);
  buttons->addStretch(1);
  buttons->addWidget(continue_);
  l->addWidget(title_);
  l->addWidget(intro_);
  l->addLayout(grid);
  l->addLayout(buttons);
  l->addWidget(status_);
  l->addStretch(1);

  connect(save_, &QPushButton::clicked, this, &PublicKeyScreen::save_copy);
  connect(copy_, &QPushButton::clicked, this, [this] {
    if (auto k = session_.public_key_hex()) QGuiApplication::clipboard()->setText(QString::fromStdString(*k));
    status_->show_message(tr("The key is copied; paste it where the secretary asks."), true);
  });
  connect(continue_, &QPushButton::clicked, this, &PublicKeyScreen::done);
  reload();
  retranslate();
}

QString PublicKeyScreen::grouped(const QString &hex) {
  QString out;
  for (qsizetype i = 0; i < hex.size(); i += 4) {
    if (i > 0) out += (i % 32 == 0) ? QLatin1Char('\n') : QLatin1Char(' ');
    out += hex.mid(i, 4);
  }
  return out;
}

void PublicKeyScreen::reload() {
  const auto k = session_.public_key_hex();
  key_->setText(k ? grouped(QString::fromStdString(*k)) : QString());
  key_->setAccessibleName(k ? QString::fromStdString(*k) : QString());
  if (k) qr_->set_text(*k);
  retranslate();
}

void PublicKeyScreen::save_copy() {
  auto *dialog = file_dialog(this, tr("Save your public key"), tr("Text files (*.txt)"), true);
  dialog->selectFile(QStringLiteral("member-public-key.txt"));
  connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
    QFile::remove(path);
    if (QFile::copy(QString::fromStdString(session_.files().public_key().string()), path))
      status_->show_message(tr("Saved: %1").arg(path), true);
    else
      status_->show_message(tr("The file could not be written: %1").arg(path));
  });
  dialog->open();
}

void PublicKeyScreen::retranslate() {
  title_->setText(tr("Your public key"));
  intro_->setText(tr("Give this public key to the secretary: read it out, show the QR code, or hand "
                     "over the file. It is not secret. The secretary registers it for your name; "
                     "only then can you vote."));
  const auto label = session_.identity_label();
  name_->setText(tr("Name: %1").arg(label ? QString::fromStdString(*label) : QString()));
  file_->setText(tr("Also kept in: %1").arg(QString::fromStdString(session_.files().public_key().string())));
  qr_->setAccessibleName(tr("QR code of your public key"));
  save_->setText(tr("Save as a file…"));
  copy_->setText(tr("Copy"));
  continue_->setText(tr("Continue"));
  for (auto *b : {save_, copy_, continue_}) b->setAccessibleName(b->text());
}

} // namespace cv::gui
