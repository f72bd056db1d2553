// The window's switches: the language at run time (every screen retranslates, Qt's buttons
// included), the text size and high contrast; every control of every screen has an accessible
// name; the passphrase strength feedback.
#include "appearance.hpp"
#include "councilvote/client/keys.hpp"
#include "gui_support.hpp"
#include "language.hpp"
#include "main_window.hpp"
#include "member_flow.hpp"
#include "passphrase_strength.hpp"
#include "screens/bundle_screen.hpp"
#include "screens/identity_screen.hpp"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace cvguitest;

TEST_CASE("window: the language switches at run time, and back", "[gui][language]") {
  QTemporaryDir dir;
  cv::gui::MainWindow w({dir.path().toStdString(), true, false});
  w.show();
  REQUIRE(w.member()->current() == w.member()->identity());
  auto *create = w.member()->identity()->findChild<QPushButton *>(QStringLiteral("create"));
  REQUIRE(create != nullptr);
  CHECK(str(w.windowTitle()) == "CouncilVote — thành viên Hội đồng");
  CHECK(str(create->text()) == "Tạo danh tính");
  w.action(QStringLiteral("en"))->trigger();
  spin_for(50); // QEvent::LanguageChange reaches the widgets through the event loop
  CHECK(cv::gui::current_language() == cv::gui::Language::en);
  CHECK(str(w.windowTitle()) == "CouncilVote — member");
  CHECK(str(create->text()) == "Create identity");
  CHECK(str(create->accessibleName()) == "Create identity");
  w.action(QStringLiteral("vi"))->trigger();
  spin_for(50);
  CHECK(str(create->text()) == "Tạo danh tính");
}

TEST_CASE("window: text size and high contrast switches", "[gui][appearance]") {
  QTemporaryDir dir;
  cv::gui::MainWindow w({dir.path().toStdString(), true, false});
  w.show();
  w.action(QStringLiteral("text-150"))->trigger();
  CHECK(QApplication::font().pointSizeF() == Approx(cv::gui::kBaseFontPoints * 1.5));
  CHECK(QApplication::font().family() == QStringLiteral("Liberation Sans")); // has the Vietnamese diacritics
  w.action(QStringLiteral("text-125"))->trigger();
  CHECK(QApplication::font().pointSizeF() == Approx(cv::gui::kBaseFontPoints * 1.25));
  w.action(QStringLiteral("contrast"))->trigger();
  CHECK(cv::gui::current_appearance().high_contrast);
  CHECK(qApp->styleSheet().contains(QStringLiteral("background: black")));
  CHECK(cv::gui::current_appearance().text_percent == 125); // kept
  w.action(QStringLiteral("contrast"))->trigger();
  w.action(QStringLiteral("text-100"))->trigger();
  CHECK_FALSE(cv::gui::current_appearance().high_contrast);
  CHECK(QApplication::font().pointSizeF() == Approx(cv::gui::kBaseFontPoints));
}

TEST_CASE("window: every control of every screen has an accessible name, in both languages",
          "[gui][accessibility]") {
  QTemporaryDir dir;
  cv::gui::MainWindow w({dir.path().toStdString(), true, false});
  w.show();
  INFO(str(unnamed_controls(&w).join(QStringLiteral(", "))));
  CHECK(unnamed_controls(&w).isEmpty());
  REQUIRE(cv::gui::set_language(cv::gui::Language::en));
  spin_for(50);
  INFO(str(unnamed_controls(&w).join(QStringLiteral(", "))));
  CHECK(unnamed_controls(&w).isEmpty());
  REQUIRE(cv::gui::set_language(cv::gui::Language::vi));
  spin_for(50);
  // The check itself finds a control without a name.
  auto *nameless = new QPushButton(QString(), w.member()->identity());
  nameless->setObjectName(QStringLiteral("nameless"));
  CHECK(unnamed_controls(&w) == QStringList{QStringLiteral("nameless (QPushButton)")});
}

TEST_CASE("identity: passphrase strength feedback", "[gui][passphrase]") {
  using cv::gui::Strength;
  CHECK(cv::gui::estimate_strength(QStringLiteral("abc")).level == Strength::too_short);
  CHECK(cv::gui::estimate_strength(QStringLiteral("aaaaaaaaaaaaaa")).level == Strength::weak);
  CHECK(cv::gui::estimate_strength(QStringLiteral("hoahong12")).level == Strength::too_short);
  CHECK(cv::gui::estimate_strength(QStringLiteral("bốn con mèo ngủ trên mái nhà")).level == Strength::strong);
  CHECK(cv::gui::estimate_strength(QStringLiteral("hoahongdo1")).level == Strength::weak);
  CHECK(cv::gui::estimate_strength(QStringLiteral("hoa hong do")).level == Strength::fair);
}

TEST_CASE("window: the file dialogs speak Vietnamese too", "[gui][language]") {
  QTemporaryDir dir;
  const std::filesystem::path member = dir.path().toStdString();
  REQUIRE(cv::client::create_key_file(member / "member.key", "Nguyễn Văn An", "member",
                                      "bốn con mèo ngủ trên mái", cv::crypto::KdfParams::insecure_fast()));
  cv::gui::MainWindow w({member, true, false});
  w.show();
  auto *bundle = w.member()->bundle();
  REQUIRE(w.member()->current() == bundle);
  click(bundle->findChild<QPushButton *>(QStringLiteral("open")));
  auto *d = visible_child<QFileDialog>(bundle, QString());
  REQUIRE(d != nullptr);
  QStringList texts;
  for (auto *b : d->findChildren<QPushButton *>()) texts << b->text();
  INFO(str(texts.join(QStringLiteral(", "))));
  CHECK(texts.contains(QStringLiteral("Mở")));
  CHECK(texts.contains(QStringLiteral("Hủy")));
  CHECK_FALSE(texts.contains(QStringLiteral("&Open")));
  CHECK_FALSE(texts.contains(QStringLiteral("Cancel")));
  d->reject();
}
