// councilvote-cli: every operation of every role from the command line (docs/wire.md §8).
//
//   councilvote-cli [global options] COMMAND [command options]
//
// Exit status: 0 success, 1 the operation failed (the message says why), 2 bad command line.
#include "common.hpp"
#include "councilvote/crypto/init.hpp"

#include <QCoreApplication>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

using namespace cv::cli;

std::vector<Command> all_commands() {
  std::vector<Command> c;
  add_general_commands(c);
  add_secretary_commands(c);
  add_member_commands(c);
  add_trustee_commands(c);
  add_auditor_commands(c);
  return c;
}

void print_help(const std::vector<Command> &commands) {
  out("usage: councilvote-cli [global options] COMMAND [options]");
  out("");
  out("Global options (anywhere on the line):");
  out("  --bundle FILE          the meeting's enrollment bundle, JSON or CV2:... (default $CV_BUNDLE)");
  out("  --key FILE             your sealed key file (default $CV_KEY)");
  out("  --passphrase-file F    read the key file's passphrase from F's first line");
  out("                         (else $CV_PASSPHRASE, else asked on the terminal)");
  out("  --insecure-fast-kdf    seal new key files with the minimum KDF cost (tests and demos only)");
  out("  --insecure-plaintext   ws:// instead of wss://, loopback only (tests only)");
  out("  --json                 print the server's response bodies as JSON");
  out("  --timeout SECONDS      give up on an answer after this long (default 60)");
  std::string role;
  for (const auto &cmd : commands) {
    if (cmd.role != role) {
      role = cmd.role;
      out("");
      out(role + ":");
    }
    std::string line = "  " + cmd.name + (cmd.synopsis.empty() ? "" : " " + cmd.synopsis);
    out(line);
    out("      " + cmd.summary);
  }
}

int run(int argc, char *argv[]) {
  std::vector<std::string> words(argv + 1, argv + argc);
  const auto commands = all_commands();
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    print_help(commands);
    return words.empty() ? kExitUsage : kExitOk;
  }
  auto g = take_global_options(words);
  if (!g) {
    note("error: " + g.error().message);
    return kExitUsage;
  }
  if (words.empty()) {
    note("error: no command; see councilvote-cli --help");
    return kExitUsage;
  }
  const std::string name = words[0];
  words.erase(words.begin());
  for (const auto &cmd : commands) {
    if (cmd.name != name) continue;
    if (!words.empty() && (words[0] == "--help" || words[0] == "-h")) {
      out("usage: councilvote-cli " + cmd.name + (cmd.synopsis.empty() ? "" : " " + cmd.synopsis));
      out(cmd.summary);
      return kExitOk;
    }
    Args args(std::move(words));
    auto r = cmd.run(*g, args);
    if (r) return kExitOk;
    if (r.error().check == kUsageCheck) {
      note("error: " + r.error().message);
      note("usage: councilvote-cli " + cmd.name + " " + cmd.synopsis);
      return kExitUsage;
    }
    note("error: " + describe(r.error()));
    return kExitFailure;
  }
  note("error: unknown command \"" + name + "\"; see councilvote-cli --help");
  return kExitUsage;
}

} // namespace

int main(int argc, char *argv[]) {
  try {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines in order with stderr's when both go to a file
    QCoreApplication app(argc, argv);
    if (auto r = cv::crypto::init(); !r) {
      note("error: crypto self-test failed: " + r.error().message);
      return kExitFailure;
    }
    return run(argc, argv);
  } catch (const std::exception &e) {
    note(std::string("error: unexpected failure: ") + e.what());
    return kExitFailure;
  } catch (...) {
    note("error: unexpected failure");
    return kExitFailure;
  }
}
