// councilvote-server export: the record file of a published poll (docs/record.md §5), written
// from the meeting directory; the server may be running.
#include "cli.hpp"
#include "councilvote/crypto/bytes.hpp"
#include "councilvote/protocol/ids.hpp"
#include "councilvote/server/record_export.hpp"

#include <cstdio>

namespace cv::server::cli {

int run_export(const QStringList &args) {
  const QString command = QStringLiteral("councilvote-server export");
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Writes the record file of a published poll: the enrollment bundle, the roster with its keys, "
      "every board entry up to the poll's result (the key ceremony, the manifest, every ballot as "
      "signed, the frozen attendance, the tally, the partial decryptions with their proofs, the record) "
      "and the server's signed record statement. An auditor checks it offline with "
      "councilvote-verify. Prints the file's fingerprint."));
  const QCommandLineOption meeting{QStringLiteral("meeting"), QStringLiteral("The meeting directory."),
                                   QStringLiteral("DIR")};
  const QCommandLineOption poll{QStringLiteral("poll"), QStringLiteral("The poll id."), QStringLiteral("P")};
  const QCommandLineOption out{QStringLiteral("out"), QStringLiteral("The record file to write."),
                               QStringLiteral("FILE")};
  const QCommandLineOption force{QStringLiteral("force"), QStringLiteral("Replace FILE if it exists.")};
  parser.addOptions({meeting, poll, out, force});
  if (auto done = parse(parser, args, command)) return *done;
  for (const auto *o : {&meeting, &poll, &out})
    if (parser.value(*o).trimmed().isEmpty())
      return usage_error(command, QStringLiteral("--%1 is required").arg(o->names().first()));
  auto poll_id = protocol::PollId::parse(parser.value(poll).toStdString());
  if (!poll_id)
    return usage_error(command, QStringLiteral("--poll: ") + QString::fromStdString(poll_id.error().message));
  const MeetingDir dir{std::filesystem::path(parser.value(meeting).toStdString())};
  const std::filesystem::path file(parser.value(out).toStdString());
  auto done = export_record(dir, *poll_id, file, parser.isSet(force));
  if (!done) {
    error("cannot export the record of poll " + poll_id->str() + ": " + done.error().message);
    return kExitRuntime;
  }
  std::printf("record file:  %s\n", file.string().c_str());
  std::printf("entries:      %llu board entries, %u ballots\n",
              static_cast<unsigned long long>(done->entries), done->ballots);
  std::printf("fingerprint:  %s\n", crypto::to_hex(done->fingerprint).c_str());
  std::printf("verify with:  councilvote-verify %s\n", file.string().c_str());
  return kExitOk;
}

} // namespace cv::server::cli
