// The auditor's commands (docs/wire.md §7.3, §8.6): the board, a poll's full verification, the
// published record. None needs a registered key.
#include "common.hpp"
#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/protocol/json.hpp"
#include "show.hpp"

#include <QJsonArray>

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
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, false);
  if (!s) return s.error();
  auto r = (*s)->client().get_record(*id);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  show_record(*r);
  return {};
}

QJsonObject report_json(const client::roles::AuditReport &r) {
  QJsonArray checks;
  for (const auto &c : r.checks) {
    QJsonObject o;
    o.insert("name", QString::fromStdString(c.name));
    o.insert("ok", c.ok);
    o.insert("skipped", c.skipped);
    o.insert("detail", QString::fromStdString(c.detail));
    checks.append(o);
  }
  QJsonObject o;
  o.insert("poll", QString::fromStdString(r.poll.str()));
  o.insert("ok", r.ok());
  o.insert("ballots", static_cast<qint64>(r.ballots));
  o.insert("checks", checks);
  return o;
}

Result<void> verify(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  auto code_text = a.option("--code");
  if (!code_text) return code_text.error();
  std::optional<protocol::Hash32> code;
  if (*code_text) {
    auto c = crypto::from_hex_fixed<32>(**code_text);
    if (!c) return usage_error("--code: the full tracking code, 64 hex digits");
    code = *c;
  }
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, false);
  if (!s) return s.error();
  auto &c = (*s)->client();
  auto board = c.get_board_all();
  if (!board) return board.error();
  auto record = c.get_record(*id);
  if (!record && record.error().code != protocol::ErrorCode::not_found) return record.error();
  if (!record) note("the poll's record is not published yet: the record checks fail");
  client::roles::AuditInput in{(*s)->bundle().meeting,
                               *id,
                               board->entries,
                               record ? std::string_view(record->record) : std::string_view(),
                               record ? &record->statement : nullptr,
                               &(*s)->bundle().server_key,
                               (*s)->bundle().min_ballots};
  const auto report = client::roles::audit_poll(in);
  if (g.json) {
    print_json(report_json(report));
  } else {
    out("board: " + std::to_string(board->entries.size()) + " entries to the signed head " +
        hex(board->checkpoint.board_head));
    out(report.to_text());
    if (code) {
      const auto seq = report.find_tracking_code(*code);
      out(seq ? "your ballot " + crypto::short_tracking_code(*code) + " is board entry " +
                    std::to_string(*seq) + " and is counted"
              : "the tracking code " + crypto::short_tracking_code(*code) +
                    " is NOT among the poll's ballots");
    }
  }
  if (code && !report.find_tracking_code(*code))
    return protocol::check_error(protocol::ErrorCode::inconsistent_data, "tracking_code",
                                 "tracking_code: the ballot is not on the board");
  if (!report.ok()) {
    const auto *f = report.first_failure();
    const std::string name = f ? f->name : std::string("audit");
    return protocol::check_error(protocol::ErrorCode::inconsistent_data, name,
                                 name + ": " + (f ? f->detail : std::string("the verification failed")));
  }
  if (!g.json) out("poll " + id->str() + ": every check passed");
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
      {"record", role, "--poll ID", "download a published record, check its statement, print it", record});
}

} // namespace cv::cli
