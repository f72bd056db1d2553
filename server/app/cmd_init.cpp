// councilvote-server init: creates a meeting directory (server/include/councilvote/server/meeting_dir.hpp).
#include "cli.hpp"
#include "councilvote/crypto/bytes.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/server/meeting_dir.hpp"

#include <QRegularExpression>
#include <cstdio>

namespace cv::server::cli {

namespace {

struct InitOptions {
  QCommandLineOption meeting{QStringLiteral("meeting"),
                             QStringLiteral("The meeting directory to create (absent or empty)."),
                             QStringLiteral("DIR")};
  QCommandLineOption meeting_id{
      QStringLiteral("meeting-id"),
      QStringLiteral("The meeting id: 1-128 of [A-Za-z0-9._-], starting with a letter or "
                     "digit (e.g. vinhlong-2025-06)."),
      QStringLiteral("ID")};
  QCommandLineOption council{QStringLiteral("council"), QStringLiteral("The council's name."),
                             QStringLiteral("TEXT")};
  QCommandLineOption session{QStringLiteral("session"), QStringLiteral("The session's name."),
                             QStringLiteral("TEXT")};
  QCommandLineOption date{QStringLiteral("date"), QStringLiteral("The meeting date, YYYY-MM-DD."),
                          QStringLiteral("YYYY-MM-DD")};
  QCommandLineOption place{QStringLiteral("place"), QStringLiteral("Where the meeting takes place."),
                           QStringLiteral("TEXT")};
  QCommandLineOption secretary_key{
      QStringLiteral("secretary-key"),
      QStringLiteral("A secretary's Ed25519 public key, 64 lowercase hex characters; "
                     "repeat for several secretaries."),
      QStringLiteral("HEX")};
  QCommandLineOption min_ballots{
      QStringLiteral("min-ballots"),
      QStringLiteral("The fewest ballots a poll must hold before it is tallied or decrypted (default 5, "
                     "at least 2): a total of very few ballots shows how each member voted. Written into "
                     "the enrollment bundle; it cannot be changed later."),
      QStringLiteral("N"), QStringLiteral("5")};
  QCommandLineOption address{QStringLiteral("address"),
                             QStringLiteral("The address clients dial, written into the enrollment bundle: "
                                            "HOST:PORT (IPv6 as [ADDR]:PORT)."),
                             QStringLiteral("HOST:PORT")};
};

std::optional<std::string> required(const QCommandLineParser &p, const QCommandLineOption &o) {
  const QString v = p.value(o);
  if (v.trimmed().isEmpty()) return std::nullopt;
  return v.toStdString();
}

} // namespace

int run_init(const QStringList &args) {
  const QString command = QStringLiteral("councilvote-server init");
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Creates a meeting directory: the database with the meeting and its secretary keys, the "
      "server's Ed25519 signing key, its TLS key and self-signed certificate, and the enrollment "
      "bundle (bundle.json, bundle.txt) that members import. Prints the server key, the TLS "
      "fingerprint and the bundle code for people to compare."));
  InitOptions o;
  parser.addOptions({o.meeting, o.meeting_id, o.council, o.session, o.date, o.place, o.secretary_key,
                     o.min_ballots, o.address});
  if (auto done = parse(parser, args, command)) return *done;

  InitParams params;
  const std::pair<const QCommandLineOption *, std::string *> texts[] = {
      {&o.meeting_id, &params.meeting.meeting_id}, {&o.council, &params.meeting.council},
      {&o.session, &params.meeting.session_name},  {&o.date, &params.meeting.date},
      {&o.place, &params.meeting.place},
  };
  for (const auto &[option, target] : texts) {
    auto v = required(parser, *option);
    if (!v) return usage_error(command, QStringLiteral("--%1 is required").arg(option->names().first()));
    *target = std::move(*v);
  }
  auto dir = required(parser, o.meeting);
  if (!dir) return usage_error(command, QStringLiteral("--meeting is required"));
  if (auto id = protocol::MeetingId::parse(params.meeting.meeting_id); !id)
    return usage_error(command,
                       QStringLiteral("--meeting-id: ") + QString::fromStdString(id.error().message));
  static const QRegularExpression date_re(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$"));
  if (!date_re.match(QString::fromStdString(params.meeting.date)).hasMatch())
    return usage_error(command,
                       QStringLiteral("--date must be YYYY-MM-DD, not '%1'").arg(parser.value(o.date)));

  const QStringList keys = parser.values(o.secretary_key);
  if (keys.isEmpty()) return usage_error(command, QStringLiteral("at least one --secretary-key is required"));
  for (const QString &k : keys) {
    auto bytes = protocol::parse_hex(k.toStdString(), "--secretary-key");
    if (!bytes || bytes->size() != crypto::kSignPublicKeyBytes)
      return usage_error(command,
                         QStringLiteral("--secretary-key '%1' is not 64 lowercase hex characters").arg(k));
    crypto::SignPublicKey key{};
    for (std::size_t i = 0; i < key.size(); ++i) key[i] = (*bytes)[i];
    if (auto valid = crypto::check_sign_public_key(key); !valid)
      return usage_error(
          command,
          QStringLiteral("--secretary-key '%1': %2").arg(k, QString::fromStdString(valid.error().message)));
    params.secretary_keys.push_back(key);
  }
  {
    bool number = false;
    const uint n = parser.value(o.min_ballots).toUInt(&number);
    if (!number || n < crypto::kLowestMinBallots || n > crypto::kMaxMinBallots)
      return usage_error(command,
                         QStringLiteral("--min-ballots must be a whole number from %1 to %2, not '%3'")
                             .arg(crypto::kLowestMinBallots)
                             .arg(crypto::kMaxMinBallots)
                             .arg(parser.value(o.min_ballots)));
    params.meeting.min_ballots = n;
  }
  auto address = required(parser, o.address);
  if (!address) return usage_error(command, QStringLiteral("--address is required"));
  auto server = protocol::ServerAddress::parse(*address);
  if (!server)
    return usage_error(command,
                       QStringLiteral("--address: ") + QString::fromStdString(server.error().message));
  params.address = *server;

  const MeetingDir meeting_dir{std::filesystem::path(*dir)};
  auto made = init_meeting_dir(meeting_dir, params);
  if (!made) {
    error("cannot create the meeting directory " + *dir + ": " + made.error().message);
    return kExitRuntime;
  }
  std::printf("meeting directory: %s\n", meeting_dir.root.string().c_str());
  std::printf("meeting id:        %s\n", made->bundle.meeting.str().c_str());
  std::printf("server address:    %s\n", made->bundle.server.str().c_str());
  std::printf("server key:        %s\n", protocol::lower_hex(made->server_key).c_str());
  std::printf("TLS fingerprint:   %s\n", protocol::lower_hex(made->bundle.tls_cert_sha256).c_str());
  std::printf("bundle code:       %s\n", made->bundle_code.c_str());
  std::printf("min. ballots:      %u\n", made->bundle.min_ballots);
  std::printf("bundle (JSON):     %s\n", meeting_dir.bundle_json().string().c_str());
  std::printf("bundle (compact):  %s\n", meeting_dir.bundle_compact().string().c_str());
  std::fflush(stdout);
  return kExitOk;
}

} // namespace cv::server::cli
