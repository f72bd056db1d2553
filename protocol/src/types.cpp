#include "councilvote/protocol/types.hpp"

#include <array>
#include <string>

namespace cv::protocol {

namespace {

struct TypeInfo {
  MessageType type;
  std::string_view name;
  Audience audience;
  bool writes;      // changes the meeting (docs/wire.md §8.1): one transaction; its nonce is kept on disk
  bool resend_safe; // may be sent again after a lost answer
};

#define CV_TYPE_INFO(name, audience, writes, resend_safe, ...)                                               \
  {MessageType::name, #name, Audience::audience, writes, resend_safe},
constexpr std::array<TypeInfo, kMessageTypeCount> kTypes{{CV_MESSAGE_TYPES(CV_TYPE_INFO)}};
#undef CV_TYPE_INFO

constexpr std::array<MessageType, kMessageTypeCount> kTypeList = [] {
  std::array<MessageType, kMessageTypeCount> out{};
  for (std::size_t i = 0; i < kTypes.size(); ++i) out[i] = kTypes[i].type;
  return out;
}();

#define CV_PUSH_NAME(name, ...) #name,
#define CV_PUSH_VALUE(name, ...) PushType::name,
constexpr std::array<std::string_view, kPushTypeCount> kPushNames{CV_PUSH_TYPES(CV_PUSH_NAME)};
constexpr std::array<PushType, kPushTypeCount> kPushList{CV_PUSH_TYPES(CV_PUSH_VALUE)};
#undef CV_PUSH_NAME
#undef CV_PUSH_VALUE

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

bool resend_safe(MessageType t) noexcept {
  auto i = static_cast<std::size_t>(t);
  return i < kTypes.size() && kTypes[i].resend_safe;
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
