// MeetingService: the encrypted tally and the trustees' partial decryptions (docs/wire.md §8.3,
// §8.5).
#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/json.hpp"
#include "service_impl.hpp"

#include <algorithm>

namespace cv::server {

using namespace detail;
using protocol::read_body;

namespace {

Error bad_partial(std::string check, const std::string &detail) {
  return op_check_error(ErrorCode::invalid_partial_decryption, check, check + ": " + detail);
}

// The TallyStatus of a poll whose tally entry exists.
Result<protocol::TallyStatus> tally_status(const schema::Store &store, const schema::Poll &poll,
                                           const LoadedTally &t) {
  auto kc = store.ceremony(poll.ceremony_no);
  if (!kc) return store_error(kc.error());
  auto partials = store.partial_decryptions(poll.spec.poll_id);
  if (!partials) return store_error(partials.error());
  protocol::TallyStatus s{t.info, t.seq, kc->threshold, {}};
  for (const auto &p : *partials) s.partials.push_back(p.trustee_index);
  return s;
}

} // namespace

Result<ServiceOutput> MeetingService::Impl::start_tally(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  auto existing = tally_of(req->poll.str());
  if (!existing) return existing.error();
  if (*existing) { // idempotent
    auto s = tally_status(store, *poll, **existing);
    if (!s) return s.error();
    return ServiceOutput{s->to_json(), {}};
  }
  if (poll->state != schema::PollState::closed)
    return op_error(ErrorCode::wrong_state, "poll '" + req->poll.str() + "' is " +
                                                std::string(schema::to_string(poll->state)) + ", not closed");
  auto loaded = loaded_poll(*poll);
  if (!loaded) return loaded.error();
  const auto &lp = **loaded;
  auto stored = store.ballots(req->poll.str());
  if (!stored) return store_error(stored.error());
  // docs/threat-model.md §3: a tally of too few ballots is never made, so it is never decrypted.
  if (auto enough =
          crypto::check_enough_ballots(static_cast<std::uint32_t>(stored->size()), meeting.min_ballots);
      !enough)
    return op_error(ErrorCode::wrong_state, "poll '" + req->poll.str() + "' cannot be tallied: " +
                                                enough.error().message + " (set at councilvote-server init)");
  std::vector<crypto::Ballot> ballots;
  ballots.reserve(stored->size());
  for (const auto &b : *stored) {
    auto ballot = crypto::decode_ballot(b.wire);
    if (!ballot)
      return op_error(ErrorCode::internal, "a stored ballot does not decode: " + ballot.error().message);
    if (auto v = crypto::verify_ballot(lp.context, lp.roster, *ballot, *lp.fast); !v)
      return op_error(ErrorCode::internal, "a stored ballot (board seq " +
                                               std::to_string(b.receipt.entry.seq) +
                                               ") does not verify: " + v.error().message);
    ballots.push_back(std::move(*ballot));
  }
  auto sums = crypto::tally_ballots(lp.context, ballots);
  if (!sums) return op_error(ErrorCode::internal, "tally: " + sums.error().message);
  protocol::TallyInfo info{req->poll.str(), sums->poll_context, sums->ballots, sums->totals};
  const std::string payload = protocol::to_json(protocol::write_members(info));
  auto entry =
      store.publish("secretary", schema::BoardKind::tally, req->poll.str(), crypto::as_bytes(payload));
  if (!entry) return store_error(entry.error());
  LoadedTally t{info, entry->seq, *sums, sums->context()};
  auto s = tally_status(store, *poll, t);
  if (!s) return s.error();
  return ServiceOutput{s->to_json(), {}};
}

Result<ServiceOutput> MeetingService::Impl::get_tally(const Sender &s, const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  auto kc = store.ceremony(poll->ceremony_no);
  if (!kc) return store_error(kc.error());
  if (!trustee_index(*kc, s))
    return op_error(ErrorCode::not_trustee, "the key is not a trustee of the poll's ceremony");
  auto t = tally_of(req->poll.str());
  if (!t) return t.error();
  if (!*t) return op_error(ErrorCode::wrong_state, "poll '" + req->poll.str() + "' has no tally yet");
  auto status = tally_status(store, *poll, **t);
  if (!status) return status.error();
  return ServiceOutput{status->to_json(), {}};
}

Result<ServiceOutput> MeetingService::Impl::post_partial_decryption(const Sender &s,
                                                                    const QJsonObject &body) {
  auto req = read_body<protocol::PostPartialDecryptionRequest>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  auto kc = store.ceremony(poll->ceremony_no);
  if (!kc) return store_error(kc.error());
  const auto index = trustee_index(*kc, s);
  if (!index) return op_error(ErrorCode::not_trustee, "the key is not a trustee of the poll's ceremony");
  auto t = tally_of(req->poll.str());
  if (!t) return t.error();
  if (!*t) return op_error(ErrorCode::wrong_state, "poll '" + req->poll.str() + "' has no tally yet");
  if (poll->state != schema::PollState::closed)
    return op_error(ErrorCode::wrong_state,
                    "poll '" + req->poll.str() + "' is " + std::string(schema::to_string(poll->state)));
  const auto &tally = **t;
  if (auto enough = crypto::check_enough_ballots(tally.info.ballots, meeting.min_ballots); !enough)
    return op_error(ErrorCode::wrong_state, "poll '" + req->poll.str() + "': " + enough.error().message);
  auto partials = store.partial_decryptions(req->poll.str());
  if (!partials) return store_error(partials.error());
  auto answer = [&](std::optional<std::uint32_t> added) {
    protocol::PostPartialDecryptionResponse r{req->poll, *index, {}, kc->threshold};
    for (const auto &p : *partials) r.accepted.push_back(p.trustee_index);
    if (added) r.accepted.push_back(*added);
    std::ranges::sort(r.accepted);
    return ServiceOutput{r.to_json(), {}};
  };

  if (req->tally_context != tally.context) return bad_partial("tally_context", "not the poll's tally");
  auto partial = req->decode();
  if (!partial) return partial.error();
  if (partial->index != *index)
    return bad_partial("index", "the partial decryption is trustee " + std::to_string(partial->index) +
                                    "'s, not the sender's (" + std::to_string(*index) + ")");
  auto key = ceremony_key(*kc);
  if (!key) return key.error();
  const crypto::CombineParams params{*key, tally.context, tally.encrypted.totals, {}};
  if (auto v = crypto::verify_partial_decryption(params, *partial); !v)
    return bad_partial("proof", v.error().message);
  for (const auto &p : *partials) {
    if (p.trustee_index != *index) continue;
    if (p.payload == req->partial) return answer(std::nullopt); // an identical repost
    return bad_partial("duplicate", "a different partial decryption from this trustee exists (board seq " +
                                        std::to_string(p.entry.seq) + ")");
  }
  auto entry =
      store.add_partial_decryption(actor_of("trustee", *index), req->poll.str(), *index, req->partial);
  if (!entry) return store_error(entry.error());
  return answer(*index);
}

} // namespace cv::server
