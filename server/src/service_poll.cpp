// MeetingService, secretary: opening, moving and closing polls, turnout (docs/wire.md §8.3).
#include "councilvote/protocol/json.hpp"
#include "service_impl.hpp"

#include <algorithm>

namespace cv::server {

using namespace detail;
using protocol::read_body;

namespace {

constexpr std::string_view kSecretary = "secretary";

struct Built {
  protocol::PollDefinition definition;
  std::vector<schema::Contest> contests;
};

} // namespace

Result<ServiceOutput> MeetingService::Impl::open_poll(const QJsonObject &body) {
  auto req = read_body<protocol::OpenPollRequest>(body);
  if (!req) return req.error();
  if (auto v = req->validate(); !v) return v.error();

  // E_INVALID_ARGUMENT: unknown nominees, poll id in use.
  auto nominees = store.nominees();
  if (!nominees) return store_error(nominees.error());
  Built built;
  auto &def = built.definition;
  for (const auto &c : req->contests) {
    protocol::ContestDisplay display;
    schema::Contest row{c.id, c.kind, std::nullopt, c.label, std::nullopt, 0, 0, 0};
    const auto spec = c.spec();
    row.options = spec.options;
    row.min_selections = spec.min_selections;
    row.max_selections = spec.max_selections;
    if (c.kind == crypto::ContestKind::commendation) {
      auto n = std::ranges::find_if(
          *nominees, [&](const schema::Nominee &x) { return x.nominee_no == std::int64_t{c.nominee_no}; });
      if (n == nominees->end())
        return op_error(ErrorCode::invalid_argument,
                        "contest '" + c.id + "': no nominee " + std::to_string(c.nominee_no));
      auto nrow = nominee_row(*n);
      if (!nrow) return nrow.error();
      display.nominee = *nrow;
      row.nominee_no = n->nominee_no;
      row.title = n->name;
      row.rule_id = n->rule_id;
    } else {
      display.label = c.label;
      display.option_labels = c.option_labels;
    }
    def.manifest.contests.push_back(spec);
    def.display.push_back(std::move(display));
    built.contests.push_back(std::move(row));
  }
  if (auto existing = store.poll(req->poll.str()); existing)
    return op_error(ErrorCode::invalid_argument, "the poll id '" + req->poll.str() + "' is in use");
  else if (existing.error().code != schema::Errc::not_found)
    return store_error(existing.error());

  // E_WRONG_STATE: the ceremony, the members' keys, another open poll.
  auto ceremony = store.current_ceremony();
  if (!ceremony) return store_error(ceremony.error());
  if (!*ceremony || (*ceremony)->state != schema::CeremonyState::complete || !(*ceremony)->joint_key)
    return op_error(ErrorCode::wrong_state, "the trustees' key ceremony is not complete");
  auto members = store.members();
  if (!members) return store_error(members.error());
  if (members->empty()) return op_error(ErrorCode::wrong_state, "the roster is empty");
  for (const auto &m : *members) {
    if (!m.public_key)
      return op_error(ErrorCode::wrong_state,
                      "member " + std::to_string(m.row.member_no) + " has no registered key");
    def.roster.push_back(*m.public_key);
  }
  if (auto r = require_no_open_poll(); !r) return r.error();

  // The definition (docs/wire.md §8.2), checked as every client will check it.
  const auto &kc = **ceremony;
  auto joint_key = crypto::Point::from_bytes(*kc.joint_key, false);
  if (!joint_key) return op_error(ErrorCode::internal, "the stored joint key is invalid");
  auto messages = store.ceremony_messages(kc.ceremony_no);
  if (!messages) return store_error(messages.error());
  def.ceremony.threshold = kc.threshold;
  for (const auto &t : kc.trustees) {
    def.ceremony.trustees.push_back({t.index, t.box_public_key});
    for (const auto &m : *messages)
      if (m.message.kind == schema::CeremonyMessageKind::commitments && m.message.from == t.index)
        def.ceremony.commitments.push_back(m.message.payload);
  }
  def.poll = req->poll.str();
  def.title = req->title;
  def.manifest.meeting_id = meeting_id.str();
  def.manifest.poll_id = req->poll.str();
  def.manifest.disagree_weight = static_cast<std::uint32_t>(members->size() + 1);
  def.manifest.roster_digest = crypto::Roster{def.roster}.digest();
  def.joint_key = *joint_key;
  def.context_hash = crypto::PollContext{def.manifest, def.joint_key}.hash();
  def.remote_window = req->remote_window;
  auto ctx = protocol::verified_context(def, meeting_id);
  if (!ctx)
    return op_error(ErrorCode::internal, "the poll definition does not verify: " + ctx.error().message);

  const schema::PollSpec spec{req->poll.str(), req->title, def.manifest.disagree_weight,
                              def.manifest.digest(), def.context_hash};
  if (auto r = store.create_poll(kSecretary, spec, built.contests); !r)
    return store_error(r.error(), {{schema::Errc::invalid_state, ErrorCode::wrong_state}});
  const std::string payload = protocol::to_json(protocol::write_members(def));
  auto entry =
      store.publish(kSecretary, schema::BoardKind::manifest, req->poll.str(), crypto::as_bytes(payload));
  if (!entry) return store_error(entry.error());
  const bool remote = req->phase == protocol::OpenPhase::remote;
  if (auto r = store.set_poll_state(kSecretary, req->poll.str(),
                                    remote ? schema::PollState::open_remote : schema::PollState::open);
      !r)
    return store_error(r.error());
  auto poll = store.poll(req->poll.str());
  if (!poll) return store_error(poll.error());
  auto info = poll_info(*poll, def, entry->seq);
  if (!info) return info.error();
  protocol::PollOpenedPush push{req->poll, info->status,
                                (remote ? info->remote_opened_at_ms : info->opened_at_ms).value_or(0),
                                req->remote_window};
  return ServiceOutput{info->to_json(), {{protocol::PushType::poll_opened, push.to_json()}}};
}

Result<ServiceOutput> MeetingService::Impl::open_room(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  if (poll->state != schema::PollState::open_remote)
    return op_error(ErrorCode::wrong_state, "poll '" + req->poll.str() + "' is " +
                                                std::string(schema::to_string(poll->state)) +
                                                ", not open_remote");
  auto loaded = loaded_poll(*poll);
  if (!loaded) return loaded.error();
  if (auto r = store.set_poll_state(kSecretary, req->poll.str(), schema::PollState::open); !r)
    return store_error(r.error());
  auto after = store.poll(req->poll.str());
  if (!after) return store_error(after.error());
  auto info = poll_info(*after, (*loaded)->definition, (*loaded)->manifest_seq);
  if (!info) return info.error();
  protocol::PollOpenedPush push{req->poll, info->status, info->opened_at_ms.value_or(0),
                                (*loaded)->definition.remote_window};
  return ServiceOutput{info->to_json(), {{protocol::PushType::poll_opened, push.to_json()}}};
}

Result<ServiceOutput> MeetingService::Impl::close_poll(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  if (poll->state != schema::PollState::open_remote && poll->state != schema::PollState::open)
    return op_error(ErrorCode::wrong_state,
                    "poll '" + req->poll.str() + "' is " + std::string(schema::to_string(poll->state)));
  if (auto r = store.set_poll_state(kSecretary, req->poll.str(), schema::PollState::closed); !r)
    return store_error(r.error());
  // The attendance the poll is counted with, frozen on the board (docs/wire.md §7.2 `attendance`).
  auto frozen = store.freeze_attendance(kSecretary, req->poll.str());
  if (!frozen) return store_error(frozen.error());
  auto attendance = frozen_attendance_of(req->poll, *frozen);
  if (!attendance) return attendance.error();
  const std::string payload = protocol::to_json(protocol::write_members(*attendance));
  if (auto e = store.publish(kSecretary, schema::BoardKind::attendance, req->poll.str(),
                             crypto::as_bytes(payload));
      !e)
    return store_error(e.error());
  auto after = store.poll(req->poll.str());
  if (!after) return store_error(after.error());
  auto turnout_now = store.turnout(req->poll.str());
  if (!turnout_now) return store_error(turnout_now.error());
  auto cp = checkpoint();
  if (!cp) return cp.error();
  protocol::ClosePollResponse out{req->poll, utc_ms(after->closed_at).value_or(0),
                                  static_cast<std::uint32_t>(turnout_now->voters.size()), *cp};
  auto json = out.to_json();
  return ServiceOutput{json, {{protocol::PushType::poll_closed, json}}};
}

Result<protocol::TurnoutInfo> MeetingService::Impl::turnout_info(const schema::Poll &p) {
  auto loaded = loaded_poll(p);
  if (!loaded) return loaded.error();
  auto t = store.turnout(p.spec.poll_id);
  if (!t) return store_error(t.error());
  auto id = protocol::PollId::parse(p.spec.poll_id);
  if (!id) return id.error();
  protocol::TurnoutInfo out;
  out.poll = *id;
  out.members = static_cast<std::uint32_t>((*loaded)->roster.members.size());
  // A closed poll is counted with the attendance frozen at close, an open one with the live one.
  auto frozen = store.frozen_attendance(p.spec.poll_id);
  if (!frozen) return store_error(frozen.error());
  std::vector<schema::Attendance> attendance;
  if (*frozen) {
    for (const auto &m : **frozen) attendance.push_back(m.attendance);
  } else {
    auto members = store.members();
    if (!members) return store_error(members.error());
    for (const auto &m : *members) attendance.push_back(m.attendance);
  }
  out.present = static_cast<std::uint32_t>(std::ranges::count(attendance, schema::Attendance::present));
  out.remote = static_cast<std::uint32_t>(std::ranges::count(attendance, schema::Attendance::remote));
  out.ballots = static_cast<std::uint32_t>(t->voters.size());
  for (auto v : t->voters) out.voted.push_back(static_cast<std::uint32_t>(v));
  return out;
}

Result<ServiceOutput> MeetingService::Impl::turnout(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  auto info = turnout_info(*poll);
  if (!info) return info.error();
  return ServiceOutput{info->to_json(), {}};
}

} // namespace cv::server
