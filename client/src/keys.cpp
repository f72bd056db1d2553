#include "councilvote/client/keys.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

namespace cv::client {

using crypto::Errc;
using crypto::make_error;

Passphrase &Passphrase::operator=(Passphrase &&o) noexcept {
  if (this != &o) {
    wipe();
    s_ = std::move(o.s_);
    o.wipe();
  }
  return *this;
}

void Passphrase::wipe() noexcept {
  if (!s_.empty()) sodium_memzero(s_.data(), s_.size());
  s_.clear();
}

namespace {

void strip_line_end(std::string &s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

// Reads one line from /dev/tty with echo off. Returns nullopt when there is no terminal.
std::optional<std::string> read_tty_hidden(std::string_view prompt) {
  const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  termios old{};
  const bool is_tty = ::tcgetattr(fd, &old) == 0;
  if (is_tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= static_cast<tcflag_t>(ECHONL);
    (void)::tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  (void)!::write(fd, prompt.data(), prompt.size());
  std::string line;
  char c = 0;
  for (;;) {
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || c == '\n') break;
    line.push_back(c);
    if (line.size() > 4096) break;
  }
  if (is_tty) (void)::tcsetattr(fd, TCSAFLUSH, &old);
  ::close(fd);
  strip_line_end(line);
  std::optional<std::string> out(std::move(line));
  sodium_memzero(&c, 1);
  return out;
}

} // namespace

crypto::Result<Passphrase> obtain_passphrase(const PassphraseSource &source, std::string_view prompt,
                                             bool confirm) {
  if (source.file) {
    std::ifstream in(*source.file, std::ios::binary);
    if (!in)
      return make_error(Errc::system_error, "cannot read the passphrase file " + source.file->string());
    std::string line;
    std::getline(in, line);
    strip_line_end(line);
    if (line.empty()) return make_error(Errc::invalid_argument, "the passphrase file's first line is empty");
    return Passphrase(std::move(line));
  }
  if (source.use_env) {
    const std::string name(kPassphraseEnv);
    if (const char *env = std::getenv(name.c_str()); env != nullptr && *env != '\0') return Passphrase(env);
  }
  if (!source.allow_prompt)
    return make_error(Errc::system_error, "no passphrase: use --passphrase-file or set CV_PASSPHRASE");
  auto first = read_tty_hidden(prompt);
  if (!first)
    return make_error(Errc::system_error,
                      "no passphrase: no terminal to ask on; use --passphrase-file or set CV_PASSPHRASE");
  Passphrase p(std::move(*first));
  if (p.view().empty()) return make_error(Errc::invalid_argument, "empty passphrase");
  if (confirm) {
    auto again = read_tty_hidden("Repeat the passphrase: ");
    Passphrase q(again ? std::move(*again) : std::string());
    if (q.view() != p.view()) return make_error(Errc::invalid_argument, "the two passphrases differ");
  }
  return p;
}

crypto::Result<crypto::KeyFileContents> create_key_file(const std::filesystem::path &path, std::string label,
                                                        std::string role, std::string_view passphrase,
                                                        const crypto::KdfParams &params) {
  try {
    auto contents = crypto::KeyFileContents::generate(std::move(label), std::move(role));
    if (auto r = crypto::save_key_file(path, contents, passphrase, params, /*overwrite=*/false); !r)
      return r.error();
    return contents;
  } catch (...) { // std::bad_alloc (sodium_malloc)
    return make_error(Errc::system_error, "out of memory while creating the key file");
  }
}

crypto::Result<crypto::KeyFileContents> open_key(const std::filesystem::path &path,
                                                 std::string_view passphrase) {
  try {
    auto r = crypto::load_key_file(path, passphrase);
    if (!r) return make_error(r.error().code, path.string() + ": " + r.error().message);
    return r;
  } catch (...) {
    return make_error(Errc::system_error, "out of memory while opening the key file");
  }
}

std::filesystem::path sibling_path(const std::filesystem::path &key_file, std::string_view suffix) {
  auto name = key_file.stem().string();
  name += '.';
  name += suffix;
  return key_file.parent_path() / name;
}

} // namespace cv::client
