// MeetingService, member: cast_ballot (docs/wire.md §8.4), checks in the documented order.
#include "service_impl.hpp"

namespace cv::server {

using namespace detail;
using protocol::read_body;

Result<ServiceOutput> MeetingService::Impl::cast_ballot(const Sender &s, const QJsonObject &body) {
  auto req = read_body<protocol::CastBallotRequest>(body);
  if (!req) return req.error();
  if (!s.member) return op_error(ErrorCode::unknown_key, "the key is not a registered member's");
  const auto &member = *s.member;

  // 1. the poll exists
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  // 2. a ballot of the sender already: the same bytes get the same receipt
  auto existing = store.ballot_of(req->poll.str(), s.key);
  if (!existing) return store_error(existing.error());
  if (*existing) {
    if ((*existing)->wire != req->ballot)
      return op_error(ErrorCode::duplicate_ballot, "member " + std::to_string(member.row.member_no) +
                                                       " has cast a different ballot in this poll already");
    auto r = receipt(req->poll, (*existing)->receipt);
    if (!r) return r.error();
    return ServiceOutput{protocol::CastBallotResponse{*r}.to_json(), {}};
  }
  // 3. the poll takes ballots
  if (poll->state != schema::PollState::open_remote && poll->state != schema::PollState::open)
    return op_error(ErrorCode::poll_closed, "poll '" + req->poll.str() + "' no longer takes ballots");
  auto loaded = loaded_poll(*poll);
  if (!loaded) return loaded.error();
  const auto &lp = **loaded;
  // 4. attendance
  schema::Channel channel = schema::Channel::in_room;
  switch (member.attendance) {
  case schema::Attendance::present:
    if (poll->state != schema::PollState::open)
      return op_error(ErrorCode::poll_not_open, "voting in the room has not been opened yet");
    break;
  case schema::Attendance::remote:
    channel = schema::Channel::remote;
    if (const auto &w = lp.definition.remote_window) {
      const auto now = now_ms();
      if (now < w->from_ms || now >= w->until_ms)
        return op_error(ErrorCode::outside_remote_window,
                        "server time " + std::to_string(now) + " is outside the remote window [" +
                            std::to_string(w->from_ms) + ", " + std::to_string(w->until_ms) + ")");
    }
    break;
  case schema::Attendance::absent:
  case schema::Attendance::unknown:
    return op_error(ErrorCode::not_attending, "member " + std::to_string(member.row.member_no) + " is " +
                                                  std::string(schema::to_string(member.attendance)));
  }
  // 5.-7. decode, sender, verify
  auto ballot = crypto::decode_ballot(req->ballot);
  if (!ballot)
    return op_check_error(ErrorCode::invalid_ballot, "decode", "decode: " + ballot.error().message);
  if (ballot->member_key != s.key)
    return op_check_error(ErrorCode::invalid_ballot, "sender",
                          "sender: the ballot is not signed by the sender");
  if (auto v = crypto::verify_ballot(lp.context, lp.roster, *ballot, *lp.fast); !v)
    return protocol::from_crypto(ErrorCode::invalid_ballot, v.error()); // check: v.error().check

  const schema::BallotSubmission submission{req->poll.str(), s.key, ballot->tracking_code(), req->ballot,
                                            channel};
  auto stored = store.append_ballot(actor_of("member", member.row.member_no), submission);
  if (!stored) {
    const auto &e = stored.error();
    if (e.code == schema::Errc::duplicate_ballot && e.existing) { // stored meanwhile: step 2 again
      if (e.existing->tracking_code != submission.tracking_code)
        return op_error(ErrorCode::duplicate_ballot, e.message);
      auto r = receipt(req->poll, *e.existing);
      if (!r) return r.error();
      return ServiceOutput{protocol::CastBallotResponse{*r}.to_json(), {}};
    }
    return store_error(e, {{schema::Errc::invalid_state, ErrorCode::poll_closed}});
  }
  auto r = receipt(req->poll, *stored);
  if (!r) return r.error();
  ServiceOutput out{protocol::CastBallotResponse{*r}.to_json(), {}};

  // Push turnout at most once per second per poll.
  const std::int64_t now = clock();
  auto last = last_turnout_push.find(req->poll.str());
  if (last == last_turnout_push.end() || now - last->second >= kTurnoutPushIntervalMs) {
    auto t = turnout_info(*poll);
    if (!t) return t.error();
    out.pushes.push_back({protocol::PushType::turnout, t->to_json()});
    last_turnout_push[req->poll.str()] = now;
    turnout_push_pending.erase(req->poll.str());
  } else {
    turnout_push_pending.insert(req->poll.str()); // sent by due_pushes once the second is over
  }
  return out;
}

} // namespace cv::server
