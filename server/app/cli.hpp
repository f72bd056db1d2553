// Shared pieces of the councilvote-server command line: exit codes, messages, number parsing.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>

namespace cv::server::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRuntime = 1; // the command could not do its work
inline constexpr int kExitUsage = 2;   // the command line is wrong

// "councilvote-server: <message>" on stderr.
void error(const std::string &message);
void error(const QString &message);
void error(const char *message);
// Prints `message` and a hint to run `<command> --help`; returns kExitUsage.
int usage_error(const QString &command, const QString &message);
// Parses the arguments; on --help prints the help text and returns kExitOk; on a bad command line
// prints the error and returns kExitUsage; otherwise returns nothing and the options can be read.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &args, const QString &command);
// A decimal unsigned integer in [min, max], or nothing.
std::optional<std::uint64_t> parse_uint(const QString &text, std::uint64_t min, std::uint64_t max);

int run_init(const QStringList &args);   // args[0] is "councilvote-server init"
int run_serve(const QStringList &args);  // args[0] is "councilvote-server serve"
int run_export(const QStringList &args); // args[0] is "councilvote-server export"

} // namespace cv::server::cli
