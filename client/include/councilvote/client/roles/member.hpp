// A council member's role, without the network: checks the poll the server describes
// (docs/wire.md §6.4), turns the member's choices into a signed encrypted ballot
// (docs/protocol.md §9) with its tracking code, and checks the receipt. The ballot bytes are built
// once and kept (ballot_file.hpp): a retry of cast_ballot must send the SAME bytes (docs/wire.md
// §8.4), never a re-encryption.
#pragma once

#include "councilvote/client/roles/ballot_file.hpp"
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/statements.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cv::client::roles {

// ---------------------------------------------------------------------------------------------
// Choices

// A commendation contest: Đồng ý (agree), Không đồng ý (disagree), or a blank row (phiếu trắng).
enum class Choice { agree, disagree, blank };

[[nodiscard]] std::string_view choice_name(Choice c) noexcept; // "agree", "disagree", "blank"

// One word, case-insensitive, surrounding blanks ignored, '_' or a space for '-':
//   agree:    agree, a, yes, y, đồng ý, dong-y, dongy
//   disagree: disagree, d, no, n, không đồng ý, khong-dong-y, khongdongy, k.đồng ý, k.dong-y
//   blank:    blank, b, -, trống, trong, để trống, de-trong, trắng, trang, phiếu trắng, phieu-trang
// (the result table's words "Đồng ý", "K.đồng ý", "Trống" included)
// E_INVALID_ARGUMENT otherwise (an empty word too: "agree,,blank" is a mistake, not a blank).
[[nodiscard]] protocol::Result<Choice> parse_choice(std::string_view word);
// Every word parse_choice accepts, by choice, for --help and error messages: "agree: agree a yes y
// đồng-ý ...; disagree: ...; blank: blank b - trống ...".
[[nodiscard]] std::string choice_words_help();
// A comma- or newline-separated list: "agree,disagree,blank". Errors name the 1-based position.
[[nodiscard]] protocol::Result<std::vector<Choice>> parse_choices(std::string_view list);

// What a member marks in one contest.
struct MemberChoice {
  Choice choice = Choice::blank;      // commendation contests
  std::vector<std::uint32_t> options; // general contests: the selected option indices (0-based)

  [[nodiscard]] static MemberChoice of(Choice c) { return {c, {}}; }
  [[nodiscard]] static MemberChoice of_options(std::vector<std::uint32_t> o) {
    return {Choice::blank, std::move(o)};
  }
};

// The choices for every contest of `manifest`, from a comma/newline-separated list with one entry per
// contest: a choice word (parse_choice) for a commendation contest; for a general contest, the
// 1-based numbers of the selected options joined by '+' ("1+3"), or a blank word for none.
// E_INVALID_ARGUMENT naming the contest when the count, a word or an option is wrong.
[[nodiscard]] protocol::Result<std::vector<MemberChoice>>
parse_member_choices(const crypto::PollManifest &manifest, std::string_view list);

// The same choice in every contest (general contests: no option), e.g. "agree with everyone".
[[nodiscard]] std::vector<MemberChoice> uniform_choices(const crypto::PollManifest &manifest, Choice c);

// The crypto layer's selections, one per contest. E_INVALID_ARGUMENT naming the contest: wrong
// count; options given for a commendation contest; an option out of range or repeated; a number of
// selections outside the contest's min..max.
[[nodiscard]] protocol::Result<std::vector<crypto::ContestSelection>>
selections_for(const crypto::PollManifest &manifest, std::span<const MemberChoice> choices);

// ---------------------------------------------------------------------------------------------
// The ballot

struct PreparedBallot {
  protocol::MeetingId meeting;
  protocol::PollId poll;
  Bytes ballot;                  // the signed wire bytes: send them, and the same ones on every retry
  ByteArray<32> tracking_code{}; // H32("CV/tracking-code", var(ballot))
  ByteArray<32> context_hash{};  // the poll's context (docs/protocol.md §8)

  [[nodiscard]] std::string short_tracking_code() const; // XXXX-XXXX-XXXX-XXXX
  [[nodiscard]] protocol::CastBallotRequest cast_request() const { return {poll, ballot}; }
  // What to keep on disk until (and after) the receipt arrives.
  [[nodiscard]] SavedBallot saved() const;
  [[nodiscard]] static PreparedBallot from_saved(const SavedBallot &s);
};

// Checks the poll (record::verified_context: E_INCONSISTENT_DATA naming the check), that
// `member` is on its roster (E_INVALID_ARGUMENT: wrong key file?), turns the choices into
// selections, encrypts, signs, and verifies the result as the server will (decode + verify_ballot).
[[nodiscard]] protocol::Result<PreparedBallot> build_ballot(const protocol::MeetingId &meeting,
                                                            const protocol::PollInfo &poll,
                                                            const crypto::SigningKey &member,
                                                            std::span<const MemberChoice> choices,
                                                            crypto::Rng &rng = crypto::system_rng());

// After casting (docs/wire.md §6.4): the receipt's signature under the bundle's server key
// (E_BAD_SIGNATURE), then E_INCONSISTENT_DATA with check "receipt.meeting", "receipt.poll" or
// "receipt.tracking_code" when it is not about this ballot.
[[nodiscard]] protocol::Result<void> check_receipt(const PreparedBallot &ballot,
                                                   const protocol::Receipt &receipt,
                                                   const crypto::SignPublicKey &server_key);

// After lookup_tracking_code: the board entry it names (`page`, get_board from that entry, limit 1)
// is this ballot — the entry's hash is its own and the one named, a ballot of `poll` whose bytes
// have this tracking code. E_INCONSISTENT_DATA with check "board_seq" (no such entry) or "entry".
[[nodiscard]] protocol::Result<void> check_lookup_entry(const protocol::PollId &poll,
                                                        const ByteArray<32> &tracking_code,
                                                        const protocol::LookupTrackingCodeResponse &found,
                                                        const protocol::GetBoardResponse &page);

} // namespace cv::client::roles
