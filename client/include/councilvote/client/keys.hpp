// Key files and passphrases for the client programs (the file format is crypto/keyfile.hpp).
//
// The passphrase comes, in this order, from a --passphrase-file (its first line), the environment
// variable CV_PASSPHRASE, or a prompt on the terminal (/dev/tty) without echo. Key files are sealed
// with KdfParams::moderate() (Argon2id, ~1 s, 256 MiB) unless the caller asks for the insecure fast
// parameters (tests and demos only).
#pragma once

#include "councilvote/crypto/keyfile.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cv::client {

inline constexpr std::string_view kPassphraseEnv = "CV_PASSPHRASE";

// A passphrase that is wiped from memory when it goes out of scope.
class Passphrase {
public:
  Passphrase() = default;
  explicit Passphrase(std::string s) : s_(std::move(s)) {}
  Passphrase(const Passphrase &) = delete;
  Passphrase &operator=(const Passphrase &) = delete;
  Passphrase(Passphrase &&o) noexcept : s_(std::move(o.s_)) { o.wipe(); }
  Passphrase &operator=(Passphrase &&o) noexcept;
  ~Passphrase() { wipe(); }
  [[nodiscard]] std::string_view view() const noexcept { return s_; }

private:
  void wipe() noexcept;
  std::string s_;
};

struct PassphraseSource {
  std::optional<std::filesystem::path> file; // --passphrase-file
  bool use_env = true;                       // CV_PASSPHRASE
  bool allow_prompt = true;                  // ask on /dev/tty
};

// `prompt` is shown on the terminal; with `confirm` the passphrase is asked twice (new key files).
// Errors: Errc::invalid_argument (empty, or the two entries differ), Errc::system_error (no file,
// no variable and no terminal).
[[nodiscard]] crypto::Result<Passphrase> obtain_passphrase(const PassphraseSource &source,
                                                           std::string_view prompt, bool confirm = false);

[[nodiscard]] constexpr crypto::KdfParams kdf_params(bool insecure_fast) noexcept {
  return insecure_fast ? crypto::KdfParams::insecure_fast() : crypto::KdfParams::moderate();
}

// Generates a fresh key file (Ed25519 + X25519) and writes it sealed; never replaces an existing
// file. Returns the contents (the public keys to print).
[[nodiscard]] crypto::Result<crypto::KeyFileContents> create_key_file(const std::filesystem::path &path,
                                                                      std::string label, std::string role,
                                                                      std::string_view passphrase,
                                                                      const crypto::KdfParams &params);

[[nodiscard]] crypto::Result<crypto::KeyFileContents> open_key(const std::filesystem::path &path,
                                                               std::string_view passphrase);

// A file next to the key file: "<dir>/<key file stem>.<suffix>" ("member-7.key" ->
// "member-7.receipt-poll-1.json").
[[nodiscard]] std::filesystem::path sibling_path(const std::filesystem::path &key_file,
                                                 std::string_view suffix);

} // namespace cv::client
