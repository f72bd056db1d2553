// WsServer: construction, listening, closing, and the TLS configuration helpers.
#include "ws_impl.hpp"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QWebSocketProtocol>
#include <algorithm>

namespace cv::server {

using protocol::ErrorCode;
using protocol::make_error;

WsServer::Impl::Impl(WsServer &owner_, RequestHandler &handler_, ServerOptions options_, bool plaintext_,
                     QSslConfiguration tls_)
    : owner(owner_), handler(handler_), options(std::move(options_)), plaintext(plaintext_),
      tls(std::move(tls_)), replay(options.limits.replay, options.clock),
      verifier(handler.meeting_id(), replay, options.limits.json),
      per_connection(options.limits.per_connection, options.clock),
      per_key(options.limits.per_key, options.clock) {
  listener.on_incoming = [this](qintptr d) { on_incoming(d); };
  QObject::connect(&ws_server, &QWebSocketServer::newConnection, &root, [this] { on_new_websockets(); });
  ping_timer.setInterval(
      std::max<std::chrono::milliseconds>(options.ping_interval, std::chrono::milliseconds{1}));
  QObject::connect(&ping_timer, &QTimer::timeout, &root, [this] { on_ping_timer(); });
  admission_timer.setInterval(std::clamp<std::chrono::milliseconds>(
      std::min(options.admission.sign_in_timeout, options.admission.anonymous_idle) / 4,
      std::chrono::milliseconds{10}, std::chrono::milliseconds{500}));
  QObject::connect(&admission_timer, &QTimer::timeout, &root, [this] { on_admission_timer(); });
  // docs/wire.md §4.3: the pairs kept on disk before a restart are refused as replays again.
  try {
    for (const auto &n : handler.remembered_nonces()) replay.restore(n.key, n.nonce, n.expires_ms);
  } catch (...) { // a handler that cannot list them refuses nothing less: the store still has them
  }
  push_timer.setInterval(std::chrono::milliseconds{1000});
  QObject::connect(&push_timer, &QTimer::timeout, &root, [this] {
    try {
      broadcast(handler.due_pushes());
    } catch (...) { // a failing handler must not take the server down; the next tick tries again
    }
  });
}

WsServer::Impl::~Impl() {
  ping_timer.stop();
  push_timer.stop();
  admission_timer.stop();
  listener.on_incoming = nullptr;
  listener.close();
  // Cut every signal connection first (they all have `root` as context), then free the sockets.
  const auto children = root.children();
  for (QObject *child : children) QObject::disconnect(child, nullptr, &root, nullptr);
  QObject::disconnect(&ws_server, nullptr, &root, nullptr);
  connections.clear(); // the QWebSockets themselves are children of root
}

WsServer::WsServer(RequestHandler &handler, const QSslConfiguration &tls, ServerOptions options,
                   QObject *parent)
    : QObject(parent), impl_(std::make_unique<Impl>(*this, handler, std::move(options), false, tls)) {}

WsServer::WsServer(RequestHandler &handler, PlaintextLoopbackForTests, ServerOptions options, QObject *parent)
    : QObject(parent),
      impl_(std::make_unique<Impl>(*this, handler, std::move(options), true, QSslConfiguration{})) {}

WsServer::~WsServer() = default;

protocol::Result<void> WsServer::listen(const QHostAddress &address, quint16 port) {
  if (impl_->plaintext && !address.isLoopback())
    return make_error(ErrorCode::internal,
                      "plaintext ws:// is for tests and listens only on a loopback address, not " +
                          address.toString().toStdString());
  if (!impl_->plaintext && (impl_->tls.privateKey().isNull() || impl_->tls.localCertificate().isNull()))
    return make_error(ErrorCode::internal, "the TLS configuration has no private key or no certificate");
  if (!impl_->listener.listen(address, port))
    return make_error(ErrorCode::internal, "cannot listen on " + address.toString().toStdString() + ":" +
                                               std::to_string(port) + ": " +
                                               impl_->listener.errorString().toStdString());
  impl_->ping_timer.start();
  impl_->push_timer.start();
  impl_->admission_timer.start();
  return {};
}

quint16 WsServer::server_port() const { return impl_->listener.serverPort(); }
QHostAddress WsServer::server_address() const { return impl_->listener.serverAddress(); }
void WsServer::close() { impl_->close_all(); }
std::size_t WsServer::connection_count() const noexcept { return impl_->connections.size(); }
std::size_t WsServer::socket_count() const noexcept { return impl_->admitted_sockets; }
std::size_t WsServer::unauthenticated_count() const noexcept { return impl_->unauthenticated_sockets(); }
std::uint64_t WsServer::unauthenticated_bytes() const noexcept { return impl_->unauth_bytes; }
const WsCounters &WsServer::counters() const noexcept { return impl_->counters; }
const ServerOptions &WsServer::options() const noexcept { return impl_->options; }

void WsServer::set_request_callback(std::function<void(const RequestEvent &)> callback) {
  impl_->callback = std::move(callback);
}

protocol::Result<QSslConfiguration> make_tls_configuration(const QByteArray &key_pem,
                                                           const QByteArray &certificate_pem) {
  const QSslKey key(key_pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
  if (key.isNull()) return make_error(ErrorCode::internal, "the TLS private key is not an EC key in PEM");
  const QSslCertificate certificate(certificate_pem, QSsl::Pem);
  if (certificate.isNull()) return make_error(ErrorCode::internal, "the TLS certificate is not valid PEM");
  QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
  conf.setLocalCertificate(certificate);
  conf.setPrivateKey(key);
  conf.setPeerVerifyMode(QSslSocket::VerifyNone);
  conf.setProtocol(QSsl::TlsV1_2OrLater);
  return conf;
}

namespace {

protocol::Result<QByteArray> read_small_file(const std::filesystem::path &path) {
  QFile f(QString::fromStdString(path.string()));
  if (!f.open(QIODevice::ReadOnly))
    return make_error(ErrorCode::internal,
                      "cannot read " + path.string() + ": " + f.errorString().toStdString());
  if (f.size() > 1'000'000) return make_error(ErrorCode::internal, path.string() + " is too large");
  return f.readAll();
}

} // namespace

protocol::Result<QSslConfiguration> load_tls_configuration(const std::filesystem::path &key_pem,
                                                           const std::filesystem::path &certificate_pem) {
  auto key = read_small_file(key_pem);
  if (!key) return key.error();
  auto cert = read_small_file(certificate_pem);
  if (!cert) return cert.error();
  auto conf = make_tls_configuration(*key, *cert);
  if (!conf)
    return make_error(ErrorCode::internal,
                      conf.error().message + " (" + key_pem.string() + ", " + certificate_pem.string() + ")");
  return conf;
}

} // namespace cv::server
