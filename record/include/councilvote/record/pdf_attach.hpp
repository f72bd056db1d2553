// The record file inside the minutes' PDF (docs/minutes.md §5): the record file's bytes as a PDF
// file attachment (an EmbeddedFiles name tree entry of the catalog, the stream uncompressed) and the
// fingerprint printed on every page as the catalog's key /CVRecordFingerprint, added to a finished
// PDF as one incremental update. No Qt: councilvote-verify reads it back with the same code.
#pragma once

#include "councilvote/record/error.hpp"

#include <string>
#include <string_view>

namespace cv::record {

inline constexpr std::string_view kPdfFingerprintKey = "CVRecordFingerprint";

// `pdf` with an incremental update appended: the attachment `file_name` holding `record_bytes` and
// the catalog's /CVRecordFingerprint (`fingerprint_hex`, 64 lower-case hex digits). bad_field when
// the PDF's trailer, cross-reference table or catalog cannot be read.
[[nodiscard]] Result<std::string> attach_record_to_pdf(std::string_view pdf, std::string_view record_bytes,
                                                       std::string_view file_name,
                                                       std::string_view fingerprint_hex);

struct PdfRecordAttachment {
  std::string file_name;
  std::string bytes; // the attached record file, exactly
};

// Reads what attach_record_to_pdf wrote (the last update's catalog): check "pdf.attachment" when
// there is no readable attachment.
[[nodiscard]] Result<PdfRecordAttachment> read_record_from_pdf(std::string_view pdf);
// The catalog's /CVRecordFingerprint: check "pdf.fingerprint" when it is missing or not 64 hex digits.
[[nodiscard]] Result<std::string> read_pdf_fingerprint(std::string_view pdf);

// Whether the bytes start like a PDF ("%PDF-").
[[nodiscard]] bool looks_like_pdf(std::string_view bytes) noexcept;

} // namespace cv::record
