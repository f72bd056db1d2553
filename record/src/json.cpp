#include "councilvote/record/json.hpp"

#include "councilvote/crypto/utf8.hpp"

#include <new>
#include <optional>
#include <utility>

namespace cv::record {

namespace {

// A recursive-descent parser for RFC 8259 with the restrictions of docs/wire.md §3.1.
class Parser {
public:
  Parser(std::string_view s, int max_depth) : s_(s), max_depth_(max_depth) {}

  Result<Json> run() {
    skip_ws();
    if (pos_ >= s_.size()) return fail("empty input");
    if (peek() != '{') {
      if (s_.size() >= 3 && static_cast<unsigned char>(s_[0]) == 0xEF)
        return fail("byte-order mark not allowed");
      return fail("the top-level value must be an object");
    }
    Json obj = Json::object();
    if (!parse_object(obj, 1)) return *err_;
    skip_ws();
    if (pos_ != s_.size()) return fail("trailing characters after the object");
    return obj;
  }

private:
  Error fail(std::string msg) {
    if (!err_)
      err_ = make_error(Errc::malformed_json, "at byte " + std::to_string(pos_) + ": " + std::move(msg));
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

  bool parse_value(Json &out, int depth) {
    skip_ws();
    if (pos_ >= s_.size()) return failed("unexpected end of input, expected a value");
    char c = peek();
    if (c == '{') {
      out = Json::object();
      if (!parse_object(out, depth + 1)) return false;
      return true;
    }
    if (c == '[') {
      out = Json::array();
      if (!parse_array(out, depth + 1)) return false;
      return true;
    }
    if (c == '"') {
      std::string str;
      if (!parse_string(str)) return false;
      out = std::move(str);
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
      out = nullptr;
      return true;
    }
    return failed("unexpected character, expected a value");
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool parse_object(Json &out, int depth) {
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
      if (out.contains(name)) {
        pos_ = name_at;
        return failed("duplicate member name \"" + name + "\"");
      }
      if (static_cast<std::size_t>(out.size()) >= kMaxObjectMembers)
        return failed("more than " + std::to_string(kMaxObjectMembers) + " members in one object");
      skip_ws();
      if (pos_ >= s_.size() || peek() != ':') return failed("expected ':' after a member name");
      ++pos_;
      Json v;
      if (!parse_value(v, depth)) return false;
      out.emplace(std::move(name), std::move(v));
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

  bool parse_array(Json &out, int depth) {
    if (depth > max_depth_) return failed("nesting deeper than " + std::to_string(max_depth_));
    ++pos_; // '['
    skip_ws();
    if (pos_ < s_.size() && peek() == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      Json v;
      if (!parse_value(v, depth)) return false;
      out.push_back(std::move(v));
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
      if (c != '\\') { // a run of plain characters at once
        std::size_t end = pos_ + 1;
        while (end < s_.size()) {
          const auto d = static_cast<unsigned char>(s_[end]);
          if (d == '"' || d == '\\' || d < 0x20 || d >= 0x80) break;
          ++end;
        }
        out.append(s_.data() + pos_, end - pos_);
        pos_ = end;
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

  bool parse_number(Json &out) {
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
    auto i = static_cast<std::int64_t>(v);
    out = negative ? -i : i;
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int max_depth_;
  std::optional<Error> err_;
};

} // namespace

Result<Json> parse_json_object(std::string_view utf8, const JsonLimits &limits) {
  if (utf8.size() > limits.max_bytes)
    return make_error(Errc::too_large, "message of " + std::to_string(utf8.size()) +
                                           " bytes exceeds the limit of " + std::to_string(limits.max_bytes) +
                                           " bytes");
  try {
    return Parser(utf8, limits.max_depth).run();
  } catch (const std::bad_alloc &) {
    return make_error(Errc::io, "out of memory while parsing JSON");
  } catch (...) {
    return make_error(Errc::malformed_json, "unexpected exception while parsing JSON");
  }
}

std::string dump_json(const Json &value) {
  // Every string in a Json comes from parse_json_object or from our own validated UTF-8 texts; a
  // byte that is not UTF-8 is replaced rather than thrown on.
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const char *errc_name(Errc c) noexcept {
  switch (c) {
  case Errc::malformed_json:
    return "malformed_json";
  case Errc::too_large:
    return "too_large";
  case Errc::unsupported_version:
    return "unsupported_version";
  case Errc::missing_field:
    return "missing_field";
  case Errc::bad_field:
    return "bad_field";
  case Errc::unknown_field:
    return "unknown_field";
  case Errc::invalid_argument:
    return "invalid_argument";
  case Errc::inconsistent_data:
    return "inconsistent_data";
  case Errc::io:
    return "io";
  }
  return "unknown";
}

} // namespace cv::record
