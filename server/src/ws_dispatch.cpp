// WsServer: one message through docs/wire.md §4.4 steps 1-12, the handler, the answer, the pushes.
#include "ws_impl.hpp"

#include <exception>

namespace cv::server {

using protocol::ErrorCode;
using protocol::make_error;

namespace {

std::string short_key(const std::string &hex) { return hex.substr(0, 16) + "..."; }

} // namespace

namespace {

// What the FrameReader of one connection reports, handed to the server.
class ConnectionSink final : public FrameSink {
public:
  ConnectionSink(WsServer::Impl &impl, std::uint64_t serial) : impl_(impl), serial_(serial) {}
  void on_data(QByteArrayView bytes, bool binary) override {
    Connection *c = impl_.find(serial_);
    if (!c || c->closing) return;
    binary_ = binary;
    c->message.append(bytes);
    impl_.on_frame(serial_, static_cast<std::uint64_t>(bytes.size()));
  }
  void on_message_end() override {
    Connection *c = impl_.find(serial_);
    if (!c) return;
    QByteArray m = std::move(c->message);
    c->message.clear();
    impl_.on_message(serial_, m, binary_);
  }
  void on_ping(const QByteArray &payload) override {
    Connection *c = impl_.find(serial_);
    if (!c || !c->tcp) return;
    QByteArray pong;
    pong.append(static_cast<char>(0x8A));
    pong.append(static_cast<char>(payload.size()));
    pong.append(payload);
    c->tcp->write(pong);
  }
  void on_pong() override {
    if (Connection *c = impl_.find(serial_)) c->last_pong = std::chrono::steady_clock::now();
  }
  void on_close(std::uint16_t code) override {
    Connection *c = impl_.find(serial_);
    if (!c) return;
    // The client's code is echoed when it is one of RFC 6455's (QWebSocketProtocol::CloseCode holds
    // no other: 3000-4999 would not be a value of the enum); else 1000.
    const bool valid = code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006;
    impl_.close_later(
        *c, valid ? static_cast<QWebSocketProtocol::CloseCode>(code) : QWebSocketProtocol::CloseCodeNormal,
        QStringLiteral("closed by the client"));
  }
  void on_error(std::uint16_t close_code, const QString &reason) override {
    Connection *c = impl_.find(serial_);
    if (!c || c->closing) return;
    if (close_code == 1009) return impl_.refuse_oversize(*c);
    impl_.close_later(*c, static_cast<QWebSocketProtocol::CloseCode>(close_code), reason);
  }

private:
  WsServer::Impl &impl_;
  std::uint64_t serial_;
  bool binary_ = false;
};

} // namespace

void WsServer::Impl::on_readable(std::uint64_t serial) {
  Connection *c = find(serial);
  if (!c || !c->tcp) return;
  const QByteArray bytes = c->tcp->readAll();
  if (c->closing || c->reader.failed()) return; // read and dropped
  // One data frame is at most the message limit, and before sign-in at most
  // unauthenticated_frame_bytes (docs/wire.md §10.1): checked at its header.
  const std::uint64_t max_message = options.limits.json.max_bytes;
  const std::uint64_t max_frame =
      c->registered ? max_message : std::min(max_message, options.admission.unauthenticated_frame_bytes);
  ConnectionSink sink(*this, serial);
  c->reader.feed(bytes, max_frame, sink);
}

void WsServer::Impl::on_frame(std::uint64_t serial, std::uint64_t utf8_bytes) {
  Connection *c = find(serial);
  if (!c || c->closing) return;
  if (c->incoming_bytes == 0) c->incoming_unauth = !c->registered; // a new message begins
  c->incoming_bytes += utf8_bytes;
  if (c->incoming_unauth) unauth_bytes += utf8_bytes;
  // Step 2, while it arrives: this message alone (docs/wire.md §1; never the messages before it).
  if (c->incoming_bytes > options.limits.json.max_bytes) return refuse_oversize(*c);
  // docs/wire.md §10.1: what a peer may have the server hold for it, received and not yet handled.
  const auto &a = options.admission;
  const std::uint64_t held = c->incoming_bytes + c->queued_bytes;
  const std::uint64_t queue_limit =
      a.max_queued_bytes ? a.max_queued_bytes : std::uint64_t{options.limits.json.max_bytes} * 4;
  if (held > queue_limit)
    return refuse_overload(*c,
                           "more than " + std::to_string(queue_limit) + " bytes sent and not yet answered",
                           QWebSocketProtocol::CloseCodePolicyViolated);
  if (c->incoming_unauth && unauth_bytes > a.max_unauthenticated_bytes)
    return refuse_overload(*c, "the server is holding too much data from connections that have not signed in",
                           static_cast<QWebSocketProtocol::CloseCode>(1013)); // try again later
}

void WsServer::Impl::refuse_overload(Connection &c, const std::string &why,
                                     QWebSocketProtocol::CloseCode code) {
  ++counters.overloads;
  auto e = make_error(ErrorCode::rate_limited, why + "; the connection is closed, connect again and resend");
  e.retry_after_ms = 1000;
  reply_error(c, std::nullopt, e);
  close_later(c, code, QStringLiteral("too much data"));
}

void WsServer::Impl::on_message(std::uint64_t serial, const QByteArray &utf8, bool binary) {
  Connection *c = find(serial);
  if (!c) return;
  const std::uint64_t counted = c->incoming_bytes;
  const bool unauth = c->incoming_unauth;
  c->incoming_bytes = 0; // docs/wire.md §1: the limit is per message
  c->incoming_unauth = false;
  if (c->closing) {
    if (unauth) unauth_bytes -= std::min(unauth_bytes, counted);
    return;
  }
  c->queued_bytes += counted;
  inbox.push_back({serial, utf8, binary, counted, unauth});
  if (!drain_scheduled) {
    drain_scheduled = true;
    QTimer::singleShot(0, &root, [this] { drain_one(); });
  }
}

void WsServer::Impl::drain_one() {
  drain_scheduled = false;
  if (inbox.empty()) return;
  auto next = std::move(inbox.front());
  inbox.pop_front();
  if (next.unauth) unauth_bytes -= std::min(unauth_bytes, next.counted);
  if (Connection *c = find(next.serial)) c->queued_bytes -= std::min(c->queued_bytes, next.counted);
  if (!inbox.empty()) { // the next one after the event loop has written and read the sockets
    drain_scheduled = true;
    QTimer::singleShot(0, &root, [this] { drain_one(); });
  }
  handle_message(next.serial, next.utf8, next.binary);
}

void WsServer::Impl::handle_message(std::uint64_t serial, const QByteArray &utf8, bool binary) {
  Connection *c = find(serial);
  if (!c || c->closing) return;
  try {
    process(*c, std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), binary);
  } catch (...) {
    if (Connection *again = find(serial)) {
      try {
        reply_error(*again, std::nullopt, make_error(ErrorCode::internal, "unexpected server failure"));
      } catch (...) {
        again->closing = true;
      }
    }
  }
}

void WsServer::Impl::process(Connection &c, std::string_view text, bool binary) {
  if (auto r = per_connection.take(c.rate_name); !r) return reply_error(c, std::nullopt, r.error()); // 1
  if (text.size() > options.limits.json.max_bytes) return refuse_oversize(c);                        // 2
  if (binary)                                                                                        // 3
    return reply_error(
        c, std::nullopt,
        make_error(ErrorCode::malformed_json,
                   "a binary WebSocket message: every message is one JSON object sent as text"));
  std::optional<protocol::RequestId> id;
  auto accepted = verifier.accept(text, &id); // 2-9
  if (!accepted) {
    if (accepted.error().code == ErrorCode::frame_too_large) return refuse_oversize(c);
    return reply_error(c, id, accepted.error());
  }
  const protocol::Request &req = accepted->request;
  protocol::RoleSet roles;
  try {
    roles = handler.roles_of(req.key);
  } catch (...) {
    return reply_error(c, req.id, make_error(ErrorCode::internal, "cannot look up the key's roles"),
                       req.type);
  }
  // Step 8 across restarts (docs/wire.md §4.3): a registered key's write request keeps its nonce on
  // disk — in the operation's own transaction when it runs, on its own when it is refused at steps
  // 10-12 (unregistered keys cause no disk write).
  std::optional<RequestHandler::RememberedNonce> keep;
  if (protocol::writes(req.type) && !roles.empty())
    keep = RequestHandler::RememberedNonce{
        req.key, req.nonce, static_cast<std::int64_t>(req.time_ms) + options.limits.replay.window_ms};
  auto kept_refused = [&] {
    if (!keep) return;
    try {
      (void)handler.remember_nonce(keep->key, keep->nonce, keep->expires_ms);
    } catch (...) { // the refusal is answered all the same
    }
  };
  if (!bind_key(c, req)) return kept_refused(); // 10
  if (!roles.empty()) promote(c);               // a registered key: out of the unauthenticated pool (§10.1)
  if (auto r = protocol::authorize(req.type, roles); !r) {
    kept_refused();
    return reply_error(c, req.id, r.error(), req.type); // 11
  }
  c.authorized = true;
  if (!c.registered) c.deadline = std::chrono::steady_clock::now() + options.admission.anonymous_idle;
  if (auto r = per_key.take(c.key_hex); !r) { // 12
    kept_refused();
    return reply_error(c, req.id, r.error(), req.type);
  }
  run_handler(c, req, accepted->body, keep ? &*keep : nullptr); // 13-15
}

bool WsServer::Impl::bind_key(Connection &c, const protocol::Request &r) {
  if (c.key) {
    if (*c.key == r.key) return true;
    reply_error(
        c, r.id,
        make_error(ErrorCode::forbidden, "this connection is bound to the key " + short_key(c.key_hex) +
                                             "; a request signed by another key needs its own connection"),
        r.type);
    return false;
  }
  std::string hex = protocol::lower_hex(r.key);
  auto it = bound_per_key.find(hex);
  const std::uint32_t bound = it == bound_per_key.end() ? 0 : it->second;
  const std::uint32_t max = options.limits.max_connections_per_key;
  if (bound >= max) {
    reply_error(c, r.id,
                make_error(ErrorCode::too_many_connections,
                           "the key " + short_key(hex) + " already has " + std::to_string(bound) +
                               " connections, the most allowed; close one and connect again"),
                r.type);
    close_later(c, QWebSocketProtocol::CloseCodePolicyViolated,
                QStringLiteral("too many connections for this key"));
    return false;
  }
  if (it == bound_per_key.end())
    bound_per_key.emplace(hex, 1);
  else
    ++it->second;
  c.key = r.key;
  c.key_hex = std::move(hex);
  return true;
}

void WsServer::Impl::run_handler(Connection &c, const protocol::Request &r, const QJsonObject &body,
                                 const RequestHandler::RememberedNonce *keep) {
  ++counters.handler_calls;
  auto out = [&]() -> protocol::Result<ServiceOutput> {
    try {
      return keep ? handler.handle_keeping(r.type, r.key, body, *keep) : handler.handle(r.type, r.key, body);
    } catch (const std::exception &e) {
      return make_error(ErrorCode::internal, std::string("the operation failed unexpectedly: ") + e.what());
    } catch (...) {
      return make_error(ErrorCode::internal, "the operation failed unexpectedly");
    }
  }();
  if (!out) return reply_error(c, r.id, out.error(), r.type);
  ++counters.requests_ok;
  send(c, protocol::encode_ok(r.id, out->body));
  report(RequestEvent{r.type, std::nullopt});
  broadcast(out->pushes);
}

void WsServer::Impl::reply_error(Connection &c, const std::optional<protocol::RequestId> &id,
                                 const protocol::Error &e, std::optional<protocol::MessageType> type) {
  ++counters.requests_failed;
  send(c, protocol::encode_error(id, e));
  report(RequestEvent{type, e.code});
}

void WsServer::Impl::refuse_oversize(Connection &c) {
  const auto limit = std::to_string(options.limits.json.max_bytes);
  reply_error(c, std::nullopt,
              make_error(ErrorCode::frame_too_large, "the message is larger than this server's limit of " +
                                                         limit + " bytes; the connection is closed"));
  close_later(c, QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("message too big"));
}

void WsServer::Impl::send(Connection &c, const std::string &message) {
  if (!c.ws || c.ws->state() != QAbstractSocket::ConnectedState) return;
  c.ws->sendTextMessage(protocol::qstring_from_utf8(message));
  // A peer that does not read its answers is dropped rather than buffered without bound.
  const qint64 backlog_limit = static_cast<qint64>(options.limits.json.max_bytes) * 4 + (qint64{1} << 20);
  QTcpSocket *tcp = c.tcp.data();
  if (tcp && tcp->bytesToWrite() > backlog_limit && !c.closing) {
    c.closing = true;
    const std::uint64_t serial = c.serial;
    QTimer::singleShot(0, &root, [this, serial] {
      if (Connection *x = find(serial)) x->ws->abort();
    });
  }
}

void WsServer::Impl::broadcast(const std::vector<protocol::Push> &pushes) {
  if (pushes.empty()) return;
  std::vector<std::string> texts;
  texts.reserve(pushes.size());
  for (const auto &p : pushes) texts.push_back(protocol::encode_push(p));
  std::vector<std::uint64_t> targets;
  for (const auto &[serial, c] : connections)
    if (c->authorized && !c->closing) targets.push_back(serial);
  for (auto serial : targets)
    for (const auto &t : texts) {
      Connection *c = find(serial);
      if (!c || c->closing) break;
      send(*c, t);
      ++counters.pushes_sent;
    }
}

void WsServer::Impl::close_later(Connection &c, QWebSocketProtocol::CloseCode code, const QString &reason) {
  c.closing = true;
  const std::uint64_t serial = c.serial;
  QTimer::singleShot(0, &root, [this, serial, code, reason] {
    if (Connection *x = find(serial)) x->ws->close(code, reason);
  });
}

void WsServer::Impl::report(const RequestEvent &e) {
  if (!callback) return;
  try {
    callback(e);
  } catch (...) {
    // A callback is an observer; its failure does not change the answer already sent.
  }
}

} // namespace cv::server
