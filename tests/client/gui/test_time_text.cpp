// A time on the member's screens always carries its time zone (the receipt's "received at", the end
// of the early-voting window): the laptop's local time and its offset from UTC.
#include "language.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

namespace {
// Sets the process's time zone (a POSIX TZ string needs no tzdata) for one test, then restores it.
struct TimeZone {
  explicit TimeZone(const char *tz) : old_(qgetenv("TZ")), had_(qEnvironmentVariableIsSet("TZ")) {
    qputenv("TZ", tz);
    tzset();
  }
  ~TimeZone() {
    if (had_)
      qputenv("TZ", old_);
    else
      qunsetenv("TZ");
    tzset();
  }
  QByteArray old_;
  bool had_;
};
} // namespace

TEST_CASE("ballot: a time on the screen is the laptop's local time with its offset from UTC") {
  constexpr std::uint64_t ms = 1749975300000; // 2025-06-15 08:15:00 UTC
  {
    const TimeZone tz("ICT-7"); // Viet Nam: UTC+07:00
    const auto t = cv::gui::local_time_text(ms);
    INFO(t.toStdString());
    CHECK(t.contains(QStringLiteral("15:15")));
    CHECK(t.endsWith(QStringLiteral("(UTC+07:00)")));
  }
  {
    const TimeZone tz("XYZ+3:30"); // 3 h 30 min west of UTC
    const auto t = cv::gui::local_time_text(ms);
    INFO(t.toStdString());
    CHECK(t.contains(QStringLiteral("04:45")));
    CHECK(t.endsWith(QStringLiteral("(UTC-03:30)")));
  }
  {
    const TimeZone tz("UTC0");
    CHECK(cv::gui::local_time_text(ms).endsWith(QStringLiteral("(UTC+00:00)")));
  }
}

TEST_CASE("ballot: an English date is written day first, with the whole year") {
  const TimeZone tz("UTC0");
  REQUIRE(cv::gui::set_language(cv::gui::Language::en));
  const auto t = cv::gui::local_time_text(1764691200000); // 2025-12-02 16:00 UTC
  REQUIRE(cv::gui::set_language(cv::gui::Language::vi));
  INFO(t.toStdString());
  CHECK(t.startsWith(QStringLiteral("02/12/2025")));
  CHECK(t.contains(QStringLiteral("16:00")));
}
