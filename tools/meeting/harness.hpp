// A meeting driven end to end over the real protocol, for the demo, the crash test and the load
// benchmark: the server runs as a child process (server_process.hpp); the secretary, every member
// and every trustee is its own pinned, signed connection (cv_client), as with the CLI or the GUI.
#pragma once

#include "councilvote/client/client.hpp"
#include "councilvote/client/connection.hpp"
#include "councilvote/client/roles/member.hpp"
#include "councilvote/client/roles/trustee.hpp"
#include "councilvote/crypto/keyfile.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/record.hpp"
#include "event_loop.hpp" // spin_until
#include "server_process.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace cv::tools {

template <class T> using Result = protocol::Result<T>;

struct HarnessOptions {
  std::filesystem::path meeting_dir; // must not exist
  QString server_binary;
  QStringList serve_args; // extra `serve` options (limits)
  MeetingParams meeting;
  client::ConnectionOptions connection; // for every participant's connection
};

// A participant: a key file's contents and a connection with that key.
struct Participant {
  std::uint32_t member_no = 0;
  crypto::KeyFileContents keys;
  std::unique_ptr<client::Connection> connection;
  std::unique_ptr<client::Client> client;
};

class MeetingHarness {
public:
  MeetingHarness(HarnessOptions options, std::ostream &log);
  ~MeetingHarness();

  // init + serve; the secretary connects.
  [[nodiscard]] Result<void> start_server();
  // Restarts `serve` on the same directory (after stop_server or kill_server).
  [[nodiscard]] Result<void> restart_server();
  void stop_server();
  void kill_server(); // SIGKILL
  [[nodiscard]] ServerProcess &server() { return *server_; }
  [[nodiscard]] const protocol::EnrollmentBundle &bundle() const { return server_->bundle(); }
  [[nodiscard]] const protocol::MeetingId &meeting_id() const { return meeting_id_; }

  // Rules, roster (each member gets a fresh key pair, registered by the secretary), nominees and
  // their award quotas.
  [[nodiscard]] Result<void> load_meeting(const std::vector<protocol::RuleProfile> &rules,
                                          const protocol::ImportRosterRequest &roster,
                                          const protocol::ImportNomineesRequest &nominees,
                                          const std::vector<protocol::SetAwardQuotaRequest> &quotas);
  // Before load_meeting: member `member_no` gets these keys (a key file made elsewhere, e.g. by the
  // GUI under test) instead of a fresh pair.
  void preset_member_keys(std::uint32_t member_no, crypto::KeyFileContents keys);
  [[nodiscard]] Result<protocol::AttendanceSummary>
  set_attendance(const std::map<std::uint32_t, protocol::Attendance> &attendance);
  // set_trustees + every trustee runs TrusteeSession until the ceremony is complete.
  [[nodiscard]] Result<crypto::Point> run_key_ceremony(const std::vector<std::uint32_t> &trustee_members,
                                                       std::uint32_t threshold);
  // The same in steps, with the trustees in `external` driven from elsewhere (the GUI under test):
  // set_trustees, then every other trustee begins; each round, each of them reads the board and
  // posts what it has to. A round says whether all of them are complete.
  [[nodiscard]] Result<void> begin_key_ceremony(const std::vector<std::uint32_t> &trustee_members,
                                                std::uint32_t threshold,
                                                const std::vector<std::uint32_t> &external = {});
  [[nodiscard]] Result<bool> key_ceremony_round();

  [[nodiscard]] client::Client &secretary() { return *secretary_client_; }
  // The secretary's signing key (for tests that sign requests by hand).
  [[nodiscard]] const crypto::SigningKey &secretary_key() const { return secretary_key_; }
  [[nodiscard]] Participant &member(std::uint32_t member_no);
  [[nodiscard]] std::vector<std::uint32_t> member_numbers() const;

  // The member fetches and checks the poll, builds the ballot once, and casts it.
  struct Cast {
    client::roles::PreparedBallot ballot;
    protocol::Receipt receipt;
  };
  [[nodiscard]] Result<Cast> vote(std::uint32_t member_no, const protocol::PollId &poll,
                                  const std::vector<client::roles::MemberChoice> &choices);
  [[nodiscard]] Result<client::VerifiedPoll> verified_poll(std::uint32_t member_no,
                                                           const protocol::PollId &poll);

  // Trustee `member_no` recomputes the tally from the board and posts its partial decryption.
  [[nodiscard]] Result<protocol::PostPartialDecryptionResponse> decrypt(std::uint32_t member_no,
                                                                        const protocol::PollId &poll);

private:
  [[nodiscard]] Result<void> connect(Participant &p);
  HarnessOptions options_;
  std::ostream &log_;
  std::unique_ptr<ServerProcess> server_;
  protocol::MeetingId meeting_id_;
  crypto::SigningKey secretary_key_;
  std::unique_ptr<client::Connection> secretary_connection_;
  std::unique_ptr<client::Client> secretary_client_;
  std::map<std::uint32_t, Participant> members_;
  std::map<std::uint32_t, crypto::KeyFileContents> preset_keys_;
  std::map<std::uint32_t, client::roles::TrusteeShareFile> shares_; // trustee member_no -> key share
  struct CeremonyTrustee {
    std::uint32_t member_no;
    client::roles::TrusteeSession session;
    bool done = false;
  };
  std::vector<CeremonyTrustee> ceremony_; // the harness's own trustees of the ceremony under way
};

// The error of `r` with `what` (who did what) in front of its message.
template <class T> [[nodiscard]] protocol::Error with_context(const Result<T> &r, const std::string &what) {
  auto e = r.error();
  e.message = what + ": " + e.message;
  return e;
}

// Milliseconds since `start`, for the step timings.
[[nodiscard]] inline long long elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
      .count();
}

} // namespace cv::tools
