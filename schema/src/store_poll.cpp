// Polls: creation with their contests, the state machine, turnout.
#include "councilvote/schema/store.hpp"
#include "names.hpp"
#include "poll_state.hpp"

#include <algorithm>
#include <array>

namespace cv::schema {

using namespace detail;

namespace detail {

std::string poll_name(std::string_view poll_id) { return "poll '" + std::string(poll_id) + "'"; }

Result<PollState> poll_state(sqlite3 *db, std::string_view poll_id) {
  auto state = query_one<std::string>(db, "no " + poll_name(poll_id),
                                      "SELECT state FROM polls WHERE poll_id = ?1", poll_id);
  if (!state) return state.error();
  return parse<PollState>(*state);
}

Error wrong_state(std::string_view poll_id, PollState state, std::string_view what) {
  return error(Errc::invalid_state,
               poll_name(poll_id) + " is " + std::string(name(state)) + ": " + std::string(what));
}

} // namespace detail

namespace {

bool allowed(PollState from, PollState to) noexcept {
  using enum PollState;
  constexpr std::array<std::pair<PollState, PollState>, 7> kTransitions{{{draft, open_remote},
                                                                         {draft, open},
                                                                         {open_remote, open},
                                                                         {open_remote, closed},
                                                                         {open, closed},
                                                                         {closed, tallied},
                                                                         {tallied, published}}};
  return std::ranges::find(kTransitions, std::pair{from, to}) != kTransitions.end();
}

Result<void> insert_contests(sqlite3 *db, std::string_view poll_id, std::span<const Contest> contests) {
  std::int64_t position = 0;
  for (const auto &c : contests) {
    auto r =
        run(db,
            "INSERT INTO contests (poll_id, position, contest_id, kind, nominee_no, title, rule_id, options,"
            " min_selections, max_selections) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            poll_id, position, c.contest_id, name(c.kind), c.nominee_no, c.title, c.rule_id, c.options,
            c.min_selections, c.max_selections);
    if (!r)
      return in_context(std::move(r.error()),
                        "contest " + std::to_string(position) + " '" + c.contest_id + "'");
    ++position;
  }
  return {};
}

// B must exceed the number of members, or agree + B·disagree would not decode (protocol §9.1).
Result<void> check_disagree_weight(sqlite3 *db, std::uint32_t weight) {
  auto members = query_one<std::int64_t>(db, "", "SELECT count(*) FROM members");
  if (!members) return members.error();
  if (weight <= *members)
    return error(Errc::invalid_argument, "disagree weight " + std::to_string(weight) + " must exceed the " +
                                             std::to_string(*members) + " members of the council");
  return {};
}

} // namespace

Result<void> Store::create_poll(std::string_view actor, const PollSpec &p,
                                std::span<const Contest> contests) {
  return write(db(), actor, "poll.create", [&](const Tx &tx) -> Result<void> {
    if (contests.empty() || contests.size() > crypto::kMaxContests)
      return error(Errc::invalid_argument,
                   "a poll has 1.." + std::to_string(crypto::kMaxContests) + " contests");
    if (auto r = check_disagree_weight(tx.db, p.disagree_weight); !r) return r;
    auto ceremony =
        query_one<std::int64_t>(tx.db, "", "SELECT ceremony_no FROM ceremonies WHERE state = 'complete'");
    if (!ceremony && ceremony.error().code == Errc::not_found)
      return error(Errc::invalid_state, "the trustees' key ceremony is not complete");
    if (!ceremony) return ceremony.error();
    auto r =
        run(tx.db,
            "INSERT INTO polls (poll_id, title, ceremony_no, disagree_weight, manifest_digest, context_hash,"
            " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            p.poll_id, p.title, *ceremony, p.disagree_weight, p.manifest_digest, p.context_hash, tx.now);
    if (!r) return r;
    if (r = insert_contests(tx.db, p.poll_id, contests); !r) return r;
    return tx.audit(poll_name(p.poll_id) + ": " + std::to_string(contests.size()) + " contests");
  });
}

namespace {

constexpr std::string_view kPollColumns =
    "SELECT poll_id, title, disagree_weight, manifest_digest, context_hash, ceremony_no, state, created_at,"
    " remote_opened_at, opened_at, closed_at, tallied_at, published_at FROM polls";

Result<Poll> poll_row(const Statement &st) {
  auto state = parse<PollState>(st.text(6));
  if (!state) return state.error();
  return Poll{{st.text(0), st.text(1), st.u32(2), st.bytes32(3), st.bytes32(4)},
              st.integer(5),
              *state,
              st.text(7),
              st.optional_text(8),
              st.optional_text(9),
              st.optional_text(10),
              st.optional_text(11),
              st.optional_text(12)};
}

} // namespace

Result<Poll> Store::poll(std::string_view poll_id) const {
  return read(db(), "poll", [&]() -> Result<Poll> {
    auto st = query(db(), std::string(kPollColumns) + " WHERE poll_id = ?1", poll_id);
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return error(Errc::not_found, "no " + poll_name(poll_id));
    return poll_row(*st);
  });
}

Result<std::vector<Poll>> Store::polls() const {
  return read(db(), "polls", [&] {
    return collect<Poll>(query(db(), std::string(kPollColumns) + " ORDER BY rowid"), poll_row);
  });
}

Result<std::vector<Contest>> Store::contests(std::string_view poll_id) const {
  return read(db(), "contests", [&] {
    return collect<Contest>(
        query(db(),
              "SELECT contest_id, kind, nominee_no, title, rule_id, options, min_selections,"
              " max_selections FROM contests WHERE poll_id = ?1 ORDER BY position",
              poll_id),
        [](const Statement &st) -> Result<Contest> {
          auto kind = parse<crypto::ContestKind>(st.text(1));
          if (!kind) return kind.error();
          Contest c{st.text(0),          *kind,     std::nullopt, st.text(3),
                    st.optional_text(4), st.u32(5), st.u32(6),    st.u32(7)};
          if (!st.is_null(2)) c.nominee_no = st.integer(2);
          return c;
        });
  });
}

Result<void> Store::set_poll_state(std::string_view actor, std::string_view poll_id, PollState to) {
  return write(db(), actor, "poll.set_state", [&](const Tx &tx) -> Result<void> {
    auto from = poll_state(tx.db, poll_id);
    if (!from) return from.error();
    if (!allowed(*from, to)) return wrong_state(poll_id, *from, "cannot become " + std::string(name(to)));
    if (to == PollState::tallied) {
      auto missing = query_one<std::int64_t>(tx.db, "",
                                             "SELECT count(*) FROM contests c WHERE c.poll_id = ?1"
                                             " AND c.kind = 'commendation' AND NOT EXISTS"
                                             " (SELECT 1 FROM results r WHERE r.poll_id = c.poll_id"
                                             " AND r.position = c.position)",
                                             poll_id);
      if (!missing) return missing.error();
      if (*missing > 0)
        return wrong_state(poll_id, *from,
                           std::to_string(*missing) + " commendation contests have no recorded result");
    }
    auto r =
        run(tx.db,
            "UPDATE polls SET state = ?2,"
            " remote_opened_at = iif(?2 = 'open_remote', ?3, remote_opened_at),"
            " opened_at = iif(?2 = 'open', ?3, opened_at), closed_at = iif(?2 = 'closed', ?3, closed_at),"
            " tallied_at = iif(?2 = 'tallied', ?3, tallied_at),"
            " published_at = iif(?2 = 'published', ?3, published_at) WHERE poll_id = ?1",
            poll_id, name(to), tx.now);
    if (!r) return r;
    return tx.audit(poll_name(poll_id) + ": " + std::string(name(*from)) + " -> " + std::string(name(to)));
  });
}

Result<Turnout> Store::turnout(std::string_view poll_id) const {
  return read(db(), "turnout", [&]() -> Result<Turnout> {
    if (auto state = poll_state(db(), poll_id); !state) return state.error();
    Turnout t;
    auto voters = collect<std::int64_t>(query(db(),
                                              "SELECT m.member_no, b.channel FROM ballots b"
                                              " JOIN members m ON m.public_key = b.member_key"
                                              " WHERE b.poll_id = ?1 ORDER BY m.member_no",
                                              poll_id),
                                        [&](const Statement &st) -> Result<std::int64_t> {
                                          ++(st.text(1) == name(Channel::remote) ? t.remote : t.in_room);
                                          return st.integer(0);
                                        });
    if (!voters) return voters.error();
    t.voters = std::move(*voters);
    return t;
  });
}

Result<std::vector<MemberAttendance>> Store::freeze_attendance(std::string_view actor,
                                                               std::string_view poll_id) {
  return write(db(), actor, "poll.freeze_attendance",
               [&](const Tx &tx) -> Result<std::vector<MemberAttendance>> {
                 auto state = poll_state(tx.db, poll_id);
                 if (!state) return state.error();
                 if (*state != PollState::closed)
                   return wrong_state(poll_id, *state, "attendance is frozen at close");
                 auto frozen = query_one<std::int64_t>(
                     tx.db, "", "SELECT count(*) FROM poll_attendance WHERE poll_id = ?1", poll_id);
                 if (!frozen) return frozen.error();
                 if (*frozen > 0)
                   return error(Errc::invalid_state, poll_name(poll_id) + ": attendance is frozen already");
                 if (auto r = run(tx.db,
                                  "INSERT INTO poll_attendance (poll_id, member_no, attendance)"
                                  " SELECT ?1, member_no, attendance FROM members",
                                  poll_id);
                     !r)
                   return r.error();
                 if (auto r = tx.audit(poll_name(poll_id)); !r) return r.error();
                 auto rows = frozen_attendance(poll_id);
                 if (!rows) return rows.error();
                 return **rows;
               });
}

Result<std::optional<std::vector<MemberAttendance>>>
Store::frozen_attendance(std::string_view poll_id) const {
  return read(db(), "frozen_attendance", [&]() -> Result<std::optional<std::vector<MemberAttendance>>> {
    if (auto state = poll_state(db(), poll_id); !state) return state.error();
    auto rows = collect<MemberAttendance>(
        query(db(), "SELECT member_no, attendance FROM poll_attendance WHERE poll_id = ?1 ORDER BY member_no",
              poll_id),
        [](const Statement &st) -> Result<MemberAttendance> {
          auto a = parse<Attendance>(st.text(1));
          if (!a) return a.error();
          return MemberAttendance{st.integer(0), *a};
        });
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<std::vector<MemberAttendance>>{};
    return std::optional(std::move(*rows));
  });
}

} // namespace cv::schema
