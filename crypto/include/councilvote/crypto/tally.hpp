// Homomorphic tally of verified ballots, and decoding of the decrypted totals (docs/protocol.md §11).
#pragma once

#include "councilvote/crypto/ballot.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace cv::crypto {

// The per-slot sums of a poll's ballots: one slot per commendation contest, one per option of a
// general contest, in manifest order.
struct EncryptedTally {
  ByteArray<32> poll_context{};
  std::uint32_t ballots = 0;
  std::vector<Ciphertext> totals;
  // H32("CV/tally", fixed(poll_context), u32(ballots), u32(#totals), every total alpha || beta):
  // the context of the trustees' decryption proofs.
  [[nodiscard]] ByteArray<32> context() const;
};

[[nodiscard]] std::size_t tally_slot_count(const PollManifest &m);

// Adds the ballots (which must have passed verify_ballot for this poll).
[[nodiscard]] Result<EncryptedTally> tally_ballots(const PollContext &poll, std::span<const Ballot> ballots);

struct ContestResult {
  std::uint64_t agree = 0, disagree = 0, blank = 0; // commendation contests
  std::vector<std::uint64_t> option_counts;         // general contests: votes per option
};

// Turns the decrypted totals m·G (one per slot) into counts. Fails if a total is out of range,
// i.e. does not decode as agree + B·disagree with agree + disagree <= ballots.
[[nodiscard]] Result<std::vector<ContestResult>> decode_tally(const PollManifest &m, std::uint32_t ballots,
                                                              std::span<const Point> decrypted);

} // namespace cv::crypto
