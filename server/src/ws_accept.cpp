// WsServer: accepting sockets (TLS, the connection limit with HTTP 503, the handshake deadline),
// wiring each upgraded WebSocket, disconnections, pings, and closing everything.
#include "ws_impl.hpp"

#include <QSslSocket>
#include <QtGlobal>
#include <algorithm>
#include <memory>
#include <unistd.h>

namespace cv::server {

namespace {

constexpr const char *kUpgraded = "cv_upgraded";
constexpr const char *kAnswered = "cv_answered";
constexpr std::size_t kMaxRefusing = 64; // sockets being told 503 at once; beyond: dropped at accept
constexpr qint64 kMaxRequestHead = 16 * 1024;
constexpr qint64 kReadBufferBytes = 256 * 1024;

// The peer's address as one text per host: an IPv4-mapped IPv6 address is its IPv4 address.
std::string address_of(const QHostAddress &a) {
  bool v4 = false;
  const quint32 ip4 = a.toIPv4Address(&v4);
  return (v4 ? QHostAddress(ip4) : a).toString().toStdString();
}

void answer_503(QTcpSocket *s) {
  if (s->property(kAnswered).toBool() || s->state() != QAbstractSocket::ConnectedState) return;
  const QByteArray head = s->peek(kMaxRequestHead);
  if (!head.contains("\r\n\r\n") && s->bytesAvailable() < kMaxRequestHead) return; // wait for the rest
  s->setProperty(kAnswered, true);
  (void)s->readAll();
  static const QByteArray body = "the meeting server has reached its connection limit; try again later\n";
  s->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nRetry-After: 5\r\nConnection: close\r\n\r\n" + body);
  s->disconnectFromHost();
}

} // namespace

void WsServer::Impl::on_incoming(qintptr descriptor) {
  QTcpSocket *s = plaintext ? new QTcpSocket(&root) : new QSslSocket(&root);
  if (!s->setSocketDescriptor(descriptor)) {
    qWarning("councilvote: cannot adopt an accepted socket: %s", qPrintable(s->errorString()));
    delete s;
    ::close(static_cast<int>(descriptor));
    return;
  }
  // Not `s` as context: QWebSocket cuts the socket's connections to itself when it lets go of it.
  QObject::connect(s, &QAbstractSocket::disconnected, &root, [s] { s->deleteLater(); });
  const std::string address = address_of(s->peerAddress());
  // docs/wire.md §10.1: the slots beyond the unauthenticated pool are kept for registered keys.
  const auto &a = options.admission;
  if (admitted_sockets >= options.limits.max_connections ||
      unauthenticated_sockets() >= a.max_unauthenticated ||
      unauthenticated_at(address) >= a.max_unauthenticated_per_address)
    refuse(s);
  else
    admit(s, address);
}

std::size_t WsServer::Impl::unauthenticated_sockets() const noexcept {
  return admitted_sockets > registered_connections ? admitted_sockets - registered_connections : 0;
}

std::size_t WsServer::Impl::unauthenticated_at(const std::string &address) const noexcept {
  auto s = sockets_per_address.find(address);
  if (s == sockets_per_address.end()) return 0;
  auto r = registered_per_address.find(address);
  const std::size_t registered = r == registered_per_address.end() ? 0 : r->second;
  return s->second > registered ? s->second - registered : 0;
}

void WsServer::Impl::admit(QTcpSocket *s, const std::string &address) {
  ++admitted_sockets;
  ++sockets_per_address[address];
  // Counted until it disconnects or is destroyed, whichever comes first.
  auto counted = std::make_shared<bool>(true);
  auto release = [this, counted, address] {
    if (*counted) {
      --admitted_sockets;
      if (auto it = sockets_per_address.find(address); it != sockets_per_address.end() && --it->second == 0)
        sockets_per_address.erase(it);
    }
    *counted = false;
  };
  QObject::connect(s, &QAbstractSocket::disconnected, &root, release);
  QObject::connect(s, &QObject::destroyed, &root, release);
  s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
  // The server takes the bytes as they come (on_readable): a socket holds at most this much that
  // was not read yet, so a peer that sends faster than it is read is slowed down by TCP instead of
  // filling the server's memory (docs/wire.md §10.1).
  s->setReadBufferSize(kReadBufferBytes);
  // TLS and WebSocket handshakes together must finish in time (slow or silent peers hold a slot).
  QTimer::singleShot(options.handshake_timeout, s, [s] {
    if (!s->property(kUpgraded).toBool()) s->abort();
  });
  if (plaintext) {
    hand_over(s);
    return;
  }
  auto *ssl = static_cast<QSslSocket *>(s);
  ssl->setSslConfiguration(tls);
  QObject::connect(ssl, &QSslSocket::encrypted, &root, [this, ssl] { hand_over(ssl); });
  QObject::connect(ssl, &QAbstractSocket::errorOccurred, ssl, [ssl](QAbstractSocket::SocketError) {
    if (!ssl->isEncrypted()) ssl->abort(); // a failed TLS handshake
  });
  ssl->startServerEncryption();
}

void WsServer::Impl::refuse(QTcpSocket *s) {
  ++counters.connections_refused;
  if (refused_sockets >= kMaxRefusing) {
    s->abort();
    return;
  }
  ++refused_sockets;
  auto counted = std::make_shared<bool>(true);
  auto release = [this, counted] {
    if (*counted) --refused_sockets;
    *counted = false;
  };
  QObject::connect(s, &QAbstractSocket::disconnected, &root, release);
  QObject::connect(s, &QObject::destroyed, &root, release);
  QTimer::singleShot(std::min<std::chrono::milliseconds>(options.handshake_timeout, std::chrono::seconds{5}),
                     s, [s] { s->abort(); });
  QObject::connect(s, &QIODevice::readyRead, s, [s] { answer_503(s); });
  if (!plaintext) {
    auto *ssl = static_cast<QSslSocket *>(s);
    ssl->setSslConfiguration(tls);
    QObject::connect(ssl, &QAbstractSocket::errorOccurred, ssl, [ssl](QAbstractSocket::SocketError) {
      if (!ssl->isEncrypted()) ssl->abort();
    });
    ssl->startServerEncryption();
  }
}

void WsServer::Impl::hand_over(QTcpSocket *s) {
  std::erase_if(handshaking, [](const QPointer<QTcpSocket> &p) { return p.isNull(); });
  handshaking.emplace_back(s);
  ws_server.handleConnection(s); // answers the HTTP upgrade; newConnection follows
}

QTcpSocket *WsServer::Impl::take_handshaking(const QWebSocket &ws) {
  for (auto it = handshaking.begin(); it != handshaking.end(); ++it) {
    QTcpSocket *s = it->data();
    if (s && s->peerPort() == ws.peerPort() && s->peerAddress() == ws.peerAddress()) {
      handshaking.erase(it);
      return s;
    }
  }
  return nullptr;
}

void WsServer::Impl::on_new_websockets() {
  while (ws_server.hasPendingConnections()) {
    QWebSocket *ws = ws_server.nextPendingConnection();
    if (!ws) break;
    ws->setParent(&root);
    const std::uint64_t serial = next_serial++;
    auto c = std::make_unique<Connection>();
    c->serial = serial;
    c->ws = ws;
    c->tcp = take_handshaking(*ws);
    if (!c->tcp) { // not one of ours (cannot happen): nothing to read it with
      ws->abort();
      ws->deleteLater();
      continue;
    }
    c->tcp->setProperty(kUpgraded, true);
    c->rate_name = "connection:" + std::to_string(serial);
    c->address = address_of(c->tcp ? c->tcp->peerAddress() : ws->peerAddress());
    c->last_pong = std::chrono::steady_clock::now();
    c->deadline = c->last_pong + options.admission.sign_in_timeout;
    connections.emplace(serial, std::move(c));
    ++counters.connections_accepted;
    wire(ws, serial);
    if (ws->state() != QAbstractSocket::ConnectedState) on_disconnected(serial);
  }
}

void WsServer::Impl::wire(QWebSocket *ws, std::uint64_t serial) {
  // The server reads the client's frames itself (ws_frames.hpp): QWebSocket's reader is cut off the
  // socket, QWebSocket still writes the server's frames and reports the disconnection.
  Connection *c = find(serial);
  QObject::disconnect(c->tcp.data(), &QIODevice::readyRead, ws, nullptr);
  QObject::connect(c->tcp.data(), &QIODevice::readyRead, &root, [this, serial] { on_readable(serial); });
  QObject::connect(ws, &QWebSocket::disconnected, &root, [this, serial] { on_disconnected(serial); });
  on_readable(serial); // what arrived with the handshake
}

void WsServer::Impl::on_disconnected(std::uint64_t serial) {
  auto it = connections.find(serial);
  if (it == connections.end()) return;
  Connection &c = *it->second;
  if (c.key) {
    if (auto b = bound_per_key.find(c.key_hex); b != bound_per_key.end() && --b->second == 0)
      bound_per_key.erase(b);
  }
  if (c.registered) {
    --registered_connections;
    if (auto r = registered_per_address.find(c.address);
        r != registered_per_address.end() && --r->second == 0)
      registered_per_address.erase(r);
  }
  if (c.incoming_unauth) unauth_bytes -= std::min(unauth_bytes, c.incoming_bytes);
  QWebSocket *ws = c.ws;
  connections.erase(it);
  QObject::disconnect(ws, nullptr, &root, nullptr);
  ws->deleteLater();
}

void WsServer::Impl::on_ping_timer() {
  const auto now = std::chrono::steady_clock::now();
  std::vector<std::uint64_t> silent;
  for (auto &[serial, c] : connections) {
    if (now - c->last_pong > options.pong_timeout)
      silent.push_back(serial);
    else
      c->ws->ping();
  }
  for (auto serial : silent)
    if (Connection *c = find(serial)) c->ws->abort(); // emits disconnected: c is gone afterwards
}

void WsServer::Impl::close_all() {
  ping_timer.stop();
  listener.close();
  for (auto &p : handshaking)
    if (p) p->abort();
  handshaking.clear();
  std::vector<std::uint64_t> serials;
  for (auto &[serial, c] : connections) serials.push_back(serial);
  for (auto serial : serials)
    if (Connection *c = find(serial)) {
      c->closing = true;
      c->ws->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the server is shutting down"));
    }
}

void WsServer::Impl::promote(Connection &c) {
  if (c.registered) return;
  c.registered = true;
  ++registered_connections;
  ++registered_per_address[c.address];
}

void WsServer::Impl::on_admission_timer() {
  const auto now = std::chrono::steady_clock::now();
  std::vector<std::uint64_t> late;
  for (auto &[serial, c] : connections)
    if (!c->registered && !c->closing && now >= c->deadline) late.push_back(serial);
  for (auto serial : late)
    if (Connection *c = find(serial)) {
      ++counters.sign_in_timeouts;
      close_later(
          *c, QWebSocketProtocol::CloseCodePolicyViolated,
          c->key ? QStringLiteral("idle: a key that holds no role must send a request at least every %1 s")
                       .arg(static_cast<double>(options.admission.anonymous_idle.count()) / 1000.0)
                 : QStringLiteral("no request from a registered key within %1 s of connecting")
                       .arg(static_cast<double>(options.admission.sign_in_timeout.count()) / 1000.0));
    }
}

Connection *WsServer::Impl::find(std::uint64_t serial) {
  auto it = connections.find(serial);
  return it == connections.end() ? nullptr : it->second.get();
}

} // namespace cv::server
