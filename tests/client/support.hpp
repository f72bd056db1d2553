// Fixtures for the client tests: a self-signed TLS identity (OpenSSL), a tiny fake meeting server
// (QWebSocketServer, wss or ws) whose answers each test scripts, and bundles pointing at it.
#pragma once

#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/envelope.hpp"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cvtest {

using namespace cv;

struct TestTls {
  QByteArray certificate_pem;
  QByteArray key_pem;
  protocol::ByteArray<32> fingerprint{}; // SHA-256 of the certificate's DER encoding
};
// A fresh self-signed P-256 certificate (fails the test on error).
[[nodiscard]] TestTls make_tls();

inline crypto::SigningKey test_key(const char *label) {
  auto rng = crypto::DeterministicRng::from_label(label);
  return crypto::SigningKey::generate(rng);
}

inline protocol::MeetingId meeting() { return *protocol::MeetingId::parse("vinhlong-2025-06"); }
inline protocol::PollId poll(const char *s = "poll-1") { return *protocol::PollId::parse(s); }

[[nodiscard]] protocol::EnrollmentBundle make_bundle(const std::string &host, std::uint16_t port,
                                                     const protocol::ByteArray<32> &fingerprint,
                                                     const crypto::SigningKey &server_key);

// One request as the fake server saw it (signature verified).
struct Seen {
  int connection = 0; // 1, 2, ... in accept order
  protocol::Request request;
  QJsonObject body;
};

class FakeServer : public QObject {
public:
  // What to do with a request: answer (reply_ok / reply_error / push), or nothing.
  using Handler = std::function<void(FakeServer &, QWebSocket *, const Seen &)>;

  // tls == nullptr: plain ws:// (the client's test mode).
  explicit FakeServer(const TestTls *tls);
  [[nodiscard]] std::uint16_t port() const { return static_cast<std::uint16_t>(server_.serverPort()); }

  Handler handler;                 // default: ok with {"echo": <type>}
  std::vector<Seen> seen;          // every request received with a valid signature
  std::vector<std::string> frames; // every text message received
  int bad_signatures = 0;
  int connections = 0;
  std::vector<QPointer<QWebSocket>> sockets;

  static void reply_ok(QWebSocket *s, const protocol::RequestId &id, const QJsonObject &body);
  static void reply_error(QWebSocket *s, const std::optional<protocol::RequestId> &id,
                          const protocol::Error &e);
  static void push(QWebSocket *s, protocol::PushType type, const QJsonObject &body);

private:
  void on_message(QWebSocket *s, int connection, const QString &text);
  QWebSocketServer server_;
};

// Runs the event loop for `ms` milliseconds (lets queued signals arrive).
void spin(int ms);

} // namespace cvtest
