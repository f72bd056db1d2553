// The hardening fixes attacked through the real server and real clients over wss: a tally of too few
// ballots (min_ballots), attendance changed after the close, weak member keys, and a secretary that
// registers a whole council at once and waits when it is rate limited. Each refusal is asserted
// with its error code, and the board (or the stored keys) are shown to be unchanged.
#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/client/roles/member.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record.hpp"
#include "fixture.hpp"

#include <QFile>
#include <QProcess>
#include <algorithm>
#include <array>
#include <filesystem>

using namespace cvtest;
using cv::client::roles::Choice;

namespace {

// Every member in `voters` casts a ballot of the same choice in `poll`.
void cast_all(tools::MeetingHarness &h, const protocol::PollInfo &info,
              const std::vector<std::uint32_t> &voters, Choice c) {
  for (auto no : voters) {
    auto b = client::roles::build_ballot(h.meeting_id(), info, h.member(no).keys.signing,
                                         client::roles::uniform_choices(info.definition.manifest, c));
    REQUIRE(b);
    auto r = h.member(no).client->cast_ballot(protocol::poll_of(info.definition), b->ballot);
    INFO("member " << no << ": " << (r ? "" : r.error().message));
    REQUIRE(r);
  }
}

// The board entries of `kind` for `poll`.
std::vector<protocol::BoardEntry> entries_of(const std::vector<protocol::BoardEntry> &board,
                                             protocol::BoardEntryKind kind, const protocol::PollId &poll) {
  std::vector<protocol::BoardEntry> out;
  for (const auto &e : board)
    if (e.kind == kind && e.poll_id == poll.str()) out.push_back(e);
  return out;
}

protocol::FrozenAttendance frozen_attendance_of(const protocol::BoardEntry &e) {
  const std::string_view text(reinterpret_cast<const char *>(e.payload.data()), e.payload.size());
  auto json = protocol::parse_json_object(text);
  INFO((json ? "" : json.error().message));
  REQUIRE(json);
  auto a = protocol::read_body<protocol::FrozenAttendance>(*json, "attendance");
  INFO((a ? "" : a.error().message));
  REQUIRE(a);
  return *a;
}

// `councilvote-server init` into `dir` with every required option and `--min-ballots min`.
int run_init(const std::filesystem::path &dir, const QString &min, QString &output) {
  const auto secretary = crypto::SigningKey::generate();
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.start(CV_SERVER_BINARY,
          {"init", "--meeting", QString::fromStdString(dir.string()), "--meeting-id", "hardening-init",
           "--council", "Council", "--session", "Session", "--date", "2025-06-15", "--place", "Room 1",
           "--secretary-key", QString::fromStdString(protocol::lower_hex(secretary.public_key)), "--address",
           "127.0.0.1:1", "--min-ballots", min});
  REQUIRE(p.waitForFinished(60000));
  output = QString::fromUtf8(p.readAll());
  REQUIRE(p.exitStatus() == QProcess::NormalExit);
  return p.exitCode();
}

bool absent_or_empty(const std::filesystem::path &dir) {
  return !std::filesystem::exists(dir) || std::filesystem::is_empty(dir);
}

// The roster of data/roster.csv, for a meeting whose keys the test registers itself.
protocol::ImportRosterRequest sample_roster() {
  auto roster = client::roles::read_roster_csv(std::filesystem::path(CV_DATA_DIR) / "roster.csv");
  REQUIRE(roster);
  return *roster;
}

crypto::SignPublicKey key_of_bytes(std::uint8_t first, std::uint8_t middle, std::uint8_t last) {
  crypto::SignPublicKey k{};
  std::ranges::fill(k, middle);
  k.front() = first;
  k.back() = last;
  return k;
}

} // namespace

TEST_CASE("hardening: a poll with fewer ballots than min_ballots is never tallied or decrypted",
          "[integration][hardening]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());

  { // init refuses a minimum below 2 (usage error) and creates nothing; 2 itself is accepted.
    const std::filesystem::path root = dir.path().toStdString();
    QString out;
    for (const char *bad : {"1", "0", "two"}) {
      INFO("--min-ballots " << bad);
      const auto target = root / ("init-" + std::string(bad));
      CHECK(run_init(target, bad, out) == 2);
      CHECK(out.contains("--min-ballots"));
      CHECK(absent_or_empty(target));
    }
    const auto ok_dir = root / "init-2";
    INFO("--min-ballots 2");
    REQUIRE(run_init(ok_dir, "2", out) == 0);
    CHECK(out.contains("min. ballots:      2"));
    QFile f(QString::fromStdString((ok_dir / "bundle.json").string()));
    REQUIRE(f.open(QIODevice::ReadOnly));
    auto bundle = protocol::decode_bundle(f.readAll().toStdString());
    REQUIRE(bundle);
    CHECK(bundle->min_ballots == 2);
  }

  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  load_small_meeting(h, 3);
  REQUIRE(h.bundle().min_ballots == 5); // the default

  // One ballot: its "total" would be that member's vote.
  const auto poll = *protocol::PollId::parse("poll-one-ballot");
  const auto info = open_room_poll(h, poll, 3);
  cast_all(h, info, {1}, Choice::agree);
  REQUIRE(h.secretary().close_poll(poll));
  const auto seq = board_seq(h);

  {
    INFO("start_tally of a poll with 1 ballot: E_WRONG_STATE naming the minimum");
    auto r = h.secretary().start_tally(poll);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == protocol::ErrorCode::wrong_state);
    INFO(r.error().message);
    CHECK(r.error().message.find("minimum of 5") != std::string::npos);
  }
  CHECK(board_seq(h) == seq); // no tally entry
  {
    INFO("asking again changes nothing: still no tally");
    CHECK(code_of(h.secretary().start_tally(poll)) == protocol::ErrorCode::wrong_state);
  }
  {
    INFO("a trustee asking for the tally: E_WRONG_STATE (there is none)");
    CHECK(code_of(h.member(5).client->get_tally(poll)) == protocol::ErrorCode::wrong_state);
  }
  {
    INFO("a trustee posting a partial decryption anyway: E_WRONG_STATE");
    const protocol::PostPartialDecryptionRequest req{poll, {}, protocol::Bytes(200, 0x01)};
    auto r = h.member(5).client->raw(protocol::MessageType::post_partial_decryption, req.to_json());
    CHECK(code_of(r) == protocol::ErrorCode::wrong_state);
  }
  {
    INFO("publishing a record without a tally: E_WRONG_STATE");
    CHECK(code_of(h.secretary().publish_record(poll)) == protocol::ErrorCode::wrong_state);
  }
  CHECK(board_seq(h) == seq); // nothing was written
  {
    auto p = h.secretary().get_poll(poll);
    REQUIRE(p);
    CHECK(p->status == protocol::PollStatus::closed);
    auto board = h.secretary().get_board_all();
    REQUIRE(board);
    CHECK(entries_of(board->entries, protocol::BoardEntryKind::tally, poll).empty());
    CHECK(entries_of(board->entries, protocol::BoardEntryKind::partial_decryption, poll).empty());
    CHECK(entries_of(board->entries, protocol::BoardEntryKind::result, poll).empty());
  }

  // Five ballots (the minimum): tallied, decrypted and published.
  const auto poll5 = *protocol::PollId::parse("poll-five-ballots");
  const auto info5 = open_room_poll(h, poll5, 3);
  cast_all(h, info5, {1, 2, 3, 4, 5}, Choice::agree);
  REQUIRE(h.secretary().close_poll(poll5));
  auto tally = h.secretary().start_tally(poll5);
  INFO((tally ? "" : tally.error().message));
  REQUIRE(tally);
  CHECK(tally->tally.ballots == 5);
  auto d5 = h.decrypt(5, poll5);
  INFO((d5 ? "" : d5.error().message));
  REQUIRE(d5);
  auto d6 = h.decrypt(6, poll5);
  INFO((d6 ? "" : d6.error().message));
  REQUIRE(d6);
  auto published = h.secretary().publish_record(poll5);
  INFO((published ? "" : published.error().message));
  REQUIRE(published);
  auto fetched = h.member(9).client->get_record(poll5);
  REQUIRE(fetched);
  auto record = protocol::decode_record(fetched->record);
  REQUIRE(record);
  CHECK(record->min_ballots == 5);
  CHECK(record->turnout.ballots == 5);
  CHECK(record->contests.at(0).agree == 5);
}

TEST_CASE("hardening: attendance changed after close does not change the counted poll",
          "[integration][hardening]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  load_small_meeting(h, 3);
  const auto members = static_cast<std::uint32_t>(h.member_numbers().size());
  REQUIRE(members == 22);

  const auto poll = *protocol::PollId::parse("poll-frozen");
  const auto info = open_room_poll(h, poll, 3);
  cast_all(h, info, {1, 2, 3, 4, 5, 6}, Choice::agree);
  REQUIRE(h.secretary().close_poll(poll));

  // After the close, 12 members are marked absent: allowed, it is about later polls.
  std::map<std::uint32_t, protocol::Attendance> absent;
  for (std::uint32_t no = 11; no <= 22; ++no) absent[no] = protocol::Attendance::absent;
  auto changed = h.set_attendance(absent);
  INFO((changed ? "" : changed.error().message));
  REQUIRE(changed);
  CHECK(changed->absent == 12);
  CHECK(changed->present == 10);

  // The closed poll's turnout is the attendance at close.
  auto turnout = h.secretary().turnout(poll);
  REQUIRE(turnout);
  CHECK(turnout->members == members);
  CHECK(turnout->present == members);
  CHECK(turnout->remote == 0);
  CHECK(turnout->ballots == 6);
  CHECK(turnout->voted == std::vector<std::uint32_t>{1, 2, 3, 4, 5, 6});

  // Exactly one attendance entry for the poll, with everyone present.
  std::uint64_t attendance_seq = 0;
  {
    auto board = h.secretary().get_board_all();
    REQUIRE(board);
    const auto att = entries_of(board->entries, protocol::BoardEntryKind::attendance, poll);
    REQUIRE(att.size() == 1);
    attendance_seq = att.front().seq;
    const auto frozen = frozen_attendance_of(att.front());
    CHECK(frozen.poll == poll);
    REQUIRE(frozen.members.size() == members);
    for (std::uint32_t i = 0; i < members; ++i) {
      CHECK(frozen.members[i].member_no == i + 1);
      CHECK(frozen.members[i].status == protocol::Attendance::present);
    }
    // The close put it after the last ballot.
    for (const auto &b : entries_of(board->entries, protocol::BoardEntryKind::ballot, poll))
      CHECK(b.seq < attendance_seq);
  }

  // Tallied, decrypted, published: the record counts with the frozen attendance.
  auto tally = h.secretary().start_tally(poll);
  INFO((tally ? "" : tally.error().message));
  REQUIRE(tally);
  auto d5 = h.decrypt(5, poll);
  INFO((d5 ? "" : d5.error().message));
  REQUIRE(d5);
  auto d6 = h.decrypt(6, poll);
  INFO((d6 ? "" : d6.error().message));
  REQUIRE(d6);
  auto published = h.secretary().publish_record(poll);
  INFO((published ? "" : published.error().message));
  REQUIRE(published);
  auto fetched = h.secretary().get_record(poll);
  REQUIRE(fetched);
  auto record = protocol::decode_record(fetched->record);
  REQUIRE(record);
  CHECK(record->turnout.members == members);
  CHECK(record->turnout.present == members);
  CHECK(record->turnout.absent == 0);
  CHECK(record->turnout.unknown == 0);
  CHECK(record->turnout.ballots == 6);
  CHECK(record->attendance_seq == attendance_seq);

  // An auditor with the whole board from entry 1 agrees.
  auto board = h.secretary().get_board_all();
  REQUIRE(board);
  REQUIRE(board->entries.front().seq == 1);
  const client::roles::AuditInput in{h.bundle(), poll, board->entries, &fetched->statement, {}};
  const auto report = client::roles::audit_poll(in);
  INFO(report.to_text());
  CHECK(report.ok());

  // A record that counts with the live attendance (10 present, 12 absent) instead.
  auto altered = *record;
  altered.turnout.present = 10;
  altered.turnout.absent = 12;
  REQUIRE(protocol::encode_record(*record) == fetched->record); // the only change is the turnout
  const std::string altered_text = protocol::encode_record(altered);
  REQUIRE(altered_text != fetched->record);
  {
    INFO("the altered record on a board rewritten to hold it (the server's statement no longer fits)");
    auto rewritten = board->entries;
    auto it = std::ranges::find_if(rewritten, [&](const protocol::BoardEntry &e) {
      return e.kind == protocol::BoardEntryKind::result && e.poll_id == poll.str();
    });
    REQUIRE(it != rewritten.end());
    it->payload.assign(altered_text.begin(), altered_text.end());
    for (auto e = it; e != rewritten.end(); ++e)
      protocol::chain_board_entry(*e,
                                  e == rewritten.begin() ? protocol::ByteArray<32>{} : std::prev(e)->hash);
    const client::roles::AuditInput bad{h.bundle(), poll, rewritten, &fetched->statement, {}};
    const auto r = client::roles::audit_poll(bad);
    INFO(r.to_text());
    CHECK_FALSE(r.ok());
    const auto *first = r.first_failure();
    REQUIRE(first);
    CHECK(first->name == "record.statement");
    const auto *turnout_check = r.find("record.turnout");
    REQUIRE(turnout_check);
    CHECK_FALSE(turnout_check->ok);
    CHECK_FALSE(turnout_check->skipped);
    CHECK(turnout_check->detail.find("frozen at close") != std::string::npos);
    const auto *binding = r.find("record.binding");
    REQUIRE(binding);
    CHECK(binding->ok);
    const auto *chain = r.find("board.chain");
    REQUIRE(chain);
    CHECK(chain->ok);
    const auto *result = r.find("result.entry");
    REQUIRE(result);
    CHECK(result->ok);
  }
}

TEST_CASE("hardening: weak member keys are refused", "[integration][hardening]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  auto started = h.start_server();
  INFO((started ? "" : started.error().message));
  REQUIRE(started);
  auto imported = h.secretary().import_roster(sample_roster());
  INFO((imported ? "" : imported.error().message));
  REQUIRE(imported);
  REQUIRE(imported->count == 22);
  const auto seq = board_seq(h);

  struct Weak {
    const char *what;
    crypto::SignPublicKey key;
  };
  const std::array<Weak, 5> weak{{
      {"the identity point (01 00..00)", key_of_bytes(0x01, 0x00, 0x00)},
      {"the identity with the sign bit (01 00..00 80)", key_of_bytes(0x01, 0x00, 0x80)},
      {"the point of order 2 (y = p-1: ec ff..ff 7f)", key_of_bytes(0xec, 0xff, 0x7f)},
      {"a non-canonical encoding (y = p: ed ff..ff 7f)", key_of_bytes(0xed, 0xff, 0x7f)},
      {"32 zero bytes", key_of_bytes(0x00, 0x00, 0x00)},
  }};
  for (const auto &w : weak) {
    INFO("register_member_key with " << w.what);
    auto r = h.secretary().register_member_key({1, w.key});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == protocol::ErrorCode::invalid_argument);
    INFO(r.error().message);
    CHECK(r.error().message.starts_with("member 1: "));
  }
  // Member 1 still has no key: a real one is accepted, and after it a different one is not.
  const auto real = crypto::SigningKey::generate();
  {
    auto r = h.secretary().register_member_key({1, real.public_key});
    INFO((r ? "" : r.error().message));
    CHECK(r);
    CHECK(code_of(h.secretary().register_member_key({1, crypto::SigningKey::generate().public_key})) ==
          protocol::ErrorCode::wrong_state);
  }

  // In bulk: one weak key among good ones refuses the whole request, and none is stored.
  for (const auto &w : weak) {
    INFO("register_member_keys with " << w.what << " for member 4, among good keys");
    protocol::RegisterMemberKeysRequest req;
    for (std::uint32_t no : {2u, 3u, 4u, 5u, 6u})
      req.entries.push_back({no, no == 4 ? w.key : crypto::SigningKey::generate().public_key});
    auto r = h.secretary().register_member_keys(req);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == protocol::ErrorCode::invalid_argument);
    INFO(r.error().message);
    CHECK(r.error().message.starts_with("member 4: "));
  }
  // Members 2, 3, 5 and 6 have no key (a stored one would make this E_WRONG_STATE), nor has 4.
  for (std::uint32_t no : {2u, 3u, 4u, 5u, 6u}) {
    INFO("member " << no << " registers another good key");
    auto r = h.secretary().register_member_key({no, crypto::SigningKey::generate().public_key});
    INFO((r ? "" : r.error().message));
    CHECK(r);
  }
  CHECK(board_seq(h) == seq);
}

TEST_CASE("hardening: the secretary registers 200 keys without hitting the rate limit",
          "[integration][hardening]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log); // default limits: 20/s, bursts of 40, per key
  auto started = h.start_server();
  INFO((started ? "" : started.error().message));
  REQUIRE(started);

  constexpr std::uint32_t kMembers = 200;
  protocol::ImportRosterRequest roster;
  for (std::uint32_t no = 1; no <= kMembers; ++no)
    roster.members.push_back({no, "Thành viên " + std::to_string(no), protocol::CouncilRole::member,
                              "Ủy viên", "Đơn vị " + std::to_string(no)});
  auto imported = h.secretary().import_roster(roster);
  INFO((imported ? "" : imported.error().message));
  REQUIRE(imported);
  REQUIRE(imported->count == kMembers);

  protocol::RegisterMemberKeysRequest keys;
  for (std::uint32_t no = 1; no <= kMembers; ++no)
    keys.entries.push_back({no, crypto::SigningKey::generate().public_key});
  auto &connection = h.secretary().connection();
  auto registered = h.secretary().register_member_keys(keys);
  INFO((registered ? "" : registered.error().message));
  REQUIRE(registered);
  CHECK(registered->entries.size() == kMembers);
  CHECK(connection.rate_limit_waits() == 0); // one request, far below the limit
  // Stored: the same key again is accepted, another one is not.
  CHECK(h.secretary().register_member_key(keys.entries.back()));
  CHECK(code_of(h.secretary().register_member_key({kMembers, crypto::SigningKey::generate().public_key})) ==
        protocol::ErrorCode::wrong_state);
  CHECK(connection.rate_limit_waits() == 0);

  // 60 reads at once, more than the burst of 40: the connection waits retry_after_ms and resends.
  constexpr int kReads = 60;
  int ok = 0;
  std::vector<protocol::Error> failed;
  for (int i = 0; i < kReads; ++i)
    connection.request(protocol::MessageType::get_board, protocol::GetBoardRequest{1, 1}.to_json(),
                       [&](protocol::Result<QJsonObject> r) {
                         if (r)
                           ++ok;
                         else
                           failed.push_back(r.error());
                       });
  const bool done = tools::spin_until([&] { return ok + static_cast<int>(failed.size()) == kReads; }, 15000);
  std::string failures;
  for (const auto &e : failed)
    failures += std::string(protocol::error_code_name(e.code)) + ": " + e.message + "\n";
  INFO("rate-limit waits: " << connection.rate_limit_waits() << "; failed requests:\n" << failures);
  CHECK(done);
  CHECK(failed.empty());
  CHECK(ok == kReads);
  CHECK(connection.rate_limit_waits() > 0);
}

TEST_CASE("hardening: a client kept open for its pushes signs in and is not closed",
          "[integration][hardening]") {
  // docs/wire.md §10.1: a connection with no registered key's request within the sign-in time is
  // closed; a GUI that only waits for pushes (keep_alive) signs in when it connects.
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  auto options = harness_options(dir);
  options.serve_args = {"--sign-in-timeout-ms", "1000"};
  tools::MeetingHarness h(options, log);
  load_small_meeting(h, 2);
  client::ConnectionOptions keep;
  keep.keep_alive = true;
  client::Connection waiting(h.bundle(), h.member(8).keys.signing, keep);
  bool lost = false;
  QObject::connect(&waiting, &client::Connection::lost, &waiting, [&] { lost = true; });
  waiting.open();
  REQUIRE(tools::spin_until([&] { return waiting.is_open(); }, 5000));
  (void)tools::spin_until([&] { return lost; }, 3000); // three sign-in timeouts
  CHECK_FALSE(lost);
  CHECK(waiting.is_open());
  CHECK(waiting.connects() == 1);
  // One that connects and says nothing (not kept alive, not signed in) is closed.
  client::Connection silent(h.bundle(), h.member(9).keys.signing);
  bool silent_lost = false;
  QObject::connect(&silent, &client::Connection::lost, &silent, [&] { silent_lost = true; });
  silent.open();
  REQUIRE(tools::spin_until([&] { return silent.is_open(); }, 5000));
  CHECK(tools::spin_until([&] { return silent_lost; }, 8000));
}
