// The member's commands (docs/wire.md §8.4, §6.4): show a poll, vote, look a ballot up, and the
// chair's decision of a tie at an award's quota.
//
// vote keeps the signed ballot next to the key file BEFORE sending it
// ("<key stem>.ballot-<poll>.json"): running vote again after a lost answer or a crash resends the
// SAME bytes (docs/wire.md §8.4), never a new encryption. The receipt is added to that file and also
// written alone as "<key stem>.receipt-<poll>.json".
#include "common.hpp"
#include "councilvote/client/roles/ballot_file.hpp"
#include "councilvote/client/roles/chair.hpp"
#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/client/roles/member.hpp"
#include "councilvote/protocol/json.hpp"
#include "show.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace cv::cli {

namespace {

using protocol::PollId;
namespace roles = client::roles;

std::filesystem::path ballot_path(const std::filesystem::path &key, const PollId &p) {
  return client::sibling_path(key, "ballot-" + p.str() + ".json");
}
std::filesystem::path receipt_path(const std::filesystem::path &key, const PollId &p) {
  return client::sibling_path(key, "receipt-" + p.str() + ".json");
}

Result<void> show_poll(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, false);
  if (!s) return s.error();
  auto info = (*s)->client().get_poll(*id);
  if (!info) return info.error();
  if (g.json) return print_json(info->to_json()), Result<void>();
  show_poll_detail(*info, (*s)->bundle().meeting);
  return {};
}

Result<std::vector<roles::MemberChoice>> member_choices(const crypto::PollManifest &m,
                                                        const std::optional<std::string> &list,
                                                        const std::optional<std::string> &all) {
  if (list && all) return usage_error("give --choices or --all, not both");
  if (list) {
    auto c = roles::parse_member_choices(m, *list);
    if (!c) return usage_error("--choices: " + c.error().message);
    return c;
  }
  if (!all) return usage_error("say how you vote: --choices agree,disagree,blank,... or --all agree");
  auto c = roles::parse_choice(*all);
  if (!c) return usage_error("--all: " + c.error().message);
  return roles::uniform_choices(m, *c);
}

Result<void> vote(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  auto list = a.option("--choices");
  if (!list) return list.error();
  auto all = a.option("--all");
  if (!all) return all.error();
  if (auto r = no_more(a); !r) return r;
  auto s = Session::open(g, true);
  if (!s) return s.error();
  auto &client = (*s)->client();
  const auto &meeting = (*s)->bundle().meeting;
  const auto path = ballot_path(*(*s)->key_path(), *id);

  roles::PreparedBallot prepared;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    auto saved = roles::load_saved_ballot(path);
    if (!saved) return saved.error();
    if (saved->meeting != meeting || saved->poll != *id)
      return failure(path.string() + " holds a ballot of another meeting or poll");
    if (saved->receipt) {
      if (g.json) return print_json(protocol::receipt_to_json(*saved->receipt)), Result<void>();
      out("you have already voted in " + id->str() + " (receipt in " + path.string() + ")");
      out("tracking code: " + crypto::short_tracking_code(saved->tracking_code));
      return {};
    }
    prepared = roles::PreparedBallot::from_saved(*saved);
    note("sending again the ballot saved in " + path.string() +
         " (the same bytes; choices on this line are ignored)");
  } else {
    auto info = client.get_poll(*id);
    if (!info) return info.error();
    auto choices = member_choices(info->definition.manifest, *list, *all);
    if (!choices) return choices.error();
    auto built = roles::build_ballot(meeting, *info, (*s)->key()->signing, *choices);
    if (!built) return built.error();
    prepared = std::move(*built);
    if (auto w = roles::save_saved_ballot(path, prepared.saved()); !w) return w.error();
    note("joint key " + short_key(info->definition.joint_key) + "; ballot saved in " + path.string());
  }
  auto receipt = client.cast_ballot(*id, prepared.ballot);
  if (!receipt) {
    auto e = receipt.error();
    if (e.code == protocol::ErrorCode::internal)
      e.message += " — run the same command again: it sends the same saved ballot";
    return e;
  }
  if (auto c = roles::check_receipt(prepared, *receipt, (*s)->bundle().server_key); !c) return c.error();
  auto saved = prepared.saved();
  saved.receipt = *receipt;
  if (auto w = roles::save_saved_ballot(path, saved); !w) return w.error();
  const std::string receipt_json = protocol::to_json(protocol::receipt_to_json(*receipt));
  const auto rpath = receipt_path(*(*s)->key_path(), *id);
  if (auto w = roles::write_file_atomic(rpath, crypto::as_bytes(receipt_json), true); !w) return w.error();
  if (g.json) return out(receipt_json), Result<void>();
  out("ballot cast in " + id->str() + ": board entry " + std::to_string(receipt->board_seq));
  out("tracking code: " + crypto::short_tracking_code(receipt->tracking_code));
  out("receipt saved: " + rpath.string());
  return {};
}

Result<void> lookup(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  auto rest = a.positionals();
  if (!rest) return rest.error();
  if (rest->size() > 1) return usage_error("expected at most one tracking code");
  protocol::Hash32 code{};
  if (rest->size() == 1) {
    auto c = crypto::from_hex_fixed<32>(rest->front());
    if (!c)
      return usage_error(
          "the tracking code must be the full 64 hex digits of the receipt (the short code is for "
          "reading aloud); without it, your saved receipt is used");
    code = *c;
  } else {
    if (!g.key)
      return usage_error("give the tracking code (64 hex digits) or --key to use your saved ballot");
    auto saved = roles::load_saved_ballot(ballot_path(*g.key, *id));
    if (!saved) return saved.error();
    code = saved->tracking_code;
  }
  auto s = Session::open(g, false); // reading needs no registered key
  if (!s) return s.error();
  auto r = (*s)->client().lookup_tracking_code(*id, code);
  if (!r) return r.error();
  // The board entry itself: a ballot of this poll whose bytes have this code and whose hash is the one named.
  auto page = (*s)->client().get_board(r->board_seq, 1);
  if (!page) return page.error();
  if (auto c = roles::check_lookup_entry(*id, code, *r, *page); !c) return c.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out("found: " + crypto::short_tracking_code(code) + " is board entry " + std::to_string(r->board_seq) +
      " of " + id->str());
  out("entry hash: " + hex(r->entry_hash) + " (entry checked)");
  return {};
}

// The chair decides a tie at an award's quota: which of the tied nominees take the places left
// (docs/wire.md §8.4 post_chair_decision), signed with his member key, bound to the poll's tally
// as the board holds it. The server refuses anyone else, a decision before decryption or after
// publication, and one that does not fit the tie (its message names the tied nominees and the
// places left).
Result<void> chair_decide(const GlobalOptions &g, Args &a) {
  auto id = poll_option(a);
  if (!id) return id.error();
  auto award = a.required("--award");
  if (!award) return award.error();
  auto list = a.required("--nominees");
  if (!list) return list.error();
  if (auto r = no_more(a); !r) return r;
  std::vector<std::uint32_t> nominees;
  for (std::size_t start = 0; start <= list->size();) {
    const auto end = std::min(list->find(',', start), list->size());
    auto n = parse_uint(std::string_view(*list).substr(start, end - start), "--nominees", 1,
                        static_cast<std::uint32_t>(record::kMaxMemberNo));
    if (!n) return n.error();
    nominees.push_back(*n);
    start = end + 1;
  }
  auto s = Session::open(g, true);
  if (!s) return s.error();
  auto &client = (*s)->client();
  auto board = client.get_board_all();
  if (!board) return board.error();
  auto decision = roles::build_chair_decision((*s)->bundle().meeting, *id, board->entries,
                                              (*s)->key()->signing, *award, std::move(nominees));
  if (!decision) return decision.error();
  auto r = client.call<protocol::MessageType::post_chair_decision>(*decision);
  if (!r) return r.error();
  if (g.json) return print_json(r->to_json()), Result<void>();
  out("the chair's decision is board entry " + std::to_string(r->board_seq) + " of " + id->str());
  out("award: " + r->award);
  out("the places left go to: " + roles::chair_decision_summary(*decision, board->entries));
  out("publish the record to apply it (the result table says \"Chủ tọa quyết định\")");
  return {};
}

} // namespace

void add_member_commands(std::vector<Command> &c) {
  const std::string role = "Member";
  c.push_back(
      {"show-poll", role, "--poll ID", "show a poll's definition and check it (no key needed)", show_poll});
  c.push_back({"vote", role, "--poll ID (--choices agree,disagree,blank,... | --all agree)",
               "encrypt, sign and cast your ballot; saves the receipt next to the key file and prints the "
               "tracking code. Choice words, one per nominee in the poll's order: " +
                   roles::choice_words_help(),
               vote});
  c.push_back({"lookup", role, "--poll ID [CODE]",
               "find a ballot on the board by its full tracking code (default: your saved one)", lookup});
  c.push_back({"chair-decide", role, "--poll ID --award TEXT --nominees N[,N...]",
               "the chair only, after decryption and before publication: decide a tie at the award's quota "
               "by naming the tied nominees who take the places left; signed with your member key",
               chair_decide});
}

} // namespace cv::cli
