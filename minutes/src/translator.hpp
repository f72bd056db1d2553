// The minutes' translations without global state: a Translator holds the compiled Qt Linguist file
// of one language (minutes/translations/minutes_<lang>.ts, embedded as :/i18n/minutes_<lang>.qm)
// and is asked directly, so making English minutes never changes the language of a running GUI.
// lupdate finds every `t.translate("Minutes", "…")` call of minutes/src/.
#pragma once

#include "councilvote/minutes/minutes_input.hpp"

#include <QString>
#include <QTranslator>
#include <memory>

namespace cv::minutes {

class Translator {
public:
  explicit Translator(Language l);
  // False when the language's compiled texts are missing from the build.
  [[nodiscard]] bool loaded() const noexcept { return loaded_; }
  // The text in the language, or the Vietnamese source itself (vi, or a text not translated).
  [[nodiscard]] QString translate(const char *context, const char *source,
                                  const char *disambiguation = nullptr) const;

private:
  std::unique_ptr<QTranslator> qt_;
  bool loaded_ = false;
};

// UTF-8 of a QString.
[[nodiscard]] inline std::string u8(const QString &s) { return s.toStdString(); }
[[nodiscard]] inline QString qs(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace cv::minutes
