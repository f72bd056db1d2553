#include "support.hpp"

#include <fstream>

using namespace cv::schema;
using namespace cv::schema::test;

namespace {

// The schema of `path` in snapshot form; written next to the test binary when it differs from the
// committed snapshot, so a deliberate change can be reviewed and copied to schema/snapshots/.
void check_against_snapshot(const std::filesystem::path &path, int version) {
  const auto actual = snapshot_text(version, RawDb(path).schema_dump());
  const auto expected = read_file(snapshot_path(version));
  if (actual != expected) {
    const auto out = std::filesystem::current_path() / ("actual-v" + std::to_string(version) + ".sql");
    std::ofstream(out, std::ios::binary) << actual;
    FAIL("schema differs from " << snapshot_path(version) << "; the actual schema is in " << out);
  }
}

// A database of `version` created from its snapshot (version 0: an empty file).
void create_at_version(const std::filesystem::path &path, int version) {
  RawDb raw(path);
  if (version > 0) REQUIRE(raw.exec(read_file(snapshot_path(version))) == SQLITE_OK);
  REQUIRE(raw.exec("PRAGMA user_version = " + std::to_string(version)) == SQLITE_OK);
}

} // namespace

TEST_CASE("migrations are numbered 1..n, one per file", "[migrations]") {
  REQUIRE_FALSE(migrations().empty());
  for (std::size_t i = 0; i < migrations().size(); ++i) {
    CHECK(migrations()[i].version == static_cast<int>(i) + 1);
    CHECK(migrations()[i].file.starts_with(std::string(4 - std::to_string(i + 1).size(), '0') +
                                           std::to_string(i + 1)));
    CHECK_FALSE(migrations()[i].sql.empty());
  }
  CHECK(latest_version() == migrations().back().version);
}

TEST_CASE("a new database gets the latest version, WAL, synchronous=FULL, foreign keys, busy timeout",
          "[migrations]") {
  TempDir dir;
  auto store = value_of(Store::open(dir.file("new.db")));
  auto s = value_of(store.settings());
  CHECK(s.schema_version == latest_version());
  CHECK(s.journal_mode == "wal");
  CHECK(s.synchronous == 2);
  CHECK(s.foreign_keys);
  CHECK(s.busy_timeout_ms == kBusyTimeoutMs);
  check_against_snapshot(dir.file("new.db"), latest_version());
}

TEST_CASE("applying migrations 1..v gives exactly snapshot v, for every v", "[migrations]") {
  TempDir dir;
  for (const auto &m : migrations()) {
    INFO(m.file);
    const auto path = dir.file("v" + std::to_string(m.version) + ".db");
    RawDb raw(path);
    for (const auto &earlier : migrations().first(static_cast<std::size_t>(m.version)))
      REQUIRE(raw.exec(std::string(earlier.sql)) == SQLITE_OK);
    check_against_snapshot(path, m.version);
  }
}

TEST_CASE("upgrading from every older version gives exactly the latest schema", "[migrations]") {
  TempDir dir;
  for (int version = 0; version < latest_version(); ++version) {
    INFO("from version " << version);
    const auto path = dir.file("from-v" + std::to_string(version) + ".db");
    create_at_version(path, version);
    auto store = value_of(Store::open(path));
    CHECK(value_of(store.settings()).schema_version == latest_version());
    check_against_snapshot(path, latest_version());
  }
}

TEST_CASE("a database newer than the code is refused and left unchanged", "[migrations]") {
  TempDir dir;
  const auto path = dir.file("newer.db");
  value_of(Store::open(path)); // created, closed
  {
    RawDb raw(path);
    REQUIRE(raw.exec("PRAGMA user_version = " + std::to_string(latest_version() + 1)) == SQLITE_OK);
  }
  const auto before = read_file(path);
  auto opened = Store::open(path);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().code == Errc::schema_too_new);
  CHECK_THAT(opened.error().message,
             Catch::Contains("schema version " + std::to_string(latest_version() + 1)));
  CHECK(read_file(path) == before);
  CHECK_FALSE(std::filesystem::exists(dir.file("newer.db-wal")));
}

TEST_CASE("a file that is not a database is refused with io and left unchanged", "[migrations]") {
  TempDir dir;
  const auto path = dir.file("notes.txt");
  std::ofstream(path) << "not a database, but long enough to have a header...........................\n";
  const auto before = read_file(path);
  CHECK_ERRC(Store::open(path), Errc::io);
  CHECK(read_file(path) == before);
}

TEST_CASE("data survives closing and reopening", "[migrations]") {
  TempDir dir;
  const auto path = dir.file("meeting.db");
  std::string content;
  {
    auto store = value_of(Store::open(path));
    setup_council(store);
    setup_ceremony(store);
    setup_poll(store, "P1", 3, PollState::open);
    value_of(store.append_ballot(
        "member:4", {"P1", member_key(4), bytes32("tc"), cv::crypto::as_bytes("wire"), Channel::in_room}));
    content = RawDb(path).content();
  }
  auto store = value_of(Store::open(path));
  CHECK(RawDb(path).content() == content);
  CHECK(value_of(store.members()).size() == 22);
  CHECK(value_of(store.poll("P1")).state == PollState::open);
  CHECK(value_of(store.turnout("P1")).voters == std::vector<std::int64_t>{4});
  CHECK(value_of(store.verify_board()).ok());
}
