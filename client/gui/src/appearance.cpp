#include "appearance.hpp"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QPalette>
#include <QStyleFactory>

namespace cv::gui {

namespace {
Appearance g_current;

// Buttons that record a choice (property "choice") and the focus must be seen at a glance; the
// chosen button is marked the same way for every choice (no colour says "yes" or "no").
const char *kNormalSheet = R"(
QPushButton { padding: 5px 12px; border: 1px solid #7a7a7a; border-radius: 4px; background: #fafafa; }
QPushButton:hover { background: #eef3fb; }
QPushButton:disabled { color: #8a8a8a; border-color: #b0b0b0; }
QPushButton[role="cast"] { background: #8b1a1a; color: white; font-weight: bold; padding: 10px 28px; border: 2px solid #5e0f0f; }
QPushButton[role="cast"]:disabled { background: #c9a3a3; }
QPushButton[choice="true"] { padding: 6px 10px; border: 1px solid #6b6b6b; border-radius: 4px; background: #f4f4f4; }
QPushButton[choice="true"]:checked { background: #0b3d91; color: white; font-weight: bold; border: 2px solid #0b3d91; }
QPushButton:focus, QLineEdit:focus, QPlainTextEdit:focus { border: 3px solid #e07b00; }
QLabel[role="code"] { font-family: "Liberation Mono"; font-weight: bold; }
QLabel[role="title"] { font-weight: bold; }
QLabel[role="heading"] { font-weight: bold; font-size: HEADINGpt; }
QLabel[role="error"] { color: #a00000; font-weight: bold; }
QLabel[role="ok"] { color: #0a5c0a; font-weight: bold; }
)";
const char *kContrastSheet = R"(
QWidget { background: black; color: white; }
QPushButton { background: black; color: white; border: 2px solid white; padding: 6px 10px; }
QPushButton[choice="true"]:checked { background: #ffd700; color: black; font-weight: bold; border: 3px solid #ffd700; }
QPushButton[role="cast"] { border: 4px solid #ffd700; font-weight: bold; padding: 10px 28px; }
QPushButton:focus, QLineEdit:focus, QPlainTextEdit:focus { border: 4px solid #00ffff; }
QLineEdit, QPlainTextEdit { background: black; color: white; border: 2px solid white; }
QProgressBar { border: 2px solid white; color: white; } QProgressBar::chunk { background: #ffd700; }
QLabel[role="code"] { font-family: "Liberation Mono"; font-weight: bold; color: #ffd700; }
QLabel[role="title"] { font-weight: bold; }
QLabel[role="heading"] { font-weight: bold; font-size: HEADINGpt; }
QLabel[role="error"] { color: #ff6666; font-weight: bold; }
QLabel[role="ok"] { color: #7cff7c; font-weight: bold; }
QMenuBar, QMenu { background: black; color: white; } QMenu::item:selected, QMenuBar::item:selected { background: #ffd700; color: black; }
)";
} // namespace

void apply_appearance(const Appearance &a) {
  g_current = a;
  QFont f = QApplication::font();
  // Vietnamese needs a font with its diacritics: Liberation Sans (fonts-liberation2) when present.
  if (QFontDatabase::families().contains(QStringLiteral("Liberation Sans")))
    f.setFamily(QStringLiteral("Liberation Sans"));
  f.setPointSizeF(kBaseFontPoints * a.text_percent / 100.0);
  QApplication::setFont(f);
  const double heading = kBaseFontPoints * 1.35 * a.text_percent / 100.0;
  qApp->setStyleSheet(QString::fromLatin1(a.high_contrast ? kContrastSheet : kNormalSheet)
                          .replace(QStringLiteral("HEADING"), QString::number(heading, 'f', 1)));
}

const Appearance &current_appearance() { return g_current; }

} // namespace cv::gui
