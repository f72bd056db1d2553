// The record/ types the wire carries (nominee rows, rule profiles, chair decisions, the board
// payloads) have one description, record's: its writer and its strict reader. The wire goes through
// them with its own error codes and paths (protocol/src/through_record.cpp). RecordCodec<T> names the
// two for such a T (specialised in bodies.hpp with CV_PROTOCOL_RECORD_TYPE); it is empty for the
// wire's own bodies, which have a field list of their own.
#pragma once

#include "councilvote/protocol/json.hpp"

#include <QJsonObject>

namespace cv::protocol {

template <class T> struct RecordCodec {};

template <class T>
concept RecordType = requires(ObjectReader &r, const T &v) {
  { RecordCodec<T>::read(r) } -> std::same_as<T>;
  { RecordCodec<T>::write(v) } -> std::same_as<QJsonObject>;
};

#define CV_PROTOCOL_RECORD_TYPE(T, to_fn, read_fn)                                                           \
  [[nodiscard]] QJsonObject to_fn(const T &v);                                                               \
  [[nodiscard]] T read_fn(ObjectReader &r);                                                                  \
  template <> struct RecordCodec<T> {                                                                        \
    static QJsonObject write(const T &v) { return ::cv::protocol::to_fn(v); }                                \
    static T read(ObjectReader &r) { return ::cv::protocol::read_fn(r); }                                    \
  }

} // namespace cv::protocol
