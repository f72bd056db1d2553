// A QR code drawn from the modules of minutes/qr.hpp (libqrencode): black on white with a quiet
// zone, square, as large as the widget allows.
#pragma once

#include <QImage>
#include <QWidget>
#include <string>

namespace cv::gui {

class QrWidget : public QWidget {
  Q_OBJECT
public:
  explicit QrWidget(QWidget *parent = nullptr);
  void set_text(const std::string &text);
  [[nodiscard]] const QImage &image() const noexcept { return image_; } // one pixel per module
  [[nodiscard]] QSize sizeHint() const override { return {240, 240}; }

protected:
  void paintEvent(QPaintEvent *event) override;

private:
  QImage image_;
};

} // namespace cv::gui
