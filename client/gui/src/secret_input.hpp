// A passphrase typed into a QLineEdit, moved at once into sodium_malloc'd memory: the line edit is
// cleared and the temporary copies Qt handed out are overwritten.
#pragma once

#include "councilvote/crypto/secret.hpp"

class QLineEdit;
class QString;

namespace cv::gui {

[[nodiscard]] crypto::SecretBytes take_secret(QLineEdit *edit);
// Overwrites a copy of a secret's text before it is released.
void wipe(QString &s);
// How strong the passphrase in the line edit is (the copy taken to look at it is wiped).
[[nodiscard]] int with_text(const QLineEdit *edit, int (*look)(const QString &));
// Whether two line edits hold the same text (compared, then nothing kept).
[[nodiscard]] bool same_text(const QLineEdit *a, const QLineEdit *b);

} // namespace cv::gui
