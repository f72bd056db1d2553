// The minutes of a record file, as the secretary's command and the future GUI make them: verify the
// record first, refuse one that does not verify, then write the PDF (with the record attached), the
// CSV and the HTML from the record only.
#pragma once

#include "councilvote/minutes/minutes_input.hpp"
#include "councilvote/record/verify.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace cv::minutes {

struct MinutesOptions {
  std::filesystem::path record;
  std::optional<std::filesystem::path> pdf, csv, html;
  Language language = Language::vi; // of every text the minutes add; the record's own data stay as recorded
};

struct MinutesResult {
  bool ok = false;
  std::string error;           // "the record does not verify: <check>: <detail>" when !ok
  record::VerifyReport report; // the record's verification
  std::string fingerprint_hex;
};

// Nothing is written unless the record verifies and every output was made. Needs a QGuiApplication.
[[nodiscard]] MinutesResult make_minutes(const MinutesOptions &o);

} // namespace cv::minutes
