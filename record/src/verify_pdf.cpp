// The minutes' PDF: its attached record file verified, and bound to the fingerprint it prints.
#include "councilvote/record/verify_pdf.hpp"

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/record/pdf_attach.hpp"

#include <fstream>
#include <string>

namespace cv::record {

VerifyReport verify_minutes_pdf_bytes(std::string_view pdf, const VerifyOptions &options) {
  auto att = read_record_from_pdf(pdf);
  if (!att) {
    VerifyReport rep;
    rep.checks.push_back({"pdf.attachment", false, false, att.error().message});
    for (auto name : verify_check_names()) rep.checks.push_back({std::string(name), false, true, {}});
    rep.checks.push_back({"pdf.fingerprint", false, true, {}});
    return rep;
  }
  VerifyReport rep = verify_record_bytes(att->bytes, options);
  rep.checks.insert(rep.checks.begin(), VerifyCheck{"pdf.attachment", true, false,
                                                    "the attached file " + att->file_name + ", " +
                                                        std::to_string(att->bytes.size()) + " bytes"});
  auto printed = read_pdf_fingerprint(pdf);
  if (!printed) {
    rep.checks.push_back({"pdf.fingerprint", false, false, printed.error().message});
  } else if (crypto::to_hex(rep.fingerprint) != *printed) {
    rep.checks.push_back({"pdf.fingerprint", false, false,
                          "the PDF prints fingerprint " + *printed + " but the attached record file's is " +
                              crypto::to_hex(rep.fingerprint)});
  } else {
    rep.checks.push_back({"pdf.fingerprint", true, false, "the printed fingerprint is the attached file's"});
  }
  return rep;
}

VerifyReport verify_minutes_pdf(const std::filesystem::path &path, const VerifyOptions &options) {
  std::string pdf;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (in) {
    pdf.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    in.read(pdf.data(), static_cast<std::streamsize>(pdf.size()));
  }
  if (!in) {
    VerifyReport rep;
    rep.checks.push_back({"pdf.attachment", false, false, "the file " + path.string() + " cannot be read"});
    return rep;
  }
  return verify_minutes_pdf_bytes(pdf, options);
}

} // namespace cv::record
