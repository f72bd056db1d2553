#include "show.hpp"

#include "common.hpp"
#include "councilvote/client/result_table.hpp"
#include "councilvote/protocol/record.hpp"

#include <map>

namespace cv::cli {

std::string short_key(const crypto::Point &key) { return crypto::short_tracking_code(key.bytes()); }

void show_poll_summary(const protocol::PollInfo &info, const protocol::MeetingId &meeting) {
  const auto &d = info.definition;
  out("poll:        " + d.poll + " — " + d.title);
  out("status:      " + std::string(protocol::poll_status_name(info.status)));
  out("contests:    " + std::to_string(d.manifest.contests.size()) + ", roster " +
      std::to_string(d.roster.size()) + " members");
  out("manifest:    board entry " + std::to_string(info.manifest_seq));
  out("joint key:   " + short_key(d.joint_key) + "  (" + hex(d.joint_key.bytes()) + ")");
  if (d.remote_window)
    out("remote:      " + format_time_ms(d.remote_window->from_ms) + " to " +
        format_time_ms(d.remote_window->until_ms));
  if (info.opened_at_ms) out("opened:      " + format_time_ms(*info.opened_at_ms));
  if (info.closed_at_ms) out("closed:      " + format_time_ms(*info.closed_at_ms));
  if (info.published_at_ms) out("published:   " + format_time_ms(*info.published_at_ms));
  auto ctx = protocol::verified_context(d, meeting);
  if (ctx)
    out("checked:     the definition verifies (manifest, roster, ceremony, joint key, context)");
  else
    out("checked:     FAILED — " + describe(ctx.error()) + "; do not vote on this poll");
}

void show_poll_detail(const protocol::PollInfo &info, const protocol::MeetingId &meeting) {
  show_poll_summary(info, meeting);
  const auto &d = info.definition;
  for (std::size_t i = 0; i < d.manifest.contests.size() && i < d.display.size(); ++i) {
    const auto &disp = d.display[i];
    std::string line = "  " + std::to_string(i + 1) + ". ";
    if (disp.nominee) {
      const auto &n = *disp.nominee;
      line += "[" + std::to_string(n.nominee_no) + "] " + n.name;
      if (!n.position.empty()) line += ", " + n.position;
      if (!n.unit.empty()) line += ", " + n.unit;
      line += " — " + n.award;
    } else {
      line += disp.label + ":";
      for (std::size_t k = 0; k < disp.option_labels.size(); ++k)
        line += " (" + std::to_string(k + 1) + ") " + disp.option_labels[k];
    }
    out(line);
  }
}

void show_checkpoint(const protocol::Checkpoint &c) {
  out("board head:  entry " + std::to_string(c.board_seq) + ", " + hex(c.board_head));
  out("signed at:   " + format_time_ms(c.server_time_ms) + " (signature verified)");
}

void show_turnout(const protocol::TurnoutInfo &t) {
  out("poll " + t.poll.str() + ": " + std::to_string(t.ballots) + " ballots; " + std::to_string(t.members) +
      " members, " + std::to_string(t.present) + " present, " + std::to_string(t.remote) + " remote");
  std::string voted;
  for (auto n : t.voted) voted += (voted.empty() ? "" : ",") + std::to_string(n);
  out("voted: " + (voted.empty() ? std::string("nobody yet") : voted));
}

void show_tally(const protocol::TallyStatus &t) {
  out("tally of " + t.tally.poll + ": " + std::to_string(t.tally.ballots) + " ballots, " +
      std::to_string(t.tally.totals.size()) + " sums, board entry " + std::to_string(t.tally_seq));
  std::string partials;
  for (auto i : t.partials) partials += (partials.empty() ? "" : ",") + std::to_string(i);
  out("decryptions: " + std::to_string(t.partials.size()) + " of the " + std::to_string(t.threshold) +
      " needed" + (partials.empty() ? "" : " (trustees " + partials + ")"));
}

void show_record(const protocol::GetRecordResponse &r) {
  out("record of " + r.poll.str() + ": board entry " + std::to_string(r.statement.board_seq) +
      ", published " + format_time_ms(r.statement.server_time_ms));
  out("record digest: " + hex(r.statement.record_digest) + "  (statement signature verified)");
  auto rec = protocol::decode_record(r.record);
  if (!rec) {
    out("(the record text does not decode: " + describe(rec.error()) + ")");
    return;
  }
  out("");
  out(client::format_result_table(*rec));
  if (auto v = protocol::verify_record_outcomes(*rec); !v)
    out("WARNING: the record's outcomes do not follow from its counts: " + describe(v.error()));
}

void show_board(const client::BoardSnapshot &b) {
  std::map<std::string, std::size_t> kinds;
  for (const auto &e : b.entries) ++kinds[std::string(protocol::board_entry_kind_name(e.kind))];
  out("board: " + std::to_string(b.entries.size()) + " entries after entry " + std::to_string(b.after_seq) +
      ", chain verified");
  for (const auto &[k, n] : kinds) out("  " + k + ": " + std::to_string(n));
  show_checkpoint(b.checkpoint);
}

} // namespace cv::cli
