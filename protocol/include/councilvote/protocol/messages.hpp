// The message table of types.hpp (CV_MESSAGE_TYPES, CV_PUSH_TYPES) at compile time: the request
// and response body types of every operation and the body type of every push (bodies.hpp).
//
//   protocol::MessageTraits<MessageType::cast_ballot>::Request   // CastBallotRequest
//   protocol::ResponseBody<MessageType::get_poll>                // PollInfo
//   protocol::PushTraits<PushType::turnout>::Body                // TurnoutInfo
//
// for_each_message_type / for_each_push_type call a generic function once per row, in table order,
// with MessageTag<T> / PushTag<T> (for code and tests that go from a run-time type to its bodies).
#pragma once

#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/types.hpp"

#include <string_view>
#include <type_traits>

namespace cv::protocol {

template <MessageType T> struct MessageTraits;
template <PushType T> struct PushTraits;

#define CV_MESSAGE_TRAITS(n, aud, wr, rs, Req, Resp)                                                         \
  template <> struct MessageTraits<MessageType::n> {                                                         \
    using Request = Req;                                                                                     \
    using Response = Resp;                                                                                   \
    static constexpr MessageType type = MessageType::n;                                                      \
    static constexpr std::string_view name = #n;                                                             \
    static constexpr Audience audience = Audience::aud;                                                      \
    static constexpr bool writes = wr;                                                                       \
    static constexpr bool resend_safe = rs;                                                                  \
  };
CV_MESSAGE_TYPES(CV_MESSAGE_TRAITS)
#undef CV_MESSAGE_TRAITS

#define CV_PUSH_TRAITS(n, B)                                                                                 \
  template <> struct PushTraits<PushType::n> {                                                               \
    using Body = B;                                                                                          \
    static constexpr PushType type = PushType::n;                                                            \
    static constexpr std::string_view name = #n;                                                             \
  };
CV_PUSH_TYPES(CV_PUSH_TRAITS)
#undef CV_PUSH_TRAITS

template <MessageType T> using RequestBody = typename MessageTraits<T>::Request;
template <MessageType T> using ResponseBody = typename MessageTraits<T>::Response;
template <PushType T> using PushBody = typename PushTraits<T>::Body;

template <MessageType T> using MessageTag = std::integral_constant<MessageType, T>;
template <PushType T> using PushTag = std::integral_constant<PushType, T>;

// f(MessageTag<T>{}) for every operation of the table, in order.
template <class F> constexpr void for_each_message_type(F &&f) {
#define CV_VISIT(n, ...) f(MessageTag<MessageType::n>{});
  CV_MESSAGE_TYPES(CV_VISIT)
#undef CV_VISIT
}

// f(PushTag<T>{}) for every push of the table, in order.
template <class F> constexpr void for_each_push_type(F &&f) {
#define CV_VISIT(n, ...) f(PushTag<PushType::n>{});
  CV_PUSH_TYPES(CV_VISIT)
#undef CV_VISIT
}

} // namespace cv::protocol
