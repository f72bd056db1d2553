#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/protocol/record_file.hpp"

namespace cv::client::roles {

AuditReport audit_poll(const AuditInput &in) {
  auto unbuilt = [](std::string why) {
    AuditReport r;
    r.checks.push_back({"record.statement", false, false, std::move(why)});
    return r;
  };
  if (!in.statement) return unbuilt("no record statement: the poll's record is not published");
  record::RecordExport x;
  x.bundle = protocol::to_record(in.bundle);
  x.poll = in.poll.str();
  x.statement = *in.statement;
  x.page = record::pages_of(in.board);
  auto bytes = record::export_record_bytes(x);
  if (!bytes) return unbuilt("the record file cannot be built from this board: " + bytes.error().message);
  record::VerifyOptions options;
  options.server_key = in.bundle.server_key;
  options.tracking_code = in.tracking_code;
  return record::verify_record_bytes(std::move(*bytes), options);
}

} // namespace cv::client::roles
