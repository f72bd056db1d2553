// The board payloads (docs/wire.md §7.2, §8.2, §6.3, §2): the poll definition of a `manifest`
// entry, the `attendance` entry, the `tally` entry, the signed record statement and the enrollment
// bundle. Their one description: each is written (`*_to_json`) and read strictly (`read_*`, with
// record::Reader) here, with no Qt; the wire library (protocol/src/payloads.cpp) reads and writes
// them through these functions, with its own error codes and paths.
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/sign.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/record/council.hpp"
#include "councilvote/record/error.hpp"
#include "councilvote/record/reader.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::record {

// What a client shows for a contest; not part of the manifest.
struct ContestDisplay {
  std::optional<NomineeRow> nominee; // commendation contests
  std::string label;                 // general contests (omitted when empty)
  std::vector<std::string> option_labels;
  friend bool operator==(const ContestDisplay &, const ContestDisplay &) = default;
};

struct CeremonyInfo {
  std::uint32_t threshold = 0;
  std::vector<crypto::TrusteeInfo> trustees; // index and box key
  std::vector<crypto::Bytes> commitments;    // docs/protocol.md §12.3 encoding, one per trustee
  friend bool operator==(const CeremonyInfo &, const CeremonyInfo &) = default;
};

// The remote members' early window (open_poll, the manifest entry): from inclusive, until exclusive.
struct RemoteWindow {
  std::uint64_t from_ms = 0, until_ms = 0;
  friend bool operator==(const RemoteWindow &, const RemoteWindow &) = default;
};
[[nodiscard]] Json remote_window_to_json(const RemoteWindow &w);
[[nodiscard]] RemoteWindow read_remote_window(Reader &r); // bad_field unless from < until

// What open_poll fixes and publishes on the board (a `manifest` entry, docs/wire.md §8.2
// PollDefinition): everything a client needs to build and check a crypto::PollContext.
struct PollDefinition {
  std::string poll, title;
  std::optional<RemoteWindow> remote_window;
  crypto::PollManifest manifest;
  std::vector<ContestDisplay> display;       // one per contest
  std::vector<crypto::SignPublicKey> roster; // ascending member number
  crypto::Point joint_key;
  crypto::ByteArray<32> context_hash{};
  CeremonyInfo ceremony;
  friend bool operator==(const PollDefinition &, const PollDefinition &) = default;
};
[[nodiscard]] Json poll_definition_to_json(const PollDefinition &d);
[[nodiscard]] PollDefinition read_poll_definition(Reader &r);
[[nodiscard]] Result<PollDefinition> read_poll_definition(std::string_view text);

// The checks of docs/wire.md §6.4 (check names meeting, poll, manifest, display, roster,
// disagree_weight, ceremony, joint_key, context_hash): the context every ballot is bound to.
[[nodiscard]] Result<crypto::PollContext> verified_context(const PollDefinition &d, std::string_view meeting);
// K and every P_j from the ceremony (check "ceremony").
[[nodiscard]] Result<crypto::ThresholdPublicKey> ceremony_public_key(std::string_view meeting,
                                                                     const CeremonyInfo &c);

struct FrozenMember {
  std::uint32_t member_no = 0;
  Attendance status = Attendance::unknown; // present, remote, absent or unknown
  friend bool operator==(const FrozenMember &, const FrozenMember &) = default;
};
struct AttendanceCounts {
  std::uint32_t members = 0, present = 0, remote = 0, absent = 0, unknown = 0;
};
// An `attendance` entry (close_poll): every roster member's attendance when the poll closed, once
// each, strictly ascending member_no. The record, the turnout of a closed poll and the auditor count
// with it; later set_attendance calls never change it.
struct FrozenAttendance {
  std::string poll;
  std::vector<FrozenMember> members;
  [[nodiscard]] AttendanceCounts counts() const;
  friend bool operator==(const FrozenAttendance &, const FrozenAttendance &) = default;
};
[[nodiscard]] Json frozen_attendance_to_json(const FrozenAttendance &a);
// invalid_argument unless the member numbers are strictly ascending.
[[nodiscard]] FrozenAttendance read_frozen_attendance(Reader &r);
[[nodiscard]] Result<FrozenAttendance> read_frozen_attendance(std::string_view text);

// A `tally` entry (start_tally): the homomorphic sums of the poll's ballots.
struct TallyInfo {
  std::string poll;
  crypto::ByteArray<32> poll_context{};
  std::uint32_t ballots = 0;
  std::vector<crypto::Ciphertext> totals;
  [[nodiscard]] crypto::EncryptedTally encrypted_tally() const { return {poll_context, ballots, totals}; }
  friend bool operator==(const TallyInfo &, const TallyInfo &) = default;
};
[[nodiscard]] Json tally_info_to_json(const TallyInfo &t);
[[nodiscard]] TallyInfo read_tally_info(Reader &r);
[[nodiscard]] Result<TallyInfo> read_tally_info(std::string_view text);

inline constexpr std::string_view kRecordStatementTag = "CV/record";
inline constexpr std::string_view kRecordDigestTag = "CV/record-digest";
// The signed RecordStatement (docs/wire.md §6.3).
struct RecordStatement {
  std::string meeting, poll;
  crypto::ByteArray<32> record_digest{};
  std::uint64_t board_seq = 0;
  crypto::ByteArray<32> board_head{};
  std::uint64_t server_time_ms = 0;
  crypto::Signature sig{};
  friend bool operator==(const RecordStatement &, const RecordStatement &) = default;
};
[[nodiscard]] Json record_statement_to_json(const RecordStatement &s);
[[nodiscard]] RecordStatement read_record_statement(Reader &r);
// str(meeting) || str(poll) || fixed(record_digest) || u64(board_seq) || fixed(board_head) ||
// u64(server_time)
[[nodiscard]] crypto::Bytes record_signed_message(const RecordStatement &s);
void sign_record_statement(RecordStatement &s, const crypto::SigningKey &server); // tag CV/record
[[nodiscard]] bool verify_record_statement(const RecordStatement &s, const crypto::SignPublicKey &server_key);
// H32("CV/record-digest", var(record bytes))
[[nodiscard]] crypto::ByteArray<32> record_digest(std::string_view record_text);

inline constexpr std::string_view kBundleFormat = "councilvote-enrollment/2";
inline constexpr std::string_view kEnrollmentTag = "CV/enrollment";          // the bundle's signature
inline constexpr std::string_view kEnrollmentCodeTag = "CV/enrollment-code"; // its short code
// The enrollment bundle's JSON form (docs/wire.md §2): who the server is. Its members, signed bytes,
// signature and short code are described here once; the wire's EnrollmentBundle (protocol/bundle.hpp)
// is this with a checked host name and its compact CV2 form, and reads its JSON with read_bundle.
struct Bundle {
  std::string meeting, host;
  std::uint32_t port = 0, min_ballots = 0;
  crypto::ByteArray<32> tls_cert_sha256{};
  crypto::SignPublicKey server_key{};
  crypto::Signature sig{};
};
[[nodiscard]] Bundle read_bundle(Reader &r);
// str(meeting) || str(host) || u32(port) || u32(min_ballots) || fixed(tls_cert_sha256) || fixed(server_key)
[[nodiscard]] crypto::Bytes bundle_signed_message(const Bundle &b);
[[nodiscard]] bool verify_bundle(const Bundle &b); // the server's signature (tag CV/enrollment)
void sign_bundle(Bundle &b, const crypto::SigningKey &server);
// "XXXX-XXXX-XXXX-XXXX", the code people compare (docs/wire.md §2).
[[nodiscard]] std::string bundle_code(const Bundle &b);

} // namespace cv::record
