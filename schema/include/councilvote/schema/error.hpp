// One error type for the storage layer, and a small Result in the style of std::expected.
#pragma once

#include "councilvote/schema/receipt.hpp"

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace cv::schema {

enum class Errc {
  invalid_argument, // a value the schema refuses: unknown enum text, wrong key length, empty name
  not_found,        // no such meeting, member, poll, rule, trustee (or a reference to a missing row)
  conflict,         // the row exists already, or a unique value (key, tracking code) is taken
  duplicate_ballot, // the member already has a ballot in this poll; Error::existing is its receipt
  invalid_state,    // not allowed in the current state of the poll or ceremony
  append_only,      // an update or delete of evidence (board, ballots, audit log, ...), refused
  schema_too_new,   // the database was written by a newer CouncilVote; it was left untouched
  busy,             // another connection holds the lock longer than the busy timeout
  io,               // cannot open, not a database, disk full, I/O error, corrupt file
};

[[nodiscard]] const char *errc_name(Errc c) noexcept;

struct Error {
  Errc code = Errc::io;
  std::string message;                     // the operation, then what exactly failed
  std::optional<BallotReceipt> existing{}; // duplicate_ballot only: the ballot already stored
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
  Error &error() & { return std::get<1>(v_); }
  const Error &error() const & { return std::get<1>(v_); }

private:
  std::variant<T, Error> v_;
};

template <> class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(Error error) : err_(std::move(error)) {} // NOLINT
  [[nodiscard]] bool has_value() const noexcept { return !err_; }
  explicit operator bool() const noexcept { return has_value(); }
  Error &error() & { return *err_; }
  const Error &error() const & { return *err_; }

private:
  std::optional<Error> err_;
};

} // namespace cv::schema
