#include "councilvote/client/client.hpp"

#include "councilvote/crypto/hash.hpp"

#include <QTimer>
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace cv::client {

using protocol::ErrorCode;

namespace {

// Board entries whose chain is checked in one turn of the event loop.
constexpr std::size_t kVerifySlice = 2000;

protocol::Error inconsistent(std::string check, std::string message) {
  return protocol::check_error(ErrorCode::inconsistent_data, check, check + ": " + std::move(message));
}

protocol::PollRef poll_ref(const PollId &poll) { return protocol::PollRef{poll}; }

Result<void> check_poll_id(const protocol::PollInfo &info, const PollId &poll) {
  if (info.definition.poll != poll.str())
    return inconsistent("poll", "asked for poll " + poll.str() + ", got " + info.definition.poll);
  return {};
}

// What docs/wire.md §6.4 asks a client to check in the answer to operation T, given its request.
template <MessageType T>
Result<void> check_answer(const protocol::EnrollmentBundle &bundle, const RequestOf<T> &req,
                          const ResponseOf<T> &resp) {
  if constexpr (T == MessageType::open_poll || T == MessageType::open_room || T == MessageType::get_poll) {
    return check_poll_id(resp, req.poll);
  } else if constexpr (T == MessageType::close_poll) {
    if (auto c = check_checkpoint(resp.checkpoint, bundle); !c) return c.error();
    if (resp.poll != req.poll)
      return inconsistent("poll", "asked to close " + req.poll.str() + ", got " + resp.poll.str());
    return {};
  } else if constexpr (T == MessageType::publish_record || T == MessageType::get_record) {
    return check_record(resp, bundle, req.poll);
  } else if constexpr (T == MessageType::cast_ballot) {
    return check_receipt(resp.receipt, bundle, req.poll, tracking_code_of(req.ballot));
  } else if constexpr (T == MessageType::get_tally) {
    if (resp.tally.poll != req.poll.str())
      return inconsistent("poll", "asked for the tally of " + req.poll.str() + ", got " + resp.tally.poll);
    return {};
  } else if constexpr (T == MessageType::preview_record) {
    if (resp.poll != req.poll)
      return inconsistent("poll", "asked for the preview of " + req.poll.str() + ", got " + resp.poll.str());
    return {};
  } else if constexpr (T == MessageType::post_chair_decision) {
    if (resp.poll.str() != req.poll || resp.award != req.award)
      return inconsistent("decision", "the answer is about another poll or award");
    return {};
  } else if constexpr (T == MessageType::lookup_tracking_code) {
    if (resp.poll != req.poll || resp.tracking_code != req.tracking_code)
      return inconsistent("tracking_code", "the answer is about another poll or tracking code");
    return {};
  } else if constexpr (T == MessageType::get_board) {
    if (auto c = check_checkpoint(resp.checkpoint, bundle); !c) return c.error();
    if (resp.entries.size() > req.limit)
      return inconsistent("entries", "asked for at most " + std::to_string(req.limit) + " entries, got " +
                                         std::to_string(resp.entries.size()));
    return {};
  } else {
    (void)bundle, (void)req, (void)resp;
    return {};
  }
}

// The answer read as T's response body, then checked.
template <MessageType T>
Result<ResponseOf<T>> read_answer(const protocol::EnrollmentBundle &bundle, const RequestOf<T> &req,
                                  Result<QJsonObject> answer) {
  if (!answer) return answer.error();
  auto body = protocol::read_body<ResponseOf<T>>(*answer);
  if (!body)
    return inconsistent("response", "the answer to " + std::string(protocol::message_type_name(T)) +
                                        " does not read: " + body.error().message);
  if (auto c = check_answer<T>(bundle, req, *body); !c) return c.error();
  return body;
}

// The wait for one request: its own timeout is enforced by the Connection; this only guards the wait.
std::optional<Millis> one_request(const AsyncClient &a) { return a.timeout() + Millis{1000}; }

void report(const ProgressCallback &progress, Progress::Stage stage, std::uint64_t done,
            std::uint64_t total) {
  if (progress) progress(Progress{stage, done, total});
}

// get_all_ceremony_messages: one page after another, until an empty one.
struct CeremonyPaging : std::enable_shared_from_this<CeremonyPaging> {
  AsyncClient client;
  Done<protocol::GetCeremonyMessagesResponse> done;
  ProgressCallback progress;
  std::uint64_t after = 0;
  std::vector<protocol::CeremonyMessage> all;
  std::optional<Hash32> context;

  CeremonyPaging(AsyncClient c, Done<protocol::GetCeremonyMessagesResponse> d, ProgressCallback p)
      : client(c), done(std::move(d)), progress(std::move(p)) {}

  void next() {
    client.call<MessageType::get_ceremony_messages>(
        protocol::GetCeremonyMessagesRequest{after},
        [self = shared_from_this()](Result<protocol::GetCeremonyMessagesResponse> page) {
          self->on_page(std::move(page));
        });
  }

  void on_page(Result<protocol::GetCeremonyMessagesResponse> page) {
    if (!page) return done(std::move(page));
    if (context && *context != page->ceremony_context)
      return done(
          inconsistent("ceremony_context", "the ceremony changed while its messages were read; read again"));
    context = page->ceremony_context;
    if (page->messages.empty()) {
      page->messages = std::move(all);
      return done(std::move(page));
    }
    for (auto &m : page->messages) {
      if (m.board_seq <= after)
        return done(inconsistent("board_seq", "ceremony messages out of order: entry " +
                                                  std::to_string(m.board_seq) + " after " +
                                                  std::to_string(after)));
      after = m.board_seq;
      all.push_back(std::move(m));
    }
    report(progress, Progress::Stage::fetch, all.size(), 0);
    next();
  }
};

// get_board_all: the pages to the head, then the chain in slices, then the checkpoints.
struct BoardPaging : std::enable_shared_from_this<BoardPaging> {
  AsyncClient client;
  Done<BoardSnapshot> done;
  ProgressCallback progress;
  Hash32 after_head{};
  std::uint32_t page_limit = 0;
  BoardSnapshot snap;
  std::vector<protocol::Checkpoint> checkpoints;
  std::size_t verified = 0; // entries of snap whose link was checked
  Hash32 verified_head{};

  BoardPaging(AsyncClient c, Done<BoardSnapshot> d, ProgressCallback p)
      : client(c), done(std::move(d)), progress(std::move(p)) {}

  void next_page() {
    const std::uint64_t next = snap.after_seq + snap.entries.size() + 1;
    client.call<MessageType::get_board>(
        protocol::GetBoardRequest{next, page_limit},
        [self = shared_from_this(), next](Result<protocol::GetBoardResponse> page) {
          self->on_page(next, std::move(page));
        });
  }

  void on_page(std::uint64_t next, Result<protocol::GetBoardResponse> page) {
    if (!page) return done(page.error());
    checkpoints.push_back(page->checkpoint);
    if (!page->entries.empty() && page->entries.front().seq != next)
      return done(inconsistent("seq", "asked for entries from " + std::to_string(next) + ", got " +
                                          std::to_string(page->entries.front().seq)));
    for (auto &e : page->entries) snap.entries.push_back(std::move(e));
    const std::uint64_t have = snap.after_seq + snap.entries.size();
    if (page->checkpoint.board_seq < have)
      return done(
          inconsistent("checkpoint", "a checkpoint at entry " + std::to_string(page->checkpoint.board_seq) +
                                         " is behind the entries received (" + std::to_string(have) + ")"));
    report(progress, Progress::Stage::fetch, snap.entries.size(),
           page->checkpoint.board_seq - snap.after_seq);
    if (page->checkpoint.board_seq == have) { // at the head
      verified_head = after_head;
      return verify_slice();
    }
    if (page->entries.empty())
      return done(
          inconsistent("entries", "the checkpoint is at entry " + std::to_string(page->checkpoint.board_seq) +
                                      " but no entry after " + std::to_string(have) + " is returned"));
    next_page();
  }

  // verify_board_chain over the whole list, one slice per turn of the event loop (the same checks
  // in the same order: the chain is read front to back and stops at the first bad link).
  void verify_slice() {
    const std::size_t n = std::min(kVerifySlice, snap.entries.size() - verified);
    const std::span<const protocol::BoardEntry> slice(snap.entries.data() + verified, n);
    if (auto v = protocol::verify_board_chain(slice, snap.after_seq + verified, verified_head); !v)
      return done(v.error());
    if (n > 0) verified_head = slice.back().hash;
    verified += n;
    report(progress, Progress::Stage::verify, verified, snap.entries.size());
    if (verified < snap.entries.size()) {
      QTimer::singleShot(0, &client.connection(), [self = shared_from_this()] { self->verify_slice(); });
      return;
    }
    finish();
  }

  void finish() {
    const std::uint64_t after_seq = snap.after_seq;
    // Every checkpoint seen must be a prefix of this chain.
    for (const auto &c : checkpoints) {
      if (c.board_seq < after_seq) continue;
      const Hash32 want =
          c.board_seq == after_seq ? after_head : snap.entries[c.board_seq - after_seq - 1].hash;
      if (c.board_head != want)
        return done(inconsistent("checkpoint", "the signed head at entry " + std::to_string(c.board_seq) +
                                                   " is not the hash of that entry"));
    }
    snap.checkpoint = checkpoints.back();
    done(std::move(snap));
  }
};

} // namespace

Hash32 BoardSnapshot::head() const { return entries.empty() ? checkpoint.board_head : entries.back().hash; }

Result<void> check_receipt(const protocol::Receipt &r, const protocol::EnrollmentBundle &bundle,
                           const PollId &poll, const Hash32 &tracking_code) {
  if (auto v = protocol::verify_receipt(r, bundle.server_key); !v) return v.error();
  if (r.meeting != bundle.meeting)
    return inconsistent("meeting",
                        "the receipt is for meeting " + r.meeting.str() + ", not " + bundle.meeting.str());
  if (r.poll != poll)
    return inconsistent("poll", "the receipt is for poll " + r.poll.str() + ", not " + poll.str());
  if (r.tracking_code != tracking_code)
    return inconsistent("tracking_code",
                        "the receipt's tracking code " + protocol::lower_hex(r.tracking_code) +
                            " is not the one of the ballot sent, " + protocol::lower_hex(tracking_code));
  if (r.board_seq == 0) return inconsistent("board_seq", "the receipt names board entry 0");
  return {};
}

Result<void> check_checkpoint(const protocol::Checkpoint &c, const protocol::EnrollmentBundle &bundle) {
  if (auto v = protocol::verify_checkpoint(c, bundle.server_key); !v) return v.error();
  if (c.meeting != bundle.meeting)
    return inconsistent("meeting",
                        "the checkpoint is for meeting " + c.meeting.str() + ", not " + bundle.meeting.str());
  return {};
}

Result<void> check_record(const protocol::GetRecordResponse &r, const protocol::EnrollmentBundle &bundle,
                          const PollId &poll) {
  if (auto v = r.verify(bundle.server_key); !v) return v.error();
  if (r.statement.meeting != bundle.meeting)
    return inconsistent("meeting", "the record statement is for meeting " + r.statement.meeting);
  if (r.poll != poll || r.statement.poll != poll)
    return inconsistent("poll", "asked for the record of poll " + poll.str() + ", got " + r.poll.str() +
                                    " / " + r.statement.poll);
  return {};
}

// ----------------------------------------------------------------------------------------- AsyncClient

void AsyncClient::raw(MessageType type, const QJsonObject &body, Done<QJsonObject> done) const {
  conn_->request(type, body, std::move(done), timeout_);
}

template <MessageType T> void AsyncClient::call(const RequestOf<T> &request, Done<ResponseOf<T>> done) const {
  // The bundle lives as long as the Connection, and the Connection never calls back after its end.
  const protocol::EnrollmentBundle *bundle = &conn_->bundle();
  raw(T, protocol::write_members(request),
      [bundle, request, done = std::move(done)](Result<QJsonObject> answer) {
        done(read_answer<T>(*bundle, request, std::move(answer)));
      });
}

// One instance per row of the message table.
#define CV_INSTANTIATE_CALL(name, ...)                                                                       \
  template void AsyncClient::call<MessageType::name>(const RequestOf<MessageType::name> &,                   \
                                                     Done<ResponseOf<MessageType::name>>) const;
CV_MESSAGE_TYPES(CV_INSTANTIATE_CALL)
#undef CV_INSTANTIATE_CALL

void AsyncClient::cast_ballot(const PollId &poll, const crypto::Bytes &ballot,
                              Done<protocol::Receipt> done) const {
  call<MessageType::cast_ballot>(protocol::CastBallotRequest{poll, ballot},
                                 [done = std::move(done)](Result<protocol::CastBallotResponse> r) {
                                   if (!r) return done(r.error());
                                   done(std::move(r->receipt));
                                 });
}

void AsyncClient::verified_poll(const PollId &poll, Done<VerifiedPoll> done) const {
  const protocol::EnrollmentBundle *bundle = &conn_->bundle();
  call<MessageType::get_poll>(poll_ref(poll),
                              [bundle, done = std::move(done)](Result<protocol::PollInfo> info) {
                                if (!info) return done(info.error());
                                auto ctx = protocol::verified_context(info->definition, bundle->meeting);
                                if (!ctx) return done(ctx.error());
                                done(VerifiedPoll{std::move(*info), std::move(*ctx)});
                              });
}

void AsyncClient::get_all_ceremony_messages(Done<protocol::GetCeremonyMessagesResponse> done,
                                            ProgressCallback progress) const {
  std::make_shared<CeremonyPaging>(*this, std::move(done), std::move(progress))->next();
}

void AsyncClient::get_board_all(std::uint64_t after_seq, const Hash32 &after_head, std::uint32_t page_limit,
                                Done<BoardSnapshot> done, ProgressCallback progress) const {
  auto paging = std::make_shared<BoardPaging>(*this, std::move(done), std::move(progress));
  paging->snap.after_seq = after_seq;
  paging->after_head = after_head;
  paging->page_limit = page_limit;
  paging->next_page();
}

// ----------------------------------------------------------------------------------------- Client

template <class T>
Result<T> Client::wait(const std::function<void(Done<T>)> &start, std::optional<Millis> limit,
                       std::string_view what) {
  auto out = wait_for_result<Result<T>>(start, limit);
  if (out) return std::move(*out);
  return protocol::check_error(ErrorCode::internal, std::string(kCheckTimeout),
                               "timeout: no answer to " + std::string(what) + " within " +
                                   std::to_string(async_.timeout().count()) + " ms");
}

template <MessageType T> Result<ResponseOf<T>> Client::call(const RequestOf<T> &request) {
  return wait<ResponseOf<T>>([&](Done<ResponseOf<T>> done) { async_.call<T>(request, std::move(done)); },
                             one_request(async_), protocol::message_type_name(T));
}

#define CV_INSTANTIATE_CALL(name, ...)                                                                       \
  template Result<ResponseOf<MessageType::name>> Client::call<MessageType::name>(                            \
      const RequestOf<MessageType::name> &);
CV_MESSAGE_TYPES(CV_INSTANTIATE_CALL)
#undef CV_INSTANTIATE_CALL

Result<QJsonObject> Client::raw(MessageType type, const QJsonObject &body) {
  return wait<QJsonObject>([&](Done<QJsonObject> done) { async_.raw(type, body, std::move(done)); },
                           one_request(async_), protocol::message_type_name(type));
}

// ----- secretary

Result<ResponseOf<MessageType::import_roster>> Client::import_roster(const protocol::ImportRosterRequest &r) {
  return call<MessageType::import_roster>(r);
}

Result<ResponseOf<MessageType::import_nominees>>
Client::import_nominees(const protocol::ImportNomineesRequest &r) {
  return call<MessageType::import_nominees>(r);
}

Result<ResponseOf<MessageType::define_rule_profile>>
Client::define_rule_profile(const protocol::RuleProfile &r) {
  return call<MessageType::define_rule_profile>(r);
}

Result<ResponseOf<MessageType::set_award_quota>>
Client::set_award_quota(const protocol::SetAwardQuotaRequest &r) {
  return call<MessageType::set_award_quota>(r);
}

Result<ResponseOf<MessageType::register_member_key>>
Client::register_member_key(const protocol::RegisterMemberKeyRequest &r) {
  return call<MessageType::register_member_key>(r);
}

Result<ResponseOf<MessageType::register_member_keys>>
Client::register_member_keys(const protocol::RegisterMemberKeysRequest &r) {
  return call<MessageType::register_member_keys>(r);
}

Result<ResponseOf<MessageType::set_attendance>>
Client::set_attendance(const protocol::SetAttendanceRequest &r) {
  return call<MessageType::set_attendance>(r);
}

Result<ResponseOf<MessageType::set_trustees>> Client::set_trustees(const protocol::SetTrusteesRequest &r) {
  return call<MessageType::set_trustees>(r);
}

Result<ResponseOf<MessageType::open_poll>> Client::open_poll(const protocol::OpenPollRequest &r) {
  return call<MessageType::open_poll>(r);
}

Result<ResponseOf<MessageType::open_room>> Client::open_room(const PollId &poll) {
  return call<MessageType::open_room>(poll_ref(poll));
}

Result<ResponseOf<MessageType::close_poll>> Client::close_poll(const PollId &poll) {
  return call<MessageType::close_poll>(poll_ref(poll));
}

Result<ResponseOf<MessageType::turnout>> Client::turnout(const PollId &poll) {
  return call<MessageType::turnout>(poll_ref(poll));
}

Result<ResponseOf<MessageType::start_tally>> Client::start_tally(const PollId &poll) {
  return call<MessageType::start_tally>(poll_ref(poll));
}

Result<ResponseOf<MessageType::publish_record>> Client::publish_record(const PollId &poll) {
  return call<MessageType::publish_record>(poll_ref(poll));
}

// ----- member

Result<protocol::Receipt> Client::cast_ballot(const PollId &poll, const crypto::Bytes &ballot) {
  return wait<protocol::Receipt>(
      [&](Done<protocol::Receipt> done) { async_.cast_ballot(poll, ballot, std::move(done)); },
      one_request(async_), "cast_ballot");
}

// ----- trustee

Result<ResponseOf<MessageType::post_ceremony_message>>
Client::post_ceremony_message(const protocol::PostCeremonyMessageRequest &r) {
  return call<MessageType::post_ceremony_message>(r);
}

Result<ResponseOf<MessageType::get_ceremony_messages>>
Client::get_ceremony_messages(std::uint64_t after_seq) {
  return call<MessageType::get_ceremony_messages>(protocol::GetCeremonyMessagesRequest{after_seq});
}

Result<protocol::GetCeremonyMessagesResponse> Client::get_all_ceremony_messages() {
  // Many requests, each with its own timeout: no overall limit.
  return wait<protocol::GetCeremonyMessagesResponse>(
      [&](Done<protocol::GetCeremonyMessagesResponse> done) {
        async_.get_all_ceremony_messages(std::move(done));
      },
      std::nullopt, "get_ceremony_messages");
}

Result<ResponseOf<MessageType::get_tally>> Client::get_tally(const PollId &poll) {
  return call<MessageType::get_tally>(poll_ref(poll));
}

Result<ResponseOf<MessageType::post_partial_decryption>>
Client::post_partial_decryption(const protocol::PostPartialDecryptionRequest &r) {
  return call<MessageType::post_partial_decryption>(r);
}

// ----- anyone

Result<ResponseOf<MessageType::get_poll>> Client::get_poll(const PollId &poll) {
  return call<MessageType::get_poll>(poll_ref(poll));
}

Result<VerifiedPoll> Client::verified_poll(const PollId &poll) {
  return wait<VerifiedPoll>([&](Done<VerifiedPoll> done) { async_.verified_poll(poll, std::move(done)); },
                            one_request(async_), "get_poll");
}

Result<ResponseOf<MessageType::lookup_tracking_code>>
Client::lookup_tracking_code(const PollId &poll, const Hash32 &tracking_code) {
  return call<MessageType::lookup_tracking_code>(protocol::LookupTrackingCodeRequest{poll, tracking_code});
}

Result<ResponseOf<MessageType::get_board>> Client::get_board(std::uint64_t from_seq, std::uint32_t limit) {
  return call<MessageType::get_board>(protocol::GetBoardRequest{from_seq, limit});
}

Result<BoardSnapshot> Client::get_board_all(std::uint64_t after_seq, const Hash32 &after_head,
                                            std::uint32_t page_limit) {
  return wait<BoardSnapshot>(
      [&](Done<BoardSnapshot> done) {
        async_.get_board_all(after_seq, after_head, page_limit, std::move(done));
      },
      std::nullopt, "get_board");
}

Result<ResponseOf<MessageType::get_record>> Client::get_record(const PollId &poll) {
  return call<MessageType::get_record>(poll_ref(poll));
}

Result<ResponseOf<MessageType::preview_record>> Client::preview_record(const PollId &poll) {
  return call<MessageType::preview_record>(poll_ref(poll));
}

} // namespace cv::client
