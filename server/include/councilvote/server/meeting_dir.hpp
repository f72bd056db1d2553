// The meeting directory that `councilvote-server init` creates and `serve` runs from:
//
//   meeting.db        the SQLite database (schema/), with the meeting row, the secretary keys and
//                     the rule profiles of data/rules.csv (shipped_rule_profiles())
//   server-sign.key   the server's Ed25519 seed, 64 lowercase hex characters + LF, mode 0600
//   tls-key.pem       the TLS private key (PKCS#8 PEM), mode 0600
//   tls-cert.pem      the self-signed TLS certificate (PEM)
//   bundle.json       the enrollment bundle (docs/wire.md §2), JSON form
//   bundle.txt        the same bundle, compact form (CV2:...), for the QR code
//
// Nothing in it is meant to be edited by hand.
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/error.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/schema/roster.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace cv::server {

struct MeetingDir {
  std::filesystem::path root;
  [[nodiscard]] std::filesystem::path database() const { return root / "meeting.db"; }
  [[nodiscard]] std::filesystem::path signing_key() const { return root / "server-sign.key"; }
  [[nodiscard]] std::filesystem::path tls_key() const { return root / "tls-key.pem"; }
  [[nodiscard]] std::filesystem::path tls_certificate() const { return root / "tls-cert.pem"; }
  [[nodiscard]] std::filesystem::path bundle_json() const { return root / "bundle.json"; }
  [[nodiscard]] std::filesystem::path bundle_compact() const { return root / "bundle.txt"; }
};

struct InitParams {
  schema::Meeting meeting;                           // meeting_id must satisfy protocol::MeetingId
  std::vector<crypto::SignPublicKey> secretary_keys; // at least one
  protocol::ServerAddress address;                   // what the bundle tells clients to dial
};

// What init made, for printing.
struct InitResult {
  protocol::EnrollmentBundle bundle;
  std::string bundle_code;          // XXXX-XXXX-XXXX-XXXX
  crypto::SignPublicKey server_key; // == bundle.server_key
};

// Creates the directory (it must not exist or be empty) and everything in it. On failure nothing
// is left behind.
[[nodiscard]] protocol::Result<InitResult> init_meeting_dir(const MeetingDir &dir, const InitParams &params);

// The bytes of data/rules.csv as they were when the server was built (server/embed_rules.cmake).
[[nodiscard]] std::string_view shipped_rules_csv() noexcept;
// The rule profiles init stores: shipped_rules_csv() read by protocol::rules_from_csv.
[[nodiscard]] protocol::Result<std::vector<protocol::RuleProfile>> shipped_rule_profiles();

// Reads the server's signing key (refuses a file readable by group or others).
[[nodiscard]] protocol::Result<crypto::SigningKey> load_server_signing_key(const MeetingDir &dir);

} // namespace cv::server
