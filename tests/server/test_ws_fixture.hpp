// Shared by the WebSocket server tests: a fake RequestHandler with configurable roles that records
// every call, and a fixture running a WsServer over wss on 127.0.0.1 (fresh TLS identity, pinned).
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "councilvote/server/meeting_service.hpp"
#include "councilvote/server/ws_server.hpp"
#include "ws_test_client.hpp"

#include <QJsonObject>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cv::test {

inline constexpr std::int64_t kTestNow = 1'750'000'000'000; // the fixture's server clock (ms)

class FakeHandler final : public server::RequestHandler {
public:
  FakeHandler();
  [[nodiscard]] const protocol::MeetingId &meeting_id() const noexcept override { return meeting_; }
  [[nodiscard]] protocol::RoleSet roles_of(const crypto::SignPublicKey &key) const override;
  // Records the call; answers `fail_with` if set, else {"type": <type>, "echo": <body>} and `pushes`.
  [[nodiscard]] protocol::Result<server::ServiceOutput>
  handle(protocol::MessageType type, const crypto::SignPublicKey &sender, const QJsonObject &body) override;

  std::map<crypto::SignPublicKey, protocol::RoleSet> roles;
  std::vector<protocol::MessageType> calls;
  std::vector<protocol::Push> pushes;
  std::optional<protocol::Error> fail_with;

private:
  protocol::MeetingId meeting_;
};

struct TestKeys {
  crypto::SigningKey secretary = crypto::SigningKey::generate();
  crypto::SigningKey member = crypto::SigningKey::generate();
  crypto::SigningKey trustee = crypto::SigningKey::generate();  // also a member
  crypto::SigningKey stranger = crypto::SigningKey::generate(); // holds no role
};

class WsFixture {
public:
  // `tune` adjusts the options (limits, timers) before the server starts.
  explicit WsFixture(const std::function<void(server::ServerOptions &)> &tune = {});
  ~WsFixture();
  WsFixture(const WsFixture &) = delete;
  WsFixture &operator=(const WsFixture &) = delete;

  [[nodiscard]] quint16 port() const { return server->server_port(); }
  // A client connected to the server with the right pin (REQUIREd).
  std::unique_ptr<WsTestClient> client();
  // A request signed by `key` at the server's clock.
  protocol::Request request(protocol::MessageType type, const crypto::SigningKey &key,
                            const QJsonObject &body = {}, const std::string &id = "r-1") const;
  // A fresh client with a fresh key still gets get_poll answered (and the handler is called once).
  [[nodiscard]] bool still_serves();

  FakeHandler handler;
  TestKeys keys;
  std::int64_t now_ms = kTestNow;
  QByteArray pin;
  std::unique_ptr<server::WsServer> server;
};

// Runs the event loop until done() or the timeout; returns done().
bool wait_for(const std::function<bool()> &done, int timeout_ms);

// The encoded request with its JSON object changed by `edit` (for malformed envelopes).
std::string edited(const protocol::Request &r, const std::function<void(QJsonObject &)> &edit);
// REQUIREs an error answer with `code`; `id` empty means "id": null.
void require_error(const std::optional<protocol::Response> &r, protocol::ErrorCode code,
                   const std::string &id);

} // namespace cv::test
