#include "councilvote/protocol/envelope.hpp"

namespace cv::protocol {

Bytes request_signed_message(const Request &r) {
  crypto::ByteWriter w;
  w.str(message_type_name(r.type));
  w.str(r.meeting.str());
  w.fixed(r.key);
  w.fixed(r.nonce);
  w.u64(r.time_ms);
  w.var(crypto::as_bytes(r.body));
  return w.take();
}

void sign_request(Request &r, const crypto::SigningKey &signer) {
  r.key = signer.public_key;
  r.sig = crypto::sign(signer, kRequestTag, request_signed_message(r));
}

Result<void> verify_request_signature(const Request &r) {
  if (!crypto::verify_signature(r.key, kRequestTag, request_signed_message(r), r.sig))
    return make_error(ErrorCode::bad_signature, "the request signature does not verify under \"key\"");
  return {};
}

Request make_request(const RequestId &id, MessageType type, const MeetingId &meeting, const QJsonObject &body,
                     const crypto::SigningKey &signer, std::uint64_t time_ms, crypto::Rng &rng) {
  Request r;
  r.id = id;
  r.type = type;
  r.meeting = meeting;
  rng.fill(r.nonce);
  r.time_ms = time_ms;
  r.body = to_json(body);
  sign_request(r, signer);
  return r;
}

std::string encode_request(const Request &r) {
  QJsonObject o;
  o.insert("v", kProtocolVersion);
  o.insert("id", json_string(r.id.str()));
  o.insert("type", json_string(message_type_name(r.type)));
  o.insert("meeting", json_string(r.meeting.str()));
  o.insert("key", json_hex(r.key));
  o.insert("nonce", json_hex(r.nonce));
  o.insert("time", json_uint(r.time_ms));
  o.insert("body", json_string(r.body));
  o.insert("sig", json_hex(r.sig));
  return to_json(o);
}

namespace {

// "v" first, so that a message of another version gets E_UNSUPPORTED_VERSION rather than a
// complaint about a field it does not have.
void read_version(ObjectReader &r) {
  if (!r.has("v")) {
    r.fail(field_error(ErrorCode::missing_field, "v", "missing field v"));
    return;
  }
  auto v = r.integer("v", 0, kMaxJsonInteger);
  if (r.ok() && v != static_cast<std::uint64_t>(kProtocolVersion))
    r.fail(field_error(ErrorCode::unsupported_version, "v",
                       "protocol version " + std::to_string(v) + " is not supported (this build speaks 1)"));
}

Result<Request> decode_request_impl(std::string_view frame, const JsonLimits &limits,
                                    std::optional<RequestId> *id_out) {
  auto parsed = parse_json_object(frame, limits);
  if (!parsed) return parsed.error();
  ObjectReader r(*parsed, "");
  Request q;
  read_version(r);
  q.id = r.id<RequestIdTag>("id");
  if (r.ok() && id_out) *id_out = q.id;
  auto type = r.text("type", 1, 64);
  if (r.ok()) {
    if (auto t = message_type_from_name(type))
      q.type = *t;
    else
      r.fail(field_error(ErrorCode::unknown_type, "type", "unknown message type \"" + type + "\""));
  }
  q.meeting = r.id<MeetingIdTag>("meeting");
  q.key = r.hex_fixed<crypto::kSignPublicKeyBytes>("key");
  q.nonce = r.hex_fixed<kNonceBytes>("nonce");
  q.time_ms = r.integer("time", 0, kMaxJsonInteger);
  q.body = r.raw_string("body", limits.max_bytes);
  q.sig = r.hex_fixed<crypto::kSignatureBytes>("sig");
  if (auto f = r.finish(); !f) return f.error();
  return q;
}

} // namespace

Result<Request> decode_request(std::string_view frame, const JsonLimits &limits,
                               std::optional<RequestId> *id_out) {
  try {
    return decode_request_impl(frame, limits, id_out);
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while decoding a request");
  }
}

Result<QJsonObject> parse_body(const Request &r, const JsonLimits &limits) {
  auto b = parse_json_object(r.body, limits);
  if (!b) {
    auto e = b.error();
    e.field = "body";
    e.message = "body: " + e.message;
    return e;
  }
  return b;
}

Result<RequestVerifier::Accepted> RequestVerifier::accept(std::string_view frame,
                                                          std::optional<RequestId> *id_out) {
  try {
    auto req = decode_request(frame, limits_, id_out);
    if (!req) return req.error();
    if (req->meeting != meeting_)
      return field_error(ErrorCode::wrong_meeting, "meeting",
                         "this server runs meeting \"" + meeting_.str() + "\", not \"" + req->meeting.str() +
                             "\"");
    if (auto s = verify_request_signature(*req); !s) return s.error();
    if (auto g = guard_.check_and_remember(req->key, req->nonce, req->time_ms); !g) return g.error();
    auto body = parse_body(*req, limits_);
    if (!body) return body.error();
    return Accepted{std::move(*req), std::move(*body)};
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while accepting a request");
  }
}

// ---------------------------------------------------------------------------------------------

namespace {

constexpr std::size_t kMaxErrorText = 4096;
constexpr std::size_t kMaxErrorPath = 512;
constexpr std::uint64_t kMaxRetryAfterMs = 3'600'000; // an hour

// Error texts can quote what the peer sent (a member name with a newline, say): make them text in
// the sense of docs/wire.md §3.2 and cut them, at a UTF-8 boundary, to what the reader accepts.
std::string as_text(std::string s, std::size_t max_bytes) {
  for (auto &c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  if (s.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
  }
  return s;
}

} // namespace

QJsonObject error_to_json(const Error &e) {
  QJsonObject o;
  o.insert("code", json_string(error_code_name(e.code)));
  o.insert("message", json_string(as_text(e.message, kMaxErrorText)));
  if (auto f = as_text(e.field, kMaxErrorPath); !f.empty()) o.insert("field", json_string(f));
  if (auto c = as_text(e.check, kMaxErrorPath); !c.empty()) o.insert("check", json_string(c));
  if (e.retry_after_ms)
    o.insert("retry_after_ms", json_uint(std::min<std::uint64_t>(*e.retry_after_ms, kMaxRetryAfterMs)));
  return o;
}

namespace {

Error read_error(ObjectReader &r) {
  Error e;
  auto code = r.text("code", 1, 64);
  if (r.ok()) {
    if (auto c = error_code_from_name(code))
      e.code = *c;
    else
      r.fail(field_error(ErrorCode::bad_field, r.path_of("code"), "unknown error code \"" + code + "\""));
  }
  e.message = r.text("message", 0, kMaxErrorText);
  if (r.has("field")) e.field = r.text("field", 1, kMaxErrorPath);
  if (r.has("check")) e.check = r.text("check", 1, kMaxErrorPath);
  if (r.has("retry_after_ms")) e.retry_after_ms = r.integer("retry_after_ms", 0, kMaxRetryAfterMs);
  return e;
}

} // namespace

Result<ErrorBody> error_from_json(const QJsonObject &o) {
  try {
    ObjectReader r(o, "error");
    auto e = read_error(r);
    if (auto f = r.finish(); !f) return f.error();
    return ErrorBody{std::move(e)};
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while reading an error");
  }
}

std::string encode_response(const Response &resp) {
  QJsonObject o;
  o.insert("v", kProtocolVersion);
  o.insert("id", resp.id ? json_string(resp.id->str()) : QJsonValue(QJsonValue::Null));
  o.insert("ok", resp.ok);
  if (resp.ok)
    o.insert("body", resp.body);
  else
    o.insert("error", error_to_json(resp.error));
  return to_json(o);
}

std::string encode_ok(const RequestId &id, const QJsonObject &body) {
  return encode_response({id, true, body, {}});
}

std::string encode_error(const std::optional<RequestId> &id, const Error &e) {
  return encode_response({id, false, {}, e});
}

std::string encode_push(const Push &p) {
  QJsonObject o;
  o.insert("v", kProtocolVersion);
  o.insert("push", json_string(push_type_name(p.type)));
  o.insert("body", p.body);
  return to_json(o);
}

namespace {

Result<ServerMessage> decode_server_message_impl(std::string_view frame, const JsonLimits &limits) {
  auto parsed = parse_json_object(frame, limits);
  if (!parsed) return parsed.error();
  ObjectReader r(*parsed, "");
  read_version(r);
  if (r.ok() && r.has("push")) {
    Push p;
    auto name = r.text("push", 1, 64);
    if (r.ok()) {
      if (auto t = push_type_from_name(name))
        p.type = *t;
      else
        r.fail(field_error(ErrorCode::unknown_type, "push", "unknown push type \"" + name + "\""));
    }
    p.body = r.object("body");
    if (auto f = r.finish(); !f) return f.error();
    return ServerMessage{std::move(p)};
  }
  Response resp;
  if (r.ok() && !r.null_member("id")) resp.id = r.id<RequestIdTag>("id");
  resp.ok = r.boolean("ok");
  if (r.ok()) {
    if (resp.ok) {
      resp.body = r.object("body");
    } else {
      resp.error = r.nested("error", [](ObjectReader &er) { return read_error(er); });
    }
  }
  if (auto f = r.finish(); !f) return f.error();
  return ServerMessage{std::move(resp)};
}

} // namespace

Result<ServerMessage> decode_server_message(std::string_view frame, const JsonLimits &limits) {
  try {
    return decode_server_message_impl(frame, limits);
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while decoding a server message");
  }
}

} // namespace cv::protocol
