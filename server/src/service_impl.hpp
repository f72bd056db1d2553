// MeetingService's private parts, shared by the service_*.cpp files (one file per group of
// operations of docs/wire.md §8).
#pragma once

#include "councilvote/crypto/threshold.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/crypto_error.hpp"
#include "councilvote/protocol/record.hpp"
#include "councilvote/protocol/statements.hpp"
#include "councilvote/schema/store.hpp"
#include "councilvote/server/meeting_service.hpp"
#include "councilvote/server/store_error.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cv::server {

// At most one turnout push per poll per second (docs/wire.md §5.3).
inline constexpr std::int64_t kTurnoutPushIntervalMs = 1000;

namespace detail {

using protocol::Error;
using protocol::ErrorCode;
template <class T> using Result = protocol::Result<T>;

// ---- errors (store errors: store_error, store_error.hpp; crypto errors: protocol::from_crypto)
[[nodiscard]] Error op_error(ErrorCode code, std::string message);
[[nodiscard]] Error op_check_error(ErrorCode code, std::string check, std::string message);
[[nodiscard]] Error wrong_poll(std::string_view poll_id);

// ---- conversions between the store's rows and the wire's (service_convert.cpp)
[[nodiscard]] std::optional<std::uint64_t> utc_ms(const std::optional<std::string> &text);
[[nodiscard]] schema::MemberRow member_row(const protocol::RosterRow &r);
[[nodiscard]] Result<protocol::NomineeRow> nominee_row(const schema::Nominee &n);
[[nodiscard]] schema::Nominee nominee_of(const protocol::NomineeRow &r);
[[nodiscard]] Result<protocol::RuleProfile> rule_profile(const schema::RuleProfile &p);
[[nodiscard]] schema::RuleProfile rule_row(const protocol::RuleProfile &p);
// The payload of a poll's `attendance` board entry.
[[nodiscard]] Result<protocol::FrozenAttendance>
frozen_attendance_of(const protocol::PollId &poll, const std::vector<schema::MemberAttendance> &rows);
[[nodiscard]] Result<crypto::Ceremony> crypto_ceremony(const protocol::MeetingId &meeting,
                                                       const schema::KeyCeremony &c);
[[nodiscard]] std::string actor_of(std::string_view role, std::int64_t number);

// A poll's published definition, parsed once from its manifest entry (it never changes).
struct LoadedPoll {
  protocol::PollDefinition definition;
  crypto::PollContext context;
  crypto::Roster roster;
  std::uint64_t manifest_seq = 0;
  std::unique_ptr<crypto::FastVerifier> fast; // for the poll's joint key
};

// A poll's published tally entry.
struct LoadedTally {
  protocol::TallyInfo info;
  std::uint64_t seq = 0;
  crypto::EncryptedTally encrypted;
  crypto::ByteArray<32> context{}; // EncryptedTally::context()
};

// The sender of a request as the meeting knows it.
struct Sender {
  crypto::SignPublicKey key{};
  std::optional<schema::Member> member;
};

} // namespace detail

struct MeetingService::Impl {
  MeetingDir dir;
  schema::Store store;
  crypto::SigningKey server_signing;
  protocol::MeetingId meeting_id;
  schema::Meeting meeting;
  std::vector<crypto::SignPublicKey> secretaries;
  protocol::Clock clock;
  std::map<std::string, std::shared_ptr<const detail::LoadedPoll>, std::less<>> poll_cache;
  std::map<std::string, std::int64_t, std::less<>> last_turnout_push; // poll -> clock ms
  std::set<std::string, std::less<>> turnout_push_pending;            // throttled: due later

  Impl(MeetingDir d, schema::Store s, crypto::SigningKey k, protocol::MeetingId id, schema::Meeting m,
       std::vector<crypto::SignPublicKey> sec, protocol::Clock c)
      : dir(std::move(d)), store(std::move(s)), server_signing(std::move(k)), meeting_id(std::move(id)),
        meeting(std::move(m)), secretaries(std::move(sec)), clock(std::move(c)) {}

  [[nodiscard]] detail::Result<protocol::RoleSet> roles(const crypto::SignPublicKey &key) const;
  // docs/wire.md §4.3: the pair on disk (joins the caller's transaction); E_REPLAYED_REQUEST if kept already.
  [[nodiscard]] detail::Result<void> keep_nonce(const RequestHandler::RememberedNonce &n);
  [[nodiscard]] detail::Result<ServiceOutput> run(protocol::MessageType type,
                                                  const crypto::SignPublicKey &key, const QJsonObject &body,
                                                  const RequestHandler::RememberedNonce *keep = nullptr);
  [[nodiscard]] detail::Result<ServiceOutput> dispatch(protocol::MessageType type, const detail::Sender &s,
                                                       const QJsonObject &body);

  // ---- shared lookups (service_common.cpp)
  [[nodiscard]] std::uint64_t now_ms() const;
  [[nodiscard]] detail::Result<detail::Sender> sender(const crypto::SignPublicKey &key) const;
  [[nodiscard]] detail::Result<schema::Poll> find_poll(const protocol::PollId &poll) const; // E_WRONG_POLL
  [[nodiscard]] detail::Result<std::shared_ptr<const detail::LoadedPoll>> loaded_poll(const schema::Poll &p);
  [[nodiscard]] detail::Result<protocol::PollInfo>
  poll_info(const schema::Poll &p, const protocol::PollDefinition &def, std::uint64_t manifest_seq) const;
  [[nodiscard]] detail::Result<void> require_no_open_poll() const; // E_WRONG_STATE
  [[nodiscard]] detail::Result<std::vector<schema::Contest>> all_contests() const;
  [[nodiscard]] detail::Result<protocol::Checkpoint> checkpoint() const;
  [[nodiscard]] detail::Result<std::optional<detail::LoadedTally>> tally_of(std::string_view poll_id) const;
  [[nodiscard]] detail::Result<crypto::ThresholdPublicKey> ceremony_key(const schema::KeyCeremony &c) const;
  // The sender's trustee index in the ceremony, if it is one of its trustees.
  [[nodiscard]] static std::optional<std::uint32_t> trustee_index(const schema::KeyCeremony &c,
                                                                  const detail::Sender &s);
  [[nodiscard]] detail::Result<protocol::Receipt> receipt(const protocol::PollId &poll,
                                                          const schema::BallotReceipt &r) const;

  // ---- secretary: setup (service_setup.cpp)
  detail::Result<ServiceOutput> import_roster(const QJsonObject &body);
  detail::Result<ServiceOutput> import_nominees(const QJsonObject &body);
  detail::Result<ServiceOutput> define_rule_profile(const QJsonObject &body);
  detail::Result<ServiceOutput> set_award_quota(const QJsonObject &body);
  detail::Result<ServiceOutput> register_member_key(const QJsonObject &body);
  detail::Result<ServiceOutput> register_member_keys(const QJsonObject &body);
  detail::Result<void> register_key(const protocol::RegisterMemberKeyRequest &req,
                                    const std::vector<schema::Member> &members);
  detail::Result<ServiceOutput> set_attendance(const QJsonObject &body);
  detail::Result<ServiceOutput> set_trustees(const QJsonObject &body);
  // ---- secretary: polls (service_poll.cpp)
  detail::Result<ServiceOutput> open_poll(const QJsonObject &body);
  detail::Result<ServiceOutput> open_room(const QJsonObject &body);
  detail::Result<ServiceOutput> close_poll(const QJsonObject &body);
  detail::Result<ServiceOutput> turnout(const QJsonObject &body);
  detail::Result<protocol::TurnoutInfo> turnout_info(const schema::Poll &p);
  // ---- secretary: tally and record (service_tally.cpp, service_record.cpp)
  detail::Result<ServiceOutput> start_tally(const QJsonObject &body);
  detail::Result<ServiceOutput> publish_record(const QJsonObject &body);
  // What publish_record would make the record of a closed poll from now: its tally, at least t
  // partial decryptions combined and decoded, the frozen attendance, the rules, quotas and the
  // chair's decisions on the board. E_WRONG_STATE before the tally or with fewer than t partials.
  [[nodiscard]] detail::Result<protocol::RecordInput> record_input(const schema::Poll &poll);
  // ---- member (service_member.cpp)
  detail::Result<ServiceOutput> cast_ballot(const detail::Sender &s, const QJsonObject &body);
  // ---- the chair, a member (service_chair.cpp)
  detail::Result<ServiceOutput> post_chair_decision(const detail::Sender &s, const QJsonObject &body);
  // ---- trustee (service_trustee.cpp, service_tally.cpp)
  detail::Result<ServiceOutput> post_ceremony_message(const detail::Sender &s, const QJsonObject &body);
  detail::Result<ServiceOutput> get_ceremony_messages(const QJsonObject &body);
  detail::Result<ServiceOutput> get_tally(const detail::Sender &s, const QJsonObject &body);
  detail::Result<ServiceOutput> post_partial_decryption(const detail::Sender &s, const QJsonObject &body);
  // ---- anyone (service_public.cpp)
  detail::Result<ServiceOutput> get_poll(const QJsonObject &body);
  detail::Result<ServiceOutput> lookup_tracking_code(const QJsonObject &body);
  detail::Result<ServiceOutput> get_board(const QJsonObject &body);
  detail::Result<ServiceOutput> get_record(const QJsonObject &body);
  detail::Result<ServiceOutput> preview_record(const QJsonObject &body);
};

} // namespace cv::server
