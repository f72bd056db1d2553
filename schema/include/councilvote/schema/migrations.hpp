// The schema migrations, embedded at build time from schema/migrations/NNNN_name.sql.
#pragma once

#include <span>
#include <string_view>

namespace cv::schema {

struct Migration {
  int version; // NNNN: 1, 2, ... without gaps; the database's PRAGMA user_version after it
  std::string_view file;
  std::string_view sql;
};

[[nodiscard]] std::span<const Migration> migrations() noexcept;
[[nodiscard]] int latest_version() noexcept;

} // namespace cv::schema
