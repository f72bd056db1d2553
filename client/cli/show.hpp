// Human-readable output of the server's answers (English; the record's table is Vietnamese).
#pragma once

#include "councilvote/client/client.hpp"
#include "councilvote/protocol/bodies.hpp"

#include <string>

namespace cv::cli {

// Crockford base32 of the key's first 10 bytes, XXXX-XXXX-XXXX-XXXX: for comparing screens.
[[nodiscard]] std::string short_key(const crypto::Point &key);

void show_poll_summary(const protocol::PollInfo &info, const protocol::MeetingId &meeting);
// The summary and one line per contest (nominee number, name, award / the question).
void show_poll_detail(const protocol::PollInfo &info, const protocol::MeetingId &meeting);
void show_checkpoint(const protocol::Checkpoint &c);
void show_turnout(const protocol::TurnoutInfo &t);
void show_tally(const protocol::TallyStatus &t);
// Digest, board entry, then the result table (decoded from the record text).
void show_record(const protocol::GetRecordResponse &r);
void show_board(const client::BoardSnapshot &b);

} // namespace cv::cli
