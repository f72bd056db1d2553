// councilvote-server: the meeting server (docs/wire.md).
//
//   councilvote-server init  --meeting DIR --meeting-id ID ... --address HOST:PORT
//   councilvote-server serve --meeting DIR --listen ADDR:PORT [limits]
//   councilvote-server export --meeting DIR --poll P --out FILE [--force]
//
// Exit codes: 0 success, 1 runtime error, 2 usage error.
#include "cli.hpp"
#include "councilvote/crypto/init.hpp"

#include <QCoreApplication>
#include <cstdio>
#include <exception>

namespace {

const char *const kTopHelp = R"(Usage: councilvote-server <command> [options]

The CouncilVote meeting server: a WebSocket-over-TLS server for one council meeting.

Commands:
  init    create a meeting directory: database, server signing key, TLS identity, enrollment bundle
  serve   run the server of a meeting directory
  export  write the record file of a published poll, for councilvote-verify

Run 'councilvote-server <command> --help' for the options of a command.

Options:
  -h, --help     show this help
  -v, --version  show the version
)";

int dispatch(const QStringList &args) {
  using namespace cv::server::cli;
  if (args.size() < 2) {
    std::fputs(kTopHelp, stderr);
    return kExitUsage;
  }
  const QString command = args.at(1);
  if (command == QLatin1String("-h") || command == QLatin1String("--help") ||
      command == QLatin1String("help")) {
    std::fputs(kTopHelp, stdout);
    return kExitOk;
  }
  if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
    std::printf("councilvote-server %s\n", qPrintable(QCoreApplication::applicationVersion()));
    return kExitOk;
  }
  QStringList rest = args.mid(2);
  rest.prepend(QStringLiteral("councilvote-server ") + command);
  if (command == QLatin1String("init") || command == QLatin1String("serve") ||
      command == QLatin1String("export")) {
    if (auto r = cv::crypto::init(); !r) {
      error("the cryptographic self-test failed: " + r.error().message);
      return kExitRuntime;
    }
    if (command == QLatin1String("export")) return run_export(rest);
    return command == QLatin1String("init") ? run_init(rest) : run_serve(rest);
  }
  error(QStringLiteral("unknown command '%1' (expected init, serve or export; see --help)").arg(command));
  return kExitUsage;
}

} // namespace

int main(int argc, char *argv[]) {
  try {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("councilvote-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    return dispatch(QCoreApplication::arguments());
  } catch (const std::exception &e) {
    std::fprintf(stderr, "councilvote-server: unexpected error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "councilvote-server: unexpected error\n");
  }
  return cv::server::cli::kExitRuntime;
}
