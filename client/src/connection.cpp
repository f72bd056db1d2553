#include "councilvote/client/connection.hpp"

#include "councilvote/client/blocking.hpp"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <algorithm>
#include <optional>
#include <utility>

namespace cv::client {

using protocol::ErrorCode;
using protocol::MessageType;
using protocol::Result;

namespace {

constexpr std::int64_t kTickMs = 50;
constexpr std::int64_t kMaxReconnectDelayMs = 8000;

protocol::Error client_error(std::string_view check, std::string message) {
  return protocol::check_error(ErrorCode::internal, std::string(check), std::move(message));
}

// The errors a self-signed, pinned certificate produces: no trusted issuer and a host name that the
// certificate need not carry. Anything else (expired, bad signature, revoked) is refused.
bool ignorable_for_pinned(QSslError::SslError e) {
  switch (e) {
  case QSslError::SelfSignedCertificate:
  case QSslError::SelfSignedCertificateInChain:
  case QSslError::UnableToGetIssuerCertificate:
  case QSslError::UnableToGetLocalIssuerCertificate:
  case QSslError::UnableToVerifyFirstCertificate:
  case QSslError::CertificateUntrusted:
  case QSslError::HostNameMismatch:
  case QSslError::InvalidPurpose:
    return true;
  default:
    return false;
  }
}

bool is_loopback_host(const std::string &host) {
  return host == "localhost" || host == "[::1]" || host.starts_with("127.");
}

std::string hex_of(const QByteArray &b) { return b.toHex().toStdString(); }

std::string millis_text(Millis m) { return std::to_string(m.count()) + " ms"; }

} // namespace

bool safe_to_resend(MessageType t) noexcept { return protocol::resend_safe(t); }

Connection::Connection(protocol::EnrollmentBundle bundle, crypto::SigningKey key, ConnectionOptions options,
                       QObject *parent)
    : QObject(parent), bundle_(std::move(bundle)), key_(std::move(key)), options_(std::move(options)) {
  tick_ = new QTimer(this);
  tick_->setInterval(static_cast<int>(kTickMs));
  connect(tick_, &QTimer::timeout, this, &Connection::on_tick);
  reconnect_timer_ = new QTimer(this);
  reconnect_timer_->setSingleShot(true);
  connect(reconnect_timer_, &QTimer::timeout, this, [this] {
    if (state_ == State::waiting_to_reconnect) start_socket();
  });
}

Connection::~Connection() {
  pending_.clear(); // callbacks never run after destruction
  drop_socket();
}

QString Connection::url() const {
  const QString scheme = options_.insecure_plaintext ? QStringLiteral("ws") : QStringLiteral("wss");
  return QStringLiteral("%1://%2:%3/")
      .arg(scheme, QString::fromStdString(bundle_.server.host))
      .arg(bundle_.server.port);
}

std::uint64_t Connection::now_unix_ms() const {
  if (options_.clock) return options_.clock();
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  return now > 0 ? static_cast<std::uint64_t>(now) : 0;
}

std::int64_t Connection::monotonic_ms() {
  static QElapsedTimer timer = [] {
    QElapsedTimer t;
    t.start();
    return t;
  }();
  return timer.elapsed();
}

protocol::Error Connection::pin_error(const std::string &detail) const {
  return protocol::check_error(ErrorCode::inconsistent_data, std::string(kCheckTlsPin),
                               "tls_pin: the server at " + bundle_.server.str() +
                                   " is not the one of the enrollment bundle: " + detail);
}

// ----------------------------------------------------------------------------------------- socket

void Connection::open() {
  if (pin_failed_ || state_ == State::open || state_ == State::connecting) return;
  reconnect_timer_->stop();
  start_socket();
}

void Connection::start_socket() {
  drop_socket();
  if (options_.insecure_plaintext && !is_loopback_host(bundle_.server.host)) {
    state_ = State::idle;
    fail_all(client_error(kCheckConnect, "connect: plain ws:// is allowed only to a loopback host, not " +
                                             bundle_.server.host));
    return;
  }
  auto *s = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
  socket_ = s;
  pin_checked_ = false;
  s->setMaxAllowedIncomingMessageSize(static_cast<quint64>(options_.limits.max_bytes));
  s->setMaxAllowedIncomingFrameSize(static_cast<quint64>(options_.limits.max_bytes));
  if (!options_.insecure_plaintext) {
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setCaCertificates({}); // trust no authority: every certificate goes through the pin check
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    s->setSslConfiguration(conf);
    connect(s, &QWebSocket::sslErrors, this, &Connection::on_ssl_errors);
  }
  connect(s, &QWebSocket::connected, this, &Connection::on_connected);
  connect(s, &QWebSocket::disconnected, this, &Connection::on_disconnected);
  connect(s, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
          [this](QAbstractSocket::SocketError) { on_disconnected(); });
  connect(s, &QWebSocket::textMessageReceived, this, &Connection::on_text);
  connect(s, &QWebSocket::binaryMessageReceived, this,
          [this](const QByteArray &) { emit protocol_warning(QStringLiteral("binary message ignored")); });
  state_ = State::connecting;
  connect_started_ms_ = monotonic_ms();
  tick_->start();
  s->open(QUrl(url()));
}

void Connection::drop_socket() {
  if (!socket_) return;
  QWebSocket *s = socket_;
  socket_ = nullptr;
  s->disconnect(this); // no more signals from it into this object
  s->abort();
  s->deleteLater();
  for (auto &p : pending_) p.sent = false;
}

bool Connection::pin_matches() const {
  if (!socket_) return false;
  const QSslCertificate cert = socket_->sslConfiguration().peerCertificate();
  if (cert.isNull()) return false;
  const QByteArray fp = QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256);
  const auto &want = bundle_.tls_cert_sha256;
  return fp.size() == static_cast<qsizetype>(want.size()) &&
         std::equal(want.begin(), want.end(), fp.begin(),
                    [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); });
}

void Connection::on_ssl_errors(const QList<QSslError> &errors) {
  if (!socket_) return;
  const QSslCertificate cert = socket_->sslConfiguration().peerCertificate();
  std::string detail;
  if (cert.isNull()) {
    detail = "no certificate";
  } else if (!pin_matches()) {
    detail = "certificate SHA-256 " +
             hex_of(QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256)) + ", expected " +
             protocol::lower_hex(bundle_.tls_cert_sha256);
  } else {
    for (const auto &e : errors)
      if (!ignorable_for_pinned(e.error()))
        detail += (detail.empty() ? "" : "; ") + e.errorString().toStdString();
    if (detail.empty()) {
      pin_checked_ = true;
      socket_->ignoreSslErrors(errors);
      return;
    }
    detail = "the pinned certificate is not usable: " + detail;
  }
  pin_failed_ = true;
  pin_detail_ = detail;
  drop_socket();
  state_ = State::idle;
  fail_all(pin_error(detail));
  emit lost(QString::fromStdString("tls_pin: " + detail));
}

void Connection::on_connected() {
  if (!socket_) return;
  if (!options_.insecure_plaintext && !pin_matches()) {
    // Reached only if no TLS error was raised at all; still nothing of ours has been sent.
    pin_failed_ = true;
    pin_detail_ = "the certificate does not match the pinned fingerprint";
    drop_socket();
    state_ = State::idle;
    fail_all(pin_error(pin_detail_));
    emit lost(QStringLiteral("tls_pin"));
    return;
  }
  state_ = State::open;
  ++connects_;
  if (pending_.empty()) failed_attempts_ = 0;
  // docs/wire.md §10.1: a connection kept for its pushes signs in at once with a small read, or
  // the server closes it after 5 s.
  if (options_.keep_alive && pending_.empty()) {
    QJsonObject probe;
    probe.insert(QStringLiteral("from_seq"), 1);
    probe.insert(QStringLiteral("limit"), 1);
    request(MessageType::get_board, probe, [](const Result<QJsonObject> &) {});
  }
  emit opened();
  send_unsent();
}

void Connection::on_disconnected() {
  if (!socket_) return; // already handled (or an old socket)
  const QString reason =
      socket_->errorString().isEmpty() ? QStringLiteral("closed by the server") : socket_->errorString();
  const bool was_open = state_ == State::open;
  drop_socket();
  emit lost(reason);
  if (was_open)
    fail_unsafe_sent(client_error(kCheckConnectionLost,
                                  "connection_lost: the connection closed before the answer (" +
                                      reason.toStdString() + "); the outcome is unknown, ask the server"));
  if (pending_.empty() && !options_.keep_alive) {
    state_ = State::idle;
    return;
  }
  schedule_reconnect(reason);
}

void Connection::schedule_reconnect(const QString &reason) {
  ++failed_attempts_;
  if (failed_attempts_ > options_.max_reconnect_attempts) {
    failed_attempts_ = 0;
    state_ = State::idle;
    fail_all(client_error(kCheckConnect, "connect: no answer from " + bundle_.server.str() + " after " +
                                             std::to_string(options_.max_reconnect_attempts + 1) +
                                             " attempts: " + reason.toStdString()));
    return;
  }
  std::int64_t delay = options_.reconnect_delay.count();
  for (int i = 1; i < failed_attempts_ && delay < kMaxReconnectDelayMs; ++i) delay *= 2;
  delay = std::min(delay, kMaxReconnectDelayMs);
  state_ = State::waiting_to_reconnect;
  reconnect_timer_->start(static_cast<int>(delay));
}

void Connection::close() {
  reconnect_timer_->stop();
  drop_socket();
  state_ = State::idle;
  fail_all(client_error(kCheckClosed, "closed: the connection was closed by the client"));
}

Result<void> Connection::open_blocking(Millis timeout) {
  if (pin_failed_) return pin_error(pin_detail_);
  if (is_open()) return {};
  QString why;
  QMetaObject::Connection c1, c2;
  (void)run_until_finished(
      [&](const std::function<void()> &finish) {
        c1 = connect(this, &Connection::opened, this, finish);
        c2 = connect(this, &Connection::lost, this, [&why, finish](const QString &r) {
          why = r;
          finish();
        });
        open();
        if (state_ != State::connecting) finish();
      },
      timeout);
  disconnect(c1);
  disconnect(c2);
  if (is_open()) return {};
  if (pin_failed_) return pin_error(pin_detail_);
  if (state_ == State::connecting) drop_socket(), state_ = State::idle;
  return client_error(kCheckConnect, "connect: cannot reach " + url().toStdString() + ": " +
                                         (why.isEmpty() ? "timed out" : why.toStdString()));
}

// ----------------------------------------------------------------------------------------- requests

std::uint64_t Connection::request(MessageType type, const QJsonObject &body, Callback done, Millis timeout) {
  Pending p;
  p.call = next_call_++;
  p.type = type;
  p.body = body;
  p.done = std::move(done);
  p.deadline_ms = monotonic_ms() + timeout.count();
  pending_.push_back(std::move(p));
  tick_->start();
  // Never call back synchronously: the caller may not be ready.
  QTimer::singleShot(0, this, [this] {
    if (pin_failed_) {
      fail_all(pin_error(pin_detail_));
    } else if (state_ == State::idle) {
      failed_attempts_ = 0;
      start_socket();
    } else if (state_ == State::open) {
      send_unsent();
    }
  });
  return pending_.back().call;
}

void Connection::cancel(std::uint64_t call) {
  std::erase_if(pending_, [call](const Pending &p) { return p.call == call; });
}

Result<QJsonObject> Connection::call(MessageType type, const QJsonObject &body, Millis timeout) {
  std::uint64_t id = 0;
  // The tick enforces the deadline; the limit of the wait is belt and braces.
  auto out = wait_for_result<Result<QJsonObject>>(
      [&](Callback done) { id = request(type, body, std::move(done), timeout); }, timeout + Millis{1000});
  if (!out) {
    cancel(id);
    return client_error(kCheckTimeout, "timeout: no answer to " +
                                           std::string(protocol::message_type_name(type)) + " within " +
                                           millis_text(timeout));
  }
  return std::move(*out);
}

void Connection::send_unsent() {
  if (state_ != State::open || !socket_) return;
  const std::int64_t now = monotonic_ms();
  const bool pacing = now < paced_until_ms_; // told to slow down lately: one request per pace_ms_
  bool more = false;
  for (auto &p : pending_) {
    if (p.sent) continue;
    if (p.hold_until_ms > now || (pacing && now < next_send_ms_)) {
      more = true;
      continue;
    }
    send_one(p);
    if (pacing) next_send_ms_ = now + pace_ms_;
  }
  if (more && !send_timer_pending_) {
    send_timer_pending_ = true;
    const std::int64_t at = std::max<std::int64_t>(pacing ? next_send_ms_ : now + 1, now + 1);
    QTimer::singleShot(static_cast<int>(at - now), this, [this] {
      send_timer_pending_ = false;
      send_unsent();
    });
  }
}

void Connection::send_one(Pending &p) {
  p.id = *protocol::RequestId::parse("c" + std::to_string(next_request_++));
  const auto req = protocol::make_request(p.id, p.type, bundle_.meeting, p.body, key_, now_unix_ms());
  const std::string frame = protocol::encode_request(req);
  if (p.ever_sent) ++resends_;
  p.sent = true;
  p.ever_sent = true;
  p.sent_at_ms = monotonic_ms();
  socket_->sendTextMessage(protocol::qstring_from_utf8(frame));
}

void Connection::finish(std::size_t index, Result<QJsonObject> result) {
  Pending p = std::move(pending_[index]);
  pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(index));
  if (p.done) p.done(std::move(result));
}

void Connection::fail_all(const protocol::Error &e) {
  auto waiting = std::move(pending_);
  pending_.clear();
  for (auto &p : waiting)
    if (p.done) p.done(e);
}

void Connection::fail_unsafe_sent(const protocol::Error &e) {
  for (std::size_t i = 0; i < pending_.size();) {
    if (pending_[i].ever_sent && !safe_to_resend(pending_[i].type)) {
      auto err = e;
      err.message = std::string(protocol::message_type_name(pending_[i].type)) + ": " + err.message;
      finish(i, err);
    } else {
      ++i;
    }
  }
}

void Connection::on_tick() {
  const std::int64_t now = monotonic_ms();
  for (std::size_t i = 0; i < pending_.size();) {
    if (now >= pending_[i].deadline_ms) {
      const auto type = pending_[i].type;
      const bool unknown_outcome = pending_[i].ever_sent && !safe_to_resend(type);
      finish(i, client_error(
                    kCheckTimeout,
                    "timeout: no answer to " + std::string(protocol::message_type_name(type)) +
                        (unknown_outcome ? " in time; its outcome is unknown, ask the server" : " in time")));
    } else {
      ++i;
    }
  }
  if (state_ == State::connecting && now - connect_started_ms_ > options_.connect_timeout.count()) {
    drop_socket();
    emit lost(QStringLiteral("connection attempt timed out"));
    if (pending_.empty() && !options_.keep_alive)
      state_ = State::idle;
    else
      schedule_reconnect(QStringLiteral("connection attempt timed out after ") +
                         QString::fromStdString(millis_text(options_.connect_timeout)));
  } else if (state_ == State::open) {
    const auto oldest =
        std::find_if(pending_.begin(), pending_.end(), [](const Pending &p) { return p.sent; });
    if (oldest != pending_.end() && now - oldest->sent_at_ms > options_.response_timeout.count()) {
      // Treat silence as a lost connection: reconnect and resend (docs/wire.md §1, Liveness).
      drop_socket();
      const QString why =
          QStringLiteral("no answer for ") + QString::fromStdString(millis_text(options_.response_timeout));
      emit lost(why);
      fail_unsafe_sent(client_error(kCheckConnectionLost, "connection_lost: " + why.toStdString() +
                                                              "; the outcome is unknown, ask the server"));
      if (pending_.empty() && !options_.keep_alive)
        state_ = State::idle;
      else
        schedule_reconnect(why);
    }
  }
  if (pending_.empty() && state_ != State::connecting) tick_->stop();
}

// ----------------------------------------------------------------------------------------- messages

void Connection::on_text(const QString &text) {
  const QByteArray utf8 = text.toUtf8();
  const std::string_view frame(utf8.constData(), static_cast<std::size_t>(utf8.size()));
  auto decoded = protocol::decode_server_message(frame, options_.limits);
  if (!decoded) {
    const auto &err = decoded.error();
    // Which request was it about? Read what can be read, to fail that request instead of waiting.
    auto raw = protocol::parse_json_object(frame, options_.limits);
    std::optional<std::size_t> target;
    if (raw && !raw->contains(QStringLiteral("push"))) {
      const QString id = raw->value(QStringLiteral("id")).toString();
      for (std::size_t i = 0; i < pending_.size(); ++i)
        if (pending_[i].sent && QString::fromStdString(pending_[i].id.str()) == id) target = i;
    }
    emit protocol_warning(QString::fromStdString("undecodable server message: " + err.message));
    if (target)
      finish(*target, protocol::check_error(ErrorCode::inconsistent_data, std::string(kCheckResponse),
                                            "response: the server's answer does not decode: " + err.message));
    return;
  }
  if (auto *push = std::get_if<protocol::Push>(&*decoded)) {
    emit push_received(push->type, push->body);
    return;
  }
  auto &resp = std::get<protocol::Response>(*decoded);
  std::optional<std::size_t> target;
  for (std::size_t i = 0; i < pending_.size() && !target; ++i) {
    if (!pending_[i].sent) continue;
    if (!resp.id || pending_[i].id == *resp.id) target = i; // id null: the oldest (answers are in order)
  }
  if (!target) {
    emit protocol_warning(QString::fromStdString("answer to an unknown request " +
                                                 (resp.id ? resp.id->str() : std::string("null"))));
    return;
  }
  failed_attempts_ = 0;
  auto &p = pending_[*target];
  if (!resp.ok && resp.error.code == ErrorCode::rate_limited && resp.error.retry_after_ms &&
      p.rate_limit_retries < options_.max_rate_limit_retries) {
    // docs/wire.md §5.2: refused before anything was done; wait as told, then send it again.
    // Every waiting request of this connection is then paced at one per retry_after_ms for a while,
    // so that they do not all come back at once and use up their retries.
    const auto wait =
        static_cast<std::int64_t>(std::min<std::uint64_t>(*resp.error.retry_after_ms, 10'000)) + 5;
    const std::int64_t now = monotonic_ms();
    if (now + wait < p.deadline_ms) {
      ++p.rate_limit_retries;
      ++rate_limit_waits_;
      p.sent = false;
      p.hold_until_ms = now + wait;
      pace_ms_ = wait;
      paced_until_ms_ = now + 2000;
      next_send_ms_ = std::max(next_send_ms_, now + wait);
      send_unsent();
      return;
    }
  }
  if (resp.ok)
    finish(*target, std::move(resp.body));
  else
    finish(*target, std::move(resp.error));
}

} // namespace cv::client
