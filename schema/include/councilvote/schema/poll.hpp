// Polls, their contests, ballots, turnout and results as the store keeps them.
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/enums.hpp"
#include "councilvote/schema/receipt.hpp"
#include "councilvote/schema/roster.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::schema {

// draft -> open_remote -> open -> closed -> tallied -> published, and draft -> open.
using record::PollState;
[[nodiscard]] std::string_view to_string(PollState s) noexcept;

struct PollSpec {
  std::string poll_id; // 1..256 bytes
  std::string title;
  std::uint32_t disagree_weight = 0;       // B, greater than the number of members
  crypto::ByteArray<32> manifest_digest{}; // PollManifest::digest()
  crypto::ByteArray<32> context_hash{};    // PollContext::hash(), with the ceremony's joint key
};

// One contest in manifest order. A commendation contest names its nominee and rule; a general
// contest has 1..63 options of which min..max are chosen.
struct Contest {
  std::string contest_id; // the manifest's contest id, e.g. the nominee number
  crypto::ContestKind kind = crypto::ContestKind::commendation;
  std::optional<std::int64_t> nominee_no{};
  std::string title;
  std::optional<std::string> rule_id{};
  std::uint32_t options = 2;
  std::uint32_t min_selections = 0;
  std::uint32_t max_selections = 1;
};

struct Poll {
  PollSpec spec;
  std::int64_t ceremony_no = 0;
  PollState state = PollState::draft;
  std::string created_at;
  std::optional<std::string> remote_opened_at, opened_at, closed_at, tallied_at, published_at;
};

using record::Channel;
[[nodiscard]] std::string_view to_string(Channel c) noexcept;

// A ballot the server has decoded and verified (crypto::verify_ballot) and now records.
struct BallotSubmission {
  std::string poll_id;
  crypto::SignPublicKey member_key{};
  crypto::ByteArray<32> tracking_code{}; // Ballot::tracking_code() of `wire`
  crypto::ByteView wire;                 // the signed ballot exactly as received (viewed, not owned)
  Channel channel = Channel::in_room;
};

struct StoredBallot {
  crypto::SignPublicKey member_key{};
  Channel channel = Channel::in_room;
  crypto::Bytes wire;
  BallotReceipt receipt;
};

// One member's attendance as frozen for a poll at close.
struct MemberAttendance {
  std::int64_t member_no = 0;
  Attendance attendance = Attendance::unknown;
  friend bool operator==(const MemberAttendance &, const MemberAttendance &) = default;
};

// A (key, nonce) pair of an accepted write request (docs/wire.md §4.3), remembered until expires_ms.
struct UsedNonce {
  crypto::SignPublicKey key{};
  crypto::ByteArray<16> nonce{};
  std::int64_t expires_ms = 0;
};

// Who has voted, never how.
struct Turnout {
  std::vector<std::int64_t> voters; // member numbers, ascending
  std::uint32_t in_room = 0;
  std::uint32_t remote = 0;
};

struct PartialDecryptionRecord {
  std::uint32_t trustee_index = 0;
  crypto::Bytes payload; // encode_partial_decryption (docs/protocol.md §12.6)
  BoardReceipt entry;
};

using record::Outcome; // đạt / không đạt
[[nodiscard]] std::string_view to_string(Outcome o) noexcept;

// The result of a commendation contest; agree + disagree + blank + not_voted = council members.
struct ContestTally {
  std::uint32_t position = 0; // the contest's index in the poll
  std::uint32_t agree = 0, disagree = 0, blank = 0, not_voted = 0;
  Outcome outcome = Outcome::not_passed;
  std::optional<std::uint32_t> quota_rank{};
};

} // namespace cv::schema
