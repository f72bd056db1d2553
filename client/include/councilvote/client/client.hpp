// The typed client: every operation of docs/wire.md §8, taking and returning the bodies of
// protocol/bodies.hpp, over a Connection. The request and response body types come from the
// message table (protocol/types.hpp, CV_MESSAGE_TYPES; protocol/messages.hpp).
//
//   AsyncClient   asynchronous (the GUI): every call returns at once and its continuation runs
//                 later, exactly once, from the Connection's event loop; long operations report
//                 their progress. Nothing on this path waits in a nested event loop.
//   Client        blocking (the CLI, the tools, the tests): each method is the AsyncClient call,
//                 waited for by blocking.hpp (the only QEventLoop::exec of client/).
//
// Both check what docs/wire.md §6.4 asks a client to check with the server's key from the bundle,
// on the asynchronous path, before the continuation runs:
//   - receipts (signature, meeting, poll, tracking code of the ballot actually sent),
//   - checkpoints (signature, meeting) of close_poll and get_board,
//   - record statements (signature, meeting, poll, digest of the record text),
//   - the board's hash chain (get_board_all), up to a signed checkpoint,
//   - a poll definition (verified_poll: record::verified_context).
// A failed check is E_INCONSISTENT_DATA (E_BAD_SIGNATURE for a signature) naming the check; a
// response body that does not read as the operation's type is E_INCONSISTENT_DATA, check
// "response".
#pragma once

#include "councilvote/client/blocking.hpp"
#include "councilvote/client/connection.hpp"
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/messages.hpp"
#include "councilvote/protocol/statements.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cv::client {

template <class T> using Result = protocol::Result<T>;
using protocol::Hash32;
using protocol::MessageType;
using protocol::PollId;
// The request and response bodies of an operation, from the message table.
template <MessageType T> using RequestOf = protocol::RequestBody<T>;
template <MessageType T> using ResponseOf = protocol::ResponseBody<T>;

// A continuation: runs exactly once with the checked result (never from inside the call that
// started the operation, never after the Connection is destroyed).
template <class T> using Done = std::function<void(Result<T>)>;

// How far a long operation is: `done` of `total` (0 while unknown) for its current stage.
struct Progress {
  enum class Stage { fetch, verify };
  Stage stage = Stage::fetch; // fetch: entries (messages) received; verify: entries checked
  std::uint64_t done = 0;
  std::uint64_t total = 0; // fetch of the board: up to the last checkpoint received
};
using ProgressCallback = std::function<void(const Progress &)>;

// A poll definition whose every recomputable part was checked, with the context to encrypt with.
struct VerifiedPoll {
  protocol::PollInfo info;
  crypto::PollContext context;
};

// The board from (after_seq + 1) to a signed checkpoint, with the chain verified.
struct BoardSnapshot {
  std::uint64_t after_seq = 0; // entries continue the board after this entry
  std::vector<protocol::BoardEntry> entries;
  protocol::Checkpoint checkpoint; // signed; board_seq == after_seq + entries.size()
  [[nodiscard]] Hash32 head() const;
};

using crypto::tracking_code_of; // H32("CV/tracking-code", var(ballot wire bytes))

// Checks of a server statement against the bundle (signature, meeting).
[[nodiscard]] Result<void> check_receipt(const protocol::Receipt &r, const protocol::EnrollmentBundle &bundle,
                                         const PollId &poll, const Hash32 &tracking_code);
[[nodiscard]] Result<void> check_checkpoint(const protocol::Checkpoint &c,
                                            const protocol::EnrollmentBundle &bundle);
[[nodiscard]] Result<void> check_record(const protocol::GetRecordResponse &r,
                                        const protocol::EnrollmentBundle &bundle, const PollId &poll);

// The asynchronous typed client. A small value (the Connection and a timeout): copies share the
// Connection, and an operation in flight does not need the AsyncClient that started it. Several
// operations may be in flight at once; answers reach their own continuation (matched by request
// id), and after a lost connection the Connection's resend policy applies (connection.hpp).
class AsyncClient {
public:
  explicit AsyncClient(Connection &connection, Millis timeout = Millis{60000})
      : conn_(&connection), timeout_(timeout) {}

  [[nodiscard]] Connection &connection() const noexcept { return *conn_; }
  [[nodiscard]] const protocol::EnrollmentBundle &bundle() const noexcept { return conn_->bundle(); }
  [[nodiscard]] Millis timeout() const noexcept { return timeout_; }
  void set_timeout(Millis t) noexcept { timeout_ = t; } // for each request (each page)

  // Any operation of the table: sends the request, reads the answer as the operation's response
  // body and runs its checks (§6.4: open_poll/open_room/get_poll the poll id, close_poll and
  // get_board the checkpoint, cast_ballot the receipt against the ballot sent, publish_record and
  // get_record the statement, get_tally and lookup_tracking_code the poll and code asked for).
  template <MessageType T> void call(const RequestOf<T> &request, Done<ResponseOf<T>> done) const;
  // The raw call (the CLI's --json output): the response body as it came.
  void raw(MessageType type, const QJsonObject &body, Done<QJsonObject> done) const;

  // cast_ballot: the receipt, checked (signature, meeting, poll, tracking code == H(ballot)). The
  // request body is built once: a resend after a lost connection carries the same ballot bytes.
  void cast_ballot(const PollId &poll, const crypto::Bytes &ballot, Done<protocol::Receipt> done) const;
  // get_poll + record::verified_context: refuse to vote on anything else (§6.4).
  void verified_poll(const PollId &poll, Done<VerifiedPoll> done) const;
  // Every message of the current ceremony (pages until none is returned); progress per page.
  void get_all_ceremony_messages(Done<protocol::GetCeremonyMessagesResponse> done,
                                 ProgressCallback progress = {}) const;
  // Pages from after_seq + 1 to the head, verifies the chain from (after_seq, after_head) and every
  // checkpoint received against it; the last checkpoint is the snapshot's. Progress: `fetch` after
  // each page, then `verify` while the chain is checked (in slices, one per event-loop turn).
  void get_board_all(std::uint64_t after_seq, const Hash32 &after_head, std::uint32_t page_limit,
                     Done<BoardSnapshot> done, ProgressCallback progress = {}) const;

private:
  Connection *conn_;
  Millis timeout_;
};

// The blocking typed client: the AsyncClient's operations, each waited for (blocking.hpp).
class Client {
public:
  explicit Client(Connection &connection, Millis timeout = Millis{60000}) : async_(connection, timeout) {}

  [[nodiscard]] Connection &connection() noexcept { return async_.connection(); }
  [[nodiscard]] const protocol::EnrollmentBundle &bundle() const noexcept { return async_.bundle(); }
  void set_timeout(Millis t) noexcept { async_.set_timeout(t); }
  // The same client without the waiting (shares the Connection and the timeout's value).
  [[nodiscard]] const AsyncClient &async() const noexcept { return async_; }

  // Any operation of the table (AsyncClient::call, waited for).
  template <MessageType T> [[nodiscard]] Result<ResponseOf<T>> call(const RequestOf<T> &request);
  // The raw call (the CLI's --json output, operations added later).
  [[nodiscard]] Result<QJsonObject> raw(protocol::MessageType type, const QJsonObject &body);

  // ----- secretary (docs/wire.md §8.3)
  [[nodiscard]] Result<ResponseOf<MessageType::import_roster>>
  import_roster(const protocol::ImportRosterRequest &r);
  [[nodiscard]] Result<ResponseOf<MessageType::import_nominees>>
  import_nominees(const protocol::ImportNomineesRequest &r);
  [[nodiscard]] Result<ResponseOf<MessageType::define_rule_profile>>
  define_rule_profile(const protocol::RuleProfile &r);
  [[nodiscard]] Result<ResponseOf<MessageType::set_award_quota>>
  set_award_quota(const protocol::SetAwardQuotaRequest &r);
  [[nodiscard]] Result<ResponseOf<MessageType::register_member_key>>
  register_member_key(const protocol::RegisterMemberKeyRequest &r);
  // All or none (docs/wire.md §8.3): one request for the whole roster.
  [[nodiscard]] Result<ResponseOf<MessageType::register_member_keys>>
  register_member_keys(const protocol::RegisterMemberKeysRequest &r);
  [[nodiscard]] Result<ResponseOf<MessageType::set_attendance>>
  set_attendance(const protocol::SetAttendanceRequest &r);
  [[nodiscard]] Result<ResponseOf<MessageType::set_trustees>>
  set_trustees(const protocol::SetTrusteesRequest &r);
  [[nodiscard]] Result<ResponseOf<MessageType::open_poll>> open_poll(const protocol::OpenPollRequest &r);
  [[nodiscard]] Result<ResponseOf<MessageType::open_room>> open_room(const PollId &poll);
  [[nodiscard]] Result<ResponseOf<MessageType::close_poll>>
  close_poll(const PollId &poll); // checkpoint checked
  [[nodiscard]] Result<ResponseOf<MessageType::turnout>> turnout(const PollId &poll);
  [[nodiscard]] Result<ResponseOf<MessageType::start_tally>> start_tally(const PollId &poll);
  [[nodiscard]] Result<ResponseOf<MessageType::publish_record>> publish_record(const PollId &poll); // checked

  // ----- member (§8.4)
  // Sends the signed ballot bytes (resent unchanged after a lost connection) and checks the receipt:
  // signature under the bundle's server key, meeting, poll, and tracking code == H(ballot).
  [[nodiscard]] Result<protocol::Receipt> cast_ballot(const PollId &poll, const crypto::Bytes &ballot);

  // ----- trustee (§8.5)
  [[nodiscard]] Result<ResponseOf<MessageType::post_ceremony_message>>
  post_ceremony_message(const protocol::PostCeremonyMessageRequest &r);
  // One page of messages after `after_seq`.
  [[nodiscard]] Result<ResponseOf<MessageType::get_ceremony_messages>>
  get_ceremony_messages(std::uint64_t after_seq);
  // Every message of the current ceremony (pages until none is returned).
  [[nodiscard]] Result<protocol::GetCeremonyMessagesResponse> get_all_ceremony_messages();
  [[nodiscard]] Result<ResponseOf<MessageType::get_tally>> get_tally(const PollId &poll);
  [[nodiscard]] Result<ResponseOf<MessageType::post_partial_decryption>>
  post_partial_decryption(const protocol::PostPartialDecryptionRequest &r);

  // ----- anyone (§8.6)
  [[nodiscard]] Result<ResponseOf<MessageType::get_poll>> get_poll(const PollId &poll);
  // get_poll + record::verified_context: refuse to vote on anything else (§6.4).
  [[nodiscard]] Result<VerifiedPoll> verified_poll(const PollId &poll);
  [[nodiscard]] Result<ResponseOf<MessageType::lookup_tracking_code>>
  lookup_tracking_code(const PollId &poll, const Hash32 &tracking_code);
  // One page; the checkpoint is checked.
  [[nodiscard]] Result<ResponseOf<MessageType::get_board>>
  get_board(std::uint64_t from_seq, std::uint32_t limit = protocol::kMaxBoardPage);
  // Pages from after_seq + 1 to the head, verifies the chain from (after_seq, after_head) and every
  // checkpoint received against it; the last checkpoint is the snapshot's.
  [[nodiscard]] Result<BoardSnapshot> get_board_all(std::uint64_t after_seq = 0,
                                                    const Hash32 &after_head = {},
                                                    std::uint32_t page_limit = protocol::kMaxBoardPage);
  // The record and its statement, checked (digest, signature, meeting, poll).
  [[nodiscard]] Result<ResponseOf<MessageType::get_record>> get_record(const PollId &poll);
  // The record as publication would make it now (not published, not signed): the poll asked for.
  [[nodiscard]] Result<ResponseOf<MessageType::preview_record>> preview_record(const PollId &poll);

private:
  // Runs start(done) and waits for its result; `limit` (one request: its timeout + 1 s) guards
  // against a continuation that never comes.
  template <class T>
  [[nodiscard]] Result<T> wait(const std::function<void(Done<T>)> &start, std::optional<Millis> limit,
                               std::string_view what);
  AsyncClient async_;
};

} // namespace cv::client
