// Reads the members of one JSON object (record::Json) into typed values, with the rules and the
// messages of the wire's reader (docs/wire.md §3.2): a sticky first error, JSON paths in messages
// ("record.contests[2].kind"), and finish() rejects any member that was never read.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/enums.hpp"
#include "councilvote/record/error.hpp"
#include "councilvote/record/json.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cv::record {

class Reader {
public:
  Reader(const Json &object, std::string path);
  Reader(const Json &object, std::string path, Reader &parent); // reports into parent's error slot
  Reader(const Reader &) = delete;
  Reader &operator=(const Reader &) = delete;

  [[nodiscard]] bool has(std::string_view name) const;
  [[nodiscard]] bool ok() const noexcept { return !slot().has_value(); }
  [[nodiscard]] std::string path_of(std::string_view name) const;

  // Text: UTF-8 (the parser checked it), byte length within [min, max], no C0 control or DEL.
  std::string text(std::string_view name, std::size_t min_bytes, std::size_t max_bytes);
  // Text with the id syntax of docs/wire.md §3.3 (record::check_id_syntax; `what` names it).
  std::string id(std::string_view name, std::size_t max_length, std::string_view what);
  std::uint64_t integer(std::string_view name, std::uint64_t min, std::uint64_t max);
  std::uint32_t u32(std::string_view name, std::uint32_t min, std::uint32_t max) {
    return static_cast<std::uint32_t>(integer(name, min, max));
  }
  bool boolean(std::string_view name);
  crypto::Bytes hex(std::string_view name, std::size_t min_bytes, std::size_t max_bytes);
  template <std::size_t N> crypto::ByteArray<N> hex_fixed(std::string_view name) {
    crypto::ByteArray<N> out{};
    auto b = hex(name, N, N);
    if (b.size() == N)
      for (std::size_t i = 0; i < N; ++i) out[i] = b[i];
    return out;
  }
  // One of the names of E (record::EnumNames<E>), except `except` when given.
  template <class E> E enumeration(std::string_view name, std::optional<E> except = std::nullopt) {
    auto s = text(name, 1, 64);
    const auto &table = EnumNames<E>::table;
    if (!ok()) return table[0].first;
    for (const auto &[v, n] : table)
      if (n == s && (!except || v != *except)) return v;
    std::string allowed;
    for (const auto &[v, n] : table)
      if (!except || v != *except) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
    fail(field_error(Errc::bad_field, path_of(name),
                     path_of(name) + ": \"" + s + "\" is not one of " + allowed));
    return table[0].first;
  }
  std::vector<std::string> texts(std::string_view name, std::size_t min_items, std::size_t max_items,
                                 std::size_t max_bytes);
  std::vector<std::uint64_t> integers(std::string_view name, std::size_t min_items, std::size_t max_items,
                                      std::uint64_t min, std::uint64_t max);
  std::vector<crypto::Bytes> hexes(std::string_view name, std::size_t min_items, std::size_t max_items,
                                   std::size_t min_bytes, std::size_t max_bytes);

  // A nested object read by f(Reader&); unknown members inside it are reported too.
  template <class F> auto nested(std::string_view name, F &&f) -> std::invoke_result_t<F, Reader &> {
    const Json *o = object(name);
    if (!o) return {};
    Reader child(*o, path_of(name), *this);
    auto v = f(child);
    (void)child.finish();
    return v;
  }
  // An array of min..max objects, each read by f(Reader&).
  template <class F>
  auto objects(std::string_view name, std::size_t min_items, std::size_t max_items, F &&f)
      -> std::vector<std::invoke_result_t<F, Reader &>> {
    std::vector<std::invoke_result_t<F, Reader &>> out;
    const Json *a = array(name, min_items, max_items);
    if (!a) return out;
    for (std::size_t i = 0; i < a->size() && ok(); ++i) {
      auto item = path_of(name) + "[" + std::to_string(i) + "]";
      if (!(*a)[i].is_object()) {
        fail(field_error(Errc::bad_field, item, item + ": expected an object"));
        break;
      }
      Reader child((*a)[i], item, *this);
      out.push_back(f(child));
      (void)child.finish();
    }
    return out;
  }

  void fail(Error e); // the first one wins
  // The first error, or else unknown_field for the first member never read.
  [[nodiscard]] Result<void> finish();

private:
  [[nodiscard]] std::optional<Error> &slot() { return parent_ ? parent_->slot() : own_; }
  [[nodiscard]] const std::optional<Error> &slot() const { return parent_ ? parent_->slot() : own_; }
  const Json *get(std::string_view name); // required; marks the member as read
  const Json *array(std::string_view name, std::size_t min_items, std::size_t max_items);
  const Json *object(std::string_view name);
  // The string itself (in `v`), not a copy: a ballot's hex payload is up to a megabyte.
  std::optional<std::string_view> string_value(const Json &v, const std::string &path, std::size_t min_bytes,
                                               std::size_t max_bytes, bool text_rules);

  const Json &object_;
  std::string path_;
  Reader *parent_ = nullptr;
  std::optional<Error> own_;
  std::vector<std::string> read_;
};

// Reads a whole JSON text as one object with `read(Reader&)`, rooted at `path`.
template <class F>
auto read_json_text(std::string_view text, std::string path, F &&read, const JsonLimits &limits = {})
    -> Result<std::invoke_result_t<F, Reader &>> {
  auto j = parse_json_object(text, limits);
  if (!j) return j.error();
  try {
    Reader r(*j, std::move(path));
    auto v = read(r);
    if (auto f = r.finish(); !f) return f.error();
    return v;
  } catch (...) {
    return make_error(Errc::io, "out of memory while reading " + std::string(path));
  }
}

} // namespace cv::record
