#include "member_flow.hpp"

#include "screens/bundle_screen.hpp"
#include "screens/identity_screen.hpp"
#include "screens/poll_screen.hpp"
#include "screens/public_key_screen.hpp"
#include "screens/receipt_screen.hpp"
#include "screens/review_screen.hpp"
#include "screens/unlock_screen.hpp"
#include "screens/waiting_screen.hpp"
#include "status_panel.hpp"

#include <QStackedWidget>
#include <QVBoxLayout>

namespace cv::gui {

MemberFlow::MemberFlow(SessionOptions options, QWidget *parent) : QWidget(parent) {
  session_ = new MemberSession(std::move(options), this);
  stack_ = new QStackedWidget(this);
  auto *l = new QVBoxLayout(this);
  l->setContentsMargins(12, 12, 12, 12);
  l->addWidget(stack_);
  identity_ = new IdentityScreen(*session_);
  public_key_ = new PublicKeyScreen(*session_);
  bundle_ = new BundleScreen(*session_);
  unlock_ = new UnlockScreen(*session_);
  poll_ = new PollScreen;
  review_ = new ReviewScreen(*session_);
  receipt_ = new ReceiptScreen(*session_);
  waiting_ = new WaitingScreen(*session_);
  for (Screen *s : std::initializer_list<Screen *>{identity_, public_key_, bundle_, unlock_, poll_, review_,
                                                   receipt_, waiting_})
    stack_->addWidget(s);

  connect(session_, &MemberSession::identity_created, this, [this] {
    public_key_->reload();
    unlock_->retranslate();
    show(public_key_);
  });
  connect(public_key_, &PublicKeyScreen::done, this, &MemberFlow::route);
  connect(bundle_, &BundleScreen::accepted, this, [this] {
    unlock_->retranslate();
    route();
  });
  connect(session_, &MemberSession::unlocked_changed, this, [this] {
    if (!session_->unlocked()) route();
  });
  connect(session_, &MemberSession::poll_ready, this, &MemberFlow::on_poll_ready);
  connect(session_, &MemberSession::no_poll, this, [this] {
    waiting_->retranslate();
    show(waiting_);
  });
  connect(poll_, &PollScreen::review_requested, this, [this] {
    review_->show_draft(poll_->draft());
    show(review_);
  });
  connect(review_, &ReviewScreen::back_requested, this, [this] { show(poll_); });
  connect(review_, &ReviewScreen::edit_requested, this, [this](std::size_t row) {
    show(poll_);
    poll_->show_row(row);
  });
  connect(review_, &ReviewScreen::cast_confirmed, this, [this] { session_->cast(poll_->draft().choices()); });
  connect(session_, &MemberSession::cast_done, this, [this] {
    review_->set_retry(false);
    receipt_->reload();
    show(receipt_);
  });
  connect(session_, &MemberSession::checked, receipt_, &ReceiptScreen::show_outcome);
  connect(session_, &MemberSession::progress, this, [this](Step step, quint64 done, quint64 total) {
    if (auto *s = current()->status()) s->show_progress(step, done, total);
  });
  connect(session_, &MemberSession::failed, this, [this](Step step, const protocol::Error &e) {
    if (step == Step::cast) review_->set_retry(true);
    if (auto *s = current()->status()) s->show_error(step, e);
  });
  connect(session_, &MemberSession::busy_changed, this, [this](bool busy) {
    if (!busy && current()->status() && !current()->status()->showing_error()) current()->status()->clear();
  });
  route();
}

Screen *MemberFlow::current() const { return static_cast<Screen *>(stack_->currentWidget()); }

void MemberFlow::show(Screen *s) {
  stack_->setCurrentWidget(s);
  emit screen_changed(s);
}

void MemberFlow::show_public_key() {
  if (!session_->has_identity()) return;
  public_key_->reload();
  show(public_key_);
}

void MemberFlow::route() {
  if (!session_->has_identity()) return show(identity_);
  if (!session_->bundle()) return show(bundle_);
  if (!session_->unlocked()) {
    unlock_->retranslate();
    return show(unlock_);
  }
  if (session_->poll()) return on_poll_ready();
  show(waiting_);
}

void MemberFlow::on_poll_ready() {
  const auto &p = session_->poll();
  if (session_->voted()) {
    receipt_->reload();
    return show(receipt_);
  }
  const bool open = p && (p->info.status == protocol::PollStatus::open ||
                          p->info.status == protocol::PollStatus::open_remote);
  if (!open) {
    waiting_->retranslate();
    return show(waiting_);
  }
  // The same poll again (the room opened after the remote window): keep the choices made so far.
  const bool same =
      poll_->poll_id() == p->info.definition.poll && (current() == poll_ || current() == review_);
  if (!same)
    poll_->load(p->info);
  else
    poll_->retranslate();
  if (current() != review_) show(poll_);
}

} // namespace cv::gui
