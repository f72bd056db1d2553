// councilvote: the desktop client (Qt Widgets). This version carries the member's path.
//   councilvote [--data-dir DIR] [--lang vi|en] [--text-size 100|125|150] [--high-contrast]
//               [--insecure-fast-kdf]
// DIR holds the member's key, public key, bundle, ballots and receipts (default: the user's
// application data folder).
#include "appearance.hpp"
#include "councilvote/crypto/init.hpp"
#include "language.hpp"
#include "main_window.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QStandardPaths>
#include <cstdio>

int main(int argc, char *argv[]) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("councilvote"));
  QApplication::setOrganizationName(QStringLiteral("CouncilVote"));
  if (auto r = cv::crypto::init(); !r) {
    std::fprintf(stderr, "crypto self-test failed: %s\n", r.error().message.c_str());
    return 1;
  }
  QCommandLineParser p;
  p.addHelpOption();
  const QCommandLineOption dir({QStringLiteral("data-dir")}, QStringLiteral("the member's files"),
                               QStringLiteral("DIR"));
  const QCommandLineOption lang({QStringLiteral("lang")}, QStringLiteral("vi (default) or en"),
                                QStringLiteral("LANG"));
  const QCommandLineOption size({QStringLiteral("text-size")}, QStringLiteral("100, 125 or 150"),
                                QStringLiteral("PERCENT"));
  const QCommandLineOption contrast({QStringLiteral("high-contrast")}, QStringLiteral("white on black"));
  const QCommandLineOption fast(
      {QStringLiteral("insecure-fast-kdf")},
      QStringLiteral("demos and tests only: a key file that resists guessing poorly"));
  p.addOptions({dir, lang, size, contrast, fast});
  p.process(app);

  cv::gui::set_language(p.value(lang) == QStringLiteral("en") ? cv::gui::Language::en
                                                              : cv::gui::Language::vi);
  cv::gui::Appearance look;
  if (p.isSet(size)) look.text_percent = std::clamp(p.value(size).toInt(), 100, 150);
  look.high_contrast = p.isSet(contrast);
  cv::gui::apply_appearance(look);

  cv::gui::SessionOptions o;
  o.dir = (p.isSet(dir) ? p.value(dir)
                        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                              QStringLiteral("/member"))
              .toStdString();
  o.insecure_fast_kdf = p.isSet(fast);
  cv::gui::MainWindow w(o);
  w.show();
  return QApplication::exec();
}
