// The record file (docs/record.md §5-§6) of a poll run on the real server: the server's `export`
// and a client's export over the wire are the same bytes; councilvote-verify (a process of its own,
// no Qt, no network) finds it valid and prints its fingerprint; a file changed by one byte, or cut
// short, is refused by name; a poll without a record exports nothing. And every payload the server
// put on the board reads the same with record/'s Qt-free readers as with the wire's.
#include "councilvote/client/roles/member.hpp"
#include "councilvote/client/roles/record_file.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/record/payloads.hpp"
#include "councilvote/record/verify.hpp"
#include "fixture.hpp"

#include <QFile>
#include <QProcess>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cvtest;
using cv::client::roles::Choice;

namespace {

std::string slurp(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::filesystem::path &p, const std::string &text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

struct Run {
  int exit = -1;
  std::string out, err;
};

Run run(const QString &program, const QStringList &args) {
  QProcess p;
  p.start(program, args);
  REQUIRE(p.waitForFinished(120000));
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput().toStdString(),
          p.readAllStandardError().toStdString()};
}

std::string last_line(const std::string &text) {
  auto end = text.find_last_not_of('\n');
  if (end == std::string::npos) return {};
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// A published poll of 3 nominees: 7 members vote, trustees 5 and 6 decrypt.
void publish_poll(tools::MeetingHarness &h, const protocol::PollId &poll) {
  const auto info = open_room_poll(h, poll, 3);
  for (std::uint32_t no = 1; no <= 7; ++no) {
    auto b = client::roles::build_ballot(
        h.meeting_id(), info, h.member(no).keys.signing,
        client::roles::uniform_choices(info.definition.manifest, no % 3 ? Choice::agree : Choice::disagree));
    REQUIRE(b);
    REQUIRE(h.member(no).client->cast_ballot(poll, b->ballot));
  }
  (void)close_count_publish(h, poll);
}

} // namespace

TEST_CASE("record file: the server's export and a client's are the same bytes, and councilvote-verify "
          "finds them valid",
          "[integration][record]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  const auto options = harness_options(dir);
  tools::MeetingHarness h(options, log);
  load_small_meeting(h, 3);
  const auto poll = *protocol::PollId::parse("poll-rec");
  publish_poll(h, poll);
  const std::filesystem::path root = dir.path().toStdString();
  const auto server_file = root / "server.jsonl", client_file = root / "client.jsonl";

  // The server's export from the meeting directory, while it runs.
  const auto exported =
      run(CV_SERVER_BINARY, {"export", "--meeting", QString::fromStdString(options.meeting_dir.string()),
                             "--poll", "poll-rec", "--out", QString::fromStdString(server_file.string())});
  INFO(exported.out << exported.err);
  REQUIRE(exported.exit == 0);
  // A client's, over the wire.
  auto mine = client::roles::export_record_file(h.secretary(), h.bundle(), poll, client_file, false);
  INFO((mine ? "" : mine.error().message));
  REQUIRE(mine);
  const auto bytes = slurp(server_file);
  CHECK(bytes == slurp(client_file));
  const auto fingerprint = crypto::to_hex(record::record_file_fingerprint(bytes));
  CHECK(crypto::to_hex(mine->fingerprint) == fingerprint);
  CHECK(exported.out.find("fingerprint:  " + fingerprint) != std::string::npos);
  CHECK(mine->ballots == 7);

  // In process, and as the auditor's own program.
  const auto report = record::verify_record_file(server_file);
  INFO(report.to_text());
  CHECK(report.ok());
  CHECK(crypto::to_hex(report.fingerprint) == fingerprint);
  CHECK(report.ballots == 7);
  REQUIRE(report.record);
  CHECK(report.record->turnout.voted == std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6, 7});
  for (auto name : record::verify_check_names())
    if (name != "tracking_code") CHECK(report.find(name));
  const auto verified = run(CV_VERIFY_BINARY, {QString::fromStdString(server_file.string())});
  INFO(verified.out << verified.err);
  CHECK(verified.exit == 0);
  CHECK(last_line(verified.out) == "RECORD VALID " + fingerprint);
  CHECK(verified.out.find("KẾT QUẢ KIỂM PHIẾU") != std::string::npos);

  // --tracking-code: member 3's ballot is counted, a made-up code is not.
  auto board = h.secretary().get_board_all();
  REQUIRE(board);
  std::string code;
  for (const auto &e : board->entries)
    if (e.kind == protocol::BoardEntryKind::ballot && e.poll_id == "poll-rec" && code.empty())
      code = crypto::short_tracking_code(crypto::tracking_code_of(e.payload));
  const auto found = run(CV_VERIFY_BINARY, {QString::fromStdString(server_file.string()), "--tracking-code",
                                            QString::fromStdString(code)});
  CHECK(found.exit == 0);
  CHECK(found.out.find("PASS  tracking_code") != std::string::npos);
  const auto missing = run(CV_VERIFY_BINARY, {QString::fromStdString(server_file.string()), "--tracking-code",
                                              "ZZZZ-ZZZZ-ZZZZ-ZZZZ"});
  CHECK(missing.exit == 1);
  CHECK(last_line(missing.out).rfind("RECORD INVALID: tracking_code: ", 0) == 0);
  // --json for programs.
  const auto json = run(CV_VERIFY_BINARY, {QString::fromStdString(server_file.string()), "--json"});
  CHECK(json.exit == 0);
  auto parsed = record::parse_json_object(json.out, {});
  REQUIRE(parsed);
  CHECK((*parsed)["valid"] == true);
  CHECK((*parsed)["fingerprint"] == fingerprint);
}

TEST_CASE("record file: one byte changed, a line removed, or the file cut short is refused by name",
          "[integration][record]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  const auto options = harness_options(dir);
  tools::MeetingHarness h(options, log);
  load_small_meeting(h, 3);
  const auto poll = *protocol::PollId::parse("poll-t");
  publish_poll(h, poll);
  const std::filesystem::path root = dir.path().toStdString();
  const auto good = root / "good.jsonl";
  REQUIRE(client::roles::export_record_file(h.secretary(), h.bundle(), poll, good, false));
  const auto bytes = slurp(good);
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < bytes.size();) {
    auto nl = bytes.find('\n', at);
    lines.push_back(bytes.substr(at, nl - at));
    at = nl + 1;
  }
  auto join = [](const std::vector<std::string> &ls) {
    std::string s;
    for (const auto &l : ls) s += l + "\n";
    return s;
  };
  auto verdict = [&](const std::string &name, const std::string &text) {
    const auto p = root / (name + ".jsonl");
    spit(p, text);
    const auto r = run(CV_VERIFY_BINARY, {QString::fromStdString(p.string())});
    INFO(name << ": " << r.out);
    CHECK(r.exit == 1);
    return last_line(r.out);
  };
  std::size_t ballot_line = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find("\"kind\":\"ballot\"") != std::string::npos &&
        lines[i].find("\"poll\":\"poll-t\"") != std::string::npos) {
      ballot_line = i;
      break;
    }
  REQUIRE(ballot_line > 0);

  SECTION("a hex digit of a ballot flipped") {
    auto ls = lines;
    const auto at = ls[ballot_line].find("\"payload\":\"") + 40;
    ls[ballot_line][at] = ls[ballot_line][at] == '0' ? '1' : '0';
    CHECK(verdict("flipped", join(ls)).rfind("RECORD INVALID: board.chain: board entry ", 0) == 0);
  }
  SECTION("a ballot line removed") {
    auto ls = lines;
    ls.erase(ls.begin() + static_cast<std::ptrdiff_t>(ballot_line));
    CHECK(verdict("removed", join(ls)).rfind("RECORD INVALID: board.chain: ", 0) == 0);
  }
  SECTION("two lines swapped") {
    auto ls = lines;
    std::swap(ls[ballot_line], ls[ballot_line + 1]);
    CHECK(verdict("swapped", join(ls)).rfind("RECORD INVALID: board.chain: ", 0) == 0);
  }
  SECTION("the statement cut off") {
    auto ls = lines;
    ls.pop_back();
    CHECK(verdict("cut", join(ls))
              .rfind("RECORD INVALID: board.complete: the file ends without the record statement", 0) == 0);
  }
  SECTION("the last newline missing") {
    auto text = join(lines);
    text.pop_back();
    CHECK(verdict("no-newline", text).find("ends without a newline") != std::string::npos);
  }
  SECTION("the statement's signature changed") {
    auto ls = lines;
    auto &st = ls.back();
    const auto at = st.find("\"sig\":\"") + 10;
    st[at] = st[at] == 'a' ? 'b' : 'a';
    CHECK(verdict("sig", join(ls)).rfind("RECORD INVALID: record.statement: ", 0) == 0);
  }
  SECTION("the header's bundle changed") {
    auto ls = lines;
    const auto at = ls[0].find("\"min_ballots\":");
    REQUIRE(at != std::string::npos);
    ls[0].replace(at, std::string("\"min_ballots\":5").size(), "\"min_ballots\":2");
    CHECK(verdict("bundle", join(ls)).rfind("RECORD INVALID: bundle.signature: ", 0) == 0);
  }
}

TEST_CASE("record file: a poll without a published record exports nothing", "[integration][record]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  const auto options = harness_options(dir);
  tools::MeetingHarness h(options, log);
  load_small_meeting(h, 2);
  const auto poll = *protocol::PollId::parse("poll-open");
  (void)open_room_poll(h, poll, 2);
  const std::filesystem::path out = std::filesystem::path(dir.path().toStdString()) / "none.jsonl";
  const auto r =
      run(CV_SERVER_BINARY, {"export", "--meeting", QString::fromStdString(options.meeting_dir.string()),
                             "--poll", "poll-open", "--out", QString::fromStdString(out.string())});
  CHECK(r.exit == 1);
  CHECK(r.err.find("has no published record") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  auto mine = client::roles::export_record_file(h.secretary(), h.bundle(), poll, out, false);
  CHECK(code_of(mine) == protocol::ErrorCode::not_found);
  CHECK_FALSE(std::filesystem::exists(out));
  auto tmp = out;
  tmp += ".tmp";
  CHECK_FALSE(std::filesystem::exists(tmp));
}

// The board payloads have one description, record's (record/payloads.hpp): the wire reads them
// through it and writes them with its writers. A payload the server wrote reads the same both ways,
// and written again gives the very bytes on the board.
template <class T, class F, class W>
void check_one_description(const std::string &text, const char *path, F read_mine, W write_mine) {
  auto wire = protocol::read_body<T>(*protocol::parse_json_object(text), path);
  auto mine = read_mine(text);
  REQUIRE(wire);
  REQUIRE(mine);
  CHECK(*mine == *wire);
  CHECK(protocol::to_json(protocol::write_members(*wire)) == text);
  CHECK(protocol::to_json(protocol::to_qt(write_mine(*mine)).toObject()) == text);
}

TEST_CASE("record file: every payload on the board reads the same with record's readers as with the wire's",
          "[integration][record]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  load_small_meeting(h, 3);
  const auto poll = *protocol::PollId::parse("poll-x");
  publish_poll(h, poll);
  auto board = h.secretary().get_board_all();
  REQUIRE(board);
  int seen = 0;
  for (const auto &e : board->entries) {
    const std::string text(e.payload.begin(), e.payload.end());
    if (e.kind == protocol::BoardEntryKind::manifest) {
      check_one_description<protocol::PollDefinition>(
          text, "manifest", [](const std::string &t) { return record::read_poll_definition(t); },
          [](const record::PollDefinition &d) { return record::poll_definition_to_json(d); });
      auto mine = record::read_poll_definition(text);
      REQUIRE(mine);
      auto ctx = record::verified_context(*mine, h.meeting_id().str());
      REQUIRE(ctx);
      CHECK(ctx->hash() == mine->context_hash);
      ++seen;
    } else if (e.kind == protocol::BoardEntryKind::attendance) {
      check_one_description<protocol::FrozenAttendance>(
          text, "attendance", [](const std::string &t) { return record::read_frozen_attendance(t); },
          [](const record::FrozenAttendance &a) { return record::frozen_attendance_to_json(a); });
      ++seen;
    } else if (e.kind == protocol::BoardEntryKind::tally) {
      check_one_description<protocol::TallyInfo>(
          text, "tally", [](const std::string &t) { return record::read_tally_info(t); },
          [](const record::TallyInfo &t) { return record::tally_info_to_json(t); });
      ++seen;
    } else if (e.kind == protocol::BoardEntryKind::result) {
      auto wire = protocol::decode_record(text);
      auto mine = record::decode_record(text);
      REQUIRE(wire);
      REQUIRE(mine);
      CHECK(*mine == *wire);
      CHECK(record::encode_record(*mine) == text);
      ++seen;
    }
  }
  CHECK(seen == 4);
}
