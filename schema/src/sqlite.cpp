#include "sqlite.hpp"

#include <algorithm>

namespace cv::schema::detail {

namespace {

Errc errc_of(int rc) noexcept {
  switch (rc) {
  case SQLITE_CONSTRAINT_UNIQUE:
  case SQLITE_CONSTRAINT_PRIMARYKEY:
    return Errc::conflict;
  case SQLITE_CONSTRAINT_FOREIGNKEY:
    return Errc::not_found;
  case SQLITE_CONSTRAINT_TRIGGER:
    return Errc::append_only;
  default:
    break;
  }
  switch (rc & 0xff) {
  case SQLITE_CONSTRAINT: // CHECK, NOT NULL, STRICT datatype
  case SQLITE_TOOBIG:
  case SQLITE_RANGE:
  case SQLITE_MISMATCH:
    return Errc::invalid_argument;
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return Errc::busy;
  default:
    return Errc::io;
  }
}

} // namespace

Error error(Errc code, std::string message) { return Error{code, std::move(message), std::nullopt}; }

Error sqlite_error(sqlite3 *db, int rc) {
  const bool current = db != nullptr && sqlite3_extended_errcode(db) == rc;
  return error(errc_of(rc), current ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

Error in_context(Error e, std::string_view what) {
  e.message = std::string(what) + ": " + e.message;
  return e;
}

Result<void> exec(sqlite3 *db, const std::string &sql) {
  if (int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); rc != SQLITE_OK)
    return sqlite_error(db, rc);
  return {};
}

void rollback(sqlite3 *db) noexcept {
  if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void rollback_savepoint(sqlite3 *db) noexcept {
  sqlite3_exec(db, "ROLLBACK TO cv_nested", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "RELEASE cv_nested", nullptr, nullptr, nullptr);
}

Result<Statement> Statement::prepare(sqlite3 *db, std::string_view sql) {
  sqlite3_stmt *st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st, nullptr);
  Statement s(db, st); // finalizes even a partly prepared statement
  if (rc != SQLITE_OK) return sqlite_error(db, rc);
  return s;
}

void Statement::bind_one(int i, std::int64_t v) { check_bind(sqlite3_bind_int64(st_.get(), i, v)); }

void Statement::bind_one(int i, std::string_view v) {
  // A null data pointer would bind NULL instead of the empty string.
  const char *data = v.empty() ? "" : v.data();
  check_bind(sqlite3_bind_text64(st_.get(), i, data, v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::bind_one(int i, crypto::ByteView v) {
  static constexpr std::uint8_t kEmpty = 0; // likewise for the empty blob
  const void *data = v.empty() ? &kEmpty : v.data();
  check_bind(sqlite3_bind_blob64(st_.get(), i, data, v.size(), SQLITE_TRANSIENT));
}

void Statement::bind_one(int i, std::nullopt_t) { check_bind(sqlite3_bind_null(st_.get(), i)); }

Result<bool> Statement::step() {
  if (bind_rc_ != SQLITE_OK) return sqlite_error(db_, bind_rc_);
  int rc = sqlite3_step(st_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc);
}

Result<void> Statement::run() {
  auto row = step();
  if (!row) return row.error();
  if (*row) return error(Errc::io, "statement returned a row where none was expected");
  return {};
}

bool Statement::is_null(int col) const { return sqlite3_column_type(st_.get(), col) == SQLITE_NULL; }

std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(st_.get(), col); }

std::uint32_t Statement::u32(int col) const { return static_cast<std::uint32_t>(integer(col)); }

std::string Statement::text(int col) const {
  const auto *p = sqlite3_column_text(st_.get(), col);
  auto n = static_cast<std::size_t>(sqlite3_column_bytes(st_.get(), col));
  return p ? std::string(reinterpret_cast<const char *>(p), n) : std::string();
}

std::optional<std::string> Statement::optional_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

crypto::Bytes Statement::blob(int col) const {
  const auto *p = static_cast<const std::uint8_t *>(sqlite3_column_blob(st_.get(), col));
  auto n = static_cast<std::size_t>(sqlite3_column_bytes(st_.get(), col));
  return p ? crypto::Bytes(p, p + n) : crypto::Bytes();
}

crypto::ByteArray<32> Statement::bytes32(int col) const {
  crypto::ByteArray<32> out{};
  auto b = blob(col);
  std::copy_n(b.begin(), std::min(b.size(), out.size()), out.begin());
  return out;
}

Result<std::int64_t> pragma_integer(sqlite3 *db, const std::string &name) {
  return query_one<std::int64_t>(db, "PRAGMA " + name + " returned nothing", "PRAGMA " + name);
}

Result<std::string> current_time(sqlite3 *db) {
  auto st = query(db, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return st->text(0);
}

Result<void> Tx::audit(const std::string &detail) const {
  return run(db, "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)", now, actor,
             action, detail);
}

} // namespace cv::schema::detail
