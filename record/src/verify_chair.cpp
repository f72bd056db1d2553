#include "councilvote/record/verify_chair.hpp"

#include "councilvote/record/chair_decision.hpp"

#include <algorithm>

namespace cv::record {

namespace {

Error bad(const std::string &detail) { return make_error(Errc::inconsistent_data, detail); }

std::string entry_name(std::uint64_t seq) { return "board entry " + std::to_string(seq); }

std::string numbers(const std::vector<std::uint32_t> &v) {
  std::string s;
  for (auto n : v) s += (s.empty() ? "" : ", ") + std::to_string(n);
  return s;
}

} // namespace

Result<std::string> verify_chair_decisions(const Record &record, std::span<const RosterEntry> roster,
                                           std::span<const ChairDecisionEntry> entries,
                                           std::string_view meeting) {
  if (entries.empty() && record.chair_decisions.empty()) return std::string("the chair decided no tie");
  if (entries.size() != record.chair_decisions.size())
    return bad("the board holds " + std::to_string(entries.size()) +
               " chair decisions of the poll, the record " + std::to_string(record.chair_decisions.size()));
  // Who the chair is: the one member the server's signed record names as chair (the council roles
  // are not on the board; the server accepts a decision from the roster's chair only). His key is
  // the board's: the roster key of that member number (roster.members).
  const auto *named_chair = find_chair(record);
  if (named_chair == nullptr)
    return bad("the record applies chair decisions but names no chair among its members");
  const auto chair_no = named_chair->member_no;
  const auto chair =
      std::ranges::find_if(roster, [&](const RosterEntry &m) { return m.member_no == chair_no; });
  if (chair == roster.end())
    return bad("the record names member " + std::to_string(chair_no) +
               " as the chair, who is not on the roster");
  std::string detail;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto &e = entries[i];
    const auto where = entry_name(e.seq);
    auto d = decode_chair_decision(e.text);
    if (!d) return bad(where + ": " + d.error().message);
    if (d->meeting != meeting || d->poll != record.poll)
      return bad(where + " is a decision about meeting " + d->meeting + ", poll " + d->poll);
    if (d->tally_context != record.tally_context)
      return bad(where + " is not bound to the poll's tally (tally_context)");
    const auto known = static_cast<std::size_t>(
        std::ranges::count_if(record.partial_seqs, [&](std::uint64_t s) { return s < e.seq; }));
    if (e.seq <= record.tally_seq || known < record.threshold)
      return bad(where + " comes before the counts were decrypted (tally and " +
                 std::to_string(record.threshold) + " partial decryptions)");
    if (d->member_no != chair_no || d->key != chair->key)
      return bad(where + " is not signed by the chair (member " + std::to_string(chair_no) +
                 ") with his key on the roster");
    if (!verify_chair_decision_signature(*d))
      return bad(where + ": the chair's signature (tag CV/chair-decision) does not verify");
    const auto &named = record.chair_decisions[i];
    if (named.seq != e.seq || named.award != d->award || named.nominees != d->nominees ||
        named.member_no != d->member_no)
      return bad("chair_decisions[" + std::to_string(i) + "] of the record is not " + where);
    detail += (detail.empty() ? "" : "; ") + where + ": \"" + d->award + "\" to nominee" +
              (d->nominees.size() == 1 ? " " : "s ") + numbers(d->nominees);
  }
  if (auto ok = check_record_chair_decisions(record); !ok) return bad(ok.error().message);
  return "signed by the chair (member " + std::to_string(chair_no) + "), each a tie at the quota with " +
         "exactly the places left: " + detail;
}

} // namespace cv::record
