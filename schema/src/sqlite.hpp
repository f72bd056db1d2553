// The thin layer over the sqlite3 C API: prepared statements that finalize themselves, binding of
// every value, errors mapped to schema::Errc, transactions, and the audit row of a write.
#pragma once

#include "councilvote/schema/error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace cv::schema::detail {

[[nodiscard]] Error sqlite_error(sqlite3 *db, int rc);
[[nodiscard]] Error error(Errc code, std::string message);
[[nodiscard]] Result<void> exec(sqlite3 *db, const std::string &sql); // no values: SQL text only

class Statement {
public:
  [[nodiscard]] static Result<Statement> prepare(sqlite3 *db, std::string_view sql);

  // Binds ?1, ?2, ... in order. std::nullopt and empty optionals bind NULL.
  template <class... A> Statement &bind(const A &...values) {
    int i = 0;
    (bind_one(++i, values), ...);
    return *this;
  }
  [[nodiscard]] Result<bool> step(); // true: a row is ready
  [[nodiscard]] Result<void> run();  // a statement that returns no row

  [[nodiscard]] bool is_null(int col) const;
  [[nodiscard]] std::int64_t integer(int col) const;
  [[nodiscard]] std::uint32_t u32(int col) const; // for columns whose CHECK keeps them in range
  [[nodiscard]] std::string text(int col) const;
  [[nodiscard]] crypto::Bytes blob(int col) const;
  [[nodiscard]] crypto::ByteArray<32> bytes32(int col) const; // for columns CHECKed to 32 bytes
  [[nodiscard]] std::optional<std::string> optional_text(int col) const;

private:
  struct Finalizer {
    void operator()(sqlite3_stmt *s) const noexcept { sqlite3_finalize(s); }
  };
  Statement(sqlite3 *db, sqlite3_stmt *st) noexcept : db_(db), st_(st) {}
  void bind_one(int i, std::int64_t v);
  void bind_one(int i, std::string_view v);
  void bind_one(int i, crypto::ByteView v);
  void bind_one(int i, std::nullopt_t);
  template <class T> void bind_one(int i, const std::optional<T> &v) {
    if (v)
      bind_one(i, *v);
    else
      bind_one(i, std::nullopt);
  }
  void check_bind(int rc) noexcept {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  sqlite3 *db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> st_;
  int bind_rc_ = SQLITE_OK;
};

// Prepares, binds and runs a statement that returns no row.
template <class... A> Result<void> run(sqlite3 *db, std::string_view sql, const A &...values) {
  auto st = Statement::prepare(db, sql);
  if (!st) return st.error();
  return st->bind(values...).run();
}

// Prepares and binds a query; read rows with step().
template <class... A> Result<Statement> query(sqlite3 *db, std::string_view sql, const A &...values) {
  auto st = Statement::prepare(db, sql);
  if (st) st->bind(values...);
  return st;
}

// A query of one value (std::int64_t or std::string); not_found with `missing` when there is no row.
template <class T, class... A>
Result<T> query_one(sqlite3 *db, std::string_view missing, std::string_view sql, const A &...values) {
  auto st = query(db, sql, values...);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return error(Errc::not_found, std::string(missing));
  if constexpr (std::is_same_v<T, std::string>)
    return st->text(0);
  else
    return st->integer(0);
}

// Runs a query and turns every row into a T with row(const Statement &) -> Result<T>.
template <class T, class F> Result<std::vector<T>> collect(Result<Statement> st, F &&row) {
  if (!st) return st.error();
  std::vector<T> out;
  for (;;) {
    auto more = st->step();
    if (!more) return more.error();
    if (!*more) return out;
    Result<T> item = row(*st);
    if (!item) return item.error();
    out.push_back(std::move(*item));
  }
}

[[nodiscard]] Result<std::int64_t> pragma_integer(sqlite3 *db, const std::string &name);
// Whether the last INSERT/UPDATE/DELETE changed a row.
[[nodiscard]] inline bool changed(sqlite3 *db) noexcept { return sqlite3_changes64(db) > 0; }

// The context of a write: the connection, who acts, what it does, and the one time stamp of the
// transaction (UTC, milliseconds) used by every row it writes.
struct Tx {
  sqlite3 *db;
  std::string_view actor;
  std::string_view action;
  std::string now;
  [[nodiscard]] Result<void> audit(const std::string &detail) const;
};

[[nodiscard]] Result<std::string> current_time(sqlite3 *db);
[[nodiscard]] Error in_context(Error e, std::string_view what);
void rollback(sqlite3 *db) noexcept;
void rollback_savepoint(sqlite3 *db) noexcept; // ROLLBACK TO cv_nested, then RELEASE it

// Runs f inside BEGIN `mode` ... COMMIT, rolling back when f or COMMIT fails; errors are prefixed
// with `what`. Inside a transaction the caller began (Store::begin_transaction), f runs in a
// savepoint instead: a failure undoes f's writes only, and the caller's COMMIT makes them durable.
template <class F>
auto transaction(sqlite3 *db, const char *mode, std::string_view what, F &&f) -> decltype(f()) {
  const bool nested = !sqlite3_get_autocommit(db);
  if (auto r = exec(db, nested ? std::string("SAVEPOINT cv_nested") : std::string("BEGIN ") + mode); !r)
    return in_context(std::move(r.error()), what);
  auto undo = [&] {
    if (nested)
      rollback_savepoint(db);
    else
      rollback(db);
  };
  auto result = f();
  if (!result) {
    undo();
    return in_context(std::move(result.error()), what);
  }
  if (auto r = exec(db, nested ? "RELEASE cv_nested" : "COMMIT"); !r) {
    undo();
    return in_context(std::move(r.error()), what);
  }
  return result;
}

// A write: f(const Tx &) in one IMMEDIATE transaction (the write lock taken up front).
template <class F> auto write(sqlite3 *db, std::string_view actor, std::string_view action, F &&f) {
  return transaction(db, "IMMEDIATE", action, [&]() -> decltype(f(std::declval<const Tx &>())) {
    auto t = current_time(db);
    if (!t) return t.error();
    return f(Tx{db, actor, action, std::move(*t)});
  });
}

// A read of one consistent snapshot.
template <class F> auto read(sqlite3 *db, std::string_view what, F &&f) {
  return transaction(db, "DEFERRED", what, std::forward<F>(f));
}

} // namespace cv::schema::detail
