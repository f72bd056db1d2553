#include "bundle_screen.hpp"

#include "../dialogs.hpp"
#include "../member_session.hpp"
#include "../status_panel.hpp"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cv::gui {

namespace {
constexpr qint64 kMaxBundleBytes = 65536; // as the CLI
}

BundleScreen::BundleScreen(MemberSession &session, QWidget *parent) : Screen(parent), session_(session) {
  setObjectName(QStringLiteral("bundle"));
  auto *l = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setProperty("role", "heading");
  intro_ = new QLabel(this);
  intro_->setWordWrap(true);
  open_ = new QPushButton(this);
  open_->setObjectName(QStringLiteral("open"));
  paste_caption_ = new QLabel(this);
  paste_ = new QPlainTextEdit(this);
  paste_->setObjectName(QStringLiteral("paste"));
  paste_->setMaximumHeight(90);
  paste_->setTabChangesFocus(true);
  read_ = new QPushButton(this);
  read_->setObjectName(QStringLiteral("read"));
  meeting_ = new QLabel(this);
  server_ = new QLabel(this);
  code_caption_ = new QLabel(this);
  code_ = new QLabel(this);
  code_->setObjectName(QStringLiteral("code"));
  code_->setProperty("role", "code");
  QFont big = code_->font();
  big.setPointSizeF(big.pointSizeF() * 2.2);
  code_->setFont(big);
  code_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  compare_ = new QLabel(this);
  compare_->setWordWrap(true);
  accept_ = new QPushButton(this);
  accept_->setObjectName(QStringLiteral("accept"));
  reject_ = new QPushButton(this);
  reject_->setObjectName(QStringLiteral("reject"));
  for (auto *b : {open_, read_, accept_, reject_}) b->setAutoDefault(false);
  status_ = new StatusPanel(this);

  auto *source = new QHBoxLayout;
  source->addWidget(open_);
  source->addStretch(1);
  auto *decide = new QHBoxLayout;
  decide->addWidget(accept_);
  decide->addWidget(reject_);
  decide->addStretch(1);
  l->addWidget(title_);
  l->addWidget(intro_);
  l->addLayout(source);
  l->addWidget(paste_caption_);
  l->addWidget(paste_);
  l->addWidget(read_, 0, Qt::AlignLeft);
  l->addWidget(meeting_);
  l->addWidget(server_);
  l->addWidget(code_caption_);
  l->addWidget(code_);
  l->addWidget(compare_);
  l->addLayout(decide);
  l->addWidget(status_);
  l->addStretch(1);

  connect(open_, &QPushButton::clicked, this, &BundleScreen::open_file);
  connect(read_, &QPushButton::clicked, this, [this] { read_text(paste_->toPlainText()); });
  connect(accept_, &QPushButton::clicked, this, [this] {
    if (!candidate_) return;
    if (auto r = session_.save_bundle(*candidate_); !r) return status_->show_error(Step::bundle, r.error());
    emit accepted();
  });
  connect(reject_, &QPushButton::clicked, this, [this] {
    candidate_.reset();
    paste_->clear();
    show_candidate();
    status_->show_message(tr("The bundle was not kept. Ask the secretary for the right one: a bundle "
                             "whose code differs may lead you to another server."));
  });
  show_candidate();
  retranslate();
}

void BundleScreen::open_file() {
  auto *dialog = file_dialog(this, tr("Open the enrollment bundle"),
                             tr("Enrollment bundles (*.json *.txt);;All files (*)"), false);
  connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxBundleBytes)
      return status_->show_message(tr("The file cannot be read as a bundle: %1").arg(path));
    read_text(QString::fromUtf8(f.readAll()));
  });
  dialog->open();
}

void BundleScreen::read_text(const QString &text) {
  const QByteArray utf8 = text.toUtf8();
  if (utf8.size() > kMaxBundleBytes)
    return status_->show_message(tr("This text is too long to be a bundle."));
  auto b = protocol::decode_bundle(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
  if (!b) {
    candidate_.reset();
    show_candidate();
    return status_->show_error(Step::bundle, b.error());
  }
  candidate_ = std::move(*b);
  status_->clear();
  show_candidate();
}

void BundleScreen::show_candidate() {
  const bool has = candidate_.has_value();
  for (QWidget *w :
       std::initializer_list<QWidget *>{meeting_, server_, code_caption_, code_, compare_, accept_, reject_})
    w->setVisible(has);
  retranslate();
}

void BundleScreen::retranslate() {
  title_->setText(tr("Enrollment bundle"));
  intro_->setText(tr("The secretary gives every member the meeting's enrollment bundle: a file, or a "
                     "text that starts with CV2:. It tells this program which server to trust."));
  open_->setText(tr("Open a file…"));
  paste_caption_->setText(tr("Or paste the text here:"));
  paste_->setAccessibleName(tr("Enrollment bundle text"));
  read_->setText(tr("Read the pasted text"));
  if (candidate_) {
    meeting_->setText(tr("Meeting: %1").arg(QString::fromStdString(candidate_->meeting.str())));
    server_->setText(tr("Server: %1").arg(QString::fromStdString(candidate_->server.str())));
    code_->setText(QString::fromStdString(protocol::bundle_code(*candidate_)));
    code_->setAccessibleName(tr("Bundle code %1").arg(code_->text()));
  }
  code_caption_->setText(tr("Bundle code:"));
  compare_->setText(tr("Compare this code, character by character, with the code the secretary reads "
                       "out or prints on the agenda."));
  accept_->setText(tr("The codes match — use this bundle"));
  reject_->setText(tr("They do not match"));
  for (auto *b : {open_, read_, accept_, reject_}) b->setAccessibleName(b->text());
}

} // namespace cv::gui
