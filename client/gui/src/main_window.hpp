// The window: the menus (language, text size, high contrast, the member's public key) around the
// member's flow. Later roles (trustee, secretary, projector) add their flows here.
#pragma once

#include "member_session.hpp"

#include <QMainWindow>

class QAction;
class QMenu;

namespace cv::gui {

class MemberFlow;
class TrusteeScreen;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(SessionOptions options, QWidget *parent = nullptr);
  [[nodiscard]] MemberFlow *member() const noexcept { return member_; }
  // The menu actions, for the tests: "vi", "en", "text-100", "text-125", "text-150", "contrast".
  [[nodiscard]] QAction *action(const QString &name) const;
  // The trustee's window (made on first use; "trustee" in the Member menu shows it).
  TrusteeScreen *show_trustee();

protected:
  void changeEvent(QEvent *e) override;

private:
  void retranslate();
  MemberFlow *member_;
  QMenu *file_, *view_, *language_, *member_menu_;
  QAction *quit_, *vi_, *en_, *text100_, *text125_, *text150_, *contrast_, *public_key_, *trustee_action_;
  TrusteeScreen *trustee_ = nullptr;
};

} // namespace cv::gui
