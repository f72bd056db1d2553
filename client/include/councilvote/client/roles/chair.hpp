// The chair's role, without the network: his decision of a tie at an award's quota (docs/wire.md
// §8.4 post_chair_decision), built from the board as it is and signed with his member key. The
// server (and every verifier) checks that the signer is the chair and that the decision fits the
// tie; this side checks what it can see on the board, so that the chair signs what he means.
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cv::client::roles {

// From the (chain-verified) board: the poll's manifest (every nominee must be a commendation
// contest of the poll with this award: E_INVALID_ARGUMENT otherwise, or for a repeated number), its
// tally entry (the decision is bound to EncryptedTally::context()), and its attendance entry (the
// chair's member number is the one at his key's place on the roster: E_INVALID_ARGUMENT when the
// key is not on it). The nominees are sorted. E_INCONSISTENT_DATA when an entry is missing or does
// not read (check "manifest", "tally", "attendance").
[[nodiscard]] protocol::Result<protocol::ChairDecision>
build_chair_decision(const protocol::MeetingId &meeting, const protocol::PollId &poll,
                     std::span<const protocol::BoardEntry> board, const crypto::SigningKey &chair,
                     const std::string &award, std::vector<std::uint32_t> nominees);

// The nominees' names, "2 Đỗ Xuân Trung, 3 Dương Quốc Nam", from the poll's manifest on the board.
[[nodiscard]] std::string chair_decision_summary(const protocol::ChairDecision &d,
                                                 std::span<const protocol::BoardEntry> board);

} // namespace cv::client::roles
