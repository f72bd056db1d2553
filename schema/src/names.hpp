// The text the schema stores for each enumeration (the values of its CHECK constraints).
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/schema/board.hpp"
#include "councilvote/schema/ceremony.hpp"
#include "councilvote/schema/error.hpp"
#include "councilvote/schema/poll.hpp"
#include "councilvote/schema/roster.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace cv::schema::detail {

template <class E> struct Names;
template <class E, std::size_t N> using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <> struct Names<Attendance> {
  static constexpr NameTable<Attendance, 4> table{{{Attendance::unknown, "unknown"},
                                                   {Attendance::present, "present"},
                                                   {Attendance::absent, "absent"},
                                                   {Attendance::remote, "remote"}}};
};
template <> struct Names<CeremonyState> {
  static constexpr NameTable<CeremonyState, 3> table{{{CeremonyState::collecting, "collecting"},
                                                      {CeremonyState::complete, "complete"},
                                                      {CeremonyState::failed, "failed"}}};
};
template <> struct Names<CeremonyMessageKind> {
  static constexpr NameTable<CeremonyMessageKind, 3> table{{{CeremonyMessageKind::commitments, "commitments"},
                                                            {CeremonyMessageKind::share, "share"},
                                                            {CeremonyMessageKind::complaint, "complaint"}}};
};
template <> struct Names<PollState> {
  static constexpr NameTable<PollState, 6> table{{{PollState::draft, "draft"},
                                                  {PollState::open_remote, "open_remote"},
                                                  {PollState::open, "open"},
                                                  {PollState::closed, "closed"},
                                                  {PollState::tallied, "tallied"},
                                                  {PollState::published, "published"}}};
};
template <> struct Names<Channel> {
  static constexpr NameTable<Channel, 2> table{{{Channel::in_room, "in_room"}, {Channel::remote, "remote"}}};
};
template <> struct Names<Outcome> {
  static constexpr NameTable<Outcome, 2> table{
      {{Outcome::passed, "passed"}, {Outcome::not_passed, "not_passed"}}};
};
template <> struct Names<BoardKind> {
  static constexpr NameTable<BoardKind, 9> table{{{BoardKind::manifest, "manifest"},
                                                  {BoardKind::ballot, "ballot"},
                                                  {BoardKind::commitments, "commitments"},
                                                  {BoardKind::share, "share"},
                                                  {BoardKind::complaint, "complaint"},
                                                  {BoardKind::partial_decryption, "partial_decryption"},
                                                  {BoardKind::tally, "tally"},
                                                  {BoardKind::result, "result"},
                                                  {BoardKind::attendance, "attendance"}}};
};
template <> struct Names<crypto::ContestKind> {
  static constexpr NameTable<crypto::ContestKind, 2> table{
      {{crypto::ContestKind::commendation, "commendation"}, {crypto::ContestKind::general, "general"}}};
};

template <class E> std::string_view name(E e) noexcept {
  for (const auto &[value, text] : Names<E>::table)
    if (value == e) return text;
  return {};
}

// The enumerator stored as `text`; an unknown text means the file was altered behind the schema.
template <class E> Result<E> parse(const std::string &text) {
  for (const auto &[value, name_text] : Names<E>::table)
    if (name_text == text) return value;
  return Error{Errc::io, "unknown value '" + text + "' in the database", std::nullopt};
}

} // namespace cv::schema::detail
