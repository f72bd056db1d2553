// The meeting, the roster of members, the rule profiles and the nominees.
#include "councilvote/schema/store.hpp"
#include "names.hpp"
#include "sqlite.hpp"

namespace cv::schema {

using namespace detail;

Result<void> Store::create_meeting(std::string_view actor, const Meeting &m) {
  return write(db(), actor, "meeting.create", [&](const Tx &tx) -> Result<void> {
    auto r = run(
        tx.db,
        "INSERT INTO meeting (singleton, meeting_id, council, session_name, meeting_date, place, created_at,"
        " min_ballots) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        m.meeting_id, m.council, m.session_name, m.date, m.place, tx.now, std::int64_t{m.min_ballots});
    if (!r) return r;
    return tx.audit(m.meeting_id);
  });
}

Result<Meeting> Store::meeting() const {
  return read(db(), "meeting", [&]() -> Result<Meeting> {
    auto st = query(db(), "SELECT meeting_id, council, session_name, meeting_date, place, min_ballots"
                          " FROM meeting");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return error(Errc::not_found, "no meeting has been created");
    return Meeting{st->text(0), st->text(1), st->text(2), st->text(3), st->text(4), st->u32(5)};
  });
}

Result<void> Store::import_members(std::string_view actor, std::span<const MemberRow> rows) {
  return write(db(), actor, "members.import", [&](const Tx &tx) -> Result<void> {
    for (const auto &m : rows) {
      auto r = run(tx.db,
                   "INSERT INTO members (member_no, full_name, council_role, position, unit)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                   m.member_no, m.full_name, m.council_role, m.position, m.unit);
      if (!r) return in_context(std::move(r.error()), "member " + std::to_string(m.member_no));
    }
    return tx.audit(std::to_string(rows.size()) + " members");
  });
}

Result<std::vector<Member>> Store::members() const {
  return read(db(), "members", [&] {
    return collect<Member>(
        query(db(), "SELECT member_no, full_name, council_role, position, unit, public_key,"
                    " attendance FROM members ORDER BY member_no"),
        [](const Statement &st) -> Result<Member> {
          auto attendance = parse<Attendance>(st.text(6));
          if (!attendance) return attendance.error();
          Member m{
              {st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)}, std::nullopt, *attendance};
          if (!st.is_null(5)) m.public_key = st.bytes32(5);
          return m;
        });
  });
}

Result<void> Store::register_member_key(std::string_view actor, std::int64_t member_no,
                                        crypto::ByteView key) {
  const std::string who = "member " + std::to_string(member_no);
  return write(db(), actor, "member.register_key", [&](const Tx &tx) -> Result<void> {
    auto r = run(
        tx.db,
        "UPDATE members SET public_key = ?2 WHERE member_no = ?1 AND (public_key IS NULL OR public_key = ?2)",
        member_no, key);
    if (!r) return r;
    if (!changed(tx.db)) {
      auto exists = query_one<std::int64_t>(tx.db, "no " + who, "SELECT 1 FROM members WHERE member_no = ?1",
                                            member_no);
      if (!exists) return exists.error();
      return error(Errc::conflict, who + " has registered another key already");
    }
    return tx.audit(who + " key " + crypto::to_hex(key));
  });
}

Result<void> Store::set_attendance(std::string_view actor, std::int64_t member_no, Attendance attendance) {
  const std::string who = "member " + std::to_string(member_no);
  return write(db(), actor, "member.set_attendance", [&](const Tx &tx) -> Result<void> {
    auto r =
        run(tx.db, "UPDATE members SET attendance = ?2 WHERE member_no = ?1", member_no, name(attendance));
    if (!r) return r;
    if (!changed(tx.db)) return error(Errc::not_found, "no " + who);
    return tx.audit(who + ": " + std::string(name(attendance)));
  });
}

Result<void> Store::import_rules(std::string_view actor, std::span<const RuleProfile> rules) {
  return write(db(), actor, "rules.import", [&](const Tx &tx) -> Result<void> {
    for (const auto &p : rules) {
      auto r = run(
          tx.db,
          "INSERT INTO rule_profiles (rule_id, label, threshold_num, threshold_den, comparison, denominator,"
          " source, quorum_num, quorum_den) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
          p.rule_id, p.label, p.threshold_num, p.threshold_den, p.comparison, p.denominator, p.source,
          p.quorum_num, p.quorum_den);
      if (!r) return in_context(std::move(r.error()), "rule " + p.rule_id);
    }
    return tx.audit(std::to_string(rules.size()) + " rule profiles");
  });
}

Result<std::vector<RuleProfile>> Store::rules() const {
  return read(db(), "rules", [&] {
    return collect<RuleProfile>(
        query(db(), "SELECT rule_id, label, threshold_num, threshold_den, comparison, denominator, source,"
                    " quorum_num, quorum_den FROM rule_profiles ORDER BY rule_id"),
        [](const Statement &st) -> Result<RuleProfile> {
          return RuleProfile{st.text(0), st.text(1), st.integer(2), st.integer(3), st.text(4),
                             st.text(5), st.text(6), st.integer(7), st.integer(8)};
        });
  });
}

Result<void> Store::import_nominees(std::string_view actor, std::span<const Nominee> rows) {
  return write(db(), actor, "nominees.import", [&](const Tx &tx) -> Result<void> {
    for (const auto &n : rows) {
      auto r =
          run(tx.db,
              "INSERT INTO nominees (nominee_no, kind, name, position, unit, award, rule_id, award_quota)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
              n.nominee_no, n.kind, n.name, n.position, n.unit, n.award, n.rule_id, n.award_quota);
      if (!r)
        return in_context(std::move(r.error()),
                          "nominee " + std::to_string(n.nominee_no) + " (rule '" + n.rule_id + "')");
    }
    return tx.audit(std::to_string(rows.size()) + " nominees");
  });
}

Result<std::vector<Nominee>> Store::nominees() const {
  return read(db(), "nominees", [&] {
    return collect<Nominee>(query(db(),
                                  "SELECT nominee_no, kind, name, position, unit, award, rule_id, award_quota"
                                  " FROM nominees ORDER BY nominee_no"),
                            [](const Statement &st) -> Result<Nominee> {
                              Nominee n{st.integer(0), st.text(1), st.text(2), st.text(3),
                                        st.text(4),    st.text(5), st.text(6), std::nullopt};
                              if (!st.is_null(7)) n.award_quota = st.integer(7);
                              return n;
                            });
  });
}

} // namespace cv::schema
