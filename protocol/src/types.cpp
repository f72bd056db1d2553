#include "councilvote/protocol/types.hpp"

#include <array>
#include <string>

namespace cv::protocol {

namespace {

struct TypeInfo {
  MessageType type;
  std::string_view name;
  Audience audience;
  bool writes; // changes the meeting (docs/wire.md §8.1): one transaction; its nonce is kept on disk
};

constexpr std::array<TypeInfo, kMessageTypeCount> kTypes{{
    {MessageType::import_roster, "import_roster", Audience::secretary, true},
    {MessageType::import_nominees, "import_nominees", Audience::secretary, true},
    {MessageType::define_rule_profile, "define_rule_profile", Audience::secretary, true},
    {MessageType::set_award_quota, "set_award_quota", Audience::secretary, true},
    {MessageType::register_member_key, "register_member_key", Audience::secretary, true},
    {MessageType::register_member_keys, "register_member_keys", Audience::secretary, true},
    {MessageType::set_attendance, "set_attendance", Audience::secretary, true},
    {MessageType::set_trustees, "set_trustees", Audience::secretary, true},
    {MessageType::open_poll, "open_poll", Audience::secretary, true},
    {MessageType::open_room, "open_room", Audience::secretary, true},
    {MessageType::close_poll, "close_poll", Audience::secretary, true},
    {MessageType::turnout, "turnout", Audience::secretary, false},
    {MessageType::start_tally, "start_tally", Audience::secretary, true},
    {MessageType::publish_record, "publish_record", Audience::secretary, true},
    {MessageType::cast_ballot, "cast_ballot", Audience::member, true},
    {MessageType::post_ceremony_message, "post_ceremony_message", Audience::trustee, true},
    {MessageType::get_ceremony_messages, "get_ceremony_messages", Audience::trustee, false},
    {MessageType::get_tally, "get_tally", Audience::trustee, false},
    {MessageType::post_partial_decryption, "post_partial_decryption", Audience::trustee, true},
    {MessageType::get_poll, "get_poll", Audience::anyone, false},
    {MessageType::lookup_tracking_code, "lookup_tracking_code", Audience::anyone, false},
    {MessageType::get_board, "get_board", Audience::anyone, false},
    {MessageType::get_record, "get_record", Audience::anyone, false},
}};

constexpr std::array<MessageType, kMessageTypeCount> kTypeList = [] {
  std::array<MessageType, kMessageTypeCount> out{};
  for (std::size_t i = 0; i < kTypes.size(); ++i) out[i] = kTypes[i].type;
  return out;
}();

constexpr std::array<std::string_view, kPushTypeCount> kPushNames{"poll_opened", "poll_closed", "turnout",
                                                                  "result_published", "ceremony_message"};
constexpr std::array<PushType, kPushTypeCount> kPushList{PushType::poll_opened, PushType::poll_closed,
                                                         PushType::turnout, PushType::result_published,
                                                         PushType::ceremony_message};

static_assert([] {
  for (std::size_t i = 0; i < kTypes.size(); ++i)
    if (static_cast<std::size_t>(kTypes[i].type) != i) return false;
  return true;
}());

} // namespace

std::string_view message_type_name(MessageType t) noexcept {
  auto i = static_cast<std::size_t>(t);
  return i < kTypes.size() ? kTypes[i].name : std::string_view("?");
}

std::optional<MessageType> message_type_from_name(std::string_view name) noexcept {
  for (const auto &t : kTypes)
    if (t.name == name) return t.type;
  return std::nullopt;
}

std::span<const MessageType> all_message_types() noexcept { return kTypeList; }

std::string_view push_type_name(PushType t) noexcept {
  auto i = static_cast<std::size_t>(t);
  return i < kPushNames.size() ? kPushNames[i] : std::string_view("?");
}

std::optional<PushType> push_type_from_name(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kPushNames.size(); ++i)
    if (kPushNames[i] == name) return kPushList[i];
  return std::nullopt;
}

std::span<const PushType> all_push_types() noexcept { return kPushList; }

Audience audience(MessageType t) noexcept {
  auto i = static_cast<std::size_t>(t);
  return i < kTypes.size() ? kTypes[i].audience : Audience::secretary;
}

bool writes(MessageType t) noexcept {
  auto i = static_cast<std::size_t>(t);
  return i >= kTypes.size() || kTypes[i].writes;
}

std::string_view audience_name(Audience a) noexcept {
  switch (a) {
  case Audience::anyone:
    return "anyone";
  case Audience::secretary:
    return "secretary";
  case Audience::member:
    return "member";
  case Audience::trustee:
    return "trustee";
  }
  return "?";
}

Result<void> authorize(MessageType t, RoleSet roles) {
  auto a = audience(t);
  if (a == Audience::anyone) return {};
  std::string what(message_type_name(t));
  if (roles.empty())
    return make_error(ErrorCode::unknown_key, "the key is not registered in this meeting (" + what +
                                                  " needs the " + std::string(audience_name(a)) + " role)");
  Role need = a == Audience::secretary ? Role::secretary
              : a == Audience::member  ? Role::member
                                       : Role::trustee;
  if (roles.has(need)) return {};
  if (need == Role::trustee)
    return make_error(ErrorCode::not_trustee, what + " is for trustees, and this key is not a trustee");
  return make_error(ErrorCode::forbidden, what + " needs the " + std::string(audience_name(a)) + " role");
}

} // namespace cv::protocol
