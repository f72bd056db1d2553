// Homomorphic tally of verified ballots, and decoding of the decrypted totals (docs/protocol.md §11).
#pragma once

#include "councilvote/crypto/ballot.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace cv::crypto {

namespace detail {
struct TallyAccess; // crypto/src/tally_internal.hpp: ballots whose points are already decoded
} // namespace detail

// The per-slot sums of a poll's ballots: one slot per commendation contest, one per option of a
// general contest, in manifest order.
// The fewest ballots a tally must hold to be decrypted (docs/threat-model.md §3): an aggregate of one
// ballot is that ballot, and of very few it narrows each vote down. A meeting fixes its minimum at
// `councilvote-server init` (default 5, never below 2) and the bundle tells every client.
inline constexpr std::uint32_t kLowestMinBallots = 2;
inline constexpr std::uint32_t kDefaultMinBallots = 5;
inline constexpr std::uint32_t kMaxMinBallots = 9999;

struct EncryptedTally {
  ByteArray<32> poll_context{};
  std::uint32_t ballots = 0;
  std::vector<Ciphertext> totals;
  // H32("CV/tally", fixed(poll_context), u32(ballots), u32(#totals), every total alpha || beta):
  // the context of the trustees' decryption proofs.
  [[nodiscard]] ByteArray<32> context() const;
};

[[nodiscard]] std::size_t tally_slot_count(const PollManifest &m);

// Errc::invalid_argument unless `ballots` ≥ max(min_ballots, kLowestMinBallots): the check before
// any tally is published or decrypted (the server, every trustee, every verifier).
[[nodiscard]] Result<void> check_enough_ballots(std::uint32_t ballots, std::uint32_t min_ballots);

// Adds the ballots (which must have passed verify_ballot for this poll).
[[nodiscard]] Result<EncryptedTally> tally_ballots(const PollContext &poll, std::span<const Ballot> ballots);

// The per-slot sums of ballots added one at a time (what tally_ballots gives for them all), kept as
// libdecaf points: adding a ballot costs point additions only, and the sums are encoded when
// totals() is called. verify_wire_ballots adds the ballots it verifies.
class TallyAccumulator {
public:
  explicit TallyAccumulator(std::size_t slots);
  ~TallyAccumulator();
  TallyAccumulator(TallyAccumulator &&) noexcept;
  TallyAccumulator &operator=(TallyAccumulator &&) noexcept;
  TallyAccumulator(const TallyAccumulator &) = delete;
  TallyAccumulator &operator=(const TallyAccumulator &) = delete;

  [[nodiscard]] std::size_t slot_count() const noexcept;
  [[nodiscard]] std::uint32_t ballots() const noexcept;
  // Adds the ballot's ciphertexts, slot by slot; Errc::invalid_argument (nothing added) when it does
  // not have one ciphertext per slot.
  [[nodiscard]] Result<void> add(const Ballot &ballot);
  // Adds the other's sums and ballots; Errc::invalid_argument when it has another number of slots.
  [[nodiscard]] Result<void> merge(const TallyAccumulator &other);
  // The sums, one ciphertext per slot.
  [[nodiscard]] std::vector<Ciphertext> totals() const;

private:
  friend struct detail::TallyAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct ContestResult {
  std::uint64_t agree = 0, disagree = 0, blank = 0; // commendation contests
  std::vector<std::uint64_t> option_counts;         // general contests: votes per option
};

// Turns the decrypted totals m·G (one per slot) into counts. Fails if a total is out of range,
// i.e. does not decode as agree + B·disagree with agree + disagree <= ballots.
[[nodiscard]] Result<std::vector<ContestResult>> decode_tally(const PollManifest &m, std::uint32_t ballots,
                                                              std::span<const Point> decrypted);

} // namespace cv::crypto
