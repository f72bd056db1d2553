// Ballots: appended with their board entry in one transaction, one per member per poll.
#include "board_chain.hpp"
#include "councilvote/schema/store.hpp"
#include "names.hpp"
#include "poll_state.hpp"

namespace cv::schema {

using namespace detail;

namespace {

bool accepts(PollState state, Channel channel) noexcept {
  return state == PollState::open || (state == PollState::open_remote && channel == Channel::remote);
}

// Selects the receipt columns (then `more_columns`) of the ballots v that match `where`.
std::string ballot_query(std::string_view more_columns, std::string_view where) {
  return "SELECT " + std::string(kReceiptColumns) + ", v.tracking_code" + std::string(more_columns) +
         " FROM ballots v JOIN board b ON b.seq = v.board_seq WHERE " + std::string(where);
}

BallotReceipt ballot_receipt(const Statement &st, int first) {
  return BallotReceipt{board_receipt(st, first), st.bytes32(first + 3)};
}

// The receipt of the member's ballot in the poll, if there is one.
Result<std::optional<BallotReceipt>> existing_ballot(sqlite3 *db, const BallotSubmission &b) {
  auto st = query(db, ballot_query("", "v.poll_id = ?1 AND v.member_key = ?2"), b.poll_id, b.member_key);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<BallotReceipt>();
  return std::optional(ballot_receipt(*st, 0));
}

} // namespace

Result<BallotReceipt> Store::append_ballot(std::string_view actor, const BallotSubmission &b) {
  return write(db(), actor, "ballot.append", [&](const Tx &tx) -> Result<BallotReceipt> {
    auto state = poll_state(tx.db, b.poll_id);
    if (!state) return state.error();
    if (!accepts(*state, b.channel))
      return wrong_state(b.poll_id, *state, "no " + std::string(name(b.channel)) + " ballot is accepted");
    auto existing = existing_ballot(tx.db, b);
    if (!existing) return existing.error();
    if (*existing)
      return Error{Errc::duplicate_ballot,
                   "this member has cast a ballot in " + poll_name(b.poll_id) + " already", **existing};
    auto member =
        query_one<std::int64_t>(tx.db, "no member has registered the key " + crypto::to_hex(b.member_key),
                                "SELECT member_no FROM members WHERE public_key = ?1", b.member_key);
    if (!member) return member.error();
    auto entry = append_board_entry(tx, BoardKind::ballot, b.poll_id, b.wire);
    if (!entry) return entry.error();
    auto r =
        run(tx.db,
            "INSERT INTO ballots (poll_id, member_key, tracking_code, channel, board_seq)"
            " VALUES (?1, ?2, ?3, ?4, ?5)",
            b.poll_id, b.member_key, b.tracking_code, name(b.channel), static_cast<std::int64_t>(entry->seq));
    if (!r) return r.error();
    r = tx.audit(poll_name(b.poll_id) + ": ballot of member " + std::to_string(*member) + " (" +
                 std::string(name(b.channel)) + "), board seq " + std::to_string(entry->seq));
    if (!r) return r.error();
    return BallotReceipt{*entry, b.tracking_code};
  });
}

Result<std::vector<StoredBallot>> Store::ballots(std::string_view poll_id) const {
  return read(db(), "ballots", [&] {
    return collect<StoredBallot>(
        query(db(), ballot_query(", v.member_key, v.channel, b.payload", "v.poll_id = ?1 ORDER BY b.seq"),
              poll_id),
        [](const Statement &st) -> Result<StoredBallot> {
          auto channel = parse<Channel>(st.text(5));
          if (!channel) return channel.error();
          return StoredBallot{st.bytes32(4), *channel, st.blob(6), ballot_receipt(st, 0)};
        });
  });
}

Result<std::optional<StoredBallot>> Store::ballot_of(std::string_view poll_id,
                                                     const crypto::SignPublicKey &member_key) const {
  return read(db(), "ballot_of", [&]() -> Result<std::optional<StoredBallot>> {
    auto st = query(
        db(), ballot_query(", v.member_key, v.channel, b.payload", "v.poll_id = ?1 AND v.member_key = ?2"),
        poll_id, member_key);
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return std::optional<StoredBallot>();
    auto channel = parse<Channel>(st->text(5));
    if (!channel) return channel.error();
    return std::optional(StoredBallot{st->bytes32(4), *channel, st->blob(6), ballot_receipt(*st, 0)});
  });
}

} // namespace cv::schema
