// The Chair's decision of a tie at an award's quota (domain: "when more nominees pass than an
// award's quota allows, they are ranked by agree votes; a tie at the cut-off is decided by the
// Chair"), on the record: the chair signs, with his registered member key, which of the tied
// nominees of one award take the places left. The same object is the body of post_chair_decision
// (docs/wire.md §8.4), the payload of a `chair_decision` board entry (a UTF-8 JSON text, §7.2), and
// what every verifier reads: described here once, read by the wire through record::Reader.
//
//   sig = Ed25519 by `key`, tag "CV/chair-decision", over
//         str(meeting) || str(poll) || fixed(tally_context) || str(award) ||
//         u32(n) || u32(nominee_1) || ... || u32(nominee_n) || u32(member_no) || fixed(key)
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/sign.hpp"
#include "councilvote/record/error.hpp"
#include "councilvote/record/json.hpp"
#include "councilvote/record/reader.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cv::record {

inline constexpr std::string_view kChairDecisionTag = "CV/chair-decision";

struct ChairDecision {
  std::string meeting;                   // the meeting id
  std::string poll;                      // the poll id
  crypto::ByteArray<32> tally_context{}; // EncryptedTally::context() of the poll's tally entry
  std::string award;                     // NomineeRow::award of the tied nominees
  std::vector<std::uint32_t> nominees;   // the tied nominees who take the places left, ascending
  std::uint32_t member_no = 0;           // the chair's member number
  crypto::SignPublicKey key{};           // the chair's registered Ed25519 key
  crypto::Signature sig{};
  friend bool operator==(const ChairDecision &, const ChairDecision &) = default;
};

// {award, key, meeting, member_no, nominees, poll, sig, tally_context}
[[nodiscard]] Json chair_decision_to_json(const ChairDecision &d);
// Strict: ids, the award text (1..200 bytes), 1..4096 nominees 1..9999 strictly ascending, member
// number 1..9999, 32-byte key and context, 64-byte signature; nothing else.
[[nodiscard]] ChairDecision read_chair_decision(Reader &r);
// The payload text of a chair_decision board entry.
[[nodiscard]] Result<ChairDecision> decode_chair_decision(std::string_view text);
[[nodiscard]] std::string encode_chair_decision(const ChairDecision &d);

// The bytes the signature covers (the layout above).
[[nodiscard]] crypto::Bytes chair_decision_signed_message(const ChairDecision &d);
// Sets d.key and d.sig.
void sign_chair_decision(ChairDecision &d, const crypto::SigningKey &chair);
[[nodiscard]] bool verify_chair_decision_signature(const ChairDecision &d);

} // namespace cv::record
