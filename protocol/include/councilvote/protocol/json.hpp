// The strict JSON profile of docs/wire.md §3.1 and a field reader that turns a JSON object into
// typed values with specific errors.
//
// Qt's own QJsonDocument parser silently keeps the last of two duplicate member names, accepts
// lone UTF-16 surrogates, a byte-order mark, fractions and exponents; a signed protocol needs one
// reading of every message, so CouncilVote parses with its own parser (RFC 8259 plus the profile's
// restrictions) and only uses Qt's types to hold and to serialise the result.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/record/json.hpp"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cv::protocol {

using crypto::ByteArray;
using crypto::Bytes;
using crypto::ByteView;

using record::kMaxJsonDepth;
using record::kMaxJsonInteger;
using record::kMaxObjectMembers;
inline constexpr std::size_t kDefaultMaxMessageBytes = record::kDefaultMaxJsonBytes; // 4 MiB

struct JsonLimits {
  std::size_t max_bytes = kDefaultMaxMessageBytes; // larger input: E_FRAME_TOO_LARGE
  int max_depth = kMaxJsonDepth;                   // nesting of objects and arrays
};

// Parses one JSON text whose top-level value must be an object. Errors: E_FRAME_TOO_LARGE,
// E_MALFORMED_JSON "at byte N: ...". Never throws.
[[nodiscard]] Result<QJsonObject> parse_json_object(std::string_view utf8, const JsonLimits &limits = {});

// Compact UTF-8 serialisation (members in Qt's order, i.e. sorted by name). The output of an
// object that holds only strings, integers in [-(2^53-1), 2^53-1], booleans, null, arrays and
// objects is accepted by parse_json_object.
[[nodiscard]] std::string to_json(const QJsonObject &object);

// The same value in record/'s type (record::Json) and in Qt's, both ways.
[[nodiscard]] QJsonValue to_qt(const record::Json &value);
[[nodiscard]] record::Json from_qt(const QJsonValue &value);

// Value builders for the encodings of docs/wire.md §3.2.
[[nodiscard]] QJsonValue json_hex(ByteView bytes);           // lowercase hex string
[[nodiscard]] QJsonValue json_string(std::string_view utf8); // a string from UTF-8 bytes
[[nodiscard]] QJsonValue json_uint(std::uint64_t v);         // an integer (v <= kMaxJsonInteger)
[[nodiscard]] std::string to_utf8(const QString &s);
// The QString of valid UTF-8 bytes, every character kept: unlike QString::fromUtf8, a leading
// U+FEFF stays in the text (docs/wire.md §3.1: every string exactly as received).
[[nodiscard]] QString qstring_from_utf8(std::string_view utf8);
[[nodiscard]] inline std::string lower_hex(ByteView bytes) { return crypto::to_hex(bytes); }
// Strict lowercase hex (crypto::from_hex): an even number of [0-9a-f]; E_BAD_FIELD naming `field`.
[[nodiscard]] Result<Bytes> parse_hex(std::string_view hex, std::string_view field);

// Reads the members of one JSON object with a sticky first error: after a failure every read
// returns a default value, and finish() reports the first error, or else the first member that was
// never read (E_UNKNOWN_FIELD: unknown members are rejected everywhere in version 1). Field names
// in errors are JSON paths ("body.contests[2].kind").
class ObjectReader {
public:
  ObjectReader(const QJsonObject &object, std::string path);
  // A reader for a nested object that reports into `parent`'s error slot.
  ObjectReader(const QJsonObject &object, std::string path, ObjectReader &parent);
  ObjectReader(const ObjectReader &) = delete;
  ObjectReader &operator=(const ObjectReader &) = delete;

  [[nodiscard]] bool has(std::string_view name) const; // present (null counts as present)
  // True (and the member counts as read) when the member is present and null.
  bool null_member(std::string_view name);
  [[nodiscard]] bool ok() const noexcept { return !error_slot().has_value(); }
  [[nodiscard]] std::string path_of(std::string_view name) const;
  [[nodiscard]] const std::string &path() const noexcept { return path_; }
  // The whole object, every member counted as read (for a reader of another layer).
  const QJsonObject &take_all();

  // Required members. Text: UTF-8, byte length within [min, max], no C0 control character or DEL.
  std::string text(std::string_view name, std::size_t min_bytes, std::size_t max_bytes);
  // Any string (the envelope's body): only the length is checked.
  std::string raw_string(std::string_view name, std::size_t max_bytes);
  std::uint64_t integer(std::string_view name, std::uint64_t min, std::uint64_t max);
  bool boolean(std::string_view name);
  Bytes hex(std::string_view name, std::size_t min_bytes, std::size_t max_bytes);
  template <std::size_t N> ByteArray<N> hex_fixed(std::string_view name) {
    ByteArray<N> out{};
    auto b = hex(name, N, N);
    if (b.size() == N)
      for (std::size_t i = 0; i < N; ++i) out[i] = b[i];
    return out;
  }
  template <class Tag> Id<Tag> id(std::string_view name) {
    auto s = text(name, 1, Tag::max_length);
    if (!ok()) return {};
    auto r = Id<Tag>::parse(s);
    if (!r) {
      fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": " + r.error().message));
      return {};
    }
    return *r;
  }
  template <class E>
  E enumeration(std::string_view name, std::initializer_list<std::pair<std::string_view, E>> values) {
    return enumeration_in<E>(name, values);
  }
  // One of `values` (a range of (text, value) pairs, at least one); the error lists them in order.
  template <class E, class Range> E enumeration_in(std::string_view name, const Range &values) {
    auto s = text(name, 1, 64);
    if (!ok()) return std::begin(values)->second;
    for (const auto &[n, v] : values)
      if (n == s) return v;
    std::string allowed;
    for (const auto &[n, v] : values) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
    fail(field_error(ErrorCode::bad_field, path_of(name),
                     path_of(name) + ": \"" + s + "\" is not one of " + allowed));
    return std::begin(values)->second;
  }
  QJsonArray array(std::string_view name, std::size_t min_items, std::size_t max_items);
  QJsonObject object(std::string_view name);

  // A nested object read by f(ObjectReader&); unknown members inside it are reported too.
  template <class F> auto nested(std::string_view name, F &&f) -> std::invoke_result_t<F, ObjectReader &> {
    auto o = object(name);
    ObjectReader child(o, path_of(name), *this);
    if (!ok()) return {};
    auto v = f(child);
    (void)child.finish();
    return v;
  }
  // An array of objects, each read by f(ObjectReader&).
  template <class F>
  auto objects(std::string_view name, std::size_t min_items, std::size_t max_items, F &&f)
      -> std::vector<std::invoke_result_t<F, ObjectReader &>> {
    std::vector<std::invoke_result_t<F, ObjectReader &>> out;
    auto a = array(name, min_items, max_items);
    for (qsizetype i = 0; i < a.size() && ok(); ++i) {
      auto item_path = path_of(name) + "[" + std::to_string(i) + "]";
      if (!a.at(i).isObject()) {
        fail(field_error(ErrorCode::bad_field, item_path, item_path + ": expected an object"));
        break;
      }
      ObjectReader child(a.at(i).toObject(), item_path, *this);
      out.push_back(f(child));
      (void)child.finish();
    }
    return out;
  }
  // An array of strings, each checked like text().
  std::vector<std::string> texts(std::string_view name, std::size_t min_items, std::size_t max_items,
                                 std::size_t max_bytes);
  // An array of hex strings of min..max bytes each.
  std::vector<Bytes> hexes(std::string_view name, std::size_t min_items, std::size_t max_items,
                           std::size_t min_bytes, std::size_t max_bytes);
  std::vector<std::uint64_t> integers(std::string_view name, std::size_t min_items, std::size_t max_items,
                                      std::uint64_t min, std::uint64_t max);

  // Records an error (the first one wins).
  void fail(Error e);
  // The first error, or else E_UNKNOWN_FIELD for the first member never read.
  [[nodiscard]] Result<void> finish();

private:
  std::optional<Error> &error_slot() { return parent_ ? parent_->error_slot() : own_error_; }
  [[nodiscard]] const std::optional<Error> &error_slot() const {
    return parent_ ? parent_->error_slot() : own_error_;
  }
  const QJsonValue *get(std::string_view name, bool required); // marks the member as read
  std::optional<std::string> string_value(const QJsonValue &v, std::string_view name, std::size_t min_bytes,
                                          std::size_t max_bytes, bool text_rules);

  QJsonObject object_;
  std::string path_;
  ObjectReader *parent_ = nullptr;
  std::optional<Error> own_error_;
  std::vector<std::string> read_;
  QJsonValue scratch_;
};

} // namespace cv::protocol
