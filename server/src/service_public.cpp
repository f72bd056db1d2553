// MeetingService, anyone: get_poll, lookup_tracking_code, get_board (docs/wire.md §8.6; get_record
// is in service_record.cpp).
#include "service_impl.hpp"

#include <algorithm>

namespace cv::server {

using namespace detail;
using protocol::read_body;

namespace {

// A byte budget for one answer, below the default message limit (docs/wire.md §10).
constexpr std::size_t kAnswerBudget = (std::size_t{4} << 20) - (std::size_t{64} << 10);

} // namespace

Result<ServiceOutput> MeetingService::Impl::get_poll(const QJsonObject &body) {
  auto req = read_body<protocol::PollRef>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  auto loaded = loaded_poll(*poll);
  if (!loaded) return loaded.error();
  auto info = poll_info(*poll, (*loaded)->definition, (*loaded)->manifest_seq);
  if (!info) return info.error();
  return ServiceOutput{info->to_json(), {}};
}

Result<ServiceOutput> MeetingService::Impl::lookup_tracking_code(const QJsonObject &body) {
  auto req = read_body<protocol::LookupTrackingCodeRequest>(body);
  if (!req) return req.error();
  auto poll = find_poll(req->poll);
  if (!poll) return poll.error();
  auto ballots = store.ballots(req->poll.str());
  if (!ballots) return store_error(ballots.error());
  for (const auto &b : *ballots)
    if (b.receipt.tracking_code == req->tracking_code)
      return ServiceOutput{protocol::LookupTrackingCodeResponse{
                               req->poll, req->tracking_code, b.receipt.entry.seq, b.receipt.entry.entry_hash}
                               .to_json(),
                           {}};
  return op_error(ErrorCode::not_found,
                  "no ballot with this tracking code in poll '" + req->poll.str() + "'");
}

Result<ServiceOutput> MeetingService::Impl::get_board(const QJsonObject &body) {
  auto req = read_body<protocol::GetBoardRequest>(body);
  if (!req) return req.error();
  auto cp = checkpoint();
  if (!cp) return cp.error();
  if (req->from_seq > cp->board_seq + 1)
    return op_error(ErrorCode::not_found, "the board has " + std::to_string(cp->board_seq) + " entries");
  auto entries = store.board(req->from_seq, std::min(req->limit, protocol::kMaxBoardPage));
  if (!entries) return store_error(entries.error());
  protocol::GetBoardResponse out;
  out.checkpoint = *cp;
  std::size_t used = 0;
  for (const auto &e : *entries) {
    if (e.seq > cp->board_seq) break; // appended after the checkpoint
    const std::size_t cost = 2 * e.payload.size() + 512;
    if (!out.entries.empty() && used + cost > kAnswerBudget) break;
    used += cost;
    out.entries.push_back(e);
  }
  return ServiceOutput{out.to_json(), {}};
}

} // namespace cv::server
