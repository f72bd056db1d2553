// councilvote-server serve: runs the WebSocket server of a meeting directory until SIGINT/SIGTERM.
#include "cli.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/server/meeting_dir.hpp"
#include "councilvote/server/meeting_service.hpp"
#include "councilvote/server/ws_server.hpp"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace cv::server::cli {

namespace {

int g_signal_pipe[2] = {-1, -1};

extern "C" void on_stop_signal(int) {
  const char c = 1;
  const ssize_t written = ::write(g_signal_pipe[1], &c, 1); // async-signal-safe
  (void)written;
}

bool install_stop_signals() {
  if (::pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return false;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  return ::sigaction(SIGINT, &sa, nullptr) == 0 && ::sigaction(SIGTERM, &sa, nullptr) == 0 &&
         ::sigaction(SIGPIPE, &ignore, nullptr) == 0;
}

struct ListenAddress {
  QHostAddress address;
  QString host; // as written, for the "listening on" line
  quint16 port = 0;
};

std::optional<ListenAddress> parse_listen(const QString &text) {
  const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
  if (colon <= 0) return std::nullopt;
  ListenAddress out;
  out.host = text.left(colon);
  auto port = parse_uint(text.mid(colon + 1), 0, 65535);
  if (!port) return std::nullopt;
  out.port = static_cast<quint16>(*port);
  QString bare = out.host;
  if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
    bare = bare.mid(1, bare.size() - 2);
  else if (bare.contains(QLatin1Char(':')))
    return std::nullopt; // IPv6 needs brackets
  if (bare == QLatin1String("localhost"))
    out.address = QHostAddress(QHostAddress::LocalHost);
  else if (bare == QLatin1String("*"))
    out.address = QHostAddress(QHostAddress::Any);
  else
    out.address = QHostAddress(bare);
  if (out.address.isNull()) return std::nullopt;
  return out;
}

struct ServeOptions {
  QCommandLineOption meeting{QStringLiteral("meeting"), QStringLiteral("The meeting directory made by init."),
                             QStringLiteral("DIR")};
  QCommandLineOption listen{QStringLiteral("listen"),
                            QStringLiteral("The address and port to listen on: ADDR:PORT, [IPV6]:PORT, "
                                           "localhost:PORT or *:PORT; port 0 picks a free port."),
                            QStringLiteral("ADDR:PORT")};
  QCommandLineOption max_message{QStringLiteral("max-message-bytes"),
                                 QStringLiteral("The largest message accepted (default 4194304)."),
                                 QStringLiteral("N"), QStringLiteral("4194304")};
  QCommandLineOption rate{QStringLiteral("rate"),
                          QStringLiteral("Requests per second, per key and per connection (default 20)."),
                          QStringLiteral("N"), QStringLiteral("20")};
  QCommandLineOption burst{QStringLiteral("burst"),
                           QStringLiteral("Burst size of the rate limits (default 40)."), QStringLiteral("N"),
                           QStringLiteral("40")};
  QCommandLineOption max_connections{QStringLiteral("max-connections"),
                                     QStringLiteral("Open connections in all (default 256)."),
                                     QStringLiteral("N"), QStringLiteral("256")};
  QCommandLineOption per_key{QStringLiteral("max-connections-per-key"),
                             QStringLiteral("Connections one key may hold (default 4)."), QStringLiteral("N"),
                             QStringLiteral("4")};
  QCommandLineOption window{QStringLiteral("clock-window-ms"),
                            QStringLiteral("Accepted clock difference of a request, in ms (default 120000)."),
                            QStringLiteral("N"), QStringLiteral("120000")};
  QCommandLineOption unauth{
      QStringLiteral("max-unauthenticated"),
      QStringLiteral("Connections not yet signed in with a registered key, in all "
                     "(default 64); the other connections are kept for registered keys."),
      QStringLiteral("N"), QStringLiteral("64")};
  QCommandLineOption unauth_per_address{
      QStringLiteral("max-unauthenticated-per-address"),
      QStringLiteral("Connections not yet signed in, from one remote address (default 8)."),
      QStringLiteral("N"), QStringLiteral("8")};
  QCommandLineOption sign_in{QStringLiteral("sign-in-timeout-ms"),
                             QStringLiteral("How long a new connection has to send a request signed by a "
                                            "registered key, in ms (default 5000)."),
                             QStringLiteral("N"), QStringLiteral("5000")};
  QCommandLineOption verbose{QStringLiteral("verbose"),
                             QStringLiteral("Log every answered request on stderr.")};
};

// Reads the numeric options into `limits`; returns an error text for the first bad one.
std::optional<QString> read_limits(const QCommandLineParser &p, const ServeOptions &o,
                                   ServerOptions &options) {
  protocol::Limits &limits = options.limits;
  struct Spec {
    const QCommandLineOption *option;
    std::uint64_t min, max, value = 0;
  };
  Spec specs[] = {{&o.max_message, 1024, std::uint64_t{256} << 20},
                  {&o.rate, 1, 1'000'000},
                  {&o.burst, 1, 1'000'000},
                  {&o.max_connections, 1, 100'000},
                  {&o.per_key, 1, 10'000},
                  {&o.window, 1000, 86'400'000},
                  {&o.unauth, 1, 100'000},
                  {&o.unauth_per_address, 1, 100'000},
                  {&o.sign_in, 100, 600'000}};
  for (auto &s : specs) {
    auto v = parse_uint(p.value(*s.option), s.min, s.max);
    if (!v)
      return QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
          .arg(s.option->names().first())
          .arg(s.min)
          .arg(s.max)
          .arg(p.value(*s.option));
    s.value = *v;
  }
  limits.json.max_bytes = static_cast<std::size_t>(specs[0].value);
  const protocol::RateLimitConfig rate{static_cast<std::uint32_t>(specs[1].value),
                                       static_cast<std::uint32_t>(specs[2].value)};
  limits.per_key = rate;
  limits.per_connection = rate;
  limits.max_connections = static_cast<std::uint32_t>(specs[3].value);
  limits.max_connections_per_key = static_cast<std::uint32_t>(specs[4].value);
  limits.replay.window_ms = static_cast<std::int64_t>(specs[5].value);
  options.admission.max_unauthenticated = static_cast<std::size_t>(specs[6].value);
  options.admission.max_unauthenticated_per_address = static_cast<std::size_t>(specs[7].value);
  options.admission.sign_in_timeout = std::chrono::milliseconds{static_cast<std::int64_t>(specs[8].value)};
  return std::nullopt;
}

void log_request(const RequestEvent &e) {
  const std::string type =
      e.type ? std::string(protocol::message_type_name(*e.type)) : std::string("(envelope)");
  const std::string outcome = e.error ? std::string(protocol::error_code_name(*e.error)) : std::string("ok");
  std::fprintf(stderr, "request %s: %s\n", type.c_str(), outcome.c_str());
}

} // namespace

int run_serve(const QStringList &args) {
  const QString command = QStringLiteral("councilvote-server serve");
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("Serves a meeting directory over WebSocket with TLS (wss://). Prints 'listening on "
                     "ADDR:PORT' once ready; stops cleanly on SIGINT or SIGTERM."));
  ServeOptions o;
  parser.addOptions({o.meeting, o.listen, o.max_message, o.rate, o.burst, o.max_connections, o.per_key,
                     o.window, o.unauth, o.unauth_per_address, o.sign_in, o.verbose});
  if (auto done = parse(parser, args, command)) return *done;
  if (parser.value(o.meeting).isEmpty()) return usage_error(command, QStringLiteral("--meeting is required"));
  if (parser.value(o.listen).isEmpty()) return usage_error(command, QStringLiteral("--listen is required"));
  auto listen = parse_listen(parser.value(o.listen));
  if (!listen)
    return usage_error(command,
                       QStringLiteral("--listen must be ADDR:PORT (e.g. 0.0.0.0:8443 or [::1]:8443), "
                                      "not '%1'")
                           .arg(parser.value(o.listen)));
  ServerOptions options;
  if (auto bad = read_limits(parser, o, options)) return usage_error(command, *bad);

  const MeetingDir dir{std::filesystem::path(parser.value(o.meeting).toStdString())};
  std::error_code ec;
  if (!std::filesystem::is_directory(dir.root, ec)) {
    error("no meeting directory at " + dir.root.string() + " (create one with 'councilvote-server init')");
    return kExitRuntime;
  }
  auto service = MeetingService::open(dir);
  if (!service) {
    error("cannot open the meeting in " + dir.root.string() + ": " + service.error().message);
    return kExitRuntime;
  }
  auto tls = load_tls_configuration(dir.tls_key(), dir.tls_certificate());
  if (!tls) {
    error("cannot load the TLS identity: " + tls.error().message);
    return kExitRuntime;
  }
  if (!install_stop_signals()) {
    error("cannot install the SIGINT/SIGTERM handlers");
    return kExitRuntime;
  }
  WsServer server(**service, *tls, options);
  if (parser.isSet(o.verbose)) server.set_request_callback(log_request);
  if (auto r = server.listen(listen->address, listen->port); !r) {
    error(r.error().message);
    return kExitRuntime;
  }
  QSocketNotifier stop(g_signal_pipe[0], QSocketNotifier::Read);
  QObject::connect(&stop, &QSocketNotifier::activated, &stop, [] { QCoreApplication::quit(); });
  std::printf("listening on %s:%u\n", qPrintable(listen->host), static_cast<unsigned>(server.server_port()));
  std::fflush(stdout);

  QCoreApplication::exec();

  server.close();
  QEventLoop flush; // let the close frames go out
  QTimer::singleShot(300, &flush, &QEventLoop::quit);
  flush.exec();
  const WsCounters &c = server.counters();
  std::printf("stopped: %llu connections, %llu requests answered (%llu failed)\n",
              static_cast<unsigned long long>(c.connections_accepted),
              static_cast<unsigned long long>(c.requests_ok + c.requests_failed),
              static_cast<unsigned long long>(c.requests_failed));
  std::fflush(stdout);
  return kExitOk;
}

} // namespace cv::server::cli
