// One authenticated WebSocket connection to the meeting server (docs/wire.md §1, §4, §5).
//
// The connection goes to wss://host:port/ from the enrollment bundle and pins the server: the
// SHA-256 of the leaf certificate's DER encoding must equal the bundle's tls_cert_sha256. Only then
// are the certificate-authority and host-name errors of the self-signed certificate ignored; on a
// mismatch the socket is aborted before anything is sent, and every call fails with
// E_INCONSISTENT_DATA, check "tls_pin". No certificate authority is trusted at all, so a
// CA-signed impostor certificate goes through the same check.
//
// Every request is signed with the user's key (protocol::make_request: fresh nonce, the local
// clock). Responses are matched to requests by id (a response with id null goes to the oldest
// unanswered request: the server answers in order). Pushes are emitted as push_received.
//
// Lost connections: when the socket closes, or when the oldest request has had no answer for
// `response_timeout`, the connection reconnects (with back-off) and resends every unanswered
// request that is safe to repeat, each with a fresh nonce and time but the same body — for
// cast_ballot the same ballot bytes, as docs/wire.md §8.4 requires. A request that is not safe to
// repeat (open_poll, open_room, close_poll, set_trustees, publish_record) and was already sent fails
// with E_INTERNAL, check "connection_lost": its outcome is unknown, ask the server (get_poll).
//
// Client-side failures use E_INTERNAL with check "connect", "connection_lost", "timeout" or
// "closed" (the retry column of docs/wire.md §9 says yes for E_INTERNAL); a server message that does
// not decode is E_INCONSISTENT_DATA, check "response".
//
// Qt: one thread (the object's). request() is asynchronous (the GUI, AsyncClient in client.hpp);
// call() and open_blocking() wait in blocking.hpp's local event loop (scripts, the CLI, the tools).
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/types.hpp"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

class QWebSocket;
class QTimer;
class QSslError;

namespace cv::client {

// The `check` names of the client-side errors.
inline constexpr std::string_view kCheckTlsPin = "tls_pin";
inline constexpr std::string_view kCheckConnect = "connect";
inline constexpr std::string_view kCheckConnectionLost = "connection_lost";
inline constexpr std::string_view kCheckTimeout = "timeout";
inline constexpr std::string_view kCheckClosed = "closed";
inline constexpr std::string_view kCheckResponse = "response";

using Millis = std::chrono::milliseconds;

struct ConnectionOptions {
  // Tests only (docs/wire.md §1): ws:// instead of wss://, allowed only to a loopback host.
  bool insecure_plaintext = false;
  // A request without an answer for this long counts as a lost connection (reconnect + resend).
  Millis response_timeout{15000};
  // How long one connection attempt may take (TCP + TLS + WebSocket handshake).
  Millis connect_timeout{10000};
  // Consecutive failed connection attempts before the waiting requests fail.
  int max_reconnect_attempts = 5;
  // The delay before reconnect attempt k (1-based) is reconnect_delay * 2^(k-1), at most 8 s.
  Millis reconnect_delay{250};
  // Reconnect after a loss even when no request is waiting (a GUI that wants its pushes); on every
  // connect with nothing to send it signs in with get_board {from_seq 1, limit 1} (docs/wire.md §10.1).
  bool keep_alive = false;
  // An E_RATE_LIMITED answer with retry_after_ms (docs/wire.md §5.2) is not returned: the request is
  // sent again after that delay (at most 10 s, with a fresh nonce), up to this many times, within
  // the call's own timeout. Safe for every operation: the server refused it before doing anything.
  int max_rate_limit_retries = 20;
  // The request clock, Unix milliseconds (tests replace it).
  std::function<std::uint64_t()> clock;
  protocol::JsonLimits limits{};
};

// Operations whose repetition cannot change the meeting twice (docs/wire.md §8.1, "resent"): the
// resend_safe column of the message table (protocol/types.hpp, CV_MESSAGE_TYPES).
[[nodiscard]] bool safe_to_resend(protocol::MessageType t) noexcept;

class Connection : public QObject {
  Q_OBJECT

public:
  using Callback = std::function<void(protocol::Result<QJsonObject>)>;

  Connection(protocol::EnrollmentBundle bundle, crypto::SigningKey key, ConnectionOptions options = {},
             QObject *parent = nullptr);
  ~Connection() override;
  Connection(const Connection &) = delete;
  Connection &operator=(const Connection &) = delete;

  [[nodiscard]] const protocol::EnrollmentBundle &bundle() const noexcept { return bundle_; }
  [[nodiscard]] const crypto::SignPublicKey &public_key() const noexcept { return key_.public_key; }
  [[nodiscard]] bool is_open() const noexcept { return state_ == State::open; }
  // Set once the server presented a certificate other than the pinned one; the connection then
  // refuses every request.
  [[nodiscard]] bool pin_failed() const noexcept { return pin_failed_; }
  // The URL connected to: wss://host:port/ (ws:// in the test mode).
  [[nodiscard]] QString url() const;

  // Starts connecting (no-op when open or connecting).
  void open();
  // Blocks until open, failed, or `timeout` passed.
  [[nodiscard]] protocol::Result<void> open_blocking(Millis timeout = Millis{10000});
  // Closes the socket; waiting requests fail with check "closed".
  void close();

  // Asynchronous: sends (connecting first if needed); `done` runs exactly once, later, in this
  // object's thread — with the response body, the server's error, or a client-side error.
  // The returned number identifies the call for cancel().
  std::uint64_t request(protocol::MessageType type, const QJsonObject &body, Callback done,
                        Millis timeout = Millis{60000});
  // Forgets a waiting call; its callback never runs.
  void cancel(std::uint64_t call);

  // Blocking: request() + a local event loop until the answer or the timeout.
  [[nodiscard]] protocol::Result<QJsonObject> call(protocol::MessageType type, const QJsonObject &body,
                                                   Millis timeout = Millis{60000});

  // Statistics for tests and diagnostics.
  [[nodiscard]] int connects() const noexcept { return connects_; }
  [[nodiscard]] int resends() const noexcept { return resends_; }
  [[nodiscard]] int rate_limit_waits() const noexcept { return rate_limit_waits_; }

signals:
  void opened();
  // The socket closed (reason for the log); reconnection may follow.
  void lost(const QString &reason);
  // A push from the server (docs/wire.md §5.3): unsigned hints, act on them by asking.
  void push_received(cv::protocol::PushType type, const QJsonObject &body);
  // A server message that was not understood (logged, then dropped or failed).
  void protocol_warning(const QString &message);

private:
  enum class State { idle, connecting, open, waiting_to_reconnect, failed };
  struct Pending {
    std::uint64_t call = 0;
    protocol::RequestId id;
    protocol::MessageType type = protocol::MessageType::get_poll;
    QJsonObject body;
    Callback done;
    bool sent = false;              // written to the current socket
    bool ever_sent = false;         // written to some socket
    std::int64_t sent_at_ms = 0;    // monotonic, for response_timeout
    std::int64_t deadline_ms = 0;   // monotonic: the call's own timeout
    std::int64_t hold_until_ms = 0; // monotonic: rate-limited, not sent again before this
    int rate_limit_retries = 0;
  };

  void start_socket();
  void drop_socket();
  void on_connected();
  void on_disconnected();
  void on_ssl_errors(const QList<QSslError> &errors);
  void on_text(const QString &text);
  void on_tick();
  void send_unsent();
  void send_one(Pending &p);
  void schedule_reconnect(const QString &reason);
  void finish(std::size_t index, protocol::Result<QJsonObject> result);
  void fail_all(const protocol::Error &e);
  void fail_unsafe_sent(const protocol::Error &e);
  [[nodiscard]] bool pin_matches() const;
  [[nodiscard]] std::uint64_t now_unix_ms() const;
  [[nodiscard]] static std::int64_t monotonic_ms();
  [[nodiscard]] protocol::Error pin_error(const std::string &detail) const;

  protocol::EnrollmentBundle bundle_;
  crypto::SigningKey key_;
  ConnectionOptions options_;
  QPointer<QWebSocket> socket_;
  QTimer *tick_ = nullptr;
  QTimer *reconnect_timer_ = nullptr;
  State state_ = State::idle;
  bool pin_failed_ = false;
  bool pin_checked_ = false; // the current socket's certificate was compared
  std::string pin_detail_;
  std::deque<Pending> pending_;
  std::uint64_t next_call_ = 1;
  std::uint64_t next_request_ = 1;
  std::int64_t connect_started_ms_ = 0;
  int failed_attempts_ = 0;
  int connects_ = 0;
  int resends_ = 0;
  int rate_limit_waits_ = 0;
  std::int64_t pace_ms_ = 0;        // after E_RATE_LIMITED: the delay between two sends
  std::int64_t paced_until_ms_ = 0; // monotonic: pacing ends then
  std::int64_t next_send_ms_ = 0;   // monotonic: the next paced send
  bool send_timer_pending_ = false;
};

} // namespace cv::client
