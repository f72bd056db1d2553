// The result table is record/'s (councilvote/record/result_table.hpp): the CLI, the GUI and the
// offline verifier print the same table.
#pragma once

#include "councilvote/record/result_table.hpp"

namespace cv::client {
using record::format_result_table;
using record::outcome_label_vi;
using record::percent_text;
} // namespace cv::client
