// A poll's current state, read inside a transaction.
#pragma once

#include "councilvote/schema/poll.hpp"
#include "sqlite.hpp"

namespace cv::schema::detail {

[[nodiscard]] Result<PollState> poll_state(sqlite3 *db, std::string_view poll_id);
[[nodiscard]] std::string poll_name(std::string_view poll_id);
[[nodiscard]] Error wrong_state(std::string_view poll_id, PollState state, std::string_view what);

} // namespace cv::schema::detail
