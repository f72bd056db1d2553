#include "councilvote/protocol/json.hpp"

#include "councilvote/crypto/utf8.hpp"

#include <QJsonDocument>
#include <QStringDecoder>
#include <limits>

namespace cv::protocol {

namespace {

// A recursive-descent parser for RFC 8259 with the restrictions of docs/wire.md §3.1.
class Parser {
public:
  Parser(std::string_view s, int max_depth) : s_(s), max_depth_(max_depth) {}

  Result<QJsonObject> run() {
    skip_ws();
    if (pos_ >= s_.size()) return fail("empty input");
    if (peek() != '{') {
      if (s_.size() >= 3 && static_cast<unsigned char>(s_[0]) == 0xEF)
        return fail("byte-order mark not allowed");
      return fail("the top-level value must be an object");
    }
    QJsonObject obj;
    if (!parse_object(obj, 1)) return *err_;
    skip_ws();
    if (pos_ != s_.size()) return fail("trailing characters after the object");
    return obj;
  }

private:
  Error fail(std::string msg) {
    if (!err_)
      err_ = make_error(ErrorCode::malformed_json, "at byte " + std::to_string(pos_) + ": " + std::move(msg));
    return *err_;
  }
  bool failed(std::string msg) {
    (void)fail(std::move(msg));
    return false;
  }
  [[nodiscard]] char peek() const { return s_[pos_]; }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }

  bool parse_value(QJsonValue &out, int depth) {
    skip_ws();
    if (pos_ >= s_.size()) return failed("unexpected end of input, expected a value");
    char c = peek();
    if (c == '{') {
      QJsonObject o;
      if (!parse_object(o, depth + 1)) return false;
      out = o;
      return true;
    }
    if (c == '[') {
      QJsonArray a;
      if (!parse_array(a, depth + 1)) return false;
      out = a;
      return true;
    }
    if (c == '"') {
      std::string str;
      if (!parse_string(str)) return false;
      out = qstring_from_utf8(str);
      return true;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return parse_number(out);
    if (literal("true")) {
      out = true;
      return true;
    }
    if (literal("false")) {
      out = false;
      return true;
    }
    if (literal("null")) {
      out = QJsonValue(QJsonValue::Null);
      return true;
    }
    return failed("unexpected character, expected a value");
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool parse_object(QJsonObject &out, int depth) {
    if (depth > max_depth_) return failed("nesting deeper than " + std::to_string(max_depth_));
    ++pos_; // '{'
    skip_ws();
    if (pos_ < s_.size() && peek() == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      skip_ws();
      if (pos_ >= s_.size() || peek() != '"') return failed("expected a member name");
      std::size_t name_at = pos_;
      std::string name;
      if (!parse_string(name)) return false;
      QString key = qstring_from_utf8(name);
      if (out.contains(key)) {
        pos_ = name_at;
        return failed("duplicate member name \"" + name + "\"");
      }
      if (static_cast<std::size_t>(out.size()) >= kMaxObjectMembers)
        return failed("more than " + std::to_string(kMaxObjectMembers) + " members in one object");
      skip_ws();
      if (pos_ >= s_.size() || peek() != ':') return failed("expected ':' after a member name");
      ++pos_;
      QJsonValue v;
      if (!parse_value(v, depth)) return false;
      out.insert(key, v);
      skip_ws();
      if (pos_ >= s_.size()) return failed("unexpected end of input inside an object");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      return failed("expected ',' or '}' in an object");
    }
  }

  bool parse_array(QJsonArray &out, int depth) {
    if (depth > max_depth_) return failed("nesting deeper than " + std::to_string(max_depth_));
    ++pos_; // '['
    skip_ws();
    if (pos_ < s_.size() && peek() == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      QJsonValue v;
      if (!parse_value(v, depth)) return false;
      out.append(v);
      skip_ws();
      if (pos_ >= s_.size()) return failed("unexpected end of input inside an array");
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return failed("expected ',' or ']' in an array");
    }
  }

  static void put_utf8(std::string &out, std::uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool hex4(std::uint32_t &v) {
    if (s_.size() - pos_ < 4) return failed("truncated \\u escape");
    v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_++];
      std::uint32_t d;
      if (c >= '0' && c <= '9')
        d = static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        d = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        d = static_cast<std::uint32_t>(c - 'A' + 10);
      else
        return failed("invalid hex digit in \\u escape");
      v = (v << 4) | d;
    }
    return true;
  }

  // One raw UTF-8 sequence starting at pos_ (a lead byte >= 0x80), validated by crypto::decode_utf8
  // (no overlong forms, no surrogates, nothing above U+10FFFF) and appended.
  bool utf8_sequence(std::string &out) {
    using crypto::Utf8Problem;
    const auto seq = crypto::decode_utf8(s_, pos_);
    switch (seq.problem) {
    case Utf8Problem::none:
      break;
    case Utf8Problem::invalid_lead:
      return failed("invalid UTF-8 lead byte");
    case Utf8Problem::truncated:
      return failed("truncated UTF-8 sequence");
    case Utf8Problem::invalid_continuation:
      return failed("invalid UTF-8 continuation byte");
    case Utf8Problem::overlong:
      return failed("overlong UTF-8 encoding");
    case Utf8Problem::surrogate:
      return failed("UTF-8 encoded surrogate");
    case Utf8Problem::above_max:
      return failed("code point above U+10FFFF");
    }
    out.append(s_.substr(pos_, seq.length));
    pos_ += seq.length;
    return true;
  }

  bool parse_string(std::string &out) {
    ++pos_; // '"'
    for (;;) {
      if (pos_ >= s_.size()) return failed("unterminated string");
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return failed("unescaped control character in a string");
      if (c >= 0x80) {
        if (!utf8_sequence(out)) return false;
        continue;
      }
      if (c != '\\') {
        out.push_back(static_cast<char>(c));
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= s_.size()) return failed("truncated escape");
      char e = s_[pos_++];
      switch (e) {
      case '"':
        out.push_back('"');
        break;
      case '\\':
        out.push_back('\\');
        break;
      case '/':
        out.push_back('/');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return failed("lone low surrogate in \\u escape");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (s_.substr(pos_, 2) != "\\u") return failed("high surrogate not followed by a low surrogate");
          pos_ += 2;
          std::uint32_t lo = 0;
          if (!hex4(lo)) return false;
          if (lo < 0xDC00 || lo > 0xDFFF) return failed("high surrogate not followed by a low surrogate");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (cp == 0) return failed("U+0000 is not allowed in strings");
        put_utf8(out, cp);
        break;
      }
      default:
        return failed("invalid escape sequence");
      }
    }
  }

  bool parse_number(QJsonValue &out) {
    std::size_t start = pos_;
    bool negative = false;
    if (peek() == '-') {
      negative = true;
      ++pos_;
    }
    if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9') return failed("invalid number");
    if (s_[pos_] == '0' && pos_ + 1 < s_.size() && s_[pos_ + 1] >= '0' && s_[pos_ + 1] <= '9')
      return failed("leading zero in a number");
    std::uint64_t v = 0;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      v = v * 10 + static_cast<std::uint64_t>(s_[pos_] - '0');
      if (v > kMaxJsonInteger) {
        pos_ = start;
        return failed("integer outside [-(2^53-1), 2^53-1]");
      }
      ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == '.' || s_[pos_] == 'e' || s_[pos_] == 'E')) {
      pos_ = start;
      return failed("numbers must be integers (no fraction or exponent)");
    }
    if (negative && v == 0) {
      pos_ = start;
      return failed("-0 is not allowed");
    }
    auto i = static_cast<qint64>(v);
    out = QJsonValue(negative ? -i : i);
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int max_depth_;
  std::optional<Error> err_;
};

} // namespace

Result<QJsonObject> parse_json_object(std::string_view utf8, const JsonLimits &limits) {
  if (utf8.size() > limits.max_bytes)
    return make_error(ErrorCode::frame_too_large, "message of " + std::to_string(utf8.size()) +
                                                      " bytes exceeds the limit of " +
                                                      std::to_string(limits.max_bytes) + " bytes");
  try {
    return Parser(utf8, limits.max_depth).run();
  } catch (const std::bad_alloc &) {
    return make_error(ErrorCode::internal, "out of memory while parsing JSON");
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while parsing JSON");
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
