// MeetingService: lookups shared by several operations.
#include "councilvote/protocol/json.hpp"
#include "service_impl.hpp"

#include <algorithm>

namespace cv::server {

using namespace detail;

std::uint64_t MeetingService::Impl::now_ms() const {
  const std::int64_t t = clock();
  return t < 0 ? 0 : static_cast<std::uint64_t>(t);
}

Result<Sender> MeetingService::Impl::sender(const crypto::SignPublicKey &key) const {
  auto members = store.members();
  if (!members) return store_error(members.error());
  Sender s{key, std::nullopt};
  for (auto &m : *members)
    if (m.public_key && *m.public_key == key) s.member = std::move(m);
  return s;
}

Result<schema::Poll> MeetingService::Impl::find_poll(const protocol::PollId &poll) const {
  auto p = store.poll(poll.str());
  if (!p)
    return store_error(p.error(),
                       {{schema::Errc::not_found, ErrorCode::wrong_poll, wrong_poll(poll.str()).message}});
  if (p->state == schema::PollState::draft) return wrong_poll(poll.str()); // never seen on the wire
  return std::move(*p);
}

Result<std::shared_ptr<const LoadedPoll>> MeetingService::Impl::loaded_poll(const schema::Poll &p) {
  if (auto it = poll_cache.find(p.spec.poll_id); it != poll_cache.end()) return it->second;
  auto entries = store.board_entries(schema::BoardKind::manifest, p.spec.poll_id);
  if (!entries) return store_error(entries.error());
  if (entries->size() != 1)
    return op_error(ErrorCode::internal, "poll '" + p.spec.poll_id + "' has no single manifest entry");
  const auto &entry = entries->front();
  const std::string text(entry.payload.begin(), entry.payload.end());
  auto json = protocol::parse_json_object(text);
  if (!json)
    return op_error(ErrorCode::internal, "the manifest entry does not parse: " + json.error().message);
  auto def = protocol::read_body<protocol::PollDefinition>(*json);
  if (!def) return op_error(ErrorCode::internal, "the manifest entry does not read: " + def.error().message);
  auto ctx = protocol::verified_context(*def, meeting_id);
  if (!ctx)
    return op_error(ErrorCode::internal, "the published poll does not verify: " + ctx.error().message);
  auto loaded = std::make_shared<LoadedPoll>();
  loaded->roster = crypto::Roster{def->roster};
  loaded->context = std::move(*ctx);
  loaded->definition = std::move(*def);
  loaded->manifest_seq = entry.seq;
  loaded->fast = std::make_unique<crypto::FastVerifier>(loaded->context.joint_key);
  poll_cache.emplace(p.spec.poll_id, loaded);
  return std::shared_ptr<const LoadedPoll>(loaded);
}

Result<protocol::PollInfo> MeetingService::Impl::poll_info(const schema::Poll &p,
                                                           const protocol::PollDefinition &def,
                                                           std::uint64_t manifest_seq) const {
  protocol::PollInfo info;
  info.definition = def;
  info.manifest_seq = manifest_seq;
  info.status = p.state;
  info.remote_opened_at_ms = utc_ms(p.remote_opened_at);
  info.opened_at_ms = utc_ms(p.opened_at);
  info.closed_at_ms = utc_ms(p.closed_at);
  info.tallied_at_ms = utc_ms(p.tallied_at);
  info.published_at_ms = utc_ms(p.published_at);
  return info;
}

Result<void> MeetingService::Impl::require_no_open_poll() const {
  auto polls = store.polls();
  if (!polls) return store_error(polls.error());
  for (const auto &p : *polls)
    if (p.state == schema::PollState::open_remote || p.state == schema::PollState::open)
      return op_error(ErrorCode::wrong_state, "poll '" + p.spec.poll_id + "' is " +
                                                  std::string(schema::to_string(p.state)) +
                                                  "; setup changes wait until it is closed");
  return {};
}

Result<std::vector<schema::Contest>> MeetingService::Impl::all_contests() const {
  auto polls = store.polls();
  if (!polls) return store_error(polls.error());
  std::vector<schema::Contest> out;
  for (const auto &p : *polls) {
    auto contests = store.contests(p.spec.poll_id);
    if (!contests) return store_error(contests.error());
    out.insert(out.end(), contests->begin(), contests->end());
  }
  return out;
}

Result<protocol::Checkpoint> MeetingService::Impl::checkpoint() const {
  auto head = store.board_head();
  if (!head) return store_error(head.error());
  protocol::Checkpoint c{meeting_id, head->seq, head->hash, now_ms(), {}};
  protocol::sign_checkpoint(c, server_signing);
  return c;
}

Result<std::optional<LoadedTally>> MeetingService::Impl::tally_of(std::string_view poll_id) const {
  auto entries = store.board_entries(schema::BoardKind::tally, poll_id);
  if (!entries) return store_error(entries.error());
  if (entries->empty()) return std::optional<LoadedTally>();
  const auto &entry = entries->front();
  const std::string text(entry.payload.begin(), entry.payload.end());
  auto json = protocol::parse_json_object(text);
  if (!json) return op_error(ErrorCode::internal, "the tally entry does not parse: " + json.error().message);
  auto info = protocol::read_body<protocol::TallyInfo>(*json);
  if (!info) return op_error(ErrorCode::internal, "the tally entry does not read: " + info.error().message);
  LoadedTally t;
  t.encrypted = info->encrypted_tally();
  t.context = t.encrypted.context();
  t.info = std::move(*info);
  t.seq = entry.seq;
  return std::optional(std::move(t));
}

Result<crypto::ThresholdPublicKey> MeetingService::Impl::ceremony_key(const schema::KeyCeremony &c) const {
  auto ceremony = crypto_ceremony(meeting_id, c);
  if (!ceremony) return ceremony.error();
  auto messages = store.ceremony_messages(c.ceremony_no);
  if (!messages) return store_error(messages.error());
  std::vector<crypto::TrusteeCommitments> commitments;
  for (const auto &m : *messages) {
    if (m.message.kind != schema::CeremonyMessageKind::commitments) continue;
    crypto::ByteReader r(m.message.payload);
    auto decoded = crypto::decode_commitments(r);
    if (!decoded) return op_error(ErrorCode::internal, "stored commitments: " + decoded.error().message);
    commitments.push_back(std::move(*decoded));
  }
  auto key = crypto::threshold_public_key(*ceremony, commitments);
  if (!key) return op_error(ErrorCode::internal, "the ceremony's key: " + key.error().message);
  return std::move(*key);
}

std::optional<std::uint32_t> MeetingService::Impl::trustee_index(const schema::KeyCeremony &c,
                                                                 const Sender &s) {
  if (!s.member) return std::nullopt;
  for (const auto &t : c.trustees)
    if (t.member_no == s.member->row.member_no) return t.index;
  return std::nullopt;
}

Result<protocol::Receipt> MeetingService::Impl::receipt(const protocol::PollId &poll,
                                                        const schema::BallotReceipt &r) const {
  auto at = protocol::parse_utc_ms(r.entry.created_at);
  if (!at)
    return op_error(ErrorCode::internal, "the board entry's time '" + r.entry.created_at + "' is invalid");
  protocol::Receipt out{meeting_id, poll, r.tracking_code, r.entry.seq, r.entry.entry_hash, *at, {}};
  protocol::sign_receipt(out, server_signing);
  return out;
}

} // namespace cv::server
