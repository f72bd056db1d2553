// The minutes as one standalone HTML page (docs/minutes.md §4): inline CSS with @page A4, no
// external files, the same content as the PDF.
#pragma once

#include "councilvote/minutes/minutes_input.hpp"

#include <string>

namespace cv::minutes {

[[nodiscard]] std::string minutes_html(const MinutesInput &in);

} // namespace cv::minutes
