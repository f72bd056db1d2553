// One error type for the crypto layer, and a small std::expected-style Result.
#pragma once

#include <string>
#include <utility>
#include <variant>

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

[[nodiscard]] const char *errc_name(Errc c) noexcept;

struct Error {
  Errc code;
  std::string message; // specific, human readable: which check or field failed
};

template <class T> class [[nodiscard]] Result {
public:
  Result(T value) : v_(std::move(value)) {}     // NOLINT: implicit like std::expected
  Result(Error error) : v_(std::move(error)) {} // NOLINT
  [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  T &value() & { return std::get<0>(v_); }
  const T &value() const & { return std::get<0>(v_); }
  T &&value() && { return std::get<0>(std::move(v_)); }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }
  const Error &error() const { return std::get<1>(v_); }

private:
  std::variant<T, Error> v_;
};

template <> class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(Error error) : err_(std::move(error)), ok_(false) {} // NOLINT
  [[nodiscard]] bool has_value() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  const Error &error() const { return err_; }

private:
  Error err_{Errc::invalid_argument, {}};
  bool ok_ = true;
};

inline Error make_error(Errc c, std::string msg) { return Error{c, std::move(msg)}; }

} // namespace cv::crypto
