#include "secret_input.hpp"

#include <QByteArray>
#include <QLineEdit>
#include <QString>
#include <sodium.h>

namespace cv::gui {

void wipe(QString &s) {
  if (!s.isEmpty()) sodium_memzero(s.data(), static_cast<std::size_t>(s.size()) * sizeof(QChar));
  s.clear();
}

int with_text(const QLineEdit *edit, int (*look)(const QString &)) {
  QString text = edit->text();
  const int r = look(text);
  wipe(text);
  return r;
}

namespace {
void wipe(QByteArray &b) {
  if (!b.isEmpty()) sodium_memzero(b.data(), static_cast<std::size_t>(b.size()));
  b.clear();
}
} // namespace

crypto::SecretBytes take_secret(QLineEdit *edit) {
  QString text = edit->text();
  QByteArray utf8 = text.toUtf8();
  crypto::SecretBytes out(crypto::ByteView(reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                                           static_cast<std::size_t>(utf8.size())));
  wipe(utf8);
  wipe(text);
  edit->clear();
  return out;
}

bool same_text(const QLineEdit *a, const QLineEdit *b) {
  QString x = a->text(), y = b->text();
  const bool same = x == y;
  wipe(x);
  wipe(y);
  return same;
}

} // namespace cv::gui
