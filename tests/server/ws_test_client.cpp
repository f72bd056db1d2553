#include "ws_test_client.hpp"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <variant>

namespace cv::test {

WsTestClient::WsTestClient(QByteArray pinned_sha256) : pin_(std::move(pinned_sha256)) {
  QObject::connect(&ws_, &QWebSocket::sslErrors, &ws_, [this](const QList<QSslError> &errors) {
    // The certificate is self-signed: accept its errors only when it is the pinned one.
    const QSslCertificate cert = ws_.sslConfiguration().peerCertificate();
    if (!cert.isNull() && QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256) == pin_) {
      ws_.ignoreSslErrors(errors);
    } else {
      pin_rejected_ = true;
      wake();
    }
  });
  QObject::connect(&ws_, &QWebSocket::connected, &ws_, [this] {
    connected_ = true;
    wake();
  });
  QObject::connect(&ws_, &QWebSocket::disconnected, &ws_, [this] {
    disconnected_ = true;
    wake();
  });
  QObject::connect(&ws_, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), &ws_,
                   [this](QAbstractSocket::SocketError) {
                     if (!connected_) failed_ = true; // refused, TLS failure, HTTP 503, ...
                     wake();
                   });
  QObject::connect(&ws_, &QWebSocket::textMessageReceived, &ws_, [this](const QString &m) { on_text(m); });
}

WsTestClient::~WsTestClient() {
  QObject::disconnect(&ws_, nullptr, nullptr, nullptr);
  ws_.abort();
}

bool WsTestClient::connect(quint16 port, int timeout_ms, bool plaintext, const QString &host) {
  QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
  conf.setPeerVerifyMode(QSslSocket::VerifyNone); // no CA: the pin in sslErrors/after connect decides
  ws_.setSslConfiguration(conf);
  const QString scheme = plaintext ? QStringLiteral("ws") : QStringLiteral("wss");
  ws_.open(QUrl(QStringLiteral("%1://%2:%3/").arg(scheme, host).arg(port)));
  const bool ok =
      wait_until([this] { return connected_ || disconnected_ || pin_rejected_ || failed_; }, timeout_ms) &&
      connected_;
  if (!ok) return false;
  if (!plaintext) {
    // With VerifyNone there may be no sslErrors at all: check the pin on the established session.
    const QSslCertificate cert = ws_.sslConfiguration().peerCertificate();
    if (cert.isNull() || QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256) != pin_) {
      pin_rejected_ = true;
      ws_.abort();
      return false;
    }
  }
  return true;
}

void WsTestClient::send_text(std::string_view utf8) {
  ws_.sendTextMessage(QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size())));
}

void WsTestClient::send_binary(const QByteArray &bytes) { ws_.sendBinaryMessage(bytes); }

std::optional<protocol::Response> WsTestClient::next_response(int timeout_ms) {
  if (!wait_until([this] { return !responses_.empty() || disconnected_; }, timeout_ms) || responses_.empty())
    return std::nullopt;
  auto r = std::move(responses_.front());
  responses_.pop_front();
  return r;
}

std::optional<protocol::Push> WsTestClient::next_push(int timeout_ms) {
  if (!wait_until([this] { return !pushes_.empty() || disconnected_; }, timeout_ms) || pushes_.empty())
    return std::nullopt;
  auto p = std::move(pushes_.front());
  pushes_.pop_front();
  return p;
}

std::optional<protocol::Response> WsTestClient::send_and_wait(std::string_view utf8, int timeout_ms) {
  send_text(utf8);
  return next_response(timeout_ms);
}

std::optional<protocol::Response> WsTestClient::request(const protocol::Request &r, int timeout_ms) {
  return send_and_wait(protocol::encode_request(r), timeout_ms);
}

bool WsTestClient::wait_disconnected(int timeout_ms) {
  return wait_until([this] { return disconnected_; }, timeout_ms);
}

int WsTestClient::close_code() const { return static_cast<int>(ws_.closeCode()); }

void WsTestClient::idle(int ms) {
  (void)wait_until([] { return false; }, ms);
}

bool WsTestClient::wait_until(const std::function<bool()> &done, int timeout_ms) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    const qint64 left = timeout_ms - clock.elapsed();
    if (left <= 0) return false;
    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(left), &loop, &QEventLoop::quit);
    loop_ = &loop;
    loop.exec();
    loop_ = nullptr;
  }
  return true;
}

void WsTestClient::wake() {
  if (loop_) loop_->quit();
}

void WsTestClient::on_text(const QString &message) {
  const QByteArray utf8 = message.toUtf8();
  std::string text(utf8.constData(), static_cast<std::size_t>(utf8.size()));
  raw_.push_back(text);
  auto decoded = protocol::decode_server_message(text);
  if (!decoded) {
    undecodable_.push_back(std::move(text));
  } else if (auto *r = std::get_if<protocol::Response>(&*decoded)) {
    responses_.push_back(std::move(*r));
  } else {
    pushes_.push_back(std::get<protocol::Push>(std::move(*decoded)));
  }
  wake();
}

} // namespace cv::test
