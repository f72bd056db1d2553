#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/client/roles/ballot_file.hpp"
#include "councilvote/client/roles/poll_board.hpp"
#include "roles_common.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

namespace cv::client::roles {

using protocol::BoardEntryKind;

namespace {

using Clock = std::chrono::steady_clock;

std::string entry_name(std::uint64_t seq) { return "board entry " + std::to_string(seq); }

// Runs the checks of one audit into a report.
class Audit {
public:
  Audit(const AuditInput &in, AuditReport &rep) : in_(in), rep_(rep) {}

  void run() {
    check_chain();
    timed("manifest", [&] { check_manifest(); });
    timed("ballots", [&] { check_ballots(); });
    timed("attendance", [&] { check_attendance(); });
    timed("tally", [&] { check_tally(); });
    timed("partial decryptions", [&] { check_partials(); });
    timed("combine", [&] { check_counts(); });
    timed("record", [&] { check_record(); });
  }

private:
  template <class F> void timed(const char *name, F &&f) {
    const auto t0 = Clock::now();
    f();
    rep_.phases.push_back({name, std::chrono::duration<double, std::milli>(Clock::now() - t0).count()});
  }

  // Records a check; returns whether it passed.
  bool result(const std::string &name, bool ok, std::string detail) {
    rep_.checks.push_back({name, ok, false, std::move(detail)});
    return ok;
  }
  bool pass(const std::string &name, std::string detail) { return result(name, true, std::move(detail)); }
  bool fail(const std::string &name, std::string detail) { return result(name, false, std::move(detail)); }
  bool fail(const std::string &name, const protocol::Error &e) { return fail(name, e.message); }
  // Skips `name` unless every one of `needs` passed; returns whether it may run.
  bool needs(const std::string &name, std::initializer_list<std::string_view> deps) {
    for (auto d : deps) {
      const auto *c = rep_.find(d);
      if (!c || !c->ok) {
        rep_.checks.push_back({name, false, true, "not run: needs " + std::string(d)});
        return false;
      }
    }
    return true;
  }

  void check_chain() {
    if (in_.board.empty() || in_.board.front().seq != 1) {
      fail("board.chain", "the board must be given from entry 1");
      return;
    }
    if (auto ok = protocol::verify_board_chain(in_.board, 0, ByteArray<32>{}); !ok) {
      fail("board.chain", ok.error());
      return;
    }
    pass("board.chain", std::to_string(in_.board.size()) + " entries, head " +
                            protocol::lower_hex(in_.board.back().hash).substr(0, 16) + "…");
  }

  void check_manifest() {
    auto def = board_poll_definition(in_.board, in_.poll, &manifest_seq_);
    if (!def) {
      fail("manifest", def.error());
    } else {
      def_ = std::move(*def);
      pass("manifest", entry_name(manifest_seq_) + ": " + std::to_string(def_->manifest.contests.size()) +
                           " contests, " + std::to_string(def_->roster.size()) + " members");
    }
    if (!needs("poll_context", {"manifest"})) return;
    auto ctx = def_->verified_context(in_.meeting);
    if (!ctx) {
      fail("poll_context", ctx.error());
      return;
    }
    auto key = ceremony_public_key(in_.meeting, def_->ceremony);
    if (!key) {
      fail("poll_context", key.error());
      return;
    }
    ctx_ = std::move(*ctx);
    key_ = std::move(*key);
    pass("poll_context", "context " + protocol::lower_hex(ctx_->hash()).substr(0, 16) + "…, joint key " +
                             protocol::lower_hex(key_->joint_key.bytes()).substr(0, 16) + "…, " +
                             std::to_string(key_->threshold) + " of " + std::to_string(key_->n()) +
                             " trustees");
  }

  void check_ballots() {
    const auto entries = poll_entries(in_.board, in_.poll, BoardEntryKind::ballot);
    rep_.ballots = static_cast<std::uint32_t>(entries.size());
    for (const auto *e : entries) {
      rep_.tracking_codes.push_back(tracking_code_of(e->payload));
      rep_.ballot_seqs.push_back(e->seq);
    }
    if (!needs("ballots.verify", {"poll_context"})) {
      (void)needs("ballots.one_per_member", {"ballots.verify"});
      return;
    }
    const crypto::Roster roster{def_->roster};
    const crypto::FastVerifier fast(ctx_->joint_key);
    std::string first_bad;
    std::size_t bad = 0;
    std::map<crypto::SignPublicKey, std::uint64_t> seq_of_member;
    std::string duplicate;
    for (const auto *e : entries) {
      auto b = crypto::decode_ballot(e->payload);
      if (!b) {
        if (bad++ == 0) first_bad = entry_name(e->seq) + ": decode: " + b.error().message;
        continue;
      }
      if (auto v = crypto::verify_ballot(*ctx_, roster, *b, fast); !v) {
        if (bad++ == 0) first_bad = entry_name(e->seq) + ": " + v.error().message;
        continue;
      }
      if (auto [it, fresh] = seq_of_member.emplace(b->member_key, e->seq); !fresh && duplicate.empty())
        duplicate = entry_name(e->seq) + " is a second ballot of the member of " + entry_name(it->second);
      ballots_.ballots.push_back(std::move(*b));
      ballots_.seqs.push_back(e->seq);
    }
    if (bad == 0)
      pass("ballots.verify", std::to_string(entries.size()) + " ballots verified");
    else
      fail("ballots.verify", first_bad + " (" + std::to_string(bad) + " of " +
                                 std::to_string(entries.size()) + " ballots fail)");
    if (duplicate.empty())
      pass("ballots.one_per_member", std::to_string(seq_of_member.size()) + " members voted once each");
    else
      fail("ballots.one_per_member", duplicate);
  }

  void check_attendance() {
    const auto entries = poll_entries(in_.board, in_.poll, BoardEntryKind::attendance);
    if (entries.size() != 1)
      return (void)fail("attendance.entry", "the board has " + std::to_string(entries.size()) +
                                                " attendance entries for the poll (one is frozen at close)");
    const auto *e = entries.front();
    const std::string_view text(reinterpret_cast<const char *>(e->payload.data()), e->payload.size());
    auto parsed = protocol::parse_json_object(text);
    if (!parsed) return (void)fail("attendance.entry", entry_name(e->seq) + ": " + parsed.error().message);
    auto a = protocol::read_body<protocol::FrozenAttendance>(*parsed, "attendance");
    if (!a) return (void)fail("attendance.entry", entry_name(e->seq) + ": " + a.error().message);
    if (auto v = a->validate(); !v)
      return (void)fail("attendance.entry", entry_name(e->seq) + ": " + v.error().message);
    if (a->poll != in_.poll)
      return (void)fail("attendance.entry", entry_name(e->seq) + " is about another poll");
    if (def_ && a->members.size() != def_->roster.size())
      return (void)fail("attendance.entry",
                        entry_name(e->seq) + " lists " + std::to_string(a->members.size()) +
                            " members, the poll's roster has " + std::to_string(def_->roster.size()));
    for (auto s : rep_.ballot_seqs)
      if (s > e->seq)
        return (void)fail("attendance.entry", entry_name(s) + " is a ballot after the attendance was frozen");
    attendance_seq_ = e->seq;
    attendance_ = std::move(*a);
    const auto sum = attendance_->summary();
    pass("attendance.entry", entry_name(attendance_seq_) + ": " + std::to_string(sum.present) + " present, " +
                                 std::to_string(sum.remote) + " remote, " + std::to_string(sum.absent) +
                                 " absent, " + std::to_string(sum.unknown) + " not marked");
  }

  void check_tally() {
    auto t = board_tally(in_.board, in_.poll, &tally_seq_);
    if (!t) {
      fail("tally.entry", t.error());
    } else {
      std::string late;
      for (const auto &s : rep_.ballot_seqs)
        if (s > tally_seq_ && late.empty()) late = entry_name(s) + " is a ballot after the tally";
      if (!late.empty()) {
        fail("tally.entry", late);
      } else {
        tally_entry_ = std::move(*t);
        pass("tally.entry", entry_name(tally_seq_) + ": " + std::to_string(tally_entry_->ballots) +
                                " ballots, " + std::to_string(tally_entry_->totals.size()) + " slots");
      }
    }
    if (attendance_seq_ != 0 && tally_entry_ && tally_seq_ < attendance_seq_)
      fail("tally.entry", entry_name(tally_seq_) + " is a tally made before the attendance was frozen");
    if (needs("tally.min_ballots", {"tally.entry"})) {
      if (auto enough = crypto::check_enough_ballots(tally_entry_->ballots, in_.min_ballots); !enough)
        fail("tally.min_ballots", enough.error().message);
      else
        pass("tally.min_ballots", std::to_string(tally_entry_->ballots) +
                                      " ballots, at least the minimum of " +
                                      std::to_string(std::max(in_.min_ballots, crypto::kLowestMinBallots)));
    }
    if (!needs("tally.matches", {"ballots.verify", "ballots.one_per_member", "tally.entry"})) return;
    auto mine = recompute_tally(*ctx_, ballots_);
    if (!mine) {
      fail("tally.matches", mine.error());
      return;
    }
    if (auto same = compare_tally(*mine, in_.poll, *tally_entry_); !same) {
      fail("tally.matches", same.error());
      return;
    }
    tally_ = std::move(*mine);
    pass("tally.matches", "the sum of the " + std::to_string(tally_->ballots) + " ballots; tally context " +
                              protocol::lower_hex(tally_->context()).substr(0, 16) + "…");
  }

  void check_partials() {
    if (!needs("partials.verify", {"tally.matches"})) {
      (void)needs("partials.threshold", {"tally.matches"});
      return;
    }
    const auto tctx = tally_->context();
    const std::vector<crypto::PartialDecryption> none;
    const crypto::CombineParams params{*key_, tctx, tally_->totals, none};
    std::string first_bad;
    std::size_t bad = 0, total = 0;
    for (const auto *e : poll_entries(in_.board, in_.poll, BoardEntryKind::partial_decryption)) {
      ++total;
      auto note = [&](const std::string &why) {
        if (bad++ == 0) first_bad = entry_name(e->seq) + ": " + why;
      };
      crypto::ByteReader r(e->payload);
      auto p = crypto::decode_partial_decryption(r);
      if (!p) {
        note("decode: " + p.error().message);
        continue;
      }
      if (auto end = r.expect_end("partial decryption"); !end) {
        note("decode: " + end.error().message);
        continue;
      }
      if (auto ok = crypto::verify_partial_decryption(params, *p); !ok) {
        note(ok.error().message);
        continue;
      }
      if (valid_.contains(p->index)) {
        note("a second partial decryption of trustee " + std::to_string(p->index));
        continue;
      }
      valid_seq_[p->index] = e->seq;
      valid_.emplace(p->index, std::move(*p));
    }
    std::string who;
    for (const auto &[i, p] : valid_) who += (who.empty() ? "" : ", ") + std::to_string(i);
    if (bad == 0)
      pass("partials.verify", std::to_string(total) + " partial decryptions verified (trustees " +
                                  (who.empty() ? "none" : who) + ")");
    else
      fail("partials.verify",
           first_bad + " (" + std::to_string(bad) + " of " + std::to_string(total) + " fail)");
    if (valid_.size() >= key_->threshold)
      pass("partials.threshold",
           std::to_string(valid_.size()) + " valid, threshold " + std::to_string(key_->threshold));
    else
      fail("partials.threshold", "only " + std::to_string(valid_.size()) +
                                     " valid partial decryptions, threshold " +
                                     std::to_string(key_->threshold));
  }

  void check_counts() {
    if (!needs("counts.decrypt", {"partials.threshold"})) return;
    std::vector<crypto::PartialDecryption> partials;
    for (const auto &[i, p] : valid_) partials.push_back(p);
    const auto tctx = tally_->context();
    auto points = crypto::combine_partial_decryptions({*key_, tctx, tally_->totals, partials});
    if (!points) {
      fail("counts.decrypt", "combine: " + points.error().message);
      return;
    }
    auto counts = crypto::decode_tally(ctx_->manifest, tally_->ballots, *points);
    if (!counts) {
      fail("counts.decrypt", "decode: " + counts.error().message);
      return;
    }
    rep_.counts = std::move(*counts);
    pass("counts.decrypt", std::to_string(rep_.counts.size()) + " contests decrypted by " +
                               std::to_string(partials.size()) + " trustees");
  }

  void check_record() {
    // result.entry
    const auto results = poll_entries(in_.board, in_.poll, BoardEntryKind::result);
    const std::string_view record = in_.record;
    if (results.size() != 1) {
      fail("result.entry",
           "the board has " + std::to_string(results.size()) + " result entries for the poll");
    } else {
      result_seq_ = results.front()->seq;
      result_hash_ = results.front()->hash;
      const std::string_view payload(reinterpret_cast<const char *>(results.front()->payload.data()),
                                     results.front()->payload.size());
      if (payload != record)
        fail("result.entry", entry_name(result_seq_) + " is not the record's text");
      else
        pass("result.entry",
             entry_name(result_seq_) + " holds the record (" + std::to_string(record.size()) + " bytes)");
    }
    check_statement();

    // record.parse
    auto r = protocol::decode_record(record);
    if (!r) {
      fail("record.parse", r.error());
    } else {
      rep_.record = std::move(*r);
      pass("record.parse", std::to_string(rep_.record->contests.size()) + " contests");
    }
    check_binding();
    check_record_counts();
    check_turnout();
    if (needs("record.min_ballots", {"record.parse"})) {
      const auto &rec = *rep_.record;
      if (rec.min_ballots != in_.min_ballots)
        fail("record.min_ballots", "the record's minimum is " + std::to_string(rec.min_ballots) +
                                       ", the bundle's is " + std::to_string(in_.min_ballots));
      else if (auto enough = crypto::check_enough_ballots(rec.turnout.ballots, rec.min_ballots); !enough)
        fail("record.min_ballots", enough.error().message);
      else
        pass("record.min_ballots",
             std::to_string(rec.turnout.ballots) + " ballots, minimum " + std::to_string(rec.min_ballots));
    }
    if (needs("record.outcomes", {"record.parse"})) {
      if (auto ok = protocol::verify_record_outcomes(*rep_.record); !ok)
        fail("record.outcomes", ok.error());
      else
        pass("record.outcomes", "every outcome, percentage and rank follows from the counts and rules");
    }
  }

  void check_statement() {
    if (!in_.statement) {
      rep_.checks.push_back({"record.statement", false, true, "not run: no record statement given"});
      return;
    }
    const auto &s = *in_.statement;
    if (s.record_digest != protocol::record_digest(in_.record))
      return (void)fail("record.statement", "the statement's digest is not the record's");
    if (s.meeting != in_.meeting || s.poll != in_.poll)
      return (void)fail("record.statement", "the statement is about another meeting or poll");
    if (s.board_seq != result_seq_ || s.board_head != result_hash_)
      return (void)fail("record.statement", "the statement names " + entry_name(s.board_seq) +
                                                ", which is not the poll's result entry with that hash");
    std::string detail =
        "digest " + protocol::lower_hex(s.record_digest).substr(0, 16) + "…, " + entry_name(s.board_seq);
    if (in_.server_key) {
      if (auto ok = protocol::verify_record_statement(s, *in_.server_key); !ok)
        return (void)fail("record.statement", ok.error());
      detail += ", signed by the server key";
    } else {
      detail += " (signature not checked: no server key)";
    }
    pass("record.statement", detail);
  }

  void check_binding() {
    if (!needs("record.binding",
               {"record.parse", "manifest", "attendance.entry", "tally.matches", "partials.threshold"}))
      return;
    const auto &r = *rep_.record;
    auto bad = [&](const std::string &m) { return (void)fail("record.binding", m); };
    if (r.meeting.meeting_id != in_.meeting.str())
      return bad("the record is for meeting " + r.meeting.meeting_id);
    if (r.poll != in_.poll.str()) return bad("the record is for poll " + r.poll);
    if (r.title != def_->title) return bad("the record's title is not the poll's");
    if (r.poll_context != def_->context_hash) return bad("poll_context is not the poll's context hash");
    if (r.manifest_seq != manifest_seq_) return bad("manifest_seq is not the manifest entry");
    if (r.tally_seq != tally_seq_) return bad("tally_seq is not the tally entry");
    if (r.attendance_seq != attendance_seq_) return bad("attendance_seq is not the poll's attendance entry");
    if (r.tally_context != tally_->context()) return bad("tally_context is not the tally's");
    if (r.threshold != key_->threshold) return bad("threshold is not the ceremony's");
    if (r.decrypting_trustees.size() != r.partial_seqs.size() || r.decrypting_trustees.size() < r.threshold)
      return bad("decrypting_trustees and partial_seqs do not fit");
    for (std::size_t i = 0; i < r.decrypting_trustees.size(); ++i) {
      const auto t = r.decrypting_trustees[i];
      if (i > 0 && t <= r.decrypting_trustees[i - 1]) return bad("decrypting_trustees is not ascending");
      auto it = valid_seq_.find(t);
      if (it == valid_seq_.end())
        return bad("trustee " + std::to_string(t) + " has no valid partial decryption on the board");
      if (it->second != r.partial_seqs[i])
        return bad("partial_seqs[" + std::to_string(i) + "] is not trustee " + std::to_string(t) +
                   "'s entry");
    }
    const auto &m = def_->manifest;
    if (r.contests.size() != m.contests.size())
      return bad("the record does not have one contest per manifest contest");
    for (std::size_t i = 0; i < m.contests.size(); ++i) {
      const auto &c = r.contests[i];
      const auto name = "contest[" + std::to_string(i) + "]";
      if (c.position != i || c.contest_id != m.contests[i].id || c.kind != m.contests[i].kind)
        return bad(name + " is not the manifest's contest " + m.contests[i].id);
      const auto &d = def_->display[i];
      if (c.kind == crypto::ContestKind::commendation && !(c.nominee == d.nominee))
        return bad(name + ": the nominee is not the one the poll showed");
      if (c.kind == crypto::ContestKind::general &&
          (c.label != d.label || c.option_labels != d.option_labels))
        return bad(name + ": the question is not the one the poll showed");
    }
    pass("record.binding", "meeting, poll, contexts, entries " + std::to_string(manifest_seq_) + "/" +
                               std::to_string(tally_seq_) + ", trustees and contests are the board's");
  }

  void check_record_counts() {
    if (!needs("record.counts", {"record.parse", "counts.decrypt"})) return;
    const auto &r = *rep_.record;
    if (r.turnout.ballots != tally_->ballots)
      return (void)fail("record.counts", "turnout.ballots is " + std::to_string(r.turnout.ballots) +
                                             ", the board has " + std::to_string(tally_->ballots));
    if (r.contests.size() != rep_.counts.size())
      return (void)fail("record.counts", "the record does not have one contest per decrypted contest");
    for (std::size_t i = 0; i < rep_.counts.size(); ++i) {
      const auto &c = r.contests[i];
      const auto &d = rep_.counts[i];
      const auto name = "contest[" + std::to_string(i) + "] (\"" + c.contest_id + "\")";
      if (c.kind == crypto::ContestKind::commendation &&
          (c.agree != d.agree || c.disagree != d.disagree || c.blank != d.blank))
        return (void)fail("record.counts", name + ": the record says " + std::to_string(c.agree) + "/" +
                                               std::to_string(c.disagree) + "/" + std::to_string(c.blank) +
                                               " (agree/disagree/blank), the decryption gives " +
                                               std::to_string(d.agree) + "/" + std::to_string(d.disagree) +
                                               "/" + std::to_string(d.blank));
      if (c.kind == crypto::ContestKind::general && c.option_counts != d.option_counts)
        return (void)fail("record.counts", name + ": the option counts are not the decrypted ones");
    }
    pass("record.counts", "every contest's counts are the decrypted ones");
  }

  void check_turnout() {
    if (!needs("record.turnout", {"record.parse", "manifest", "attendance.entry"})) return;
    const auto &t = rep_.record->turnout;
    auto bad = [&](const std::string &m) { return (void)fail("record.turnout", m); };
    const auto frozen = attendance_->summary();
    if (t.present != frozen.present || t.remote != frozen.remote || t.absent != frozen.absent ||
        t.unknown != frozen.unknown)
      return bad("the attendance (" + std::to_string(t.present) + " present, " + std::to_string(t.remote) +
                 " remote, " + std::to_string(t.absent) + " absent) is not the one frozen at close in " +
                 entry_name(attendance_seq_) + " (" + std::to_string(frozen.present) + " present, " +
                 std::to_string(frozen.remote) + " remote, " + std::to_string(frozen.absent) + " absent)");
    if (t.members != def_->roster.size()) return bad("members is not the size of the poll's roster");
    if (std::uint64_t{t.present} + t.remote + t.absent + t.unknown != t.members)
      return bad("present + remote + absent + unknown is not the number of members");
    if (t.ballots != rep_.ballots) return bad("ballots is not the number of ballot entries");
    if (std::uint64_t{t.ballots_in_room} + t.ballots_remote != t.ballots)
      return bad("ballots in the room + remote ballots is not the number of ballots");
    if (t.voted.size() != t.ballots) return bad("the list of voters does not match the ballots");
    const std::set<std::uint32_t> voters(t.voted.begin(), t.voted.end());
    if (voters.size() != t.voted.size()) return bad("a voter is listed twice");
    pass("record.turnout", std::to_string(t.ballots) + " of " + std::to_string(t.members) +
                               " members voted (" + std::to_string(t.ballots_in_room) + " in the room, " +
                               std::to_string(t.ballots_remote) + " remotely)");
  }

  const AuditInput &in_;
  AuditReport &rep_;
  std::optional<protocol::PollDefinition> def_;
  std::uint64_t manifest_seq_ = 0, tally_seq_ = 0, result_seq_ = 0, attendance_seq_ = 0;
  std::optional<protocol::FrozenAttendance> attendance_;
  ByteArray<32> result_hash_{};
  std::optional<crypto::PollContext> ctx_;
  std::optional<crypto::ThresholdPublicKey> key_;
  PollBallots ballots_;
  std::optional<protocol::TallyInfo> tally_entry_;
  std::optional<crypto::EncryptedTally> tally_;
  std::map<std::uint32_t, crypto::PartialDecryption> valid_;
  std::map<std::uint32_t, std::uint64_t> valid_seq_;
};

} // namespace

bool AuditReport::ok() const noexcept {
  if (checks.empty()) return false;
  for (const auto &c : checks)
    if (!c.ok) return false;
  return true;
}

const AuditCheck *AuditReport::first_failure() const noexcept {
  for (const auto &c : checks)
    if (!c.ok && !c.skipped) return &c;
  return nullptr;
}

const AuditCheck *AuditReport::find(std::string_view name) const noexcept {
  for (const auto &c : checks)
    if (c.name == name) return &c;
  return nullptr;
}

std::optional<std::uint64_t> AuditReport::find_tracking_code(const ByteArray<32> &code) const {
  for (std::size_t i = 0; i < tracking_codes.size(); ++i)
    if (tracking_codes[i] == code) return ballot_seqs[i];
  return std::nullopt;
}

std::string AuditReport::to_text() const {
  std::string out;
  std::size_t width = 0;
  for (const auto &c : checks) width = std::max(width, c.name.size());
  for (const auto &c : checks) {
    out += c.ok ? "PASS  " : c.skipped ? "SKIP  " : "FAIL  ";
    out += c.name + std::string(width - c.name.size() + 2, ' ') + c.detail + "\n";
  }
  for (const auto &p : phases) {
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.1f ms", p.ms);
    out += "time  " + p.name + ": " + ms + "\n";
  }
  return out;
}

AuditReport audit_poll(const AuditInput &in) {
  AuditReport rep;
  rep.poll = in.poll;
  try {
    Audit(in, rep).run();
  } catch (...) {
    rep.checks.push_back({"internal", false, false, "out of memory during the audit"});
  }
  return rep;
}

} // namespace cv::client::roles
