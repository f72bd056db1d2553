// One error type for the storage layer; Result<T> holds a T or one of these.
#pragma once

#include "councilvote/crypto/result.hpp"
#include "councilvote/schema/receipt.hpp"

#include <optional>
#include <string>

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

inline constexpr int kErrcCount = static_cast<int>(Errc::io) + 1;

[[nodiscard]] const char *errc_name(Errc c) noexcept;

struct Error {
  Errc code = Errc::io;
  std::string message;                     // the operation, then what exactly failed
  std::optional<BallotReceipt> existing{}; // duplicate_ballot only: the ballot already stored
};

// A T or a schema::Error (the one Result template, crypto/result.hpp).
template <class T> using Result = crypto::Result<T, Error>;

} // namespace cv::schema
