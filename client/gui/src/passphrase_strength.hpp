// How hard a passphrase is to guess, for the feedback under the passphrase field: a rough estimate
// of its entropy from its length and the kinds of characters it uses (a long phrase of words is
// strong; a short word is not). Below kMinPassphraseChars no key file is made.
#pragma once

#include <QString>

namespace cv::gui {

inline constexpr int kMinPassphraseChars = 10;

enum class Strength { too_short, weak, fair, strong };

struct StrengthEstimate {
  Strength level = Strength::too_short;
  int bits = 0; // estimated entropy
};

[[nodiscard]] StrengthEstimate estimate_strength(const QString &passphrase);

} // namespace cv::gui
