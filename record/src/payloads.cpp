#include "councilvote/record/payloads.hpp"

#include "councilvote/crypto/hash.hpp"
#include "councilvote/record/ids.hpp"
#include "councilvote/record/result_record.hpp"

#include <limits>

namespace cv::record {

namespace {

using crypto::ByteArray;

constexpr std::uint64_t kMaxU32 = std::numeric_limits<std::uint32_t>::max();

crypto::Point point(Reader &r, std::string_view member, bool allow_identity) {
  auto b = r.hex_fixed<32>(member);
  if (!r.ok()) return {};
  auto p = crypto::Point::from_bytes(b, allow_identity);
  if (!p) {
    r.fail(field_error(Errc::bad_field, r.path_of(member), r.path_of(member) + ": " + p.error().message));
    return {};
  }
  return *p;
}

crypto::ContestSpec read_contest_spec(Reader &r) {
  crypto::ContestSpec c;
  c.id = r.text("id", 1, crypto::kMaxIdLength);
  c.kind = r.enumeration<crypto::ContestKind>("kind");
  c.options = r.u32("options", 1, crypto::kMaxOptions);
  c.min_selections = r.u32("min", 0, crypto::kMaxOptions);
  c.max_selections = r.u32("max", 0, crypto::kMaxOptions);
  return c;
}

crypto::PollManifest read_manifest(Reader &r) {
  crypto::PollManifest m;
  m.meeting_id = r.text("meeting_id", 1, crypto::kMaxIdLength);
  m.poll_id = r.text("poll_id", 1, crypto::kMaxIdLength);
  m.disagree_weight = static_cast<std::uint32_t>(r.integer("disagree_weight", 2, kMaxU32));
  m.roster_digest = r.hex_fixed<32>("roster_digest");
  m.contests = r.objects("contests", 1, crypto::kMaxContests, read_contest_spec);
  return m;
}

ContestDisplay read_display(Reader &r) {
  ContestDisplay d;
  if (r.has("nominee")) d.nominee = r.nested("nominee", [](Reader &x) { return read_nominee(x); });
  if (r.has("label")) d.label = r.text("label", 1, kMaxTextBytes);
  if (r.has("option_labels"))
    d.option_labels = r.texts("option_labels", 1, crypto::kMaxOptions, kMaxTextBytes);
  return d;
}

crypto::TrusteeInfo read_trustee(Reader &r) {
  crypto::TrusteeInfo t;
  t.index = r.u32("index", 1, crypto::kMaxTrustees);
  t.box_public_key = r.hex_fixed<32>("box_key");
  return t;
}

CeremonyInfo read_ceremony(Reader &r) {
  CeremonyInfo c;
  c.threshold = r.u32("threshold", 1, crypto::kMaxTrustees);
  c.trustees = r.objects("trustees", 1, crypto::kMaxTrustees, read_trustee);
  c.commitments = r.hexes("commitments", 0, crypto::kMaxTrustees, crypto::commitments_encoded_size(1),
                          crypto::commitments_encoded_size(crypto::kMaxTrustees));
  return c;
}

} // namespace

RemoteWindow read_remote_window(Reader &r) {
  RemoteWindow w;
  w.from_ms = r.integer("from", 0, kMaxJsonInteger);
  w.until_ms = r.integer("until", 0, kMaxJsonInteger);
  if (r.ok() && w.from_ms >= w.until_ms)
    r.fail(field_error(Errc::bad_field, r.path_of("until"), r.path_of("until") + ": must be after \"from\""));
  return w;
}

PollDefinition read_poll_definition(Reader &r) {
  PollDefinition d;
  d.poll = r.id("poll", kMaxPollIdLength, "poll id");
  d.title = r.text("title", 1, kMaxTextBytes);
  if (r.has("remote_window")) d.remote_window = r.nested("remote_window", read_remote_window);
  d.manifest = r.nested("manifest", read_manifest);
  d.display = r.objects("display", 1, crypto::kMaxContests, read_display);
  for (const auto &k : r.hexes("roster", 1, kMaxMemberNo, 32, 32)) {
    crypto::SignPublicKey pk{};
    for (std::size_t i = 0; i < pk.size() && i < k.size(); ++i) pk[i] = k[i];
    d.roster.push_back(pk);
  }
  d.joint_key = point(r, "joint_key", false);
  d.context_hash = r.hex_fixed<32>("context_hash");
  d.ceremony = r.nested("ceremony", read_ceremony);
  return d;
}

namespace {

FrozenMember read_frozen_member(Reader &r) {
  FrozenMember m;
  m.member_no = r.u32("member_no", 1, static_cast<std::uint32_t>(kMaxMemberNo));
  m.status = r.enumeration<Attendance>("status");
  return m;
}

} // namespace

FrozenAttendance read_frozen_attendance(Reader &r) {
  FrozenAttendance a;
  a.poll = r.id("poll", kMaxPollIdLength, "poll id");
  a.members = r.objects("members", 1, kMaxRosterRows, read_frozen_member);
  for (std::size_t i = 1; r.ok() && i < a.members.size(); ++i)
    if (a.members[i].member_no <= a.members[i - 1].member_no)
      r.fail(field_error(Errc::invalid_argument, r.path_of("members"),
                         r.path_of("members") + ": member numbers are not strictly ascending at [" +
                             std::to_string(i) + "]"));
  return a;
}

TallyInfo read_tally_info(Reader &r) {
  TallyInfo t;
  t.poll = r.id("poll", kMaxPollIdLength, "poll id");
  t.poll_context = r.hex_fixed<32>("poll_context");
  t.ballots = r.u32("ballots", 0, static_cast<std::uint32_t>(kMaxMemberNo));
  const auto items = r.hexes("totals", 1, std::size_t{crypto::kMaxContests} * crypto::kMaxOptions, 64, 64);
  for (std::size_t i = 0; i < items.size() && r.ok(); ++i) {
    auto a = crypto::Point::from_bytes(crypto::ByteView(items[i]).first(32), true);
    auto b = crypto::Point::from_bytes(crypto::ByteView(items[i]).subspan(32), true);
    if (!a || !b) {
      auto path = r.path_of("totals") + "[" + std::to_string(i) + "]";
      r.fail(field_error(Errc::bad_field, path, path + ": " + (!a ? a.error() : b.error()).message));
      break;
    }
    t.totals.push_back({*a, *b});
  }
  return t;
}

namespace {

Error inconsistent(const std::string &check, const std::string &detail) { return check_error(check, detail); }

} // namespace

Result<PollDefinition> read_poll_definition(std::string_view text) {
  return read_json_text(text, "manifest", [](Reader &r) { return read_poll_definition(r); });
}
Result<FrozenAttendance> read_frozen_attendance(std::string_view text) {
  return read_json_text(text, "attendance", [](Reader &r) { return read_frozen_attendance(r); });
}
Result<TallyInfo> read_tally_info(std::string_view text) {
  return read_json_text(text, "tally", [](Reader &r) { return read_tally_info(r); });
}

// ---------------------------------------------------------------------------- writers
// Each writes the members its reader above reads, under the same names; optional members and empty
// labels are left out. protocol's to_text of the result is the board payload.

namespace {

Json hex_of(crypto::ByteView b) { return crypto::to_hex(b); }

Json contest_spec_to_json(const crypto::ContestSpec &c) {
  return Json{{"id", c.id},
              {"kind", std::string(name(c.kind))},
              {"options", c.options},
              {"min", c.min_selections},
              {"max", c.max_selections}};
}

Json manifest_to_json(const crypto::PollManifest &m) {
  Json contests = Json::array();
  for (const auto &c : m.contests) contests.push_back(contest_spec_to_json(c));
  return Json{{"meeting_id", m.meeting_id},
              {"poll_id", m.poll_id},
              {"disagree_weight", m.disagree_weight},
              {"roster_digest", hex_of(m.roster_digest)},
              {"contests", std::move(contests)}};
}

Json display_to_json(const ContestDisplay &d) {
  Json o = Json::object();
  if (d.nominee) o["nominee"] = nominee_to_json(*d.nominee);
  if (!d.label.empty()) o["label"] = d.label;
  if (!d.option_labels.empty()) o["option_labels"] = d.option_labels;
  return o;
}

Json ceremony_to_json(const CeremonyInfo &c) {
  Json trustees = Json::array(), commitments = Json::array();
  for (const auto &t : c.trustees)
    trustees.push_back(Json{{"index", t.index}, {"box_key", hex_of(t.box_public_key)}});
  for (const auto &b : c.commitments) commitments.push_back(hex_of(b));
  return Json{
      {"threshold", c.threshold}, {"trustees", std::move(trustees)}, {"commitments", std::move(commitments)}};
}

} // namespace

Json remote_window_to_json(const RemoteWindow &w) { return Json{{"from", w.from_ms}, {"until", w.until_ms}}; }

Json poll_definition_to_json(const PollDefinition &d) {
  Json display = Json::array(), roster = Json::array();
  for (const auto &x : d.display) display.push_back(display_to_json(x));
  for (const auto &k : d.roster) roster.push_back(hex_of(k));
  Json o{{"poll", d.poll},
         {"title", d.title},
         {"manifest", manifest_to_json(d.manifest)},
         {"display", std::move(display)},
         {"roster", std::move(roster)},
         {"joint_key", hex_of(d.joint_key.bytes())},
         {"context_hash", hex_of(d.context_hash)},
         {"ceremony", ceremony_to_json(d.ceremony)}};
  if (d.remote_window) o["remote_window"] = remote_window_to_json(*d.remote_window);
  return o;
}

Json frozen_attendance_to_json(const FrozenAttendance &a) {
  Json members = Json::array();
  for (const auto &m : a.members)
    members.push_back(Json{{"member_no", m.member_no}, {"status", std::string(name(m.status))}});
  return Json{{"poll", a.poll}, {"members", std::move(members)}};
}

Json tally_info_to_json(const TallyInfo &t) {
  Json totals = Json::array();
  for (const auto &c : t.totals)
    totals.push_back(crypto::to_hex(c.alpha.bytes()) + crypto::to_hex(c.beta.bytes()));
  return Json{{"poll", t.poll},
              {"poll_context", hex_of(t.poll_context)},
              {"ballots", t.ballots},
              {"totals", std::move(totals)}};
}

AttendanceCounts FrozenAttendance::counts() const {
  AttendanceCounts c;
  c.members = static_cast<std::uint32_t>(members.size());
  for (const auto &m : members) switch (m.status) {
    case Attendance::present:
      ++c.present;
      break;
    case Attendance::remote:
      ++c.remote;
      break;
    case Attendance::absent:
      ++c.absent;
      break;
    case Attendance::unknown:
      ++c.unknown;
      break;
    }
  return c;
}

Result<crypto::ThresholdPublicKey> ceremony_public_key(std::string_view meeting, const CeremonyInfo &c) {
  auto ceremony = crypto::Ceremony::create({std::string(meeting), c.threshold, c.trustees});
  if (!ceremony) return inconsistent("ceremony", ceremony.error().message);
  std::vector<crypto::TrusteeCommitments> commitments;
  for (std::size_t i = 0; i < c.commitments.size(); ++i) {
    crypto::ByteReader br(c.commitments[i]);
    auto d = crypto::decode_commitments(br);
    if (!d) return inconsistent("ceremony", "commitments " + std::to_string(i) + ": " + d.error().message);
    if (auto end = br.expect_end("commitments"); !end) return inconsistent("ceremony", end.error().message);
    commitments.push_back(std::move(*d));
  }
  auto key = crypto::threshold_public_key(*ceremony, commitments);
  if (!key) return inconsistent("ceremony", key.error().message);
  return std::move(*key);
}

Result<crypto::PollContext> verified_context(const PollDefinition &d, std::string_view meeting) {
  const auto &m = d.manifest;
  if (m.meeting_id != meeting)
    return inconsistent("meeting", "the manifest is for meeting \"" + m.meeting_id + "\", not \"" +
                                       std::string(meeting) + "\"");
  if (m.poll_id != d.poll)
    return inconsistent("poll", "the manifest is for poll \"" + m.poll_id + "\", not \"" + d.poll + "\"");
  if (auto v = m.validate(); !v) return inconsistent("manifest", v.error().message);
  if (d.display.size() != m.contests.size()) return inconsistent("display", "not one entry per contest");
  if (crypto::Roster{d.roster}.digest() != m.roster_digest)
    return inconsistent("roster", "the roster's digest is not the manifest's roster_digest");
  if (m.disagree_weight <= d.roster.size())
    return inconsistent("disagree_weight", "must exceed the number of members on the roster");
  auto key = ceremony_public_key(meeting, d.ceremony);
  if (!key) return key.error();
  if (!(key->joint_key == d.joint_key))
    return inconsistent("joint_key", "the joint key is not the one the ceremony's commitments give");
  crypto::PollContext ctx{m, d.joint_key};
  if (ctx.hash() != d.context_hash)
    return inconsistent("context_hash", "does not match the manifest and the joint key");
  return ctx;
}

RecordStatement read_record_statement(Reader &r) {
  RecordStatement s;
  s.meeting = r.id("meeting", kMaxMeetingIdLength, "meeting id");
  s.poll = r.id("poll", kMaxPollIdLength, "poll id");
  s.record_digest = r.hex_fixed<32>("record_digest");
  s.board_seq = r.integer("board_seq", 1, kMaxJsonInteger);
  s.board_head = r.hex_fixed<32>("board_head");
  s.server_time_ms = r.integer("server_time", 0, kMaxJsonInteger);
  s.sig = r.hex_fixed<crypto::kSignatureBytes>("sig");
  return s;
}

crypto::Bytes record_signed_message(const RecordStatement &s) {
  crypto::ByteWriter w;
  w.str(s.meeting);
  w.str(s.poll);
  w.fixed(s.record_digest);
  w.u64(s.board_seq);
  w.fixed(s.board_head);
  w.u64(s.server_time_ms);
  return w.take();
}

Json record_statement_to_json(const RecordStatement &s) {
  return Json{{"meeting", s.meeting},
              {"poll", s.poll},
              {"record_digest", crypto::to_hex(s.record_digest)},
              {"board_seq", s.board_seq},
              {"board_head", crypto::to_hex(s.board_head)},
              {"server_time", s.server_time_ms},
              {"sig", crypto::to_hex(s.sig)}};
}

void sign_record_statement(RecordStatement &s, const crypto::SigningKey &server) {
  s.sig = crypto::sign(server, kRecordStatementTag, record_signed_message(s));
}

bool verify_record_statement(const RecordStatement &s, const crypto::SignPublicKey &server_key) {
  return static_cast<bool>(
      crypto::verify_signature(server_key, kRecordStatementTag, record_signed_message(s), s.sig));
}

ByteArray<32> record_digest(std::string_view record_text) {
  return crypto::Transcript(kRecordDigestTag).var(crypto::as_bytes(record_text)).digest32();
}

Bundle read_bundle(Reader &r) {
  Bundle b;
  auto format = r.text("format", 1, 64);
  if (r.ok() && format != kBundleFormat)
    r.fail(field_error(Errc::unsupported_version, r.path_of("format"),
                       "bundle format \"" + format + "\" is not " + std::string(kBundleFormat)));
  b.meeting = r.id("meeting_id", kMaxMeetingIdLength, "meeting id");
  auto server = r.text("server", 3, 300);
  if (r.ok()) {
    const auto colon = server.rfind(':');
    std::uint64_t port = 0;
    bool ok = colon != std::string::npos && colon > 0 && colon + 1 < server.size() &&
              server.size() - colon <= 6 && server[colon + 1] != '0';
    for (std::size_t i = colon + 1; ok && i < server.size(); ++i) {
      ok = server[i] >= '0' && server[i] <= '9';
      port = port * 10 + static_cast<std::uint64_t>(server[i] - '0');
    }
    if (!ok || port == 0 || port > 65535)
      r.fail(field_error(Errc::bad_field, r.path_of("server"), r.path_of("server") + ": expected host:port"));
    b.host = server.substr(0, colon == std::string::npos ? 0 : colon);
    b.port = static_cast<std::uint32_t>(port);
  }
  b.min_ballots = r.u32("min_ballots", crypto::kLowestMinBallots, crypto::kMaxMinBallots);
  b.tls_cert_sha256 = r.hex_fixed<32>("tls_cert_sha256");
  b.server_key = r.hex_fixed<crypto::kSignPublicKeyBytes>("server_key");
  b.sig = r.hex_fixed<crypto::kSignatureBytes>("sig");
  return b;
}

crypto::Bytes bundle_signed_message(const Bundle &b) {
  crypto::ByteWriter w;
  w.str(b.meeting);
  w.str(b.host);
  w.u32(b.port);
  w.u32(b.min_ballots);
  w.fixed(b.tls_cert_sha256);
  w.fixed(b.server_key);
  return w.take();
}

bool verify_bundle(const Bundle &b) {
  return static_cast<bool>(
      crypto::verify_signature(b.server_key, kEnrollmentTag, bundle_signed_message(b), b.sig));
}

void sign_bundle(Bundle &b, const crypto::SigningKey &server) {
  b.sig = crypto::sign(server, kEnrollmentTag, bundle_signed_message(b));
}

std::string bundle_code(const Bundle &b) {
  return crypto::short_tracking_code(
      crypto::Transcript(kEnrollmentCodeTag).fixed(bundle_signed_message(b)).digest32());
}

} // namespace cv::record
