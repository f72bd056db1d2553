// MeetingService, secretary: the setup operations of docs/wire.md §8.3 (roster, nominees, rules,
// quotas, member keys, attendance, trustees).
#include "service_impl.hpp"

#include <algorithm>
#include <set>

namespace cv::server {

using namespace detail;
using protocol::read_body;

namespace {

constexpr std::string_view kSecretary = "secretary";

ServiceOutput reply(QJsonObject body) { return ServiceOutput{std::move(body), {}}; }

} // namespace

Result<ServiceOutput> MeetingService::Impl::import_roster(const QJsonObject &body) {
  auto req = read_body<protocol::ImportRosterRequest>(body);
  if (!req) return req.error();
  if (auto v = req->validate(); !v) return v.error();
  auto polls = store.polls();
  if (!polls) return store_error(polls.error());
  if (!polls->empty())
    return op_error(ErrorCode::wrong_state, "the roster cannot change once a poll was opened");
  std::vector<schema::MemberRow> rows;
  rows.reserve(req->members.size());
  for (const auto &m : req->members) rows.push_back(member_row(m));
  if (auto r = store.replace_members(kSecretary, rows); !r) {
    const auto referenced = "a member left out is still referenced: " + r.error().message;
    return store_error(r.error(), {{schema::Errc::not_found, ErrorCode::wrong_state, referenced},
                                   {schema::Errc::conflict, ErrorCode::wrong_state, referenced},
                                   {schema::Errc::invalid_argument, ErrorCode::invalid_argument}});
  }
  return reply(protocol::ImportResponse{static_cast<std::uint32_t>(rows.size())}.to_json());
}

Result<ServiceOutput> MeetingService::Impl::import_nominees(const QJsonObject &body) {
  auto req = read_body<protocol::ImportNomineesRequest>(body);
  if (!req) return req.error();
  if (auto v = req->validate(); !v) return v.error();
  auto rules = store.rules();
  if (!rules) return store_error(rules.error());
  for (const auto &n : req->nominees)
    if (std::ranges::none_of(*rules, [&](const schema::RuleProfile &p) { return p.rule_id == n.rule_id; }))
      return op_error(ErrorCode::invalid_argument,
                      "nominee " + std::to_string(n.nominee_no) + ": unknown rule '" + n.rule_id + "'");
  if (auto r = require_no_open_poll(); !r) return r.error();
  auto existing = store.nominees();
  if (!existing) return store_error(existing.error());
  auto contests = all_contests();
  if (!contests) return contests.error();
  for (const auto &n : req->nominees) {
    const bool used = std::ranges::any_of(*contests, [&](const schema::Contest &c) {
      return c.nominee_no && *c.nominee_no == std::int64_t{n.nominee_no};
    });
    if (!used) continue;
    auto old = std::ranges::find_if(*existing,
                                    [&](const schema::Nominee &e) { return e.nominee_no == n.nominee_no; });
    if (old == existing->end()) continue;
    auto old_row = nominee_row(*old);
    if (!old_row) return old_row.error();
    if (!(*old_row == n))
      return op_error(ErrorCode::wrong_state,
                      "nominee " + std::to_string(n.nominee_no) + " is in an opened poll and cannot change");
  }
  std::vector<schema::Nominee> rows;
  rows.reserve(req->nominees.size());
  for (const auto &n : req->nominees) rows.push_back(nominee_of(n));
  if (auto r = store.upsert_nominees(kSecretary, rows); !r)
    return store_error(r.error(), {{schema::Errc::invalid_argument, ErrorCode::invalid_argument},
                                   {schema::Errc::not_found, ErrorCode::invalid_argument}});
  auto all = store.nominees();
  if (!all) return store_error(all.error());
  return reply(protocol::ImportResponse{static_cast<std::uint32_t>(all->size())}.to_json());
}

Result<ServiceOutput> MeetingService::Impl::define_rule_profile(const QJsonObject &body) {
  auto req = read_body<protocol::RuleProfile>(body);
  if (!req) return req.error();
  if (auto r = require_no_open_poll(); !r) return r.error();
  auto rules = store.rules();
  if (!rules) return store_error(rules.error());
  auto old =
      std::ranges::find_if(*rules, [&](const schema::RuleProfile &p) { return p.rule_id == req->rule_id; });
  if (old != rules->end()) {
    auto old_profile = rule_profile(*old);
    if (!old_profile) return old_profile.error();
    auto contests = all_contests();
    if (!contests) return contests.error();
    const bool used = std::ranges::any_of(
        *contests, [&](const schema::Contest &c) { return c.rule_id && *c.rule_id == req->rule_id; });
    if (used && !(*old_profile == *req))
      return op_error(ErrorCode::wrong_state, "rule '" + req->rule_id + "' is used by an opened poll");
  }
  if (auto r = store.define_rule(kSecretary, rule_row(*req)); !r)
    return store_error(r.error(), {{schema::Errc::invalid_argument, ErrorCode::invalid_argument}});
  return reply(protocol::rule_profile_to_json(*req));
}

Result<ServiceOutput> MeetingService::Impl::set_award_quota(const QJsonObject &body) {
  auto req = read_body<protocol::SetAwardQuotaRequest>(body);
  if (!req) return req.error();
  auto nominees = store.nominees();
  if (!nominees) return store_error(nominees.error());
  if (std::ranges::none_of(*nominees, [&](const schema::Nominee &n) { return n.award == req->award; }))
    return op_error(ErrorCode::invalid_argument, "no nominee has the award '" + req->award + "'");
  if (auto r = require_no_open_poll(); !r) return r.error();
  const std::optional<std::int64_t> quota =
      req->quota == 0 ? std::nullopt : std::optional<std::int64_t>(req->quota);
  if (auto r = store.set_award_quota(kSecretary, req->award, quota); !r) return store_error(r.error());
  return reply(req->to_json());
}

Result<void> MeetingService::Impl::register_key(const protocol::RegisterMemberKeyRequest &req,
                                                const std::vector<schema::Member> &members) {
  const std::string who = "member " + std::to_string(req.member_no);
  auto member = std::ranges::find_if(
      members, [&](const schema::Member &m) { return m.row.member_no == std::int64_t{req.member_no}; });
  if (member == members.end()) return op_error(ErrorCode::invalid_argument, "no " + who + " on the roster");
  if (auto k = crypto::check_sign_public_key(req.key); !k)
    return op_error(ErrorCode::invalid_argument, who + ": " + k.error().message);
  if (req.key == server_signing.public_key || std::ranges::find(secretaries, req.key) != secretaries.end())
    return op_error(ErrorCode::invalid_argument, who + ": the key is the server's or the secretary's");
  for (const auto &m : members)
    if (m.row.member_no != member->row.member_no && m.public_key && *m.public_key == req.key)
      return op_error(ErrorCode::invalid_argument,
                      who + ": the key is registered to member " + std::to_string(m.row.member_no));
  if (member->public_key && *member->public_key != req.key)
    return op_error(ErrorCode::wrong_state, who + " has another key; key replacement is not in version 1");
  if (!member->public_key) {
    if (auto r = store.register_member_key(kSecretary, member->row.member_no, req.key); !r)
      return store_error(r.error());
  }
  return {};
}

Result<ServiceOutput> MeetingService::Impl::register_member_key(const QJsonObject &body) {
  auto req = read_body<protocol::RegisterMemberKeyRequest>(body);
  if (!req) return req.error();
  auto members = store.members();
  if (!members) return store_error(members.error());
  if (auto r = register_key(*req, *members); !r) return r.error();
  if (auto r = require_no_open_poll(); !r) return r.error(); // the write is rolled back
  return reply(req->to_json());
}

Result<ServiceOutput> MeetingService::Impl::register_member_keys(const QJsonObject &body) {
  auto req = read_body<protocol::RegisterMemberKeysRequest>(body);
  if (!req) return req.error();
  if (auto v = req->validate(); !v) return v.error();
  auto members = store.members();
  if (!members) return store_error(members.error());
  for (const auto &e : req->entries) // one transaction (run()): all or none
    if (auto r = register_key(e, *members); !r) return r.error();
  if (auto r = require_no_open_poll(); !r) return r.error();
  return reply(req->to_json());
}

Result<ServiceOutput> MeetingService::Impl::set_attendance(const QJsonObject &body) {
  auto req = read_body<protocol::SetAttendanceRequest>(body);
  if (!req) return req.error();
  if (auto v = req->validate(); !v) return v.error();
  auto members = store.members();
  if (!members) return store_error(members.error());
  for (const auto &e : req->entries)
    if (std::ranges::none_of(
            *members, [&](const schema::Member &m) { return m.row.member_no == std::int64_t{e.member_no}; }))
      return op_error(ErrorCode::invalid_argument,
                      "no member " + std::to_string(e.member_no) + " on the roster");
  for (const auto &e : req->entries)
    if (auto r = store.set_attendance(kSecretary, e.member_no, e.status); !r) return store_error(r.error());
  auto after = store.members();
  if (!after) return store_error(after.error());
  protocol::AttendanceSummary s;
  s.members = static_cast<std::uint32_t>(after->size());
  for (const auto &m : *after) {
    switch (m.attendance) {
    case schema::Attendance::present:
      ++s.present;
      break;
    case schema::Attendance::remote:
      ++s.remote;
      break;
    case schema::Attendance::absent:
      ++s.absent;
      break;
    case schema::Attendance::unknown:
      ++s.unknown;
      break;
    }
  }
  return reply(s.to_json());
}

Result<ServiceOutput> MeetingService::Impl::set_trustees(const QJsonObject &body) {
  auto req = read_body<protocol::SetTrusteesRequest>(body);
  if (!req) return req.error();
  if (auto v = req->validate(meeting_id); !v) return v.error();
  auto members = store.members();
  if (!members) return store_error(members.error());
  for (const auto &t : req->trustees) {
    auto m = std::ranges::find_if(
        *members, [&](const schema::Member &x) { return x.row.member_no == std::int64_t{t.member_no}; });
    if (m == members->end())
      return op_error(ErrorCode::invalid_argument, "trustee " + std::to_string(t.index) + ": no member " +
                                                       std::to_string(t.member_no) + " on the roster");
    if (!m->public_key)
      return op_error(ErrorCode::invalid_argument, "trustee " + std::to_string(t.index) + ": member " +
                                                       std::to_string(t.member_no) +
                                                       " has no registered key");
  }
  if (auto r = require_no_open_poll(); !r) return r.error();
  auto current = store.current_ceremony();
  if (!current) return store_error(current.error());
  if (*current) {
    const auto &c = **current;
    if (c.state == schema::CeremonyState::complete)
      return op_error(ErrorCode::wrong_state, "the key ceremony is complete; polls use its key");
    if (c.state == schema::CeremonyState::collecting) {
      auto messages = store.ceremony_messages(c.ceremony_no);
      if (!messages) return store_error(messages.error());
      if (!messages->empty())
        return op_error(ErrorCode::wrong_state,
                        "the key ceremony has messages; it must fail before a new one");
      if (auto r = store.fail_ceremony(kSecretary, c.ceremony_no, "replaced by a new set of trustees"); !r)
        return store_error(r.error());
    }
  }
  std::vector<schema::Trustee> trustees;
  for (const auto &t : req->trustees) trustees.push_back({t.index, t.member_no, t.box_key});
  auto no = store.create_ceremony(kSecretary, req->threshold, trustees);
  if (!no)
    return store_error(no.error(), {{schema::Errc::invalid_argument, ErrorCode::invalid_argument},
                                    {schema::Errc::conflict, ErrorCode::invalid_argument}});
  auto created = store.ceremony(*no);
  if (!created) return store_error(created.error());
  return reply(protocol::SetTrusteesResponse{created->context}.to_json());
}

} // namespace cv::server
