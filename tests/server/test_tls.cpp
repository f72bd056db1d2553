// The TLS identity works with Qt WebSockets in secure mode, and a client that pins the certificate's
// SHA-256 fingerprint connects to the right server and refuses any other.
#include "councilvote/server/tls_identity.hpp"

#include <QEventLoop>
#include <QSslKey>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <catch2/catch.hpp>

using namespace cv::server;

namespace {

struct EchoServer {
  QWebSocketServer server{QStringLiteral("test"), QWebSocketServer::SecureMode};
  explicit EchoServer(const TlsIdentity &id) {
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(QSslCertificate(id.certificate_pem, QSsl::Pem));
    conf.setPrivateKey(QSslKey(id.key_pem, QSsl::Ec, QSsl::Pem));
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    server.setSslConfiguration(conf);
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&server, &QWebSocketServer::newConnection, [this] {
      QWebSocket *s = server.nextPendingConnection();
      QObject::connect(s, &QWebSocket::textMessageReceived, s,
                       [s](const QString &m) { s->sendTextMessage(m); });
      QObject::connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
    });
  }
};

// Connects with fingerprint pinning; returns the echoed text, or empty if the connection failed.
QString pinned_echo(quint16 port, const QByteArray &pinned_sha256, bool *pin_rejected) {
  QWebSocket client;
  QEventLoop loop;
  QString reply;
  *pin_rejected = false;
  QObject::connect(&client, &QWebSocket::sslErrors, [&](const QList<QSslError> &errors) {
    // Self-signed: accept exactly the errors of this certificate, and only if it is the pinned one.
    const auto cert = client.sslConfiguration().peerCertificate();
    if (certificate_fingerprint(cert) == pinned_sha256)
      client.ignoreSslErrors(errors);
    else
      *pin_rejected = true;
  });
  QObject::connect(&client, &QWebSocket::connected,
                   [&] { client.sendTextMessage(QStringLiteral("Đồng ý")); });
  QObject::connect(&client, &QWebSocket::textMessageReceived, [&](const QString &m) {
    reply = m;
    loop.quit();
  });
  QObject::connect(&client, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
  QTimer::singleShot(10000, &loop, &QEventLoop::quit);
  client.open(QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(port)));
  loop.exec();
  return reply;
}

} // namespace

TEST_CASE("TLS identity: a self-signed P-256 certificate Qt can load", "[tls]") {
  auto id = generate_tls_identity({});
  REQUIRE(id);
  QSslCertificate cert(id->certificate_pem, QSsl::Pem);
  REQUIRE_FALSE(cert.isNull());
  // Self-issued (QSslCertificate::isSelfSigned() is false for a leaf without keyCertSign usage).
  CHECK(cert.issuerDisplayName() == cert.subjectDisplayName());
  CHECK(cert.expiryDate() > cert.effectiveDate().addDays(3000));
  CHECK(cert.subjectInfo(QSslCertificate::CommonName).value(0) ==
        QStringLiteral("CouncilVote meeting server"));
  QSslKey key(id->key_pem, QSsl::Ec, QSsl::Pem);
  CHECK_FALSE(key.isNull());
  CHECK(certificate_fingerprint(cert).size() == 32);
  auto other = generate_tls_identity({});
  REQUIRE(other);
  CHECK(certificate_fingerprint(QSslCertificate(other->certificate_pem, QSsl::Pem)) !=
        certificate_fingerprint(cert));
}

TEST_CASE("TLS pinning: the pinned server is reached over wss, any other is refused", "[tls]") {
  auto id = generate_tls_identity({});
  REQUIRE(id);
  EchoServer echo(*id);
  const auto pin = certificate_fingerprint(QSslCertificate(id->certificate_pem, QSsl::Pem));
  bool rejected = false;
  CHECK(pinned_echo(echo.server.serverPort(), pin, &rejected) == QStringLiteral("Đồng ý"));
  CHECK_FALSE(rejected);

  auto impostor = generate_tls_identity({});
  REQUIRE(impostor);
  const auto wrong_pin = certificate_fingerprint(QSslCertificate(impostor->certificate_pem, QSsl::Pem));
  CHECK(pinned_echo(echo.server.serverPort(), wrong_pin, &rejected).isEmpty());
  CHECK(rejected);
}
