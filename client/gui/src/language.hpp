// The user interface language: Vietnamese (the default) or English, from the translations compiled
// into the program (:/i18n/councilvote_vi.qm, councilvote_en.qm; source strings are English).
// Switching installs the other translator: every widget receives QEvent::LanguageChange and
// retranslates itself. Qt ships no Vietnamese translation of its own buttons, so every button of a
// message box is given its text here (dialogs.hpp), never left to Qt.
#pragma once

#include <QString>

namespace cv::gui {

enum class Language { vi, en };

// Needs a QCoreApplication. Returns false when the translation is missing from the resources.
bool set_language(Language lang);
[[nodiscard]] Language current_language();
[[nodiscard]] QString language_code(Language lang); // "vi", "en"

} // namespace cv::gui
