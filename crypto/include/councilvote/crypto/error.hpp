// The crypto layer's error type; Result<T> (result.hpp) holds a T or one of these.
#pragma once

#include "councilvote/crypto/result.hpp"

#include <string>
#include <utility>

namespace cv::crypto {

enum class Errc {
  invalid_encoding,    // bytes that do not decode (length, hex, non-canonical scalar, bad point)
  identity_point,      // a point that must not be the identity is the identity
  verification_failed, // a proof, signature or share does not verify
  not_eligible,        // a key that is not on the roster
  wrong_context,       // data bound to another meeting / poll / key
  invalid_argument,    // caller error: out-of-range value, sizes that do not match
  decryption_failed,   // wrong passphrase, corrupted key file, or value outside the table
  insufficient_shares, // fewer than t partial decryptions
  self_test_failed,    // a known-answer self-test failed at start-up
  system_error,        // out of memory, libsodium failure, file I/O
};

inline constexpr int kErrcCount = static_cast<int>(Errc::system_error) + 1;

[[nodiscard]] const char *errc_name(Errc c) noexcept;

struct Error {
  Errc code;
  std::string message; // specific, human readable: which check or field failed
  // The name of the failed verification check ("contest[3].sum_proof", docs/protocol.md §10), as
  // data: the wire error's `check` is taken from here, never cut out of the message. Empty when
  // the error is not a failed check.
  std::string check{};
};

inline Error make_error(Errc c, std::string msg) { return Error{c, std::move(msg), {}}; }
// A failed check: `check` is the error's check, and the message is "check: detail".
inline Error check_failed(Errc c, std::string check, const std::string &detail) {
  std::string message = check + ": " + detail;
  return Error{c, std::move(message), std::move(check)};
}

} // namespace cv::crypto
