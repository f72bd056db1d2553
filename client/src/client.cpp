#include "councilvote/client/client.hpp"

#include "councilvote/crypto/hash.hpp"

#include <optional>
#include <string>
#include <utility>

namespace cv::client {

using protocol::ErrorCode;
using protocol::MessageType;

namespace {

protocol::Error inconsistent(std::string check, std::string message) {
  return protocol::check_error(ErrorCode::inconsistent_data, check, check + ": " + std::move(message));
}

protocol::PollRef poll_ref(const PollId &poll) { return protocol::PollRef{poll}; }

Result<void> check_poll_id(const protocol::PollInfo &info, const PollId &poll) {
  if (info.definition.poll != poll)
    return inconsistent("poll", "asked for poll " + poll.str() + ", got " + info.definition.poll.str());
  return {};
}

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
    return inconsistent("meeting", "the record statement is for meeting " + r.statement.meeting.str());
  if (r.poll != poll || r.statement.poll != poll)
    return inconsistent("poll", "asked for the record of poll " + poll.str() + ", got " + r.poll.str() +
                                    " / " + r.statement.poll.str());
  return {};
}

// ----------------------------------------------------------------------------------------- plumbing

Result<QJsonObject> Client::raw(MessageType type, const QJsonObject &body) {
  return conn_.call(type, body, timeout_);
}

// The request and response body types come from the message table (protocol/messages.hpp).
template <MessageType T> Result<ResponseOf<T>> Client::typed(const protocol::RequestBody<T> &request) {
  constexpr auto type = T;
  auto r = raw(type, request.to_json());
  if (!r) return r.error();
  auto t = ResponseOf<T>::from_json(*r);
  if (!t)
    return inconsistent("response", "the answer to " + std::string(protocol::message_type_name(type)) +
                                        " does not read: " + t.error().message);
  return t;
}

// ----------------------------------------------------------------------------------------- secretary

Result<ResponseOf<MessageType::import_roster>> Client::import_roster(const protocol::ImportRosterRequest &r) {
  return typed<MessageType::import_roster>(r);
}

Result<ResponseOf<MessageType::import_nominees>>
Client::import_nominees(const protocol::ImportNomineesRequest &r) {
  return typed<MessageType::import_nominees>(r);
}

Result<ResponseOf<MessageType::define_rule_profile>>
Client::define_rule_profile(const protocol::RuleProfile &r) {
  return typed<MessageType::define_rule_profile>(r);
}

Result<ResponseOf<MessageType::set_award_quota>>
Client::set_award_quota(const protocol::SetAwardQuotaRequest &r) {
  return typed<MessageType::set_award_quota>(r);
}

Result<ResponseOf<MessageType::register_member_key>>
Client::register_member_key(const protocol::RegisterMemberKeyRequest &r) {
  return typed<MessageType::register_member_key>(r);
}

Result<ResponseOf<MessageType::register_member_keys>>
Client::register_member_keys(const protocol::RegisterMemberKeysRequest &r) {
  return typed<MessageType::register_member_keys>(r);
}

Result<ResponseOf<MessageType::set_attendance>>
Client::set_attendance(const protocol::SetAttendanceRequest &r) {
  return typed<MessageType::set_attendance>(r);
}

Result<ResponseOf<MessageType::set_trustees>> Client::set_trustees(const protocol::SetTrusteesRequest &r) {
  return typed<MessageType::set_trustees>(r);
}

Result<ResponseOf<MessageType::open_poll>> Client::open_poll(const protocol::OpenPollRequest &r) {
  auto info = typed<MessageType::open_poll>(r);
  if (info)
    if (auto c = check_poll_id(*info, r.poll); !c) return c.error();
  return info;
}

Result<ResponseOf<MessageType::open_room>> Client::open_room(const PollId &poll) {
  auto info = typed<MessageType::open_room>(poll_ref(poll));
  if (info)
    if (auto c = check_poll_id(*info, poll); !c) return c.error();
  return info;
}

Result<ResponseOf<MessageType::close_poll>> Client::close_poll(const PollId &poll) {
  auto r = typed<MessageType::close_poll>(poll_ref(poll));
  if (!r) return r;
  if (auto c = check_checkpoint(r->checkpoint, bundle()); !c) return c.error();
  if (r->poll != poll) return inconsistent("poll", "asked to close " + poll.str() + ", got " + r->poll.str());
  return r;
}

Result<ResponseOf<MessageType::turnout>> Client::turnout(const PollId &poll) {
  return typed<MessageType::turnout>(poll_ref(poll));
}

Result<ResponseOf<MessageType::start_tally>> Client::start_tally(const PollId &poll) {
  return typed<MessageType::start_tally>(poll_ref(poll));
}

Result<ResponseOf<MessageType::publish_record>> Client::publish_record(const PollId &poll) {
  auto r = typed<MessageType::publish_record>(poll_ref(poll));
  if (!r) return r;
  if (auto c = check_record(*r, bundle(), poll); !c) return c.error();
  return r;
}

// ----------------------------------------------------------------------------------------- member

Result<protocol::Receipt> Client::cast_ballot(const PollId &poll, const crypto::Bytes &ballot) {
  // The body is built once: a resend after a lost connection carries the same ballot bytes.
  auto r = typed<MessageType::cast_ballot>(protocol::CastBallotRequest{poll, ballot});
  if (!r) return r.error();
  if (auto c = check_receipt(r->receipt, bundle(), poll, tracking_code_of(ballot)); !c) return c.error();
  return r->receipt;
}

// ----------------------------------------------------------------------------------------- trustee

Result<ResponseOf<MessageType::post_ceremony_message>>
Client::post_ceremony_message(const protocol::PostCeremonyMessageRequest &r) {
  return typed<MessageType::post_ceremony_message>(r);
}

Result<ResponseOf<MessageType::get_ceremony_messages>>
Client::get_ceremony_messages(std::uint64_t after_seq) {
  return typed<MessageType::get_ceremony_messages>(protocol::GetCeremonyMessagesRequest{after_seq});
}

Result<protocol::GetCeremonyMessagesResponse> Client::get_all_ceremony_messages() {
  std::uint64_t after = 0;
  std::vector<protocol::CeremonyMessage> all;
  std::optional<Hash32> context;
  for (;;) {
    auto page = get_ceremony_messages(after);
    if (!page) return page;
    if (context && *context != page->ceremony_context)
      return inconsistent("ceremony_context",
                          "the ceremony changed while its messages were read; read again");
    context = page->ceremony_context;
    if (page->messages.empty()) {
      page->messages = std::move(all);
      return page;
    }
    for (auto &m : page->messages) {
      if (m.board_seq <= after)
        return inconsistent("board_seq", "ceremony messages out of order: entry " +
                                             std::to_string(m.board_seq) + " after " + std::to_string(after));
      after = m.board_seq;
      all.push_back(std::move(m));
    }
  }
}

Result<ResponseOf<MessageType::get_tally>> Client::get_tally(const PollId &poll) {
  auto r = typed<MessageType::get_tally>(poll_ref(poll));
  if (r && r->tally.poll != poll)
    return inconsistent("poll", "asked for the tally of " + poll.str() + ", got " + r->tally.poll.str());
  return r;
}

Result<ResponseOf<MessageType::post_partial_decryption>>
Client::post_partial_decryption(const protocol::PostPartialDecryptionRequest &r) {
  return typed<MessageType::post_partial_decryption>(r);
}

// ----------------------------------------------------------------------------------------- anyone

Result<ResponseOf<MessageType::get_poll>> Client::get_poll(const PollId &poll) {
  auto info = typed<MessageType::get_poll>(poll_ref(poll));
  if (info)
    if (auto c = check_poll_id(*info, poll); !c) return c.error();
  return info;
}

Result<VerifiedPoll> Client::verified_poll(const PollId &poll) {
  auto info = get_poll(poll);
  if (!info) return info.error();
  auto ctx = info->definition.verified_context(bundle().meeting);
  if (!ctx) return ctx.error();
  return VerifiedPoll{std::move(*info), std::move(*ctx)};
}

Result<ResponseOf<MessageType::lookup_tracking_code>>
Client::lookup_tracking_code(const PollId &poll, const Hash32 &tracking_code) {
  auto r = typed<MessageType::lookup_tracking_code>(protocol::LookupTrackingCodeRequest{poll, tracking_code});
  if (r && (r->poll != poll || r->tracking_code != tracking_code))
    return inconsistent("tracking_code", "the answer is about another poll or tracking code");
  return r;
}

Result<ResponseOf<MessageType::get_board>> Client::get_board(std::uint64_t from_seq, std::uint32_t limit) {
  auto r = typed<MessageType::get_board>(protocol::GetBoardRequest{from_seq, limit});
  if (!r) return r;
  if (auto c = check_checkpoint(r->checkpoint, bundle()); !c) return c.error();
  if (r->entries.size() > limit)
    return inconsistent("entries", "asked for at most " + std::to_string(limit) + " entries, got " +
                                       std::to_string(r->entries.size()));
  return r;
}

Result<BoardSnapshot> Client::get_board_all(std::uint64_t after_seq, const Hash32 &after_head,
                                            std::uint32_t page_limit) {
  BoardSnapshot snap;
  snap.after_seq = after_seq;
  std::vector<protocol::Checkpoint> checkpoints;
  for (;;) {
    const std::uint64_t next = after_seq + snap.entries.size() + 1;
    auto page = get_board(next, page_limit);
    if (!page) return page.error();
    checkpoints.push_back(page->checkpoint);
    if (!page->entries.empty() && page->entries.front().seq != next)
      return inconsistent("seq", "asked for entries from " + std::to_string(next) + ", got " +
                                     std::to_string(page->entries.front().seq));
    for (auto &e : page->entries) snap.entries.push_back(std::move(e));
    const std::uint64_t have = after_seq + snap.entries.size();
    if (page->checkpoint.board_seq < have)
      return inconsistent("checkpoint", "a checkpoint at entry " +
                                            std::to_string(page->checkpoint.board_seq) +
                                            " is behind the entries received (" + std::to_string(have) + ")");
    if (page->checkpoint.board_seq == have) break; // at the head
    if (page->entries.empty())
      return inconsistent("entries", "the checkpoint is at entry " +
                                         std::to_string(page->checkpoint.board_seq) + " but no entry after " +
                                         std::to_string(have) + " is returned");
  }
  if (auto v = protocol::verify_board_chain(snap.entries, after_seq, after_head); !v) return v.error();
  // Every checkpoint seen must be a prefix of this chain.
  for (const auto &c : checkpoints) {
    if (c.board_seq < after_seq) continue;
    const Hash32 want =
        c.board_seq == after_seq ? after_head : snap.entries[c.board_seq - after_seq - 1].hash;
    if (c.board_head != want)
      return inconsistent("checkpoint", "the signed head at entry " + std::to_string(c.board_seq) +
                                            " is not the hash of that entry");
  }
  snap.checkpoint = checkpoints.back();
  return snap;
}

Result<ResponseOf<MessageType::get_record>> Client::get_record(const PollId &poll) {
  auto r = typed<MessageType::get_record>(poll_ref(poll));
  if (!r) return r;
  if (auto c = check_record(*r, bundle(), poll); !c) return c.error();
  return r;
}

} // namespace cv::client
