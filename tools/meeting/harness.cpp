#include "harness.hpp"

#include "councilvote/protocol/json.hpp"

#include <algorithm>

namespace cv::tools {

namespace {

using protocol::ErrorCode;

protocol::Error error(std::string message) {
  return protocol::make_error(ErrorCode::internal, std::move(message));
}

crypto::SigningKey copy_key(const crypto::SigningKey &k) { return crypto::SigningKey::from_seed(k.seed()); }

} // namespace

MeetingHarness::MeetingHarness(HarnessOptions options, std::ostream &log)
    : options_(std::move(options)), log_(log), secretary_key_(crypto::SigningKey::generate()) {
  options_.meeting.secretary_keys = {secretary_key_.public_key};
  meeting_id_ = *protocol::MeetingId::parse(options_.meeting.meeting_id);
}

MeetingHarness::~MeetingHarness() { stop_server(); }

Result<void> MeetingHarness::start_server() {
  server_ = std::make_unique<ServerProcess>(options_.server_binary, options_.meeting_dir);
  std::string err;
  const auto port = free_loopback_port();
  if (port == 0) return error("no free port on 127.0.0.1");
  if (!server_->init(options_.meeting, port, err)) return error(err);
  if (!server_->start(err, options_.serve_args)) return error(err);
  secretary_connection_ =
      std::make_unique<client::Connection>(server_->bundle(), copy_key(secretary_key_), options_.connection);
  secretary_client_ = std::make_unique<client::Client>(*secretary_connection_);
  if (auto ok = secretary_connection_->open_blocking(); !ok) return with_context(ok, "secretary connects");
  return {};
}

Result<void> MeetingHarness::restart_server() {
  std::string err;
  if (!server_->start(err, options_.serve_args)) return error(err);
  return {};
}

void MeetingHarness::stop_server() {
  if (server_) server_->stop();
}

void MeetingHarness::kill_server() {
  if (server_) server_->kill9();
}

Participant &MeetingHarness::member(std::uint32_t member_no) { return members_.at(member_no); }

std::vector<std::uint32_t> MeetingHarness::member_numbers() const {
  std::vector<std::uint32_t> out;
  for (const auto &[no, p] : members_) out.push_back(no);
  return out;
}

Result<void> MeetingHarness::connect(Participant &p) {
  p.connection =
      std::make_unique<client::Connection>(server_->bundle(), copy_key(p.keys.signing), options_.connection);
  p.client = std::make_unique<client::Client>(*p.connection);
  return {};
}

Result<void> MeetingHarness::load_meeting(const std::vector<protocol::RuleProfile> &rules,
                                          const protocol::ImportRosterRequest &roster,
                                          const protocol::ImportNomineesRequest &nominees,
                                          const std::vector<protocol::SetAwardQuotaRequest> &quotas) {
  auto &sec = *secretary_client_;
  for (const auto &r : rules)
    if (auto ok = sec.define_rule_profile(r); !ok)
      return with_context(ok, "define_rule_profile " + r.rule_id);
  if (auto ok = sec.import_roster(roster); !ok) return with_context(ok, "import_roster");
  if (auto ok = sec.import_nominees(nominees); !ok) return with_context(ok, "import_nominees");
  for (const auto &q : quotas)
    if (auto ok = sec.set_award_quota(q); !ok) return with_context(ok, "set_award_quota " + q.award);
  protocol::RegisterMemberKeysRequest keys;
  for (const auto &row : roster.members) {
    Participant p;
    p.member_no = row.member_no;
    if (auto preset = preset_keys_.find(row.member_no); preset != preset_keys_.end())
      p.keys = std::move(preset->second);
    else
      p.keys =
          crypto::KeyFileContents::generate(std::to_string(row.member_no) + " " + row.full_name, "member");
    keys.entries.push_back({row.member_no, p.keys.signing.public_key});
    members_.emplace(row.member_no, std::move(p));
  }
  // One request for the whole roster (docs/wire.md §8.3), in pieces of at most 1000.
  for (std::size_t from = 0; from < keys.entries.size(); from += protocol::kMaxRosterRows) {
    protocol::RegisterMemberKeysRequest part;
    part.entries.assign(keys.entries.begin() + static_cast<std::ptrdiff_t>(from),
                        keys.entries.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                   keys.entries.size(), from + protocol::kMaxRosterRows)));
    if (auto ok = sec.register_member_keys(part); !ok) return with_context(ok, "register_member_keys");
  }
  for (auto &[no, p] : members_)
    if (auto ok = connect(p); !ok) return ok.error();
  return {};
}

void MeetingHarness::preset_member_keys(std::uint32_t member_no, crypto::KeyFileContents keys) {
  preset_keys_.insert_or_assign(member_no, std::move(keys));
}

Result<protocol::AttendanceSummary>
MeetingHarness::set_attendance(const std::map<std::uint32_t, protocol::Attendance> &attendance) {
  protocol::SetAttendanceRequest req;
  for (const auto &[no, status] : attendance) req.entries.push_back({no, status});
  auto r = secretary_client_->set_attendance(req);
  if (!r) return with_context(r, "set_attendance");
  return r;
}

Result<void> MeetingHarness::begin_key_ceremony(const std::vector<std::uint32_t> &trustee_members,
                                                std::uint32_t threshold,
                                                const std::vector<std::uint32_t> &external) {
  protocol::SetTrusteesRequest req;
  req.threshold = threshold;
  for (std::uint32_t i = 0; i < trustee_members.size(); ++i) {
    auto &p = member(trustee_members[i]);
    req.trustees.push_back({i + 1, p.member_no, p.keys.box.public_key});
  }
  if (auto ok = secretary_client_->set_trustees(req); !ok) return with_context(ok, "set_trustees");
  ceremony_.clear();
  for (auto no : trustee_members) {
    if (std::find(external.begin(), external.end(), no) != external.end()) continue;
    auto &p = member(no);
    auto view = p.client->get_all_ceremony_messages();
    if (!view) return with_context(view, "trustee " + std::to_string(no) + " get_ceremony_messages");
    auto s = client::roles::TrusteeSession::begin(meeting_id_, p.keys, *view);
    if (!s) return with_context(s, "trustee " + std::to_string(no) + " begins");
    ceremony_.push_back({no, std::move(*s)});
  }
  return {};
}

Result<bool> MeetingHarness::key_ceremony_round() {
  bool all = true;
  for (auto &t : ceremony_) {
    if (t.done) continue;
    auto &p = member(t.member_no);
    auto &s = t.session;
    for (;;) { // every page after what the session has seen
      auto page = p.client->get_ceremony_messages(s.next_after_seq());
      if (!page) return with_context(page, "get_ceremony_messages");
      if (auto ok = s.absorb(*page); !ok) return with_context(ok, "trustee " + std::to_string(p.member_no));
      if (page->messages.empty()) break;
    }
    auto step = s.step();
    if (!step) return with_context(step, "trustee " + std::to_string(p.member_no));
    using client::roles::CeremonyProgress;
    switch (step->progress) {
    case CeremonyProgress::post:
    case CeremonyProgress::complain:
      for (const auto &m : step->to_post)
        if (auto ok = p.client->post_ceremony_message(m); !ok)
          return with_context(ok, "post_ceremony_message");
      break;
    case CeremonyProgress::complete: {
      auto share = s.finalize();
      if (!share) return with_context(share, "finalize");
      shares_.insert_or_assign(p.member_no, client::roles::share_file_of(s, std::move(*share)));
      t.done = true;
      break;
    }
    case CeremonyProgress::failed:
      return error("the key ceremony failed: " + step->detail);
    case CeremonyProgress::waiting:
    case CeremonyProgress::verified:
      break;
    }
    all = all && t.done;
  }
  return all;
}

Result<crypto::Point> MeetingHarness::run_key_ceremony(const std::vector<std::uint32_t> &trustee_members,
                                                       std::uint32_t threshold) {
  if (auto begun = begin_key_ceremony(trustee_members, threshold); !begun) return begun.error();
  for (int round = 0; round < 20; ++round) {
    auto all = key_ceremony_round();
    if (!all) return all.error();
    if (*all) return shares_.at(trustee_members.front()).share.joint_key;
  }
  return error("the key ceremony did not complete in 20 rounds");
}

Result<client::VerifiedPoll> MeetingHarness::verified_poll(std::uint32_t member_no,
                                                           const protocol::PollId &poll) {
  auto r = member(member_no).client->verified_poll(poll);
  if (!r) return with_context(r, "member " + std::to_string(member_no) + " get_poll");
  return r;
}

Result<MeetingHarness::Cast> MeetingHarness::vote(std::uint32_t member_no, const protocol::PollId &poll,
                                                  const std::vector<client::roles::MemberChoice> &choices) {
  auto &p = member(member_no);
  auto vp = verified_poll(member_no, poll);
  if (!vp) return vp.error();
  auto ballot = client::roles::build_ballot(meeting_id_, vp->info, p.keys.signing, choices);
  if (!ballot) return with_context(ballot, "member " + std::to_string(member_no) + " builds the ballot");
  auto receipt = p.client->cast_ballot(poll, ballot->ballot);
  if (!receipt) return with_context(receipt, "member " + std::to_string(member_no) + " cast_ballot");
  return Cast{std::move(*ballot), *receipt};
}

Result<protocol::PostPartialDecryptionResponse> MeetingHarness::decrypt(std::uint32_t member_no,
                                                                        const protocol::PollId &poll) {
  auto &p = member(member_no);
  const auto who = "trustee (member " + std::to_string(member_no) + ")";
  auto info = p.client->get_poll(poll);
  if (!info) return with_context(info, who + " get_poll");
  auto board = p.client->get_board_all();
  if (!board) return with_context(board, who + " get_board");
  auto tally = p.client->get_tally(poll);
  if (!tally) return with_context(tally, who + " get_tally");
  auto req = client::roles::make_partial_decryption(meeting_id_, *info, board->entries, *tally,
                                                    shares_.at(member_no), bundle().min_ballots);
  if (!req) return with_context(req, who + " decrypts");
  auto r = p.client->post_partial_decryption(*req);
  if (!r) return with_context(r, who + " post_partial_decryption");
  return r;
}

} // namespace cv::tools
