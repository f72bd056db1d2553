#include "cli.hpp"

#include <cstdio>

namespace cv::server::cli {

void error(const std::string &message) { std::fprintf(stderr, "councilvote-server: %s\n", message.c_str()); }
void error(const QString &message) { error(message.toStdString()); }
void error(const char *message) { std::fprintf(stderr, "councilvote-server: %s\n", message); }

int usage_error(const QString &command, const QString &message) {
  error(message);
  std::fprintf(stderr, "Run '%s --help' for the options.\n", qPrintable(command));
  return kExitUsage;
}

std::optional<int> parse(QCommandLineParser &parser, const QStringList &args, const QString &command) {
  const auto help = parser.addHelpOption();
  if (!parser.parse(args)) return usage_error(command, parser.errorText());
  if (parser.isSet(help)) {
    QString text = parser.helpText(); // its first line names the executable's path, not the command
    const qsizetype eol = text.indexOf(QLatin1Char('\n'));
    if (text.startsWith(QLatin1String("Usage: ")) && eol > 0)
      text.replace(0, eol, QStringLiteral("Usage: %1 [options]").arg(command));
    std::fputs(qPrintable(text), stdout);
    return kExitOk;
  }
  if (!parser.positionalArguments().isEmpty())
    return usage_error(command,
                       QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
  return std::nullopt;
}

std::optional<std::uint64_t> parse_uint(const QString &text, std::uint64_t min, std::uint64_t max) {
  if (text.isEmpty() || text.size() > 19) return std::nullopt;
  for (QChar c : text)
    if (c < QLatin1Char('0') || c > QLatin1Char('9')) return std::nullopt;
  bool ok = false;
  const qulonglong v = text.toULongLong(&ok);
  if (!ok || v < min || v > max) return std::nullopt;
  return std::uint64_t{v};
}

} // namespace cv::server::cli
