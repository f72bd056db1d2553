// A trustee's role (Ban kiểm phiếu), without the network.
//
// Key ceremony (docs/protocol.md §12, docs/wire.md §8.5): a TrusteeSession is fed the pages of
// get_ceremony_messages and says what to do next:
//
//   auto s = load_ceremony_state(...)             // a saved session of this ceremony, if any,
//         or TrusteeSession::begin(meeting, keys, first_page);   // which draws a new polynomial
//   save it sealed (save_ceremony_state) BEFORE posting anything: a second begin() for the same
//   ceremony would make other messages, which the server refuses as duplicates;
//   loop: absorb(every page after next_after_seq()) ->
//         step(): post      -> send step.to_post (own commitments first, then one share per trustee)
//                 waiting   -> ask again later (step.waiting_for says for what)
//                 complain  -> send step.to_post (the complaints): the ceremony fails
//                 verified  -> every share to me verified: tell the secretary; wait for complete
//                 complete  -> finalize() and save_trustee_share(); the state file can be deleted
//                 failed    -> step.detail says why; the secretary starts a new ceremony
//
// Everything the session posts is generated once and kept in its state, so a retry (after a lost
// answer or a restart from the state file) posts byte-identical messages, which the server accepts
// again (docs/wire.md §8.5 "a byte-identical repost returns the original response").
//
// Decryption (docs/wire.md §8.5 get_tally / post_partial_decryption): make_partial_decryption
// recomputes the tally from the board's ballots before decrypting anything (threat model: a server
// must not get a single ballot decrypted by passing it off as a tally).
#pragma once

#include "councilvote/client/roles/poll_board.hpp"
#include "councilvote/crypto/keyfile.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cv::client::roles {

// ---------------------------------------------------------------------------------------------
// The key ceremony

enum class CeremonyProgress { post, waiting, complain, verified, complete, failed };
[[nodiscard]] std::string_view ceremony_progress_name(CeremonyProgress p) noexcept;

struct CeremonyStep {
  CeremonyProgress progress = CeremonyProgress::waiting;
  std::vector<protocol::PostCeremonyMessageRequest> to_post; // post: own messages; complain: complaints
  std::vector<std::string> waiting_for;                      // waiting: "commitments of trustee 2", ...
  std::string detail;                                        // failed / complain: why
};

class TrusteeSession {
public:
  // Starts this trustee's part in the ceremony of `view` (a get_ceremony_messages answer, any page):
  // checks that the ceremony context is the one of the roster the view shows (E_INCONSISTENT_DATA
  // "ceremony_context"), finds this trustee's index by its box key (E_INVALID_ARGUMENT when the key
  // file is not a trustee's of this ceremony), draws the secret polynomial and prepares the
  // commitments and the encrypted shares. Absorbs the view's messages.
  [[nodiscard]] static protocol::Result<TrusteeSession>
  begin(const protocol::MeetingId &meeting, const crypto::KeyFileContents &keys,
        const protocol::GetCeremonyMessagesResponse &view, crypto::Rng &rng = crypto::system_rng());

  // The session's own secrets and prepared messages (polynomial, commitments, shares): to be sealed
  // (save_ceremony_state) before the first post. restore() is the inverse; the messages seen are
  // not kept (absorb from after_seq 0 again).
  [[nodiscard]] protocol::Result<crypto::SecretBytes> state() const;
  [[nodiscard]] static protocol::Result<TrusteeSession> restore(crypto::ByteView state,
                                                                const crypto::KeyFileContents &keys);

  // Adds a page of get_ceremony_messages. E_INCONSISTENT_DATA: "ceremony_context" (another ceremony:
  // a new one was started; begin again), "trustees" (the roster or threshold changed), "message"
  // (a sender index that does not match the payload, the same board_seq with different contents),
  // "own_message" (a message under this trustee's index that this session did not make).
  [[nodiscard]] protocol::Result<void> absorb(const protocol::GetCeremonyMessagesResponse &page);
  // The after_seq for the next get_ceremony_messages.
  [[nodiscard]] std::uint64_t next_after_seq() const noexcept { return last_seq_; }

  // What to do now (see the top of this file). E_INCONSISTENT_DATA when the server's state
  // contradicts the messages (complete with messages missing: "state"; a joint key other than the
  // commitments': "joint_key").
  [[nodiscard]] protocol::Result<CeremonyStep> step() const;

  // This trustee's key share s_j = Σ_i f_i(j), with P_j and K, once every share to it verified
  // (progress verified or complete). E_INCONSISTENT_DATA "joint_key" when the server announced
  // another K; E_WRONG_STATE before.
  [[nodiscard]] protocol::Result<crypto::TrusteeKeyShare> finalize() const;

  [[nodiscard]] std::uint32_t index() const noexcept { return me_.index; }
  [[nodiscard]] std::uint32_t threshold() const noexcept { return ceremony_.t(); }
  [[nodiscard]] std::uint32_t trustee_count() const noexcept { return ceremony_.n(); }
  [[nodiscard]] const ByteArray<32> &ceremony_context() const noexcept { return ceremony_.context(); }
  [[nodiscard]] const protocol::MeetingId &meeting() const noexcept { return meeting_; }

private:
  TrusteeSession(protocol::MeetingId meeting, crypto::Ceremony ceremony, crypto::TrusteeSecrets me)
      : meeting_(std::move(meeting)), ceremony_(std::move(ceremony)), me_(std::move(me)) {}
  [[nodiscard]] protocol::Result<void> absorb_message(const protocol::CeremonyMessage &m);
  [[nodiscard]] crypto::CeremonyMessages received() const;

  protocol::MeetingId meeting_;
  crypto::Ceremony ceremony_;
  crypto::TrusteeSecrets me_;
  protocol::Bytes own_commitments_;                     // encoded
  std::map<std::uint32_t, protocol::Bytes> own_shares_; // recipient -> encoded share
  // What the board holds (as far as absorbed).
  std::uint64_t last_seq_ = 0;
  protocol::CeremonyState state_ = protocol::CeremonyState::collecting;
  std::optional<crypto::Point> server_joint_key_;
  std::map<std::uint64_t, protocol::CeremonyMessage> messages_; // by board_seq
  std::vector<crypto::TrusteeCommitments> commitments_;         // decoded, every sender
  std::vector<crypto::EncryptedShare> shares_to_me_;            // decoded, addressed to me
  std::map<std::uint32_t, std::string> undecodable_;            // sender -> why its message is unusable
  bool posted_commitments_ = false;
  std::map<std::uint32_t, bool> posted_shares_; // recipient -> on the board
  std::vector<std::string> complaints_seen_;    // "trustee 2 complained about trustee 3: ..."
  bool complained_ = false;                     // one of the complaints is mine
};

// Sealed ceremony state (sealed_blob.hpp, purpose "councilvote-trustee-ceremony/1").
[[nodiscard]] protocol::Result<void> save_ceremony_state(const std::filesystem::path &path,
                                                         const TrusteeSession &session,
                                                         std::string_view passphrase,
                                                         const crypto::KdfParams &params);
[[nodiscard]] protocol::Result<TrusteeSession> load_ceremony_state(const std::filesystem::path &path,
                                                                   std::string_view passphrase,
                                                                   const crypto::KeyFileContents &keys);

// ---------------------------------------------------------------------------------------------
// The key share file

struct TrusteeShareFile {
  protocol::MeetingId meeting;
  ByteArray<32> ceremony_context{};
  std::uint32_t threshold = 0;
  std::uint32_t trustees = 0;
  crypto::TrusteeKeyShare share; // index, s_j (sodium_malloc'd), P_j, K
};

[[nodiscard]] TrusteeShareFile share_file_of(const TrusteeSession &session, crypto::TrusteeKeyShare share);

// Sealed with sealed_blob.hpp, purpose "councilvote-trustee-share/1". Plaintext: str(meeting) ||
// fixed(ceremony_context) || u32(index) || u32(threshold) || u32(trustees) || s_j (32) || P_j (32) ||
// K (32). Opening checks that s_j is canonical and P_j = s_j·G (E_INVALID_ARGUMENT otherwise).
[[nodiscard]] protocol::Result<protocol::Bytes> seal_trustee_share(const TrusteeShareFile &file,
                                                                   std::string_view passphrase,
                                                                   const crypto::KdfParams &params,
                                                                   crypto::Rng &rng = crypto::system_rng());
[[nodiscard]] protocol::Result<TrusteeShareFile> open_trustee_share(protocol::ByteView sealed,
                                                                    std::string_view passphrase);
// Never overwrites an existing share file unless asked to.
[[nodiscard]] protocol::Result<void>
save_trustee_share(const std::filesystem::path &path, const TrusteeShareFile &file,
                   std::string_view passphrase, const crypto::KdfParams &params, bool overwrite = false);
[[nodiscard]] protocol::Result<TrusteeShareFile> load_trustee_share(const std::filesystem::path &path,
                                                                    std::string_view passphrase);

// ---------------------------------------------------------------------------------------------
// Partial decryption

// From the poll (get_poll), the poll's board entries (chain-verified; at least the manifest and
// every ballot entry of the poll, and the tally entry when present), the server's TallyStatus
// (get_tally) and this trustee's key share:
//   1. the poll definition verifies (record::verified_context) and, when the board holds the
//      manifest entry, it is the same definition ("manifest");
//   2. the key share belongs to the poll's ceremony (E_INVALID_ARGUMENT) and its P_j is the one the
//      published commitments give ("verification_share");
//   3. every ballot of the poll on the board verifies, one per member ("ballot",
//      "one_ballot_per_member"), and their sum is the server's tally ("tally"); when the board holds
//      the tally entry, it is the server's tally too;
//   4. the tally holds at least `min_ballots` ballots (the bundle's minimum, never below 2):
//      E_WRONG_STATE otherwise, check "min_ballots" — a total of one ballot is that ballot;
//   5. partial decryption of the totals under the tally context, checked before it is returned.
// Any failure of 1-3 is E_INCONSISTENT_DATA naming the check: the trustee must not decrypt.
[[nodiscard]] protocol::Result<protocol::PostPartialDecryptionRequest>
make_partial_decryption(const protocol::MeetingId &meeting, const protocol::PollInfo &poll,
                        std::span<const protocol::BoardEntry> board,
                        const protocol::TallyStatus &server_tally, const TrusteeShareFile &share,
                        std::uint32_t min_ballots, crypto::Rng &rng = crypto::system_rng());

// What a tally of `ballots` still reveals, for the trustee to read before decrypting (docs/threat-model.md
// §3): one sentence, in Vietnamese then English.
[[nodiscard]] std::string small_tally_warning(std::uint32_t ballots, std::uint32_t members);

} // namespace cv::client::roles
