// The trustees' key ceremony: roster and context, messages (posted on the board), outcome.
#include "board_chain.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/schema/store.hpp"
#include "names.hpp"

namespace cv::schema {

using namespace detail;

namespace {

std::string ceremony_name(std::int64_t no) { return "ceremony " + std::to_string(no); }

// The ceremony's state, which must be collecting for anything to be added or decided.
Result<void> require_collecting(sqlite3 *db, std::int64_t no) {
  auto state = query_one<std::string>(db, "no " + ceremony_name(no),
                                      "SELECT state FROM ceremonies WHERE ceremony_no = ?1", no);
  if (!state) return state.error();
  if (*state != name(CeremonyState::collecting))
    return error(Errc::invalid_state, ceremony_name(no) + " is " + *state + ", no longer collecting");
  return {};
}

BoardKind board_kind(CeremonyMessageKind k) noexcept {
  switch (k) {
  case CeremonyMessageKind::commitments:
    return BoardKind::commitments;
  case CeremonyMessageKind::share:
    return BoardKind::share;
  case CeremonyMessageKind::complaint:
    return BoardKind::complaint;
  }
  return BoardKind::complaint;
}

Result<void> finish(const Tx &tx, std::int64_t no, CeremonyState state,
                    const std::optional<crypto::ByteArray<32>> &joint_key, const std::string &detail) {
  if (auto r = require_collecting(tx.db, no); !r) return r;
  auto r = run(tx.db, "UPDATE ceremonies SET state = ?2, joint_key = ?3 WHERE ceremony_no = ?1", no,
               name(state), joint_key);
  if (!r) return r;
  return tx.audit(ceremony_name(no) + " " + std::string(name(state)) + detail);
}

} // namespace

Result<std::int64_t> Store::create_ceremony(std::string_view actor, std::uint32_t threshold,
                                            std::span<const Trustee> trustees) {
  return write(db(), actor, "ceremony.create", [&](const Tx &tx) -> Result<std::int64_t> {
    auto meeting_id =
        query_one<std::string>(tx.db, "no meeting has been created", "SELECT meeting_id FROM meeting");
    if (!meeting_id) return meeting_id.error();
    crypto::CeremonyParams params{*meeting_id, threshold, {}};
    for (const auto &t : trustees) params.trustees.push_back({t.index, t.box_public_key});
    auto ceremony = crypto::Ceremony::create(std::move(params));
    if (!ceremony) return error(Errc::invalid_argument, ceremony.error().message);
    auto r =
        run(tx.db,
            "INSERT INTO ceremonies (trustee_count, threshold, context, created_at) VALUES (?1, ?2, ?3, ?4)",
            ceremony->n(), threshold, ceremony->context(), tx.now);
    if (!r) return r.error();
    const std::int64_t no = sqlite3_last_insert_rowid(tx.db);
    for (const auto &t : trustees) {
      r = run(tx.db,
              "INSERT INTO trustees (ceremony_no, trustee_index, member_no, box_public_key) VALUES (?1, ?2, "
              "?3, ?4)",
              no, t.index, t.member_no, t.box_public_key);
      if (!r)
        return in_context(std::move(r.error()), "trustee " + std::to_string(t.index) + " (member " +
                                                    std::to_string(t.member_no) + ")");
    }
    r = tx.audit(ceremony_name(no) + ": " + std::to_string(threshold) + " of " +
                 std::to_string(ceremony->n()));
    if (!r) return r.error();
    return no;
  });
}

Result<KeyCeremony> Store::ceremony(std::int64_t ceremony_no) const {
  return read(db(), "ceremony", [&]() -> Result<KeyCeremony> {
    auto st =
        query(db(), "SELECT threshold, context, state, joint_key FROM ceremonies WHERE ceremony_no = ?1",
              ceremony_no);
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return error(Errc::not_found, "no " + ceremony_name(ceremony_no));
    auto state = parse<CeremonyState>(st->text(2));
    if (!state) return state.error();
    KeyCeremony c{ceremony_no, st->u32(0), {}, st->bytes32(1), *state, std::nullopt};
    if (!st->is_null(3)) c.joint_key = st->bytes32(3);
    auto trustees = collect<Trustee>(query(db(),
                                           "SELECT trustee_index, member_no, box_public_key FROM trustees"
                                           " WHERE ceremony_no = ?1 ORDER BY trustee_index",
                                           ceremony_no),
                                     [](const Statement &t) -> Result<Trustee> {
                                       return Trustee{t.u32(0), t.integer(1), t.bytes32(2)};
                                     });
    if (!trustees) return trustees.error();
    c.trustees = std::move(*trustees);
    return c;
  });
}

Result<std::optional<KeyCeremony>> Store::current_ceremony() const {
  return read(db(), "current_ceremony", [&]() -> Result<std::optional<KeyCeremony>> {
    auto st = query(db(), "SELECT max(ceremony_no) FROM ceremonies");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    if (!*row || st->is_null(0)) return std::optional<KeyCeremony>();
    auto c = ceremony(st->integer(0));
    if (!c) return c.error();
    return std::optional(std::move(*c));
  });
}

Result<BoardReceipt> Store::add_ceremony_message(std::string_view actor, const CeremonyMessage &m) {
  return write(db(), actor, "ceremony.add_message", [&](const Tx &tx) -> Result<BoardReceipt> {
    if (auto r = require_collecting(tx.db, m.ceremony_no); !r) return r.error();
    auto entry = append_board_entry(tx, board_kind(m.kind), "", m.payload);
    if (!entry) return entry;
    auto r = run(tx.db,
                 "INSERT INTO ceremony_messages (board_seq, ceremony_no, kind, from_index, to_index)"
                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                 static_cast<std::int64_t>(entry->seq), m.ceremony_no, name(m.kind), m.from, m.to);
    if (!r) return r.error();
    const std::string to = m.to ? " to " + std::to_string(*m.to) : "";
    r = tx.audit(ceremony_name(m.ceremony_no) + ": " + std::string(name(m.kind)) + " from " +
                 std::to_string(m.from) + to + ", board seq " + std::to_string(entry->seq));
    if (!r) return r.error();
    return entry;
  });
}

Result<std::vector<PostedCeremonyMessage>> Store::ceremony_messages(std::int64_t ceremony_no) const {
  return read(db(), "ceremony_messages", [&] {
    return collect<PostedCeremonyMessage>(
        query(db(),
              "SELECT m.kind, m.from_index, m.to_index, b.payload, " + std::string(kReceiptColumns) +
                  " FROM ceremony_messages m JOIN board b ON b.seq = m.board_seq"
                  " WHERE m.ceremony_no = ?1 ORDER BY m.board_seq",
              ceremony_no),
        [&](const Statement &st) -> Result<PostedCeremonyMessage> {
          auto kind = parse<CeremonyMessageKind>(st.text(0));
          if (!kind) return kind.error();
          PostedCeremonyMessage p{{ceremony_no, *kind, st.u32(1), std::nullopt, st.blob(3)},
                                  board_receipt(st, 4)};
          if (!st.is_null(2)) p.message.to = st.u32(2);
          return p;
        });
  });
}

Result<void> Store::complete_ceremony(std::string_view actor, std::int64_t ceremony_no,
                                      const crypto::ByteArray<32> &joint_key) {
  return write(db(), actor, "ceremony.complete", [&](const Tx &tx) {
    return finish(tx, ceremony_no, CeremonyState::complete, joint_key,
                  ", joint key " + crypto::to_hex(joint_key));
  });
}

Result<void> Store::fail_ceremony(std::string_view actor, std::int64_t ceremony_no, std::string_view reason) {
  return write(db(), actor, "ceremony.fail", [&](const Tx &tx) {
    return finish(tx, ceremony_no, CeremonyState::failed, std::nullopt, ": " + std::string(reason));
  });
}

} // namespace cv::schema
