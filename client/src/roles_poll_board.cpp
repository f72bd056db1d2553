#include "councilvote/client/roles/poll_board.hpp"
#include "roles_common.hpp"

#include <algorithm>
#include <map>

namespace cv::client::roles {

using protocol::BoardEntryKind;
using protocol::Result;

namespace {

std::string_view text_of(const protocol::Bytes &payload) {
  return {reinterpret_cast<const char *>(payload.data()), payload.size()};
}

std::string entry_name(std::uint64_t seq) { return "board entry " + std::to_string(seq); }

// The single entry of `kind` for `poll`, or E_INCONSISTENT_DATA with `check`.
Result<const protocol::BoardEntry *> single_entry(std::span<const protocol::BoardEntry> board,
                                                  const protocol::PollId &poll, BoardEntryKind kind,
                                                  const std::string &check) {
  auto found = poll_entries(board, poll, kind);
  const std::string what(protocol::board_entry_kind_name(kind));
  if (found.empty())
    return detail::inconsistent(check, "the board has no " + what + " entry for poll " + poll.str());
  if (found.size() > 1)
    return detail::inconsistent(
        check, "the board has " + std::to_string(found.size()) + " " + what + " entries for poll " +
                   poll.str() + " (" + entry_name(found[0]->seq) + ", " + entry_name(found[1]->seq) + ")");
  return found.front();
}

} // namespace

std::vector<protocol::PollId> board_polls(std::span<const protocol::BoardEntry> board) {
  std::vector<protocol::PollId> out;
  for (const auto &e : board) {
    if (e.kind != BoardEntryKind::manifest) continue;
    auto id = protocol::PollId::parse(e.poll_id);
    if (id && std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);
  }
  return out;
}

std::vector<const protocol::BoardEntry *> poll_entries(std::span<const protocol::BoardEntry> board,
                                                       const protocol::PollId &poll, BoardEntryKind kind) {
  std::vector<const protocol::BoardEntry *> out;
  for (const auto &e : board)
    if (e.kind == kind && e.poll_id == poll.str()) out.push_back(&e);
  return out;
}

Result<protocol::PollDefinition> board_poll_definition(std::span<const protocol::BoardEntry> board,
                                                       const protocol::PollId &poll, std::uint64_t *seq) {
  try {
    auto e = single_entry(board, poll, BoardEntryKind::manifest, "manifest");
    if (!e) return e.error();
    auto o = protocol::parse_json_object(text_of((*e)->payload));
    if (!o) return detail::inconsistent("manifest", entry_name((*e)->seq) + ": " + o.error().message);
    auto d = protocol::read_body<protocol::PollDefinition>(*o);
    if (!d) return detail::inconsistent("manifest", entry_name((*e)->seq) + ": " + d.error().message);
    if (d->poll != poll)
      return detail::inconsistent("manifest", entry_name((*e)->seq) + " defines poll " + d->poll);
    if (seq) *seq = (*e)->seq;
    return d;
  } catch (...) {
    return detail::internal("out of memory while reading a manifest");
  }
}

Result<PollBallots> collect_poll_ballots(const crypto::PollContext &ctx, const crypto::Roster &roster,
                                         const protocol::PollId &poll,
                                         std::span<const protocol::BoardEntry> board) {
  try {
    PollBallots out;
    const crypto::FastVerifier fast(ctx.joint_key);
    std::map<crypto::SignPublicKey, std::uint64_t> seq_of_member;
    for (const auto *e : poll_entries(board, poll, BoardEntryKind::ballot)) {
      auto b = crypto::decode_ballot(e->payload);
      if (!b) return detail::inconsistent("ballot", entry_name(e->seq) + ": decode: " + b.error().message);
      if (auto v = crypto::verify_ballot(ctx, roster, *b, fast); !v)
        return detail::inconsistent("ballot", entry_name(e->seq) + ": " + v.error().message);
      if (auto [it, fresh] = seq_of_member.emplace(b->member_key, e->seq); !fresh)
        return detail::inconsistent("one_ballot_per_member", entry_name(e->seq) +
                                                                 " is a second ballot of the member of " +
                                                                 entry_name(it->second));
      out.tracking_codes.push_back(b->tracking_code());
      out.seqs.push_back(e->seq);
      out.ballots.push_back(std::move(*b));
    }
    return out;
  } catch (...) {
    return detail::internal("out of memory while reading ballots");
  }
}

Result<crypto::EncryptedTally> recompute_tally(const crypto::PollContext &ctx, const PollBallots &ballots) {
  try {
    auto t = crypto::tally_ballots(ctx, ballots.ballots);
    if (!t) return detail::internal("tally: " + t.error().message);
    return std::move(*t);
  } catch (...) {
    return detail::internal("out of memory while adding ballots");
  }
}

Result<void> compare_tally(const crypto::EncryptedTally &mine, const protocol::PollId &poll,
                           const protocol::TallyInfo &server) {
  if (server.poll != poll.str()) return detail::inconsistent("tally", "the tally is for poll " + server.poll);
  if (server.poll_context != mine.poll_context)
    return detail::inconsistent("tally", "the tally's poll_context is not the poll's context hash");
  if (server.ballots != mine.ballots)
    return detail::inconsistent("tally", "the tally counts " + std::to_string(server.ballots) +
                                             " ballots, the board holds " + std::to_string(mine.ballots));
  if (server.totals.size() != mine.totals.size())
    return detail::inconsistent("tally", "the tally has " + std::to_string(server.totals.size()) +
                                             " slots, the manifest gives " +
                                             std::to_string(mine.totals.size()));
  for (std::size_t i = 0; i < mine.totals.size(); ++i)
    if (!(server.totals[i] == mine.totals[i]))
      return detail::inconsistent("tally",
                                  "totals[" + std::to_string(i) + "] is not the sum of the board's ballots");
  return {};
}

Result<protocol::TallyInfo> board_tally(std::span<const protocol::BoardEntry> board,
                                        const protocol::PollId &poll, std::uint64_t *seq) {
  try {
    auto e = single_entry(board, poll, BoardEntryKind::tally, "tally");
    if (!e) return e.error();
    auto o = protocol::parse_json_object(text_of((*e)->payload));
    if (!o) return detail::inconsistent("tally", entry_name((*e)->seq) + ": " + o.error().message);
    auto t = protocol::read_body<protocol::TallyInfo>(*o);
    if (!t) return detail::inconsistent("tally", entry_name((*e)->seq) + ": " + t.error().message);
    if (seq) *seq = (*e)->seq;
    return t;
  } catch (...) {
    return detail::internal("out of memory while reading a tally");
  }
}

Result<crypto::ThresholdPublicKey> ceremony_public_key(const protocol::MeetingId &meeting,
                                                       const protocol::CeremonyInfo &ceremony) {
  try {
    auto key = record::ceremony_public_key(meeting.str(), ceremony);
    if (!key) return protocol::from_record(key.error());
    return std::move(*key);
  } catch (...) {
    return detail::internal("out of memory while reading a ceremony");
  }
}

std::optional<std::uint64_t> find_tracking_code(std::span<const protocol::BoardEntry> board,
                                                const protocol::PollId &poll,
                                                const ByteArray<32> &tracking_code) {
  for (const auto &e : board)
    if (e.kind == BoardEntryKind::ballot && e.poll_id == poll.str())
      if (crypto::tracking_code_of(e.payload) == tracking_code) return e.seq;
  return std::nullopt;
}

} // namespace cv::client::roles
