#include "councilvote/client/roles/record_file.hpp"
#include "councilvote/protocol/crypto_error.hpp"
#include "councilvote/protocol/record_file.hpp"

namespace cv::client::roles {

Result<record::RecordFileSummary> export_record_file(Client &client, const protocol::EnrollmentBundle &bundle,
                                                     const protocol::PollId &poll,
                                                     const std::filesystem::path &out, bool overwrite) {
  auto r = client.get_record(poll);
  if (!r) return r.error();
  auto snap = client.get_board_all();
  if (!snap) return snap.error();
  const auto &entries = snap->entries;
  record::RecordExport x;
  x.bundle = protocol::to_record(bundle);
  x.poll = poll.str();
  x.statement = r->statement;
  x.page = record::pages_of(entries);
  auto done = record::export_record_file(x, out, overwrite);
  if (!done) return protocol::from_record(done.error());
  return std::move(*done);
}

} // namespace cv::client::roles
