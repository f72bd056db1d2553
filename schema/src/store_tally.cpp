// The tally of a closed poll: the trustees' partial decryptions (posted on the board) and results.
#include "board_chain.hpp"
#include "councilvote/schema/store.hpp"
#include "names.hpp"
#include "poll_state.hpp"

namespace cv::schema {

using namespace detail;

namespace {

Result<void> require_closed(sqlite3 *db, std::string_view poll_id, std::string_view what) {
  auto state = poll_state(db, poll_id);
  if (!state) return state.error();
  if (*state != PollState::closed) return wrong_state(poll_id, *state, what);
  return {};
}

Result<void> insert_result(sqlite3 *db, std::string_view poll_id, std::int64_t members,
                           const ContestTally &t) {
  const std::string contest = "contest " + std::to_string(t.position);
  const std::int64_t sum = std::int64_t{t.agree} + t.disagree + t.blank + t.not_voted;
  if (sum != members)
    return error(Errc::invalid_argument,
                 contest + ": agree + disagree + blank + not voted = " + std::to_string(sum) +
                     ", the council has " + std::to_string(members) + " members");
  auto r =
      run(db,
          "INSERT INTO results (poll_id, position, agree, disagree, blank, not_voted, outcome, quota_rank)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
          poll_id, t.position, t.agree, t.disagree, t.blank, t.not_voted, name(t.outcome), t.quota_rank);
  if (!r) return in_context(std::move(r.error()), contest);
  return {};
}

} // namespace

Result<BoardReceipt> Store::add_partial_decryption(std::string_view actor, std::string_view poll_id,
                                                   std::uint32_t trustee_index, crypto::ByteView payload) {
  const std::string trustee = "trustee " + std::to_string(trustee_index);
  return write(db(), actor, "tally.add_partial_decryption", [&](const Tx &tx) -> Result<BoardReceipt> {
    if (auto r = require_closed(tx.db, poll_id, "partial decryptions are taken once it is closed"); !r)
      return r.error();
    auto known =
        query_one<std::int64_t>(tx.db, "no " + trustee + " in the key ceremony of " + poll_name(poll_id),
                                "SELECT 1 FROM polls p JOIN trustees t ON t.ceremony_no = p.ceremony_no"
                                " WHERE p.poll_id = ?1 AND t.trustee_index = ?2",
                                poll_id, trustee_index);
    if (!known) return known.error();
    auto entry = append_board_entry(tx, BoardKind::partial_decryption, poll_id, payload);
    if (!entry) return entry;
    auto r =
        run(tx.db, "INSERT INTO partial_decryptions (poll_id, trustee_index, board_seq) VALUES (?1, ?2, ?3)",
            poll_id, trustee_index, static_cast<std::int64_t>(entry->seq));
    if (!r) return r.error();
    r = tx.audit(poll_name(poll_id) + ": partial decryption of " + trustee + ", board seq " +
                 std::to_string(entry->seq));
    if (!r) return r.error();
    return entry;
  });
}

Result<std::vector<PartialDecryptionRecord>> Store::partial_decryptions(std::string_view poll_id) const {
  return read(db(), "partial_decryptions", [&] {
    return collect<PartialDecryptionRecord>(
        query(db(),
              "SELECT p.trustee_index, b.payload, " + std::string(kReceiptColumns) +
                  " FROM partial_decryptions p JOIN board b ON b.seq = p.board_seq"
                  " WHERE p.poll_id = ?1 ORDER BY p.trustee_index",
              poll_id),
        [](const Statement &st) -> Result<PartialDecryptionRecord> {
          return PartialDecryptionRecord{st.u32(0), st.blob(1), board_receipt(st, 2)};
        });
  });
}

Result<void> Store::record_results(std::string_view actor, std::string_view poll_id,
                                   std::span<const ContestTally> results) {
  return write(db(), actor, "tally.record_results", [&](const Tx &tx) -> Result<void> {
    if (auto r = require_closed(tx.db, poll_id, "results are recorded once it is closed"); !r) return r;
    auto members = query_one<std::int64_t>(tx.db, "", "SELECT count(*) FROM members");
    if (!members) return members.error();
    for (const auto &t : results)
      if (auto r = insert_result(tx.db, poll_id, *members, t); !r) return r;
    return tx.audit(poll_name(poll_id) + ": " + std::to_string(results.size()) + " results");
  });
}

Result<std::vector<ContestTally>> Store::results(std::string_view poll_id) const {
  return read(db(), "results", [&] {
    return collect<ContestTally>(
        query(db(),
              "SELECT position, agree, disagree, blank, not_voted, outcome, quota_rank"
              " FROM results WHERE poll_id = ?1 ORDER BY position",
              poll_id),
        [](const Statement &st) -> Result<ContestTally> {
          auto outcome = parse<Outcome>(st.text(5));
          if (!outcome) return outcome.error();
          ContestTally t{st.u32(0), st.u32(1), st.u32(2), st.u32(3), st.u32(4), *outcome, std::nullopt};
          if (!st.is_null(6)) t.quota_rank = st.u32(6);
          return t;
        });
  });
}

} // namespace cv::schema
