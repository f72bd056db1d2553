// The enrollment bundle the secretary hands to every participant (docs/wire.md §2): which meeting,
// where the server is, and how to recognise it (the SHA-256 fingerprint of its TLS certificate
// and its Ed25519 key). Clients pin the server by these two values.
//
// The bundle is self-signed by the server key (tag "CV/enrollment") so that no field can be
// changed on its own; a bundle replaced as a whole is caught by comparing its short code
// (bundle_code) with the one the secretary reads out or prints on the agenda.
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/record/payloads.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace cv::protocol {

// The bundle's members, signed bytes, signature and short code are record/'s (record::Bundle,
// record/payloads.hpp); this is that bundle with a checked host and port, and its compact form.
using record::kBundleFormat;
using record::kEnrollmentCodeTag; // its short code
using record::kEnrollmentTag;     // the bundle's signature
inline constexpr std::string_view kCompactBundlePrefix = "CV2:";
inline constexpr std::uint8_t kCompactBundleVersion = 2;

// host:port. host is a DNS name or dotted IPv4 address (letters, digits, '-', '.'; labels of 1..63
// characters, at most 253 in all) or an IPv6 address in brackets; port is 1..65535.
struct ServerAddress {
  std::string host;
  std::uint16_t port = 0;
  [[nodiscard]] static Result<ServerAddress> parse(std::string_view host_port);
  [[nodiscard]] std::string str() const; // "host:port"
  friend bool operator==(const ServerAddress &, const ServerAddress &) = default;
};

struct EnrollmentBundle {
  MeetingId meeting;
  ServerAddress server;
  // The fewest ballots a poll must hold to be tallied or decrypted (crypto::check_enough_ballots):
  // fixed at init, 2..9999. Every trustee client refuses to decrypt below it.
  std::uint32_t min_ballots = crypto::kDefaultMinBallots;
  ByteArray<32> tls_cert_sha256{}; // SHA-256 of the server certificate's DER encoding
  crypto::SignPublicKey server_key{};
  crypto::Signature sig{};
  friend bool operator==(const EnrollmentBundle &, const EnrollmentBundle &) = default;
};

// The same bundle in record/'s terms (what the record file's header holds).
[[nodiscard]] record::Bundle to_record(const EnrollmentBundle &b);
// str(meeting) || str(host) || u32(port) || u32(min_ballots) || fixed(tls_cert_sha256) ||
// fixed(server_key): record::bundle_signed_message.
[[nodiscard]] Bytes bundle_signed_message(const EnrollmentBundle &b);
// Fills server_key and sig from the server's signing key.
[[nodiscard]] EnrollmentBundle make_enrollment_bundle(const MeetingId &meeting, const ServerAddress &server,
                                                      const ByteArray<32> &tls_cert_sha256,
                                                      const crypto::SigningKey &server_signing_key,
                                                      std::uint32_t min_ballots = crypto::kDefaultMinBallots);
[[nodiscard]] Result<void> verify_enrollment_bundle(const EnrollmentBundle &b);
// "XXXX-XXXX-XXXX-XXXX": Crockford base32 of the first 10 bytes of
// H32("CV/enrollment-code", bundle_signed_message) — for people to compare.
[[nodiscard]] std::string bundle_code(const EnrollmentBundle &b);

// {"format":"councilvote-enrollment/2","meeting_id":..,"server":"host:port","min_ballots":..,
//  "tls_cert_sha256":..,"server_key":..,"sig":..}
[[nodiscard]] std::string encode_bundle_json(const EnrollmentBundle &b);
// "CV2:" + RFC 4648 base32 (upper case, no padding) of
//   u8(2) || str(meeting) || str(host) || u32(port) || u32(min_ballots) || fixed(tls) || fixed(key) ||
//   fixed(sig)
// — only characters of the QR code alphanumeric mode.
[[nodiscard]] std::string encode_bundle_compact(const EnrollmentBundle &b);
// Both decoders validate every field and verify the signature (E_BAD_SIGNATURE when any field was
// changed).
[[nodiscard]] Result<EnrollmentBundle> decode_bundle_json(std::string_view json);
[[nodiscard]] Result<EnrollmentBundle> decode_bundle_compact(std::string_view text);
// Either form (leading and trailing white space ignored).
[[nodiscard]] Result<EnrollmentBundle> decode_bundle(std::string_view text);

} // namespace cv::protocol
