// Test helper: the people of a synthetic record input — members 1..N named "Thành viên N" (member
// 1 the chair, 2 the secretary), and trustees 1..n held by members 1..n.
#pragma once

#include "councilvote/record/result_record.hpp"

#include <string>

namespace cv::record::testing {

inline void name_people(RecordInput &in, std::uint32_t trustees) {
  in.members.clear();
  for (std::uint32_t m = 1; m <= in.turnout.members; ++m)
    in.members.push_back({m, "Thành viên " + std::to_string(m),
                          m == 1   ? CouncilRole::chair
                          : m == 2 ? CouncilRole::secretary
                                   : CouncilRole::member});
  in.trustees.clear();
  for (std::uint32_t t = 1; t <= trustees; ++t) in.trustees.push_back({t, t});
}

} // namespace cv::record::testing
