// The secretary's commands (docs/wire.md §8.3): setup from the council's CSV files, attendance,
// the key ceremony's trustees, and each poll's life from open to publish.
#include "common.hpp"
#include "councilvote/client/result_table.hpp"
#include "councilvote/client/roles/secretary.hpp"
#include "councilvote/protocol/record.hpp"
#include "show.hpp"

#include <QDateTime>
#include <cstdlib>

namespace cv::cli {

namespace {

using protocol::PollId;

Result<std::string> one_positional(Args &a, std::string_view what) {
  auto rest = a.positionals();
  if (!rest) return rest.error();
  if (rest->size() != 1) return usage_error("expected exactly one " + std::string(what));
  return rest->front();
}

Result<std::unique_ptr<Session>> secretary_session(const GlobalOptions &g) { return Session::open(g, true); }

Result<void> import_roster(const GlobalOptions &g, Args &a) {
  auto file = one_positional(a, "CSV file");
  if (!file) return file.error();
  auto req = client::roles::read_roster_csv(*file);
  if (!req) return req.error();
  auto s = secretary_session(g);
  if (!s) return s.error();
  auto r = (*s)->client().import_roster(*req);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out("roster imported: " + std::to_string(r->count) + " members");
  return {};
}

Result<void> import_nominees(const GlobalOptions &g, Args &a) {
  auto file = one_positional(a, "CSV file");
  if (!file) return file.error();
  auto imp = client::roles::read_nominees_csv(*file);
  if (!imp) return imp.error();
  auto s = secretary_session(g);
  if (!s) return s.error();
  auto r = (*s)->client().import_nominees(imp->nominees);
  if (!r) return r.error();
  if (g.json)
    print_json(r->to_json());
  else
    out("nominees imported: the meeting has " + std::to_string(r->count) + " nominees");
  for (const auto &q : imp->quotas) { // the award_quota column, if the file has one
    auto qr = (*s)->client().set_award_quota(q);
    if (!qr) return qr.error();
    if (g.json)
      print_json(qr->to_json());
    else
      out("quota: " + q.award + " = " + std::to_string(q.quota));
  }
  return {};
}

Result<void> define_rules(const GlobalOptions &g, Args &a) {
  auto file = one_positional(a, "CSV file");
  if (!file) return file.error();
  auto rules = client::roles::read_rules_csv(*file);
  if (!rules) return rules.error();
  auto s = secretary_session(g);
  if (!s) return s.error();
  for (const auto &rule : *rules) {
    auto r = (*s)->client().define_rule_profile(rule);
    if (!r) return r.error();
    if (g.json)
      print_json(protocol::rule_profile_to_json(*r));
    else
      out("rule " + r->rule_id + ": " + r->label);
  }
  return {};
}

Result<void> set_quota(const GlobalOptions &g, Args &a) {
  auto rest = a.positionals();
  if (!rest) return rest.error();
  if (rest->size() != 2) return usage_error("expected AWARD and N");
  auto n = parse_uint((*rest)[1], "N", 0, 10000);
  if (!n) return n.error();
  auto s = secretary_session(g);
  if (!s) return s.error();
  auto r = (*s)->client().set_award_quota({(*rest)[0], *n});
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out(r->quota == 0 ? "quota removed: " + r->award : "quota: " + r->award + " = " + std::to_string(r->quota));
  return {};
}

Result<void> register_key(const GlobalOptions &g, Args &a) {
  auto rest = a.positionals();
  if (!rest) return rest.error();
  if (rest->size() != 2) return usage_error("expected MEMBER_NO and the member's signing key (hex)");
  auto no = parse_uint((*rest)[0], "MEMBER_NO", 1, protocol::kMaxMemberNo);
  if (!no) return no.error();
  auto key = crypto::from_hex_fixed<32>((*rest)[1]);
  if (!key) return usage_error("the signing key must be 64 hex digits");
  auto s = secretary_session(g);
  if (!s) return s.error();
  auto r = (*s)->client().register_member_key({*no, *key});
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out("member " + std::to_string(r->member_no) + " registered with key " + hex(r->key));
  return {};
}

Result<void> register_keys(const GlobalOptions &g, Args &a) {
  auto file = one_positional(a, "CSV file");
  if (!file) return file.error();
  auto req = client::roles::read_member_keys_csv(*file);
  if (!req) return req.error();
  auto s = secretary_session(g);
  if (!s) return s.error();
  auto r = (*s)->client().register_member_keys(*req);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out(std::to_string(r->entries.size()) + " members' keys registered");
  return {};
}

Result<protocol::Attendance> parse_attendance(std::string_view s) {
  if (s == "present") return protocol::Attendance::present;
  if (s == "remote") return protocol::Attendance::remote;
  if (s == "absent") return protocol::Attendance::absent;
  return usage_error("attendance must be present, remote or absent, not \"" + std::string(s) + "\"");
}

Result<void> attendance(const GlobalOptions &g, Args &a) {
  auto rest = a.positionals();
  if (!rest) return rest.error();
  if (rest->empty()) return usage_error("expected MEMBER_NO=present|remote|absent ...");
  protocol::SetAttendanceRequest req;
  for (const auto &w : *rest) {
    const auto eq = w.find('=');
    if (eq == std::string::npos) return usage_error("expected MEMBER_NO=STATUS, got \"" + w + "\"");
    auto no = parse_uint(std::string_view(w).substr(0, eq), "MEMBER_NO", 1, protocol::kMaxMemberNo);
    if (!no) return no.error();
    auto st = parse_attendance(std::string_view(w).substr(eq + 1));
    if (!st) return st.error();
    req.entries.push_back({*no, *st});
  }
  if (auto v = req.validate(); !v) return usage_error(v.error().message);
  auto s = secretary_session(g);
  if (!s) return s.error();
  auto r = (*s)->client().set_attendance(req);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out("attendance: " + std::to_string(r->members) + " members, " + std::to_string(r->present) + " present, " +
      std::to_string(r->remote) + " remote, " + std::to_string(r->absent) + " absent, " +
      std::to_string(r->unknown) + " not marked");
  return {};
}

Result<void> set_trustees(const GlobalOptions &g, Args &a) {
  auto t = a.required("--threshold");
  if (!t) return t.error();
  auto threshold = parse_uint(*t, "--threshold", 1, crypto::kMaxTrustees);
  if (!threshold) return threshold.error();
  auto rest = a.positionals();
  if (!rest) return rest.error();
  if (rest->empty()) return usage_error("expected MEMBER_NO:BOXKEY for every trustee, in index order");
  protocol::SetTrusteesRequest req;
  req.threshold = *threshold;
  for (const auto &w : *rest) {
    const auto colon = w.find(':');
    if (colon == std::string::npos) return usage_error("expected MEMBER_NO:BOXKEY, got \"" + w + "\"");
    auto no = parse_uint(std::string_view(w).substr(0, colon), "MEMBER_NO", 1, protocol::kMaxMemberNo);
    if (!no) return no.error();
    auto box = crypto::from_hex_fixed<32>(w.substr(colon + 1));
    if (!box) return usage_error("trustee " + std::to_string(*no) + ": the box key must be 64 hex digits");
    req.trustees.push_back({static_cast<std::uint32_t>(req.trustees.size() + 1), *no, *box});
  }
  auto s = secretary_session(g);
  if (!s) return s.error();
  if (auto v = req.validate((*s)->bundle().meeting); !v) return usage_error(v.error().message);
  auto r = (*s)->client().set_trustees(req);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out("key ceremony started: " + std::to_string(req.threshold) + " of " +
      std::to_string(req.trustees.size()) + " trustees");
  out("ceremony context: " + hex(r->ceremony_context));
  note("Each trustee now runs: councilvote-cli ceremony");
  return {};
}

Result<std::uint64_t> parse_time(const std::string &text, std::string_view what) {
  QDateTime t = QDateTime::fromString(QString::fromStdString(text), Qt::ISODateWithMs);
  if (!t.isValid()) t = QDateTime::fromString(QString::fromStdString(text), Qt::ISODate);
  if (!t.isValid() || t.toMSecsSinceEpoch() <= 0)
    return usage_error(std::string(what) +
                       ": expected an ISO 8601 time (2025-06-15T14:30 or with Z/+07:00), got \"" + text +
                       "\"");
  return static_cast<std::uint64_t>(t.toMSecsSinceEpoch());
}

Result<std::optional<protocol::RemoteWindow>> remote_window(Args &a, protocol::OpenPhase phase) {
  auto from = a.option("--remote-from");
  auto until = a.option("--remote-until");
  auto minutes = a.option("--remote-minutes");
  if (!from) return from.error();
  if (!until) return until.error();
  if (!minutes) return minutes.error();
  if (!*until && !*minutes) {
    if (phase == protocol::OpenPhase::remote)
      return usage_error("phase remote needs --remote-until or --remote-minutes");
    if (*from) return usage_error("--remote-from needs --remote-until or --remote-minutes");
    return std::optional<protocol::RemoteWindow>();
  }
  if (*until && *minutes) return usage_error("give --remote-until or --remote-minutes, not both");
  protocol::RemoteWindow w;
  const auto now = QDateTime::currentMSecsSinceEpoch();
  w.from_ms = static_cast<std::uint64_t>(now);
  if (*from) {
    auto f = parse_time(**from, "--remote-from");
    if (!f) return f.error();
    w.from_ms = *f;
  }
  if (*until) {
    auto u = parse_time(**until, "--remote-until");
    if (!u) return u.error();
    w.until_ms = *u;
  } else {
    auto m = parse_uint(**minutes, "--remote-minutes", 1, 60 * 24 * 31);
    if (!m) return m.error();
    w.until_ms = w.from_ms + std::uint64_t{*m} * 60000;
  }
  if (w.until_ms <= w.from_ms) return usage_error("the remote window must end after it starts");
  return std::optional<protocol::RemoteWindow>(w);
}

// The nominees a poll is about: from the nominees CSV when given, else bare numbers.
Result<std::vector<protocol::NomineeRow>> poll_nominees(Args &a) {
  auto spec = a.required("--nominees");
  if (!spec) return spec.error();
  auto csv = a.option("--nominees-csv");
  if (!csv) return csv.error();
  std::optional<std::string> path = *csv;
  if (!path)
    if (const char *e = std::getenv("CV_NOMINEES_CSV"); e != nullptr && *e != '\0') path = std::string(e);
  std::vector<protocol::NomineeRow> all;
  if (path) {
    auto imp = client::roles::read_nominees_csv(*path);
    if (!imp) return imp.error();
    all = std::move(imp->nominees.nominees);
  } else {
    if (*spec == "all") return usage_error("--nominees all needs the nominees file: --nominees-csv FILE");
    for (std::uint32_t n = 1; n <= protocol::kMaxMemberNo; ++n) { // numbers only: the server checks them
      protocol::NomineeRow row;
      row.nominee_no = n;
      all.push_back(std::move(row));
    }
  }
  auto sel = client::roles::select_nominees(all, *spec);
  if (!sel) return usage_error("--nominees: " + sel.error().message);
  return sel;
}

Result<void> open_poll(const GlobalOptions &g, Args &a) {
  auto poll = a.required("--poll");
  if (!poll) return poll.error();
  auto title = a.required("--title");
  if (!title) return title.error();
  auto phase_text = a.option("--phase");
  if (!phase_text) return phase_text.error();
  protocol::OpenPhase phase = protocol::OpenPhase::room;
  if (*phase_text && **phase_text == "remote")
    phase = protocol::OpenPhase::remote;
  else if (*phase_text && **phase_text != "room")
    return usage_error("--phase must be remote or room");
  auto window = remote_window(a, phase);
  if (!window) return window.error();
  auto nominees = poll_nominees(a);
  if (!nominees) return nominees.error();
  if (auto r = no_more(a); !r) return r;
  auto req = client::roles::make_open_poll_request(*poll, *title, *nominees, phase, *window);
  if (!req) return usage_error(req.error().message);
  auto s = secretary_session(g);
  if (!s) return s.error();
  auto r = (*s)->client().open_poll(*req);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  show_poll_summary(*r, (*s)->bundle().meeting);
  return {};
}

Result<void> poll_command(const GlobalOptions &g, Args &a,
                          const std::function<Result<void>(client::Client &, const PollId &)> &f) {
  auto id = poll_option(a);
  if (!id) return id.error();
  if (auto r = no_more(a); !r) return r;
  auto s = secretary_session(g);
  if (!s) return s.error();
  return f((*s)->client(), *id);
}

Result<void> open_room(const GlobalOptions &g, Args &a) {
  return poll_command(g, a, [&](client::Client &c, const PollId &p) -> Result<void> {
    auto r = c.open_room(p);
    if (!r) return r.error();
    if (g.json) return print_json(r->to_json()), Result<void>();
    out("poll " + p.str() + " is open in the room (status " +
        std::string(protocol::poll_status_name(r->status)) + ")");
    return {};
  });
}

Result<void> close_poll(const GlobalOptions &g, Args &a) {
  return poll_command(g, a, [&](client::Client &c, const PollId &p) -> Result<void> {
    auto r = c.close_poll(p);
    if (!r) return r.error();
    if (g.json) return print_json(r->to_json()), Result<void>();
    out("poll " + p.str() + " closed at " + format_time_ms(r->closed_at_ms) + " with " +
        std::to_string(r->ballots) + " ballots");
    show_checkpoint(r->checkpoint);
    note("Print the board head on the minutes: auditors compare it with the board.");
    return {};
  });
}

Result<void> turnout(const GlobalOptions &g, Args &a) {
  return poll_command(g, a, [&](client::Client &c, const PollId &p) -> Result<void> {
    auto r = c.turnout(p);
    if (!r) return r.error();
    if (g.json) return print_json(r->to_json()), Result<void>();
    show_turnout(*r);
    return {};
  });
}

Result<void> start_tally(const GlobalOptions &g, Args &a) {
  return poll_command(g, a, [&](client::Client &c, const PollId &p) -> Result<void> {
    auto r = c.start_tally(p);
    if (!r) return r.error();
    if (g.json) return print_json(r->to_json()), Result<void>();
    show_tally(*r);
    note("Each trustee now runs: councilvote-cli decrypt --poll " + p.str());
    return {};
  });
}

Result<void> publish(const GlobalOptions &g, Args &a) {
  return poll_command(g, a, [&](client::Client &c, const PollId &p) -> Result<void> {
    auto r = c.publish_record(p);
    if (!r) return r.error();
    if (g.json) return print_json(r->to_json()), Result<void>();
    show_record(*r);
    return {};
  });
}

} // namespace

void add_secretary_commands(std::vector<Command> &c) {
  const std::string role = "Secretary";
  c.push_back({"import-roster", role, "CSV", "import the roster (data/roster.csv columns)", import_roster});
  c.push_back({"import-nominees", role, "CSV",
               "import the nominees (data/nominees.csv columns; an award_quota column sets the quotas)",
               import_nominees});
  c.push_back(
      {"define-rules", role, "CSV", "define the rule profiles (data/rules.csv columns)", define_rules});
  c.push_back({"set-quota", role, "AWARD N", "set the quota of an award (0 removes it)", set_quota});
  c.push_back({"register-key", role, "MEMBER_NO HEX", "register a member's signing key", register_key});
  c.push_back({"register-keys", role, "CSV",
               "register many members' signing keys at once, all or none (columns member_no,key)",
               register_keys});
  c.push_back({"attendance", role, "MEMBER_NO=present|remote|absent ...", "record attendance", attendance});
  c.push_back({"set-trustees", role, "--threshold T MEMBER_NO:BOXKEY ...",
               "start a key ceremony with these trustees (indices 1..n in the order given)", set_trustees});
  c.push_back({"open-poll", role,
               "--poll ID --title T --nominees all|1,2,5-9 [--nominees-csv FILE] [--phase room|remote] "
               "[--remote-from ISO] [--remote-until ISO|--remote-minutes N]",
               "define and open a poll (one contest per nominee)", open_poll});
  c.push_back({"open-room", role, "--poll ID", "open a remote-phase poll for voting in the room", open_room});
  c.push_back({"close-poll", role, "--poll ID", "close a poll; prints the signed board head", close_poll});
  c.push_back({"turnout", role, "--poll ID", "attendance and who has voted (never how)", turnout});
  c.push_back({"start-tally", role, "--poll ID", "add up the closed poll's ballots", start_tally});
  c.push_back(
      {"publish", role, "--poll ID", "combine the trustees' decryptions and publish the record", publish});
}

} // namespace cv::cli
