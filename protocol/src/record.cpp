#include "councilvote/protocol/record.hpp"

#include "councilvote/protocol/crypto_error.hpp"

namespace cv::protocol {

Result<Record> compute_record(const RecordInput &in) {
  auto r = record::compute_record(in);
  if (!r) return from_record(r.error());
  return std::move(*r);
}

std::string encode_record(const Record &r) { return record::encode_record(r); }

Result<Record> decode_record(std::string_view text) {
  auto r = record::decode_record(text);
  if (!r) return from_record(r.error());
  return std::move(*r);
}

Result<void> verify_record_outcomes(const Record &r) {
  if (auto ok = record::verify_record_outcomes(r); !ok) return from_record(ok.error());
  return {};
}

} // namespace cv::protocol
