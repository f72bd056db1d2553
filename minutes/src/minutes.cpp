#include "councilvote/minutes/minutes.hpp"

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/minutes/csv.hpp"
#include "councilvote/minutes/document.hpp"
#include "councilvote/minutes/html.hpp"
#include "councilvote/minutes/minutes_input.hpp"
#include "councilvote/record/pdf_attach.hpp"

#include <QFile>
#include <QSaveFile>

namespace cv::minutes {
namespace {

std::string read_all(const std::filesystem::path &p) {
  QFile f(QString::fromStdString(p.string()));
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QByteArray b = f.readAll();
  return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

bool write_all(const std::filesystem::path &p, std::string_view bytes, std::string &error) {
  QSaveFile f(QString::fromStdString(p.string()));
  if (!f.open(QIODevice::WriteOnly) ||
      f.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) ||
      !f.commit()) {
    error = "the file " + p.string() + " cannot be written: " + f.errorString().toStdString();
    return false;
  }
  return true;
}

} // namespace

MinutesResult make_minutes(const MinutesOptions &o) {
  MinutesResult res;
  const std::string bytes = read_all(o.record);
  if (bytes.empty()) {
    res.error = "the record file " + o.record.string() + " cannot be read or is empty";
    return res;
  }
  // The record is verified from the same bytes that are attached.
  res.report = record::verify_record_bytes(bytes);
  res.fingerprint_hex = crypto::to_hex(res.report.fingerprint);
  if (!res.report.ok()) {
    const auto *f = res.report.first_failure();
    res.error = "the record does not verify, so no minutes are made: " +
                (f ? f->name + ": " + f->detail : std::string("the file could not be read to its end"));
    return res;
  }
  auto in = minutes_input(res.report, o.language);
  if (!in) {
    res.error = in.error().message;
    return res;
  }
  std::string pdf, csv, html;
  if (o.pdf) {
    const QByteArray plain = render_minutes_pdf(*in);
    auto attached = record::attach_record_to_pdf(
        std::string_view(plain.constData(), static_cast<std::size_t>(plain.size())), bytes,
        o.record.filename().string(), res.fingerprint_hex);
    if (!attached) {
      res.error = "the record cannot be attached to the PDF: " + attached.error().message;
      return res;
    }
    pdf = std::move(*attached);
  }
  if (o.csv) csv = minutes_csv(*in);
  if (o.html) html = minutes_html(*in);
  if ((o.pdf && !write_all(*o.pdf, pdf, res.error)) || (o.csv && !write_all(*o.csv, csv, res.error)) ||
      (o.html && !write_all(*o.html, html, res.error)))
    return res;
  res.ok = true;
  return res;
}

} // namespace cv::minutes
