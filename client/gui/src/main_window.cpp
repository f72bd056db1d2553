#include "main_window.hpp"

#include "appearance.hpp"
#include "language.hpp"
#include "member_flow.hpp"
#include "screens/trustee_screen.hpp"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QMenuBar>

namespace cv::gui {

MainWindow::MainWindow(SessionOptions options, QWidget *parent) : QMainWindow(parent) {
  member_ = new MemberFlow(std::move(options), this);
  setCentralWidget(member_);
  file_ = menuBar()->addMenu(QString());
  member_menu_ = menuBar()->addMenu(QString());
  view_ = menuBar()->addMenu(QString());
  language_ = menuBar()->addMenu(QString());
  quit_ = file_->addAction(QString(), this, &QWidget::close);
  public_key_ = member_menu_->addAction(QString(), member_, &MemberFlow::show_public_key);
  trustee_action_ = member_menu_->addAction(QString(), this, [this] { show_trustee(); });

  auto *sizes = new QActionGroup(this);
  auto size_action = [this, sizes](int percent) {
    auto *a = view_->addAction(QString());
    a->setCheckable(true);
    a->setChecked(current_appearance().text_percent == percent);
    a->setObjectName(QStringLiteral("text-%1").arg(percent));
    sizes->addAction(a);
    connect(a, &QAction::triggered, this, [percent] {
      auto look = current_appearance();
      look.text_percent = percent;
      apply_appearance(look);
    });
    return a;
  };
  text100_ = size_action(100);
  text125_ = size_action(125);
  text150_ = size_action(150);
  view_->addSeparator();
  contrast_ = view_->addAction(QString());
  contrast_->setObjectName(QStringLiteral("contrast"));
  contrast_->setCheckable(true);
  contrast_->setChecked(current_appearance().high_contrast);
  connect(contrast_, &QAction::toggled, this, [](bool on) {
    auto look = current_appearance();
    look.high_contrast = on;
    apply_appearance(look);
  });

  auto *langs = new QActionGroup(this);
  vi_ = language_->addAction(QStringLiteral("Tiếng Việt"));
  en_ = language_->addAction(QStringLiteral("English"));
  vi_->setObjectName(QStringLiteral("vi"));
  en_->setObjectName(QStringLiteral("en"));
  for (auto *a : {vi_, en_}) {
    a->setCheckable(true);
    langs->addAction(a);
  }
  (current_language() == Language::vi ? vi_ : en_)->setChecked(true);
  connect(vi_, &QAction::triggered, this, [] { set_language(Language::vi); });
  connect(en_, &QAction::triggered, this, [] { set_language(Language::en); });
  resize(1000, 760);
  retranslate();
}

QAction *MainWindow::action(const QString &name) const {
  for (auto *a : {vi_, en_, text100_, text125_, text150_, contrast_, public_key_, trustee_action_, quit_})
    if (a->objectName() == name) return a;
  return nullptr;
}

void MainWindow::changeEvent(QEvent *e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(e);
}

void MainWindow::retranslate() {
  setWindowTitle(tr("CouncilVote — member"));
  file_->setTitle(tr("&File"));
  quit_->setText(tr("&Quit"));
  member_menu_->setTitle(tr("&Member"));
  public_key_->setText(tr("My public key"));
  public_key_->setObjectName(QStringLiteral("public-key"));
  trustee_action_->setText(tr("Vote-counting committee (trustee)…"));
  trustee_action_->setObjectName(QStringLiteral("trustee"));
  view_->setTitle(tr("&View"));
  text100_->setText(tr("Text size 100 %"));
  text125_->setText(tr("Text size 125 %"));
  text150_->setText(tr("Text size 150 %"));
  contrast_->setText(tr("High contrast"));
  language_->setTitle(tr("&Language / Ngôn ngữ"));
  (current_language() == Language::vi ? vi_ : en_)->setChecked(true);
}

TrusteeScreen *MainWindow::show_trustee() {
  if (!trustee_) {
    trustee_ = new TrusteeScreen(member_->session(), this);
    trustee_->setWindowFlag(Qt::Window);
    trustee_->resize(760, 720);
  }
  trustee_->show();
  trustee_->raise();
  return trustee_;
}

} // namespace cv::gui
