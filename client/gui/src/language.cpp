#include "language.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace cv::gui {

namespace {
Language g_current = Language::vi;
std::unique_ptr<QTranslator> g_translator;
} // namespace

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
  QLocale::setDefault(QLocale(lang == Language::vi ? QLocale::Vietnamese : QLocale::English));
  g_current = lang;
  return true;
}

Language current_language() { return g_current; }

} // namespace cv::gui
