// WsServer's private state, shared by ws_server.cpp (setup), ws_accept.cpp (sockets, handshakes,
// liveness) and ws_dispatch.cpp (the checks of docs/wire.md §4.4 and the answers).
#pragma once

#include "councilvote/server/ws_server.hpp"
#include "ws_frames.hpp"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cv::server {

// A QTcpServer that hands every accepted descriptor to a callback (to wrap it in a QSslSocket).
class TcpListener final : public QTcpServer {
public:
  std::function<void(qintptr)> on_incoming;

protected:
  void incomingConnection(qintptr descriptor) override {
    if (on_incoming) on_incoming(descriptor);
  }
};

using SteadyTime = std::chrono::steady_clock::time_point;

struct Connection {
  std::uint64_t serial = 0;
  QWebSocket *ws = nullptr;
  QPointer<QTcpSocket> tcp;                 // the transport under ws (for its write backlog)
  std::string rate_name;                    // the per-connection bucket
  std::optional<crypto::SignPublicKey> key; // bound at the first request that passes step 9
  std::string key_hex;
  std::string address;              // the peer's address (the per-address limit)
  bool registered = false;          // bound to a key with a role: out of the unauthenticated pool
  bool authorized = false;          // passed step 11 at least once: receives pushes
  bool closing = false;             // answered its last message; everything else is ignored
  std::uint64_t incoming_bytes = 0; // UTF-8 bytes of the message being received (its frames so far)
  bool incoming_unauth = false;     // those bytes count against max_unauthenticated_bytes
  std::uint64_t queued_bytes = 0;   // its messages in the inbox, not yet handled
  SteadyTime deadline{};            // not registered: closed at this time unless a request passes step 11
  SteadyTime last_pong{};
  FrameReader reader; // the client's frames, read by the server itself
  QByteArray message; // the payload of the message being received, as sent
};

struct WsServer::Impl {
  Impl(WsServer &owner, RequestHandler &handler, ServerOptions options, bool plaintext,
       QSslConfiguration tls);
  ~Impl();
  Impl(const Impl &) = delete;
  Impl &operator=(const Impl &) = delete;

  // ws_accept.cpp
  void on_incoming(qintptr descriptor);
  void admit(QTcpSocket *socket, const std::string &address);
  void refuse(QTcpSocket *socket);
  void hand_over(QTcpSocket *socket);
  void on_new_websockets();
  void wire(QWebSocket *ws, std::uint64_t serial);
  QTcpSocket *take_handshaking(const QWebSocket &ws);
  void on_disconnected(std::uint64_t serial);
  void on_ping_timer();
  void on_admission_timer();   // closes unregistered connections past their deadline
  void promote(Connection &c); // bound to a registered key: leaves the unauthenticated pool
  [[nodiscard]] std::size_t unauthenticated_sockets() const noexcept;
  [[nodiscard]] std::size_t unauthenticated_at(const std::string &address) const noexcept;
  void refuse_overload(Connection &c, const std::string &why, QWebSocketProtocol::CloseCode code);
  void close_all();

  // ws_dispatch.cpp
  void on_readable(std::uint64_t serial); // feeds the socket's bytes to the connection's FrameReader
  void on_frame(std::uint64_t serial, std::uint64_t bytes); // `bytes` more of the message arrived
  // Queues the message; one queued message is handled per turn of the event loop (drain_one), so
  // that the answers already sent are written to their sockets between two verifications instead
  // of after all of them, and connections are served in arrival order.
  void on_message(std::uint64_t serial, const QByteArray &utf8, bool binary);
  void drain_one();
  void handle_message(std::uint64_t serial, const QByteArray &utf8, bool binary);
  void process(Connection &c, std::string_view text, bool binary);
  bool bind_key(Connection &c, const protocol::Request &r); // step 10; false: answered (refused)
  void run_handler(Connection &c, const protocol::Request &r, const QJsonObject &body,
                   const RequestHandler::RememberedNonce *keep);
  void reply_error(Connection &c, const std::optional<protocol::RequestId> &id, const protocol::Error &e,
                   std::optional<protocol::MessageType> type = std::nullopt);
  void refuse_oversize(Connection &c);
  void send(Connection &c, const std::string &message);
  void broadcast(const std::vector<protocol::Push> &pushes);
  // Closes the connection from the event loop (never from inside a Qt signal of its socket).
  void close_later(Connection &c, QWebSocketProtocol::CloseCode code, const QString &reason);
  void report(const RequestEvent &e);
  [[nodiscard]] Connection *find(std::uint64_t serial);

  WsServer &owner;
  RequestHandler &handler;
  ServerOptions options;
  bool plaintext;
  QSslConfiguration tls;

  TcpListener listener;
  QWebSocketServer ws_server{QStringLiteral("councilvote"), QWebSocketServer::NonSecureMode};
  protocol::ReplayGuard replay;
  protocol::RequestVerifier verifier;
  protocol::RateLimiter per_connection;
  protocol::RateLimiter per_key;
  QTimer ping_timer;
  QTimer push_timer; // asks the handler for pushes that became due without a request
  QTimer admission_timer;

  std::map<std::uint64_t, std::unique_ptr<Connection>> connections;
  std::map<std::string, std::uint32_t, std::less<>> bound_per_key;        // key hex -> bound connections
  std::vector<QPointer<QTcpSocket>> handshaking;                          // handed to ws_server, not upgraded
  std::size_t admitted_sockets = 0;                                       // from accept until destroyed
  std::map<std::string, std::size_t, std::less<>> sockets_per_address;    // admitted, by peer address
  std::map<std::string, std::size_t, std::less<>> registered_per_address; // registered connections
  std::size_t registered_connections = 0;
  std::uint64_t unauth_bytes = 0;  // received from unauthenticated connections, not yet handled
  std::size_t refused_sockets = 0; // being answered 503
  std::uint64_t next_serial = 1;
  WsCounters counters;
  std::function<void(const RequestEvent &)> callback;
  struct Incoming {
    std::uint64_t serial = 0;
    QByteArray utf8;
    bool binary = false;
    std::uint64_t counted = 0; // its bytes as counted frame by frame
    bool unauth = false;       // counted in unauth_bytes
  };
  std::deque<Incoming> inbox;
  bool drain_scheduled = false;

  // Parent of every socket and context of every signal connection: declared last, so it is
  // destroyed first, which cuts all connections before the sockets (its children) go.
  QObject root;
};

} // namespace cv::server
