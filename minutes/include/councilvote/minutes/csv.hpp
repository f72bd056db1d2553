// The minutes' table as CSV (docs/minutes.md §3): UTF-8 with a BOM, first line
// "# fingerprint,<hex>", then a header line and one line per nominee.
#pragma once

#include "councilvote/minutes/minutes_input.hpp"

#include <string>

namespace cv::minutes {

[[nodiscard]] std::string minutes_csv(const MinutesInput &in);

} // namespace cv::minutes
