// Synthetic record files (issue 9 §1): a complete, valid record file (docs/record.md §5) for N members
// and C nominees made in one process WITHOUT a server — the server's signing key and signed bundle, a
// t-of-n key ceremony on the board, the manifest (the PollDefinition written by protocol/'s own
// writer, byte for byte what open_poll publishes), one ballot per voting member, the frozen
// attendance, the tally, t partial decryptions, the result record (record::compute_record with the
// shipped rule profiles) and the server's signed RecordStatement, chained and written with record/'s
// writer. Every value comes from DeterministicRng seeded from the spec's seed label and every time is
// fixed: the same spec gives the same bytes.
//
// Used by councilvote-vectors (docs/record-sample.jsonl), councilvote-bench verify (large records)
// and the tamper tests (tests/record_file/), which edit a record and rebuild it as an attacker who
// holds the server key would (rebuild()).
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/sign.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/record/record_file.hpp"
#include "councilvote/record/result_record.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::tools {

// One commendation contest: the nominee and its award's quota (0: none).
struct SynthNominee {
  record::NomineeRow row;
  std::uint32_t award_quota = 0;
};

// One general question (min..max of its options).
struct SynthQuestion {
  std::string id, label;
  std::vector<std::string> option_labels;
  std::uint32_t min = 0, max = 1;
};

// A decision of the chair: the tied nominees of `award` who take the places left.
struct SynthChairDecision {
  std::string award;
  std::vector<std::uint32_t> nominees;
};

struct SynthSpec {
  std::string seed_label = "CouncilVote synthetic record";
  std::string meeting_id = "synthetic-meeting";
  std::string poll_id = "poll-1";
  std::string title = "Bỏ phiếu kín đề nghị khen thưởng (dữ liệu tổng hợp)";
  record::RecordMeeting meeting; // empty fields: meeting_id and synthetic texts
  std::uint32_t members = 7;
  std::vector<SynthNominee> nominees;     // empty: `nominee_count` generated ones (synth_nominees)
  std::uint32_t nominee_count = 3;        // when `nominees` is empty
  std::vector<SynthQuestion> questions;   // general contests, after the nominees
  std::vector<record::RuleProfile> rules; // empty: the shipped profiles (data/rules.csv)
  // The roster's names and roles, by member number (empty: synthetic names, member 1 the chair and
  // member 2 the secretary).
  std::vector<record::RecordMember> people;
  std::uint32_t trustees = 3, threshold = 2; // trustee i is held by member (members - trustees + i)
  std::vector<std::uint32_t> decrypting;     // trustee indices; empty: 1..t-1 and n
  std::uint32_t min_ballots = 5;             // the bundle's
  // The record's min_ballots when it differs from the bundle's (a record made below the minimum).
  std::optional<std::uint32_t> record_min_ballots;
  // Attendance frozen at close, by member number (1-based); the others are present.
  std::vector<std::uint32_t> remote, absent, unknown;
  // Who votes: every present and remote member, unless `voters` is given (member numbers).
  std::optional<std::vector<std::uint32_t>> voters;
  // The choice of member `member_no` in contest `contest` (0-based, manifest order); empty: random
  // (mostly agree), from the member's ballot randomness.
  std::function<crypto::ContestSelection(std::uint32_t member_no, std::size_t contest)> choice;
  // The chair's decisions of ties, signed with the chair's member key after the partial decryptions.
  std::vector<SynthChairDecision> chair_decisions;
  std::uint64_t start_ms = 1749974400000; // 2025-06-15T08:00:00.000Z: the first board entry
  unsigned threads = 1;                   // ballots encrypted in parallel (the bytes do not depend on it)
  // Called now and then: "ballots", done, total.
  std::function<void(std::string_view stage, std::uint64_t done, std::uint64_t total)> progress;
};

// The shipped rule profiles (data/rules.csv, as councilvote-server init stores them).
[[nodiscard]] std::vector<record::RuleProfile> shipped_rules();
// `count` nominees with synthetic Vietnamese names: individuals and (every fifth) collectives, under
// the Decree 98 90 % rule, with awards of which one has a quota.
[[nodiscard]] std::vector<SynthNominee> synth_nominees(std::uint32_t count);

// Everything made, public and secret: the file's three parts and the keys an attacker (or a test)
// needs to change it and make it consistent again.
struct SynthRecord {
  record::RecordFileHeader header;
  std::vector<record::BoardEntry> entries; // seq 1..N (empty when written as it was made)
  record::RecordStatement statement;
  crypto::SigningKey server;                       // the bundle's key: signs the statement
  std::vector<crypto::SigningKey> members;         // [member_no - 1]
  std::vector<crypto::TrusteeKeyShare> key_shares; // [index - 1]
  std::vector<crypto::TrusteeSecrets> trustees;    // [index - 1]: box keys and polynomials
  crypto::ThresholdPublicKey key;
  crypto::CeremonyParams ceremony;
  crypto::PollContext poll;
  std::uint32_t min_ballots = 0;
  crypto::ByteArray<32> fingerprint{}; // of the file's bytes

  // The file's lines (without "\n") and its bytes.
  [[nodiscard]] std::vector<std::string> lines() const;
  [[nodiscard]] std::string text() const;
  // Positions in `entries` of the entries of `kind` (of the poll, or meeting-wide ones for the
  // ceremony's kinds), in board order.
  [[nodiscard]] std::vector<std::size_t> find(record::BoardKind kind) const;
  [[nodiscard]] record::BoardEntry &only(record::BoardKind kind); // throws unless exactly one
  // The record of the result entry, and replacing it (re-encoded; rebuild() afterwards).
  [[nodiscard]] record::Record result() const;
  void set_result(const record::Record &r);
};

// Makes the record in memory.
[[nodiscard]] SynthRecord synthesize(const SynthSpec &spec);
// Makes the record and writes it to `path` line by line as it goes (entries are not kept: a
// 500 x 1000 record does not fit comfortably in memory twice). Returns the record without entries.
[[nodiscard]] SynthRecord synthesize_to_file(const SynthSpec &spec, const std::filesystem::path &path);

struct RebuildOptions {
  bool renumber = true;      // seq = 1, 2, ... in the order of `entries`
  bool rechain = true;       // every prev and hash recomputed
  bool update_header = true; // header.entries and header.ballots counted again
  bool resign = true;        // the statement names the result entry again, signed by `signer`
  const crypto::SigningKey *signer = nullptr; // nullptr: the server key
};
// What an attacker who holds the server key does after editing entries: the file is consistent
// again except for what the edit broke.
void rebuild(SynthRecord &r, const RebuildOptions &o = {});

// Writes the file (record/'s writer; overwrites) and returns its fingerprint.
crypto::ByteArray<32> write_record_file(const SynthRecord &r, const std::filesystem::path &path);

// The spec of docs/record-sample.jsonl: 7 named members (one voting remotely), 4 nominees (one a
// collective) under the Decree 98 90 % rule, the 80 % rule with a quota of 2 and a tie at it that
// the chair decides, and the majority rule, one general question, 2-of-3 trustees, min_ballots 5.
[[nodiscard]] SynthSpec sample_record_spec();

} // namespace cv::tools
