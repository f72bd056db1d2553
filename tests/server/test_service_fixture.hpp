// Shared by the MeetingService tests: a meeting directory in a temporary folder, the service on a
// clock the test moves, deterministic keys for the secretary, the 22 members of data/roster.csv and
// three trustees, and a second store connection to check that a rejected request wrote nothing.
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/schema/store.hpp"
#include "councilvote/server/meeting_service.hpp"

#include <QJsonObject>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cv::test::service {

inline constexpr std::int64_t kStart = 1'750'000'000'000;
inline constexpr std::uint32_t kMembers = 22;
inline constexpr const char *kMeeting = "vinhlong-2025-06";

// What the meeting has written so far: equal before and after means a request wrote nothing.
struct Written {
  std::uint64_t board_seq = 0;
  crypto::ByteArray<32> head{};
  std::size_t audit_rows = 0;
  friend bool operator==(const Written &, const Written &) = default;
};

struct Trustee {
  std::uint32_t index = 0;
  std::uint32_t member_no = 0;
  crypto::TrusteeSecrets secrets;
  crypto::TrusteeKeyShare share; // after the ceremony
};

class ServiceFixture {
public:
  ServiceFixture();
  ~ServiceFixture();
  ServiceFixture(const ServiceFixture &) = delete;
  ServiceFixture &operator=(const ServiceFixture &) = delete;

  [[nodiscard]] protocol::Result<server::ServiceOutput>
  call(protocol::MessageType type, const crypto::SigningKey &sender, const QJsonObject &body);
  // REQUIREs success and returns the response body.
  QJsonObject ok(protocol::MessageType type, const crypto::SigningKey &sender, const QJsonObject &body);
  // REQUIREs failure with `code` and that nothing was written; returns the error.
  protocol::Error fails(protocol::MessageType type, const crypto::SigningKey &sender, const QJsonObject &body,
                        protocol::ErrorCode code);
  [[nodiscard]] Written written();

  // Setup steps, each REQUIREd to succeed.
  void import_roster();   // data/roster.csv, 22 members
  void register_keys();   // every member's key
  void import_nominees(); // nominees 1..3 (decree98-90) and 4 (council-majority)
  void set_attendance();  // 1..18 present, 19..20 remote, 21 absent, 22 unknown
  void run_ceremony();    // trustees = members 1..3, t = 2, every commitment and share
  void setup();           // all of the above
  protocol::PollInfo open_poll(const std::string &poll, protocol::OpenPhase phase);
  [[nodiscard]] crypto::PollContext context_of(const protocol::PollInfo &info) const;
  // A ballot of member `member_no` (all "agree", or the given selections).
  [[nodiscard]] crypto::Bytes ballot(const protocol::PollInfo &info, std::uint32_t member_no,
                                     std::vector<crypto::ContestSelection> selections = {});
  QJsonObject cast(const std::string &poll, std::uint32_t member_no, const crypto::Bytes &ballot);

  [[nodiscard]] const crypto::SigningKey &member(std::uint32_t member_no) const {
    return members_.at(member_no - 1);
  }
  [[nodiscard]] const protocol::MeetingId &meeting() const { return meeting_; }

  std::filesystem::path root;
  server::MeetingDir dir;
  std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(kStart);
  crypto::DeterministicRng rng = crypto::DeterministicRng::from_label("service tests");
  crypto::SigningKey secretary;
  crypto::SigningKey stranger;
  std::unique_ptr<server::MeetingService> service;
  std::unique_ptr<schema::Store> inspect; // a second connection to meeting.db
  std::vector<Trustee> trustees;
  crypto::ByteArray<32> ceremony_context{};

private:
  std::vector<crypto::SigningKey> members_;
  protocol::MeetingId meeting_;
};

// The nominee rows the fixture imports.
[[nodiscard]] std::vector<protocol::NomineeRow> test_nominees();
// Contests for open_poll: one per test nominee, then a general question with 3 options (0..2).
[[nodiscard]] std::vector<protocol::ContestDef> test_contests();
[[nodiscard]] QJsonObject poll_ref(const std::string &poll);

} // namespace cv::test::service
