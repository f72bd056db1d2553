// Helpers for the schema tests: temporary directories, a raw SQLite connection to inspect or
// tamper with a file, the schema snapshots, and a council set up from the sample data.
#pragma once

#include "councilvote/schema/migrations.hpp"
#include "councilvote/schema/store.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sqlite3.h>
#include <string>

namespace cv::schema::test {

class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  [[nodiscard]] const std::filesystem::path &path() const noexcept { return path_; }
  [[nodiscard]] std::filesystem::path file(const std::string &name) const { return path_ / name; }

private:
  std::filesystem::path path_;
};

template <class T> T value_of(Result<T> r) {
  if (!r) FAIL(errc_name(r.error().code) << ": " << r.error().message);
  return std::move(*r);
}
inline void value_of(Result<void> r) {
  if (!r) FAIL(errc_name(r.error().code) << ": " << r.error().message);
}
template <class T> Error error_of(Result<T> r) {
  REQUIRE_FALSE(r.has_value());
  return r.error();
}
#define CHECK_ERRC(expr, errc)                                                                               \
  do {                                                                                                       \
    auto error_ = ::cv::schema::test::error_of(expr);                                                        \
    INFO(error_.message);                                                                                    \
    CHECK(errc_name(error_.code) == std::string(errc_name(errc)));                                           \
  } while (false)

// A second, raw connection to the same file.
class RawDb {
public:
  explicit RawDb(const std::filesystem::path &path);
  ~RawDb();
  RawDb(const RawDb &) = delete;
  RawDb &operator=(const RawDb &) = delete;
  [[nodiscard]] sqlite3 *get() const noexcept { return db_; }
  int exec(const std::string &sql); // the (extended) result code
  [[nodiscard]] std::string message() const { return sqlite3_errmsg(db_); }
  [[nodiscard]] std::int64_t integer(const std::string &sql);
  // Every row of every table, as text: equal before and after means nothing was written.
  [[nodiscard]] std::string content();
  // sqlite_master normalized (tables, indexes, triggers, views; by name), executable as SQL.
  [[nodiscard]] std::string schema_dump();

private:
  sqlite3 *db_ = nullptr;
};

// schema/snapshots/vN.sql
[[nodiscard]] std::filesystem::path snapshot_path(int version);
[[nodiscard]] std::string read_file(const std::filesystem::path &path);
[[nodiscard]] std::string snapshot_text(int version, const std::string &dump);

// A 32-byte value derived from a label (member keys, tracking codes, hashes in tests).
[[nodiscard]] crypto::ByteArray<32> bytes32(const std::string &label);
[[nodiscard]] crypto::SignPublicKey member_key(std::int64_t member_no);

// The sample council of data/: meeting, 22 members (keys registered), 4 rules, 60 nominees.
void setup_council(Store &store);
// Trustees 1..3 = members 1..3, threshold 2; completed unless `complete` is false.
std::int64_t setup_ceremony(Store &store, bool complete = true);
// A poll of the first `contests` nominees, left in `state` (through the allowed transitions).
void setup_poll(Store &store, const std::string &poll_id, std::size_t contests, PollState state);

struct Council {
  TempDir dir;
  std::filesystem::path path = dir.file("meeting.db");
  Store store = value_of(Store::open(path));
  Council() { setup_council(store); }
};

} // namespace cv::schema::test
