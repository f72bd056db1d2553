// The audit log: every state change, written in the same transaction as the change.
#pragma once

#include <cstdint>
#include <string>

namespace cv::schema {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::string actor;  // e.g. "secretary", "member:7", "trustee:2"
  std::string action; // e.g. "poll.set_state"
  std::string detail;
};

} // namespace cv::schema
