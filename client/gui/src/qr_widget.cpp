#include "qr_widget.hpp"

#include "councilvote/minutes/qr.hpp"

#include <QPainter>

namespace cv::gui {

QrWidget::QrWidget(QWidget *parent) : QWidget(parent) { setMinimumSize(200, 200); }

void QrWidget::set_text(const std::string &text) {
  const auto m = minutes::qr_modules(text);
  constexpr int quiet = 4;
  image_ = QImage(m.size + 2 * quiet, m.size + 2 * quiet, QImage::Format_RGB32);
  image_.fill(Qt::white);
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x)
      if (m.at(x, y)) image_.setPixel(x + quiet, y + quiet, qRgb(0, 0, 0));
  update();
}

void QrWidget::paintEvent(QPaintEvent *) {
  if (image_.isNull()) return;
  QPainter p(this);
  const int side = std::min(width(), height());
  const int scale = std::max(1, side / image_.width());
  const int drawn = scale * image_.width();
  p.drawImage(QRect((width() - drawn) / 2, (height() - drawn) / 2, drawn, drawn), image_);
}

} // namespace cv::gui
