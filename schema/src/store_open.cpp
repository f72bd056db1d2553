// Opening a meeting database: the newer-version guard, the pragmas, and the migrations.
#include "councilvote/schema/migrations.hpp"
#include "councilvote/schema/store.hpp"
#include "sqlite.hpp"

namespace cv::schema {

using detail::error;

void Store::Closer::operator()(sqlite3 *db) const noexcept { sqlite3_close_v2(db); }

namespace {

// Pragmas can bind no parameter; these texts hold only our constants.
Result<void> configure(sqlite3 *db) {
  auto mode = detail::query_one<std::string>(db, "", "PRAGMA journal_mode = WAL");
  if (!mode) return mode.error();
  if (*mode != "wal") return error(Errc::io, "cannot switch to journal_mode=WAL (got " + *mode + ")");
  return detail::exec(db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
}

// Migrations run with foreign keys off (a rebuilt table is dropped and renamed, the procedure of
// SQLite's "ALTER TABLE" page); each must leave no reference broken, checked before it commits.
Result<void> foreign_keys_hold(sqlite3 *db) {
  auto st = detail::query(db, "PRAGMA foreign_key_check");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (*row) return error(Errc::io, "a row of table " + st->text(0) + " references a missing " + st->text(2));
  return {};
}

// Applies migration m unless a concurrent opener did: the version is read again under the lock.
Result<void> apply(sqlite3 *db, const Migration &m) {
  return detail::transaction(db, "IMMEDIATE", "migration " + std::string(m.file), [&]() -> Result<void> {
    auto version = detail::pragma_integer(db, "user_version");
    if (!version) return version.error();
    if (*version >= m.version) return {};
    if (auto r = detail::exec(db, std::string(m.sql)); !r) return r;
    if (auto r = foreign_keys_hold(db); !r) return r;
    return detail::exec(db, "PRAGMA user_version = " + std::to_string(m.version));
  });
}

Result<void> migrate(sqlite3 *db, std::int64_t from_version) {
  if (from_version >= latest_version()) return {};
  // PRAGMA foreign_keys is a no-op inside a transaction: switched around the migrations' own.
  if (auto r = detail::exec(db, "PRAGMA foreign_keys = OFF"); !r) return r;
  Result<void> out;
  for (const auto &m : migrations())
    if (m.version > from_version)
      if (out = apply(db, m); !out) break;
  if (auto r = detail::exec(db, "PRAGMA foreign_keys = ON"); !r && out) return r;
  return out;
}

} // namespace

Result<Store> Store::open(const std::filesystem::path &path) {
  sqlite3 *raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, Closer> db(raw);
  const std::string what = "open " + path.string();
  if (rc != SQLITE_OK) return detail::in_context(detail::sqlite_error(raw, rc), what);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  // Read only, before anything else touches the file.
  auto version = detail::pragma_integer(raw, "user_version");
  if (!version) return detail::in_context(std::move(version.error()), what);
  if (*version > latest_version())
    return error(Errc::schema_too_new, what + ": the database has schema version " +
                                           std::to_string(*version) + ", this program knows up to " +
                                           std::to_string(latest_version()) +
                                           "; open it with a newer CouncilVote");
  if (auto r = configure(raw); !r) return detail::in_context(std::move(r.error()), what);
  if (auto r = migrate(raw, *version); !r) return detail::in_context(std::move(r.error()), what);
  return Store(std::move(db));
}

Result<StoreSettings> Store::settings() const {
  StoreSettings s;
  auto mode = detail::query_one<std::string>(db(), "", "PRAGMA journal_mode");
  if (!mode) return mode.error();
  s.journal_mode = *mode;
  int foreign_keys = 0;
  for (auto [name, out] :
       {std::pair{"user_version", &s.schema_version}, std::pair{"synchronous", &s.synchronous},
        std::pair{"busy_timeout", &s.busy_timeout_ms}, std::pair{"foreign_keys", &foreign_keys}}) {
    auto v = detail::pragma_integer(db(), name);
    if (!v) return v.error();
    *out = static_cast<int>(*v);
  }
  s.foreign_keys = foreign_keys != 0;
  return s;
}

} // namespace cv::schema
