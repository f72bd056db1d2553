// Verifying the minutes' PDF (docs/record.md §6, docs/minutes.md §5): the record file attached to
// it is verified like any record file, then checked to be the one whose fingerprint the PDF prints.
#pragma once

#include "councilvote/record/verify.hpp"

#include <filesystem>
#include <string_view>

namespace cv::record {

// Checks "pdf.attachment" (the PDF holds one readable attached record file), every check of
// verify_record_bytes on it, then "pdf.fingerprint" (the PDF's /CVRecordFingerprint is the
// attached file's fingerprint). When the attachment cannot be read, the record's checks are SKIP.
[[nodiscard]] VerifyReport verify_minutes_pdf_bytes(std::string_view pdf, const VerifyOptions &options = {});
[[nodiscard]] VerifyReport verify_minutes_pdf(const std::filesystem::path &path,
                                              const VerifyOptions &options = {});

} // namespace cv::record
