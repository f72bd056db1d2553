#include "support.hpp"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>
#include <catch2/catch.hpp>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace cvtest {

namespace {

void add_extension(X509 *cert, int nid, const char *value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  REQUIRE(ext != nullptr);
  REQUIRE(X509_add_ext(cert, ext, -1) == 1);
  X509_EXTENSION_free(ext);
}

QByteArray bio_contents(BIO *bio) {
  char *data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return QByteArray(data, static_cast<qsizetype>(n));
}

} // namespace

TestTls make_tls() { // a self-signed P-256 certificate like the server's
  EVP_PKEY *key = EVP_EC_gen("P-256");
  REQUIRE(key != nullptr);
  X509 *cert = X509_new();
  REQUIRE(cert != nullptr);
  static long serial = 1;
  ASN1_INTEGER_set(X509_get_serialNumber(cert), serial++);
  X509_set_version(cert, 2);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 86400L * 30);
  X509_NAME *name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("test server"),
                             -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509_set_pubkey(cert, key);
  // The extensions of the server's own identity (server/src/tls_identity.cpp), so that the client
  // meets the same certificate errors.
  add_extension(cert, NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert, NID_key_usage, "critical,digitalSignature");
  add_extension(cert, NID_ext_key_usage, "serverAuth");
  add_extension(cert, NID_subject_key_identifier, "hash");
  add_extension(cert, NID_authority_key_identifier, "keyid:always");
  REQUIRE(X509_sign(cert, key, EVP_sha256()) != 0);
  BIO *kb = BIO_new(BIO_s_mem());
  BIO *cb = BIO_new(BIO_s_mem());
  REQUIRE(PEM_write_bio_PrivateKey(kb, key, nullptr, nullptr, 0, nullptr, nullptr) == 1);
  REQUIRE(PEM_write_bio_X509(cb, cert) == 1);
  TestTls out;
  out.key_pem = bio_contents(kb);
  out.certificate_pem = bio_contents(cb);
  BIO_free_all(kb);
  BIO_free_all(cb);
  X509_free(cert);
  EVP_PKEY_free(key);
  const QByteArray fp = QCryptographicHash::hash(QSslCertificate(out.certificate_pem, QSsl::Pem).toDer(),
                                                 QCryptographicHash::Sha256);
  REQUIRE(fp.size() == 32);
  for (std::size_t i = 0; i < 32; ++i)
    out.fingerprint[i] = static_cast<std::uint8_t>(fp[static_cast<qsizetype>(i)]);
  return out;
}

protocol::EnrollmentBundle make_bundle(const std::string &host, std::uint16_t port,
                                       const protocol::ByteArray<32> &fingerprint,
                                       const crypto::SigningKey &server_key) {
  return protocol::make_enrollment_bundle(meeting(), protocol::ServerAddress{host, port}, fingerprint,
                                          server_key);
}

FakeServer::FakeServer(const TestTls *tls)
    : server_(QStringLiteral("fake"), tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode) {
  if (tls) {
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(QSslCertificate(tls->certificate_pem, QSsl::Pem));
    conf.setPrivateKey(QSslKey(tls->key_pem, QSsl::Ec, QSsl::Pem));
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    server_.setSslConfiguration(conf);
  }
  REQUIRE(server_.listen(QHostAddress::LocalHost, 0));
  handler = [](FakeServer &, QWebSocket *s, const Seen &got) {
    const auto name = protocol::message_type_name(got.request.type);
    QJsonObject body;
    body.insert("echo", QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    reply_ok(s, got.request.id, body);
  };
  QObject::connect(&server_, &QWebSocketServer::newConnection, this, [this] {
    while (QWebSocket *s = server_.nextPendingConnection()) {
      const int n = ++connections;
      sockets.emplace_back(s);
      QObject::connect(s, &QWebSocket::textMessageReceived, this,
                       [this, s, n](const QString &text) { on_message(s, n, text); });
      QObject::connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
    }
  });
}

void FakeServer::on_message(QWebSocket *s, int connection, const QString &text) {
  frames.push_back(text.toStdString());
  auto req = protocol::decode_request(frames.back());
  CHECK(req); // no REQUIRE inside the event loop: an exception must not cross Qt
  if (!req) return;
  if (!protocol::verify_request_signature(*req)) {
    ++bad_signatures;
    return;
  }
  auto body = protocol::parse_body(*req);
  CHECK(body);
  if (!body) return;
  seen.push_back(Seen{connection, *req, *body});
  if (handler) handler(*this, s, seen.back());
}

void FakeServer::reply_ok(QWebSocket *s, const protocol::RequestId &id, const QJsonObject &body) {
  s->sendTextMessage(QString::fromStdString(protocol::encode_ok(id, body)));
}

void FakeServer::reply_error(QWebSocket *s, const std::optional<protocol::RequestId> &id,
                             const protocol::Error &e) {
  s->sendTextMessage(QString::fromStdString(protocol::encode_error(id, e)));
}

void FakeServer::push(QWebSocket *s, protocol::PushType type, const QJsonObject &body) {
  s->sendTextMessage(QString::fromStdString(protocol::encode_push(protocol::Push{type, body})));
}

void spin(int ms) {
  QEventLoop loop;
  QTimer::singleShot(ms, &loop, &QEventLoop::quit);
  loop.exec();
}

} // namespace cvtest
