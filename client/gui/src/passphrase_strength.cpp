#include "passphrase_strength.hpp"

#include <QSet>
#include <cmath>

namespace cv::gui {

StrengthEstimate estimate_strength(const QString &p) {
  StrengthEstimate e;
  bool lower = false, upper = false, digit = false, other = false;
  QSet<QChar> distinct;
  for (const QChar c : p) {
    distinct.insert(c);
    if (c.isLower())
      lower = true;
    else if (c.isUpper())
      upper = true;
    else if (c.isDigit())
      digit = true;
    else
      other = true;
  }
  int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
  if (pool == 0) pool = 1;
  // Repeated characters add little: count distinct ones fully, repeats at a quarter.
  const double per_char = std::log2(static_cast<double>(pool));
  const double effective = static_cast<double>(distinct.size()) +
                           0.25 * static_cast<double>(p.size() - static_cast<qsizetype>(distinct.size()));
  e.bits = static_cast<int>(per_char * effective);
  if (p.size() < kMinPassphraseChars)
    e.level = Strength::too_short;
  else if (e.bits < 45)
    e.level = Strength::weak;
  else if (e.bits < 70)
    e.level = Strength::fair;
  else
    e.level = Strength::strong;
  return e;
}

} // namespace cv::gui
