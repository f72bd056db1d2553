#include "trustee_screen.hpp"

#include "../dialogs.hpp"
#include "../secret_input.hpp"
#include "../status_panel.hpp"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv::gui {

namespace {

// "3f2a 9c01 …": the first 16 bytes of a hex fingerprint in groups of four, for reading aloud.
QString grouped(const std::string &hex) {
  QString out;
  const auto text = QString::fromStdString(hex.substr(0, 32));
  for (qsizetype i = 0; i < text.size(); i += 4)
    out += (i ? QStringLiteral(" ") : QString()) + text.mid(i, 4);
  return out;
}

QString numbers(const std::vector<std::uint32_t> &v) {
  QStringList parts;
  for (auto i : v) parts << QString::number(i);
  return parts.join(QStringLiteral(", "));
}

} // namespace

TrusteeScreen::TrusteeScreen(MemberSession &member, QWidget *parent)
    : Screen(parent), member_(member), work_(new TrusteeWork(member, this)) {
  setObjectName(QStringLiteral("trustee"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  intro_ = new QLabel(this);
  intro_->setWordWrap(true);
  pass_caption_ = new QLabel(this);
  pass_ = new QLineEdit(this);
  pass_->setObjectName(QStringLiteral("passphrase"));
  pass_->setEchoMode(QLineEdit::Password);
  auto *row = new QHBoxLayout;
  row->addWidget(pass_caption_);
  row->addWidget(pass_, 1);

  ceremony_title_ = new QLabel(this);
  ceremony_title_->setProperty("role", "heading");
  who_ = new QLabel(this);
  who_->setObjectName(QStringLiteral("who"));
  auto *checklist = new QVBoxLayout;
  for (int i = 0; i < 4; ++i) {
    steps_[i] = new QLabel(this);
    steps_[i]->setObjectName(QStringLiteral("step-%1").arg(i + 1));
    steps_[i]->setWordWrap(true);
    checklist->addWidget(steps_[i]);
  }
  waiting_ = new QLabel(this);
  waiting_->setObjectName(QStringLiteral("waiting"));
  waiting_->setWordWrap(true);
  joint_ = new QLabel(this);
  joint_->setObjectName(QStringLiteral("joint-key"));
  joint_->setWordWrap(true);
  joint_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  ceremony_ = new QPushButton(this);
  ceremony_->setObjectName(QStringLiteral("ceremony"));
  ceremony_->setAutoDefault(false);

  decrypt_title_ = new QLabel(this);
  decrypt_title_->setProperty("role", "heading");
  tally_ = new QLabel(this);
  tally_->setObjectName(QStringLiteral("tally"));
  tally_->setWordWrap(true);
  tally_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  warning_ = new QLabel(this);
  warning_->setObjectName(QStringLiteral("warning"));
  warning_->setWordWrap(true);
  held_ = new QLabel(this);
  held_->setObjectName(QStringLiteral("held"));
  held_->setWordWrap(true);
  prepare_ = new QPushButton(this);
  prepare_->setObjectName(QStringLiteral("prepare"));
  prepare_->setAutoDefault(false);
  decrypt_ = new QPushButton(this);
  decrypt_->setObjectName(QStringLiteral("decrypt"));
  decrypt_->setAutoDefault(false);
  status_ = new StatusPanel(this);

  l->addWidget(title_);
  l->addWidget(intro_);
  l->addLayout(row);
  l->addSpacing(8);
  l->addWidget(ceremony_title_);
  l->addWidget(who_);
  l->addLayout(checklist);
  l->addWidget(waiting_);
  l->addWidget(joint_);
  l->addWidget(ceremony_, 0, Qt::AlignLeft);
  l->addSpacing(8);
  l->addWidget(decrypt_title_);
  l->addWidget(tally_);
  l->addWidget(warning_);
  l->addWidget(held_);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(prepare_);
  buttons->addWidget(decrypt_);
  buttons->addStretch(1);
  l->addLayout(buttons);
  l->addWidget(status_);
  l->addStretch(1);

  connect(ceremony_, &QPushButton::clicked, this, &TrusteeScreen::start_ceremony);
  connect(prepare_, &QPushButton::clicked, this, &TrusteeScreen::prepare);
  connect(decrypt_, &QPushButton::clicked, this, &TrusteeScreen::confirm);
  connect(work_, &TrusteeWork::busy_changed, this, [this](bool busy) {
    if (busy && last_step_) status_->show_progress(*last_step_, 0, 0);
    if (!busy && !status_->showing_error()) status_->clear();
    render_ceremony();
    render_decryption();
  });
  connect(work_, &TrusteeWork::ceremony_changed, this, &TrusteeScreen::render_ceremony);
  connect(work_, &TrusteeWork::failed, this,
          [this](const protocol::Error &e) { status_->show_error(last_step_.value_or(Step::ceremony), e); });
  connect(work_, &TrusteeWork::decryption_ready, this, [this](const DecryptionView &v) {
    ready_ = v;
    posted_.reset();
    render_decryption();
  });
  connect(work_, &TrusteeWork::decryption_posted, this,
          [this](const protocol::PostPartialDecryptionResponse &r) {
            posted_ = r;
            render_decryption();
          });
  retranslate();
}

void TrusteeScreen::start_ceremony() {
  if (pass_->displayText().isEmpty())
    return status_->show_message(tr("Type the passphrase of your key file."));
  status_->clear();
  last_step_ = Step::ceremony;
  work_->start_ceremony(take_secret(pass_));
}

void TrusteeScreen::prepare() {
  if (!member_.poll()) return status_->show_message(tr("There is no poll to decrypt on the board yet."));
  if (pass_->displayText().isEmpty())
    return status_->show_message(tr("Type the passphrase of your key file."));
  status_->clear();
  ready_.reset();
  posted_.reset();
  last_step_ = Step::decrypt;
  render_decryption();
  auto poll = protocol::PollId::parse(member_.poll()->info.definition.poll);
  if (!poll) return status_->show_error(Step::decrypt, poll.error());
  work_->prepare_decryption(*poll, take_secret(pass_));
}

void TrusteeScreen::confirm() {
  if (!ready_) return;
  ask(this, QStringLiteral("confirm_decrypt"), tr("Decrypt the totals?"),
      tr("Your part of the decryption of the totals of %n ballot(s) is sent to the server. With enough "
         "parts the totals become public; no single ballot is ever decrypted.",
         nullptr, static_cast<int>(ready_->ballots)),
      tr("Send my part"), tr("Go back"), [this] {
        last_step_ = Step::decrypt;
        work_->post_decryption();
      });
}

void TrusteeScreen::render_ceremony() {
  const auto &v = work_->ceremony();
  const bool running = v.state_sealed && !v.complete && !v.failed;
  who_->setVisible(v.trustees > 0);
  if (v.index > 0)
    who_->setText(tr("You are trustee %1 of %2; %3 of them are needed to decrypt.")
                      .arg(v.index)
                      .arg(v.trustees)
                      .arg(v.threshold));
  else if (v.trustees > 0)
    who_->setText(tr("%1 trustees; %2 of them are needed to decrypt.").arg(v.trustees).arg(v.threshold));
  const bool done[4] = {v.state_sealed, v.posted, v.shares_verified, v.complete};
  const QString text[4] = {
      tr("Your ceremony secrets are made, sealed with your passphrase on this computer, and read back."),
      tr("Your commitments and one encrypted share for each trustee are on the board."),
      tr("Every share sent to you has been checked against its sender's commitments."),
      tr("Your key share is saved sealed on this computer and has been read back and checked.")};
  for (int i = 0; i < 4; ++i) {
    steps_[i]->setText((done[i] ? QStringLiteral("✔ ") : QStringLiteral("○ ")) + text[i]);
    steps_[i]->setAccessibleName((done[i] ? tr("Done: %1") : tr("Not yet: %1")).arg(text[i]));
  }
  QString waiting;
  if (v.failed)
    waiting =
        tr("The ceremony failed: %1. The secretary starts a new one.").arg(QString::fromStdString(v.detail));
  else if (running && !v.waiting_for.empty()) {
    QStringList w;
    for (const auto &s : v.waiting_for) w << QString::fromStdString(s);
    waiting = tr("Still waiting for: %1.").arg(w.join(QStringLiteral("; ")));
  } else if (running && v.shares_verified)
    waiting = tr("Tell the secretary that your shares verified. Waiting for the ceremony to complete…");
  waiting_->setText(waiting);
  waiting_->setVisible(!waiting.isEmpty());
  joint_->setVisible(v.complete);
  if (v.complete)
    joint_->setText(v.joint_key_hex.empty()
                        ? tr("Your key share of this ceremony is already saved: %1")
                              .arg(QString::fromStdString(v.share_file.string()))
                        : tr("The ceremony is complete. Joint key %1. Your key share: %2")
                              .arg(grouped(v.joint_key_hex), QString::fromStdString(v.share_file.string())));
  ceremony_->setEnabled(!work_->busy() && !running && !v.complete && member_.unlocked());
}

void TrusteeScreen::render_decryption() {
  tally_->setVisible(ready_.has_value());
  warning_->setVisible(ready_.has_value() && !posted_);
  held_->setVisible(ready_.has_value());
  if (ready_) {
    tally_->setText(tr("Poll %1: the tally of %n ballot(s), recomputed on this computer from every ballot "
                       "on the board and equal to the server's (board entry %2). Tally fingerprint: %3.",
                       nullptr, static_cast<int>(ready_->ballots))
                        .arg(QString::fromStdString(ready_->poll.str()))
                        .arg(ready_->tally_seq)
                        .arg(grouped(ready_->tally_fingerprint)));
    warning_->setText(QString::fromStdString(ready_->warning));
    if (posted_)
      held_->setText(
          tr("The server accepted your part. It now holds %1 of the %2 parts needed (trustees %3).")
              .arg(posted_->accepted.size())
              .arg(posted_->threshold)
              .arg(numbers(posted_->accepted)));
    else
      held_->setText(tr("Nothing has been sent yet. The server holds %1 of the %2 parts needed.")
                         .arg(ready_->held.size())
                         .arg(ready_->threshold));
  }
  prepare_->setEnabled(!work_->busy() && member_.unlocked());
  decrypt_->setEnabled(!work_->busy() && ready_.has_value() && !posted_);
}

void TrusteeScreen::retranslate() {
  title_->setText(tr("Vote-counting committee (Ban kiểm phiếu)"));
  intro_->setText(tr("Your key and the connection are the ones you unlocked. The passphrase below is the "
                     "one of your key file: it seals your ceremony secrets and your key share on this "
                     "computer. Nothing secret leaves it unencrypted."));
  pass_caption_->setText(tr("Passphrase:"));
  pass_->setAccessibleName(tr("Passphrase of your key file"));
  ceremony_title_->setText(tr("1. Key ceremony"));
  ceremony_->setText(tr("Start or resume the ceremony"));
  ceremony_->setAccessibleName(ceremony_->text());
  decrypt_title_->setText(tr("2. Decryption of the totals"));
  prepare_->setText(tr("Recompute the tally from the board"));
  prepare_->setAccessibleName(prepare_->text());
  decrypt_->setText(tr("Decrypt my part…"));
  decrypt_->setAccessibleName(decrypt_->text());
  tally_->setAccessibleName(tr("The tally"));
  warning_->setAccessibleName(tr("What the count reveals"));
  held_->setAccessibleName(tr("Parts held by the server"));
  who_->setAccessibleName(tr("Trustees"));
  waiting_->setAccessibleName(tr("Waiting for"));
  joint_->setAccessibleName(tr("Joint key"));
  render_ceremony();
  render_decryption();
  setWindowTitle(title_->text());
}

} // namespace cv::gui
