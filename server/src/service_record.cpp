// MeetingService: publishing a poll's record (docs/wire.md §8.3 publish_record, §8.6 get_record).
#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/record.hpp"
#include "councilvote/record/chair_decision.hpp"
#include "councilvote/server/record_export.hpp"
#include "service_impl.hpp"

#include <algorithm>

namespace cv::server {

using namespace detail;
using protocol::read_body;

namespace {

protocol::GetRecordResponse record_response(const protocol::PollId &poll, const schema::BoardEntry &entry,
                                            const protocol::RecordStatement &s) {
  return protocol::GetRecordResponse{poll, std::string(entry.payload.begin(), entry.payload.end()), s};
}

} // namespace

Result<protocol::RecordStatement> record_statement(const protocol::MeetingId &meeting,
                                                   const protocol::PollId &poll,
                                                   const schema::BoardEntry &entry,
                                                   const crypto::SigningKey &key) {
  auto at = protocol::parse_utc_ms(entry.created_at);
  if (!at)
    return op_error(ErrorCode::internal, "the board entry's time '" + entry.created_at + "' is invalid");
  const std::string text(entry.payload.begin(), entry.payload.end());
  protocol::RecordStatement s{meeting.str(), poll.str(), protocol::record_digest(text), entry.seq, entry.hash,
                              *at,           {}};
  protocol::sign_record_statement(s, key);
  return s;
}

Result<protocol::RecordInput> MeetingService::Impl::record_input(const schema::Poll &poll) {
  const std::string &poll_id = poll.spec.poll_id;
  auto t = tally_of(poll_id);
  if (!t) return t.error();
  if (!*t) return op_error(ErrorCode::wrong_state, "poll '" + poll_id + "' has no tally yet");
  const auto &tally = **t;
  auto kc = store.ceremony(poll.ceremony_no);
  if (!kc) return store_error(kc.error());
  auto stored = store.partial_decryptions(poll_id);
  if (!stored) return store_error(stored.error());
  if (stored->size() < kc->threshold)
    return op_error(ErrorCode::wrong_state, std::to_string(stored->size()) + " partial decryptions, " +
                                                std::to_string(kc->threshold) + " needed");
  auto loaded = loaded_poll(poll);
  if (!loaded) return loaded.error();
  const auto &lp = **loaded;

  // Combine and decode.
  std::vector<crypto::PartialDecryption> partials;
  protocol::RecordInput in;
  for (const auto &p : *stored) {
    crypto::ByteReader r(p.payload);
    auto decoded = crypto::decode_partial_decryption(r);
    if (!decoded)
      return op_error(ErrorCode::internal, "a stored partial decryption: " + decoded.error().message);
    partials.push_back(std::move(*decoded));
    in.decrypting_trustees.push_back(p.trustee_index);
    in.partial_seqs.push_back(p.entry.seq);
  }
  auto key = ceremony_key(*kc);
  if (!key) return key.error();
  auto decrypted =
      crypto::combine_partial_decryptions({*key, tally.context, tally.encrypted.totals, partials});
  if (!decrypted) return op_error(ErrorCode::internal, "combining: " + decrypted.error().message);
  auto counts = crypto::decode_tally(lp.context.manifest, tally.info.ballots, *decrypted);
  if (!counts) return op_error(ErrorCode::internal, "decoding the tally: " + counts.error().message);

  // The record's input.
  // The attendance frozen at close (docs/wire.md §7.2), never the live one.
  auto frozen = store.frozen_attendance(poll_id);
  if (!frozen) return store_error(frozen.error());
  if (!*frozen) return op_error(ErrorCode::wrong_state, "poll '" + poll_id + "' has no frozen attendance");
  auto attendance_entries = store.board_entries(schema::BoardKind::attendance, poll_id);
  if (!attendance_entries) return store_error(attendance_entries.error());
  if (attendance_entries->size() != 1)
    return op_error(ErrorCode::internal, "poll '" + poll_id + "' does not have exactly one attendance entry");
  if (auto enough = crypto::check_enough_ballots(tally.info.ballots, meeting.min_ballots); !enough)
    return op_error(ErrorCode::wrong_state, "poll '" + poll_id + "': " + enough.error().message);
  auto rules = store.rules();
  if (!rules) return store_error(rules.error());
  auto nominees = store.nominees();
  if (!nominees) return store_error(nominees.error());
  auto turnout_now = store.turnout(poll_id);
  if (!turnout_now) return store_error(turnout_now.error());
  in.meeting = {meeting.meeting_id, meeting.council, meeting.session_name, meeting.date, meeting.place};
  in.poll = poll_id;
  in.title = lp.definition.title;
  in.poll_context = lp.definition.context_hash;
  in.tally_context = tally.context;
  in.manifest_seq = lp.manifest_seq;
  in.tally_seq = tally.seq;
  in.attendance_seq = attendance_entries->front().seq;
  in.min_ballots = meeting.min_ballots;
  in.threshold = kc->threshold;
  in.turnout.members = static_cast<std::uint32_t>(lp.roster.members.size());
  for (const auto &m : **frozen) {
    switch (m.attendance) {
    case schema::Attendance::present:
      ++in.turnout.present;
      break;
    case schema::Attendance::remote:
      ++in.turnout.remote;
      break;
    case schema::Attendance::absent:
      ++in.turnout.absent;
      break;
    case schema::Attendance::unknown:
      ++in.turnout.unknown;
      break;
    }
  }
  in.turnout.ballots = static_cast<std::uint32_t>(turnout_now->voters.size());
  in.turnout.ballots_in_room = turnout_now->in_room;
  in.turnout.ballots_remote = turnout_now->remote;
  for (auto v : turnout_now->voters) in.turnout.voted.push_back(static_cast<std::uint32_t>(v));
  in.closed_at = poll.closed_at.value_or("");
  // The people the minutes name: the poll's roster (the frozen attendance's members) with the
  // roster's names and roles, and who holds each trustee place of the poll's ceremony.
  auto roster_rows = store.members();
  if (!roster_rows) return store_error(roster_rows.error());
  for (const auto &f : **frozen) {
    auto row = std::ranges::find_if(*roster_rows,
                                    [&](const schema::Member &m) { return m.row.member_no == f.member_no; });
    if (row == roster_rows->end())
      return op_error(ErrorCode::internal,
                      "member " + std::to_string(f.member_no) + " of the poll is not on the roster");
    auto role = record::parse<record::CouncilRole>(row->row.council_role);
    if (!role)
      return op_error(ErrorCode::internal,
                      "member " + std::to_string(f.member_no) + " has an unknown council role");
    in.members.push_back({static_cast<std::uint32_t>(f.member_no), row->row.full_name, *role});
  }
  for (const auto &trustee : kc->trustees)
    in.trustees.push_back({trustee.index, static_cast<std::uint32_t>(trustee.member_no)});
  const auto &manifest = lp.definition.manifest;
  for (std::size_t i = 0; i < manifest.contests.size(); ++i) {
    const auto &spec = manifest.contests[i];
    const auto &display = lp.definition.display[i];
    protocol::RecordContestInput c;
    c.position = static_cast<std::uint32_t>(i);
    c.contest_id = spec.id;
    c.kind = spec.kind;
    c.counts = (*counts)[i];
    if (spec.kind == crypto::ContestKind::commendation && display.nominee) {
      c.nominee = display.nominee;
      auto rule = std::ranges::find_if(
          *rules, [&](const schema::RuleProfile &p) { return p.rule_id == display.nominee->rule_id; });
      if (rule == rules->end())
        return op_error(ErrorCode::internal,
                        "no rule '" + display.nominee->rule_id + "' for contest " + spec.id);
      auto profile = rule_profile(*rule);
      if (!profile) return profile.error();
      c.rule = *profile;
      auto n = std::ranges::find_if(*nominees, [&](const schema::Nominee &x) {
        return x.nominee_no == std::int64_t{display.nominee->nominee_no};
      });
      if (n != nominees->end() && n->award_quota && *n->award_quota > 0)
        c.award_quota = static_cast<std::uint32_t>(*n->award_quota);
    } else {
      c.label = display.label;
      c.option_labels = display.option_labels;
    }
    in.contests.push_back(std::move(c));
  }
  // The chair's decisions of ties at a quota, in board order (docs/wire.md §8.4 post_chair_decision).
  auto decisions = store.board_entries(schema::BoardKind::chair_decision, poll_id);
  if (!decisions) return store_error(decisions.error());
  for (const auto &e : *decisions) {
    auto d = record::decode_chair_decision(
        std::string_view(reinterpret_cast<const char *>(e.payload.data()), e.payload.size()));
    if (!d) return op_error(ErrorCode::internal, "a stored chair decision: " + d.error().message);
    in.chair_decisions.push_back({e.seq, d->award, d->nominees, d->member_no});
  }
  return in;
}

Result<ServiceOutput> MeetingService::Impl::publish_record(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  const std::string &poll_id = req->poll.str();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  if (poll->state != schema::PollState::closed)
    return op_error(ErrorCode::wrong_state,
                    "poll '" + poll_id + "' is " + std::string(schema::to_string(poll->state)) +
                        (poll->state == schema::PollState::published ? "; see get_record" : ""));
  auto input = record_input(*poll);
  if (!input) return input.error();
  const auto &in = *input;
  auto record = protocol::compute_record(in);
  if (!record) return op_error(ErrorCode::internal, "the record: " + record.error().message);
  const std::string text = protocol::encode_record(*record);

  // Store the results, publish the record, move the poll to tallied, then published.
  std::vector<schema::ContestTally> results;
  for (const auto &c : record->contests) {
    if (c.kind != crypto::ContestKind::commendation) continue;
    results.push_back({c.position, static_cast<std::uint32_t>(c.agree),
                       static_cast<std::uint32_t>(c.disagree), static_cast<std::uint32_t>(c.blank),
                       static_cast<std::uint32_t>(c.not_voted),
                       c.outcome == protocol::ContestOutcome::passed ? schema::Outcome::passed
                                                                     : schema::Outcome::not_passed,
                       c.quota_rank});
  }
  if (auto r = store.record_results("secretary", poll_id, results); !r) return store_error(r.error());
  auto entry = store.publish("secretary", schema::BoardKind::result, poll_id, crypto::as_bytes(text));
  if (!entry) return store_error(entry.error());
  for (auto to : {schema::PollState::tallied, schema::PollState::published})
    if (auto r = store.set_poll_state("secretary", poll_id, to); !r) return store_error(r.error());

  const schema::BoardEntry published{entry->seq,
                                     schema::BoardKind::result,
                                     poll_id,
                                     entry->created_at,
                                     crypto::Bytes(text.begin(), text.end()),
                                     {},
                                     entry->entry_hash};
  auto s = record_statement(meeting_id, req->poll, published, server_signing);
  if (!s) return s.error();
  auto json = record_response(req->poll, published, *s).to_json();
  return ServiceOutput{json, {{protocol::PushType::result_published, json}}};
}

// The record as publish_record would make it now; writes nothing. Before t partial decryptions the
// counts are not known (E_WRONG_STATE from record_input); once published, the record is final.
Result<ServiceOutput> MeetingService::Impl::preview_record(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  if (poll->state != schema::PollState::closed)
    return op_error(ErrorCode::wrong_state,
                    "poll '" + req->poll.str() + "' is " + std::string(schema::to_string(poll->state)) +
                        (poll->state == schema::PollState::published ? ": its record is final, see get_record"
                                                                     : ": it has no counts yet"));
  auto input = record_input(*poll);
  if (!input) return input.error();
  auto record = protocol::compute_record(*input);
  if (!record) return op_error(ErrorCode::internal, "the record: " + record.error().message);
  return ServiceOutput{protocol::PreviewRecordResponse{req->poll, protocol::encode_record(*record)}.to_json(),
                       {}};
}

Result<ServiceOutput> MeetingService::Impl::get_record(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  auto entries = store.board_entries(schema::BoardKind::result, req->poll.str());
  if (!entries) return store_error(entries.error());
  if (entries->empty())
    return op_error(ErrorCode::not_found, "poll '" + req->poll.str() + "' has no published record");
  auto s = record_statement(meeting_id, req->poll, entries->front(), server_signing);
  if (!s) return s.error();
  return ServiceOutput{record_response(req->poll, entries->front(), *s).to_json(), {}};
}

} // namespace cv::server
