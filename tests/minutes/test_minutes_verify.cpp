// councilvote-verify on the minutes' PDF: valid, and refused when the attachment or the printed
// fingerprint was changed (checks pdf.attachment, pdf.fingerprint).
#include "councilvote/minutes/minutes.hpp"
#include "councilvote/record/pdf_attach.hpp"
#include "councilvote/record/verify_pdf.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace cv::minutes;
using namespace cv::minutes::test;

namespace {

std::filesystem::path sample_pdf(const std::filesystem::path &dir, std::string &fingerprint) {
  std::filesystem::copy_file(std::filesystem::path(CV_DOCS_DIR) / "record-sample.jsonl", dir / "poll.jsonl");
  const auto res = make_minutes({dir / "poll.jsonl", dir / "bien-ban.pdf", {}, {}});
  REQUIRE(res.ok);
  fingerprint = res.fingerprint_hex;
  return dir / "bien-ban.pdf";
}

std::string verify(const std::filesystem::path &pdf, int &status) {
  return run(std::string(CV_VERIFY_BINARY) + " '" + pdf.string() + "' 2>&1", &status);
}

} // namespace

TEST_CASE("councilvote-verify says the minutes' PDF is valid and names the PDF checks") {
  const auto dir = scratch("verify-ok");
  std::string fp;
  const auto pdf = sample_pdf(dir, fp);
  int st = -1;
  const auto out = verify(pdf, st);
  CHECK(st == 0);
  CHECK(out.find("RECORD VALID " + fp) != std::string::npos);
  CHECK(out.find("pdf.attachment") != std::string::npos);
  CHECK(out.find("pdf.fingerprint") != std::string::npos);
}

TEST_CASE("councilvote-verify refuses a PDF whose attached record was changed") {
  const auto dir = scratch("verify-att");
  std::string fp;
  auto bytes = slurp(sample_pdf(dir, fp));
  // The attachment's stream holds the record's bytes: change one hex digit of its bundle signature.
  const auto at = bytes.find("\"sig\":\"");
  REQUIRE(at != std::string::npos);
  bytes[at + 7] = bytes[at + 7] == '0' ? '1' : '0';
  spit(dir / "changed.pdf", bytes);
  int st = -1;
  const auto out = verify(dir / "changed.pdf", st);
  CHECK(st == 1);
  CHECK(out.find("RECORD INVALID") != std::string::npos);
  // The record is refused by its own checks.
  const auto rep = cv::record::verify_minutes_pdf_bytes(bytes);
  CHECK_FALSE(rep.ok());
}

TEST_CASE("councilvote-verify refuses a PDF whose printed fingerprint was changed") {
  const auto dir = scratch("verify-fp");
  std::string fp;
  auto bytes = slurp(sample_pdf(dir, fp));
  const std::string key = "/CVRecordFingerprint (" + fp + ")";
  const auto at = bytes.find(key);
  REQUIRE(at != std::string::npos);
  std::string other = fp;
  other[0] = other[0] == 'a' ? 'b' : 'a';
  bytes.replace(at, key.size(), "/CVRecordFingerprint (" + other + ")");
  spit(dir / "changed.pdf", bytes);
  int st = -1;
  const auto out = verify(dir / "changed.pdf", st);
  CHECK(st == 1);
  CHECK(out.find("RECORD INVALID: pdf.fingerprint") != std::string::npos);
}

TEST_CASE("a PDF without an attachment is refused with pdf.attachment") {
  const auto dir = scratch("verify-none");
  std::string fp;
  auto bytes = slurp(sample_pdf(dir, fp));
  const auto at = bytes.find("/EmbeddedFiles");
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 14, "/EmbeddedFilez");
  const auto rep = cv::record::verify_minutes_pdf_bytes(bytes);
  CHECK_FALSE(rep.ok());
  REQUIRE(rep.first_failure());
  CHECK(rep.first_failure()->name == "pdf.attachment");
  const auto att = cv::record::read_record_from_pdf("%PDF-1.4\nnot a pdf at all");
  CHECK_FALSE(att.has_value());
}
