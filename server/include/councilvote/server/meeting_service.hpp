// The meeting's operations (docs/wire.md §8), independent of the transport: the WebSocket server
// (ws_server.hpp) runs the checks of docs/wire.md §4.4 steps 1-12 and hands every request that
// passed them to MeetingService::handle, which runs steps 13-15 (body, the operation's own checks,
// commit) and returns the response body and the pushes to broadcast. Nothing is written for a
// request that fails (docs/wire.md §4.5).
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/replay.hpp"
#include "councilvote/protocol/types.hpp"
#include "councilvote/server/meeting_dir.hpp"

#include <QJsonObject>
#include <memory>
#include <vector>

namespace cv::server {

// What a successful operation answers and announces.
struct ServiceOutput {
  QJsonObject body;                   // the response body (docs/wire.md §5.1)
  std::vector<protocol::Push> pushes; // to every connection that passed step 11 (§5.3)
};

// What the WebSocket server needs from the meeting (tests substitute a fake).
class RequestHandler {
public:
  virtual ~RequestHandler() = default;
  [[nodiscard]] virtual const protocol::MeetingId &meeting_id() const noexcept = 0;
  // The roles `key` holds now (docs/wire.md §8.1): secretary, member (registered), trustee (of the
  // current key ceremony). Empty for an unregistered key.
  [[nodiscard]] virtual protocol::RoleSet roles_of(const crypto::SignPublicKey &key) const = 0;
  // docs/wire.md §4.4 steps 13-15 for a request that passed steps 1-12 (authorize() included).
  [[nodiscard]] virtual protocol::Result<ServiceOutput>
  handle(protocol::MessageType type, const crypto::SignPublicKey &sender, const QJsonObject &body) = 0;
  // Pushes that became due without a request (a throttled turnout push, docs/wire.md §5.3); the
  // transport asks about once a second and broadcasts them like the pushes of handle().
  [[nodiscard]] virtual std::vector<protocol::Push> due_pushes() { return {}; }
  // docs/wire.md §4.3: keeps the (key, nonce) of a write request from a registered key on disk until
  // expires_ms, so that a restart does not forget it. The transport calls it for such a request that
  // it refuses at steps 10-12 (a failure: E_INTERNAL, or E_REPLAYED_REQUEST).
  [[nodiscard]] virtual protocol::Result<void>
  remember_nonce(const crypto::SignPublicKey &, const protocol::Nonce &, std::int64_t /*expires_ms*/) {
    return {};
  }
  struct RememberedNonce {
    crypto::SignPublicKey key{};
    protocol::Nonce nonce{};
    std::int64_t expires_ms = 0;
  };
  // handle() for such a request that passed steps 1-12: the pair is kept on disk whatever the
  // outcome — in the operation's own transaction when it succeeds (one commit), on its own after a
  // failure. The default keeps it first, then handles.
  [[nodiscard]] virtual protocol::Result<ServiceOutput> handle_keeping(protocol::MessageType type,
                                                                       const crypto::SignPublicKey &sender,
                                                                       const QJsonObject &body,
                                                                       const RememberedNonce &keep) {
    if (auto r = remember_nonce(keep.key, keep.nonce, keep.expires_ms); !r) return r.error();
    return handle(type, sender, body);
  }
  // The pairs kept before this process started that have not expired: loaded into the replay guard
  // when the transport starts.
  [[nodiscard]] virtual std::vector<RememberedNonce> remembered_nonces() { return {}; }
};

class MeetingService final : public RequestHandler {
public:
  // Opens the meeting directory made by `councilvote-server init` (meeting_dir.hpp): the database,
  // the server's signing key, the secretary keys. `clock` is the server's clock (tests move it).
  [[nodiscard]] static protocol::Result<std::unique_ptr<MeetingService>>
  open(const MeetingDir &dir, protocol::Clock clock = protocol::system_clock());
  ~MeetingService() override;
  MeetingService(const MeetingService &) = delete;
  MeetingService &operator=(const MeetingService &) = delete;

  [[nodiscard]] const protocol::MeetingId &meeting_id() const noexcept override;
  [[nodiscard]] const crypto::SignPublicKey &server_key() const noexcept;
  [[nodiscard]] protocol::RoleSet roles_of(const crypto::SignPublicKey &key) const override;
  [[nodiscard]] protocol::Result<ServiceOutput>
  handle(protocol::MessageType type, const crypto::SignPublicKey &sender, const QJsonObject &body) override;
  [[nodiscard]] std::vector<protocol::Push> due_pushes() override;
  [[nodiscard]] protocol::Result<void> remember_nonce(const crypto::SignPublicKey &key,
                                                      const protocol::Nonce &nonce,
                                                      std::int64_t expires_ms) override;
  [[nodiscard]] protocol::Result<ServiceOutput> handle_keeping(protocol::MessageType type,
                                                               const crypto::SignPublicKey &sender,
                                                               const QJsonObject &body,
                                                               const RememberedNonce &keep) override;
  [[nodiscard]] std::vector<RememberedNonce> remembered_nonces() override;

private:
  struct Impl;
  explicit MeetingService(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace cv::server
