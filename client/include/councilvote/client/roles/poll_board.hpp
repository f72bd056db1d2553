// Reading one poll off the bulletin board (docs/wire.md §7.3), shared by the trustee (who recomputes
// the tally before decrypting) and the auditor: the poll's manifest, its ballots (each decoded and
// verified, at most one per member key), the recomputed encrypted tally and its comparison with the
// server's. The entries must already be chain-verified (protocol::verify_board_chain).
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cv::client::roles {

using protocol::ByteArray;
using protocol::Bytes;
using protocol::ByteView;

// The entries of `kind` for `poll`, in board order.
[[nodiscard]] std::vector<const protocol::BoardEntry *>
poll_entries(std::span<const protocol::BoardEntry> board, const protocol::PollId &poll,
             protocol::BoardEntryKind kind);

// The polls whose manifest entry is on the board, in board order (each once).
[[nodiscard]] std::vector<protocol::PollId> board_polls(std::span<const protocol::BoardEntry> board);

// The poll's single manifest entry parsed as a PollDefinition. E_INCONSISTENT_DATA with check
// "manifest" when there is none, more than one, or it does not parse.
[[nodiscard]] protocol::Result<protocol::PollDefinition>
board_poll_definition(std::span<const protocol::BoardEntry> board, const protocol::PollId &poll,
                      std::uint64_t *seq = nullptr);

struct PollBallots {
  std::vector<crypto::Ballot> ballots; // in board order
  std::vector<std::uint64_t> seqs;     // their board entries
  std::vector<ByteArray<32>> tracking_codes;
};

// Every ballot entry of `poll`: decoded and verified (crypto::verify_ballot) against `ctx` and
// `roster`. E_INCONSISTENT_DATA with check "ballot" ("board entry 17: contest[2].sum_proof: ...") or
// "one_ballot_per_member" (a second ballot with the same member key, naming both entries).
[[nodiscard]] protocol::Result<PollBallots> collect_poll_ballots(const crypto::PollContext &ctx,
                                                                 const crypto::Roster &roster,
                                                                 const protocol::PollId &poll,
                                                                 std::span<const protocol::BoardEntry> board);

// crypto::tally_ballots over collect_poll_ballots's ballots.
[[nodiscard]] protocol::Result<crypto::EncryptedTally> recompute_tally(const crypto::PollContext &ctx,
                                                                       const PollBallots &ballots);

// E_INCONSISTENT_DATA with check "tally" naming the first difference (poll, poll_context, ballots,
// number of slots, totals[i]).
[[nodiscard]] protocol::Result<void> compare_tally(const crypto::EncryptedTally &mine,
                                                   const protocol::PollId &poll,
                                                   const protocol::TallyInfo &server);

// The poll's single tally entry parsed as a TallyInfo. E_INCONSISTENT_DATA with check "tally" when
// there is none, more than one, or it does not parse.
[[nodiscard]] protocol::Result<protocol::TallyInfo> board_tally(std::span<const protocol::BoardEntry> board,
                                                                const protocol::PollId &poll,
                                                                std::uint64_t *seq = nullptr);

// K and every P_j from a poll's ceremony (the commitments must verify under its roster, meeting id
// `meeting`). E_INCONSISTENT_DATA with check "ceremony".
[[nodiscard]] protocol::Result<crypto::ThresholdPublicKey>
ceremony_public_key(const protocol::MeetingId &meeting, const protocol::CeremonyInfo &ceremony);

// The board entry of the ballot of `poll` with this tracking code.
[[nodiscard]] std::optional<std::uint64_t> find_tracking_code(std::span<const protocol::BoardEntry> board,
                                                              const protocol::PollId &poll,
                                                              const ByteArray<32> &tracking_code);

} // namespace cv::client::roles
