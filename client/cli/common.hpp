// Shared pieces of councilvote-cli: argument handling, global options, output, and the session
// (bundle + key + connection + client) that the network subcommands use.
#pragma once

#include "councilvote/client/client.hpp"
#include "councilvote/client/connection.hpp"
#include "councilvote/client/keys.hpp"
#include "councilvote/crypto/keyfile.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/crypto_error.hpp"
#include "councilvote/protocol/error.hpp"

#include <QJsonObject>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::cli {

using protocol::Result;

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; // the operation failed (server error, check failed, I/O)
inline constexpr int kExitUsage = 2;   // bad command line

// A usage error (exit 2) as a protocol::Error with this marker in `check`.
inline constexpr std::string_view kUsageCheck = "usage";
[[nodiscard]] protocol::Error usage_error(std::string message);
[[nodiscard]] protocol::Error failure(std::string message); // E_INTERNAL, for local failures

// The words after the subcommand: options (--name VALUE or --name=VALUE, flags) and positionals.
class Args {
public:
  explicit Args(std::vector<std::string> words) : words_(std::move(words)) {}
  // Removes and returns the option's value (nullopt when absent). A missing value is a usage error.
  [[nodiscard]] Result<std::optional<std::string>> option(std::string_view name);
  [[nodiscard]] bool flag(std::string_view name);
  // The option's value, or a usage error naming it.
  [[nodiscard]] Result<std::string> required(std::string_view name);
  // What is left; a usage error for an unknown option (a word starting with "--").
  [[nodiscard]] Result<std::vector<std::string>> positionals();
  [[nodiscard]] bool empty() const noexcept { return words_.empty(); }

private:
  std::vector<std::string> words_;
};

// A usage error when arguments are left.
[[nodiscard]] Result<void> no_more(Args &a);

struct GlobalOptions {
  std::optional<std::filesystem::path> bundle;          // --bundle, else $CV_BUNDLE
  std::optional<std::filesystem::path> key;             // --key, else $CV_KEY
  std::optional<std::filesystem::path> passphrase_file; // --passphrase-file
  bool insecure_fast_kdf = false;                       // --insecure-fast-kdf (tests, demos)
  bool insecure_plaintext = false;                      // --insecure-plaintext: ws:// to loopback (tests)
  bool json = false;                                    // --json: print the raw response bodies
  std::chrono::milliseconds timeout{60000};             // --timeout SECONDS
};

// Removes the global options from `words` (they may stand anywhere).
[[nodiscard]] Result<GlobalOptions> take_global_options(std::vector<std::string> &words);

// Output: stdout for results, stderr for errors and progress.
void out(const std::string &line);
void note(const std::string &line);
void print_json(const QJsonObject &o);
[[nodiscard]] std::string describe(const protocol::Error &e); // "E_WRONG_POLL: no poll ..."
[[nodiscard]] std::string hex(protocol::ByteView b);
[[nodiscard]] std::string format_time_ms(std::uint64_t unix_ms); // local time, ISO 8601

[[nodiscard]] Result<protocol::EnrollmentBundle> load_bundle(const GlobalOptions &g);
struct LoadedKey {
  crypto::KeyFileContents contents;
  client::Passphrase passphrase; // kept to seal the files that go with the key (trustee shares)
};
[[nodiscard]] Result<LoadedKey> load_key(const GlobalOptions &g);
[[nodiscard]] client::PassphraseSource passphrase_source(const GlobalOptions &g);
// From crypto errors (key files): the one crypto → wire mapping.
using protocol::from_crypto;

// Bundle, key, connection. Without `need_key` (read-only commands) the requests are signed with a
// throw-away key (docs/wire.md §4.4) and --key is not opened: no passphrase is asked.
class Session {
public:
  [[nodiscard]] static Result<std::unique_ptr<Session>> open(const GlobalOptions &g, bool need_key);
  [[nodiscard]] client::Client &client() noexcept { return *client_; }
  [[nodiscard]] const protocol::EnrollmentBundle &bundle() const noexcept { return bundle_; }
  // The key file's contents (only when a --key was loaded).
  [[nodiscard]] const std::optional<crypto::KeyFileContents> &key() const noexcept { return key_; }
  [[nodiscard]] const std::optional<std::filesystem::path> &key_path() const noexcept { return key_path_; }
  [[nodiscard]] std::string_view passphrase() const noexcept { return passphrase_.view(); }
  [[nodiscard]] const GlobalOptions &options() const noexcept { return g_; }

private:
  Session() = default;
  GlobalOptions g_;
  protocol::EnrollmentBundle bundle_;
  std::optional<crypto::KeyFileContents> key_;
  std::optional<std::filesystem::path> key_path_;
  client::Passphrase passphrase_;
  std::unique_ptr<client::Connection> conn_;
  std::unique_ptr<client::Client> client_;
};

[[nodiscard]] Result<protocol::PollId> parse_poll(const std::string &s);
[[nodiscard]] Result<std::uint32_t> parse_uint(std::string_view s, std::string_view what, std::uint32_t min,
                                               std::uint32_t max);

// A subcommand: runs with the global options and its own arguments.
struct Command {
  std::string name;
  std::string role; // heading in --help
  std::string synopsis;
  std::string summary;
  std::function<Result<void>(const GlobalOptions &, Args &)> run;
};

// Each file registers its commands.
void add_general_commands(std::vector<Command> &commands);
void add_secretary_commands(std::vector<Command> &commands);
void add_member_commands(std::vector<Command> &commands);
void add_trustee_commands(std::vector<Command> &commands);
void add_auditor_commands(std::vector<Command> &commands);

} // namespace cv::cli
