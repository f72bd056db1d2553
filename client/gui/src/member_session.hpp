// The member's session, without widgets: the files kept on disk (key, public key, bundle, saved
// ballots and receipts), unlocking the key, the pinned connection, the open poll, casting and the
// checks against the board and the record. Every network step goes through AsyncClient (never the
// blocking Client, never a nested event loop); unlocking the key (Argon2id) and building the
// ballot (encryption and proofs) run on a worker thread. Results come back as signals on the GUI
// thread. The screens (member_flow.hpp) only show what this object says.
#pragma once

#include "councilvote/client/client.hpp"
#include "councilvote/client/connection.hpp"
#include "councilvote/client/roles/ballot_file.hpp"
#include "councilvote/client/roles/member.hpp"
#include "councilvote/crypto/keyfile.hpp"
#include "councilvote/crypto/secret.hpp"
#include "councilvote/protocol/bundle.hpp"

#include <QObject>
#include <QPointer>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cv::gui {

// Where the member's files live: one directory per member and meeting.
struct MemberFiles {
  std::filesystem::path dir;
  [[nodiscard]] std::filesystem::path key() const { return dir / "member.key"; }
  [[nodiscard]] std::filesystem::path public_key() const { return dir / "member-public-key.txt"; }
  [[nodiscard]] std::filesystem::path bundle() const { return dir / "enrollment-bundle.txt"; }
  // The CLI's names next to the key file ("member.ballot-POLL.json", "member.receipt-POLL.json").
  [[nodiscard]] std::filesystem::path ballot(const protocol::PollId &poll) const;
  [[nodiscard]] std::filesystem::path receipt(const protocol::PollId &poll) const;
};

struct SessionOptions {
  std::filesystem::path dir;
  bool insecure_fast_kdf = false;  // tests and demos only: the key file resists guessing poorly
  bool insecure_plaintext = false; // tests only: ws:// to a loopback server
};

// What the member is doing, for progress and for the error sentences (error_text.hpp).
// ceremony and decrypt are the trustee's (trustee_work.hpp).
enum class Step { identity, bundle, unlock, connect, board, poll, encrypt, cast, check, ceremony, decrypt };

// The outcome of a check of the member's ballot (board, and after publication the record).
struct CheckOutcome {
  bool on_board = false; // lookup_tracking_code found it and the board entry is this ballot
  std::uint64_t board_seq = 0;
  bool published = false;    // the poll's record is published
  bool record_ok = false;    // the record verifies and counts this ballot (published only)
  std::string record_detail; // the first failed check of the record, when not ok
};

class MemberSession : public QObject {
  Q_OBJECT

public:
  explicit MemberSession(SessionOptions options, QObject *parent = nullptr);
  ~MemberSession() override; // waits for a worker still running

  [[nodiscard]] const MemberFiles &files() const noexcept { return files_; }
  [[nodiscard]] bool busy() const noexcept { return busy_; }

  // ----- identity (first run)
  [[nodiscard]] bool has_identity() const;
  // The member's public signing key (hex), from the public key file written with the key file.
  [[nodiscard]] std::optional<std::string> public_key_hex() const;
  [[nodiscard]] std::optional<std::string> identity_label() const;
  // Creates the sealed key file and the public key file (worker thread): identity_created or failed.
  void create_identity(const std::string &label, crypto::SecretBytes passphrase);

  // ----- the enrollment bundle
  [[nodiscard]] const std::optional<protocol::EnrollmentBundle> &bundle() const noexcept { return bundle_; }
  // Keeps the bundle (its compact form) after the member compared its short code.
  [[nodiscard]] protocol::Result<void> save_bundle(const protocol::EnrollmentBundle &b);

  // ----- unlock and connect
  [[nodiscard]] bool unlocked() const noexcept { return key_ != nullptr; }
  // Opens the key (worker thread), connects to the bundle's server and looks for the open poll:
  // unlocked, then poll_ready / no_poll, or failed(Step::unlock | connect | board | poll).
  void unlock(crypto::SecretBytes passphrase);
  // Looks again for the newest poll on the board and its state.
  void refresh();
  // Forgets the key and the connection.
  void lock();

  // ----- the poll
  [[nodiscard]] const std::optional<client::VerifiedPoll> &poll() const noexcept { return poll_; }
  // The saved ballot of the poll (with its receipt once cast).
  [[nodiscard]] const std::optional<client::roles::SavedBallot> &saved() const noexcept { return saved_; }
  [[nodiscard]] bool voted() const noexcept { return saved_ && saved_->receipt; }
  // Builds the ballot (worker thread), saves it, casts it and checks the receipt: cast_done or
  // failed(Step::encrypt | cast). After a lost answer a new call sends the same saved bytes.
  void cast(std::vector<client::roles::MemberChoice> choices);
  // Looks the ballot up on the board, and after publication checks the record: checked or failed.
  void check();

  [[nodiscard]] client::Connection *connection() const noexcept { return conn_.get(); }
  // The unlocked key (nullptr when locked): the trustee's work (trustee_work.hpp) uses its box key.
  [[nodiscard]] const crypto::KeyFileContents *keys() const noexcept { return key_.get(); }
  [[nodiscard]] const SessionOptions &options() const noexcept { return options_; }

signals:
  void busy_changed(bool busy);
  void progress(cv::gui::Step step, quint64 done, quint64 total); // total 0: unknown
  void identity_created();
  void unlocked_changed();
  void poll_ready();
  void no_poll();
  void cast_done();
  void checked(const cv::gui::CheckOutcome &outcome);
  void failed(cv::gui::Step step, const cv::protocol::Error &error);

private:
  void set_busy(bool b);
  void fail(Step step, const protocol::Error &e);
  void load_poll(const protocol::PollId &poll);
  void send_saved(client::roles::PreparedBallot prepared);
  void check_record(CheckOutcome outcome);
  [[nodiscard]] client::AsyncClient async() const;

  SessionOptions options_;
  MemberFiles files_;
  std::optional<protocol::EnrollmentBundle> bundle_;
  std::unique_ptr<crypto::KeyFileContents> key_;
  std::unique_ptr<client::Connection> conn_;
  std::optional<client::VerifiedPoll> poll_;
  std::optional<client::roles::SavedBallot> saved_;
  bool busy_ = false;
  bool refresh_pending_ = false; // a poll_opened push came while busy
};

} // namespace cv::gui

Q_DECLARE_METATYPE(cv::gui::Step)
Q_DECLARE_METATYPE(cv::gui::CheckOutcome)
Q_DECLARE_METATYPE(cv::protocol::Error)
