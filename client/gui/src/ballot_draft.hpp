// The member's choices before casting, without widgets: the poll's nominees grouped by award (in
// the order of the poll), a choice per row (Đồng ý, Không đồng ý, Để trống — or none yet), the
// "x / N" count of rows marked, and the choices to build the ballot from. A row left without a
// choice is cast as blank (phiếu trắng), never as "no".
#pragma once

#include "councilvote/client/roles/member.hpp"
#include "councilvote/protocol/bodies.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cv::gui {

using client::roles::Choice;

struct DraftRow {
  std::size_t contest = 0; // index in the poll's manifest
  record::NomineeRow nominee;
  std::optional<Choice> choice; // none yet: cast as blank
};

struct DraftGroup {
  std::string award;
  std::vector<std::size_t> rows; // indices into BallotDraft::rows()
};

class BallotDraft {
public:
  BallotDraft() = default;
  // One row per contest. E_INVALID_ARGUMENT when a contest is not a nominee (general questions are
  // not shown by this version; councilvote-cli votes on them).
  [[nodiscard]] static protocol::Result<BallotDraft> of(const protocol::PollDefinition &poll);

  [[nodiscard]] const std::vector<DraftRow> &rows() const noexcept { return rows_; }
  [[nodiscard]] const std::vector<DraftGroup> &groups() const noexcept { return groups_; }
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  [[nodiscard]] std::size_t marked() const noexcept; // rows with a choice (blank included)
  [[nodiscard]] std::size_t count(Choice c) const noexcept;
  [[nodiscard]] std::size_t unmarked() const noexcept { return size() - marked(); }

  void set(std::size_t row, Choice c);
  void set_group(std::size_t group, Choice c); // "Đồng ý tất cả trong nhóm"
  // One per contest of the manifest, a row without a choice as blank.
  [[nodiscard]] std::vector<client::roles::MemberChoice> choices() const;

private:
  std::vector<DraftRow> rows_;
  std::vector<DraftGroup> groups_;
};

} // namespace cv::gui
