// The demo's script (councilvote-demo): the meeting of data/ run over the real protocol, step by
// step, with timings.
#pragma once

#include "harness.hpp"

#include <ostream>
#include <sstream>

namespace cv::tools {

struct DemoOptions {
  std::filesystem::path data_dir;    // roster.csv, nominees.csv, rules.csv
  std::filesystem::path meeting_dir; // must not exist
  QString server_binary;
  QString verify_binary;             // councilvote-verify: the auditor's offline check at the end
  QString minutes_binary;            // councilvote-minutes: the PDF, CSV and HTML beside the record
  std::filesystem::path record_file; // where the record file is exported (must not exist)
  // `--gui`: the desktop client `councilvote` (this binary) votes for member kGuiMember in the room;
  // the demo waits until its window is closed. Empty: every member is scripted.
  QString gui_binary;
  std::filesystem::path gui_dir; // the GUI member's files (key, public key, bundle)
};

class DemoSession {
public:
  DemoSession(DemoOptions options, std::ostream &out) : options_(std::move(options)), out_(out) {}
  [[nodiscard]] Result<protocol::Record> run();
  // Timings, the record digest and what an auditor checked.
  [[nodiscard]] std::string summary() const { return summary_.str(); }

private:
  DemoOptions options_;
  std::ostream &out_;
  std::ostringstream summary_;
};

} // namespace cv::tools
