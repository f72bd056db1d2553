// What the meeting server's setup operations need beyond the imports: caller transactions, the
// secretary's keys, replacing the roster, and upserting rules and nominees (docs/wire.md §8.3).
#include "councilvote/schema/store.hpp"
#include "names.hpp"
#include "sqlite.hpp"

#include <algorithm>

namespace cv::schema {

using namespace detail;

Result<void> Store::begin_transaction() {
  if (in_transaction()) return error(Errc::invalid_state, "a transaction is already open");
  return exec(db(), "BEGIN IMMEDIATE");
}

Result<void> Store::commit_transaction() {
  if (auto r = exec(db(), "COMMIT"); !r) {
    rollback(db());
    return in_context(std::move(r.error()), "commit");
  }
  return {};
}

void Store::rollback_transaction() noexcept { rollback(db()); }

bool Store::in_transaction() const noexcept { return !sqlite3_get_autocommit(db()); }

Result<void> Store::add_secretary_key(std::string_view actor, const crypto::SignPublicKey &key) {
  return write(db(), actor, "secretary.add_key", [&](const Tx &tx) -> Result<void> {
    auto r = run(tx.db, "INSERT INTO secretary_keys (public_key, added_at) VALUES (?1, ?2)", key, tx.now);
    if (!r) return r;
    return tx.audit("secretary key " + crypto::to_hex(key));
  });
}

Result<std::vector<crypto::SignPublicKey>> Store::secretary_keys() const {
  return read(db(), "secretary_keys", [&] {
    return collect<crypto::SignPublicKey>(
        query(db(), "SELECT public_key FROM secretary_keys ORDER BY rowid"),
        [](const Statement &st) -> Result<crypto::SignPublicKey> { return st.bytes32(0); });
  });
}

Result<void> Store::replace_members(std::string_view actor, std::span<const MemberRow> rows) {
  return write(db(), actor, "members.replace", [&](const Tx &tx) -> Result<void> {
    for (const auto &m : rows) {
      auto r = run(tx.db,
                   "INSERT INTO members (member_no, full_name, council_role, position, unit)"
                   " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (member_no) DO UPDATE SET"
                   " full_name = excluded.full_name, council_role = excluded.council_role,"
                   " position = excluded.position, unit = excluded.unit",
                   m.member_no, m.full_name, m.council_role, m.position, m.unit);
      if (!r) return in_context(std::move(r.error()), "member " + std::to_string(m.member_no));
    }
    auto existing =
        collect<std::int64_t>(query(tx.db, "SELECT member_no FROM members"),
                              [](const Statement &st) -> Result<std::int64_t> { return st.integer(0); });
    if (!existing) return existing.error();
    std::size_t removed = 0;
    for (auto no : *existing) {
      if (std::ranges::any_of(rows, [&](const MemberRow &m) { return m.member_no == no; })) continue;
      auto r = run(tx.db, "DELETE FROM members WHERE member_no = ?1", no);
      if (!r) return in_context(std::move(r.error()), "removing member " + std::to_string(no));
      ++removed;
    }
    return tx.audit(std::to_string(rows.size()) + " members, " + std::to_string(removed) + " removed");
  });
}

Result<void> Store::define_rule(std::string_view actor, const RuleProfile &p) {
  return write(db(), actor, "rules.define", [&](const Tx &tx) -> Result<void> {
    auto r = run(
        tx.db,
        "INSERT INTO rule_profiles (rule_id, label, threshold_num, threshold_den, comparison, denominator,"
        " source, quorum_num, quorum_den) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        " ON CONFLICT (rule_id) DO UPDATE SET label = excluded.label,"
        " threshold_num = excluded.threshold_num, threshold_den = excluded.threshold_den,"
        " comparison = excluded.comparison, denominator = excluded.denominator, source = excluded.source,"
        " quorum_num = excluded.quorum_num, quorum_den = excluded.quorum_den",
        p.rule_id, p.label, p.threshold_num, p.threshold_den, p.comparison, p.denominator, p.source,
        p.quorum_num, p.quorum_den);
    if (!r) return in_context(std::move(r.error()), "rule " + p.rule_id);
    return tx.audit("rule " + p.rule_id);
  });
}

Result<void> Store::upsert_nominees(std::string_view actor, std::span<const Nominee> rows) {
  return write(db(), actor, "nominees.upsert", [&](const Tx &tx) -> Result<void> {
    for (const auto &n : rows) {
      auto r =
          run(tx.db,
              "INSERT INTO nominees (nominee_no, kind, name, position, unit, award, rule_id, award_quota)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
              " (SELECT max(award_quota) FROM nominees WHERE award = ?6))"
              " ON CONFLICT (nominee_no) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
              " position = excluded.position, unit = excluded.unit, award = excluded.award,"
              " rule_id = excluded.rule_id",
              n.nominee_no, n.kind, n.name, n.position, n.unit, n.award, n.rule_id);
      if (!r)
        return in_context(std::move(r.error()),
                          "nominee " + std::to_string(n.nominee_no) + " (rule '" + n.rule_id + "')");
    }
    return tx.audit(std::to_string(rows.size()) + " nominees");
  });
}

Result<void> Store::set_award_quota(std::string_view actor, std::string_view award,
                                    std::optional<std::int64_t> quota) {
  return write(db(), actor, "nominees.set_award_quota", [&](const Tx &tx) -> Result<void> {
    auto r = run(tx.db, "UPDATE nominees SET award_quota = ?2 WHERE award = ?1", award, quota);
    if (!r) return r;
    if (!changed(tx.db))
      return error(Errc::not_found, "no nominee has the award '" + std::string(award) + "'");
    return tx.audit("award '" + std::string(award) + "' quota " + (quota ? std::to_string(*quota) : "none"));
  });
}

} // namespace cv::schema
