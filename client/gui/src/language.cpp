#include "language.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace cv::gui {

namespace {
Language g_current = Language::vi;
std::unique_ptr<QTranslator> g_translator;
} // namespace

QString local_time_text(std::uint64_t ms_since_epoch) {
  const auto when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms_since_epoch));
  const int offset = when.offsetFromUtc() / 60; // minutes east of UTC
  const int a = offset < 0 ? -offset : offset;
  return QStringLiteral("%1 (UTC%2%3:%4)")
      .arg(QLocale().toString(when, QLocale::ShortFormat),
           offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
      .arg(a / 60, 2, 10, QLatin1Char('0'))
      .arg(a % 60, 2, 10, QLatin1Char('0'));
}

QString language_code(Language lang) {
  return lang == Language::vi ? QStringLiteral("vi") : QStringLiteral("en");
}

bool set_language(Language lang) {
  auto next = std::make_unique<QTranslator>();
  if (!next->load(QStringLiteral(":/i18n/councilvote_") + language_code(lang) + QStringLiteral(".qm")))
    return false;
  if (g_translator) QCoreApplication::removeTranslator(g_translator.get());
  g_translator = std::move(next);
  QCoreApplication::installTranslator(g_translator.get());
  // English dates day first (02/12/2026), as in Viet Nam: never the US month first (12/2/26).
  QLocale::setDefault(lang == Language::vi ? QLocale(QLocale::Vietnamese)
                                           : QLocale(QLocale::English, QLocale::UnitedKingdom));
  g_current = lang;
  return true;
}

Language current_language() { return g_current; }

} // namespace cv::gui
