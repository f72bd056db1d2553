// One description per wire type: a field list (JSON name, member, codec) from which come the
// JSON object (to_json), the strict reader (read: the errors of ObjectReader, with JSON paths),
// equality, and for a signed statement the bytes its signature covers (docs/wire.md §6).
//
//   template <> struct Describe<RosterRow> {
//     static constexpr auto fields = std::tuple{
//         field("member_no", &RosterRow::member_no, Int{1, kMaxMemberNo}),
//         field("full_name", &RosterRow::full_name, Text{1, kMaxNameBytes}), ...};
//   };
//
// Members are read in the order of the list (the first error wins), and a field with a `when`
// predicate is written and read only when the predicate holds on the object (read: on the members
// read before it). A codec has
//   QJsonValue write(const M &) const;
//   void read(ObjectReader &, std::string_view name, M &) const;   // a required member
// and optionally
//   bool omit(const M &) const;                 // an optional member: not written when true, read when
//   present bool equal(const M &, const M &) const;     // else operator== void sign(crypto::ByteWriter &,
//   const M &) const;  // its part of a statement's signed bytes
// Private to protocol/src: the public API stays T::to_json / T::read / T::from_json.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/elgamal.hpp"
#include "councilvote/crypto/group.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record_codec.hpp"
#include "councilvote/record/enums.hpp"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <concepts>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace cv::protocol::fields {

// The description of S: `static constexpr auto fields = std::tuple{field(...), ...};` and
// optionally `static void check(ObjectReader &, const S &)` (rules across members, run after a
// read without error) and, for a signed statement, `static constexpr std::string_view tag`.
template <class S> struct Describe;

template <class S, class M, class C> struct Field {
  std::string_view name;
  M S::*member;
  C codec;
  bool (*when)(const S &) = nullptr;
  [[nodiscard]] constexpr Field only_when(bool (*pred)(const S &)) const {
    return {name, member, codec, pred};
  }
};

template <class S, class M, class C>
constexpr Field<S, M, C> field(std::string_view name, M S::*member, C codec) {
  return {name, member, codec, nullptr};
}

// The members of a described member struct, written into and read from the same JSON object.
struct Inline {};

template <class S> QJsonObject to_json(const S &s);
template <class S> S read(ObjectReader &r);
template <class S> bool equal(const S &a, const S &b);
template <class S> void write_members(QJsonObject &o, const S &s);
template <class S> void read_members(ObjectReader &r, S &s);

// ------------------------------------------------------------------------------------ codecs

// An unsigned integer in [min, max] (max clipped to the member type's range and to 2^53-1).
struct Int {
  std::uint64_t min = 0, max = kMaxJsonInteger;
  template <class M> [[nodiscard]] QJsonValue write(const M &v) const { return json_uint(v); }
  template <class M> void read(ObjectReader &r, std::string_view n, M &out) const {
    constexpr auto type_max = static_cast<std::uint64_t>(std::numeric_limits<M>::max());
    out = static_cast<M>(r.integer(n, min, std::min(max, type_max)));
  }
  template <class M> void sign(crypto::ByteWriter &w, const M &v) const { w.u64(v); }
};

// Text of min..max UTF-8 bytes (ObjectReader::text's rules).
struct Text {
  std::size_t min = 0, max = 0;
  [[nodiscard]] QJsonValue write(const std::string &v) const { return json_string(v); }
  void read(ObjectReader &r, std::string_view n, std::string &out) const { out = r.text(n, min, max); }
  void sign(crypto::ByteWriter &w, const std::string &v) const { w.str(v); }
};

// Text with the id syntax of docs/wire.md §3.3 (`what` names it in the error).
struct IdText {
  std::size_t max = 64;
  std::string_view what;
  [[nodiscard]] QJsonValue write(const std::string &v) const { return json_string(v); }
  void read(ObjectReader &r, std::string_view n, std::string &out) const {
    out = r.text(n, 1, max);
    if (!r.ok()) return;
    if (auto s = check_id_syntax(out, max, what); !s)
      r.fail(field_error(ErrorCode::bad_field, r.path_of(n), r.path_of(n) + ": " + s.error().message));
  }
};

// Any string of at most max bytes (a record's JSON text).
struct Raw {
  std::size_t max = 0;
  [[nodiscard]] QJsonValue write(const std::string &v) const { return json_string(v); }
  void read(ObjectReader &r, std::string_view n, std::string &out) const { out = r.raw_string(n, max); }
};

// Lowercase hex: a ByteArray<N> of exactly N bytes, or Bytes of min..max bytes.
struct Hex {
  std::size_t min = 0, max = 0;
  [[nodiscard]] QJsonValue write(ByteView v) const { return json_hex(v); }
  template <std::size_t N> void read(ObjectReader &r, std::string_view n, ByteArray<N> &out) const {
    out = r.hex_fixed<N>(n);
  }
  void read(ObjectReader &r, std::string_view n, Bytes &out) const { out = r.hex(n, min, max); }
  template <std::size_t N> void sign(crypto::ByteWriter &w, const ByteArray<N> &v) const { w.fixed(v); }
};

// A statement's signature: read and written like Hex, not part of its own signed bytes.
struct Sig {
  [[nodiscard]] QJsonValue write(ByteView v) const { return json_hex(v); }
  template <std::size_t N> void read(ObjectReader &r, std::string_view n, ByteArray<N> &out) const {
    out = r.hex_fixed<N>(n);
  }
};

// A typed id (Id<Tag>: its syntax and length).
struct IdOf {
  template <class Tag> [[nodiscard]] QJsonValue write(const Id<Tag> &v) const { return json_string(v.str()); }
  template <class Tag> void read(ObjectReader &r, std::string_view n, Id<Tag> &out) const {
    out = r.id<Tag>(n);
  }
  template <class Tag> void sign(crypto::ByteWriter &w, const Id<Tag> &v) const { w.str(v.str()); }
};

// One of the names of record::EnumNames<E>; `except`, when set, is a value this member never takes.
template <class E> struct Enum {
  std::optional<E> except;
  [[nodiscard]] QJsonValue write(const E &v) const { return json_string(record::name(v)); }
  void read(ObjectReader &r, std::string_view n, E &out) const {
    if (!except) {
      out = r.enumeration_in<E>(n, record::named<E>());
      return;
    }
    std::vector<std::pair<std::string_view, E>> values;
    for (const auto &[value, text] : record::EnumNames<E>::table)
      if (!except || value != *except) values.emplace_back(text, value);
    out = r.enumeration_in<E>(n, values);
  }
};

// A point of the group (32-byte encoding, decoded and validated).
struct PointOf {
  bool allow_identity = false;
  [[nodiscard]] QJsonValue write(const crypto::Point &v) const { return json_hex(v.bytes()); }
  void read(ObjectReader &r, std::string_view n, crypto::Point &out) const {
    auto b = r.hex_fixed<32>(n);
    if (!r.ok()) return;
    auto p = crypto::Point::from_bytes(b, allow_identity);
    if (!p) {
      r.fail(field_error(ErrorCode::bad_field, r.path_of(n), r.path_of(n) + ": " + p.error().message));
      return;
    }
    out = *p;
  }
};

// A nested object of type T, by default through T::to_json and T::read, or for a record/ type
// through record's description (RecordCodec<T>); described<T>() uses T's field list here.
template <class T> struct Object {
  QJsonObject (*to)(const T &) = nullptr;
  T (*from)(ObjectReader &) = nullptr;
  bool (*eq)(const T &, const T &) = nullptr;
  [[nodiscard]] QJsonValue write(const T &v) const {
    if constexpr (requires { v.to_json(); })
      return to ? to(v) : v.to_json();
    else if constexpr (RecordType<T>)
      return to ? to(v) : RecordCodec<T>::write(v);
    else
      return to(v);
  }
  [[nodiscard]] T read_one(ObjectReader &r) const {
    if constexpr (requires { T::read(r); })
      return from ? from(r) : T::read(r);
    else if constexpr (RecordType<T>)
      return from ? from(r) : RecordCodec<T>::read(r);
    else
      return from(r);
  }
  void read(ObjectReader &r, std::string_view n, T &out) const {
    out = r.nested(n, [this](ObjectReader &c) { return read_one(c); });
  }
  [[nodiscard]] bool equal(const T &a, const T &b) const {
    if constexpr (std::equality_comparable<T>)
      return eq ? eq(a, b) : a == b;
    else
      return eq(a, b);
  }
};

template <class T> constexpr Object<T> object() { return {}; }
template <class T> constexpr Object<T> object(QJsonObject (*to)(const T &), T (*from)(ObjectReader &)) {
  return {to, from, nullptr};
}
template <class T> constexpr Object<T> described() {
  return {&fields::to_json<T>, &fields::read<T>, &fields::equal<T>};
}

// An array of min..max objects.
template <class T> struct Objects {
  std::size_t min = 0, max = 0;
  Object<T> item{};
  [[nodiscard]] QJsonValue write(const std::vector<T> &v) const {
    QJsonArray a;
    for (const auto &x : v) a.append(item.write(x));
    return a;
  }
  void read(ObjectReader &r, std::string_view n, std::vector<T> &out) const {
    out = r.objects(n, min, max, [this](ObjectReader &c) { return item.read_one(c); });
  }
  [[nodiscard]] bool equal(const std::vector<T> &a, const std::vector<T> &b) const {
    return std::ranges::equal(a, b, [this](const T &x, const T &y) { return item.equal(x, y); });
  }
};

template <class T> constexpr Objects<T> objects(std::size_t min, std::size_t max, Object<T> item = {}) {
  return {min, max, item};
}

// An array of min..max texts of at most max_bytes each (ObjectReader::texts).
struct Texts {
  std::size_t min = 0, max = 0, max_bytes = 0;
  [[nodiscard]] QJsonValue write(const std::vector<std::string> &v) const {
    QJsonArray a;
    for (const auto &s : v) a.append(json_string(s));
    return a;
  }
  void read(ObjectReader &r, std::string_view n, std::vector<std::string> &out) const {
    out = r.texts(n, min, max, max_bytes);
  }
};

// An array of min_items..max_items integers in [min, max].
struct Ints {
  std::size_t min_items = 0, max_items = 0;
  std::uint64_t min = 0, max = 0;
  template <class M> [[nodiscard]] QJsonValue write(const std::vector<M> &v) const {
    QJsonArray a;
    for (auto x : v) a.append(json_uint(x));
    return a;
  }
  template <class M> void read(ObjectReader &r, std::string_view n, std::vector<M> &out) const {
    constexpr auto type_max = static_cast<std::uint64_t>(std::numeric_limits<M>::max());
    out.clear();
    for (auto x : r.integers(n, min_items, max_items, min, std::min(max, type_max)))
      out.push_back(static_cast<M>(x));
  }
};

// An array of min_items..max_items hex strings: Bytes of min..max bytes, or ByteArray<N>.
struct Hexes {
  std::size_t min_items = 0, max_items = 0, min = 0, max = 0;
  template <class M> [[nodiscard]] QJsonValue write(const std::vector<M> &v) const {
    QJsonArray a;
    for (const auto &b : v) a.append(json_hex(b));
    return a;
  }
  void read(ObjectReader &r, std::string_view n, std::vector<Bytes> &out) const {
    out = r.hexes(n, min_items, max_items, min, max);
  }
  template <std::size_t N>
  void read(ObjectReader &r, std::string_view n, std::vector<ByteArray<N>> &out) const {
    out.clear();
    for (const auto &b : r.hexes(n, min_items, max_items, N, N)) {
      ByteArray<N> x{};
      std::copy(b.begin(), b.end(), x.begin());
      out.push_back(x);
    }
  }
};

// ElGamal ciphertexts, each alpha || beta as one 64-byte hex string; both points decoded (the
// identity allowed: a total can be an encryption of zero with zero randomness).
struct Ciphertexts {
  std::size_t min_items = 0, max_items = 0;
  [[nodiscard]] QJsonValue write(const std::vector<crypto::Ciphertext> &v) const;
  void read(ObjectReader &r, std::string_view n, std::vector<crypto::Ciphertext> &out) const;
};

// An optional member: absent when nullopt, read when present.
template <class C> struct Optional {
  C inner{};
  template <class M> [[nodiscard]] bool omit(const std::optional<M> &v) const { return !v.has_value(); }
  template <class M> [[nodiscard]] QJsonValue write(const std::optional<M> &v) const {
    return inner.write(*v);
  }
  template <class M> void read(ObjectReader &r, std::string_view n, std::optional<M> &out) const {
    M v{};
    inner.read(r, n, v);
    out = std::move(v);
  }
};
template <class C> constexpr Optional<C> optional(C inner) { return {inner}; }

// A member left out when empty and read when present.
template <class C> struct OmitEmpty {
  C inner{};
  template <class M> [[nodiscard]] bool omit(const M &v) const { return v.empty(); }
  template <class M> [[nodiscard]] QJsonValue write(const M &v) const { return inner.write(v); }
  template <class M> void read(ObjectReader &r, std::string_view n, M &out) const { inner.read(r, n, out); }
};
template <class C> constexpr OmitEmpty<C> omit_empty(C inner) { return {inner}; }

// -------------------------------------------------------------------------------- the algorithms

namespace detail {

template <class C, class M>
concept Omittable = requires(const C &c, const M &m) {
  { c.omit(m) } -> std::convertible_to<bool>;
};
template <class C, class M>
concept HasEqual = requires(const C &c, const M &m) {
  { c.equal(m, m) } -> std::convertible_to<bool>;
};
template <class C, class M>
concept Signs = requires(const C &c, crypto::ByteWriter &w, const M &m) {
  c.sign(w, m);
};

template <class S, class F> bool active(const S &s, const F &f) { return !f.when || f.when(s); }

template <class S, class M, class C> void put(QJsonObject &o, const S &s, const Field<S, M, C> &f) {
  if (!active(s, f)) return;
  const M &v = s.*(f.member);
  if constexpr (std::is_same_v<C, Inline>) {
    write_members(o, v);
  } else {
    if constexpr (Omittable<C, M>)
      if (f.codec.omit(v)) return;
    o.insert(QString::fromLatin1(f.name.data(), static_cast<qsizetype>(f.name.size())), f.codec.write(v));
  }
}

template <class S, class M, class C> void get(ObjectReader &r, S &s, const Field<S, M, C> &f) {
  if (!active(s, f)) return;
  M &v = s.*(f.member);
  if constexpr (std::is_same_v<C, Inline>) {
    read_members(r, v);
  } else {
    if constexpr (Omittable<C, M>)
      if (!r.has(f.name)) return;
    f.codec.read(r, f.name, v);
  }
}

template <class S, class M, class C> bool same(const S &a, const S &b, const Field<S, M, C> &f) {
  const bool on_a = active(a, f), on_b = active(b, f);
  if (on_a != on_b) return false;
  if (!on_a) return true;
  const M &x = a.*(f.member), &y = b.*(f.member);
  if constexpr (std::is_same_v<C, Inline>)
    return equal(x, y);
  else if constexpr (HasEqual<C, M>)
    return f.codec.equal(x, y);
  else
    return x == y;
}

template <class S, class M, class C>
void sign_one(crypto::ByteWriter &w, const S &s, const Field<S, M, C> &f) {
  if constexpr (Signs<C, M>) f.codec.sign(w, s.*(f.member));
}

} // namespace detail

template <class S> void write_members(QJsonObject &o, const S &s) {
  std::apply([&](const auto &...f) { (detail::put(o, s, f), ...); }, Describe<S>::fields);
}

template <class S> void read_members(ObjectReader &r, S &s) {
  std::apply([&](const auto &...f) { (detail::get(r, s, f), ...); }, Describe<S>::fields);
  if constexpr (requires { Describe<S>::check(r, s); })
    if (r.ok()) Describe<S>::check(r, s);
}

template <class S> QJsonObject to_json(const S &s) {
  QJsonObject o;
  write_members(o, s);
  return o;
}

template <class S> S read(ObjectReader &r) {
  S s{};
  read_members(r, s);
  return s;
}

template <class S> bool equal(const S &a, const S &b) {
  return std::apply([&](const auto &...f) { return (detail::same(a, b, f) && ...); }, Describe<S>::fields);
}

// The bytes a statement's signature covers: each member's encoding in the order of the list
// (str for texts and ids, fixed for hashes, u64 for integers), the signature itself left out.
template <class S> Bytes signed_message(const S &s) {
  crypto::ByteWriter w;
  std::apply([&](const auto &...f) { (detail::sign_one(w, s, f), ...); }, Describe<S>::fields);
  return w.take();
}

} // namespace cv::protocol::fields

// The members a body's CV_PROTOCOL_BODY declares, defined from its description.
#define CV_PROTOCOL_DEFINE_BODY(T)                                                                           \
  QJsonObject T::to_json() const { return fields::to_json(*this); }                                          \
  T T::read(ObjectReader &r) { return fields::read<T>(r); }                                                  \
  bool operator==(const T &a, const T &b) { return fields::equal(a, b); }
