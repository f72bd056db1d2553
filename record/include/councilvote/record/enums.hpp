// The domain's enumerations, once for every layer (schema, protocol, server, client), each with
// its one table of names: the text the wire, the board and the database use for each value
// (docs/wire.md §8, docs/storage.md). No Qt, no SQL.
#pragma once

#include "councilvote/crypto/ballot.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace cv::record {

enum class CouncilRole { chair, vice_chair, secretary, member };
enum class NomineeKind { ca_nhan, tap_the }; // individual (cá nhân), collective (tập thể)
enum class Comparison { at_least, more_than };
enum class Denominator { all_members, present_members };
// `unknown` (not yet marked) is a roster member's state before set_attendance, and appears on the
// wire only in the frozen attendance of a poll; set_attendance takes the other three.
enum class Attendance { present, remote, absent, unknown };
// draft -> open_remote -> open -> closed -> tallied -> published (in this order).
enum class PollState { draft, open_remote, open, closed, tallied, published };
enum class CeremonyState { collecting, complete, failed };
enum class CeremonyMessageKind { commitments, share, complaint };
enum class Channel { in_room, remote };
enum class Outcome { passed, not_passed }; // đạt / không đạt
// A contest's outcome in the record (docs/record.md).
enum class ContestOutcome { passed, not_passed, quorum_not_met, tie_at_quota };

// The table of names of enumeration E: `table` lists every value once with its text.
template <class E> struct EnumNames;
template <class E, std::size_t N> using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <> struct EnumNames<CouncilRole> {
  static constexpr NameTable<CouncilRole, 4> table{{{CouncilRole::chair, "chair"},
                                                    {CouncilRole::vice_chair, "vice_chair"},
                                                    {CouncilRole::secretary, "secretary"},
                                                    {CouncilRole::member, "member"}}};
};
template <> struct EnumNames<NomineeKind> {
  static constexpr NameTable<NomineeKind, 2> table{
      {{NomineeKind::ca_nhan, "ca_nhan"}, {NomineeKind::tap_the, "tap_the"}}};
};
template <> struct EnumNames<Comparison> {
  static constexpr NameTable<Comparison, 2> table{
      {{Comparison::at_least, "at_least"}, {Comparison::more_than, "more_than"}}};
};
template <> struct EnumNames<Denominator> {
  static constexpr NameTable<Denominator, 2> table{
      {{Denominator::all_members, "all_members"}, {Denominator::present_members, "present_members"}}};
};
template <> struct EnumNames<Attendance> {
  static constexpr NameTable<Attendance, 4> table{{{Attendance::present, "present"},
                                                   {Attendance::remote, "remote"},
                                                   {Attendance::absent, "absent"},
                                                   {Attendance::unknown, "unknown"}}};
};
template <> struct EnumNames<PollState> {
  static constexpr NameTable<PollState, 6> table{{{PollState::draft, "draft"},
                                                  {PollState::open_remote, "open_remote"},
                                                  {PollState::open, "open"},
                                                  {PollState::closed, "closed"},
                                                  {PollState::tallied, "tallied"},
                                                  {PollState::published, "published"}}};
};
template <> struct EnumNames<CeremonyState> {
  static constexpr NameTable<CeremonyState, 3> table{{{CeremonyState::collecting, "collecting"},
                                                      {CeremonyState::complete, "complete"},
                                                      {CeremonyState::failed, "failed"}}};
};
template <> struct EnumNames<CeremonyMessageKind> {
  static constexpr NameTable<CeremonyMessageKind, 3> table{{{CeremonyMessageKind::commitments, "commitments"},
                                                            {CeremonyMessageKind::share, "share"},
                                                            {CeremonyMessageKind::complaint, "complaint"}}};
};
template <> struct EnumNames<Channel> {
  static constexpr NameTable<Channel, 2> table{{{Channel::in_room, "in_room"}, {Channel::remote, "remote"}}};
};
template <> struct EnumNames<Outcome> {
  static constexpr NameTable<Outcome, 2> table{
      {{Outcome::passed, "passed"}, {Outcome::not_passed, "not_passed"}}};
};
template <> struct EnumNames<ContestOutcome> {
  static constexpr NameTable<ContestOutcome, 4> table{{{ContestOutcome::passed, "passed"},
                                                       {ContestOutcome::not_passed, "not_passed"},
                                                       {ContestOutcome::quorum_not_met, "quorum_not_met"},
                                                       {ContestOutcome::tie_at_quota, "tie_at_quota"}}};
};
template <> struct EnumNames<crypto::ContestKind> {
  static constexpr NameTable<crypto::ContestKind, 2> table{
      {{crypto::ContestKind::commendation, "commendation"}, {crypto::ContestKind::general, "general"}}};
};

// The text of `e` ("?" for a value outside the table, which a cast can make).
template <class E> [[nodiscard]] constexpr std::string_view name(E e) noexcept {
  for (const auto &[value, text] : EnumNames<E>::table)
    if (value == e) return text;
  return "?";
}

// The value whose text is `text`, exactly (case-sensitive).
template <class E> [[nodiscard]] constexpr std::optional<E> parse(std::string_view text) noexcept {
  for (const auto &[value, name_text] : EnumNames<E>::table)
    if (name_text == text) return value;
  return std::nullopt;
}

// E's table as (text, value) pairs, in order: what a reader lists as the allowed names.
template <class E> [[nodiscard]] constexpr auto named() noexcept {
  constexpr const auto &table = EnumNames<E>::table;
  std::array<std::pair<std::string_view, E>, table.size()> out{};
  for (std::size_t i = 0; i < table.size(); ++i) out[i] = {table[i].second, table[i].first};
  return out;
}

} // namespace cv::record
