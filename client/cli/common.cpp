#include "common.hpp"

#include "councilvote/protocol/json.hpp"

#include <QDateTime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cv::cli {

protocol::Error usage_error(std::string message) {
  return protocol::check_error(protocol::ErrorCode::invalid_argument, std::string(kUsageCheck),
                               std::move(message));
}

protocol::Error failure(std::string message) {
  return protocol::make_error(protocol::ErrorCode::internal, std::move(message));
}

// ----------------------------------------------------------------------------------------- Args

Result<std::optional<std::string>> Args::option(std::string_view name) {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const std::string &w = words_[i];
    if (w == name) {
      if (i + 1 >= words_.size()) return usage_error(std::string(name) + " needs a value");
      std::string v = words_[i + 1];
      words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i),
                   words_.begin() + static_cast<std::ptrdiff_t>(i + 2));
      return std::optional<std::string>(std::move(v));
    }
    if (w.size() > name.size() && w.starts_with(name) && w[name.size()] == '=') {
      std::string v = w.substr(name.size() + 1);
      words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
      return std::optional<std::string>(std::move(v));
    }
    if (w == "--") break;
  }
  return std::optional<std::string>();
}

bool Args::flag(std::string_view name) {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if (words_[i] == "--") break;
    if (words_[i] == name) {
      words_.erase(words_.begin() + static_cast<std::ptrdiff_t>(i));
      return true;
    }
  }
  return false;
}

Result<std::string> Args::required(std::string_view name) {
  auto v = option(name);
  if (!v) return v.error();
  if (!*v) return usage_error("missing " + std::string(name));
  return std::move(**v);
}

Result<std::vector<std::string>> Args::positionals() {
  std::vector<std::string> out;
  bool literal = false;
  for (auto &w : words_) {
    if (!literal && w == "--") {
      literal = true;
      continue;
    }
    if (!literal && w.starts_with("--")) return usage_error("unknown option " + w);
    out.push_back(std::move(w));
  }
  words_.clear();
  return out;
}

Result<void> no_more(Args &a) {
  auto rest = a.positionals();
  if (!rest) return rest.error();
  if (!rest->empty()) return usage_error("unexpected argument " + rest->front());
  return {};
}

// ----------------------------------------------------------------------------------------- globals

Result<GlobalOptions> take_global_options(std::vector<std::string> &words) {
  GlobalOptions g;
  std::optional<std::string> timeout;
  std::vector<std::string> kept;
  static constexpr std::string_view kValued[] = {"--bundle", "--key", "--passphrase-file", "--timeout"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string &w = words[i];
    if (w == "--") { // the rest belongs to the subcommand
      kept.insert(kept.end(), words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
      break;
    }
    std::optional<std::string_view> name;
    std::string value;
    for (auto n : kValued) {
      if (w == n) {
        if (i + 1 >= words.size()) return usage_error(std::string(n) + " needs a value");
        name = n;
        value = words[++i];
      } else if (w.size() > n.size() && w.starts_with(n) && w[n.size()] == '=') {
        name = n;
        value = w.substr(n.size() + 1);
      }
      if (name) break;
    }
    if (name == "--bundle") {
      g.bundle = std::filesystem::path(value);
    } else if (name == "--key") {
      g.key = std::filesystem::path(value);
    } else if (name == "--passphrase-file") {
      g.passphrase_file = std::filesystem::path(value);
    } else if (name == "--timeout") {
      timeout = value;
    } else if (w == "--insecure-fast-kdf") {
      g.insecure_fast_kdf = true;
    } else if (w == "--insecure-plaintext") {
      g.insecure_plaintext = true;
    } else if (w == "--json") {
      g.json = true;
    } else {
      kept.push_back(w);
    }
  }
  words = std::move(kept);
  auto from_env = [](const char *env, std::optional<std::filesystem::path> &dst) {
    if (dst) return;
    if (const char *e = std::getenv(env); e != nullptr && *e != '\0') dst = std::filesystem::path(e);
  };
  from_env("CV_BUNDLE", g.bundle);
  from_env("CV_KEY", g.key);
  if (timeout) {
    auto secs = parse_uint(*timeout, "--timeout", 1, 3600);
    if (!secs) return secs.error();
    g.timeout = std::chrono::milliseconds(std::int64_t{*secs} * 1000);
  }
  return g;
}

// ----------------------------------------------------------------------------------------- output

void out(const std::string &line) { std::fprintf(stdout, "%s\n", line.c_str()); }
void note(const std::string &line) { std::fprintf(stderr, "%s\n", line.c_str()); }
void print_json(const QJsonObject &o) { out(protocol::to_json(o)); }

std::string describe(const protocol::Error &e) {
  std::string s(protocol::error_code_name(e.code));
  s += ": " + e.message;
  if (!e.field.empty() && e.message.find(e.field) == std::string::npos) s += " (field " + e.field + ")";
  if (!e.check.empty() && e.check != kUsageCheck && e.message.find(e.check) == std::string::npos)
    s += " (check " + e.check + ")";
  return s;
}

std::string hex(protocol::ByteView b) { return protocol::lower_hex(b); }

std::string format_time_ms(std::uint64_t unix_ms) {
  // Local time with its offset from UTC ("2025-06-15T15:00:00+07:00", or "...Z" in UTC): a time
  // printed without its zone is ambiguous in the minutes and across machines.
  const auto local = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(unix_ms));
  return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate).toStdString();
}

// ----------------------------------------------------------------------------------------- files

Result<protocol::EnrollmentBundle> load_bundle(const GlobalOptions &g) {
  if (!g.bundle) return usage_error("no enrollment bundle: use --bundle FILE (or set CV_BUNDLE)");
  std::ifstream in(*g.bundle, std::ios::binary);
  if (!in) return failure("cannot read the bundle file " + g.bundle->string());
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  if (text.size() > 65536) return failure(g.bundle->string() + ": too large for a bundle");
  auto b = protocol::decode_bundle(text);
  if (!b) {
    auto e = b.error();
    e.message = g.bundle->string() + ": " + e.message;
    return e;
  }
  return b;
}

client::PassphraseSource passphrase_source(const GlobalOptions &g) {
  client::PassphraseSource s;
  s.file = g.passphrase_file;
  return s;
}

Result<LoadedKey> load_key(const GlobalOptions &g) {
  if (!g.key) return usage_error("no key file: use --key FILE (or set CV_KEY)");
  auto pass = client::obtain_passphrase(passphrase_source(g), "Passphrase for " + g.key->string() + ": ");
  if (!pass) return from_crypto(pass.error());
  auto k = client::open_key(*g.key, pass->view());
  if (!k) return from_crypto(k.error());
  return LoadedKey{std::move(*k), std::move(*pass)};
}

// ----------------------------------------------------------------------------------------- session

Result<std::unique_ptr<Session>> Session::open(const GlobalOptions &g, bool need_key) {
  std::unique_ptr<Session> s(new Session());
  s->g_ = g;
  auto b = load_bundle(g);
  if (!b) return b.error();
  s->bundle_ = *b;
  crypto::SigningKey signer;
  if (need_key) {
    if (!g.key) return usage_error("this command needs your key file: use --key FILE (or set CV_KEY)");
    auto k = load_key(g);
    if (!k) return k.error();
    signer = k->contents.signing;
    s->key_ = std::move(k->contents);
    s->passphrase_ = std::move(k->passphrase);
    s->key_path_ = g.key;
  } else {
    signer = crypto::SigningKey::generate(); // read-only: a key of our own (docs/wire.md §4.4)
  }
  client::ConnectionOptions o;
  o.insecure_plaintext = g.insecure_plaintext;
  s->conn_ = std::make_unique<client::Connection>(s->bundle_, std::move(signer), o);
  s->client_ = std::make_unique<client::Client>(*s->conn_, g.timeout);
  return s;
}

Result<protocol::PollId> parse_poll(const std::string &s) {
  auto p = protocol::PollId::parse(s);
  if (!p) return usage_error("--poll: " + p.error().message);
  return p;
}

Result<protocol::PollId> poll_option(Args &a) {
  auto poll = a.required("--poll");
  if (!poll) return poll.error();
  return parse_poll(*poll);
}

Result<std::uint32_t> parse_uint(std::string_view s, std::string_view what, std::uint32_t min,
                                 std::uint32_t max) {
  std::uint64_t v = 0;
  if (s.empty() || s.size() > 10)
    return usage_error(std::string(what) + ": expected a number, got \"" + std::string(s) + "\"");
  for (char c : s) {
    if (c < '0' || c > '9')
      return usage_error(std::string(what) + ": expected a number, got \"" + std::string(s) + "\"");
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v < min || v > max)
    return usage_error(std::string(what) + ": " + std::string(s) + " is outside " + std::to_string(min) +
                       ".." + std::to_string(max));
  return static_cast<std::uint32_t>(v);
}

} // namespace cv::cli
