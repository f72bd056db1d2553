// Polls, contests and council ballots (docs/protocol.md §8–§10).
//
// A commendation contest (one nominee: Đồng ý / Không đồng ý / blank) is one ciphertext of
//   0 (blank), 1 (Đồng ý) or B (Không đồng ý),   B = the poll's disagree weight > roster size,
// with a 3-branch disjunctive proof; the contest total T = agree + B·disagree decodes uniquely.
// A general contest of n options (choose between min and max) is n ciphertexts of 0/1, each with a
// 2-branch proof, plus a proof that their sum encrypts a value in [min, max].
#pragma once

#include "councilvote/crypto/disjunctive.hpp"
#include "councilvote/crypto/elgamal.hpp"
#include "councilvote/crypto/sign.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cv::crypto {

inline constexpr std::uint8_t kBallotFormat = 1;
inline constexpr std::uint32_t kMaxContests = 4096;
inline constexpr std::uint32_t kMaxOptions = 63;
inline constexpr std::size_t kMaxIdLength = 256;
inline constexpr std::size_t kTrackingCodeBytes = 32;

enum class ContestKind : std::uint8_t { commendation = 1, general = 2 };

struct ContestSpec {
  std::string id; // e.g. the nominee number
  ContestKind kind = ContestKind::commendation;
  std::uint32_t options = 2; // commendation: 2 (option 0 = Đồng ý, option 1 = Không đồng ý)
  std::uint32_t min_selections = 0;
  std::uint32_t max_selections = 1;
  friend bool operator==(const ContestSpec &, const ContestSpec &) = default;
};

struct PollManifest {
  std::string meeting_id;
  std::string poll_id;
  std::uint32_t disagree_weight = 0; // B; must exceed the number of members on the roster
  std::vector<ContestSpec> contests;
  ByteArray<32> roster_digest{}; // Roster::digest() of the members entitled to vote

  [[nodiscard]] static ContestSpec commendation(std::string id) { return ContestSpec{std::move(id)}; }
  [[nodiscard]] Result<void> validate() const;
  [[nodiscard]] ByteArray<32> digest() const;
  friend bool operator==(const PollManifest &, const PollManifest &) = default;
};

// What every ballot of a poll is bound to.
struct PollContext {
  PollManifest manifest;
  Point joint_key;
  [[nodiscard]] ByteArray<32> hash() const; // the context hash
};

struct Roster {
  std::vector<SignPublicKey> members;
  [[nodiscard]] bool contains(const SignPublicKey &pk) const noexcept;
  // H32("CV/roster", str(group), u32(#members), every key in roster order)
  [[nodiscard]] ByteArray<32> digest() const;
};

// A member's plaintext choice in one contest: the selected option indices (empty = blank).
struct ContestSelection {
  std::vector<std::uint32_t> selected;
  [[nodiscard]] static ContestSelection blank() { return {}; }
  [[nodiscard]] static ContestSelection agree() { return {{0}}; }
  [[nodiscard]] static ContestSelection disagree() { return {{1}}; }
};

struct EncryptedContest {
  ContestKind kind = ContestKind::commendation;
  std::vector<Ciphertext> ciphertexts;       // commendation: 1; general: one per option
  std::vector<DisjunctiveProof> proofs;      // one per ciphertext
  std::optional<DisjunctiveProof> sum_proof; // general contests only
};

struct Ballot {
  std::uint8_t format = kBallotFormat;
  ByteArray<32> context_hash{};
  SignPublicKey member_key{};
  std::vector<EncryptedContest> contests;
  Signature signature{};

  [[nodiscard]] Bytes encode_body() const;           // everything but the signature
  [[nodiscard]] Bytes encode() const;                // body || signature: the wire form
  [[nodiscard]] ByteArray<32> ballot_hash() const;   // H("CV/ballot-hash", body)
  [[nodiscard]] ByteArray<32> tracking_code() const; // H("CV/tracking-code", encode())
};

[[nodiscard]] Result<Ballot> decode_ballot(ByteView wire);

// The tracking code of a ballot's wire bytes (docs/protocol.md §9.3): H32("CV/tracking-code",
// var(wire)). Ballot::tracking_code() is this of encode().
[[nodiscard]] ByteArray<32> tracking_code_of(ByteView wire);

// Short human-readable tracking code: the first 10 bytes in Crockford base32, as XXXX-XXXX-XXXX-XXXX.
[[nodiscard]] std::string short_tracking_code(const ByteArray<32> &code);

// The message the member signs: context hash || ballot hash, under tag "CV/ballot-signature".
[[nodiscard]] Bytes ballot_signing_message(const ByteArray<32> &context_hash,
                                           const ByteArray<32> &ballot_hash);

struct BallotRequest {
  const PollContext &poll;
  const SigningKey &member;
  const std::vector<ContestSelection> &selections; // one per contest
  Rng &rng;
};
[[nodiscard]] Result<Ballot> encrypt_ballot(const BallotRequest &req);

// Checks everything with public data only; the error's `check` names the failing check, and its
// message starts with that name (see docs/protocol.md §10 for the list and order): manifest, roster,
// format, context, eligibility, contest_count, contest[i].shape, signature,
// contest[i].ciphertext[j].proof, contest[i].sum_proof.
[[nodiscard]] Result<void> verify_ballot(const PollContext &poll, const Roster &roster, const Ballot &ballot);
// The same with a caller-owned fast verifier for the poll's joint key (reuse it across ballots).
// The proofs are checked in batches (BatchVerifier, batch.hpp), split over the cores for a large
// ballot; a failing batch names the same check, with the same error, as verifying proof by proof.
[[nodiscard]] Result<void> verify_ballot(const PollContext &poll, const Roster &roster, const Ballot &ballot,
                                         const FastVerifier &fast);
// Many ballots of one poll (an offline verifier): result i is what verify_ballot(poll, roster,
// ballots[i], fast) returns, whatever the batching. The proofs of several ballots share one batch;
// ballots are taken in turn by `threads` threads (0: one per core, at most 8).
[[nodiscard]] std::vector<Result<void>> verify_ballots(const PollContext &poll, const Roster &roster,
                                                       std::span<const Ballot> ballots,
                                                       const FastVerifier &fast, unsigned threads = 0);
class TallyAccumulator; // tally.hpp

// What verify_wire_ballots says of one ballot's wire bytes.
struct WireBallotResult {
  std::optional<SignPublicKey> member_key; // the ballot's key, when the bytes decode as a ballot
  Result<void> verdict;                    // decode_ballot's error, or else verify_ballot's result
};
// An offline verifier's ballots of one poll, from their wire bytes: result i is what
// decode_ballot(wires[i]) and then verify_ballot(poll, roster, ballot, fast) give, and every ballot
// that verifies has its ciphertexts added to `tally` (as tally_ballots would), which must have
// tally_slot_count(poll.manifest) slots. Each point is decoded once, by libdecaf, for its validation,
// the batch and the tally; the ballots are decoded, verified (as verify_ballots batches them) and
// added by `threads` threads (0: one per core, at most 8).
[[nodiscard]] std::vector<WireBallotResult>
verify_wire_ballots(const PollContext &poll, const Roster &roster, std::span<const ByteView> wires,
                    const FastVerifier &fast, TallyAccumulator &tally, unsigned threads = 0);
// The value sets the proofs use, from the manifest.
[[nodiscard]] std::vector<std::uint32_t> selection_values(const PollManifest &m, const ContestSpec &c);
[[nodiscard]] std::vector<std::uint32_t> sum_values(const ContestSpec &c);

} // namespace cv::crypto
