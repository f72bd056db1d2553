// A trustee's whole path in the desktop client against the real councilvote-server on loopback:
// the key ceremony (a wrong passphrase refused with nothing written or posted; the state sealed and
// read back before anything is posted; the checklist; the key share saved and checked), then the
// decryption of a poll's totals (recomputed from the board; "Go back" sends nothing; the confirmed
// part is the one the server holds; the record is published with it).
//
// With CV_GUI_SCREENSHOTS=DIR the trustee's window is saved as DIR/trustee-NN-name-{vi,en}.png.
#include "councilvote/client/keys.hpp"
#include "councilvote/record/result_record.hpp"
#include "fixture.hpp"
#include "gui_support.hpp"
#include "main_window.hpp"
#include "member_flow.hpp"
#include "screens/trustee_screen.hpp"
#include "screens/unlock_screen.hpp"
#include "status_panel.hpp"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <fstream>

using namespace cvtest;
using namespace cvguitest;

namespace {

const QString kPassphrase = QStringLiteral("ba người gác cổng kiểm phiếu");

} // namespace

TEST_CASE(
    "trustee path: key ceremony checklist, sealed state checked, decryption confirmed, record published",
    "[gui][server]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  const cv::gui::SessionOptions o{std::filesystem::path(dir.path().toStdString()) / "trustee", true, false};
  Shots shots;
  shots.prefix = QStringLiteral("trustee-");

  // The trustee's identity (made as the member path makes it) and the meeting, with no ceremony yet.
  std::filesystem::create_directories(o.dir);
  auto keys = client::create_key_file(o.dir / "member.key", "Trần Thị Bình", "member",
                                      kPassphrase.toStdString(), client::kdf_params(true));
  REQUIRE(keys);
  {
    std::ofstream pub(o.dir / "member-public-key.txt");
    pub << "CouncilVote member public key\nlabel: Trần Thị Bình\nsigning key: "
        << protocol::lower_hex(keys->signing.public_key) << "\n";
  }
  h.preset_member_keys(1, std::move(*keys));
  load_small_meeting(h, 3, {}, false);
  {
    std::ofstream b(o.dir / "enrollment-bundle.txt");
    b << protocol::encode_bundle_compact(h.bundle()) << "\n";
  }
  REQUIRE(h.begin_key_ceremony({1, 5, 6}, 2, {1})); // trustees 5 and 6 have posted nothing yet

  auto w = std::make_unique<cv::gui::MainWindow>(o);
  w->show();
  REQUIRE(QTest::qWaitForWindowExposed(w.get()));
  auto *flow = w->member();
  REQUIRE(flow->current() == flow->unlock());
  child<QLineEdit>(flow->unlock(), "passphrase")->setText(kPassphrase);
  click(child<QPushButton>(flow->unlock(), "unlock"));
  REQUIRE(spin_until([&] { return flow->session().unlocked() && !flow->session().busy(); }));

  auto *t = w->show_trustee();
  REQUIRE(QTest::qWaitForWindowExposed(t));
  CHECK(unnamed_controls(t).isEmpty());
  auto *pass = child<QLineEdit>(t, "passphrase");
  const auto state_file = client::sibling_path(o.dir / "member.key", "ceremony.sealed");
  shots.take(t, QStringLiteral("01-ceremony-start"));

  // ----- a wrong passphrase: refused, no state file, nothing posted
  const auto seq_before = board_seq(h);
  pass->setText(QStringLiteral("không phải cụm mật khẩu này"));
  click(child<QPushButton>(t, "ceremony"));
  CHECK(pass->text().isEmpty());
  REQUIRE(spin_until([&] { return !t->work().busy() && t->status()->showing_error(); }));
  CHECK(t->status()->text().contains(QStringLiteral("cụm mật khẩu")));
  CHECK_FALSE(std::filesystem::exists(state_file));
  CHECK(board_seq(h) == seq_before);
  CHECK_FALSE(t->work().ceremony().state_sealed);

  // ----- the ceremony: sealed and read back, posted, shares verified, complete
  pass->setText(kPassphrase);
  click(child<QPushButton>(t, "ceremony"));
  // The GUI trustee posts first, then waits for the others' commitments and shares.
  REQUIRE(spin_until([&] { return t->work().ceremony().posted && !t->work().busy(); }));
  const auto &running = t->work().ceremony();
  CHECK(running.state_sealed);
  CHECK_FALSE(running.shares_verified);
  CHECK(running.index == 1);
  CHECK(running.threshold == 2);
  CHECK(running.trustees == 3);
  CHECK(std::filesystem::exists(state_file)); // sealed before the first post, kept until the share is saved
  CHECK(board_seq(h) > seq_before);           // the commitments and two shares
  CHECK(child<QLabel>(t, "step-1")->text().startsWith(QStringLiteral("✔")));
  CHECK(child<QLabel>(t, "step-2")->text().startsWith(QStringLiteral("✔")));
  CHECK(child<QLabel>(t, "step-3")->text().startsWith(QStringLiteral("○")));
  CHECK(child<QLabel>(t, "step-4")->text().startsWith(QStringLiteral("○")));
  CHECK(child<QLabel>(t, "waiting")->text().startsWith(QStringLiteral("Vẫn đang chờ")));
  CHECK(str(child<QLabel>(t, "who")->text()) ==
        "Bạn là thành viên ban kiểm phiếu 1 trong 3; cần 2 người để giải mã.");
  CHECK_FALSE(child<QPushButton>(t, "ceremony")->isEnabled()); // running: not begun twice
  shots.take(t, QStringLiteral("02-ceremony-waiting"));
  for (int i = 0; i < 20 && !t->work().ceremony().complete; ++i) {
    auto r = h.key_ceremony_round(); // 5 and 6 read the GUI trustee's messages and verify
    INFO((r ? "" : r.error().message));
    REQUIRE(r);
    spin_until([&] { return t->work().ceremony().complete; }, 3000);
  }
  REQUIRE(t->work().ceremony().complete);
  auto all = h.key_ceremony_round();
  REQUIRE(all);
  CHECK(*all);
  const auto &done = t->work().ceremony();
  CHECK_FALSE(std::filesystem::exists(state_file));
  auto share = client::roles::load_trustee_share(done.share_file, kPassphrase.toStdString());
  REQUIRE(share);
  CHECK(share->share.index == 1);
  auto view = h.member(5).client->get_ceremony_messages(0);
  REQUIRE(view);
  REQUIRE(view->joint_key);
  CHECK(share->share.joint_key == *view->joint_key);
  CHECK(done.joint_key_hex == protocol::lower_hex(view->joint_key->bytes()));
  for (const char *s : {"step-1", "step-2", "step-3", "step-4"})
    CHECK(child<QLabel>(t, s)->text().startsWith(QStringLiteral("✔")));
  CHECK(child<QLabel>(t, "joint-key")->isVisible());
  shots.take(t, QStringLiteral("03-ceremony-complete"));

  // ----- a poll: six members vote (the meeting's minimum for a tally is five), the secretary closes it and
  // starts the tally
  const auto poll = *protocol::PollId::parse("poll-trustee");
  const auto info = open_room_poll(h, poll, 3);
  for (std::uint32_t no = 2; no <= 7; ++no)
    REQUIRE(h.vote(
        no, poll,
        client::roles::uniform_choices(info.definition.manifest, no == 4 ? client::roles::Choice::disagree
                                                                         : client::roles::Choice::agree)));
  REQUIRE(h.secretary().close_poll(poll));
  auto started = h.secretary().start_tally(poll);
  INFO((started ? "" : started.error().message));
  REQUIRE(started);
  flow->session().refresh();
  REQUIRE(spin_until([&] { return !flow->session().busy() && flow->session().poll(); }));

  // ----- the tally recomputed; nothing sent until confirmed
  pass->setText(kPassphrase);
  click(child<QPushButton>(t, "prepare"));
  REQUIRE(spin_until([&] { return !t->work().busy() && child<QLabel>(t, "tally")->isVisible(); }));
  INFO(str(t->status()->text()));
  CHECK(child<QLabel>(t, "tally")->text().contains(QStringLiteral("6 lá phiếu")));
  CHECK(child<QLabel>(t, "held")->text().startsWith(QStringLiteral("Chưa gửi gì")));
  CHECK_FALSE(child<QLabel>(t, "warning")->text().isEmpty());
  auto tally = h.member(5).client->get_tally(poll);
  REQUIRE(tally);
  CHECK(tally->partials.empty());
  shots.take(t, QStringLiteral("04-decryption-ready"));
  click(child<QPushButton>(t, "decrypt"));
  auto *box = visible_child<QMessageBox>(t, QStringLiteral("confirm_decrypt"));
  REQUIRE(box != nullptr);
  CHECK(unnamed_controls(box).isEmpty());
  QTest::keyClick(box, Qt::Key_Return); // Enter is "Go back"
  spin_for(300);
  tally = h.member(5).client->get_tally(poll);
  REQUIRE(tally);
  CHECK(tally->partials.empty());
  shots.take_dialog(
      [&]() -> QWidget * {
        child<QPushButton>(t, "decrypt")->click();
        return visible_child<QMessageBox>(t, QStringLiteral("confirm_decrypt"));
      },
      [](QWidget *d) { d->findChild<QPushButton *>(QStringLiteral("reject"))->click(); },
      QStringLiteral("05-confirm-decrypt"));
  click(child<QPushButton>(t, "decrypt"));
  box = visible_child<QMessageBox>(t, QStringLiteral("confirm_decrypt"));
  REQUIRE(box != nullptr);
  click(box->findChild<QPushButton *>(QStringLiteral("accept")));
  REQUIRE(spin_until([&] { return !t->work().busy() && !child<QPushButton>(t, "decrypt")->isEnabled(); }));
  CHECK_FALSE(t->status()->showing_error());
  CHECK(str(child<QLabel>(t, "held")->text()) ==
        "Máy chủ đã nhận phần của bạn. Máy chủ đang giữ 1 trong 2 phần cần có (thành viên ban 1).");
  tally = h.member(5).client->get_tally(poll);
  REQUIRE(tally);
  CHECK(tally->partials == std::vector<std::uint32_t>{1});
  shots.take(t, QStringLiteral("06-decryption-sent"));

  // ----- a second trustee decrypts; the record is published with the GUI trustee's part
  REQUIRE(h.decrypt(5, poll));
  auto published = h.secretary().publish_record(poll);
  INFO((published ? "" : published.error().message));
  REQUIRE(published);
  auto record = record::decode_record(published->record);
  REQUIRE(record);
  REQUIRE(record->contests.size() == 3);
  CHECK(record->contests[0].agree == 5);
  CHECK(record->contests[0].disagree == 1);
}
