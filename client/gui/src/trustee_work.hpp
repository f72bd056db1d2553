// The trustee's work (Ban kiểm phiếu), without widgets, on the member's unlocked key and pinned
// connection (member_session.hpp):
//   the key ceremony — begin (or resume from the sealed state file), seal the state and open it
//   again to check it BEFORE anything is posted, post the commitments and shares, verify the shares
//   received, and once complete save the sealed key share, open it again and check it;
//   the decryption — recompute the poll's tally from the board and prepare the partial decryption
//   (nothing is sent), show what it covers, and post it only when the trustee confirms.
// The files are the CLI's (client/cli/cmd_trustee.cpp): "member.ceremony.sealed" and
// "member.share-<ctx8>.sealed" next to the key file, sealed with the key file's passphrase.
#pragma once

#include "councilvote/client/roles/trustee.hpp"
#include "councilvote/crypto/secret.hpp"
#include "member_session.hpp"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace cv::gui {

// What the ceremony checklist shows.
struct CeremonyView {
  std::uint32_t index = 0, threshold = 0, trustees = 0;
  bool state_sealed = false;    // the state file was written, opened again and found the same
  bool posted = false;          // own commitments and every share are on the board
  bool shares_verified = false; // every share sent to this trustee verified
  bool complete = false;        // the share file is saved, opened again and checked
  bool failed = false;
  std::vector<std::string> waiting_for; // "commitments of trustee 2", ...
  std::string detail;                   // failed: why
  std::string joint_key_hex;            // complete
  std::filesystem::path share_file;     // complete
};

// What the trustee reads before confirming the decryption.
struct DecryptionView {
  protocol::PollId poll;
  std::uint32_t ballots = 0, members = 0, threshold = 0;
  std::uint64_t tally_seq = 0;
  std::string tally_fingerprint;   // the tally context, hex
  std::string warning;             // roles::small_tally_warning
  std::vector<std::uint32_t> held; // trustees whose partial the server holds
};

class TrusteeWork : public QObject {
  Q_OBJECT
public:
  explicit TrusteeWork(MemberSession &member, QObject *parent = nullptr);
  ~TrusteeWork() override;

  [[nodiscard]] bool busy() const noexcept { return busy_; }
  [[nodiscard]] const CeremonyView &ceremony() const noexcept { return view_; }

  // Starts (or resumes) the ceremony with the key file's passphrase, kept in sodium memory until
  // the share is saved. ceremony_changed on every step; failed on an error.
  void start_ceremony(crypto::SecretBytes passphrase);
  // Recomputes the tally of `poll` and prepares this trustee's partial decryption (not sent):
  // decryption_ready, or failed.
  void prepare_decryption(const protocol::PollId &poll, crypto::SecretBytes passphrase);
  // Sends the prepared partial decryption: decryption_posted with what the server now holds.
  void post_decryption();
  void forget_decryption();

signals:
  void busy_changed(bool busy);
  void ceremony_changed();
  void decryption_ready(const cv::gui::DecryptionView &view);
  void decryption_posted(const cv::protocol::PostPartialDecryptionResponse &response);
  void failed(const cv::protocol::Error &error);

private:
  void set_busy(bool b);
  void fail(const protocol::Error &e);
  void seal_and_check(client::roles::TrusteeSession session);
  void tick();
  void fetch_pages();
  void act();
  void post_next(std::vector<protocol::PostCeremonyMessageRequest> messages, std::size_t i);
  void save_share();
  [[nodiscard]] std::string_view passphrase() const;
  [[nodiscard]] std::filesystem::path state_path() const;
  [[nodiscard]] std::filesystem::path share_path(const protocol::Hash32 &context) const;
  [[nodiscard]] client::AsyncClient async() const;

  MemberSession &member_;
  std::optional<crypto::SecretBytes> passphrase_;
  std::optional<client::roles::TrusteeSession> session_;
  CeremonyView view_;
  QMetaObject::Connection pushes_;
  QPointer<client::Connection> pushes_conn_;
  QTimer poll_timer_; // looks at the board again while waiting (and on every ceremony push)
  bool busy_ = false;
  std::optional<protocol::PostPartialDecryptionRequest> prepared_;
};

} // namespace cv::gui

Q_DECLARE_METATYPE(cv::gui::DecryptionView)
Q_DECLARE_METATYPE(cv::protocol::PostPartialDecryptionResponse)
