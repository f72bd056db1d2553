// councilvote-cli as a program: --help, keygen + key-info, bundle-info on both bundle forms, usage
// errors, and network commands against the fake server (the CLI runs as a child process while this
// process's event loop serves it).
#include "cli_runner.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "support.hpp"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace cvtest;
namespace protocol = cv::protocol;

namespace {

using Run = CliRun;

Run run_cli(const QStringList &args, const QString &passphrase = QStringLiteral("correct horse battery")) {
  return cli_run(args, passphrase);
}

void write_file(const QString &path, const std::string &text) {
  QFile f(path);
  REQUIRE(f.open(QIODevice::WriteOnly));
  f.write(text.data(), static_cast<qint64>(text.size()));
}

// "signing key: <hex>" from the output.
std::string field(const std::string &text, const std::string &name) {
  const auto at = text.find(name + ":");
  if (at == std::string::npos) return {};
  auto start = text.find_first_not_of(' ', at + name.size() + 1);
  return text.substr(start, text.find('\n', start) - start);
}

} // namespace

TEST_CASE("cli: --help lists the commands of every role", "[cli]") {
  auto r = run_cli({QStringLiteral("--help")});
  CHECK(r.exit_code == 0);
  for (const char *cmd :
       {"keygen",       "bundle-info", "import-roster", "import-nominees", "define-rules", "set-quota",
        "register-key", "attendance",  "set-trustees",  "open-poll",       "open-room",    "close-poll",
        "turnout",      "start-tally", "publish",       "show-poll",       "vote",         "lookup",
        "ceremony",     "decrypt",     "board",         "verify",          "record",       "chair-decide"})
    CHECK(contains(r.out, std::string("  ") + cmd));
  // The vote command names the choice words it accepts, the table's "trống" among them.
  for (const char *w : {"đồng-ý", "không-đồng-ý", "trống", "blank"}) CHECK(contains(r.out, w));
  CHECK(contains(r.out, "--out FILE"));
  auto bad = run_cli({QStringLiteral("no-such-command")});
  CHECK(bad.exit_code == 2);
  auto usage = run_cli({QStringLiteral("set-quota"), QStringLiteral("Bang khen")});
  CHECK(usage.exit_code == 2);
}

TEST_CASE("cli: keygen writes a sealed key file that key-info opens", "[cli]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString key = dir.filePath(QStringLiteral("member-7.key"));
  auto gen = run_cli({QStringLiteral("keygen"), QStringLiteral("--out"), key, QStringLiteral("--label"),
                      QStringLiteral("7 Nguyễn Văn A"), QStringLiteral("--role"), QStringLiteral("member"),
                      QStringLiteral("--insecure-fast-kdf")});
  INFO(gen.err);
  REQUIRE(gen.exit_code == 0);
  const auto signing = field(gen.out, "signing key");
  const auto box = field(gen.out, "box key");
  CHECK(signing.size() == 64);
  CHECK(box.size() == 64);
  CHECK(QFile::exists(key));
  CHECK((QFile::permissions(key) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);

  auto info = run_cli({QStringLiteral("key-info"), QStringLiteral("--key"), key});
  REQUIRE(info.exit_code == 0);
  CHECK(field(info.out, "signing key") == signing);
  CHECK(field(info.out, "box key") == box);
  CHECK(field(info.out, "label") == "7 Nguyễn Văn A");

  auto wrong = run_cli({QStringLiteral("key-info"), QStringLiteral("--key"), key}, QStringLiteral("wrong"));
  CHECK(wrong.exit_code == 1);
  auto again = run_cli({QStringLiteral("keygen"), QStringLiteral("--out"), key, QStringLiteral("--label"),
                        QStringLiteral("x"), QStringLiteral("--insecure-fast-kdf")});
  CHECK(again.exit_code == 1); // never replaces a key file
  auto no_pass = run_cli({QStringLiteral("key-info"), QStringLiteral("--key"), key}, QString());
  CHECK(no_pass.exit_code != 0);
  const QString pass_file = dir.filePath(QStringLiteral("pass.txt"));
  write_file(pass_file, "correct horse battery\n");
  auto from_file = run_cli({QStringLiteral("key-info"), QStringLiteral("--key"), key,
                            QStringLiteral("--passphrase-file"), pass_file},
                           QString());
  CHECK(from_file.exit_code == 0);
}

TEST_CASE("cli: a key file that does not decode is E_INVALID_ARGUMENT, like a wrong passphrase", "[cli]") {
  // docs/wire.md §9: E_INTERNAL is a fault of the machine; a key file that is not one, or the wrong
  // passphrase, is the user's input (protocol::wire_code, the one crypto -> wire mapping).
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString garbage = dir.filePath(QStringLiteral("garbage.key"));
  write_file(garbage, std::string(200, 'x'));
  auto bad = run_cli({QStringLiteral("key-info"), QStringLiteral("--key"), garbage});
  INFO(bad.err);
  CHECK(bad.exit_code == 1);
  CHECK(contains(bad.err, "E_INVALID_ARGUMENT"));
  CHECK(contains(bad.err, "bad magic"));
  CHECK_FALSE(contains(bad.err, "E_INTERNAL"));

  const QString key = dir.filePath(QStringLiteral("member-8.key"));
  auto gen = run_cli({QStringLiteral("keygen"), QStringLiteral("--out"), key, QStringLiteral("--label"),
                      QStringLiteral("8"), QStringLiteral("--insecure-fast-kdf")});
  REQUIRE(gen.exit_code == 0);
  auto wrong = run_cli({QStringLiteral("key-info"), QStringLiteral("--key"), key}, QStringLiteral("wrong"));
  INFO(wrong.err);
  CHECK(wrong.exit_code == 1);
  CHECK(contains(wrong.err, "E_INVALID_ARGUMENT"));
}

TEST_CASE("cli: bundle-info reads both bundle forms and shows the bundle code", "[cli]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  protocol::ByteArray<32> fp{};
  fp.fill(0x31);
  const auto bundle = make_bundle("192.168.10.2", 8443, fp, test_key("server"));
  const QString json = dir.filePath(QStringLiteral("bundle.json"));
  const QString compact = dir.filePath(QStringLiteral("bundle.txt"));
  write_file(json, protocol::encode_bundle_json(bundle));
  write_file(compact, protocol::encode_bundle_compact(bundle) + "\n");
  for (const auto &file : {json, compact}) {
    auto r = run_cli({QStringLiteral("bundle-info"), QStringLiteral("--bundle"), file});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(field(r.out, "meeting") == "vinhlong-2025-06");
    CHECK(field(r.out, "server") == "192.168.10.2:8443");
    CHECK(field(r.out, "bundle code") == protocol::bundle_code(bundle));
  }
  auto j =
      run_cli({QStringLiteral("--json"), QStringLiteral("bundle-info"), QStringLiteral("--bundle"), json});
  CHECK(j.out == protocol::encode_bundle_json(bundle) + "\n");
  std::string text = protocol::encode_bundle_json(bundle);
  text[text.find("8443")] = '9'; // the signature no longer covers the port
  write_file(json, text);
  auto tampered = run_cli({QStringLiteral("bundle-info"), QStringLiteral("--bundle"), json});
  CHECK(tampered.exit_code == 1);
  CHECK(contains(tampered.err, "E_BAD_SIGNATURE"));
}

TEST_CASE("cli: network commands reach the server, a wrong certificate is refused", "[cli]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString key = dir.filePath(QStringLiteral("secretary.key"));
  REQUIRE(run_cli({QStringLiteral("keygen"), QStringLiteral("--out"), key, QStringLiteral("--label"),
                   QStringLiteral("secretary"), QStringLiteral("--insecure-fast-kdf")})
              .exit_code == 0);
  const auto tls = make_tls();
  FakeServer srv(&tls);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &seen) {
    FakeServer::reply_ok(s, seen.request.id, seen.body); // register_member_key answers the request
  };
  const QString bundle_file = dir.filePath(QStringLiteral("bundle.json"));
  write_file(bundle_file, protocol::encode_bundle_json(
                              make_bundle("127.0.0.1", srv.port(), tls.fingerprint, test_key("server"))));
  const std::string member_key(64, 'a');
  auto r = run_cli({QStringLiteral("--bundle"), bundle_file, QStringLiteral("--key"), key,
                    QStringLiteral("register-key"), QStringLiteral("7"), QString::fromStdString(member_key)});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "member 7 registered"));
  REQUIRE(srv.seen.size() == 1);
  CHECK(srv.seen[0].request.type == protocol::MessageType::register_member_key);

  const auto other = make_tls();
  write_file(bundle_file, protocol::encode_bundle_json(
                              make_bundle("127.0.0.1", srv.port(), other.fingerprint, test_key("server"))));
  auto refused =
      run_cli({QStringLiteral("--bundle"), bundle_file, QStringLiteral("--key"), key,
               QStringLiteral("register-key"), QStringLiteral("7"), QString::fromStdString(member_key)});
  CHECK(refused.exit_code == 1);
  CHECK(contains(refused.err, "tls_pin"));
  CHECK(srv.seen.size() == 1); // nothing more arrived
}

TEST_CASE("cli: register-keys sends one register_member_keys request for a whole CSV", "[cli]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  const QString key = dir.filePath(QStringLiteral("secretary.key"));
  REQUIRE(run_cli({QStringLiteral("keygen"), QStringLiteral("--out"), key, QStringLiteral("--label"),
                   QStringLiteral("secretary"), QStringLiteral("--insecure-fast-kdf")})
              .exit_code == 0);
  const auto tls = make_tls();
  FakeServer srv(&tls);
  srv.handler = [](FakeServer &, QWebSocket *s, const Seen &seen) {
    FakeServer::reply_ok(s, seen.request.id, seen.body); // register_member_keys answers the request
  };
  const QString bundle_file = dir.filePath(QStringLiteral("bundle.json"));
  write_file(bundle_file, protocol::encode_bundle_json(
                              make_bundle("127.0.0.1", srv.port(), tls.fingerprint, test_key("server"))));
  const QString csv = dir.filePath(QStringLiteral("keys.csv"));
  write_file(csv, "member_no,key\n1," + std::string(64, 'a') + "\n2," + std::string(64, 'b') + "\n3," +
                      std::string(64, 'c') + "\n");
  auto r = run_cli({QStringLiteral("--bundle"), bundle_file, QStringLiteral("--key"), key,
                    QStringLiteral("register-keys"), csv});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "3 members' keys registered"));
  REQUIRE(srv.seen.size() == 1);
  CHECK(srv.seen[0].request.type == protocol::MessageType::register_member_keys);
  auto body = protocol::RegisterMemberKeysRequest::from_json(srv.seen[0].body);
  REQUIRE(body);
  CHECK(body->entries.size() == 3);
  CHECK(body->entries[2].member_no == 3);

  // A member twice, or a key twice: refused before anything is sent, naming the line.
  write_file(csv, "member_no,key\n1," + std::string(64, 'a') + "\n1," + std::string(64, 'b') + "\n");
  auto twice = run_cli({QStringLiteral("--bundle"), bundle_file, QStringLiteral("--key"), key,
                        QStringLiteral("register-keys"), csv});
  CHECK(twice.exit_code != 0);
  CHECK(contains(twice.err, "keys.csv line 3"));
  write_file(csv, "member_no,key\n1," + std::string(64, 'a') + "\n2," + std::string(64, 'a') + "\n");
  auto same = run_cli({QStringLiteral("--bundle"), bundle_file, QStringLiteral("--key"), key,
                       QStringLiteral("register-keys"), csv});
  CHECK(same.exit_code != 0);
  CHECK(contains(same.err, "the same key"));
  CHECK(srv.seen.size() == 1);
}
