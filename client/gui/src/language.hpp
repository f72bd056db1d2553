// The user interface language: Vietnamese (the default) or English, from the translations compiled
// into the program (:/i18n/councilvote_vi.qm, councilvote_en.qm; source strings are English).
// Switching installs the other translator: every widget receives QEvent::LanguageChange and
// retranslates itself. Qt ships no Vietnamese translation of its own buttons, so every button of a
// message box is given its text here (dialogs.hpp), never left to Qt.
#pragma once

#include <QString>
#include <cstdint>

namespace cv::gui {

enum class Language { vi, en };

// Needs a QCoreApplication. Returns false when the translation is missing from the resources.
bool set_language(Language lang);
[[nodiscard]] Language current_language();
[[nodiscard]] QString language_code(Language lang); // "vi", "en"

// A moment as the people in the room read it: the laptop's local date and time in the current
// language, with its offset from UTC, so that a printed time always carries its time zone:
// "02/12/2026 22:10 (UTC+07:00)".
[[nodiscard]] QString local_time_text(std::uint64_t ms_since_epoch);

} // namespace cv::gui
