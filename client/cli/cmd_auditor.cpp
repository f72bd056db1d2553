// The auditor's commands (docs/wire.md §7.3, §8.6): the board, a poll's full verification, the
// published record. None needs a registered key.
#include "common.hpp"
#include "councilvote/client/result_table.hpp"
#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/client/roles/record_file.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record.hpp"
#include "show.hpp"

#include <QJsonArray>
#include <cstdio>

namespace cv::cli {

namespace {

Result<void> board(const GlobalOptions &g, Args &a) {
  auto save = a.option("--save");
  if (!save) return save.error();
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, false);
  if (!s) return s.error();
  auto snap = (*s)->client().get_board_all();
  if (!snap) return snap.error();
  QJsonObject o; // the board as get_board would give it in one page
  QJsonArray entries;
  for (const auto &e : snap->entries) entries.append(protocol::board_entry_to_json(e));
  o.insert("entries", entries);
  o.insert("checkpoint", protocol::checkpoint_to_json(snap->checkpoint));
  if (*save) {
    const std::string text = protocol::to_json(o);
    if (auto w = client::roles::write_file_atomic(**save, crypto::as_bytes(text), true); !w) return w.error();
  }
  if (g.json) return print_json(o), Result<void>();
  show_board(*snap);
  if (*save) out("saved: " + **save);
  return {};
}

Result<void> record(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  auto file = a.option("--out");
  if (!file) return file.error();
  const bool force = a.flag("--force");
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, false);
  if (!s) return s.error();
  if (*file) {
    auto done = client::roles::export_record_file((*s)->client(), (*s)->bundle(), *id, **file, force);
    if (!done) return done.error();
    out("record file: " + **file + " (" + std::to_string(done->entries) + " board entries, " +
        std::to_string(done->ballots) + " ballots)");
    out("fingerprint: " + crypto::to_hex(done->fingerprint));
    out("verify it offline: councilvote-verify " + **file);
    return {};
  }
  auto r = (*s)->client().get_record(*id);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  show_record(*r);
  return {};
}

// The record before publication: the chair sees the ties at a quota he decides (chair-decide).
Result<void> preview(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, false);
  if (!s) return s.error();
  auto r = (*s)->client().preview_record(*id);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  auto rec = protocol::decode_record(r->record);
  if (!rec) return rec.error();
  if (rec->poll != id->str())
    return protocol::check_error(protocol::ErrorCode::inconsistent_data, "poll",
                                 "the preview is a record of poll " + rec->poll);
  out("BẢN XEM TRƯỚC kết quả của " + id->str() +
      " — chưa công bố, chưa ký (preview: not published, not signed)");
  out("");
  out(client::format_result_table(*rec));
  std::size_t ties = 0;
  for (const auto &c : rec->contests) ties += c.outcome == protocol::ContestOutcome::tie_at_quota ? 1 : 0;
  if (ties > 0)
    out("Chủ tọa quyết định trước khi công bố: councilvote-cli chair-decide --poll " + id->str() +
        " --award \"...\" --nominees N[,N...]");
  return {};
}

Result<void> verify(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  auto code = a.option("--code");
  if (!code) return code.error();
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, false);
  if (!s) return s.error();
  auto &c = (*s)->client();
  auto board = c.get_board_all();
  if (!board) return board.error();
  auto record = c.get_record(*id);
  if (!record && record.error().code != protocol::ErrorCode::not_found) return record.error();
  if (!record) note("the poll's record is not published yet: the record checks fail");
  const client::roles::AuditInput in{(*s)->bundle(), *id, board->entries,
                                     record ? &record->statement : nullptr,
                                     *code ? std::optional<std::string>(**code) : std::nullopt};
  const auto report = client::roles::audit_poll(in);
  if (g.json) {
    std::fputs(report.to_json().c_str(), stdout);
    std::fputs("\n", stdout);
  } else {
    out("board: " + std::to_string(board->entries.size()) + " entries to the signed head " +
        hex(board->checkpoint.board_head));
    out(report.to_text());
    if (*code)
      out(report.tracking_seq ? "your ballot " + **code + " is board entry " +
                                    std::to_string(*report.tracking_seq) + " and is counted"
                              : "the tracking code " + **code + " is NOT among the poll's ballots");
  }
  if (!report.ok()) {
    const auto *f = report.first_failure();
    const std::string name = f ? f->name : std::string("audit");
    return protocol::check_error(protocol::ErrorCode::inconsistent_data, name,
                                 name + ": " + (f ? f->detail : std::string("the verification failed")));
  }
  if (!g.json)
    out("poll " + id->str() + ": every check passed; record file fingerprint " + hex(report.fingerprint));
  return {};
}

} // namespace

void add_auditor_commands(std::vector<Command> &c) {
  const std::string role = "Auditor (anyone)";
  c.push_back({"board", role, "[--save FILE]", "download the whole board and verify its chain and checkpoint",
               board});
  c.push_back({"verify", role, "--poll ID [--code TRACKING_CODE]",
               "verify a poll end to end from the board: ballots, tally, decryptions, record (and that your "
               "ballot is "
               "counted)",
               verify});
  c.push_back(
      {"preview", role, "--poll ID",
       "after the decryption and before publication: the result table as publish_record would make it "
       "now, with the ties at a quota that the chair decides (chair-decide)",
       preview});
  c.push_back({"record", role, "--poll ID [--out FILE [--force]]",
               "download a published record, check its statement, print it; with --out, write the record "
               "file (board, ballots, proofs, statement) for councilvote-verify",
               record});
}

} // namespace cv::cli
