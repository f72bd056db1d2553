// MeetingService: the chair decides a tie at an award's quota (docs/wire.md §8.4
// post_chair_decision), checks in the documented order. The rules are record/'s
// (record::check_chair_decision); the server only adds who may decide and when.
#include "councilvote/record/chair_decision.hpp"
#include "service_impl.hpp"

#include <algorithm>

namespace cv::server {

using namespace detail;
using protocol::read_body;

namespace {

Error bad_decision(const std::string &check, const std::string &detail) {
  return op_check_error(ErrorCode::invalid_chair_decision, check, check + ": " + detail);
}

ServiceOutput answer(const protocol::PollId &poll, const std::string &award, std::uint64_t seq) {
  return ServiceOutput{protocol::PostChairDecisionResponse{poll, award, seq}.to_json(), {}};
}

} // namespace

Result<ServiceOutput> MeetingService::Impl::post_chair_decision(const Sender &s, const QJsonObject &body) {
  auto req = read_body<protocol::ChairDecision>(body);
  if (!req) return req.error();
  if (!s.member) return op_error(ErrorCode::unknown_key, "the key is not a registered member's");
  const auto &member = *s.member;
  auto poll_id = protocol::PollId::parse(req->poll);
  if (!poll_id) return poll_id.error();

  // 1. the poll exists
  auto poll = find_poll(*poll_id);
  if (!poll) return poll.error();
  // 2. only the chair: the one roster member whose council_role is chair
  auto members = store.members();
  if (!members) return store_error(members.error());
  const auto chairs = std::ranges::count_if(*members, [](const schema::Member &m) {
    return m.row.council_role == record::name(record::CouncilRole::chair);
  });
  if (member.row.council_role != record::name(record::CouncilRole::chair) || chairs != 1)
    return op_error(ErrorCode::forbidden,
                    chairs != 1
                        ? "the roster has " + std::to_string(chairs) +
                              " members whose role is chair; only the one chair decides a tie"
                        : "only the chair decides a tie at a quota; member " +
                              std::to_string(member.row.member_no) + " is " + member.row.council_role);
  // 3. the same decision again: the original answer
  auto existing = store.board_entries(schema::BoardKind::chair_decision, poll_id->str());
  if (!existing) return store_error(existing.error());
  const std::string payload = record::encode_chair_decision(*req);
  for (const auto &e : *existing)
    if (std::string(e.payload.begin(), e.payload.end()) == payload)
      return answer(*poll_id, req->award, e.seq);
  // 4. decrypted, not published
  if (poll->state != schema::PollState::closed)
    return op_error(ErrorCode::wrong_state, "poll '" + poll_id->str() + "' is " +
                                                std::string(schema::to_string(poll->state)) +
                                                (poll->state == schema::PollState::published
                                                     ? ": its record is final"
                                                     : ": a tie is decided after the tally is decrypted"));
  auto in = record_input(*poll);
  if (!in) return in.error();
  // 5. the decision itself
  if (req->key != s.key || req->member_no != member.row.member_no)
    return bad_decision("sender", "the decision is not the sender's own (member " +
                                      std::to_string(member.row.member_no) + ", the request's key)");
  if (req->meeting != meeting_id.str() || req->tally_context != in->tally_context)
    return bad_decision("context", "the decision is not bound to this meeting and the poll's tally");
  if (!record::verify_chair_decision_signature(*req))
    return bad_decision("signature", "the chair's signature (tag CV/chair-decision) does not verify");
  auto draft = protocol::compute_record(*in);
  if (!draft) return op_error(ErrorCode::internal, "the record: " + draft.error().message);
  if (auto ok = record::check_chair_decision(*draft, req->award, req->nominees); !ok)
    return bad_decision(ok.error().check, ok.error().message);

  auto entry = store.publish(actor_of("member", member.row.member_no), schema::BoardKind::chair_decision,
                             poll_id->str(), crypto::as_bytes(payload));
  if (!entry) return store_error(entry.error());
  return answer(*poll_id, req->award, entry->seq);
}

} // namespace cv::server
