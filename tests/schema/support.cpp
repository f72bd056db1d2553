#include "support.hpp"

#include "councilvote/crypto/hash.hpp"
#include "councilvote/protocol/csv.hpp"

#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cv::schema::test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "cv-schema-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

RawDb::RawDb(const std::filesystem::path &path) {
  REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
}

RawDb::~RawDb() { sqlite3_close(db_); }

int RawDb::exec(const std::string &sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }

namespace {

// Calls row(stmt) for every row of `sql`.
template <class F> void each_row(sqlite3 *db, const std::string &sql, F &&row) {
  sqlite3_stmt *st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
  sqlite3_finalize(st);
  REQUIRE(rc == SQLITE_DONE);
}

std::string column_text(sqlite3_stmt *st, int col) {
  const auto *p = sqlite3_column_text(st, col);
  return p ? reinterpret_cast<const char *>(p) : "";
}

std::string column_value(sqlite3_stmt *st, int col) {
  switch (sqlite3_column_type(st, col)) { // before any conversion
  case SQLITE_NULL:
    return "NULL";
  case SQLITE_BLOB: {
    const auto *p = static_cast<const std::uint8_t *>(sqlite3_column_blob(st, col));
    return "x'" + crypto::to_hex({p, static_cast<std::size_t>(sqlite3_column_bytes(st, col))}) + "'";
  }
  default:
    return "'" + column_text(st, col) + "'";
  }
}

} // namespace

std::int64_t RawDb::integer(const std::string &sql) {
  std::int64_t v = -1;
  each_row(db_, sql, [&](sqlite3_stmt *st) { v = sqlite3_column_int64(st, 0); });
  return v;
}

std::string RawDb::content() {
  std::vector<std::string> tables;
  each_row(db_, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
           [&](sqlite3_stmt *st) { tables.push_back(column_text(st, 0)); });
  std::string out;
  for (const auto &t : tables) {
    out += "[" + t + "]\n";
    each_row(db_, "SELECT * FROM \"" + t + "\" ORDER BY rowid", [&](sqlite3_stmt *st) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) out += column_value(st, c) + "|";
      out += '\n';
    });
  }
  return out;
}

std::string RawDb::schema_dump() {
  std::string out;
  each_row(db_,
           "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
           " ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name",
           [&](sqlite3_stmt *st) {
             out +=
                 "-- " + column_text(st, 0) + " " + column_text(st, 1) + " on " + column_text(st, 2) + "\n";
             if (sqlite3_column_type(st, 3) != SQLITE_NULL) out += column_text(st, 3) + ";\n";
           });
  return out;
}

std::filesystem::path snapshot_path(int version) {
  return std::filesystem::path(CV_SCHEMA_SNAPSHOTS_DIR) / ("v" + std::to_string(version) + ".sql");
}

std::string read_file(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string snapshot_text(int version, const std::string &dump) {
  return "-- The schema of a CouncilVote meeting database at version " + std::to_string(version) +
         " (sqlite_master, normalized).\n-- Checked by tests/schema; executable to create a database of this "
         "version.\n\n" +
         dump;
}

crypto::ByteArray<32> bytes32(const std::string &label) {
  return crypto::blake2b_256(crypto::as_bytes(label));
}

crypto::SignPublicKey member_key(std::int64_t member_no) {
  return bytes32("member key " + std::to_string(member_no));
}

namespace {

std::vector<std::map<std::string, std::string>> sample(const std::string &name) {
  auto t = protocol::read_csv_file(std::string(CV_DATA_DIR) + "/" + name);
  if (!t) throw std::runtime_error(t.error().message);
  return t->maps();
}

} // namespace

void setup_council(Store &store) {
  value_of(store.create_meeting("secretary", {"VL-2025-2", "Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Long",
                                              "Kỳ họp cuối năm 2025", "2025-12-15", "Hội trường UBND tỉnh"}));
  std::vector<MemberRow> members;
  for (auto &r : sample("roster.csv"))
    members.push_back(
        {std::stoll(r["member_no"]), r["full_name"], r["council_role"], r["position"], r["unit"]});
  value_of(store.import_members("secretary", members));
  for (const auto &m : members)
    value_of(store.register_member_key("member", m.member_no, member_key(m.member_no)));
  std::vector<RuleProfile> rules;
  for (auto &r : sample("rules.csv")) {
    const auto threshold = cv::record::parse_fraction(r["threshold"], true).value();
    rules.push_back({r["rule_id"], r["label"], threshold.num, threshold.den, r["comparison"],
                     r["denominator"], r["source"]});
  }
  value_of(store.import_rules("secretary", rules));
  std::vector<Nominee> nominees;
  for (auto &r : sample("nominees.csv")) {
    Nominee n{std::stoll(r["nominee_no"]),
              r["kind"],
              r["name"],
              r["position"],
              r["unit"],
              r["award"],
              r["rule_id"],
              std::nullopt};
    if (!r["award_quota"].empty()) n.award_quota = std::stoll(r["award_quota"]);
    nominees.push_back(std::move(n));
  }
  value_of(store.import_nominees("secretary", nominees));
}

std::int64_t setup_ceremony(Store &store, bool complete) {
  std::vector<Trustee> trustees;
  for (std::uint32_t i = 1; i <= 3; ++i) trustees.push_back({i, i, bytes32("box key " + std::to_string(i))});
  auto no = value_of(store.create_ceremony("secretary", 2, trustees));
  if (complete) value_of(store.complete_ceremony("secretary", no, bytes32("joint key")));
  return no;
}

void setup_poll(Store &store, const std::string &poll_id, std::size_t contests, PollState state) {
  std::vector<Contest> list;
  for (const auto &n : value_of(store.nominees())) {
    if (list.size() == contests) break;
    list.push_back(
        {std::to_string(n.nominee_no), crypto::ContestKind::commendation, n.nominee_no, n.name, n.rule_id});
  }
  PollSpec spec{poll_id, "Bỏ phiếu kín " + poll_id, 23, bytes32("manifest " + poll_id),
                bytes32("context " + poll_id)};
  value_of(store.create_poll("secretary", spec, list));
  const std::array path{PollState::open_remote, PollState::open, PollState::closed};
  for (auto s : path) {
    if (static_cast<int>(s) > static_cast<int>(state)) break;
    value_of(store.set_poll_state("secretary", poll_id, s));
  }
}

} // namespace cv::schema::test
