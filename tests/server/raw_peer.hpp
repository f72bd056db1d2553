// A WebSocket peer written by hand over TLS, for the attacks no well-behaved client performs: it
// connects from a chosen loopback source address (127.0.0.2, ...: another "machine" of the room),
// upgrades, then sends raw frames (fragmented messages that never end, a byte-order mark the
// QWebSocket client would never send) and reads the server's answers and close frame.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslSocket>
#include <QThread>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace cv::test {

class RawPeer {
public:
  // Connects over TLS (no certificate check: the attacker does not care) from `source`.
  RawPeer(quint16 port, const QHostAddress &source = QHostAddress(QStringLiteral("127.0.0.1"))) {
    QObject::connect(&socket_, &QSslSocket::sslErrors, &socket_,
                     [this](const QList<QSslError> &e) { socket_.ignoreSslErrors(e); });
    QObject::connect(&socket_, &QIODevice::readyRead, &socket_, [this] { on_read(); });
    QObject::connect(&socket_, &QAbstractSocket::disconnected, &socket_, [this] { closed_ = true; });
    QObject::connect(&socket_, &QAbstractSocket::errorOccurred, &socket_,
                     [this](QAbstractSocket::SocketError) { closed_ = true; });
    if (!socket_.bind(source, 0)) {
      closed_ = true;
      return;
    }
    socket_.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
  }

  // TLS, then the HTTP upgrade; false when refused (HTTP 503, closed, timeout).
  bool upgrade(int timeout_ms = 5000) {
    if (!wait([this] { return socket_.isEncrypted() || closed_; }, timeout_ms) || closed_) return false;
    socket_.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    if (!wait([this] { return head_done_ || closed_; }, timeout_ms)) return false;
    upgraded_ = status_line_.startsWith("HTTP/1.1 101");
    return upgraded_;
  }

  // One masked frame: opcode 1 text, 0 continuation, 9 ping, 10 pong, 8 close.
  void send_frame(std::uint8_t opcode, const QByteArray &payload, bool fin) {
    QByteArray f;
    f.append(static_cast<char>((fin ? 0x80 : 0x00) | (opcode & 0x0f)));
    const auto n = static_cast<std::uint64_t>(payload.size());
    if (n < 126) {
      f.append(static_cast<char>(0x80 | n));
    } else if (n < 65536) {
      f.append(static_cast<char>(0x80 | 126));
      f.append(static_cast<char>((n >> 8) & 0xff));
      f.append(static_cast<char>(n & 0xff));
    } else {
      f.append(static_cast<char>(0x80 | 127));
      for (int i = 7; i >= 0; --i) f.append(static_cast<char>((n >> (8 * i)) & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    f.append(mask, 4);
    QByteArray body = payload;
    for (qsizetype i = 0; i < body.size(); ++i) body[i] = static_cast<char>(body[i] ^ mask[i % 4]);
    f.append(body);
    socket_.write(f);
  }
  void send_text(const QByteArray &utf8) { send_frame(1, utf8, true); }

  // Runs the event loop until the socket has written everything (or closed).
  bool flush(int timeout_ms = 10000) {
    return wait([this] { return socket_.bytesToWrite() == 0 || closed_; }, timeout_ms);
  }
  // The next complete text message from the server, if one comes in time.
  std::optional<std::string> next_text(int timeout_ms = 5000) {
    if (!wait([this] { return !texts_.empty() || closed_; }, timeout_ms) || texts_.empty())
      return std::nullopt;
    auto t = texts_.front();
    texts_.erase(texts_.begin());
    return t;
  }
  bool wait_closed(int timeout_ms = 5000) {
    return wait([this] { return closed_; }, timeout_ms);
  }
  // The status code of the server's close frame (0 when none came).
  [[nodiscard]] int close_code() const noexcept { return close_code_; }
  [[nodiscard]] bool closed() const noexcept { return closed_; }
  [[nodiscard]] bool upgraded() const noexcept { return upgraded_; }
  [[nodiscard]] const QByteArray &status_line() const noexcept { return status_line_; }
  void answer_pings(bool on) { answer_pings_ = on; }
  QSslSocket &socket() noexcept { return socket_; }

  static bool wait(const std::function<bool()> &done, int timeout_ms) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
      if (t.elapsed() > timeout_ms) return false;
      QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
      QThread::usleep(200);
    }
    return true;
  }

private:
  void on_read() {
    in_ += socket_.readAll();
    if (!head_done_) {
      const auto end = in_.indexOf("\r\n\r\n");
      if (end < 0) return;
      status_line_ = in_.left(in_.indexOf("\r\n"));
      in_.remove(0, end + 4);
      head_done_ = true;
    }
    for (;;) { // server frames are not masked
      if (in_.size() < 2) return;
      const auto b0 = static_cast<std::uint8_t>(in_[0]), b1 = static_cast<std::uint8_t>(in_[1]);
      std::uint64_t len = b1 & 0x7f;
      qsizetype at = 2;
      if (len == 126) {
        if (in_.size() < 4) return;
        len = (std::uint64_t{static_cast<std::uint8_t>(in_[2])} << 8) | static_cast<std::uint8_t>(in_[3]);
        at = 4;
      } else if (len == 127) {
        if (in_.size() < 10) return;
        len = 0;
        for (int i = 0; i < 8; ++i) len = (len << 8) | static_cast<std::uint8_t>(in_[2 + i]);
        at = 10;
      }
      if (static_cast<std::uint64_t>(in_.size() - at) < len) return;
      const QByteArray payload = in_.mid(at, static_cast<qsizetype>(len));
      in_.remove(0, at + static_cast<qsizetype>(len));
      const int opcode = b0 & 0x0f;
      if (opcode == 1 || opcode == 0) {
        partial_ += payload.toStdString();
        if (b0 & 0x80) {
          texts_.push_back(partial_);
          partial_.clear();
        }
      } else if (opcode == 8) {
        if (payload.size() >= 2)
          close_code_ = (static_cast<std::uint8_t>(payload[0]) << 8) | static_cast<std::uint8_t>(payload[1]);
      } else if (opcode == 9 && answer_pings_) {
        send_frame(10, payload, true);
      }
    }
  }

  QSslSocket socket_;
  QByteArray in_;
  QByteArray status_line_;
  std::string partial_;
  std::vector<std::string> texts_;
  bool head_done_ = false;
  bool upgraded_ = false;
  bool closed_ = false;
  bool answer_pings_ = true;
  int close_code_ = 0;
};

} // namespace cv::test
