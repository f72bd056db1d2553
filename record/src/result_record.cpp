#include "councilvote/record/result_record.hpp"

#include "councilvote/record/ids.hpp"

#include <algorithm>
#include <map>

namespace cv::record {

namespace {

using crypto::ContestKind;

constexpr std::size_t kMaxContests = 4096;

Error invalid(std::string message) { return make_error(Errc::invalid_argument, std::move(message)); }

std::string contest_name(std::size_t i) { return "contest[" + std::to_string(i) + "]"; }

// The members who took part: in the room or in writing (docs/record.md §3).
std::uint64_t participants(const RecordTurnout &t) { return std::uint64_t{t.present} + t.remote; }

// members: the roster (as many as turnout.members, strictly ascending, names 1..200 bytes, at most
// one chair and one secretary), every voter on it; trustees: indices 1..n in order, each a distinct
// member, at least the threshold, and every decrypting trustee one of them; every chair decision
// the chair's.
Result<void> check_people(const RecordInput &in) {
  const auto &m = in.members;
  if (m.size() != in.turnout.members)
    return invalid("members: " + std::to_string(m.size()) + " members named, the roster has " +
                   std::to_string(in.turnout.members));
  std::uint32_t chairs = 0, secretaries = 0;
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m[i].member_no < 1 || m[i].member_no > kMaxMemberNo ||
        (i > 0 && m[i].member_no <= m[i - 1].member_no))
      return invalid("members: member numbers are not 1..9999 strictly ascending at [" + std::to_string(i) +
                     "]");
    if (m[i].full_name.empty() || m[i].full_name.size() > kMaxNameBytes)
      return invalid("members[" + std::to_string(i) + "]: a full name of 1 to 200 bytes is needed");
    chairs += m[i].council_role == CouncilRole::chair ? 1U : 0U;
    secretaries += m[i].council_role == CouncilRole::secretary ? 1U : 0U;
  }
  if (chairs > 1 || secretaries > 1)
    return invalid("members: a poll's roster has one chair and one secretary");
  auto on_roster = [&](std::uint32_t no) {
    return std::ranges::binary_search(m, no, {}, &RecordMember::member_no);
  };
  for (auto v : in.turnout.voted)
    if (!on_roster(v)) return invalid("turnout: voter " + std::to_string(v) + " is not on the roster");
  const auto &t = in.trustees;
  if (t.size() < in.threshold || t.size() > 255)
    return invalid("trustees: " + std::to_string(t.size()) + " trustees for a threshold of " +
                   std::to_string(in.threshold));
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].index != i + 1)
      return invalid("trustees: indices are not 1..n in order at [" + std::to_string(i) + "]");
    if (!on_roster(t[i].member_no))
      return invalid("trustees[" + std::to_string(i) + "]: member " + std::to_string(t[i].member_no) +
                     " is not on the roster");
    for (std::size_t j = 0; j < i; ++j)
      if (t[j].member_no == t[i].member_no)
        return invalid("trustees: member " + std::to_string(t[i].member_no) + " holds two trustee places");
  }
  for (auto d : in.decrypting_trustees)
    if (d < 1 || d > t.size())
      return invalid("decrypting trustee " + std::to_string(d) + " is not a trustee");
  const auto chair = std::ranges::find(m, CouncilRole::chair, &RecordMember::council_role);
  for (std::size_t i = 0; i < in.chair_decisions.size(); ++i)
    if (chair == m.end() || in.chair_decisions[i].member_no != chair->member_no)
      return Error{Errc::invalid_argument,
                   "the decision of board entry " + std::to_string(in.chair_decisions[i].seq) +
                       " is member " + std::to_string(in.chair_decisions[i].member_no) +
                       "'s, not the chair's" +
                       (chair == m.end() ? " (the roster names no chair)"
                                         : " (member " + std::to_string(chair->member_no) + ")"),
                   {},
                   "chair_decisions[" + std::to_string(i) + "].member"};
  return {};
}

Result<void> check_input(const RecordInput &in) {
  const auto &t = in.turnout;
  if (in.min_ballots < crypto::kLowestMinBallots)
    return invalid("min_ballots is " + std::to_string(in.min_ballots) + ", below the lowest allowed, " +
                   std::to_string(crypto::kLowestMinBallots));
  if (t.ballots < in.min_ballots)
    return invalid("the poll has " + std::to_string(t.ballots) +
                   " ballots, fewer than the meeting's minimum of " + std::to_string(in.min_ballots) +
                   ": its totals would reveal single votes");
  if (t.present + std::uint64_t{t.remote} + t.absent + t.unknown != t.members)
    return invalid("turnout: present + remote + absent + unknown is not the number of members");
  if (t.ballots > t.members) return invalid("turnout: more ballots than members");
  if (std::uint64_t{t.ballots_in_room} + t.ballots_remote != t.ballots)
    return invalid("turnout: ballots in the room + remote ballots is not the number of ballots");
  if (t.voted.size() != t.ballots) return invalid("turnout: the list of voters does not match the ballots");
  if (!std::is_sorted(t.voted.begin(), t.voted.end()) ||
      std::adjacent_find(t.voted.begin(), t.voted.end()) != t.voted.end())
    return invalid("turnout: the voters are not strictly ascending");
  if (in.decrypting_trustees.size() != in.partial_seqs.size())
    return invalid("decrypting_trustees and partial_seqs differ in length");
  if (in.contests.empty() || in.contests.size() > kMaxContests) return invalid("1 to 4096 contests");
  for (std::size_t i = 1; i < in.chair_decisions.size(); ++i)
    if (in.chair_decisions[i].seq <= in.chair_decisions[i - 1].seq)
      return invalid("the chair's decisions are not in board order");
  if (auto ok = check_people(in); !ok) return ok.error();
  std::map<std::string, std::optional<std::uint32_t>> quota_of_award;
  for (std::size_t i = 0; i < in.contests.size(); ++i) {
    const auto &c = in.contests[i];
    const auto name = contest_name(i);
    if (c.position != i) return invalid(name + ": position " + std::to_string(c.position) + " out of order");
    if (c.kind == ContestKind::commendation) {
      if (!c.nominee || !c.rule) return invalid(name + ": a commendation contest needs its nominee and rule");
      if (c.nominee->rule_id != c.rule->rule_id) return invalid(name + ": the rule is not the nominee's");
      const auto sum = c.counts.agree + c.counts.disagree + c.counts.blank;
      if (sum != t.ballots)
        return invalid(name + ": agree + disagree + blank (" + std::to_string(sum) +
                       ") is not the ballots (" + std::to_string(t.ballots) + ")");
      auto [it, inserted] = quota_of_award.emplace(c.nominee->award, c.award_quota);
      if (!inserted && it->second != c.award_quota)
        return invalid(name + ": two quotas for the award \"" + c.nominee->award + "\"");
    } else {
      if (c.option_labels.empty() || c.counts.option_counts.size() != c.option_labels.size())
        return invalid(name + ": one count per option is needed");
      for (auto n : c.counts.option_counts)
        if (n > t.ballots) return invalid(name + ": an option has more votes than ballots");
    }
  }
  return {};
}

} // namespace

Result<Record> compute_record(const RecordInput &in) {
  if (auto ok = check_input(in); !ok) return ok.error();
  const auto &t = in.turnout;
  Record r;
  r.meeting = in.meeting;
  r.poll = in.poll;
  r.title = in.title;
  r.poll_context = in.poll_context;
  r.tally_context = in.tally_context;
  r.manifest_seq = in.manifest_seq;
  r.tally_seq = in.tally_seq;
  r.attendance_seq = in.attendance_seq;
  r.min_ballots = in.min_ballots;
  r.threshold = in.threshold;
  r.decrypting_trustees = in.decrypting_trustees;
  r.partial_seqs = in.partial_seqs;
  r.turnout = t;
  r.members = in.members;
  r.trustees = in.trustees;
  r.closed_at = in.closed_at;

  for (const auto &c : in.contests) {
    RecordContest out;
    out.position = c.position;
    out.contest_id = c.contest_id;
    out.kind = c.kind;
    if (c.kind == ContestKind::general) {
      out.label = c.label;
      out.option_labels = c.option_labels;
      out.option_counts = c.counts.option_counts;
      r.contests.push_back(std::move(out));
      continue;
    }
    out.nominee = c.nominee;
    out.rule = c.rule;
    out.award_quota = c.award_quota;
    out.agree = c.counts.agree;
    out.disagree = c.counts.disagree;
    out.blank = c.counts.blank;
    out.not_voted = t.members - t.ballots;
    out.denominator = c.rule->denominator == Denominator::all_members ? t.members : participants(t);
    out.agree_basis_points = agree_basis_points(out.agree, t.members);
    out.rule_met = c.rule->passes(out.agree, out.denominator);
    out.quorum_met = c.rule->quorum_met(t.present, t.members); // members in the room
    out.outcome = !out.quorum_met ? ContestOutcome::quorum_not_met
                  : out.rule_met  ? ContestOutcome::passed
                                  : ContestOutcome::not_passed;
    r.contests.push_back(std::move(out));
  }

  // Quotas: the nominees of one award that met the rule are ranked by agree votes (competition
  // ranking: 1, 2, 2, 4); those ranked within the quota pass, a tie across the cut-off is left to the
  // chair (tie_at_quota), the rest do not pass.
  for (auto &c : r.contests) {
    if (c.kind != ContestKind::commendation || c.outcome != ContestOutcome::passed || !c.award_quota)
      continue;
    std::uint64_t above = 0, equal = 0;
    for (const auto &o : r.contests) {
      if (o.kind != ContestKind::commendation || !o.rule_met || !o.quorum_met ||
          o.nominee->award != c.nominee->award)
        continue;
      if (o.agree > c.agree) ++above;
      if (o.agree == c.agree) ++equal;
    }
    c.quota_rank = static_cast<std::uint32_t>(above + 1);
    const std::uint64_t quota = *c.award_quota;
    c.outcome = above + equal <= quota ? ContestOutcome::passed
                : above < quota        ? ContestOutcome::tie_at_quota
                                       : ContestOutcome::not_passed;
  }

  // The chair decides a tie: the nominees he names take the places left, the other tied ones do not.
  for (std::size_t i = 0; i < in.chair_decisions.size(); ++i) {
    const auto &d = in.chair_decisions[i];
    if (auto ok = check_chair_decision(r, d.award, d.nominees); !ok) {
      auto e = ok.error();
      e.check = "chair_decisions[" + std::to_string(i) + "]." + e.check;
      return e;
    }
    for (auto &c : r.contests)
      if (c.outcome == ContestOutcome::tie_at_quota && c.nominee->award == d.award) {
        c.chair_decided = true;
        c.outcome = std::ranges::find(d.nominees, c.nominee->nominee_no) != d.nominees.end()
                        ? ContestOutcome::passed
                        : ContestOutcome::not_passed;
      }
  }
  r.chair_decisions = in.chair_decisions;
  return r;
}

Result<void> check_chair_decision(const Record &draft, std::string_view award,
                                  const std::vector<std::uint32_t> &nominees) {
  auto refuse = [](std::string check, std::string message) {
    return Error{Errc::invalid_argument, std::move(message), {}, std::move(check)};
  };
  const std::string quoted = "award \"" + std::string(award) + "\"";
  std::vector<std::uint32_t> tied;
  std::uint64_t places = 0;
  for (const auto &c : draft.contests)
    if (c.kind == ContestKind::commendation && c.outcome == ContestOutcome::tie_at_quota &&
        c.nominee->award == award) {
      tied.push_back(c.nominee->nominee_no);
      places = std::uint64_t{*c.award_quota} + 1 - *c.quota_rank;
    }
  if (tied.empty()) {
    std::string ties;
    for (const auto &c : draft.contests)
      if (c.kind == ContestKind::commendation && c.outcome == ContestOutcome::tie_at_quota &&
          ties.find("\"" + c.nominee->award + "\"") == std::string::npos)
        ties += (ties.empty() ? "" : ", ") + ("\"" + c.nominee->award + "\"");
    return refuse("award", quoted + " has no tie at its quota to decide in poll " + draft.poll +
                               (ties.empty() ? " (the poll has none)" : " (ties: " + ties + ")"));
  }
  std::string tied_text;
  for (auto n : tied) tied_text += (tied_text.empty() ? "" : ", ") + std::to_string(n);
  const std::string situation = "the tied nominees of " + quoted + " are " + tied_text + ", for " +
                                std::to_string(places) + (places == 1 ? " place" : " places") + " left";
  for (auto n : nominees)
    if (std::ranges::find(tied, n) == tied.end())
      return refuse("nominee", "nominee " + std::to_string(n) + " is not tied at the quota: " + situation);
  if (nominees.size() != places)
    return refuse("places", "the decision names " + std::to_string(nominees.size()) + ", but " + situation);
  return {};
}

// ============================================================================ encoding

namespace {

template <class U> Json uint_array(const std::vector<U> &items) {
  Json a = Json::array();
  for (auto v : items) a.push_back(std::uint64_t{v});
  return a;
}

std::string hex(const ByteArray<32> &b) { return crypto::to_hex(b); }

Json meeting_to_json(const RecordMeeting &m) {
  return Json{{"meeting_id", m.meeting_id},
              {"council", m.council},
              {"session_name", m.session_name},
              {"date", m.date},
              {"place", m.place}};
}

Json turnout_to_json(const RecordTurnout &t) {
  return Json{{"members", t.members},
              {"present", t.present},
              {"remote", t.remote},
              {"absent", t.absent},
              {"unknown", t.unknown},
              {"ballots", t.ballots},
              {"ballots_in_room", t.ballots_in_room},
              {"ballots_remote", t.ballots_remote},
              {"voted", uint_array(t.voted)}};
}

Json contest_to_json(const RecordContest &c) {
  Json o{{"position", c.position}, {"contest_id", c.contest_id}, {"kind", std::string(name(c.kind))}};
  if (c.kind == ContestKind::general) {
    o["label"] = c.label;
    o["option_labels"] = c.option_labels;
    o["option_counts"] = uint_array(c.option_counts);
    return o;
  }
  o["nominee"] = nominee_to_json(*c.nominee);
  o["rule"] = rule_to_json(*c.rule);
  if (c.award_quota) o["award_quota"] = *c.award_quota;
  o["agree"] = c.agree;
  o["disagree"] = c.disagree;
  o["blank"] = c.blank;
  o["not_voted"] = c.not_voted;
  o["denominator"] = c.denominator;
  o["agree_basis_points"] = c.agree_basis_points;
  o["rule_met"] = c.rule_met;
  o["quorum_met"] = c.quorum_met;
  o["outcome"] = std::string(name(c.outcome));
  if (c.quota_rank) o["quota_rank"] = *c.quota_rank;
  if (c.chair_decided) o["chair_decided"] = true;
  return o;
}

Json member_to_json(const RecordMember &m) {
  return Json{{"member_no", m.member_no},
              {"full_name", m.full_name},
              {"council_role", std::string(name(m.council_role))}};
}

RecordMember read_member(Reader &r) {
  RecordMember m;
  m.member_no = r.u32("member_no", 1, static_cast<std::uint32_t>(kMaxMemberNo));
  m.full_name = r.text("full_name", 1, kMaxNameBytes);
  m.council_role = r.enumeration<CouncilRole>("council_role");
  return m;
}

Json trustee_to_json(const RecordTrustee &t) { return Json{{"index", t.index}, {"member_no", t.member_no}}; }

RecordTrustee read_trustee(Reader &r) {
  RecordTrustee t;
  t.index = r.u32("index", 1, 255);
  t.member_no = r.u32("member_no", 1, static_cast<std::uint32_t>(kMaxMemberNo));
  return t;
}

template <class T, class F> Json array_of(const std::vector<T> &items, F to_json) {
  Json a = Json::array();
  for (const auto &x : items) a.push_back(to_json(x));
  return a;
}

Json chair_ref_to_json(const RecordChairDecision &d) {
  return Json{
      {"seq", d.seq}, {"award", d.award}, {"nominees", uint_array(d.nominees)}, {"member_no", d.member_no}};
}

RecordChairDecision read_chair_ref(Reader &r) {
  RecordChairDecision d;
  d.seq = r.integer("seq", 1, kMaxJsonInteger);
  d.award = r.text("award", 1, kMaxNameBytes);
  for (auto v : r.integers("nominees", 1, kMaxContests, 1, kMaxMemberNo))
    d.nominees.push_back(static_cast<std::uint32_t>(v));
  d.member_no = r.u32("member_no", 1, static_cast<std::uint32_t>(kMaxMemberNo));
  return d;
}

RecordMeeting read_meeting(Reader &r) {
  RecordMeeting m;
  m.meeting_id = r.text("meeting_id", 1, kMaxMeetingIdLength);
  m.council = r.text("council", 1, kMaxTextBytes);
  m.session_name = r.text("session_name", 1, kMaxTextBytes);
  m.date = r.text("date", 10, 10);
  m.place = r.text("place", 0, kMaxTextBytes);
  return m;
}

constexpr auto kRows = static_cast<std::uint32_t>(kMaxRosterRows);

RecordTurnout read_turnout(Reader &r) {
  RecordTurnout t;
  t.members = r.u32("members", 1, kRows);
  t.present = r.u32("present", 0, kRows);
  t.remote = r.u32("remote", 0, kRows);
  t.absent = r.u32("absent", 0, kRows);
  t.unknown = r.u32("unknown", 0, kRows);
  t.ballots = r.u32("ballots", 0, kRows);
  t.ballots_in_room = r.u32("ballots_in_room", 0, kRows);
  t.ballots_remote = r.u32("ballots_remote", 0, kRows);
  for (auto v : r.integers("voted", 0, kMaxRosterRows, 1, kMaxMemberNo))
    t.voted.push_back(static_cast<std::uint32_t>(v));
  return t;
}

RecordContest read_contest(Reader &r) {
  RecordContest c;
  c.position = r.u32("position", 0, static_cast<std::uint32_t>(kMaxContests - 1));
  c.contest_id = r.text("contest_id", 1, 256);
  c.kind = r.enumeration<ContestKind>("kind");
  if (!r.ok()) return c;
  if (c.kind == ContestKind::general) {
    c.label = r.text("label", 1, kMaxTextBytes);
    c.option_labels = r.texts("option_labels", 1, 63, kMaxTextBytes);
    c.option_counts = r.integers("option_counts", 1, 63, 0, kMaxRosterRows);
    return c;
  }
  c.nominee = r.nested("nominee", [](Reader &x) { return std::optional<NomineeRow>(read_nominee(x)); });
  c.rule = r.nested("rule", [](Reader &x) { return std::optional<RuleProfile>(read_rule(x)); });
  if (r.has("award_quota")) c.award_quota = r.u32("award_quota", 1, kMaxAwardQuota);
  c.agree = r.integer("agree", 0, kMaxRosterRows);
  c.disagree = r.integer("disagree", 0, kMaxRosterRows);
  c.blank = r.integer("blank", 0, kMaxRosterRows);
  c.not_voted = r.integer("not_voted", 0, kMaxRosterRows);
  c.denominator = r.integer("denominator", 0, kMaxRosterRows);
  c.agree_basis_points = r.u32("agree_basis_points", 0, 10000);
  c.rule_met = r.boolean("rule_met");
  c.quorum_met = r.boolean("quorum_met");
  c.outcome = r.enumeration<ContestOutcome>("outcome");
  if (r.has("quota_rank")) c.quota_rank = r.u32("quota_rank", 1, static_cast<std::uint32_t>(kMaxContests));
  if (r.has("chair_decided")) {
    c.chair_decided = r.boolean("chair_decided");
    if (r.ok() && !c.chair_decided)
      r.fail(field_error(Errc::bad_field, r.path_of("chair_decided"),
                         r.path_of("chair_decided") + ": present only when true"));
  }
  return c;
}

Record read_record(Reader &r) {
  Record x;
  auto format = r.text("format", 1, 64);
  if (r.ok() && format != kRecordFormat) {
    r.fail(field_error(Errc::unsupported_version, r.path_of("format"),
                       r.path_of("format") + ": \"" + format + "\" is not " + std::string(kRecordFormat)));
    return x;
  }
  x.meeting = r.nested("meeting", read_meeting);
  x.poll = r.id("poll", kMaxPollIdLength, "poll id");
  x.title = r.text("title", 1, kMaxTextBytes);
  x.poll_context = r.hex_fixed<32>("poll_context");
  x.tally_context = r.hex_fixed<32>("tally_context");
  x.manifest_seq = r.integer("manifest_seq", 1, kMaxJsonInteger);
  x.tally_seq = r.integer("tally_seq", 1, kMaxJsonInteger);
  x.attendance_seq = r.integer("attendance_seq", 1, kMaxJsonInteger);
  x.min_ballots = r.u32("min_ballots", crypto::kLowestMinBallots, crypto::kMaxMinBallots);
  x.threshold = r.u32("threshold", 1, 255);
  for (auto v : r.integers("decrypting_trustees", 1, 255, 1, 255))
    x.decrypting_trustees.push_back(static_cast<std::uint32_t>(v));
  x.partial_seqs = r.integers("partial_seqs", 1, 255, 1, kMaxJsonInteger);
  x.turnout = r.nested("turnout", read_turnout);
  x.members = r.objects("members", 1, kMaxRosterRows, read_member);
  x.trustees = r.objects("trustees", 1, 255, read_trustee);
  x.contests = r.objects("contests", 1, kMaxContests, read_contest);
  if (r.has("chair_decisions"))
    x.chair_decisions = r.objects("chair_decisions", 1, kMaxContests, read_chair_ref);
  x.closed_at = r.text("closed_at", 24, 24);
  return x;
}

} // namespace

Json nominee_to_json(const NomineeRow &n) {
  return Json{{"nominee_no", n.nominee_no},
              {"kind", std::string(name(n.kind))},
              {"name", n.name},
              {"position", n.position},
              {"unit", n.unit},
              {"award", n.award},
              {"rule_id", n.rule_id}};
}

NomineeRow read_nominee(Reader &r) {
  NomineeRow n;
  n.nominee_no = r.u32("nominee_no", 1, static_cast<std::uint32_t>(kMaxMemberNo));
  n.kind = r.enumeration<NomineeKind>("kind");
  n.name = r.text("name", 1, kMaxTextBytes);
  n.position = r.text("position", 0, kMaxTextBytes);
  n.unit = r.text("unit", 0, kMaxTextBytes);
  n.award = r.text("award", 1, kMaxNameBytes);
  n.rule_id = r.id("rule_id", kMaxRuleIdBytes, "rule id");
  return n;
}

Json fraction_to_json(Fraction f) { return Json{{"num", f.num}, {"den", f.den}}; }

Fraction read_fraction(Reader &r, bool positive) {
  Fraction f;
  f.num = r.u32("num", positive ? 1 : 0, kMaxFractionDen);
  f.den = r.u32("den", 1, kMaxFractionDen);
  if (r.ok() && f.num > f.den)
    r.fail(field_error(Errc::bad_field, r.path_of("num"),
                       r.path_of("num") + ": " + fraction_text(f) + " is more than the whole (num > den)"));
  return f;
}

Json rule_to_json(const RuleProfile &p) {
  return Json{{"rule_id", p.rule_id},
              {"label", p.label},
              {"threshold", fraction_to_json(p.threshold)},
              {"comparison", std::string(name(p.comparison))},
              {"denominator", std::string(name(p.denominator))},
              {"quorum", fraction_to_json(p.quorum)},
              {"source", p.source}};
}

RuleProfile read_rule(Reader &r) {
  RuleProfile p;
  p.rule_id = r.id("rule_id", kMaxRuleIdBytes, "rule id");
  p.label = r.text("label", 1, kMaxTextBytes);
  p.threshold = r.nested("threshold", [](Reader &x) { return read_fraction(x, true); });
  p.comparison = r.enumeration<Comparison>("comparison");
  p.denominator = r.enumeration<Denominator>("denominator");
  p.quorum = r.nested("quorum", [](Reader &x) { return read_fraction(x, false); });
  p.source = r.text("source", 0, kMaxTextBytes);
  return p;
}

std::string encode_record(const Record &r) {
  Json o{{"format", std::string(kRecordFormat)},
         {"meeting", meeting_to_json(r.meeting)},
         {"poll", r.poll},
         {"title", r.title},
         {"poll_context", hex(r.poll_context)},
         {"tally_context", hex(r.tally_context)},
         {"manifest_seq", r.manifest_seq},
         {"tally_seq", r.tally_seq},
         {"attendance_seq", r.attendance_seq},
         {"min_ballots", r.min_ballots},
         {"threshold", r.threshold},
         {"decrypting_trustees", uint_array(r.decrypting_trustees)},
         {"partial_seqs", uint_array(r.partial_seqs)},
         {"turnout", turnout_to_json(r.turnout)},
         {"members", array_of(r.members, member_to_json)},
         {"trustees", array_of(r.trustees, trustee_to_json)},
         {"closed_at", r.closed_at}};
  Json contests = Json::array();
  for (const auto &c : r.contests) contests.push_back(contest_to_json(c));
  o["contests"] = std::move(contests);
  if (!r.chair_decisions.empty()) {
    Json decisions = Json::array();
    for (const auto &d : r.chair_decisions) decisions.push_back(chair_ref_to_json(d));
    o["chair_decisions"] = std::move(decisions);
  }
  return dump_json(o);
}

Result<Record> decode_record(std::string_view text) { return read_json_text(text, "record", read_record); }

RecordInput input_of(const Record &r) {
  RecordInput in;
  in.meeting = r.meeting;
  in.poll = r.poll;
  in.title = r.title;
  in.poll_context = r.poll_context;
  in.tally_context = r.tally_context;
  in.manifest_seq = r.manifest_seq;
  in.tally_seq = r.tally_seq;
  in.attendance_seq = r.attendance_seq;
  in.min_ballots = r.min_ballots;
  in.threshold = r.threshold;
  in.decrypting_trustees = r.decrypting_trustees;
  in.partial_seqs = r.partial_seqs;
  in.turnout = r.turnout;
  in.members = r.members;
  in.trustees = r.trustees;
  in.closed_at = r.closed_at;
  in.chair_decisions = r.chair_decisions;
  for (const auto &c : r.contests) {
    RecordContestInput x;
    x.position = c.position;
    x.contest_id = c.contest_id;
    x.kind = c.kind;
    x.nominee = c.nominee;
    x.rule = c.rule;
    x.award_quota = c.award_quota;
    x.label = c.label;
    x.option_labels = c.option_labels;
    x.counts.agree = c.agree;
    x.counts.disagree = c.disagree;
    x.counts.blank = c.blank;
    x.counts.option_counts = c.option_counts;
    in.contests.push_back(std::move(x));
  }
  return in;
}

const RecordMember *find_member(const Record &r, std::uint32_t member_no) noexcept {
  auto it = std::ranges::lower_bound(r.members, member_no, {}, &RecordMember::member_no);
  return it != r.members.end() && it->member_no == member_no ? &*it : nullptr;
}

const RecordMember *find_chair(const Record &r) noexcept {
  auto it = std::ranges::find(r.members, CouncilRole::chair, &RecordMember::council_role);
  return it != r.members.end() ? &*it : nullptr;
}

Result<void> check_record_chair_decisions(const Record &r) {
  auto in = input_of(r);
  in.chair_decisions.clear();
  auto draft = compute_record(in);
  if (!draft) return check_error("input", draft.error().message);
  for (std::size_t i = 0; i < r.chair_decisions.size(); ++i) {
    const auto &d = r.chair_decisions[i];
    if (auto ok = check_chair_decision(*draft, d.award, d.nominees); !ok)
      return check_error("chair_decisions[" + std::to_string(i) + "]." + ok.error().check,
                         ok.error().message);
    in.chair_decisions.assign(r.chair_decisions.begin(),
                              r.chair_decisions.begin() + static_cast<std::ptrdiff_t>(i + 1));
    draft = compute_record(in);
    if (!draft) return check_error("input", draft.error().message);
  }
  return {};
}

Result<void> verify_record_outcomes(const Record &r) {
  auto fail = [](std::string check, std::string message) { return check_error(std::move(check), message); };
  if (r.decrypting_trustees.size() < r.threshold)
    return fail("decrypting_trustees", "fewer trustees than the threshold decrypted");
  if (r.turnout.ballots < r.min_ballots)
    return fail("min_ballots", "the record counts " + std::to_string(r.turnout.ballots) +
                                   " ballots, fewer than the meeting's minimum of " +
                                   std::to_string(r.min_ballots) + "; such a poll must never be decrypted");
  auto again = compute_record(input_of(r));
  if (!again) {
    if (!again.error().check.empty()) return fail(again.error().check, again.error().message);
    return fail("input", again.error().message);
  }
  for (std::size_t i = 0; i < r.contests.size(); ++i) {
    const auto &got = r.contests[i], &want = again->contests[i];
    const auto name = contest_name(i);
    if (got.not_voted != want.not_voted) return fail(name + ".not_voted", "does not match the turnout");
    if (got.denominator != want.denominator) return fail(name + ".denominator", "does not follow the rule");
    if (got.agree_basis_points != want.agree_basis_points)
      return fail(name + ".agree_basis_points", "is not agree × 10000 / members rounded half up");
    if (got.rule_met != want.rule_met) return fail(name + ".rule_met", "does not follow from the rule");
    if (got.quorum_met != want.quorum_met)
      return fail(name + ".quorum_met", "does not follow from the turnout");
    if (got.quota_rank != want.quota_rank)
      return fail(name + ".quota_rank", "is not the rank by agree votes");
    if (got.chair_decided != want.chair_decided)
      return fail(name + ".chair_decided", want.chair_decided ? "the chair decided this tie"
                                                              : "the chair decided no tie of this contest");
    if (got.outcome != want.outcome)
      return fail(name + ".outcome", std::string("should be ") + std::string(record::name(want.outcome)));
  }
  return {};
}

} // namespace cv::record
