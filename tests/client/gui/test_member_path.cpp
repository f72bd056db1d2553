// The member's whole path in the desktop client against the real councilvote-server on loopback
// (TLS with the pinned certificate): identity → public key → bundle → unlock (a wrong passphrase
// first) → vote → review ("Change" returns to its row, Enter does not cast) → cast → receipt →
// check on the board → restart ("Bạn đã bỏ phiếu" again) → publication → check against the
// record. And a server whose certificate is not the pinned one: refused, with no way around it.
//
// With CV_GUI_SCREENSHOTS=DIR every screen is saved as DIR/member-NN-name-{vi,en}.png
// (tools/screenshots_gui.sh).
#include "appearance.hpp"
#include "choice_row.hpp"
#include "councilvote/client/keys.hpp"
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/record/result_record.hpp"
#include "error_text.hpp"
#include "fixture.hpp"
#include "gui_support.hpp"
#include "language.hpp"
#include "main_window.hpp"
#include "member_flow.hpp"
#include "qr_widget.hpp"
#include "screens/bundle_screen.hpp"
#include "screens/identity_screen.hpp"
#include "screens/poll_screen.hpp"
#include "screens/public_key_screen.hpp"
#include "screens/receipt_screen.hpp"
#include "screens/review_screen.hpp"
#include "screens/unlock_screen.hpp"
#include "status_panel.hpp"

#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <fstream>

using namespace cvtest;
using namespace cvguitest;
using cv::gui::Choice;

namespace {

const QString kPassphrase = QStringLiteral("bốn con mèo ngủ trên mái nhà");

std::unique_ptr<cv::gui::MainWindow> open_window(const cv::gui::SessionOptions &o) {
  auto w = std::make_unique<cv::gui::MainWindow>(o);
  w->resize(1000, 760);
  w->show();
  REQUIRE(QTest::qWaitForWindowExposed(w.get()));
  return w;
}

void unlock(cv::gui::MemberFlow *flow, const QString &passphrase) {
  REQUIRE(flow->current() == flow->unlock());
  auto *pass = child<QLineEdit>(flow->unlock(), "passphrase");
  pass->setText(passphrase);
  click(child<QPushButton>(flow->unlock(), "unlock"));
  CHECK(pass->text().isEmpty()); // not kept in the line edit
}

bool idle(cv::gui::MemberFlow *flow) { return !flow->session().busy(); }

} // namespace

TEST_CASE("member path: identity, bundle, unlock, vote, review, cast, receipt, check, restart, record",
          "[gui][server]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  const cv::gui::SessionOptions o{std::filesystem::path(dir.path().toStdString()) / "member", true, false};
  const Shots shots;
  auto w = open_window(o);
  auto *flow = w->member();

  // ----- first run: the identity
  REQUIRE(flow->current() == flow->identity());
  CHECK(unnamed_controls(w.get()).isEmpty());
  child<QLineEdit>(flow->identity(), "label")->setText(QStringLiteral("Nguyễn Văn An"));
  child<QLineEdit>(flow->identity(), "passphrase")->setText(QStringLiteral("ngắn"));
  CHECK(child<QLabel>(flow->identity(), "strength")->text().startsWith(QStringLiteral("Quá ngắn")));
  click(child<QPushButton>(flow->identity(), "create")); // too short: refused
  CHECK_FALSE(flow->session().has_identity());
  child<QLineEdit>(flow->identity(), "passphrase")->setText(kPassphrase);
  child<QLineEdit>(flow->identity(), "confirm")->setText(kPassphrase);
  CHECK(child<QLabel>(flow->identity(), "strength")->text() == QStringLiteral("Mạnh."));
  shots.take(w.get(), QStringLiteral("01-identity"));
  click(child<QPushButton>(flow->identity(), "create"));
  REQUIRE(spin_until([&] { return flow->current() == flow->public_key(); }));
  CHECK(child<QLineEdit>(flow->identity(), "passphrase")->text().isEmpty());
  CHECK(child<QLineEdit>(flow->identity(), "confirm")->text().isEmpty());

  // ----- the public key, as the secretary registers it
  auto opened = client::open_key(o.dir / "member.key", kPassphrase.toStdString());
  REQUIRE(opened);
  const std::string hex = protocol::lower_hex(opened->signing.public_key);
  CHECK(flow->session().public_key_hex() == hex);
  CHECK(str(child<QLabel>(flow->public_key(), "key")
                ->text()
                .remove(QLatin1Char(' '))
                .remove(QLatin1Char('\n'))) == hex);
  CHECK_FALSE(flow->public_key()->findChild<cv::gui::QrWidget *>()->image().isNull());
  CHECK(unnamed_controls(flow->public_key()).isEmpty());
  shots.take(w.get(), QStringLiteral("02-public-key"));
  h.preset_member_keys(1, std::move(*opened));
  load_small_meeting(h, 4);
  const auto poll = *protocol::PollId::parse("poll-gui");
  const auto info = open_room_poll(h, poll, 4);
  click(child<QPushButton>(flow->public_key(), "continue"));

  // ----- the enrollment bundle, pasted; its code compared
  REQUIRE(flow->current() == flow->bundle());
  child<QPlainTextEdit>(flow->bundle(), "paste")->setPlainText(QStringLiteral("  CV2:NOT-A-BUNDLE "));
  click(child<QPushButton>(flow->bundle(), "read"));
  CHECK(flow->bundle()->status()->showing_error());
  CHECK_FALSE(flow->bundle()->candidate());
  child<QPlainTextEdit>(flow->bundle(), "paste")
      ->setPlainText(QString::fromStdString(protocol::encode_bundle_compact(h.bundle())));
  click(child<QPushButton>(flow->bundle(), "read"));
  REQUIRE(flow->bundle()->candidate());
  CHECK(str(child<QLabel>(flow->bundle(), "code")->text()) == protocol::bundle_code(h.bundle()));
  CHECK(unnamed_controls(flow->bundle()).isEmpty());
  shots.take(w.get(), QStringLiteral("03-bundle"));
  click(child<QPushButton>(flow->bundle(), "accept"));

  // ----- unlock: a wrong passphrase first
  REQUIRE(flow->current() == flow->unlock());
  CHECK(unnamed_controls(flow->unlock()).isEmpty());
  unlock(flow, QStringLiteral("một cụm mật khẩu sai"));
  REQUIRE(spin_until([&] { return idle(flow) && flow->unlock()->status()->showing_error(); }));
  CHECK_FALSE(flow->session().unlocked());
  CHECK(flow->unlock()->status()->text().startsWith(QStringLiteral("Cụm mật khẩu không đúng")));
  shots.take(w.get(), QStringLiteral("04-unlock-wrong-passphrase"));
  unlock(flow, kPassphrase);
  REQUIRE(spin_until([&] { return flow->current() == flow->poll(); }));

  // ----- the ballot
  auto *ps = flow->poll();
  REQUIRE(ps->draft().size() == 4);
  CHECK(unnamed_controls(ps).isEmpty());
  CHECK(str(ps->counter_text()) == "0 / 4 đã chọn");
  for (std::size_t r = 0; r < 4; ++r)
    CHECK(ps->draft().rows()[r].nominee == *info.definition.display[r].nominee);
  click(ps->row(0)->button(Choice::agree));
  click(ps->row(1)->button(Choice::agree));
  click(ps->row(2)->button(Choice::blank));
  // The arrow keys on a made choice change nothing.
  ps->row(1)->button(Choice::agree)->setFocus(Qt::OtherFocusReason);
  for (auto key : {Qt::Key_Right, Qt::Key_Right, Qt::Key_Down, Qt::Key_Left})
    QTest::keyClick(QApplication::focusWidget(), key);
  CHECK(ps->draft().rows()[1].choice == Choice::agree);
  CHECK(str(ps->counter_text()) == "3 / 4 đã chọn");
  shots.take(w.get(), QStringLiteral("05-ballot"));
  shots.take_large_contrast(w.get(), QStringLiteral("05-ballot"));
  click(child<QPushButton>(ps, "review"));

  // ----- the review: "Sửa" really returns to the row
  auto *rv = flow->review();
  REQUIRE(flow->current() == rv);
  CHECK(unnamed_controls(rv).isEmpty());
  CHECK(str(rv->choice_shown(3)) == "Để trống (chưa chọn)");
  CHECK(str(rv->choice_shown(2)) == "Để trống");
  click(rv->change_button(1));
  REQUIRE(flow->current() == ps);
  REQUIRE(QApplication::focusWidget() != nullptr);
  CHECK(ps->row(1)->isAncestorOf(QApplication::focusWidget()));
  click(ps->row(1)->button(Choice::disagree));
  click(child<QPushButton>(ps, "review"));
  REQUIRE(flow->current() == rv);
  CHECK(str(rv->choice_shown(1)) == "Không đồng ý");
  shots.take(w.get(), QStringLiteral("06-review"));

  // ----- cast: Enter in the confirmation goes back; only its cast button casts
  click(rv->cast_button());
  auto *box = visible_child<QMessageBox>(rv, QStringLiteral("confirm_cast"));
  REQUIRE(box != nullptr);
  CHECK(unnamed_controls(box).isEmpty());
  click(box->findChild<QPushButton *>(QStringLiteral("reject")));
  spin_for(50);
  shots.take_dialog(
      [&]() -> QWidget * {
        rv->cast_button()->click();
        return visible_child<QMessageBox>(rv, QStringLiteral("confirm_cast"));
      },
      [](QWidget *d) { d->findChild<QPushButton *>(QStringLiteral("reject"))->click(); },
      QStringLiteral("07-confirm-cast"));
  click(rv->cast_button());
  box = visible_child<QMessageBox>(rv, QStringLiteral("confirm_cast"));
  REQUIRE(box != nullptr);
  QTest::keyClick(box, Qt::Key_Return);
  spin_for(300);
  CHECK(flow->current() == rv);
  CHECK_FALSE(flow->session().saved());
  click(rv->cast_button());
  box = visible_child<QMessageBox>(rv, QStringLiteral("confirm_cast"));
  REQUIRE(box != nullptr);
  click(box->findChild<QPushButton *>(QStringLiteral("accept")));
  REQUIRE(spin_until([&] { return flow->current() == flow->receipt(); }));

  // ----- the receipt, saved; the server has the ballot
  REQUIRE(flow->session().voted());
  const auto saved = *flow->session().saved();
  CHECK(str(flow->receipt()->tracking_code()) == crypto::short_tracking_code(saved.tracking_code));
  CHECK(std::filesystem::exists(flow->session().files().receipt(poll)));
  CHECK(std::filesystem::exists(flow->session().files().ballot(poll)));
  auto turnout = h.secretary().turnout(poll);
  REQUIRE(turnout);
  CHECK(turnout->voted == std::vector<std::uint32_t>{1});
  CHECK(unnamed_controls(flow->receipt()).isEmpty());
  click(flow->receipt()->check_button());
  REQUIRE(spin_until([&] { return idle(flow) && !flow->receipt()->outcome_text().isEmpty(); }));
  CHECK(flow->receipt()->outcome_text().startsWith(
      QStringLiteral("Đã tìm thấy: lá phiếu của bạn là mục %1 của bảng tin").arg(saved.receipt->board_seq)));
  shots.take(w.get(), QStringLiteral("08-receipt-checked"));

  // ----- restart: still "Bạn đã bỏ phiếu", nothing to vote again
  w.reset();
  w = open_window(o);
  flow = w->member();
  unlock(flow, kPassphrase);
  REQUIRE(spin_until([&] { return flow->current() == flow->receipt(); }));
  CHECK(str(child<QLabel>(flow->receipt(), "voted")->text()) == "Bạn đã bỏ phiếu");
  CHECK(flow->receipt()->tracking_code() ==
        QString::fromStdString(crypto::short_tracking_code(saved.tracking_code)));

  // ----- publication: the record counts the ballot
  for (std::uint32_t no = 2; no <= 6; ++no) {
    auto cast = h.vote(no, poll, client::roles::uniform_choices(info.definition.manifest, Choice::agree));
    INFO((cast ? "" : cast.error().message));
    REQUIRE(cast);
  }
  const auto published = close_count_publish(h, poll);
  // The member's choices are the ones counted: nominee 1 has 6 agree votes, nominee 2 five (the GUI
  // member disagreed), nominees 3 and 4 five (blank, and not chosen = blank, never "no").
  auto record = record::decode_record(published.record);
  REQUIRE(record);
  REQUIRE(record->contests.size() == 4);
  CHECK(record->contests[0].agree == 6);
  CHECK(record->contests[0].disagree == 0);
  CHECK(record->contests[1].agree == 5);
  CHECK(record->contests[1].disagree == 1);
  for (std::size_t c : {2u, 3u}) {
    CHECK(record->contests[c].agree == 5);
    CHECK(record->contests[c].blank == 1);
    CHECK(record->contests[c].disagree == 0);
  }
  click(flow->receipt()->check_button());
  REQUIRE(spin_until([&] { return idle(flow) && !flow->receipt()->outcome_text().isEmpty(); }, 120000));
  INFO(str(flow->receipt()->outcome_text()));
  CHECK(flow->receipt()->outcome_text().contains(
      QStringLiteral("Biên bản đã công bố hợp lệ và có tính lá phiếu của bạn")));
  CHECK(str(child<QPushButton>(flow->receipt(), "check")->text()) == "Kiểm tra với biên bản đã công bố");
  shots.take(w.get(), QStringLiteral("09-receipt-record"));
}

TEST_CASE(
    "gui unlock: a server whose certificate is not the pinned one is refused, with no way to connect anyway",
    "[gui][server][pin]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  REQUIRE(h.start_server());
  const cv::gui::SessionOptions o{std::filesystem::path(dir.path().toStdString()) / "member", true, false};
  std::filesystem::create_directories(o.dir);
  REQUIRE(client::create_key_file(o.dir / "member.key", "Nguyễn Văn An", "member", kPassphrase.toStdString(),
                                  crypto::KdfParams::insecure_fast()));
  // The right meeting and address, but another certificate's fingerprint (and another server key).
  auto wrong_pin = h.bundle().tls_cert_sha256;
  wrong_pin[0] ^= 0x01;
  const auto bundle = protocol::make_enrollment_bundle(h.bundle().meeting, h.bundle().server, wrong_pin,
                                                       crypto::SigningKey::generate());
  {
    std::ofstream f(o.dir / "enrollment-bundle.txt");
    f << protocol::encode_bundle_compact(bundle) << "\n";
  }
  const Shots shots;
  auto w = open_window(o);
  auto *flow = w->member();
  unlock(flow, kPassphrase);
  REQUIRE(spin_until([&] { return idle(flow) && flow->unlock()->status()->showing_error(); }));
  CHECK_FALSE(flow->session().unlocked());
  CHECK(flow->current() == flow->unlock());
  CHECK(flow->unlock()->status()->text().startsWith(QStringLiteral("Đây không phải máy chủ của kỳ họp")));
  // The only button is "unlock" again — to the same pinned server: nothing to "connect anyway".
  const auto buttons = flow->unlock()->findChildren<QPushButton *>();
  REQUIRE(buttons.size() == 1);
  CHECK(buttons.front()->objectName() == QStringLiteral("unlock"));
  shots.take(w.get(), QStringLiteral("10-wrong-server"));
  // Trying again is refused the same way.
  unlock(flow, kPassphrase);
  REQUIRE(spin_until([&] { return idle(flow) && flow->unlock()->status()->showing_error(); }));
  CHECK_FALSE(flow->session().unlocked());
  CHECK(flow->unlock()->status()->text().startsWith(QStringLiteral("Đây không phải máy chủ của kỳ họp")));
}

TEST_CASE("remote member: votes in the early window the same way", "[gui][server][remote]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  const cv::gui::SessionOptions o{std::filesystem::path(dir.path().toStdString()) / "member", true, false};
  std::filesystem::create_directories(o.dir);
  auto keys = client::create_key_file(o.dir / "member.key", "Nguyễn Văn An", "member",
                                      kPassphrase.toStdString(), crypto::KdfParams::insecure_fast());
  REQUIRE(keys);
  h.preset_member_keys(3, std::move(*keys));
  load_small_meeting(h, 3);
  REQUIRE(h.set_attendance({{3, protocol::Attendance::remote}}));
  {
    std::ofstream f(o.dir / "enrollment-bundle.txt");
    f << protocol::encode_bundle_compact(h.bundle()) << "\n";
  }
  auto all = client::roles::read_nominees_csv(std::filesystem::path(CV_DATA_DIR) / "nominees.csv");
  REQUIRE(all);
  auto rows = all->nominees.nominees;
  rows.resize(3);
  const auto now = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
  const auto poll = *protocol::PollId::parse("poll-remote");
  auto req =
      client::roles::make_open_poll_request(poll.str(), "Remote poll", rows, protocol::OpenPhase::remote,
                                            protocol::RemoteWindow{now - 60000, now + 600000});
  REQUIRE(req);
  auto opened = h.secretary().open_poll(*req);
  INFO((opened ? "" : opened.error().message));
  REQUIRE(opened);
  REQUIRE(opened->status == protocol::PollStatus::open_remote);

  auto w = open_window(o);
  auto *flow = w->member();
  unlock(flow, kPassphrase);
  REQUIRE(spin_until([&] { return flow->current() == flow->poll(); }));
  CHECK(child<QLabel>(flow->poll(), "phase")
            ->text()
            .startsWith(QStringLiteral("Bỏ phiếu sớm cho thành viên vắng mặt")));
  click(flow->poll()->group_button(0));
  click(child<QPushButton>(flow->poll(), "review"));
  click(flow->review()->cast_button());
  auto *box = visible_child<QMessageBox>(flow->review(), QStringLiteral("confirm_cast"));
  REQUIRE(box != nullptr);
  click(box->findChild<QPushButton *>(QStringLiteral("accept")));
  REQUIRE(spin_until([&] { return flow->current() == flow->receipt(); }));
  auto turnout = h.secretary().turnout(poll);
  REQUIRE(turnout);
  CHECK(turnout->voted == std::vector<std::uint32_t>{3});
  CHECK(turnout->remote == 1);
}
