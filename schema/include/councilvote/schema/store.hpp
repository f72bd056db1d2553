// The meeting database: one SQLite file per meeting (docs/storage.md).
//
// Every operation that changes something runs in one transaction (BEGIN IMMEDIATE ... COMMIT) that
// also writes its audit-log row; it returns only after the commit, which with journal_mode=WAL and
// synchronous=FULL is on disk. On an error nothing is written. Every value is bound as a parameter.
// A Store is one connection: use it from one thread at a time (open another Store to read in
// parallel; WAL lets readers run beside the writer).
#pragma once

#include "councilvote/schema/audit.hpp"
#include "councilvote/schema/board.hpp"
#include "councilvote/schema/ceremony.hpp"
#include "councilvote/schema/error.hpp"
#include "councilvote/schema/poll.hpp"
#include "councilvote/schema/roster.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace cv::schema {

inline constexpr int kBusyTimeoutMs = 5000;

// The connection settings as SQLite reports them (for tests and the server's status page).
struct StoreSettings {
  int schema_version = 0; // PRAGMA user_version
  std::string journal_mode;
  int synchronous = 0; // 2 = FULL
  bool foreign_keys = false;
  int busy_timeout_ms = 0;
};

class Store {
public:
  // Opens or creates the database at `path`. A database written by a newer version is refused
  // (schema_too_new) before anything is written to it. Then sets journal_mode=WAL,
  // synchronous=FULL, foreign_keys=ON and the busy timeout, and applies every pending migration,
  // each in its own transaction with its PRAGMA user_version.
  [[nodiscard]] static Result<Store> open(const std::filesystem::path &path);

  [[nodiscard]] Result<StoreSettings> settings() const;

  // ---- one transaction around several calls
  // BEGIN IMMEDIATE: every call until commit_transaction() or rollback_transaction() joins this
  // transaction (each runs in a savepoint, so a failed call leaves the others' writes in place until
  // the whole is rolled back). The caller commits only when everything succeeded.
  Result<void> begin_transaction();
  Result<void> commit_transaction();
  void rollback_transaction() noexcept;
  [[nodiscard]] bool in_transaction() const noexcept;

  // `actor` (every mutating call): who asks, as it goes into the audit log ("secretary", "member:7").

  // ---- meeting, roster, rules, nominees
  Result<void> create_meeting(std::string_view actor, const Meeting &meeting);
  [[nodiscard]] Result<Meeting> meeting() const;
  // The secretary's keys (docs/wire.md §8.1). Adding a key twice is a conflict.
  Result<void> add_secretary_key(std::string_view actor, const crypto::SignPublicKey &key);
  [[nodiscard]] Result<std::vector<crypto::SignPublicKey>> secretary_keys() const;
  // All rows or none.
  Result<void> import_members(std::string_view actor, std::span<const MemberRow> rows);
  [[nodiscard]] Result<std::vector<Member>> members() const;
  // Replaces the roster by `rows` (all or none): rows are inserted or updated by member_no, keeping
  // a remaining member's key and attendance; members not in `rows` are removed (not_found when one
  // is still referenced, e.g. by a key ceremony or a ballot).
  Result<void> replace_members(std::string_view actor, std::span<const MemberRow> rows);
  // Idempotent for the same key; conflict if the member has another key or the key is taken.
  Result<void> register_member_key(std::string_view actor, std::int64_t member_no, crypto::ByteView key);
  Result<void> set_attendance(std::string_view actor, std::int64_t member_no, Attendance attendance);
  Result<void> import_rules(std::string_view actor, std::span<const RuleProfile> rules);
  [[nodiscard]] Result<std::vector<RuleProfile>> rules() const;
  // Inserts or replaces one profile by rule_id.
  Result<void> define_rule(std::string_view actor, const RuleProfile &rule);
  Result<void> import_nominees(std::string_view actor, std::span<const Nominee> rows);
  [[nodiscard]] Result<std::vector<Nominee>> nominees() const;
  // Inserts or replaces nominees by nominee_no (award_quota of the rows is ignored: a replaced row
  // keeps its quota, a new row takes the quota of its award's other nominees, if any).
  Result<void> upsert_nominees(std::string_view actor, std::span<const Nominee> rows);
  // Sets (or with nullopt removes) the quota of every nominee with `award`; not_found if none has it.
  Result<void> set_award_quota(std::string_view actor, std::string_view award,
                               std::optional<std::int64_t> quota);

  // ---- key ceremony (trustees: indices 1..n in order; validated and bound by crypto::Ceremony)
  Result<std::int64_t> create_ceremony(std::string_view actor, std::uint32_t threshold,
                                       std::span<const Trustee> trustees);
  [[nodiscard]] Result<KeyCeremony> ceremony(std::int64_t ceremony_no) const;
  // The newest ceremony (the current one), if any.
  [[nodiscard]] Result<std::optional<KeyCeremony>> current_ceremony() const;
  // While the ceremony is collecting; at most one message per (kind, from, to). Posted on the board.
  Result<BoardReceipt> add_ceremony_message(std::string_view actor, const CeremonyMessage &message);
  [[nodiscard]] Result<std::vector<PostedCeremonyMessage>> ceremony_messages(std::int64_t ceremony_no) const;
  Result<void> complete_ceremony(std::string_view actor, std::int64_t ceremony_no,
                                 const crypto::ByteArray<32> &joint_key);
  Result<void> fail_ceremony(std::string_view actor, std::int64_t ceremony_no, std::string_view reason);

  // ---- polls (use the completed ceremony's key; draft until opened)
  Result<void> create_poll(std::string_view actor, const PollSpec &poll, std::span<const Contest> contests);
  [[nodiscard]] Result<Poll> poll(std::string_view poll_id) const;
  // Every poll, in creation order.
  [[nodiscard]] Result<std::vector<Poll>> polls() const;
  [[nodiscard]] Result<std::vector<Contest>> contests(std::string_view poll_id) const;
  // Only the transitions of PollState; tallied needs a result for every contest.
  Result<void> set_poll_state(std::string_view actor, std::string_view poll_id, PollState to);
  [[nodiscard]] Result<Turnout> turnout(std::string_view poll_id) const;
  // Copies every member's attendance into the poll's frozen attendance (the poll must be closed and
  // not frozen yet: invalid_state) and returns it in member_no order. Later set_attendance calls
  // never change it.
  Result<std::vector<MemberAttendance>> freeze_attendance(std::string_view actor, std::string_view poll_id);
  // The frozen attendance, in member_no order; nullopt for a poll that was not closed under schema
  // version 3 or later.
  [[nodiscard]] Result<std::optional<std::vector<MemberAttendance>>>
  frozen_attendance(std::string_view poll_id) const;

  // ---- replay protection (docs/wire.md §4.3): not evidence, no audit row
  // Remembers the pair until expires_ms (conflict: already remembered) and forgets every pair that
  // expired before now_ms, in one transaction (or the caller's).
  Result<void> remember_nonce(const crypto::SignPublicKey &key, const crypto::ByteArray<16> &nonce,
                              std::int64_t expires_ms, std::int64_t now_ms);
  // The pairs that have not expired at now_ms.
  [[nodiscard]] Result<std::vector<UsedNonce>> used_nonces(std::int64_t now_ms) const;

  // ---- ballots and the bulletin board
  // Appends the board entry and the ballot row in one transaction. Remote ballots while the poll is
  // open_remote or open, in-room ballots while open. A second ballot of the member in the poll:
  // duplicate_ballot, with the stored ballot's receipt in Error::existing.
  Result<BallotReceipt> append_ballot(std::string_view actor, const BallotSubmission &ballot);
  [[nodiscard]] Result<std::vector<StoredBallot>> ballots(std::string_view poll_id) const;
  // The member's ballot in the poll, if any.
  [[nodiscard]] Result<std::optional<StoredBallot>> ballot_of(std::string_view poll_id,
                                                              const crypto::SignPublicKey &member_key) const;
  // Publishes a manifest, tally, result, attendance or chair decision (the other kinds have their
  // own operations);
  // `poll_id` empty for none.
  Result<BoardReceipt> publish(std::string_view actor, BoardKind kind, std::string_view poll_id,
                               crypto::ByteView payload);
  [[nodiscard]] Result<std::vector<BoardEntry>> board(std::uint64_t first_seq,
                                                      std::uint32_t max_entries) const;
  // The entries of one kind for one poll (`poll_id` empty: meeting-wide), in board order.
  [[nodiscard]] Result<std::vector<BoardEntry>> board_entries(BoardKind kind, std::string_view poll_id) const;
  // The number of entries and the head (32 zero bytes for an empty board).
  [[nodiscard]] Result<BoardHead> board_head() const;
  // Recomputes every entry hash and link; reports the first broken seq.
  [[nodiscard]] Result<BoardCheck> verify_board() const;

  // ---- tally (poll closed)
  // One per trustee of the poll's ceremony; posted on the board.
  Result<BoardReceipt> add_partial_decryption(std::string_view actor, std::string_view poll_id,
                                              std::uint32_t trustee_index, crypto::ByteView payload);
  [[nodiscard]] Result<std::vector<PartialDecryptionRecord>>
  partial_decryptions(std::string_view poll_id) const;
  Result<void> record_results(std::string_view actor, std::string_view poll_id,
                              std::span<const ContestTally> results);
  [[nodiscard]] Result<std::vector<ContestTally>> results(std::string_view poll_id) const;

  // ---- audit log (state changes log themselves; this is for other events of the server)
  Result<void> append_audit(std::string_view actor, std::string_view action, std::string_view text);
  [[nodiscard]] Result<std::vector<AuditEntry>> audit_log(std::int64_t after_id,
                                                          std::uint32_t max_entries) const;

private:
  struct Closer {
    void operator()(sqlite3 *db) const noexcept;
  };
  explicit Store(std::unique_ptr<sqlite3, Closer> db) noexcept : db_(std::move(db)) {}
  [[nodiscard]] sqlite3 *db() const noexcept { return db_.get(); }
  std::unique_ptr<sqlite3, Closer> db_;
};

} // namespace cv::schema
