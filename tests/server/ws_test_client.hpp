// A small synchronous WebSocket client for tests: connects to wss://127.0.0.1:PORT/ pinning the
// server certificate's SHA-256 (docs/wire.md §1), sends requests and waits for answers with a
// nested QEventLoop and a timeout. Answers and pushes are decoded with protocol::decode_server_message
// and queued separately, so a test can wait for "the next answer" while pushes arrive in between.
//
//   WsTestClient c(pin);
//   REQUIRE(c.connect(port));
//   auto answer = c.request(protocol::make_request(...)); // std::optional<protocol::Response>
#pragma once

#include "councilvote/protocol/envelope.hpp"

#include <QByteArray>
#include <QString>
#include <QWebSocket>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QEventLoop;

namespace cv::test {

class WsTestClient {
public:
  // `pinned_sha256`: SHA-256 of the server certificate's DER (32 bytes); unused in plaintext mode.
  explicit WsTestClient(QByteArray pinned_sha256 = {});
  ~WsTestClient();
  WsTestClient(const WsTestClient &) = delete;
  WsTestClient &operator=(const WsTestClient &) = delete;

  // Opens wss://host:port/ (ws:// when plaintext) and waits for the upgrade. False on failure
  // (refused, pin mismatch, HTTP 503, timeout).
  bool connect(quint16 port, int timeout_ms = 5000, bool plaintext = false,
               const QString &host = QStringLiteral("127.0.0.1"));
  [[nodiscard]] bool is_connected() const noexcept { return connected_ && !disconnected_; }

  void send_text(std::string_view utf8);
  void send_binary(const QByteArray &bytes);

  // The next answer (pushes arriving meanwhile are queued); nothing on timeout or disconnection.
  std::optional<protocol::Response> next_response(int timeout_ms = 5000);
  std::optional<protocol::Push> next_push(int timeout_ms = 5000);
  // send_text + next_response.
  std::optional<protocol::Response> send_and_wait(std::string_view utf8, int timeout_ms = 5000);
  // encode_request + send_and_wait.
  std::optional<protocol::Response> request(const protocol::Request &r, int timeout_ms = 5000);

  // Waits until the server closed the connection; then close_code() is its status (1008, 1009, ...).
  bool wait_disconnected(int timeout_ms = 5000);
  [[nodiscard]] int close_code() const;
  // Runs the event loop for `ms` (to check that nothing arrives).
  void idle(int ms);

  [[nodiscard]] bool pin_rejected() const noexcept { return pin_rejected_; }
  [[nodiscard]] const std::vector<std::string> &raw_messages() const noexcept { return raw_; }
  [[nodiscard]] const std::vector<std::string> &undecodable() const noexcept { return undecodable_; }
  [[nodiscard]] std::size_t queued_pushes() const noexcept { return pushes_.size(); }
  [[nodiscard]] QString error_string() const { return ws_.errorString(); }
  QWebSocket &socket() noexcept { return ws_; }

private:
  bool wait_until(const std::function<bool()> &done, int timeout_ms);
  void wake();
  void on_text(const QString &message);

  QWebSocket ws_;
  QByteArray pin_;
  QEventLoop *loop_ = nullptr;
  bool connected_ = false;
  bool disconnected_ = false;
  bool pin_rejected_ = false;
  bool failed_ = false;
  std::deque<protocol::Response> responses_;
  std::deque<protocol::Push> pushes_;
  std::vector<std::string> raw_;
  std::vector<std::string> undecodable_;
};

} // namespace cv::test
