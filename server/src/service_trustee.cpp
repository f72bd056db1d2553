// MeetingService, trustee: the key ceremony's messages (docs/wire.md §8.5).
#include "service_impl.hpp"

#include <algorithm>

namespace cv::server {

using namespace detail;
using protocol::CeremonyMessageKind;
using protocol::read_body;

namespace {

schema::CeremonyMessageKind schema_kind(CeremonyMessageKind k) noexcept {
  switch (k) {
  case CeremonyMessageKind::commitments:
    return schema::CeremonyMessageKind::commitments;
  case CeremonyMessageKind::share:
    return schema::CeremonyMessageKind::share;
  case CeremonyMessageKind::complaint:
    return schema::CeremonyMessageKind::complaint;
  }
  return schema::CeremonyMessageKind::complaint;
}

CeremonyMessageKind wire_kind(schema::CeremonyMessageKind k) noexcept {
  switch (k) {
  case schema::CeremonyMessageKind::commitments:
    return CeremonyMessageKind::commitments;
  case schema::CeremonyMessageKind::share:
    return CeremonyMessageKind::share;
  case schema::CeremonyMessageKind::complaint:
    return CeremonyMessageKind::complaint;
  }
  return CeremonyMessageKind::complaint;
}

protocol::CeremonyState wire_state(schema::CeremonyState s) noexcept {
  switch (s) {
  case schema::CeremonyState::collecting:
    return protocol::CeremonyState::collecting;
  case schema::CeremonyState::complete:
    return protocol::CeremonyState::complete;
  case schema::CeremonyState::failed:
    return protocol::CeremonyState::failed;
  }
  return protocol::CeremonyState::failed;
}

Error bad_message(std::string check, const std::string &detail) {
  return op_check_error(ErrorCode::invalid_ceremony_message, check, check + ": " + detail);
}

ServiceOutput posted(std::uint64_t seq) {
  return ServiceOutput{protocol::PostCeremonyMessageResponse{seq}.to_json(), {}};
}

// A byte budget for one answer, below the default message limit (docs/wire.md §10).
constexpr std::size_t kAnswerBudget = (std::size_t{4} << 20) - (std::size_t{64} << 10);

} // namespace

Result<ServiceOutput> MeetingService::Impl::post_ceremony_message(const Sender &s, const QJsonObject &body) {
  auto req = read_body<protocol::PostCeremonyMessageRequest>(body);
  if (!req) return req.error();
  auto current = store.current_ceremony();
  if (!current) return store_error(current.error());
  if (!*current) return op_error(ErrorCode::wrong_state, "there is no key ceremony");
  const auto &kc = **current;
  const auto from = trustee_index(kc, s);
  if (!from) return op_error(ErrorCode::not_trustee, "the key is not a trustee of the current key ceremony");
  const auto kind = schema_kind(req->content.kind);
  const auto payload = req->content.board_payload(*from);
  auto messages = store.ceremony_messages(kc.ceremony_no);
  if (!messages) return store_error(messages.error());

  // A byte-identical repost returns the original response, whatever the state.
  if (req->ceremony_context == kc.context)
    for (const auto &m : *messages)
      if (m.message.kind == kind && m.message.from == *from && m.message.payload == payload)
        return posted(m.entry.seq);
  if (kc.state != schema::CeremonyState::collecting)
    return op_error(ErrorCode::wrong_state,
                    "the key ceremony is " + std::string(schema::to_string(kc.state)) + ", not collecting");

  auto ceremony = crypto_ceremony(meeting_id, kc);
  if (!ceremony) return ceremony.error();
  // 1. context
  if (req->ceremony_context != kc.context)
    return bad_message("ceremony_context", "not the current key ceremony's context");
  // 2.-4. decode, index, proof
  std::optional<std::uint32_t> to;
  switch (req->content.kind) {
  case CeremonyMessageKind::commitments: {
    auto c = req->content.decode_commitments();
    if (!c) return c.error();
    if (c->index != *from)
      return bad_message("index",
                         "the commitments are not the sender's (index " + std::to_string(c->index) + ")");
    if (auto v = crypto::verify_commitments(*ceremony, *c); !v)
      return bad_message("proof", v.error().message);
    break;
  }
  case CeremonyMessageKind::share: {
    auto sh = req->content.decode_share();
    if (!sh) return sh.error();
    if (sh->from != *from) return bad_message("index", "the share is not from the sender");
    if (sh->to == *from || !ceremony->has_trustee(sh->to))
      return bad_message("index", "the share is not for another trustee");
    to = sh->to;
    break;
  }
  case CeremonyMessageKind::complaint: {
    const auto accused = req->content.complaint.accused;
    if (accused == *from || !ceremony->has_trustee(accused))
      return bad_message("index", "the accused is not another trustee");
    to = accused;
    break;
  }
  }
  // 5. duplicate
  for (const auto &m : *messages)
    if (m.message.kind == kind && m.message.from == *from && m.message.to == to)
      return bad_message("duplicate", "a different " + std::string(schema::to_string(kind)) +
                                          " message from this trustee exists (board seq " +
                                          std::to_string(m.entry.seq) + ")");

  const std::string actor = actor_of("trustee", *from);
  auto entry =
      store.add_ceremony_message(actor, schema::CeremonyMessage{kc.ceremony_no, kind, *from, to, payload});
  if (!entry) return store_error(entry.error());

  if (req->content.kind == CeremonyMessageKind::complaint) {
    if (auto r = store.fail_ceremony(actor, kc.ceremony_no,
                                     "trustee " + std::to_string(*from) + " complained about trustee " +
                                         std::to_string(*to));
        !r)
      return store_error(r.error());
  } else {
    const std::size_t n = kc.trustees.size();
    std::size_t commitments = 0, shares = 0;
    for (const auto &m : *messages) {
      if (m.message.kind == schema::CeremonyMessageKind::commitments) ++commitments;
      if (m.message.kind == schema::CeremonyMessageKind::share) ++shares;
    }
    ++(kind == schema::CeremonyMessageKind::commitments ? commitments : shares);
    if (commitments == n && shares == n * (n - 1)) {
      auto key = ceremony_key(kc);
      if (!key) return key.error();
      if (auto r = store.complete_ceremony(actor, kc.ceremony_no, key->joint_key.bytes()); !r)
        return store_error(r.error());
    }
  }
  protocol::CeremonyMessagePush push{entry->seq, *from, req->content.kind};
  auto out = posted(entry->seq);
  out.pushes.push_back({protocol::PushType::ceremony_message, push.to_json()});
  return out;
}

Result<ServiceOutput> MeetingService::Impl::get_ceremony_messages(const QJsonObject &body) {
  auto req = read_body<protocol::GetCeremonyMessagesRequest>(body);
  if (!req) return req.error();
  auto current = store.current_ceremony();
  if (!current) return store_error(current.error());
  if (!*current) return op_error(ErrorCode::wrong_state, "there is no key ceremony");
  const auto &kc = **current;
  protocol::GetCeremonyMessagesResponse out;
  out.ceremony_context = kc.context;
  out.threshold = kc.threshold;
  for (const auto &t : kc.trustees)
    out.trustees.push_back({t.index, static_cast<std::uint32_t>(t.member_no), t.box_public_key});
  out.state = wire_state(kc.state);
  if (kc.joint_key) {
    auto k = crypto::Point::from_bytes(*kc.joint_key, false);
    if (!k) return op_error(ErrorCode::internal, "the stored joint key is invalid");
    out.joint_key = *k;
  }
  auto messages = store.ceremony_messages(kc.ceremony_no);
  if (!messages) return store_error(messages.error());
  std::size_t used = 0;
  for (const auto &m : *messages) {
    if (m.entry.seq <= req->after_seq) continue;
    const std::size_t cost = 2 * m.message.payload.size() + 256;
    if (!out.messages.empty() && used + cost > kAnswerBudget) break;
    used += cost;
    auto content = protocol::CeremonyContent::from_board(wire_kind(m.message.kind), m.message.payload);
    if (!content)
      return op_error(ErrorCode::internal, "a stored ceremony message: " + content.error().message);
    out.messages.push_back({m.entry.seq, m.message.from, std::move(*content)});
  }
  return ServiceOutput{out.to_json(), {}};
}

} // namespace cv::server
