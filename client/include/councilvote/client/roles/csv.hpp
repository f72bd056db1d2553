// The CSV reader of the secretary's input files is protocol's (councilvote/protocol/csv.hpp): the
// server reads the same rules.csv format for the rule profiles it ships.
#pragma once

#include "councilvote/protocol/csv.hpp"

namespace cv::client::roles {

using protocol::check_csv_columns;
using protocol::CsvRecord;
using protocol::CsvRow;
using protocol::CsvTable;
using protocol::parse_csv;
using protocol::read_text_file;

} // namespace cv::client::roles
