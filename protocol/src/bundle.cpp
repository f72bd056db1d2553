#include "councilvote/protocol/bundle.hpp"

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/hash.hpp"
#include "councilvote/protocol/crypto_error.hpp"

namespace cv::protocol {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

Result<void> check_host(std::string_view host) {
  auto bad = [&](const std::string &why) { return make_error(ErrorCode::bad_field, "server host: " + why); };
  if (host.empty()) return bad("empty");
  if (host.front() == '[') {
    if (host.size() < 4 || host.back() != ']') return bad("an IPv6 address must be in brackets");
    auto inner = host.substr(1, host.size() - 2);
    if (inner.size() > 45) return bad("IPv6 address too long");
    bool colon = false;
    for (char c : inner) {
      if (c == ':')
        colon = true;
      else if (!is_hex(c) && c != '.')
        return bad("invalid character in an IPv6 address");
    }
    if (!colon) return bad("not an IPv6 address");
    return {};
  }
  if (host.size() > 253) return bad("longer than 253 characters");
  std::size_t start = 0;
  while (start <= host.size()) {
    auto end = host.find('.', start);
    if (end == std::string_view::npos) end = host.size();
    auto label = host.substr(start, end - start);
    if (label.empty() || label.size() > 63) return bad("empty or over-long label");
    if (label.front() == '-' || label.back() == '-') return bad("a label starts or ends with '-'");
    for (char c : label)
      if (!is_alnum(c) && c != '-') return bad("invalid character (allowed: letters, digits, '-', '.')");
    start = end + 1;
  }
  return {};
}

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string base32(ByteView b) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (auto byte : b) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32[(acc >> bits) & 31u]);
    }
    acc &= (1u << bits) - 1u;
  }
  if (bits > 0) out.push_back(kBase32[(acc << (5 - bits)) & 31u]);
  return out;
}

Result<Bytes> unbase32(std::string_view s) {
  Bytes out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    std::uint32_t v;
    if (c >= 'A' && c <= 'Z')
      v = static_cast<std::uint32_t>(c - 'A');
    else if (c >= '2' && c <= '7')
      v = static_cast<std::uint32_t>(c - '2' + 26);
    else
      return make_error(ErrorCode::bad_field,
                        "compact bundle: invalid base32 character at position " + std::to_string(i));
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
    }
    acc &= (1u << bits) - 1u;
  }
  // Canonical: fewer than 8 leftover bits (i.e. < 5 after the last full byte), all zero.
  if (bits >= 5 || acc != 0)
    return make_error(ErrorCode::bad_field, "compact bundle: non-canonical base32 ending");
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

Result<void> check_min_ballots(std::uint64_t n) {
  if (n < crypto::kLowestMinBallots || n > crypto::kMaxMinBallots)
    return field_error(ErrorCode::bad_field, "min_ballots",
                       "min_ballots: " + std::to_string(n) + " is outside " +
                           std::to_string(crypto::kLowestMinBallots) + ".." +
                           std::to_string(crypto::kMaxMinBallots));
  return {};
}

Result<EnrollmentBundle> verified(EnrollmentBundle b) {
  if (auto v = verify_enrollment_bundle(b); !v) return v.error();
  return b;
}

} // namespace

Result<ServerAddress> ServerAddress::parse(std::string_view host_port) {
  auto colon = host_port.rfind(':');
  if (colon == std::string_view::npos) return make_error(ErrorCode::bad_field, "server: expected host:port");
  auto host = host_port.substr(0, colon);
  auto port = host_port.substr(colon + 1);
  if (auto h = check_host(host); !h) return h.error();
  if (port.empty() || port.size() > 5 || port.front() == '0')
    return make_error(ErrorCode::bad_field, "server port: expected 1..65535 without leading zeros");
  std::uint32_t p = 0;
  for (char c : port) {
    if (!is_digit(c)) return make_error(ErrorCode::bad_field, "server port: not a number");
    p = p * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (p == 0 || p > 65535) return make_error(ErrorCode::bad_field, "server port: outside 1..65535");
  return ServerAddress{std::string(host), static_cast<std::uint16_t>(p)};
}

std::string ServerAddress::str() const { return host + ":" + std::to_string(port); }

record::Bundle to_record(const EnrollmentBundle &b) {
  return record::Bundle{b.meeting.str(),   b.server.host, b.server.port, b.min_ballots,
                        b.tls_cert_sha256, b.server_key,  b.sig};
}

Bytes bundle_signed_message(const EnrollmentBundle &b) { return record::bundle_signed_message(to_record(b)); }

EnrollmentBundle make_enrollment_bundle(const MeetingId &meeting, const ServerAddress &server,
                                        const ByteArray<32> &tls_cert_sha256,
                                        const crypto::SigningKey &server_signing_key,
                                        std::uint32_t min_ballots) {
  EnrollmentBundle b{meeting, server, min_ballots, tls_cert_sha256, server_signing_key.public_key, {}};
  auto r = to_record(b);
  record::sign_bundle(r, server_signing_key);
  b.sig = r.sig;
  return b;
}

Result<void> verify_enrollment_bundle(const EnrollmentBundle &b) {
  if (b.meeting.empty()) return make_error(ErrorCode::bad_field, "bundle: empty meeting id");
  if (auto h = check_host(b.server.host); !h) return h.error();
  if (b.server.port == 0) return make_error(ErrorCode::bad_field, "bundle: port 0");
  if (auto m = check_min_ballots(b.min_ballots); !m) return m.error();
  if (!record::verify_bundle(to_record(b)))
    return make_error(ErrorCode::bad_signature,
                      "enrollment bundle: the signature does not verify (the bundle was altered)");
  return {};
}

std::string bundle_code(const EnrollmentBundle &b) { return record::bundle_code(to_record(b)); }

std::string encode_bundle_json(const EnrollmentBundle &b) {
  QJsonObject o;
  o.insert("format", json_string(kBundleFormat));
  o.insert("meeting_id", json_string(b.meeting.str()));
  o.insert("server", json_string(b.server.str()));
  o.insert("min_ballots", json_uint(b.min_ballots));
  o.insert("tls_cert_sha256", json_hex(b.tls_cert_sha256));
  o.insert("server_key", json_hex(b.server_key));
  o.insert("sig", json_hex(b.sig));
  return to_json(o);
}

std::string encode_bundle_compact(const EnrollmentBundle &b) {
  crypto::ByteWriter w;
  w.u8(kCompactBundleVersion);
  w.str(b.meeting.str());
  w.str(b.server.host);
  w.u32(b.server.port);
  w.u32(b.min_ballots);
  w.fixed(b.tls_cert_sha256);
  w.fixed(b.server_key);
  w.fixed(b.sig);
  return std::string(kCompactBundlePrefix) + base32(w.bytes());
}

// Read with record's one reader of the bundle's JSON form, then the host checked as every
// ServerAddress is, and the signature verified.
Result<EnrollmentBundle> decode_bundle_json(std::string_view json) {
  try {
    auto r = record::read_json_text(
        json, "", [](record::Reader &x) { return record::read_bundle(x); }, record::JsonLimits{64 * 1024, 4});
    if (!r) return from_record(r.error());
    EnrollmentBundle b;
    auto meeting = MeetingId::parse(r->meeting);
    if (!meeting) return meeting.error();
    b.meeting = *meeting;
    auto server = ServerAddress::parse(r->host + ":" + std::to_string(r->port));
    if (!server) return field_error(ErrorCode::bad_field, "server", server.error().message);
    b.server = *server;
    b.min_ballots = r->min_ballots;
    b.tls_cert_sha256 = r->tls_cert_sha256;
    b.server_key = r->server_key;
    b.sig = r->sig;
    return verified(std::move(b));
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while decoding a bundle");
  }
}

Result<EnrollmentBundle> decode_bundle_compact(std::string_view text) {
  try {
    if (text.size() > 2048) return make_error(ErrorCode::frame_too_large, "compact bundle: too long");
    if (!text.starts_with(kCompactBundlePrefix))
      return make_error(ErrorCode::unsupported_version,
                        "compact bundle: does not start with \"" + std::string(kCompactBundlePrefix) + "\"");
    auto bytes = unbase32(text.substr(kCompactBundlePrefix.size()));
    if (!bytes) return bytes.error();
    crypto::ByteReader r(*bytes);
    auto bad = [](const crypto::Error &e) {
      return make_error(ErrorCode::bad_field, "compact bundle: " + e.message);
    };
    auto version = r.u8("version");
    if (!version) return bad(version.error());
    if (*version != kCompactBundleVersion)
      return make_error(ErrorCode::unsupported_version, "compact bundle: version " +
                                                            std::to_string(*version) + " (this build reads " +
                                                            std::to_string(kCompactBundleVersion) + ")");
    auto meeting = r.str("meeting", MeetingId::max_length);
    if (!meeting) return bad(meeting.error());
    auto host = r.str("host", 300);
    if (!host) return bad(host.error());
    auto port = r.u32("port");
    if (!port) return bad(port.error());
    auto min_ballots = r.u32("min_ballots");
    if (!min_ballots) return bad(min_ballots.error());
    if (auto m = check_min_ballots(*min_ballots); !m)
      return make_error(ErrorCode::bad_field, "compact bundle: " + m.error().message);
    auto tls = r.array<32>("tls_cert_sha256");
    if (!tls) return bad(tls.error());
    auto key = r.array<crypto::kSignPublicKeyBytes>("server_key");
    if (!key) return bad(key.error());
    auto sig = r.array<crypto::kSignatureBytes>("sig");
    if (!sig) return bad(sig.error());
    if (auto end = r.expect_end("compact bundle"); !end) return bad(end.error());
    auto m = MeetingId::parse(*meeting);
    if (!m) return make_error(ErrorCode::bad_field, "compact bundle: " + m.error().message);
    if (*port == 0 || *port > 65535)
      return make_error(ErrorCode::bad_field, "compact bundle: port outside 1..65535");
    auto addr = ServerAddress::parse(*host + ":" + std::to_string(*port));
    if (!addr) return make_error(ErrorCode::bad_field, "compact bundle: " + addr.error().message);
    return verified(EnrollmentBundle{*m, *addr, *min_ballots, *tls, *key, *sig});
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while decoding a bundle");
  }
}

Result<EnrollmentBundle> decode_bundle(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '{') return decode_bundle_json(text);
  return decode_bundle_compact(text);
}

} // namespace cv::protocol
