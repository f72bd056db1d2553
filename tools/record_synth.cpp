#include "record_synth.hpp"

#include "councilvote/crypto/hash.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/csv.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record_file.hpp"
#include "councilvote/protocol/statements.hpp"
#include "councilvote/record/chair_decision.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

namespace cv::tools {

using record::BoardEntry;
using record::BoardKind;

namespace {

template <class R> auto must(R r, std::string_view what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
  return std::move(*r);
}
template <class E> void must_ok(const crypto::Result<void, E> &r, std::string_view what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
}

// Every random value of a synthetic record comes from one of these: the seed label, a purpose and
// a number, so that a value does not depend on what was drawn before it elsewhere (the ballots can
// be made in any order, on any number of threads).
crypto::DeterministicRng rng_for(const SynthSpec &s, std::string_view purpose, std::uint32_t i = 0) {
  return crypto::DeterministicRng(
      crypto::Transcript("CV/synthetic-record").str(s.seed_label).str(purpose).u32(i).digest32());
}

std::uint8_t random_byte(crypto::Rng &rng) {
  std::array<std::uint8_t, 1> b{};
  rng.fill(b);
  return b[0];
}

// Synthetic names (no real person): family, middle and given names combined by number.
constexpr std::array<std::string_view, 12> kFamily{"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh",
                                                   "Võ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô"};
constexpr std::array<std::string_view, 8> kMiddle{"Văn",  "Thị",  "Minh", "Thanh",
                                                  "Quốc", "Ngọc", "Hữu",  "Xuân"};
constexpr std::array<std::string_view, 16> kGiven{"An",   "Bình", "Châu", "Dũng", "Giang", "Hà",
                                                  "Hải",  "Khoa", "Lan",  "Long", "Mai",   "Nam",
                                                  "Phúc", "Quân", "Sơn",  "Tâm"};
constexpr std::array<std::string_view, 6> kUnits{
    "Sở Nội vụ",    "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Công an tỉnh", "Bệnh viện Đa khoa tỉnh", "Trường THPT chuyên tỉnh"};

std::string person_name(std::uint32_t i) {
  return std::string(kFamily[i % kFamily.size()]) + " " +
         std::string(kMiddle[(i * 3 + i / 12) % kMiddle.size()]) + " " +
         std::string(kGiven[(i * 7 + i / 96) % kGiven.size()]);
}

std::string unit_name(std::uint32_t i) { return std::string(kUnits[i % kUnits.size()]); }

bool contains(const std::vector<std::uint32_t> &v, std::uint32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

crypto::ContestSelection random_choice(const crypto::ContestSpec &c, crypto::Rng &rng) {
  const auto b = random_byte(rng);
  if (c.kind == crypto::ContestKind::commendation) {
    if (b < 222) return crypto::ContestSelection::agree();
    if (b < 242) return crypto::ContestSelection::disagree();
    return crypto::ContestSelection::blank();
  }
  crypto::ContestSelection s;
  const std::uint32_t choices = c.options + (c.min_selections == 0 ? 1 : 0);
  const std::uint32_t k = b % choices;
  if (k < c.options) s.selected.push_back(k);
  for (std::uint32_t j = 0; s.selected.size() < c.min_selections && j < c.options; ++j)
    if (!contains(s.selected, j)) s.selected.push_back(j);
  std::sort(s.selected.begin(), s.selected.end());
  return s;
}

// The board's clock (ms): the store's created_at of each entry.
constexpr std::uint64_t kCommitmentsStep = 2000, kShareStep = 500, kOpenAfter = 10 * 60 * 1000,
                        kFirstBallotAfter = 30 * 1000, kBallotStep = 1500, kCloseAfter = 60 * 1000,
                        kTallyAfter = 5000, kPartialStep = 30 * 1000, kDecisionStep = 45 * 1000,
                        kPublishAfter = 60 * 1000;

std::string text_of(const BoardEntry &e) { return std::string(e.payload.begin(), e.payload.end()); }

// The board as the store appends to it: seq, time, chain; each entry goes to `sink`.
class BoardBuilder {
public:
  explicit BoardBuilder(std::function<void(const BoardEntry &)> sink) : sink_(std::move(sink)) {}
  std::uint64_t add(BoardKind kind, const std::string &poll, crypto::Bytes payload, std::uint64_t at_ms) {
    BoardEntry e;
    e.seq = ++seq_;
    e.kind = kind;
    e.poll_id = poll;
    e.created_at = protocol::format_utc_ms(at_ms);
    e.payload = std::move(payload);
    head_ = record::chain_board_entry(e, head_);
    if (kind == BoardKind::result) result_ = e;
    sink_(e);
    return e.seq;
  }
  std::uint64_t add_text(BoardKind kind, const std::string &poll, const std::string &text,
                         std::uint64_t at_ms) {
    return add(kind, poll, crypto::Bytes(text.begin(), text.end()), at_ms);
  }
  [[nodiscard]] std::uint64_t seq() const noexcept { return seq_; }
  [[nodiscard]] const BoardEntry &result() const noexcept { return result_; }

private:
  std::function<void(const BoardEntry &)> sink_;
  std::uint64_t seq_ = 0;
  crypto::ByteArray<32> head_{};
  BoardEntry result_;
};

record::RecordStatement sign_statement(const SynthRecord &r, const BoardEntry &result,
                                       const crypto::SigningKey &key) {
  record::RecordStatement s;
  s.meeting = r.header.bundle.meeting;
  s.poll = r.header.poll;
  s.record_digest = record::record_digest(text_of(result));
  s.board_seq = result.seq;
  s.board_head = result.hash;
  const auto at = protocol::parse_utc_ms(result.created_at);
  if (!at) throw std::runtime_error("the result entry's time '" + result.created_at + "' is invalid");
  s.server_time_ms = *at;
  s.sig = crypto::sign(key, record::kRecordStatementTag, record::record_signed_message(s));
  return s;
}

// One synthetic record, made in order; `sink` receives the header line, every entry line and the
// statement line.
class Maker {
public:
  Maker(const SynthSpec &spec, SynthRecord &out) : s_(spec), r_(out) {}

  void run(const std::function<void(const std::string &)> &line, bool keep_entries) {
    setup();
    line(record::header_line(r_.header));
    BoardBuilder board([&](const BoardEntry &e) {
      line(record::entry_line(e));
      if (keep_entries) r_.entries.push_back(e);
    });
    make_board(board);
    line(record::statement_line(r_.statement));
  }

private:
  // ---------------------------------------------------------------------------------- the meeting
  void setup() {
    if (s_.members < 2 || s_.members > record::kMaxRosterRows)
      throw std::invalid_argument("members must be 2..1000");
    if (s_.trustees < 1 || s_.threshold < 1 || s_.threshold > s_.trustees || s_.trustees > s_.members)
      throw std::invalid_argument("1 <= threshold <= trustees <= members");
    rules_ = s_.rules.empty() ? shipped_rules() : s_.rules;
    nominees_ = s_.nominees.empty() ? synth_nominees(s_.nominee_count) : s_.nominees;
    meeting_ = must(protocol::MeetingId::parse(s_.meeting_id), "meeting id");
    poll_id_ = must(protocol::PollId::parse(s_.poll_id), "poll id");

    // The server: its signing key and its bundle (a synthetic TLS fingerprint: no certificate).
    auto srng = rng_for(s_, "server");
    r_.server = crypto::SigningKey::generate(srng);
    const auto tls = crypto::Transcript("CV/synthetic-record").str(s_.seed_label).str("tls").digest32();
    const auto bundle = protocol::make_enrollment_bundle(
        meeting_, protocol::ServerAddress{"councilvote.example", 8443}, tls, r_.server, s_.min_ballots);
    must_ok(protocol::verify_enrollment_bundle(bundle), "the bundle");
    r_.header.bundle = protocol::to_record(bundle);
    r_.min_ballots = s_.min_ballots;

    // The members and their attendance at close.
    for (std::uint32_t m = 1; m <= s_.members; ++m) {
      auto mrng = rng_for(s_, "member key", m);
      r_.members.push_back(crypto::SigningKey::generate(mrng));
      r_.header.roster.push_back({m, r_.members.back().public_key});
      auto status = record::Attendance::present;
      if (contains(s_.remote, m)) status = record::Attendance::remote;
      if (contains(s_.absent, m)) status = record::Attendance::absent;
      if (contains(s_.unknown, m)) status = record::Attendance::unknown;
      attendance_.push_back(status);
    }
    if (s_.voters) {
      voters_ = *s_.voters;
      std::sort(voters_.begin(), voters_.end());
    } else {
      for (std::uint32_t m = 1; m <= s_.members; ++m)
        if (attendance_[m - 1] == record::Attendance::present ||
            attendance_[m - 1] == record::Attendance::remote)
          voters_.push_back(m);
    }

    // The vote-counting committee: the last `trustees` members, indices 1..n.
    r_.ceremony.meeting_id = s_.meeting_id;
    r_.ceremony.threshold = s_.threshold;
    for (std::uint32_t i = 1; i <= s_.trustees; ++i) {
      crypto::TrusteeSecrets slot;
      slot.index = i;
      auto trng = rng_for(s_, "trustee", i);
      slot.box = crypto::BoxKeyPair::generate(trng);
      slot.polynomial = crypto::DealerPolynomial::random(s_.threshold, trng);
      r_.ceremony.trustees.push_back(crypto::TrusteeInfo{i, slot.box.public_key});
      trustees_.push_back(std::move(slot));
    }
    decrypting_ = s_.decrypting;
    if (decrypting_.empty()) {
      for (std::uint32_t i = 1; i < s_.threshold; ++i) decrypting_.push_back(i);
      decrypting_.push_back(s_.trustees);
    }
    std::sort(decrypting_.begin(), decrypting_.end());

    r_.header.poll = s_.poll_id;
    r_.header.ballots = static_cast<std::uint32_t>(voters_.size());
    const std::uint64_t n = s_.trustees;
    const std::uint64_t decisions = s_.chair_decisions.size();
    r_.header.entries = n + n * (n - 1) + 1 + voters_.size() + 1 + 1 + decrypting_.size() + decisions + 1;
    // When the board ends (checked at the end).
    end_ms_ = s_.start_ms + n * kCommitmentsStep + n * (n - 1) * kShareStep + kOpenAfter + kFirstBallotAfter +
              voters_.size() * kBallotStep + kCloseAfter + kTallyAfter + decrypting_.size() * kPartialStep +
              decisions * kDecisionStep + kPublishAfter;
    // The people: the roster's names and roles, and who holds each trustee place.
    if (s_.trustees > s_.members) throw std::invalid_argument("more trustees than members");
    people_ = s_.people;
    if (people_.empty())
      for (std::uint32_t m = 1; m <= s_.members; ++m)
        people_.push_back({m, person_name(m + 997),
                           m == 1   ? record::CouncilRole::chair
                           : m == 2 ? record::CouncilRole::secretary
                                    : record::CouncilRole::member});
    if (people_.size() != s_.members) throw std::invalid_argument("people: one per member");
    auto chair = std::find_if(people_.begin(), people_.end(), [](const record::RecordMember &m) {
      return m.council_role == record::CouncilRole::chair;
    });
    chair_no_ = chair == people_.end() ? 0 : chair->member_no;
  }

  // ---------------------------------------------------------------------------------- the board
  void make_board(BoardBuilder &board) {
    std::uint64_t t = s_.start_ms;
    // The key ceremony: round 1 (commitments), round 2 (shares), every message on the board.
    const auto ceremony = must(crypto::Ceremony::create(r_.ceremony), "the ceremony");
    std::vector<crypto::TrusteeCommitments> commitments;
    std::vector<crypto::EncryptedShare> shares;
    std::vector<crypto::Bytes> commitment_bytes;
    for (auto &slot : trustees_) {
      auto crng = rng_for(s_, "commitments", slot.index);
      commitments.push_back(must(crypto::commit_polynomial(ceremony, slot, crng), "commitments"));
      const auto content = protocol::CeremonyContent::of(commitments.back());
      commitment_bytes.push_back(content.commitments);
      board.add(BoardKind::commitments, "", content.board_payload(slot.index), t += kCommitmentsStep);
    }
    for (auto &slot : trustees_) {
      auto drng = rng_for(s_, "shares", slot.index);
      for (const auto &sh : must(crypto::deal_shares(ceremony, slot, drng), "shares")) {
        board.add(BoardKind::share, "", protocol::CeremonyContent::of(sh).board_payload(sh.from),
                  t += kShareStep);
        shares.push_back(sh);
      }
    }
    for (auto &slot : trustees_)
      r_.key_shares.push_back(
          must(crypto::finalize_key_share(ceremony, slot, crypto::CeremonyMessages{commitments, shares}),
               "key share"));
    r_.key = must(crypto::threshold_public_key(ceremony, commitments), "the joint key");

    // open_poll: the PollDefinition, as the server builds it (service_poll.cpp).
    protocol::PollDefinition def;
    std::vector<protocol::ContestDef> contests;
    for (const auto &n : nominees_) {
      protocol::ContestDef c;
      c.id = std::to_string(n.row.nominee_no);
      c.kind = crypto::ContestKind::commendation;
      c.nominee_no = n.row.nominee_no;
      contests.push_back(c);
      protocol::ContestDisplay d;
      d.nominee = n.row;
      def.display.push_back(std::move(d));
    }
    for (const auto &q : s_.questions) {
      protocol::ContestDef c;
      c.id = q.id;
      c.kind = crypto::ContestKind::general;
      c.label = q.label;
      c.option_labels = q.option_labels;
      c.min = q.min;
      c.max = q.max;
      contests.push_back(c);
      protocol::ContestDisplay d;
      d.label = q.label;
      d.option_labels = q.option_labels;
      def.display.push_back(std::move(d));
    }
    for (const auto &c : contests) def.manifest.contests.push_back(c.spec());
    for (const auto &m : r_.members) def.roster.push_back(m.public_key);
    def.ceremony.threshold = s_.threshold;
    for (std::uint32_t i = 0; i < s_.trustees; ++i) {
      def.ceremony.trustees.push_back(r_.ceremony.trustees[i]);
      def.ceremony.commitments.push_back(commitment_bytes[i]);
    }
    def.poll = poll_id_.str();
    def.title = s_.title;
    def.manifest.meeting_id = s_.meeting_id;
    def.manifest.poll_id = s_.poll_id;
    def.manifest.disagree_weight = s_.members + 1;
    def.manifest.roster_digest = crypto::Roster{def.roster}.digest();
    def.joint_key = r_.key.joint_key;
    def.context_hash = crypto::PollContext{def.manifest, def.joint_key}.hash();
    const std::uint64_t opened = t += kOpenAfter;
    if (!s_.remote.empty()) def.remote_window = protocol::RemoteWindow{opened, opened + 60 * 60 * 1000};
    r_.poll = must(protocol::verified_context(def, meeting_), "the poll definition");
    const auto manifest_seq =
        board.add_text(BoardKind::manifest, s_.poll_id, protocol::to_json(protocol::write_members(def)), t);

    // The ballots, in member order, made `threads` at a time.
    const crypto::Roster roster{def.roster};
    crypto::EncryptedTally running;
    running.poll_context = r_.poll.hash();
    running.totals.assign(crypto::tally_slot_count(r_.poll.manifest), crypto::Ciphertext{});
    std::uint32_t in_room = 0, remote = 0;
    const unsigned threads = std::max(1u, s_.threads);
    const std::size_t chunk = threads * 2;
    t += kFirstBallotAfter;
    for (std::size_t first = 0; first < voters_.size(); first += chunk) {
      const std::size_t count = std::min(chunk, voters_.size() - first);
      std::vector<crypto::Ballot> made(count);
      auto work = [&](unsigned k) {
        for (std::size_t j = k; j < count; j += threads) made[j] = ballot_of(voters_[first + j]);
      };
      std::vector<std::thread> pool;
      for (unsigned k = 1; k < threads && k < count; ++k) pool.emplace_back(work, k);
      work(0);
      for (auto &th : pool) th.join();
      for (std::size_t j = 0; j < count; ++j) {
        const auto m = voters_[first + j];
        auto one =
            must(crypto::tally_ballots(r_.poll, std::span<const crypto::Ballot>(&made[j], 1)), "tally");
        for (std::size_t i = 0; i < running.totals.size(); ++i) running.totals[i] += one.totals[i];
        ++running.ballots;
        (attendance_[m - 1] == record::Attendance::remote ? remote : in_room)++;
        board.add(BoardKind::ballot, s_.poll_id, made[j].encode(), t += kBallotStep);
      }
      if (s_.progress) s_.progress("ballots", first + count, voters_.size());
    }

    // close_poll: the frozen attendance.
    protocol::FrozenAttendance frozen{poll_id_.str(), {}};
    for (std::uint32_t m = 1; m <= s_.members; ++m) frozen.members.push_back({m, attendance_[m - 1]});
    const std::uint64_t closed = t += kCloseAfter;
    const auto attendance_seq = board.add_text(BoardKind::attendance, s_.poll_id,
                                               protocol::to_json(protocol::write_members(frozen)), closed);

    // start_tally.
    protocol::TallyInfo info{poll_id_.str(), running.poll_context, running.ballots, running.totals};
    const auto tally_seq = board.add_text(BoardKind::tally, s_.poll_id,
                                          protocol::to_json(protocol::write_members(info)), t += kTallyAfter);
    const auto tally_context = running.context();

    // The trustees' partial decryptions.
    std::vector<crypto::PartialDecryption> partials;
    std::vector<std::uint64_t> partial_seqs;
    for (auto i : decrypting_) {
      auto prng = rng_for(s_, "partial decryption", i);
      partials.push_back(
          crypto::partial_decrypt(r_.key_shares.at(i - 1), tally_context, running.totals, prng));
      crypto::ByteWriter w;
      crypto::encode_partial_decryption(w, partials.back());
      partial_seqs.push_back(
          board.add(BoardKind::partial_decryption, s_.poll_id, w.take(), t += kPartialStep));
    }

    // post_chair_decision: the chair's signed decisions of ties, once the counts are known.
    std::vector<record::RecordChairDecision> decisions;
    for (const auto &cd : s_.chair_decisions) {
      if (chair_no_ == 0) throw std::invalid_argument("a chair decision, but no chair");
      record::ChairDecision d;
      d.meeting = s_.meeting_id;
      d.poll = s_.poll_id;
      d.tally_context = tally_context;
      d.award = cd.award;
      d.nominees = cd.nominees;
      d.member_no = chair_no_;
      record::sign_chair_decision(d, r_.members.at(chair_no_ - 1));
      const auto seq = board.add_text(BoardKind::chair_decision, s_.poll_id, record::encode_chair_decision(d),
                                      t += kDecisionStep);
      decisions.push_back({seq, d.award, d.nominees, d.member_no});
    }

    // publish_record: combine, decode, apply the rules (service_record.cpp).
    const auto decrypted = must(
        crypto::combine_partial_decryptions({r_.key, tally_context, running.totals, partials}), "combining");
    const auto counts = must(crypto::decode_tally(r_.poll.manifest, running.ballots, decrypted), "decoding");
    record::RecordInput in;
    in.meeting = s_.meeting;
    auto fill = [](std::string &field, std::string_view value) {
      if (field.empty()) field = value;
    };
    fill(in.meeting.meeting_id, s_.meeting_id);
    fill(in.meeting.council, "Hội đồng Thi đua – Khen thưởng (dữ liệu tổng hợp)");
    fill(in.meeting.session_name, "Phiên họp tổng hợp");
    fill(in.meeting.date, protocol::format_utc_ms(s_.start_ms).substr(0, 10));
    fill(in.meeting.place, "Hội trường");
    in.poll = s_.poll_id;
    in.title = s_.title;
    in.poll_context = def.context_hash;
    in.tally_context = tally_context;
    in.manifest_seq = manifest_seq;
    in.tally_seq = tally_seq;
    in.attendance_seq = attendance_seq;
    in.min_ballots = s_.record_min_ballots.value_or(s_.min_ballots);
    in.threshold = s_.threshold;
    in.decrypting_trustees = decrypting_;
    in.partial_seqs = partial_seqs;
    in.turnout.members = s_.members;
    for (auto a : attendance_) {
      switch (a) {
      case record::Attendance::present:
        ++in.turnout.present;
        break;
      case record::Attendance::remote:
        ++in.turnout.remote;
        break;
      case record::Attendance::absent:
        ++in.turnout.absent;
        break;
      case record::Attendance::unknown:
        ++in.turnout.unknown;
        break;
      }
    }
    in.turnout.ballots = running.ballots;
    in.turnout.ballots_in_room = in_room;
    in.turnout.ballots_remote = remote;
    in.turnout.voted = voters_;
    in.closed_at = protocol::format_utc_ms(closed);
    in.members = people_;
    for (std::uint32_t i = 1; i <= s_.trustees; ++i) in.trustees.push_back({i, s_.members - s_.trustees + i});
    in.chair_decisions = decisions;
    for (std::size_t i = 0; i < r_.poll.manifest.contests.size(); ++i) {
      const auto &spec = r_.poll.manifest.contests[i];
      record::RecordContestInput c;
      c.position = static_cast<std::uint32_t>(i);
      c.contest_id = spec.id;
      c.kind = spec.kind;
      c.counts = counts[i];
      if (spec.kind == crypto::ContestKind::commendation) {
        const auto &n = nominees_.at(i);
        c.nominee = n.row;
        auto rule = std::find_if(rules_.begin(), rules_.end(),
                                 [&](const record::RuleProfile &p) { return p.rule_id == n.row.rule_id; });
        if (rule == rules_.end()) throw std::invalid_argument("no rule profile '" + n.row.rule_id + "'");
        c.rule = *rule;
        if (n.award_quota > 0) c.award_quota = n.award_quota;
      } else {
        c.label = def.display[i].label;
        c.option_labels = def.display[i].option_labels;
      }
      in.contests.push_back(std::move(c));
    }
    const auto rec = must(record::compute_record(in), "the record");
    board.add_text(BoardKind::result, s_.poll_id, record::encode_record(rec), t += kPublishAfter);
    if (board.seq() != r_.header.entries || t != end_ms_)
      throw std::logic_error("the header's entry count or export time is wrong");
    r_.statement = sign_statement(r_, board.result(), r_.server);
  }

  crypto::Ballot ballot_of(std::uint32_t member_no) const {
    auto brng = rng_for(s_, "ballot", member_no);
    std::vector<crypto::ContestSelection> sel;
    const auto &contests = r_.poll.manifest.contests;
    for (std::size_t i = 0; i < contests.size(); ++i)
      sel.push_back(s_.choice ? s_.choice(member_no, i) : random_choice(contests[i], brng));
    return must(crypto::encrypt_ballot({r_.poll, r_.members.at(member_no - 1), sel, brng}), "a ballot");
  }

  const SynthSpec &s_;
  SynthRecord &r_;
  std::vector<record::RuleProfile> rules_;
  std::vector<SynthNominee> nominees_;
  protocol::MeetingId meeting_;
  protocol::PollId poll_id_;
  std::vector<record::Attendance> attendance_;
  std::vector<std::uint32_t> voters_, decrypting_;
  std::vector<record::RecordMember> people_;
  std::uint32_t chair_no_ = 0;
  std::vector<crypto::TrusteeSecrets> &trustees_ = r_.trustees;
  std::uint64_t end_ms_ = 0;
};

} // namespace

// ------------------------------------------------------------------------------------------------ specs

std::vector<record::RuleProfile> shipped_rules() {
  return must(protocol::read_rules_csv(std::filesystem::path(CV_DATA_DIR) / "rules.csv"), "data/rules.csv");
}

std::vector<SynthNominee> synth_nominees(std::uint32_t count) {
  std::vector<SynthNominee> out;
  for (std::uint32_t i = 1; i <= count; ++i) {
    SynthNominee n;
    n.row.nominee_no = i;
    if (i % 5 == 0) {
      n.row.kind = record::NomineeKind::tap_the;
      n.row.name = "Phòng " + std::to_string(i) + ", " + unit_name(i);
      n.row.award = "Tập thể lao động xuất sắc";
    } else {
      n.row.kind = record::NomineeKind::ca_nhan;
      n.row.name = person_name(i + 500);
      n.row.position = i % 2 ? "Chuyên viên" : "Trưởng phòng";
      n.row.award = i % 3 ? "Chiến sĩ thi đua cấp tỉnh" : "Bằng khen của Chủ tịch UBND tỉnh";
      if (i % 3 == 0) n.award_quota = std::max<std::uint32_t>(1, count / 10);
    }
    n.row.unit = unit_name(i + 1);
    n.row.rule_id = "decree98-90";
    out.push_back(std::move(n));
  }
  return out;
}

SynthSpec sample_record_spec() {
  SynthSpec s;
  s.seed_label = "CouncilVote record sample";
  s.meeting_id = "sample-meeting";
  s.poll_id = "poll-1";
  s.title = "Bỏ phiếu kín đề nghị khen thưởng năm 2025 (mẫu)";
  s.meeting = {"sample-meeting", "Hội đồng Thi đua – Khen thưởng tỉnh (mẫu)", "Phiên họp mẫu", "2025-06-15",
               "Hội trường mẫu"};
  s.members = 7;
  auto person = [](std::uint32_t no, std::string name, std::string award, std::string rule,
                   std::uint32_t quota) {
    SynthNominee n;
    n.row = {no,
             record::NomineeKind::ca_nhan,
             std::move(name),
             "Chuyên viên",
             "Sở Nội vụ",
             std::move(award),
             std::move(rule)};
    n.award_quota = quota;
    return n;
  };
  using record::CouncilRole;
  s.people = {
      {1, "Nguyễn Văn An", CouncilRole::chair},      {2, "Trần Thị Bích Ngọc", CouncilRole::secretary},
      {3, "Lê Hoàng Minh", CouncilRole::vice_chair}, {4, "Phạm Thu Trang", CouncilRole::member},
      {5, "Võ Quốc Huy", CouncilRole::member},       {6, "Đặng Thị Mai Anh", CouncilRole::member},
      {7, "Bùi Đức Thắng", CouncilRole::member}};
  const std::string award = "Chiến sĩ thi đua cấp tỉnh";
  s.nominees.push_back(person(1, "Lý Thị Thu Hằng", award, "decree98-90", 2));
  s.nominees.push_back(person(2, "Mạc Văn Tùng", award, "decree98-80", 2));
  SynthNominee team;
  team.row = {3,         record::NomineeKind::tap_the, "Phòng Tổ chức cán bộ", "",
              "Sở Y tế", "Tập thể lao động xuất sắc",  "council-majority"};
  s.nominees.push_back(team);
  s.nominees.push_back(person(4, "Hoàng Thị Kim Oanh", award, "decree98-80", 2));
  s.questions.push_back({"venue",
                         "Hình thức tổ chức lễ trao tặng",
                         {"Tại hội trường UBND tỉnh", "Kết hợp hội nghị tổng kết", "Trực tuyến"},
                         0,
                         1});
  s.trustees = 3;
  s.threshold = 2;
  s.min_ballots = 5;
  s.remote = {7}; // member 7 votes in writing (remotely); the others are in the room
  s.chair_decisions = {{award, {4}}};
  // Nominee 1: 7 agree (passes 90 % of all members, rank 1 of the quota of 2); nominees 2 and 4: 6
  // agree, 1 blank each (meet 80 %, both rank 2: tied for the one place left — the chair gives it to
  // nominee 4, so nominee 2 does not pass); the collective: 4 agree, 2 disagree, 1 blank (more than
  // half: passed); the question: 3, 2, 1 votes and 1 blank.
  s.choice = [](std::uint32_t member, std::size_t contest) {
    using S = crypto::ContestSelection;
    switch (contest) {
    case 0:
      return S::agree();
    case 1:
      return member == 4 ? S::blank() : S::agree();
    case 2:
      return member <= 4 ? S::agree() : member <= 6 ? S::disagree() : S::blank();
    case 3:
      return member == 5 ? S::blank() : S::agree();
    default:
      return member <= 3 ? S{{0}} : member <= 5 ? S{{1}} : member == 6 ? S{{2}} : S::blank();
    }
  };
  return s;
}

// ------------------------------------------------------------------------------------------------ making

SynthRecord synthesize(const SynthSpec &spec) {
  SynthRecord r;
  std::string text;
  Maker(spec, r).run(
      [&](const std::string &line) {
        text += line;
        text += '\n';
      },
      true);
  r.fingerprint = record::record_file_fingerprint(text);
  return r;
}

SynthRecord synthesize_to_file(const SynthSpec &spec, const std::filesystem::path &path) {
  SynthRecord r;
  auto w = must(record::RecordFileWriter::create(path, true), "creating " + path.string());
  Maker(spec, r).run([&](const std::string &line) { must_ok(w.line(line), "writing " + path.string()); },
                     false);
  r.fingerprint = must(w.finish(), "finishing " + path.string());
  return r;
}

// ------------------------------------------------------------------------------------------------ editing

std::vector<std::string> SynthRecord::lines() const {
  std::vector<std::string> out;
  out.push_back(record::header_line(header));
  for (const auto &e : entries) out.push_back(record::entry_line(e));
  out.push_back(record::statement_line(statement));
  return out;
}

std::string SynthRecord::text() const {
  std::string out;
  for (const auto &l : lines()) {
    out += l;
    out += '\n';
  }
  return out;
}

std::vector<std::size_t> SynthRecord::find(BoardKind kind) const {
  const bool meeting_wide =
      kind == BoardKind::commitments || kind == BoardKind::share || kind == BoardKind::complaint;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i].kind == kind &&
        (meeting_wide ? entries[i].poll_id.empty() : entries[i].poll_id == header.poll))
      out.push_back(i);
  return out;
}

BoardEntry &SynthRecord::only(BoardKind kind) {
  const auto at = find(kind);
  if (at.size() != 1)
    throw std::logic_error("the record has " + std::to_string(at.size()) + " " +
                           std::string(record::name(kind)) + " entries");
  return entries[at.front()];
}

record::Record SynthRecord::result() const {
  auto at = find(BoardKind::result);
  if (at.empty()) throw std::logic_error("no result entry");
  return must(record::decode_record(text_of(entries[at.front()])), "the result entry");
}

void SynthRecord::set_result(const record::Record &r) {
  const auto text = record::encode_record(r);
  only(BoardKind::result).payload.assign(text.begin(), text.end());
}

void rebuild(SynthRecord &r, const RebuildOptions &o) {
  if (o.renumber)
    for (std::size_t i = 0; i < r.entries.size(); ++i) r.entries[i].seq = i + 1;
  if (o.rechain) {
    crypto::ByteArray<32> head{};
    for (auto &e : r.entries) head = record::chain_board_entry(e, head);
  }
  if (o.update_header) {
    r.header.entries = r.entries.size();
    r.header.ballots = static_cast<std::uint32_t>(r.find(BoardKind::ballot).size());
  }
  if (o.resign) {
    const auto at = r.find(BoardKind::result);
    if (at.empty()) throw std::logic_error("no result entry to sign");
    r.statement = sign_statement(r, r.entries[at.back()], o.signer ? *o.signer : r.server);
  }
  r.fingerprint = record::record_file_fingerprint(r.text());
}

crypto::ByteArray<32> write_record_file(const SynthRecord &r, const std::filesystem::path &path) {
  auto w = must(record::RecordFileWriter::create(path, true), "creating " + path.string());
  for (const auto &l : r.lines()) must_ok(w.line(l), "writing " + path.string());
  return must(w.finish(), "finishing " + path.string());
}

} // namespace cv::tools
