#include "councilvote/record/verify.hpp"

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/disjunctive.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/record/verify_chair.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace cv::record {

namespace {

// Gives the memory a batch of ballots freed back to the system. glibc keeps freed memory of large,
// varying blocks (a ballot's line and bytes: about 1 MiB at 1000 contests) in its heaps and arenas
// once its mmap threshold has risen, so without this the verifier's resident memory grew with the
// number of ballots (40 MiB after 60 ballots of 1000 contests, 93 MiB after 460) although its heap
// did not (massif: about 30 MiB throughout).
void release_freed_memory() {
#if defined(__GLIBC__)
  (void)malloc_trim(0);
#endif
}

using Clock = std::chrono::steady_clock;
using crypto::ByteArray;

const std::vector<std::string_view> kCheckNames = {"file.header",         "bundle.signature",
                                                   "board.chain",         "board.complete",
                                                   "ceremony.transcript", "manifest",
                                                   "poll_context",        "roster.members",
                                                   "ballots.verify",      "ballots.one_per_member",
                                                   "attendance.entry",    "tally.entry",
                                                   "tally.min_ballots",   "tally.matches",
                                                   "partials.verify",     "partials.threshold",
                                                   "counts.decrypt",      "result.entry",
                                                   "record.statement",    "record.parse",
                                                   "record.binding",      "record.counts",
                                                   "record.turnout",      "record.min_ballots",
                                                   "record.outcomes",     "record.chair_decisions",
                                                   "tracking_code"};

std::string entry_name(std::uint64_t seq) { return "board entry " + std::to_string(seq); }
std::string short_hex(crypto::ByteView b) { return crypto::to_hex(b).substr(0, 16) + "…"; }
std::string text_of(const BoardEntry &e) {
  return std::string(reinterpret_cast<const char *>(e.payload.data()), e.payload.size());
}

class Verifier {
public:
  Verifier(const VerifyOptions &opt, VerifyReport &rep) : opt_(opt), rep_(rep) {}

  void run(RecordFileReader &reader) {
    read_file(reader);
    finish_checks();
  }

private:
  // ------------------------------------------------------------------------------------ reporting
  bool result(const std::string &name, bool ok, std::string detail) {
    rep_.checks.push_back({name, ok, false, std::move(detail)});
    return ok;
  }
  bool pass(const std::string &name, std::string detail) { return result(name, true, std::move(detail)); }
  bool fail(const std::string &name, std::string detail) { return result(name, false, std::move(detail)); }
  [[nodiscard]] bool passed(std::string_view name) const {
    const auto *c = rep_.find(name);
    return c && c->ok;
  }
  bool needs(const std::string &name, std::initializer_list<std::string_view> deps) {
    for (auto d : deps)
      if (!passed(d)) {
        rep_.checks.push_back({name, false, true, "not run: needs " + std::string(d)});
        return false;
      }
    return true;
  }
  // The first problem of a check found while streaming (the check is reported at the end).
  struct Finding {
    std::string first;
    std::size_t count = 0;
    void note(std::string what) {
      if (count++ == 0) first = std::move(what);
    }
  };

  // ------------------------------------------------------------------------------------ reading
  void read_file(RecordFileReader &in) {
    auto first = in.next();
    if (!first || !*first)
      return (void)fail("file.header", first ? "the file is empty" : first.error().message);
    auto h = read_header_line(**first);
    if (!h) return (void)fail("file.header", "line 1: " + h.error().message);
    rep_.header = std::move(*h);
    const auto &hd = *rep_.header;
    pass("file.header", "poll " + hd.poll + ", " + std::to_string(hd.entries) + " board entries, " +
                            std::to_string(hd.ballots) + " ballots");
    check_bundle();
    for (const auto &m : hd.roster) member_of_key_[m.key] = m.member_no;

    auto last_report = Clock::now();
    for (;;) {
      auto line = in.next();
      if (!line) {
        read_error_ = line.error().message;
        break;
      }
      if (!*line) break;
      if (opt_.progress && Clock::now() - last_report > std::chrono::milliseconds(250)) {
        last_report = Clock::now();
        opt_.progress({in.line_number(), in.bytes_read(), in.size(), ballots_seen_, hd.ballots});
      }
      const std::string &text = **line;
      if (text.rfind("{\"statement\"", 0) == 0) {
        auto s = read_statement_line(text);
        if (!s)
          statement_error_ = "line " + std::to_string(in.line_number()) + ": " + s.error().message;
        else
          statement_ = std::move(*s);
        auto more = in.next();
        if (!more)
          read_error_ = more.error().message;
        else if (*more)
          read_error_ = "line " + std::to_string(in.line_number()) + ": a line after the record statement";
        break;
      }
      auto e = read_entry_line(text);
      if (!e) {
        chain_.note("line " + std::to_string(in.line_number()) + ": " + e.error().message);
        read_error_ = chain_.first;
        break;
      }
      on_entry(*e);
    }
    if (ctx_) flush_ballots();
    if (read_error_.empty()) {
      rep_.read_whole_file = true;
      rep_.fingerprint = in.fingerprint();
    }
  }

  void check_bundle() {
    const auto &b = rep_.header->bundle;
    rep_.bundle_code = bundle_code(b);
    if (!verify_bundle(b))
      return (void)fail("bundle.signature", "the enrollment bundle's signature does not verify");
    if (opt_.server_key && *opt_.server_key != b.server_key)
      return (void)fail("bundle.signature", "the bundle's server key " + short_hex(b.server_key) +
                                                " is not the key given with --server-key");
    pass("bundle.signature", "meeting " + b.meeting + ", server key " + short_hex(b.server_key) +
                                 ", bundle code " + rep_.bundle_code +
                                 (opt_.server_key ? " (the pinned key)" : ""));
  }

  // ------------------------------------------------------------------------------------ one entry
  void on_entry(const BoardEntry &e) {
    ++entries_;
    if (e.seq != entries_) {
      chain_.note(entry_name(e.seq) + " where " + entry_name(entries_) + " was expected");
    } else if (e.prev != prev_) {
      chain_.note(entry_name(e.seq) + ": prev is not the hash of the entry before it");
    } else if (board_entry_hash(e) != e.hash) {
      chain_.note(entry_name(e.seq) + ": the hash does not match the entry (it was altered)");
    }
    prev_ = e.hash;
    last_seq_ = e.seq;
    last_hash_ = e.hash;
    const auto &poll = rep_.header->poll;
    if (e.kind == BoardKind::commitments && e.poll_id.empty()) board_commitments_.push_back(e.payload);
    if (e.poll_id != poll) return;
    // The attendance is frozen by close_poll: a ballot after it was cast after the close (one after
    // the tally is ballots.verify's).
    if (e.kind == BoardKind::ballot && attendance_seq_ != 0 && tally_seq_ == 0)
      attendance_fault_.note(entry_name(attendance_seq_) + " is not after the last ballot (" +
                             entry_name(e.seq) + " is a ballot of the poll)");
    if (e.kind != BoardKind::ballot) flush_ballots();
    switch (e.kind) {
    case BoardKind::manifest:
      return on_manifest(e);
    case BoardKind::ballot:
      return on_ballot(e);
    case BoardKind::attendance:
      return on_attendance(e);
    case BoardKind::tally:
      return on_tally(e);
    case BoardKind::partial_decryption:
      return on_partial(e);
    case BoardKind::result:
      return on_result(e);
    case BoardKind::chair_decision:
      return chair_entries_.push_back({e.seq, text_of(e)});
    case BoardKind::commitments:
    case BoardKind::share:
    case BoardKind::complaint:
      return;
    }
  }

  void on_manifest(const BoardEntry &e) {
    if (manifest_seq_ != 0)
      return (void)manifest_.note(entry_name(e.seq) + " is a second manifest of the poll");
    manifest_seq_ = e.seq;
    auto d = read_poll_definition(text_of(e));
    if (!d) return (void)manifest_.note(entry_name(e.seq) + ": " + d.error().message);
    def_ = std::move(*d);
    if (def_->poll != rep_.header->poll)
      return (void)manifest_.note(entry_name(e.seq) + " defines poll " + def_->poll + ", not " +
                                  rep_.header->poll);
    auto ctx = verified_context(*def_, rep_.header->bundle.meeting);
    if (!ctx) return (void)context_.note(entry_name(e.seq) + ": " + ctx.error().message);
    auto key = ceremony_public_key(rep_.header->bundle.meeting, def_->ceremony);
    if (!key) return (void)context_.note(entry_name(e.seq) + ": " + key.error().message);
    ctx_ = std::move(*ctx);
    key_ = std::move(*key);
    fast_.emplace(ctx_->joint_key);
    roster_ = crypto::Roster{def_->roster};
    running_.poll_context = ctx_->hash();
    const auto slots = crypto::tally_slot_count(ctx_->manifest);
    running_.totals.assign(slots, crypto::Ciphertext{});
    sums_.emplace(slots);
    // About 4096 proofs per batch of ballots: fast, and memory bounded by the batch, not the poll.
    batch_ballots_ = std::max<std::size_t>(2, 4096 / std::max<std::size_t>(1, slots));
  }

  std::string ballot_place(const BoardEntry &e, const crypto::SignPublicKey *key,
                           std::uint32_t number) const {
    std::string s = "ballot " + std::to_string(number) + " (" + entry_name(e.seq);
    if (key)
      if (auto it = member_of_key_.find(*key); it != member_of_key_.end())
        s += ", member " + std::to_string(it->second);
    return s + ")";
  }

  void on_ballot(const BoardEntry &e) {
    ++ballots_seen_;
    last_ballot_seq_ = e.seq;
    if (opt_.tracking_code) {
      const auto code = crypto::tracking_code_of(e.payload);
      if (*opt_.tracking_code == crypto::to_hex(code) ||
          *opt_.tracking_code == crypto::short_tracking_code(code))
        rep_.tracking_seq = e.seq;
    }
    if (tally_seq_ != 0) ballots_.note(ballot_place(e, nullptr, ballots_seen_) + " comes after the tally");
    if (!ctx_)
      return (void)ballots_.note(ballot_place(e, nullptr, ballots_seen_) +
                                 ": no verified manifest before it");
    // Decoded (every point once), verified and counted by flush_ballots, on every core.
    pending_.push_back(e.payload);
    pending_seq_.push_back(e.seq);
    pending_no_.push_back(ballots_seen_);
    if (pending_.size() >= batch_ballots_) flush_ballots();
  }

  // Decodes and verifies the pending ballots together (batched proofs on every core), each valid one
  // added to the sums; then notes the failures and the voters in order: the ballots that do not
  // decode first (as when they were decoded while reading), then those that fail a check.
  void flush_ballots() {
    if (pending_.empty()) return;
    const std::vector<crypto::ByteView> wires(pending_.begin(), pending_.end());
    const auto results = crypto::verify_wire_ballots(*ctx_, roster_, wires, *fast_, *sums_, 0);
    sums_changed_ = true;
    for (std::size_t i = 0; i < pending_.size(); ++i)
      if (!results[i].member_key) {
        BoardEntry where;
        where.seq = pending_seq_[i];
        ballots_.note(ballot_place(where, nullptr, pending_no_[i]) +
                      ": decode: " + results[i].verdict.error().message);
      }
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      if (!results[i].member_key) continue;
      const auto &key = *results[i].member_key;
      BoardEntry where;
      where.seq = pending_seq_[i];
      if (!results[i].verdict) {
        ballots_.note(ballot_place(where, &key, pending_no_[i]) + ": " + results[i].verdict.error().message);
        continue;
      }
      if (auto [it, fresh] = voter_seq_.emplace(key, where.seq); !fresh)
        duplicates_.note(ballot_place(where, &key, pending_no_[i]) + " is a second ballot of the member of " +
                         entry_name(it->second));
    }
    pending_.clear();
    pending_seq_.clear();
    pending_no_.clear();
    release_freed_memory();
  }

  void on_attendance(const BoardEntry &e) {
    if (attendance_seq_ != 0)
      return (void)attendance_fault_.note(entry_name(e.seq) + " is a second attendance entry of the poll");
    attendance_seq_ = e.seq;
    auto a = read_frozen_attendance(text_of(e));
    if (!a) return (void)attendance_fault_.note(entry_name(e.seq) + ": " + a.error().message);
    if (a->poll != rep_.header->poll)
      return (void)attendance_fault_.note(entry_name(e.seq) + " is about another poll");
    if (last_ballot_seq_ > e.seq || tally_seq_ != 0)
      return (void)attendance_fault_.note(entry_name(e.seq) +
                                          " is not after the last ballot and before the tally");
    attendance_ = std::move(*a);
    rep_.attendance = attendance_;
  }

  void on_tally(const BoardEntry &e) {
    if (tally_seq_ != 0) return (void)tally_.note(entry_name(e.seq) + " is a second tally of the poll");
    tally_seq_ = e.seq;
    auto t = read_tally_info(text_of(e));
    if (!t) return (void)tally_.note(entry_name(e.seq) + ": " + t.error().message);
    if (attendance_seq_ == 0)
      return (void)tally_.note(entry_name(e.seq) + " is a tally made before the attendance was frozen");
    tally_entry_ = std::move(*t);
  }

  void on_partial(const BoardEntry &e) {
    ++partials_seen_;
    if (!key_ || !tally_entry_ || !tally_matches())
      return (void)partials_.note(entry_name(e.seq) + ": no verified tally before it");
    crypto::ByteReader r(e.payload);
    auto p = crypto::decode_partial_decryption(r);
    if (!p) return (void)partials_.note(entry_name(e.seq) + ": decode: " + p.error().message);
    if (auto end = r.expect_end("partial decryption"); !end)
      return (void)partials_.note(entry_name(e.seq) + ": decode: " + end.error().message);
    const std::vector<crypto::PartialDecryption> none;
    const crypto::CombineParams params{*key_, running().context(), running().totals, none};
    if (auto ok = crypto::verify_partial_decryption(params, *p); !ok)
      return (void)partials_.note(entry_name(e.seq) + " (trustee " + std::to_string(p->index) +
                                  "): " + ok.error().message);
    if (!verified_against_)
      verified_against_.emplace(params.context, running().totals);
    else if (verified_against_->first != params.context || verified_against_->second != running().totals)
      verified_same_ = false;
    if (valid_.contains(p->index))
      return (void)partials_.note(entry_name(e.seq) + " is a second partial decryption of trustee " +
                                  std::to_string(p->index));
    valid_seq_[p->index] = e.seq;
    valid_.emplace(p->index, std::move(*p));
  }

  void on_result(const BoardEntry &e) {
    if (result_seq_ != 0) return (void)result_.note(entry_name(e.seq) + " is a second result of the poll");
    result_seq_ = e.seq;
    result_hash_ = e.hash;
    record_text_ = text_of(e);
  }

  // The sums of the valid ballots, encoded when first needed after ballots were added.
  const crypto::EncryptedTally &running() {
    if (sums_changed_ && sums_) {
      running_.totals = sums_->totals();
      running_.ballots = sums_->ballots();
      sums_changed_ = false;
    }
    return running_;
  }

  // The tally entry is the sum of the ballots (computed once).
  bool tally_matches() {
    if (tally_compared_) return tally_same_;
    tally_compared_ = true;
    const auto &t = *tally_entry_;
    auto differ = [&](std::string what) {
      tally_diff_ = std::move(what);
      return tally_same_ = false;
    };
    if (t.poll != rep_.header->poll) return differ("the tally is about poll " + t.poll);
    if (t.poll_context != running().poll_context) return differ("the tally's poll_context is not the poll's");
    if (t.ballots != running().ballots)
      return differ("the tally counts " + std::to_string(t.ballots) + " ballots, the board has " +
                    std::to_string(running().ballots) + " valid ones");
    if (t.totals.size() != running().totals.size()) return differ("the tally has another number of slots");
    for (std::size_t i = 0; i < t.totals.size(); ++i)
      if (!(t.totals[i] == running().totals[i]))
        return differ("totals[" + std::to_string(i) + "] is not the sum of the ballots' slot " +
                      std::to_string(i));
    return tally_same_ = true;
  }

  // ------------------------------------------------------------------------------------ the checks
  void finish_checks() {
    if (!rep_.header) return;
    const auto &hd = *rep_.header;
    rep_.ballots = ballots_seen_;
    // board.chain, board.complete
    if (chain_.count == 0 && read_error_.empty())
      pass("board.chain", std::to_string(entries_) + " entries from seq 1, head " + short_hex(last_hash_));
    else
      fail("board.chain", chain_.count ? chain_.first : read_error_);
    if (!read_error_.empty() && chain_.count == 0)
      fail("board.complete", read_error_);
    else if (!statement_ && statement_error_.empty())
      fail("board.complete", "the file ends without the record statement");
    else if (entries_ != hd.entries)
      fail("board.complete", "the header announces " + std::to_string(hd.entries) +
                                 " entries, the file has " + std::to_string(entries_));
    else if (hd.ballots != ballots_seen_)
      fail("board.complete", "the header announces " + std::to_string(hd.ballots) +
                                 " ballots, the file has " + std::to_string(ballots_seen_));
    else
      pass("board.complete", std::to_string(entries_) + " entries, the last is " + entry_name(last_seq_));

    check_ceremony();
    // manifest, poll_context
    if (manifest_seq_ == 0)
      fail("manifest", "the board has no manifest for poll " + hd.poll);
    else if (manifest_.count)
      fail("manifest", manifest_.first);
    else
      pass("manifest", entry_name(manifest_seq_) + ": " + std::to_string(def_->manifest.contests.size()) +
                           " contests, " + std::to_string(def_->roster.size()) + " members");
    if (needs("poll_context", {"manifest"})) {
      if (context_.count)
        fail("poll_context", context_.first);
      else
        pass("poll_context", "context " + short_hex(ctx_->hash()) + ", joint key " +
                                 short_hex(ctx_->joint_key.bytes()) + ", " + std::to_string(key_->threshold) +
                                 " of " + std::to_string(key_->n()) + " trustees");
    }
    check_attendance();
    check_roster();
    // ballots
    if (needs("ballots.verify", {"poll_context"})) {
      if (ballots_.count)
        fail("ballots.verify", ballots_.first + " (" + std::to_string(ballots_.count) + " of " +
                                   std::to_string(ballots_seen_) + " ballots fail)");
      else
        pass("ballots.verify",
             std::to_string(ballots_seen_) + " ballots: signatures, eligibility and every proof");
      if (duplicates_.count)
        fail("ballots.one_per_member", duplicates_.first);
      else
        pass("ballots.one_per_member", std::to_string(voter_seq_.size()) + " members voted once each");
    } else {
      (void)needs("ballots.one_per_member", {"ballots.verify"});
    }
    check_tally();
    check_partials();
    check_counts();
    check_result();
    check_statement();
    check_record();
    if (opt_.tracking_code) {
      if (rep_.tracking_seq)
        pass("tracking_code", "the ballot " + *opt_.tracking_code + " is " + entry_name(*rep_.tracking_seq) +
                                  ", counted in the tally");
      else
        fail("tracking_code",
             "no ballot of poll " + hd.poll + " has the tracking code " + *opt_.tracking_code);
    }
  }

  void check_ceremony() {
    if (!def_) return (void)needs("ceremony.transcript", {"manifest"});
    const auto &mine = def_->ceremony.commitments;
    for (std::size_t i = 0; i < mine.size(); ++i)
      if (std::find(board_commitments_.begin(), board_commitments_.end(), mine[i]) ==
          board_commitments_.end())
        return (void)fail("ceremony.transcript",
                          "the manifest's commitments of trustee " + std::to_string(i + 1) +
                              " are not a commitments entry of the board's key ceremony");
    if (mine.size() != def_->ceremony.trustees.size())
      return (void)fail("ceremony.transcript",
                        "the manifest does not hold one commitments message per trustee");
    pass("ceremony.transcript",
         std::to_string(mine.size()) + " trustees' commitments are the board's key ceremony");
  }

  void check_attendance() {
    if (attendance_seq_ == 0)
      return (void)fail("attendance.entry", "the board has no attendance entry for the poll");
    if (attendance_fault_.count) return (void)fail("attendance.entry", attendance_fault_.first);
    if (def_ && attendance_->members.size() != def_->roster.size())
      return (void)fail("attendance.entry", entry_name(attendance_seq_) + " lists " +
                                                std::to_string(attendance_->members.size()) +
                                                " members, the poll's roster has " +
                                                std::to_string(def_->roster.size()));
    const auto c = attendance_->counts();
    pass("attendance.entry", entry_name(attendance_seq_) + ": " + std::to_string(c.present) + " present, " +
                                 std::to_string(c.remote) + " remote, " + std::to_string(c.absent) +
                                 " absent, " + std::to_string(c.unknown) + " not marked");
  }

  void check_roster() {
    if (!needs("roster.members", {"manifest", "attendance.entry"})) return;
    const auto &rows = rep_.header->roster;
    if (rows.size() != def_->roster.size())
      return (void)fail("roster.members", "the header lists " + std::to_string(rows.size()) +
                                              " members, the poll's roster has " +
                                              std::to_string(def_->roster.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].key != def_->roster[i])
        return (void)fail("roster.members", "member " + std::to_string(rows[i].member_no) +
                                                ": the key is not the one on the poll's roster");
      if (rows[i].member_no != attendance_->members[i].member_no)
        return (void)fail("roster.members", "roster row " + std::to_string(i + 1) + " is member " +
                                                std::to_string(rows[i].member_no) + ", the attendance says " +
                                                std::to_string(attendance_->members[i].member_no));
    }
    pass("roster.members", std::to_string(rows.size()) + " members: numbers and keys are the board's");
  }

  void check_tally() {
    if (tally_seq_ == 0)
      fail("tally.entry", "the board has no tally for the poll");
    else if (tally_.count)
      fail("tally.entry", tally_.first);
    else
      pass("tally.entry", entry_name(tally_seq_) + ": " + std::to_string(tally_entry_->ballots) +
                              " ballots, " + std::to_string(tally_entry_->totals.size()) + " slots");
    if (needs("tally.min_ballots", {"tally.entry", "file.header"})) {
      const auto min = rep_.header->bundle.min_ballots;
      if (auto enough = crypto::check_enough_ballots(tally_entry_->ballots, min); !enough)
        fail("tally.min_ballots", enough.error().message);
      else
        pass("tally.min_ballots", std::to_string(tally_entry_->ballots) +
                                      " ballots, at least the meeting's minimum of " + std::to_string(min));
    }
    if (!needs("tally.matches", {"ballots.verify", "ballots.one_per_member", "tally.entry"})) return;
    if (!tally_matches()) return (void)fail("tally.matches", entry_name(tally_seq_) + ": " + tally_diff_);
    pass("tally.matches", "the product of the " + std::to_string(running().ballots) +
                              " ballots; tally context " + short_hex(running().context()));
  }

  void check_partials() {
    if (!needs("partials.verify", {"tally.matches"}))
      return (void)needs("partials.threshold", {"tally.matches"});
    std::string who;
    for (const auto &[i, p] : valid_) who += (who.empty() ? "" : ", ") + std::to_string(i);
    if (partials_.count)
      fail("partials.verify", partials_.first + " (" + std::to_string(partials_.count) + " of " +
                                  std::to_string(partials_seen_) + " fail)");
    else
      pass("partials.verify", std::to_string(partials_seen_) +
                                  " partial decryptions and their proofs (trustees " +
                                  (who.empty() ? "none" : who) + ")");
    if (valid_.size() >= key_->threshold)
      pass("partials.threshold", std::to_string(valid_.size()) + " valid, threshold " +
                                     std::to_string(key_->threshold) + " of " + std::to_string(key_->n()));
    else
      fail("partials.threshold", "only " + std::to_string(valid_.size()) +
                                     " valid partial decryptions, threshold " +
                                     std::to_string(key_->threshold));
  }

  void check_counts() {
    if (!needs("counts.decrypt", {"partials.threshold"})) return;
    std::vector<crypto::PartialDecryption> partials;
    for (const auto &[i, p] : valid_) partials.push_back(p);
    const crypto::CombineParams params{*key_, running().context(), running().totals, partials};
    // Every partial of valid_ passed verify_partial_decryption in on_partial: with these very
    // totals and context, their proofs are not checked a second time.
    const bool verified = verified_same_ && verified_against_ && verified_against_->first == params.context &&
                          verified_against_->second == running().totals;
    auto points = verified ? crypto::combine_verified_partial_decryptions(params)
                           : crypto::combine_partial_decryptions(params);
    if (!points) return (void)fail("counts.decrypt", "combine: " + points.error().message);
    auto counts = crypto::decode_tally(ctx_->manifest, running().ballots, *points);
    if (!counts) return (void)fail("counts.decrypt", "decode: " + counts.error().message);
    counts_ = std::move(*counts);
    pass("counts.decrypt", std::to_string(counts_.size()) + " contests decrypted by " +
                               std::to_string(partials.size()) + " trustees");
  }

  void check_result() {
    if (result_seq_ == 0) return (void)fail("result.entry", "the board has no result entry for the poll");
    if (result_.count) return (void)fail("result.entry", result_.first);
    if (result_seq_ != last_seq_)
      return (void)fail("result.entry", entry_name(result_seq_) + " is not the last entry of the file");
    pass("result.entry",
         entry_name(result_seq_) + " holds the record (" + std::to_string(record_text_.size()) + " bytes)");
  }

  void check_statement() {
    if (!statement_error_.empty()) return (void)fail("record.statement", statement_error_);
    if (!statement_) return (void)fail("record.statement", "the file has no record statement");
    if (!needs("record.statement", {"bundle.signature", "result.entry"})) return;
    const auto &s = *statement_;
    if (!verify_record_statement(s, rep_.header->bundle.server_key))
      return (void)fail("record.statement", "the signature does not verify under the bundle's server key");
    if (s.meeting != rep_.header->bundle.meeting || s.poll != rep_.header->poll)
      return (void)fail("record.statement",
                        "the statement is about meeting " + s.meeting + ", poll " + s.poll);
    if (s.record_digest != record_digest(record_text_))
      return (void)fail("record.statement",
                        "the signed digest is not the digest of the result entry's record");
    if (s.board_seq != result_seq_ || s.board_head != result_hash_)
      return (void)fail("record.statement", "the statement names " + entry_name(s.board_seq) +
                                                ", which is not the result entry with that hash");
    rep_.statement = s;
    pass("record.statement", "signed by the server; record digest " + short_hex(s.record_digest) + ", head " +
                                 short_hex(s.board_head));
  }

  void check_record() {
    if (needs("record.parse", {"result.entry"})) {
      auto r = decode_record(record_text_);
      if (!r)
        fail("record.parse", r.error().message);
      else {
        rep_.record = std::move(*r);
        pass("record.parse", std::to_string(rep_.record->contests.size()) + " contests");
      }
    }
    check_binding();
    check_record_counts();
    check_turnout();
    if (needs("record.min_ballots", {"record.parse"})) {
      const auto &rec = *rep_.record;
      const auto min = rep_.header->bundle.min_ballots;
      if (rec.min_ballots != min)
        fail("record.min_ballots", "the record's minimum is " + std::to_string(rec.min_ballots) +
                                       ", the bundle's is " + std::to_string(min));
      else if (auto enough = crypto::check_enough_ballots(rec.turnout.ballots, rec.min_ballots); !enough)
        fail("record.min_ballots", enough.error().message);
      else
        pass("record.min_ballots",
             std::to_string(rec.turnout.ballots) + " ballots, minimum " + std::to_string(min));
    }
    if (needs("record.outcomes", {"record.parse"})) {
      if (auto ok = verify_record_outcomes(*rep_.record); !ok)
        fail("record.outcomes", ok.error().message);
      else
        pass("record.outcomes", "every outcome, percentage and rank follows from the counts and the rules");
    }
    if (needs("record.chair_decisions", {"record.binding", "roster.members"})) {
      auto c = verify_chair_decisions(*rep_.record, rep_.header->roster, chair_entries_,
                                      rep_.header->bundle.meeting);
      c ? (void)pass("record.chair_decisions", *c) : (void)fail("record.chair_decisions", c.error().message);
    }
  }

  void check_binding() {
    if (!needs("record.binding",
               {"record.parse", "poll_context", "attendance.entry", "tally.matches", "partials.threshold"}))
      return;
    const auto &r = *rep_.record;
    auto bad = [&](const std::string &m) { return (void)fail("record.binding", m); };
    if (r.meeting.meeting_id != rep_.header->bundle.meeting)
      return bad("the record is for meeting " + r.meeting.meeting_id);
    if (r.poll != rep_.header->poll) return bad("the record is for poll " + r.poll);
    if (r.title != def_->title) return bad("the record's title is not the poll's");
    if (r.poll_context != def_->context_hash) return bad("poll_context is not the poll's context hash");
    if (r.manifest_seq != manifest_seq_) return bad("manifest_seq is not the manifest entry");
    if (r.tally_seq != tally_seq_) return bad("tally_seq is not the tally entry");
    if (r.attendance_seq != attendance_seq_) return bad("attendance_seq is not the poll's attendance entry");
    if (r.tally_context != running().context()) return bad("tally_context is not the tally's");
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
    // The people: the record names every member of the attendance entry (by number, in its order)
    // and the ceremony's trustees 1..n; their names and roles are the server's declaration.
    if (r.members.size() != attendance_->members.size())
      return bad("the record names " + std::to_string(r.members.size()) +
                 " members, the attendance entry has " + std::to_string(attendance_->members.size()));
    for (std::size_t i = 0; i < r.members.size(); ++i)
      if (r.members[i].member_no != attendance_->members[i].member_no)
        return bad("members[" + std::to_string(i) + "] is member " + std::to_string(r.members[i].member_no) +
                   ", the attendance entry's is " + std::to_string(attendance_->members[i].member_no));
    if (r.trustees.size() != key_->n())
      return bad("the record names " + std::to_string(r.trustees.size()) + " trustees, the ceremony has " +
                 std::to_string(key_->n()));
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
                               std::to_string(attendance_seq_) + "/" + std::to_string(tally_seq_) +
                               ", members, trustees and contests are the board's");
  }

  void check_record_counts() {
    if (!needs("record.counts", {"record.parse", "counts.decrypt"})) return;
    const auto &r = *rep_.record;
    if (r.turnout.ballots != running().ballots)
      return (void)fail("record.counts", "turnout.ballots is " + std::to_string(r.turnout.ballots) +
                                             ", the board has " + std::to_string(running().ballots));
    if (r.contests.size() != counts_.size())
      return (void)fail("record.counts", "the record does not have one contest per decrypted contest");
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      const auto &c = r.contests[i];
      const auto &d = counts_[i];
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
    if (!needs("record.turnout", {"record.parse", "manifest", "attendance.entry", "ballots.verify"})) return;
    const auto &t = rep_.record->turnout;
    auto bad = [&](const std::string &m) { return (void)fail("record.turnout", m); };
    const auto frozen = attendance_->counts();
    if (t.present != frozen.present || t.remote != frozen.remote || t.absent != frozen.absent ||
        t.unknown != frozen.unknown)
      return bad("the attendance (" + std::to_string(t.present) + " present, " + std::to_string(t.remote) +
                 " remote, " + std::to_string(t.absent) + " absent) is not the one frozen at close in " +
                 entry_name(attendance_seq_) + " (" + std::to_string(frozen.present) + " present, " +
                 std::to_string(frozen.remote) + " remote, " + std::to_string(frozen.absent) + " absent)");
    if (t.members != def_->roster.size()) return bad("members is not the size of the poll's roster");
    if (t.ballots != ballots_seen_) return bad("ballots is not the number of ballot entries");
    if (std::uint64_t{t.ballots_in_room} + t.ballots_remote != t.ballots)
      return bad("ballots in the room + remote ballots is not the number of ballots");
    // Who voted: the member numbers of the ballots' keys (roster order = attendance order).
    std::set<std::uint32_t> voters;
    for (std::size_t i = 0; i < def_->roster.size(); ++i)
      if (voter_seq_.contains(def_->roster[i])) voters.insert(attendance_->members[i].member_no);
    if (std::vector<std::uint32_t>(voters.begin(), voters.end()) != t.voted)
      return bad("the list of voters is not the members whose ballots are on the board");
    pass("record.turnout", std::to_string(t.ballots) + " of " + std::to_string(t.members) +
                               " members voted (" + std::to_string(t.ballots_in_room) + " in the room, " +
                               std::to_string(t.ballots_remote) +
                               " remotely); the voters are the ballots' members");
  }

  const VerifyOptions &opt_;
  VerifyReport &rep_;
  std::map<crypto::SignPublicKey, std::uint32_t> member_of_key_;
  std::string read_error_, statement_error_;
  Finding chain_, manifest_, context_, ballots_, duplicates_, attendance_fault_, tally_, partials_, result_;
  std::uint64_t entries_ = 0, last_seq_ = 0, last_ballot_seq_ = 0;
  ByteArray<32> prev_{}, last_hash_{};
  std::vector<crypto::Bytes> board_commitments_;
  std::uint64_t manifest_seq_ = 0, attendance_seq_ = 0, tally_seq_ = 0, result_seq_ = 0;
  std::optional<PollDefinition> def_;
  std::optional<crypto::PollContext> ctx_;
  std::optional<crypto::ThresholdPublicKey> key_;
  std::optional<crypto::FastVerifier> fast_;
  crypto::Roster roster_;
  std::uint32_t ballots_seen_ = 0, partials_seen_ = 0;
  std::map<crypto::SignPublicKey, std::uint64_t> voter_seq_;
  std::vector<crypto::Bytes> pending_; // the wire bytes of ballots read, not yet verified
  std::vector<std::uint64_t> pending_seq_;
  std::vector<std::uint32_t> pending_no_;
  std::size_t batch_ballots_ = 2;
  crypto::EncryptedTally running_; // read through running()
  std::optional<crypto::TallyAccumulator> sums_;
  bool sums_changed_ = false;
  std::optional<FrozenAttendance> attendance_;
  std::optional<TallyInfo> tally_entry_;
  // The context and totals the partials of valid_ were verified against (verified_same_: all alike).
  std::optional<std::pair<crypto::ByteArray<32>, std::vector<crypto::Ciphertext>>> verified_against_;
  bool verified_same_ = true;
  bool tally_compared_ = false, tally_same_ = false;
  std::string tally_diff_;
  std::map<std::uint32_t, crypto::PartialDecryption> valid_;
  std::map<std::uint32_t, std::uint64_t> valid_seq_;
  std::vector<crypto::ContestResult> counts_;
  ByteArray<32> result_hash_{};
  std::string record_text_;
  std::optional<RecordStatement> statement_;
  std::vector<ChairDecisionEntry> chair_entries_;
};

} // namespace

const std::vector<std::string_view> &verify_check_names() { return kCheckNames; }

bool VerifyReport::ok() const noexcept {
  if (checks.empty() || !read_whole_file) return false;
  for (const auto &c : checks)
    if (!c.ok) return false;
  return true;
}

const VerifyCheck *VerifyReport::first_failure() const noexcept {
  for (const auto &c : checks)
    if (!c.ok && !c.skipped) return &c;
  return nullptr;
}

const VerifyCheck *VerifyReport::find(std::string_view name) const noexcept {
  for (const auto &c : checks)
    if (c.name == name) return &c;
  return nullptr;
}

std::string VerifyReport::to_text() const {
  std::string out;
  std::size_t width = 0;
  for (const auto &c : checks) width = std::max(width, c.name.size());
  for (const auto &c : checks) {
    out += c.ok ? "PASS  " : c.skipped ? "SKIP  " : "FAIL  ";
    out += c.name + std::string(width - c.name.size() + 2, ' ') + c.detail + "\n";
  }
  return out;
}

std::string VerifyReport::to_json() const {
  Json list = Json::array();
  for (const auto &c : checks)
    list.push_back(Json{{"name", c.name},
                        {"result", c.ok        ? "pass"
                                   : c.skipped ? "skip"
                                               : "fail"},
                        {"detail", c.detail}});
  Json o{{"valid", ok()},
         {"fingerprint", read_whole_file ? crypto::to_hex(fingerprint) : std::string{}},
         {"checks", std::move(list)},
         {"ballots", ballots},
         {"bundle_code", bundle_code},
         {"milliseconds", static_cast<std::uint64_t>(seconds * 1000)}};
  if (const auto *f = first_failure()) o["first_failure"] = Json{{"name", f->name}, {"detail", f->detail}};
  if (header) o["poll"] = header->poll;
  if (tracking_seq) o["tracking_code_entry"] = *tracking_seq;
  if (record) o["record"] = Json::parse(encode_record(*record));
  return o.dump(2, ' ', false, Json::error_handler_t::replace);
}

namespace {
VerifyReport verify_with(Result<RecordFileReader> reader, const VerifyOptions &options) {
  VerifyReport rep;
  const auto t0 = Clock::now();
  try {
    if (!reader)
      rep.checks.push_back({"file.header", false, false, reader.error().message});
    else
      Verifier(options, rep).run(*reader);
  } catch (const std::exception &e) {
    rep.checks.push_back({"internal", false, false, std::string("the verifier stopped: ") + e.what()});
  }
  rep.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return rep;
}
} // namespace

VerifyReport verify_record_file(const std::filesystem::path &path, const VerifyOptions &options) {
  return verify_with(RecordFileReader::open(path), options);
}

VerifyReport verify_record_bytes(std::string bytes, const VerifyOptions &options) {
  return verify_with(RecordFileReader::from_bytes(std::move(bytes)), options);
}

} // namespace cv::record
