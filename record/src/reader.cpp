#include "councilvote/record/reader.hpp"

#include "councilvote/record/ids.hpp"

#include <algorithm>

namespace cv::record {

Reader::Reader(const Json &object, std::string path) : object_(object), path_(std::move(path)) {}
Reader::Reader(const Json &object, std::string path, Reader &parent)
    : object_(object), path_(std::move(path)), parent_(&parent) {}

std::string Reader::path_of(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

bool Reader::has(std::string_view name) const { return object_.contains(name); }

void Reader::fail(Error e) {
  if (!slot()) slot() = std::move(e);
}

const Json *Reader::get(std::string_view name) {
  read_.emplace_back(name);
  if (!ok()) return nullptr;
  auto it = object_.find(name);
  if (it == object_.end()) {
    fail(field_error(Errc::missing_field, path_of(name), "missing field " + path_of(name)));
    return nullptr;
  }
  if (it->is_null()) {
    fail(field_error(Errc::bad_field, path_of(name), path_of(name) + ": null is not allowed"));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string_view> Reader::string_value(const Json &v, const std::string &path,
                                                     std::size_t min_bytes, std::size_t max_bytes,
                                                     bool text_rules) {
  if (!v.is_string()) {
    fail(field_error(Errc::bad_field, path, path + ": expected a string"));
    return std::nullopt;
  }
  const auto &s = v.get_ref<const std::string &>();
  if (s.size() < min_bytes || s.size() > max_bytes) {
    fail(field_error(Errc::bad_field, path,
                     path + ": length " + std::to_string(s.size()) + " bytes is outside [" +
                         std::to_string(min_bytes) + ", " + std::to_string(max_bytes) + "]"));
    return std::nullopt;
  }
  if (text_rules)
    for (char c : s)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        fail(field_error(Errc::bad_field, path, path + ": control character in text"));
        return std::nullopt;
      }
  return s;
}

std::string Reader::text(std::string_view name, std::size_t min_bytes, std::size_t max_bytes) {
  const auto *v = get(name);
  if (!v) return {};
  return std::string(
      string_value(*v, path_of(name), min_bytes, max_bytes, true).value_or(std::string_view{}));
}

namespace {
std::optional<std::uint64_t> uint_of(const Json &v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer()) {
    auto i = v.get<std::int64_t>();
    if (i >= 0) return static_cast<std::uint64_t>(i);
  }
  return std::nullopt;
}
} // namespace

std::string Reader::id(std::string_view name, std::size_t max_length, std::string_view what) {
  auto s = text(name, 1, max_length);
  if (ok())
    if (auto syntax = check_id_syntax(s, max_length, what); !syntax)
      fail(field_error(Errc::bad_field, path_of(name), path_of(name) + ": " + syntax.error().message));
  return s;
}

std::uint64_t Reader::integer(std::string_view name, std::uint64_t min, std::uint64_t max) {
  const auto *v = get(name);
  if (!v) return min;
  if (!v->is_number_integer()) {
    fail(field_error(Errc::bad_field, path_of(name), path_of(name) + ": expected an integer"));
    return min;
  }
  auto u = uint_of(*v);
  if (!u || *u < min || *u > max) {
    fail(field_error(Errc::bad_field, path_of(name),
                     path_of(name) + ": " + v->dump() + " is outside [" + std::to_string(min) + ", " +
                         std::to_string(max) + "]"));
    return min;
  }
  return *u;
}

bool Reader::boolean(std::string_view name) {
  const auto *v = get(name);
  if (!v) return false;
  if (!v->is_boolean()) {
    fail(field_error(Errc::bad_field, path_of(name), path_of(name) + ": expected true or false"));
    return false;
  }
  return v->get<bool>();
}

crypto::Bytes Reader::hex(std::string_view name, std::size_t min_bytes, std::size_t max_bytes) {
  const auto *v = get(name);
  if (!v) return {};
  const auto path = path_of(name);
  auto s = string_value(*v, path, 0, max_bytes * 2, false);
  if (!s) return {};
  auto b = crypto::from_hex(*s);
  if (!b) {
    fail(field_error(Errc::bad_field, path, path + ": " + b.error().message));
    return {};
  }
  if (b->size() < min_bytes) {
    fail(field_error(
        Errc::bad_field, path,
        path + ": " + std::to_string(b->size()) + " bytes, expected " +
            (min_bytes == max_bytes ? std::to_string(min_bytes) : "at least " + std::to_string(min_bytes))));
    return {};
  }
  return std::move(*b);
}

const Json *Reader::array(std::string_view name, std::size_t min_items, std::size_t max_items) {
  const auto *v = get(name);
  if (!v) return nullptr;
  if (!v->is_array()) {
    fail(field_error(Errc::bad_field, path_of(name), path_of(name) + ": expected an array"));
    return nullptr;
  }
  if (v->size() < min_items || v->size() > max_items) {
    fail(field_error(Errc::bad_field, path_of(name),
                     path_of(name) + ": " + std::to_string(v->size()) + " items, expected " +
                         std::to_string(min_items) + ".." + std::to_string(max_items)));
    return nullptr;
  }
  return v;
}

const Json *Reader::object(std::string_view name) {
  const auto *v = get(name);
  if (!v) return nullptr;
  if (!v->is_object()) {
    fail(field_error(Errc::bad_field, path_of(name), path_of(name) + ": expected an object"));
    return nullptr;
  }
  return v;
}

std::vector<std::string> Reader::texts(std::string_view name, std::size_t min_items, std::size_t max_items,
                                       std::size_t max_bytes) {
  std::vector<std::string> out;
  const Json *a = array(name, min_items, max_items);
  for (std::size_t i = 0; a && i < a->size() && ok(); ++i) {
    auto s = string_value((*a)[i], path_of(name) + "[" + std::to_string(i) + "]", 1, max_bytes, true);
    if (s) out.emplace_back(*s);
  }
  return out;
}

std::vector<std::uint64_t> Reader::integers(std::string_view name, std::size_t min_items,
                                            std::size_t max_items, std::uint64_t min, std::uint64_t max) {
  std::vector<std::uint64_t> out;
  const Json *a = array(name, min_items, max_items);
  for (std::size_t i = 0; a && i < a->size() && ok(); ++i) {
    auto item = path_of(name) + "[" + std::to_string(i) + "]";
    auto u = (*a)[i].is_number_integer() ? uint_of((*a)[i]) : std::nullopt;
    if (!u || *u < min || *u > max) {
      fail(field_error(Errc::bad_field, item,
                       item + ": expected an integer in [" + std::to_string(min) + ", " +
                           std::to_string(max) + "]"));
      break;
    }
    out.push_back(*u);
  }
  return out;
}

std::vector<crypto::Bytes> Reader::hexes(std::string_view name, std::size_t min_items, std::size_t max_items,
                                         std::size_t min_bytes, std::size_t max_bytes) {
  std::vector<crypto::Bytes> out;
  const Json *a = array(name, min_items, max_items);
  for (std::size_t i = 0; a && i < a->size() && ok(); ++i) {
    auto item = path_of(name) + "[" + std::to_string(i) + "]";
    auto s = string_value((*a)[i], item, 0, max_bytes * 2, false);
    if (!s) break;
    auto b = crypto::from_hex(*s);
    if (!b) {
      fail(field_error(Errc::bad_field, item, item + ": " + b.error().message));
      break;
    }
    if (b->size() < min_bytes) {
      fail(field_error(Errc::bad_field, item,
                       item + ": " + std::to_string(b->size()) + " bytes, expected at least " +
                           std::to_string(min_bytes)));
      break;
    }
    out.push_back(std::move(*b));
  }
  return out;
}

Result<void> Reader::finish() {
  if (auto &e = slot()) return *e;
  for (auto it = object_.begin(); it != object_.end(); ++it)
    if (std::find(read_.begin(), read_.end(), it.key()) == read_.end()) {
      fail(field_error(Errc::unknown_field, path_of(it.key()), "unknown field " + path_of(it.key())));
      return *slot();
    }
  return {};
}

} // namespace cv::record
