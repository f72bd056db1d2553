#include "councilvote/protocol/json.hpp"

#include "councilvote/crypto/utf8.hpp"
#include "councilvote/record/json.hpp"

#include <QJsonDocument>
#include <QStringDecoder>
#include <limits>

namespace cv::protocol {

// The strict parser is record's (one JSON profile for every layer); the wire keeps Qt's types.
QJsonValue to_qt(const record::Json &v) {
  switch (v.type()) {
  case record::Json::value_t::object: {
    QJsonObject o;
    for (auto it = v.begin(); it != v.end(); ++it) o.insert(qstring_from_utf8(it.key()), to_qt(it.value()));
    return o;
  }
  case record::Json::value_t::array: {
    QJsonArray a;
    for (const auto &x : v) a.append(to_qt(x));
    return a;
  }
  case record::Json::value_t::string:
    return qstring_from_utf8(v.get_ref<const std::string &>());
  case record::Json::value_t::boolean:
    return v.get<bool>();
  case record::Json::value_t::number_integer:
  case record::Json::value_t::number_unsigned:
    return QJsonValue(v.get<qint64>());
  default:
    return QJsonValue(QJsonValue::Null);
  }
}

record::Json from_qt(const QJsonValue &v) {
  switch (v.type()) {
  case QJsonValue::Object: {
    record::Json o = record::Json::object();
    const auto obj = v.toObject();
    for (auto it = obj.constBegin(); it != obj.constEnd(); ++it)
      o.emplace(to_utf8(it.key()), from_qt(it.value()));
    return o;
  }
  case QJsonValue::Array: {
    record::Json a = record::Json::array();
    for (const auto &x : v.toArray()) a.push_back(from_qt(x));
    return a;
  }
  case QJsonValue::String:
    return to_utf8(v.toString());
  case QJsonValue::Bool:
    return v.toBool();
  case QJsonValue::Double: {
    constexpr auto sentinel = std::numeric_limits<qint64>::min();
    const qint64 i = v.toInteger(sentinel);
    if (i != sentinel) return static_cast<std::int64_t>(i);
    return v.toDouble();
  }
  default:
    return nullptr;
  }
}

Result<QJsonObject> parse_json_object(std::string_view utf8, const JsonLimits &limits) {
  try {
    auto parsed = record::parse_json_object(utf8, {limits.max_bytes, limits.max_depth});
    if (!parsed) {
      const auto &e = parsed.error();
      const auto code = e.code == record::Errc::too_large ? ErrorCode::frame_too_large
                        : e.code == record::Errc::io      ? ErrorCode::internal
                                                          : ErrorCode::malformed_json;
      return make_error(code, e.message);
    }
    return to_qt(*parsed).toObject();
  } catch (...) {
    return make_error(ErrorCode::internal, "out of memory while parsing JSON");
  }
}

std::string to_json(const QJsonObject &object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QJsonValue json_hex(ByteView bytes) { return QString::fromLatin1(lower_hex(bytes)); }

QJsonValue json_string(std::string_view utf8) { return qstring_from_utf8(utf8); }

QString qstring_from_utf8(std::string_view utf8) {
  QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
  return decoder.decode(QByteArrayView(utf8.data(), static_cast<qsizetype>(utf8.size())));
}

QJsonValue json_uint(std::uint64_t v) { return QJsonValue(static_cast<qint64>(v)); }

std::string to_utf8(const QString &s) { return s.toUtf8().toStdString(); }

Result<Bytes> parse_hex(std::string_view hex, std::string_view field) {
  auto bytes = crypto::from_hex(hex);
  if (!bytes)
    return field_error(ErrorCode::bad_field, std::string(field),
                       std::string(field) + ": " + bytes.error().message);
  return std::move(*bytes);
}

// ---------------------------------------------------------------------------------------------

ObjectReader::ObjectReader(const QJsonObject &object, std::string path)
    : object_(object), path_(std::move(path)) {}

ObjectReader::ObjectReader(const QJsonObject &object, std::string path, ObjectReader &parent)
    : object_(object), path_(std::move(path)), parent_(&parent) {}

std::string ObjectReader::path_of(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

const QJsonObject &ObjectReader::take_all() {
  for (auto it = object_.constBegin(); it != object_.constEnd(); ++it) read_.push_back(to_utf8(it.key()));
  return object_;
}

bool ObjectReader::has(std::string_view name) const { return object_.contains(qstring_from_utf8(name)); }

bool ObjectReader::null_member(std::string_view name) {
  auto it = object_.constFind(qstring_from_utf8(name));
  if (it == object_.constEnd() || !it.value().isNull()) return false;
  read_.emplace_back(name);
  return true;
}

void ObjectReader::fail(Error e) {
  auto &slot = error_slot();
  if (!slot) slot = std::move(e);
}

const QJsonValue *ObjectReader::get(std::string_view name, bool required) {
  read_.emplace_back(name);
  if (!ok()) return nullptr;
  auto it = object_.constFind(qstring_from_utf8(name));
  if (it == object_.constEnd()) {
    if (required)
      fail(field_error(ErrorCode::missing_field, path_of(name), "missing field " + path_of(name)));
    return nullptr;
  }
  scratch_ = it.value();
  if (scratch_.isNull()) {
    fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": null is not allowed"));
    return nullptr;
  }
  return &scratch_;
}

std::optional<std::string> ObjectReader::string_value(const QJsonValue &v, std::string_view name,
                                                      std::size_t min_bytes, std::size_t max_bytes,
                                                      bool text_rules) {
  if (!v.isString()) {
    fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": expected a string"));
    return std::nullopt;
  }
  auto s = to_utf8(v.toString());
  if (s.size() < min_bytes || s.size() > max_bytes) {
    fail(field_error(ErrorCode::bad_field, path_of(name),
                     path_of(name) + ": length " + std::to_string(s.size()) + " bytes is outside [" +
                         std::to_string(min_bytes) + ", " + std::to_string(max_bytes) + "]"));
    return std::nullopt;
  }
  if (text_rules)
    for (char c : s)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": control character in text"));
        return std::nullopt;
      }
  return s;
}

std::string ObjectReader::text(std::string_view name, std::size_t min_bytes, std::size_t max_bytes) {
  const auto *v = get(name, true);
  if (!v) return {};
  return string_value(*v, name, min_bytes, max_bytes, true).value_or(std::string{});
}

std::string ObjectReader::raw_string(std::string_view name, std::size_t max_bytes) {
  const auto *v = get(name, true);
  if (!v) return {};
  return string_value(*v, name, 0, max_bytes, false).value_or(std::string{});
}

std::uint64_t ObjectReader::integer(std::string_view name, std::uint64_t min, std::uint64_t max) {
  const auto *v = get(name, true);
  if (!v) return min;
  constexpr auto sentinel = std::numeric_limits<qint64>::min();
  qint64 i = v->isDouble() ? v->toInteger(sentinel) : sentinel;
  if (i == sentinel) {
    fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": expected an integer"));
    return min;
  }
  if (i < 0 || static_cast<std::uint64_t>(i) < min || static_cast<std::uint64_t>(i) > max) {
    fail(field_error(ErrorCode::bad_field, path_of(name),
                     path_of(name) + ": " + std::to_string(i) + " is outside [" + std::to_string(min) + ", " +
                         std::to_string(max) + "]"));
    return min;
  }
  return static_cast<std::uint64_t>(i);
}

bool ObjectReader::boolean(std::string_view name) {
  const auto *v = get(name, true);
  if (!v) return false;
  if (!v->isBool()) {
    fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": expected true or false"));
    return false;
  }
  return v->toBool();
}

Bytes ObjectReader::hex(std::string_view name, std::size_t min_bytes, std::size_t max_bytes) {
  const auto *v = get(name, true);
  if (!v) return {};
  auto s = string_value(*v, name, 0, max_bytes * 2, false);
  if (!s) return {};
  auto b = parse_hex(*s, path_of(name));
  if (!b) {
    fail(b.error());
    return {};
  }
  if (b->size() < min_bytes) {
    fail(field_error(
        ErrorCode::bad_field, path_of(name),
        path_of(name) + ": " + std::to_string(b->size()) + " bytes, expected " +
            (min_bytes == max_bytes ? std::to_string(min_bytes) : "at least " + std::to_string(min_bytes))));
    return {};
  }
  if (b->size() > max_bytes) { // only reachable through max_bytes * 2 overflow; kept for safety
    fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": too long"));
    return {};
  }
  return std::move(*b);
}

QJsonArray ObjectReader::array(std::string_view name, std::size_t min_items, std::size_t max_items) {
  const auto *v = get(name, true);
  if (!v) return {};
  if (!v->isArray()) {
    fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": expected an array"));
    return {};
  }
  auto a = v->toArray();
  auto n = static_cast<std::size_t>(a.size());
  if (n < min_items || n > max_items) {
    fail(field_error(ErrorCode::bad_field, path_of(name),
                     path_of(name) + ": " + std::to_string(n) + " items, expected " +
                         std::to_string(min_items) + ".." + std::to_string(max_items)));
    return {};
  }
  return a;
}

QJsonObject ObjectReader::object(std::string_view name) {
  const auto *v = get(name, true);
  if (!v) return {};
  if (!v->isObject()) {
    fail(field_error(ErrorCode::bad_field, path_of(name), path_of(name) + ": expected an object"));
    return {};
  }
  return v->toObject();
}

std::vector<std::string> ObjectReader::texts(std::string_view name, std::size_t min_items,
                                             std::size_t max_items, std::size_t max_bytes) {
  std::vector<std::string> out;
  auto a = array(name, min_items, max_items);
  for (qsizetype i = 0; i < a.size() && ok(); ++i) {
    auto item = std::string(name) + "[" + std::to_string(i) + "]";
    auto s = string_value(a.at(i), item, 1, max_bytes, true);
    if (s) out.push_back(std::move(*s));
  }
  return out;
}

std::vector<Bytes> ObjectReader::hexes(std::string_view name, std::size_t min_items, std::size_t max_items,
                                       std::size_t min_bytes, std::size_t max_bytes) {
  std::vector<Bytes> out;
  auto a = array(name, min_items, max_items);
  for (qsizetype i = 0; i < a.size() && ok(); ++i) {
    auto item = std::string(name) + "[" + std::to_string(i) + "]";
    auto s = string_value(a.at(i), item, 0, max_bytes * 2, false);
    if (!s) break;
    auto b = parse_hex(*s, path_of(item));
    if (!b) {
      fail(b.error());
      break;
    }
    if (b->size() < min_bytes) {
      fail(field_error(ErrorCode::bad_field, path_of(item),
                       path_of(item) + ": " + std::to_string(b->size()) + " bytes, expected at least " +
                           std::to_string(min_bytes)));
      break;
    }
    out.push_back(std::move(*b));
  }
  return out;
}

std::vector<std::uint64_t> ObjectReader::integers(std::string_view name, std::size_t min_items,
                                                  std::size_t max_items, std::uint64_t min,
                                                  std::uint64_t max) {
  std::vector<std::uint64_t> out;
  auto a = array(name, min_items, max_items);
  constexpr auto sentinel = std::numeric_limits<qint64>::min();
  for (qsizetype i = 0; i < a.size() && ok(); ++i) {
    auto item = path_of(name) + "[" + std::to_string(i) + "]";
    qint64 v = a.at(i).isDouble() ? a.at(i).toInteger(sentinel) : sentinel;
    if (v == sentinel || v < 0 || static_cast<std::uint64_t>(v) < min ||
        static_cast<std::uint64_t>(v) > max) {
      fail(field_error(ErrorCode::bad_field, item,
                       item + ": expected an integer in [" + std::to_string(min) + ", " +
                           std::to_string(max) + "]"));
      break;
    }
    out.push_back(static_cast<std::uint64_t>(v));
  }
  return out;
}

Result<void> ObjectReader::finish() {
  if (auto &e = error_slot()) return *e;
  for (auto it = object_.constBegin(); it != object_.constEnd(); ++it) {
    auto k = to_utf8(it.key());
    bool known = false;
    for (const auto &r : read_)
      if (r == k) known = true;
    if (!known) {
      fail(field_error(ErrorCode::unknown_field, path_of(k), "unknown field " + path_of(k)));
      return *error_slot();
    }
  }
  return {};
}

} // namespace cv::protocol
