// The member's path through the screens: identity → public key → enrollment bundle → unlock →
// poll → review → receipt (or "waiting" when nothing is open). Owns the MemberSession and decides,
// from what the session says, which screen is shown; the screens only show and ask.
// The trustee's, secretary's and projector's flows will sit beside this one in MainWindow.
#pragma once

#include "member_session.hpp"

#include <QWidget>

class QStackedWidget;

namespace cv::gui {

class Screen;
class IdentityScreen;
class PublicKeyScreen;
class BundleScreen;
class UnlockScreen;
class PollScreen;
class ReviewScreen;
class ReceiptScreen;
class WaitingScreen;

class MemberFlow : public QWidget {
  Q_OBJECT
public:
  explicit MemberFlow(SessionOptions options, QWidget *parent = nullptr);
  [[nodiscard]] MemberSession &session() noexcept { return *session_; }
  [[nodiscard]] Screen *current() const;
  void show_public_key();

  [[nodiscard]] IdentityScreen *identity() const noexcept { return identity_; }
  [[nodiscard]] PublicKeyScreen *public_key() const noexcept { return public_key_; }
  [[nodiscard]] BundleScreen *bundle() const noexcept { return bundle_; }
  [[nodiscard]] UnlockScreen *unlock() const noexcept { return unlock_; }
  [[nodiscard]] PollScreen *poll() const noexcept { return poll_; }
  [[nodiscard]] ReviewScreen *review() const noexcept { return review_; }
  [[nodiscard]] ReceiptScreen *receipt() const noexcept { return receipt_; }
  [[nodiscard]] WaitingScreen *waiting() const noexcept { return waiting_; }

signals:
  void screen_changed(cv::gui::Screen *screen);

private:
  void route();
  void show(Screen *s);
  void on_poll_ready();
  MemberSession *session_;
  QStackedWidget *stack_;
  IdentityScreen *identity_;
  PublicKeyScreen *public_key_;
  BundleScreen *bundle_;
  UnlockScreen *unlock_;
  PollScreen *poll_;
  ReviewScreen *review_;
  ReceiptScreen *receipt_;
  WaitingScreen *waiting_;
};

} // namespace cv::gui
