#include "councilvote/client/roles/secretary.hpp"
#include "roles_common.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace cv::client::roles {

using protocol::Result;

namespace {

using Row = protocol::CsvRow;

// The shape checks of the wire reader, as a last line of defence: anything the checks above let
// through that the server's reader would refuse is reported here rather than by the server.
template <class T> Result<void> wire_check(const T &body, const std::string &source) {
  auto again = T::from_json(body.to_json());
  if (!again) return detail::invalid_argument(source + ": " + again.error().message);
  return {};
}

} // namespace

// ============================================================================ roster

Result<protocol::ImportRosterRequest> roster_from_csv(std::string_view text, std::string source) {
  try {
    auto t = parse_csv(text, source);
    if (!t) return t.error();
    if (auto c = check_csv_columns(*t, {"member_no", "full_name", "council_role", "position", "unit"}, {});
        !c)
      return c.error();
    if (auto n = protocol::check_csv_row_count(*t, protocol::kMaxRosterRows, "members"); !n) return n.error();
    protocol::ImportRosterRequest req;
    std::map<std::uint32_t, std::size_t> line_of;
    for (const auto &rec : t->records) {
      const Row row(*t, rec);
      protocol::RosterRow m;
      std::optional<protocol::Error> e;
      if (!e) e = row.number("member_no", 1, protocol::kMaxMemberNo, m.member_no);
      if (!e) e = row.text("full_name", 1, protocol::kMaxNameBytes, m.full_name);
      if (!e) e = row.enumeration<protocol::CouncilRole>("council_role", m.council_role);
      if (!e) e = row.text("position", 0, protocol::kMaxTextBytes, m.position);
      if (!e) e = row.text("unit", 0, protocol::kMaxTextBytes, m.unit);
      if (e) return *e;
      if (auto [it, fresh] = line_of.emplace(m.member_no, rec.line); !fresh)
        return row.error("member_no " + std::to_string(m.member_no) + " already on line " +
                         std::to_string(it->second));
      req.members.push_back(std::move(m));
    }
    if (auto w = wire_check(req, t->source); !w) return w.error();
    return req;
  } catch (...) {
    return detail::internal("out of memory while reading " + source);
  }
}

Result<protocol::ImportRosterRequest> read_roster_csv(const std::filesystem::path &path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return roster_from_csv(*text, path.filename().string());
}

// ============================================================================ member keys

Result<protocol::RegisterMemberKeysRequest> member_keys_from_csv(std::string_view text, std::string source) {
  try {
    auto t = parse_csv(text, source);
    if (!t) return t.error();
    if (auto c = check_csv_columns(*t, {"member_no", "key"}, {}); !c) return c.error();
    if (auto n = protocol::check_csv_row_count(*t, protocol::kMaxRosterRows, "keys"); !n) return n.error();
    protocol::RegisterMemberKeysRequest req;
    std::map<std::uint32_t, std::size_t> line_of;
    for (const auto &rec : t->records) {
      const Row row(*t, rec);
      protocol::RegisterMemberKeyRequest k;
      if (auto e = row.number("member_no", 1, protocol::kMaxMemberNo, k.member_no)) return *e;
      auto key = protocol::parse_hex(row.get("key"), "key");
      if (!key || key->size() != k.key.size())
        return row.error("key \"" + row.get("key") + "\" is not 64 lowercase hex digits");
      std::copy(key->begin(), key->end(), k.key.begin());
      if (auto [it, fresh] = line_of.emplace(k.member_no, rec.line); !fresh)
        return row.error("member_no " + std::to_string(k.member_no) + " already on line " +
                         std::to_string(it->second));
      req.entries.push_back(k);
    }
    if (auto v = req.validate(); !v) return t->error_at(t->header_line, v.error().message);
    if (auto w = wire_check(req, t->source); !w) return w.error();
    return req;
  } catch (...) {
    return detail::internal("out of memory while reading " + source);
  }
}

Result<protocol::RegisterMemberKeysRequest> read_member_keys_csv(const std::filesystem::path &path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return member_keys_from_csv(*text, path.filename().string());
}

// ============================================================================ nominees

Result<NomineeImport> nominees_from_csv(std::string_view text, std::string source) {
  try {
    auto t = parse_csv(text, source);
    if (!t) return t.error();
    if (auto c = check_csv_columns(*t, {"nominee_no", "kind", "name", "position", "unit", "award", "rule_id"},
                                   {"award_quota"});
        !c)
      return c.error();
    if (auto n = protocol::check_csv_row_count(*t, protocol::kMaxNomineeRows, "nominees"); !n)
      return n.error();
    NomineeImport out;
    std::map<std::uint32_t, std::size_t> line_of;
    struct Quota {
      std::uint32_t quota;
      std::size_t line;
      std::size_t order;
    };
    std::map<std::string, Quota> quotas;
    const bool has_quota = t->column("award_quota").has_value();
    for (const auto &rec : t->records) {
      const Row row(*t, rec);
      protocol::NomineeRow n;
      std::optional<protocol::Error> e;
      if (!e) e = row.number("nominee_no", 1, protocol::kMaxMemberNo, n.nominee_no);
      if (!e) e = row.enumeration<protocol::NomineeKind>("kind", n.kind);
      if (!e) e = row.text("name", 1, protocol::kMaxTextBytes, n.name);
      if (!e) e = row.text("position", 0, protocol::kMaxTextBytes, n.position);
      if (!e) e = row.text("unit", 0, protocol::kMaxTextBytes, n.unit);
      if (!e) e = row.text("award", 1, protocol::kMaxNameBytes, n.award);
      if (!e) e = row.id("rule_id", n.rule_id);
      std::uint32_t quota = 0;
      const bool quota_stated = has_quota && !row.get("award_quota").empty();
      if (!e && quota_stated) e = row.number("award_quota", 0, 10000, quota);
      if (e) return *e;
      if (auto [it, fresh] = line_of.emplace(n.nominee_no, rec.line); !fresh)
        return row.error("nominee_no " + std::to_string(n.nominee_no) + " already on line " +
                         std::to_string(it->second));
      if (quota_stated) {
        auto [it, fresh] = quotas.emplace(n.award, Quota{quota, rec.line, quotas.size()});
        if (!fresh && it->second.quota != quota)
          return row.error("award_quota " + std::to_string(quota) + " for \"" + n.award + "\" differs from " +
                           std::to_string(it->second.quota) + " on line " + std::to_string(it->second.line));
      }
      out.lines.push_back(rec.line);
      out.nominees.nominees.push_back(std::move(n));
    }
    out.quotas.resize(quotas.size());
    for (const auto &[award, q] : quotas)
      out.quotas[q.order] = protocol::SetAwardQuotaRequest{award, q.quota};
    if (auto w = wire_check(out.nominees, t->source); !w) return w.error();
    for (const auto &q : out.quotas)
      if (auto w = wire_check(q, t->source); !w) return w.error();
    return out;
  } catch (...) {
    return detail::internal("out of memory while reading " + source);
  }
}

Result<NomineeImport> read_nominees_csv(const std::filesystem::path &path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return nominees_from_csv(*text, path.filename().string());
}

// ============================================================================ rules

Result<void> check_nominee_rules(const NomineeImport &nominees, std::span<const protocol::RuleProfile> rules,
                                 std::string_view source) {
  try {
    std::set<std::string> ids;
    for (const auto &r : rules) ids.insert(r.rule_id);
    const auto &rows = nominees.nominees.nominees;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (!ids.contains(rows[i].rule_id)) {
        const auto where = i < nominees.lines.size() ? " line " + std::to_string(nominees.lines[i]) : "";
        return detail::invalid_argument(std::string(source) + where + ": nominee " +
                                        std::to_string(rows[i].nominee_no) + " uses rule \"" +
                                        rows[i].rule_id + "\", which the rule profiles do not define");
      }
    return {};
  } catch (...) {
    return detail::internal("out of memory");
  }
}

// ============================================================================ polls

Result<std::vector<protocol::NomineeRow>> select_nominees(std::span<const protocol::NomineeRow> all,
                                                          std::string_view spec) {
  try {
    auto trim = [](std::string_view s) {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
      return s;
    };
    auto bad = [&](const std::string &m) { return detail::invalid_argument("nominee selection: " + m); };
    spec = trim(spec);
    if (spec == "all") {
      if (all.empty()) return bad("there are no nominees");
      return std::vector<protocol::NomineeRow>(all.begin(), all.end());
    }
    std::set<std::uint32_t> wanted;
    auto parse = [](std::string_view s) -> std::optional<std::uint32_t> {
      std::uint32_t v = 0;
      const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (s.empty() || ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
      return v;
    };
    std::set<std::uint32_t> known;
    for (const auto &n : all) known.insert(n.nominee_no);
    while (!spec.empty()) {
      const auto comma = spec.find(',');
      const auto item = trim(spec.substr(0, comma));
      spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
      if (item.empty()) return bad("an empty item");
      const auto dash = item.find('-');
      auto lo = parse(trim(item.substr(0, dash)));
      auto hi = dash == std::string_view::npos ? lo : parse(trim(item.substr(dash + 1)));
      if (!lo || !hi) return bad("\"" + std::string(item) + "\" is not a number or a range a-b");
      if (*lo > *hi) return bad("the range \"" + std::string(item) + "\" is reversed");
      if (*hi - *lo > protocol::kMaxNomineeRows)
        return bad("the range \"" + std::string(item) + "\" is too large");
      for (std::uint32_t v = *lo; v <= *hi; ++v) {
        if (!known.contains(v)) return bad("there is no nominee " + std::to_string(v));
        wanted.insert(v);
      }
    }
    std::vector<protocol::NomineeRow> out;
    for (const auto &n : all)
      if (wanted.contains(n.nominee_no)) out.push_back(n);
    if (out.empty()) return bad("no nominee selected");
    return out;
  } catch (...) {
    return detail::internal("out of memory");
  }
}

Result<protocol::OpenPollRequest> make_open_poll_request(std::string_view poll_id, std::string_view title,
                                                         std::span<const protocol::NomineeRow> nominees,
                                                         protocol::OpenPhase phase,
                                                         std::optional<protocol::RemoteWindow> window,
                                                         std::span<const protocol::ContestDef> general) {
  try {
    protocol::OpenPollRequest req;
    auto id = protocol::PollId::parse(poll_id);
    if (!id) return detail::invalid_argument(id.error().message);
    req.poll = *id;
    if (auto p = text_problem(title, 1, protocol::kMaxTextBytes))
      return detail::invalid_argument("title " + *p);
    req.title = std::string(title);
    const std::size_t count = nominees.size() + general.size();
    if (count == 0 || count > crypto::kMaxContests)
      return detail::invalid_argument("a poll needs 1.." + std::to_string(crypto::kMaxContests) +
                                      " contests, got " + std::to_string(count));
    for (const auto &n : nominees) {
      protocol::ContestDef c;
      c.id = std::to_string(n.nominee_no);
      c.kind = crypto::ContestKind::commendation;
      c.nominee_no = n.nominee_no;
      req.contests.push_back(std::move(c));
    }
    for (const auto &g : general) {
      if (g.kind != crypto::ContestKind::general)
        return detail::invalid_argument("contest \"" + g.id + "\": only general contests may be added here");
      req.contests.push_back(g);
    }
    req.phase = phase;
    if (phase == protocol::OpenPhase::remote && !window)
      return detail::invalid_argument("phase remote needs a remote window");
    if (window && window->from_ms >= window->until_ms)
      return detail::invalid_argument("the remote window must end after it starts");
    req.remote_window = window;
    if (auto v = req.validate(); !v) return v.error();
    if (auto w = wire_check(req, "open_poll"); !w) return w.error();
    return req;
  } catch (...) {
    return detail::internal("out of memory");
  }
}

} // namespace cv::client::roles
