// A passphrase typed into a QLineEdit, moved at once into sodium_malloc'd memory: the line edit is
// cleared and the temporary copies Qt handed out are overwritten.
#pragma once

#include "councilvote/crypto/secret.hpp"

class QLineEdit;

namespace cv::gui {

[[nodiscard]] crypto::SecretBytes take_secret(QLineEdit *edit);
// Whether two line edits hold the same text (compared, then nothing kept).
[[nodiscard]] bool same_text(const QLineEdit *a, const QLineEdit *b);

} // namespace cv::gui
