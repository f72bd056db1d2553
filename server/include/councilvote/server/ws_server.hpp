// The meeting's WebSocket server (docs/wire.md §1, §4.4, §5, §10): wss with the meeting's own TLS
// identity, one JSON text message per request, the checks of §4.4 steps 1-12 in order, then
// RequestHandler::handle for steps 13-15, the answer, and the handler's pushes to every connection
// that has passed step 11 at least once.
//
//   step 1   the connection's request rate             E_RATE_LIMITED (id null)
//   step 2   message size (counted while it arrives)   E_FRAME_TOO_LARGE (id null), close 1009
//   step 3   a text message (binary: E_MALFORMED_JSON, id null)
//   2-9      protocol::RequestVerifier, one ReplayGuard for the whole server
//   step 10  the connection's key binding              E_FORBIDDEN, E_TOO_MANY_CONNECTIONS + close 1008
//   step 11  protocol::authorize(type, roles_of(key))  E_UNKNOWN_KEY, E_NOT_TRUSTEE, E_FORBIDDEN
//   step 12  the key's request rate                    E_RATE_LIMITED
//
// Beyond `max_connections` open sockets, or when the unauthenticated pool (AdmissionLimits) is full
// in all or for the peer's address, the WebSocket handshake is answered with HTTP 503. Every
// connection is pinged every `ping_interval` and dropped when no pong came for `pong_timeout`. The
// server reads the clients' frames itself (ws_frames.hpp): every message is the bytes that were
// sent, counted as they arrive; a frame whose header announces more than the limit is refused
// (E_FRAME_TOO_LARGE, close 1009) before its payload is read.
//
// Everything runs on the thread that owns the WsServer, from its event loop; requests of one
// connection are handled one at a time in arrival order. No exception leaves the server: a throwing
// handler is answered with E_INTERNAL.
#pragma once

#include "councilvote/protocol/envelope.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/replay.hpp"
#include "councilvote/protocol/types.hpp"
#include "councilvote/server/meeting_service.hpp"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

namespace cv::server {

// Connections before sign-in (docs/wire.md §10.1). A socket is *unauthenticated* from TCP accept
// until one of its requests, signed by a key that holds a role in the meeting (secretary, member,
// trustee), passes step 9; connections bound to an unregistered key (auditors) stay unauthenticated.
// Unauthenticated sockets share a small pool, so the rest of max_connections is kept for
// registered keys: nobody without a key can take every slot.
struct AdmissionLimits {
  std::size_t max_unauthenticated = 64;            // sockets in all (beyond: HTTP 503)
  std::size_t max_unauthenticated_per_address = 8; // from one remote address (beyond: HTTP 503)
  std::chrono::milliseconds sign_in_timeout{
      5'000}; // after the upgrade: a registered key's request, or close 1008
  std::chrono::milliseconds anonymous_idle{30'000}; // an unregistered key's connection: a request this often
  std::uint64_t max_unauthenticated_bytes = 32u
                                            << 20; // received, not yet handled, all unauthenticated together
  std::uint64_t unauthenticated_frame_bytes = 1u << 20; // one frame before sign-in (Qt sends 512 KiB frames)
  std::uint64_t max_queued_bytes =
      0; // one connection's received, unhandled messages; 0: 4 × the message limit
};

struct ServerOptions {
  protocol::Limits limits{};
  AdmissionLimits admission{};
  std::chrono::milliseconds ping_interval{30'000};
  std::chrono::milliseconds pong_timeout{90'000};
  std::chrono::milliseconds handshake_timeout{5'000}; // from TCP accept to the WebSocket upgrade
  protocol::Clock clock = protocol::system_clock();   // the replay window and the rate limits
};

// Running totals, for tests and the status line.
struct WsCounters {
  std::uint64_t connections_accepted = 0; // WebSocket upgrades
  std::uint64_t connections_refused = 0;  // over max_connections: HTTP 503 (or dropped)
  std::uint64_t requests_ok = 0;
  std::uint64_t requests_failed = 0;  // error answers, E_RATE_LIMITED of step 1 included
  std::uint64_t handler_calls = 0;    // RequestHandler::handle
  std::uint64_t pushes_sent = 0;      // one per push per connection
  std::uint64_t sign_in_timeouts = 0; // closed: no registered key's request in time (1008)
  std::uint64_t overloads = 0;        // closed: too much data received and not yet handled
};

// What the server did with one message, reported after its answer was sent.
struct RequestEvent {
  std::optional<protocol::MessageType> type; // absent when the envelope was not accepted
  std::optional<protocol::ErrorCode> error;  // absent when the request succeeded
  [[nodiscard]] bool ok() const noexcept { return !error.has_value(); }
};

// Selects the plaintext ws:// mode, which listens only on a loopback address (docs/wire.md §1).
struct PlaintextLoopbackForTests {};

class WsServer : public QObject {
public:
  // wss:// with `tls` (private key and certificate; see make_tls_configuration).
  WsServer(RequestHandler &handler, const QSslConfiguration &tls, ServerOptions options = {},
           QObject *parent = nullptr);
  // ws:// on loopback only, for tests.
  WsServer(RequestHandler &handler, PlaintextLoopbackForTests, ServerOptions options = {},
           QObject *parent = nullptr);
  ~WsServer() override;
  WsServer(const WsServer &) = delete;
  WsServer &operator=(const WsServer &) = delete;

  // Port 0 picks a free port (see server_port()).
  [[nodiscard]] protocol::Result<void> listen(const QHostAddress &address, quint16 port);
  [[nodiscard]] quint16 server_port() const;
  [[nodiscard]] QHostAddress server_address() const;
  // Stops listening and closes every connection (1001 going away).
  void close();

  [[nodiscard]] std::size_t connection_count() const noexcept; // WebSocket connections open now
  [[nodiscard]] std::size_t socket_count() const noexcept;     // admitted sockets, handshakes included
  // Admitted sockets not (yet) bound to a registered key, and the bytes they sent that are buffered.
  [[nodiscard]] std::size_t unauthenticated_count() const noexcept;
  [[nodiscard]] std::uint64_t unauthenticated_bytes() const noexcept;
  [[nodiscard]] const WsCounters &counters() const noexcept;
  [[nodiscard]] const ServerOptions &options() const noexcept;

  // Called after every answered message (tests, logging). Must not destroy the server.
  void set_request_callback(std::function<void(const RequestEvent &)> callback);

  struct Impl;

private:
  std::unique_ptr<Impl> impl_;
};

// TLS 1.2 or later, the given EC private key (PEM) and certificate (PEM), no client certificates.
[[nodiscard]] protocol::Result<QSslConfiguration> make_tls_configuration(const QByteArray &key_pem,
                                                                         const QByteArray &certificate_pem);
// The same, read from files (the meeting directory's tls-key.pem and tls-cert.pem).
[[nodiscard]] protocol::Result<QSslConfiguration>
load_tls_configuration(const std::filesystem::path &key_pem, const std::filesystem::path &certificate_pem);

} // namespace cv::server
