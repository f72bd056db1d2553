// The request envelope, responses and pushes (docs/wire.md §4, §5).
//
//   request  {"v":1,"id":..,"type":..,"meeting":..,"key":..,"nonce":..,"time":..,"body":"<JSON
//   text>","sig":..} response {"v":1,"id":..,"ok":true,"body":{..}}  |
//   {"v":1,"id":..,"ok":false,"error":{"code":..,"message":..}} push
//   {"v":1,"push":"poll_opened",...,"body":{..}}
//
// The signature is Ed25519 for tag "CV/request" (docs/protocol.md §4) over
//   str(type) || str(meeting) || fixed(key) || fixed(nonce) || u64(time) || var(body)
// where body is the exact UTF-8 bytes of the body string.
#pragma once

#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/replay.hpp"
#include "councilvote/protocol/types.hpp"

#include <QJsonObject>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace cv::protocol {

inline constexpr std::string_view kRequestTag = "CV/request";

// The configurable limits of docs/wire.md §10, with their defaults.
struct Limits {
  JsonLimits json{};                // max message bytes (4 MiB), max nesting depth (32)
  ReplayConfig replay{};            // clock window (120 s), remembered nonces (10^6)
  RateLimitConfig per_key{};        // 20 requests/s, burst 40, per Ed25519 key
  RateLimitConfig per_connection{}; // 20 requests/s, burst 40, per WebSocket connection
  std::uint32_t max_connections = 256;
  std::uint32_t max_connections_per_key = 4;
  std::uint32_t board_page_max = 1000; // entries per get_board answer
};

struct Request {
  RequestId id;
  MessageType type = MessageType::get_poll;
  MeetingId meeting;
  crypto::SignPublicKey key{};
  Nonce nonce{};
  std::uint64_t time_ms = 0;
  std::string body = "{}"; // the JSON text of the body object, exactly as signed
  crypto::Signature sig{};
};

// str(type) || str(meeting) || fixed(key) || fixed(nonce) || u64(time) || var(body): the message
// signed under tag "CV/request".
[[nodiscard]] Bytes request_signed_message(const Request &r);
// Sets r.key to the signer's public key and r.sig.
void sign_request(Request &r, const crypto::SigningKey &signer);
// E_BAD_SIGNATURE if r.sig is not a valid signature by r.key.
[[nodiscard]] Result<void> verify_request_signature(const Request &r);

// Builds and signs a request: fresh random nonce, body serialised with to_json.
[[nodiscard]] Request make_request(const RequestId &id, MessageType type, const MeetingId &meeting,
                                   const QJsonObject &body, const crypto::SigningKey &signer,
                                   std::uint64_t time_ms, crypto::Rng &rng = crypto::system_rng());

[[nodiscard]] std::string encode_request(const Request &r);
// Decodes and validates the envelope's shape (docs/wire.md §4.4 steps 2-4): size, JSON, every
// field present and well typed, no unknown field, known type. Checks no signature. When the "id"
// field could be read, *id_out receives it even if a later check fails, so that the error response
// can carry it.
[[nodiscard]] Result<Request> decode_request(std::string_view frame, const JsonLimits &limits = {},
                                             std::optional<RequestId> *id_out = nullptr);
// Parses r.body as a JSON object (errors name the field "body").
[[nodiscard]] Result<QJsonObject> parse_body(const Request &r, const JsonLimits &limits = {});

// The server's checks of docs/wire.md §4.4 steps 2-9 in order: size, JSON, envelope, meeting,
// signature, time window and nonce (via the guard), then the body's JSON. The per-connection rate
// limit (step 1), the key binding (10), roles (11, authorize() in types.hpp), the per-key rate
// limit (12) and everything after need the server's state and are the caller's.
class RequestVerifier {
public:
  RequestVerifier(MeetingId meeting, ReplayGuard &guard, JsonLimits limits = {})
      : meeting_(std::move(meeting)), guard_(guard), limits_(limits) {}
  struct Accepted {
    Request request;
    QJsonObject body;
  };
  [[nodiscard]] Result<Accepted> accept(std::string_view frame, std::optional<RequestId> *id_out = nullptr);

private:
  MeetingId meeting_;
  ReplayGuard &guard_;
  JsonLimits limits_;
};

// ---------------------------------------------------------------------------------------------
// Server to client

struct Response {
  std::optional<RequestId> id; // absent only when the request's id could not be read
  bool ok = true;
  QJsonObject body; // when ok
  Error error;      // when !ok
};

struct Push {
  PushType type = PushType::poll_opened;
  QJsonObject body;
};

using ServerMessage = std::variant<Response, Push>;

// The "error" object of a failed response, {code, message, field?, check?}.
struct ErrorBody {
  Error error;
};
[[nodiscard]] QJsonObject error_to_json(const Error &e);
[[nodiscard]] Result<ErrorBody> error_from_json(const QJsonObject &o);

[[nodiscard]] std::string encode_response(const Response &r);
[[nodiscard]] std::string encode_ok(const RequestId &id, const QJsonObject &body);
[[nodiscard]] std::string encode_error(const std::optional<RequestId> &id, const Error &e);
[[nodiscard]] std::string encode_push(const Push &p);
// For clients: a response or a push, fully validated (unknown error codes are rejected).
[[nodiscard]] Result<ServerMessage> decode_server_message(std::string_view frame,
                                                          const JsonLimits &limits = {});

} // namespace cv::protocol
