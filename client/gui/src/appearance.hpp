// How the program looks: the text size (100, 125 or 150 % of the base size, on top of the
// screen's own scaling) and a high-contrast scheme (white on black, yellow for what is chosen and
// for the focus). Applied to the whole application at once.
#pragma once

namespace cv::gui {

struct Appearance {
  int text_percent = 100; // 100, 125, 150
  bool high_contrast = false;
};

inline constexpr int kBaseFontPoints = 11;

void apply_appearance(const Appearance &a); // needs a QApplication
[[nodiscard]] const Appearance &current_appearance();

} // namespace cv::gui
