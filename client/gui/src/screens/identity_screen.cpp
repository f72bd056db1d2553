#include "identity_screen.hpp"

#include "../member_session.hpp"
#include "../passphrase_strength.hpp"
#include "../secret_input.hpp"
#include "../status_panel.hpp"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv::gui {

IdentityScreen::IdentityScreen(MemberSession &session, QWidget *parent) : Screen(parent), session_(session) {
  setObjectName(QStringLiteral("identity"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  intro_ = new QLabel(this);
  intro_->setWordWrap(true);
  label_ = new QLineEdit(this);
  label_->setObjectName(QStringLiteral("label"));
  pass_ = new QLineEdit(this);
  pass_->setObjectName(QStringLiteral("passphrase"));
  pass_->setEchoMode(QLineEdit::Password);
  confirm_ = new QLineEdit(this);
  confirm_->setObjectName(QStringLiteral("confirm"));
  confirm_->setEchoMode(QLineEdit::Password);
  strength_bar_ = new QProgressBar(this);
  strength_bar_->setRange(0, 3);
  strength_bar_->setTextVisible(false);
  strength_text_ = new QLabel(this);
  strength_text_->setObjectName(QStringLiteral("strength"));
  strength_text_->setWordWrap(true);
  create_ = new QPushButton(this);
  create_->setObjectName(QStringLiteral("create"));
  create_->setAutoDefault(false);
  status_ = new StatusPanel(this);

  auto *form = new QFormLayout;
  label_caption_ = new QLabel(this);
  pass_caption_ = new QLabel(this);
  confirm_caption_ = new QLabel(this);
  form->addRow(label_caption_, label_);
  form->addRow(pass_caption_, pass_);
  form->addRow(confirm_caption_, confirm_);
  form->addRow(new QLabel(this), strength_bar_);
  form->addRow(new QLabel(this), strength_text_);
  l->addWidget(title_);
  l->addWidget(intro_);
  l->addLayout(form);
  l->addWidget(create_, 0, Qt::AlignLeft);
  l->addWidget(status_);
  l->addStretch(1);

  connect(pass_, &QLineEdit::textChanged, this, &IdentityScreen::update_strength);
  connect(confirm_, &QLineEdit::textChanged, this, &IdentityScreen::update_strength);
  connect(create_, &QPushButton::clicked, this, &IdentityScreen::create);
  connect(&session_, &MemberSession::busy_changed, this, [this](bool busy) { create_->setEnabled(!busy); });
  retranslate();
}

void IdentityScreen::update_strength() {
  if (!session_.busy()) status_->clear(); // an earlier "too short" no longer applies
  const auto level = static_cast<Strength>(
      with_text(pass_, [](const QString &p) { return static_cast<int>(estimate_strength(p).level); }));
  const StrengthEstimate e{level, 0};
  strength_bar_->setValue(static_cast<int>(e.level));
  QString text;
  switch (e.level) {
  case Strength::too_short:
    text = tr("Too short: at least %1 characters. A sentence of several words is best.")
               .arg(kMinPassphraseChars);
    break;
  case Strength::weak:
    text = tr("Weak: easy to guess. Add more words.");
    break;
  case Strength::fair:
    text = tr("Fair: one or two more words would make it strong.");
    break;
  case Strength::strong:
    text = tr("Strong.");
    break;
  }
  if (!confirm_->displayText().isEmpty() && !same_text(pass_, confirm_))
    text += QLatin1Char(' ') + tr("The two entries differ.");
  strength_text_->setText(text);
  strength_bar_->setAccessibleName(text);
}

void IdentityScreen::create() {
  if (label_->text().trimmed().isEmpty())
    return status_->show_message(tr("Type your name (as on the council's list)."));
  if (with_text(pass_, [](const QString &p) { return static_cast<int>(estimate_strength(p).level); }) ==
      static_cast<int>(Strength::too_short))
    return status_->show_message(
        tr("The passphrase is too short: at least %1 characters.").arg(kMinPassphraseChars));
  if (!same_text(pass_, confirm_))
    return status_->show_message(tr("The two passphrases differ. Type them again."));
  confirm_->clear();
  session_.create_identity(label_->text().trimmed().toStdString(), take_secret(pass_));
}

void IdentityScreen::retranslate() {
  title_->setText(tr("Create your identity"));
  intro_->setText(tr("This computer makes your voting key. The key never leaves this computer; it is "
                     "sealed with a passphrase that only you know. Choose a passphrase of several "
                     "words that you will remember: nobody can recover it for you."));
  label_caption_->setText(tr("Your name:"));
  pass_caption_->setText(tr("Passphrase:"));
  confirm_caption_->setText(tr("Passphrase again:"));
  label_->setAccessibleName(tr("Your name"));
  pass_->setAccessibleName(tr("Passphrase"));
  confirm_->setAccessibleName(tr("Passphrase again"));
  create_->setText(tr("Create identity"));
  create_->setAccessibleName(create_->text());
  update_strength();
}

} // namespace cv::gui
