// The member's public key for the secretary, who registers it: as text (in groups of four to read
// aloud), as a QR code, and as a file to hand over.
#pragma once

#include "../screen.hpp"

class QLabel;
class QPushButton;

namespace cv::gui {

class MemberSession;
class QrWidget;

class PublicKeyScreen : public Screen {
  Q_OBJECT
public:
  explicit PublicKeyScreen(MemberSession &session, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }
  // Reads the key again (after the identity was created).
  void reload();
  [[nodiscard]] static QString grouped(const QString &hex); // "abcd ef01 …", eight groups a line

signals:
  void done();

private:
  void save_copy();
  MemberSession &session_;
  QLabel *title_, *intro_, *name_, *key_, *file_;
  QrWidget *qr_;
  QPushButton *save_, *copy_, *continue_;
  StatusPanel *status_;
};

} // namespace cv::gui
