#include "translator.hpp"

namespace cv::minutes {

Translator::Translator(Language l) {
  if (l == Language::vi) {
    loaded_ = true; // the sources are Vietnamese
    return;
  }
  qt_ = std::make_unique<QTranslator>();
  loaded_ = qt_->load(QStringLiteral(":/i18n/minutes_%1.qm").arg(qs(language_code(l))));
}

QString Translator::translate(const char *context, const char *source, const char *disambiguation) const {
  if (qt_) {
    QString t = qt_->translate(context, source, disambiguation);
    if (!t.isEmpty()) return t;
  }
  return QString::fromUtf8(source);
}

} // namespace cv::minutes
