#include "councilvote/protocol/board.hpp"

#include "councilvote/crypto/hash.hpp"
#include "fields.hpp"

#include <array>
#include <cstdio>

namespace cv::protocol {

namespace {

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms), for years >= 1970.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = y / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t &y, unsigned &m, unsigned &d) {
  z += 719468;
  const std::int64_t era = z / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

constexpr std::uint64_t kMaxUtcMs = 253402300799999; // 9999-12-31T23:59:59.999Z

} // namespace

Result<void> verify_board_chain(std::span<const BoardEntry> entries, std::uint64_t after_seq,
                                const ByteArray<32> &after_head) {
  const auto broken = record::check_board_chain(entries, after_seq, after_head);
  if (!broken) return {};
  const auto where = "board entry " + std::to_string(broken->entry_seq);
  switch (broken->check) {
  case record::ChainCheck::seq:
    return check_error(ErrorCode::inconsistent_data, "seq",
                       where + ": expected seq " + std::to_string(broken->expected_seq));
  case record::ChainCheck::prev:
    return check_error(ErrorCode::inconsistent_data, "prev",
                       where + ": prev is not the hash of the entry before");
  case record::ChainCheck::hash:
    break;
  }
  return check_error(ErrorCode::inconsistent_data, "hash", where + ": hash does not match its contents");
}

namespace fields {

template <> struct Describe<BoardEntry> {
  static constexpr std::tuple fields{
      field("seq", &BoardEntry::seq, Int{1, kMaxJsonInteger}),
      field("kind", &BoardEntry::kind, Enum<BoardEntryKind>{}),
      field("poll", &BoardEntry::poll_id, omit_empty(IdText{PollIdTag::max_length, "poll id"})),
      field("created_at", &BoardEntry::created_at, Text{24, 24}),
      field("payload", &BoardEntry::payload, Hex{0, kDefaultMaxMessageBytes}),
      field("prev", &BoardEntry::prev, Hex{}),
      field("hash", &BoardEntry::hash, Hex{})};
  static void check(ObjectReader &r, const BoardEntry &e) {
    if (!parse_utc_ms(e.created_at))
      r.fail(field_error(ErrorCode::bad_field, r.path_of("created_at"),
                         r.path_of("created_at") + ": not YYYY-MM-DDTHH:MM:SS.SSSZ"));
  }
};

} // namespace fields

QJsonObject board_entry_to_json(const BoardEntry &e) { return fields::to_json(e); }
BoardEntry read_board_entry(ObjectReader &r) { return fields::read<BoardEntry>(r); }

std::string format_utc_ms(std::uint64_t unix_ms) {
  if (unix_ms > kMaxUtcMs) unix_ms = kMaxUtcMs;
  const auto days = static_cast<std::int64_t>(unix_ms / 86'400'000);
  const std::uint64_t in_day = unix_ms % 86'400'000;
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02u.%03uZ", static_cast<long long>(y), m, d,
                static_cast<unsigned>(in_day / 3'600'000), static_cast<unsigned>(in_day / 60'000 % 60),
                static_cast<unsigned>(in_day / 1000 % 60), static_cast<unsigned>(in_day % 1000));
  return buf;
}

std::optional<std::uint64_t> parse_utc_ms(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS.SSSZ
  if (t.size() != 24 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' ||
      t[19] != '.' || t[23] != 'Z')
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) -> std::optional<unsigned> {
    unsigned v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (t[i] < '0' || t[i] > '9') return std::nullopt;
      v = v * 10 + static_cast<unsigned>(t[i] - '0');
    }
    return v;
  };
  auto y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), s = num(17, 2),
       ms = num(20, 3);
  if (!y || !mo || !d || !h || !mi || !s || !ms) return std::nullopt;
  if (*y < 1970 || *mo < 1 || *mo > 12 || *d < 1 || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  const unsigned month_days = kDays[*mo - 1] + (*mo == 2 && leap ? 1u : 0u);
  if (*d > month_days) return std::nullopt;
  const auto days = static_cast<std::uint64_t>(days_from_civil(*y, *mo, *d));
  return days * 86'400'000 + std::uint64_t{*h} * 3'600'000 + std::uint64_t{*mi} * 60'000 +
         std::uint64_t{*s} * 1000 + *ms;
}

} // namespace cv::protocol
