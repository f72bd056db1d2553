#include "ballot_draft.hpp"

#include <algorithm>

namespace cv::gui {

protocol::Result<BallotDraft> BallotDraft::of(const protocol::PollDefinition &poll) {
  BallotDraft d;
  const auto &contests = poll.manifest.contests;
  if (poll.display.size() != contests.size())
    return protocol::make_error(protocol::ErrorCode::invalid_argument,
                                "the poll's display rows do not match its contests");
  for (std::size_t i = 0; i < contests.size(); ++i) {
    if (contests[i].kind != crypto::ContestKind::commendation || !poll.display[i].nominee)
      return protocol::make_error(protocol::ErrorCode::invalid_argument,
                                  "contest " + std::to_string(i + 1) + " is not a nominee");
    d.rows_.push_back({i, *poll.display[i].nominee, std::nullopt});
    const auto &award = poll.display[i].nominee->award;
    auto g = std::find_if(d.groups_.begin(), d.groups_.end(),
                          [&](const DraftGroup &x) { return x.award == award; });
    if (g == d.groups_.end()) {
      d.groups_.push_back({award, {}});
      g = d.groups_.end() - 1;
    }
    g->rows.push_back(d.rows_.size() - 1);
  }
  return d;
}

std::size_t BallotDraft::marked() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(rows_.begin(), rows_.end(), [](const DraftRow &r) { return r.choice.has_value(); }));
}

std::size_t BallotDraft::count(Choice c) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(rows_.begin(), rows_.end(), [c](const DraftRow &r) { return r.choice == c; }));
}

void BallotDraft::set(std::size_t row, Choice c) {
  if (row < rows_.size()) rows_[row].choice = c;
}

void BallotDraft::set_group(std::size_t group, Choice c) {
  if (group >= groups_.size()) return;
  for (auto row : groups_[group].rows) rows_[row].choice = c;
}

std::vector<client::roles::MemberChoice> BallotDraft::choices() const {
  std::vector<client::roles::MemberChoice> out(rows_.size());
  for (const auto &r : rows_)
    out[r.contest] = client::roles::MemberChoice::of(r.choice.value_or(Choice::blank));
  return out;
}

} // namespace cv::gui
