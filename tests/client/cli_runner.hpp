// councilvote-cli as a child process, for every CLI test (test_cli*.cpp): the CLI runs while this
// process's event loop keeps serving the tests' fake servers.
#pragma once

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace cvtest {

struct CliRun {
  int exit_code = -1; // -1: crashed, or killed after the timeout
  std::string out, err;
};

// Starts one councilvote-cli (CV_CLI_PATH) per element of `runs`, all at once, and waits for them
// all, at most timeout_ms (then the ones still running are killed). Each child gets this process's
// environment without CV_BUNDLE and CV_KEY, and CV_PASSPHRASE = `passphrase` (unset when empty).
[[nodiscard]] std::vector<CliRun> cli_runs(const std::vector<QStringList> &runs, const QString &passphrase,
                                           int timeout_ms = 120000);
[[nodiscard]] CliRun cli_run(const QStringList &args, const QString &passphrase, int timeout_ms = 60000);

[[nodiscard]] inline bool contains(const std::string &hay, const std::string &needle) {
  return hay.find(needle) != std::string::npos;
}

} // namespace cvtest
