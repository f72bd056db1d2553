// Helpers of the GUI tests: a synthetic poll (no server), clicks, waiting in the event loop, the
// controls without an accessible name, and screenshots.
#pragma once

#include "appearance.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "event_loop.hpp" // spin_until
#include "language.hpp"

#include <QAbstractButton>
#include <QAccessible>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTest>
#include <QWidget>
#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

namespace cvguitest {

using namespace cv;

// A poll of `per_award.size()` awards with per_award[i] nominees each (display rows only: enough
// for the screens, not for a ballot).
inline protocol::PollInfo synthetic_poll(const std::vector<int> &per_award) {
  protocol::PollInfo info;
  info.definition.poll = "poll-synthetic";
  info.definition.title = "Phiên họp xét khen thưởng — thử nghiệm";
  info.status = protocol::PollStatus::open;
  std::uint32_t no = 1;
  const char *awards[] = {"Chiến sĩ thi đua tỉnh", "Bằng khen của Chủ tịch UBND tỉnh",
                          "Cờ thi đua của UBND tỉnh"};
  for (std::size_t a = 0; a < per_award.size(); ++a)
    for (int i = 0; i < per_award[a]; ++i, ++no) {
      info.definition.manifest.contests.push_back(crypto::PollManifest::commendation(std::to_string(no)));
      record::ContestDisplay d;
      record::NomineeRow row;
      row.nominee_no = no;
      row.name = "Nguyễn Thị Đào " + std::to_string(no);
      row.position = "Trưởng phòng";
      row.unit = "Sở Giáo dục và Đào tạo";
      row.award = awards[a % 3];
      d.nominee = row;
      info.definition.display.push_back(d);
    }
  return info;
}

inline void click(QAbstractButton *b) {
  REQUIRE(b != nullptr);
  REQUIRE(b->isVisible());
  REQUIRE(b->isEnabled());
  QTest::mouseClick(b, Qt::LeftButton);
}

inline bool spin_until(const std::function<bool()> &done, int ms = 60000) {
  return cv::tools::spin_until(done, ms);
}
inline void spin_for(int ms) {
  cv::tools::spin_until([] { return false; }, ms);
}

// Every control a user can operate (buttons, text fields) under `root` whose accessible name is
// empty, as "objectName (class)".
inline QStringList unnamed_controls(QWidget *root) {
  QStringList out;
  auto check = [&](QWidget *w) {
    const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                         qobject_cast<QPlainTextEdit *>(w);
    if (!control || w->objectName().startsWith(QStringLiteral("qt_")))
      return; // Qt's own (menu bar extension)
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
    if (a == nullptr || a->text(QAccessible::Name).trimmed().isEmpty())
      out << (w->objectName() + QStringLiteral(" (") + QString::fromLatin1(w->metaObject()->className()) +
              QStringLiteral(")"));
  };
  check(root);
  for (auto *w : root->findChildren<QWidget *>()) check(w);
  return out;
}

// The visible message box `name` under `parent` (a closed one waits for its deletion, hidden).
template <class Box> Box *visible_child(QWidget *parent, const QString &name) {
  for (auto *b : parent->findChildren<Box *>(name))
    if (b->isVisible()) return b;
  return nullptr;
}

inline std::string str(const QString &s) { return s.toStdString(); }

// Screenshots of a window (or a dialog) in both languages, when CV_GUI_SCREENSHOTS names a folder.
struct Shots {
  QString prefix = QStringLiteral("member-"); // the file names: DIR/<prefix>NN-name-<lang>.png
  QString dir = qEnvironmentVariable("CV_GUI_SCREENSHOTS");
  void take(QWidget *w, const QString &name) const {
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    for (auto lang : {cv::gui::Language::vi, cv::gui::Language::en}) {
      REQUIRE(cv::gui::set_language(lang));
      spin_for(80);
      REQUIRE(w->grab().save(dir + QLatin1Char('/') + prefix + name + QLatin1Char('-') +
                             cv::gui::language_code(lang) + QStringLiteral(".png")));
    }
    REQUIRE(cv::gui::set_language(cv::gui::Language::vi));
    spin_for(50);
  }
  // A dialog is made in one language: opened anew in each (open() returns it, close(it) shuts it).
  void take_dialog(const std::function<QWidget *()> &open, const std::function<void(QWidget *)> &close,
                   const QString &name) const {
    if (dir.isEmpty()) return;
    for (auto lang : {cv::gui::Language::vi, cv::gui::Language::en}) {
      REQUIRE(cv::gui::set_language(lang));
      spin_for(80);
      QWidget *d = open();
      REQUIRE(d != nullptr);
      spin_for(80);
      REQUIRE(d->grab().save(dir + QLatin1Char('/') + prefix + name + QLatin1Char('-') +
                             cv::gui::language_code(lang) + QStringLiteral(".png")));
      close(d);
      spin_for(80);
    }
    REQUIRE(cv::gui::set_language(cv::gui::Language::vi));
    spin_for(50);
  }
  // The window at 150 % text and in high contrast (Vietnamese).
  void take_large_contrast(QWidget *w, const QString &name) const {
    if (dir.isEmpty()) return;
    cv::gui::apply_appearance({150, true});
    spin_for(80);
    REQUIRE(w->grab().save(dir + QLatin1Char('/') + prefix + name + QStringLiteral("-150-contrast-vi.png")));
    cv::gui::apply_appearance({});
    spin_for(80);
  }
};

template <class W> W *child(QWidget *parent, const char *name) {
  auto *w = parent->findChild<W *>(QString::fromLatin1(name));
  REQUIRE(w != nullptr);
  return w;
}

} // namespace cvguitest
