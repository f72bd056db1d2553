#include "councilvote/server/record_export.hpp"

#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/record_file.hpp"
#include "councilvote/record/record_file.hpp"
#include "councilvote/schema/store.hpp"
#include "councilvote/server/store_error.hpp"

#include <fstream>
#include <sstream>

namespace cv::server {

namespace {

protocol::Error failure(protocol::ErrorCode code, std::string message) {
  return protocol::make_error(code, std::move(message));
}

} // namespace

protocol::Result<RecordExportResult> export_record(const MeetingDir &dir, const protocol::PollId &poll,
                                                   const std::filesystem::path &out, bool overwrite) {
  auto store = schema::Store::open(dir.database());
  if (!store) return store_error(store.error());
  std::ifstream bundle_file(dir.bundle_json());
  std::stringstream bundle_text;
  bundle_text << bundle_file.rdbuf();
  auto bundle = protocol::decode_bundle_json(bundle_text.str());
  if (!bundle)
    return failure(protocol::ErrorCode::internal, dir.bundle_json().string() + ": " + bundle.error().message);
  auto key = load_server_signing_key(dir);
  if (!key) return key.error();
  auto results = store->board_entries(schema::BoardKind::result, poll.str());
  if (!results) return store_error(results.error());
  if (results->empty())
    return failure(protocol::ErrorCode::not_found,
                   "poll '" + poll.str() + "' has no published record to export");
  auto statement = record_statement(bundle->meeting, poll, results->front(), *key);
  if (!statement) return statement.error();

  record::RecordExport x;
  x.bundle = protocol::to_record(*bundle);
  x.poll = poll.str();
  x.statement = *statement;
  const schema::Store &s = *store;
  x.page = [&s](std::uint64_t first) -> record::Result<std::vector<record::BoardEntry>> {
    auto page = s.board(first, record::kMaxBoardPage);
    if (!page) return record::make_error(record::Errc::io, "reading the board: " + page.error().message);
    return std::move(*page);
  };
  auto done = record::export_record_file(x, out, overwrite);
  if (!done) return failure(protocol::ErrorCode::internal, done.error().message);
  return RecordExportResult{done->fingerprint, done->entries, done->ballots};
}

} // namespace cv::server
