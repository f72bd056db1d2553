// Message types, pushes, roles, and who may send what (docs/wire.md §5.3, §8.1).
#pragma once

#include "councilvote/protocol/error.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cv::protocol {

inline constexpr int kProtocolVersion = 1; // the "v" of every message

enum class MessageType {
  // secretary
  import_roster,
  import_nominees,
  define_rule_profile,
  set_award_quota,
  register_member_key,
  register_member_keys,
  set_attendance,
  set_trustees,
  open_poll,
  open_room,
  close_poll,
  turnout,
  start_tally,
  publish_record,
  // member
  cast_ballot,
  // trustee
  post_ceremony_message,
  get_ceremony_messages,
  get_tally,
  post_partial_decryption,
  // anyone with the enrollment bundle
  get_poll,
  lookup_tracking_code,
  get_board,
  get_record,
};
inline constexpr int kMessageTypeCount = static_cast<int>(MessageType::get_record) + 1;

enum class PushType { poll_opened, poll_closed, turnout, result_published, ceremony_message };
inline constexpr int kPushTypeCount = static_cast<int>(PushType::ceremony_message) + 1;

[[nodiscard]] std::string_view message_type_name(MessageType t) noexcept; // "cast_ballot"
[[nodiscard]] std::optional<MessageType> message_type_from_name(std::string_view name) noexcept;
[[nodiscard]] std::span<const MessageType> all_message_types() noexcept;
[[nodiscard]] std::string_view push_type_name(PushType t) noexcept;
[[nodiscard]] std::optional<PushType> push_type_from_name(std::string_view name) noexcept;
[[nodiscard]] std::span<const PushType> all_push_types() noexcept;

// The roles a key can hold in a meeting; one key may hold several (a council member who also sits
// on the vote-counting committee is member + trustee).
enum class Role : std::uint8_t { secretary = 1, member = 2, trustee = 4 };

class RoleSet {
public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (auto r : roles) bits_ |= static_cast<std::uint8_t>(r);
  }
  [[nodiscard]] constexpr bool has(Role r) const noexcept {
    return (bits_ & static_cast<std::uint8_t>(r)) != 0;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr RoleSet &add(Role r) noexcept {
    bits_ |= static_cast<std::uint8_t>(r);
    return *this;
  }

private:
  std::uint8_t bits_ = 0;
};

// Who may send a message type: a role, or anyone (any Ed25519 key, registered or not).
enum class Audience { anyone, secretary, member, trustee };
[[nodiscard]] Audience audience(MessageType t) noexcept;
[[nodiscard]] std::string_view audience_name(Audience a) noexcept;
// Whether the operation changes the meeting (docs/wire.md §8.1 "changes"): it runs in one
// transaction, and its (key, nonce) pair is kept on disk across restarts (§4.3).
[[nodiscard]] bool writes(MessageType t) noexcept;

// docs/wire.md §4.4 step 11: ok for `anyone` messages; otherwise E_UNKNOWN_KEY when the key holds
// no role in the meeting, E_NOT_TRUSTEE for a trustee message from a non-trustee, E_FORBIDDEN for
// any other missing role.
[[nodiscard]] Result<void> authorize(MessageType t, RoleSet roles);

} // namespace cv::protocol
