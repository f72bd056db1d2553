#include "councilvote/client/roles/chair.hpp"
#include "councilvote/client/roles/poll_board.hpp"
#include "councilvote/protocol/json.hpp"
#include "roles_common.hpp"

#include <algorithm>

namespace cv::client::roles {

using protocol::Result;

namespace {

const protocol::NomineeRow *nominee_of(const protocol::PollDefinition &d, std::uint32_t no) {
  for (const auto &c : d.display)
    if (c.nominee && c.nominee->nominee_no == no) return &*c.nominee;
  return nullptr;
}

} // namespace

Result<protocol::ChairDecision>
build_chair_decision(const protocol::MeetingId &meeting, const protocol::PollId &poll,
                     std::span<const protocol::BoardEntry> board, const crypto::SigningKey &chair,
                     const std::string &award, std::vector<std::uint32_t> nominees) {
  try {
    auto def = board_poll_definition(board, poll);
    if (!def) return def.error();
    std::ranges::sort(nominees);
    if (nominees.empty()) return detail::invalid_argument("name at least one nominee");
    if (auto twice = std::ranges::adjacent_find(nominees); twice != nominees.end())
      return detail::invalid_argument("nominee " + std::to_string(*twice) + " is named twice");
    for (auto no : nominees) {
      const auto *n = nominee_of(*def, no);
      if (!n)
        return detail::invalid_argument("nominee " + std::to_string(no) + " is not in poll " + poll.str());
      if (n->award != award)
        return detail::invalid_argument("nominee " + std::to_string(no) + " is proposed for \"" + n->award +
                                        "\", not \"" + award + "\"");
    }
    auto tally = board_tally(board, poll);
    if (!tally) return tally.error();
    // The chair's member number: the attendance entry lists the roster's members in roster order.
    auto attendance = poll_entries(board, poll, protocol::BoardEntryKind::attendance);
    if (attendance.size() != 1)
      return detail::inconsistent("attendance",
                                  "the board has no single attendance entry for poll " + poll.str());
    const auto &payload = attendance.front()->payload;
    auto o = protocol::parse_json_object(
        std::string_view(reinterpret_cast<const char *>(payload.data()), payload.size()));
    if (!o) return detail::inconsistent("attendance", o.error().message);
    auto frozen = protocol::read_body<protocol::FrozenAttendance>(*o);
    if (!frozen) return detail::inconsistent("attendance", frozen.error().message);
    const auto at = std::ranges::find(def->roster, chair.public_key);
    if (at == def->roster.end() || frozen->members.size() != def->roster.size())
      return detail::invalid_argument("this key is not on the roster of poll " + poll.str() +
                                      " (the chair signs with his registered member key)");
    protocol::ChairDecision d;
    d.meeting = meeting.str();
    d.poll = poll.str();
    d.tally_context = tally->encrypted_tally().context();
    d.award = award;
    d.nominees = std::move(nominees);
    d.member_no = frozen->members[static_cast<std::size_t>(at - def->roster.begin())].member_no;
    record::sign_chair_decision(d, chair);
    return d;
  } catch (...) {
    return detail::internal("out of memory while building the chair's decision");
  }
}

std::string chair_decision_summary(const protocol::ChairDecision &d,
                                   std::span<const protocol::BoardEntry> board) {
  auto id = protocol::PollId::parse(d.poll);
  auto def = id ? board_poll_definition(board, *id) : Result<protocol::PollDefinition>(id.error());
  std::string out;
  for (auto no : d.nominees) {
    const auto *n = def ? nominee_of(*def, no) : nullptr;
    out += (out.empty() ? "" : ", ") + std::to_string(no) + (n ? " " + n->name : std::string());
  }
  return out;
}

} // namespace cv::client::roles
