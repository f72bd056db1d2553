// councilvote-loadbench: N members on loopback connect at once and each casts a C-contest ballot
// to the real server (wss, full verification, SQLite commit before every receipt). Prints the
// accepted ballots per second and the latency percentiles. A benchmark: it prints, never asserts.
//
//   councilvote-loadbench [--members 200] [--contests 200]
#include "councilvote/crypto/init.hpp"
#include "harness.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <thread>

using namespace cv;

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

int fail(const std::string &what, const protocol::Error &e) {
  std::cerr << "loadbench: " << what << ": " << e.message << "\n";
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  QCommandLineParser parser;
  parser.setApplicationDescription("Load benchmark of the meeting server: simultaneous ballots over wss.");
  parser.addHelpOption();
  parser.addOption({"members", "Members who connect and vote at once.", "N", "200"});
  parser.addOption({"contests", "Contests (nominees) per ballot.", "N", "200"});
  parser.addOption({"server", "The councilvote-server binary.", "FILE", CV_SERVER_BINARY});
  parser.process(app);
  const auto members = parser.value("members").toUInt();
  const auto contests = parser.value("contests").toUInt();
  if (members < 3 || members > 1000 || contests < 1 || contests > 4096) {
    std::cerr << "loadbench: --members 3..1000, --contests 1..4096\n";
    return 2;
  }
  if (auto ok = crypto::init(); !ok)
    return fail("crypto self-test", {protocol::ErrorCode::internal, ok.error().message, {}, {}});

  QTemporaryDir dir;
  tools::HarnessOptions ho;
  ho.meeting_dir = std::filesystem::path(dir.path().toStdString()) / "meeting";
  ho.server_binary = parser.value("server");
  // Every member connects at once from this one machine (127.0.0.1), as they would from their own
  // laptops: the pool of connections not yet signed in is raised to let all of them in together.
  // The default rate limits stay: the secretary registers the keys with one register_member_keys.
  ho.serve_args = {
      "--max-connections",           QString::number(members + 16),       "--max-unauthenticated",
      QString::number(members + 16), "--max-unauthenticated-per-address", QString::number(members + 16)};
  ho.connection.response_timeout = std::chrono::milliseconds(600'000); // queued behind the others
  std::ostringstream log;
  tools::MeetingHarness h(ho, log);
  if (auto ok = h.start_server(); !ok) return fail("start", ok.error());

  // A synthetic council and list: every nominee under one 80 % rule.
  protocol::RuleProfile rule{"decree98-80",
                             "Từ 80% trở lên",
                             {80, 100},
                             protocol::Comparison::at_least,
                             protocol::Denominator::all_members,
                             {0, 100},
                             "Decree 98/2023"};
  protocol::ImportRosterRequest roster;
  for (std::uint32_t m = 1; m <= members; ++m)
    roster.members.push_back(
        {m, "Thành viên " + std::to_string(m), protocol::CouncilRole::member, "", "Đơn vị"});
  protocol::ImportNomineesRequest nominees;
  for (std::uint32_t n = 1; n <= contests; ++n)
    nominees.nominees.push_back({n, protocol::NomineeKind::ca_nhan, "Người được đề nghị " + std::to_string(n),
                                 "", "Đơn vị", "Cờ thi đua", "decree98-80"});
  QElapsedTimer setup;
  setup.start();
  if (auto ok = h.load_meeting({rule}, roster, nominees, {}); !ok) return fail("load", ok.error());
  std::map<std::uint32_t, protocol::Attendance> present;
  for (auto no : h.member_numbers()) present[no] = protocol::Attendance::present;
  if (auto ok = h.set_attendance(present); !ok) return fail("attendance", ok.error());
  if (auto ok = h.run_key_ceremony({1, 2, 3}, 2); !ok) return fail("ceremony", ok.error());
  protocol::OpenPollRequest open;
  open.poll = *protocol::PollId::parse("load");
  open.title = "Load";
  open.phase = protocol::OpenPhase::room;
  for (const auto &n : nominees.nominees) {
    protocol::ContestDef c;
    c.id = std::to_string(n.nominee_no);
    c.nominee_no = n.nominee_no;
    open.contests.push_back(c);
  }
  auto info = h.secretary().open_poll(open);
  if (!info) return fail("open_poll", info.error());
  std::cout << "setup (" << members << " members registered, key ceremony, poll of " << contests
            << " contests): " << setup.elapsed() << " ms\n";

  // Ballots are built before the clock starts: the benchmark measures the server.
  QElapsedTimer prep;
  prep.start();
  // Built on every core, as 200 laptops would.
  const auto numbers = h.member_numbers();
  std::vector<std::optional<client::roles::PreparedBallot>> built(numbers.size());
  std::vector<std::optional<protocol::Error>> errors(numbers.size());
  std::vector<crypto::SigningKey> keys;
  for (auto no : numbers) keys.push_back(crypto::SigningKey::from_seed(h.member(no).keys.signing.seed()));
  const auto choices =
      client::roles::uniform_choices(info->definition.manifest, client::roles::Choice::agree);
  const auto meeting = h.meeting_id();
  const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w)
    pool.emplace_back([&, w] {
      for (std::size_t i = w; i < numbers.size(); i += workers) {
        auto b = client::roles::build_ballot(meeting, *info, keys[i], choices);
        if (b)
          built[i] = std::move(*b);
        else
          errors[i] = b.error();
      }
    });
  for (auto &t : pool) t.join();
  std::map<std::uint32_t, client::roles::PreparedBallot> ballots;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (errors[i]) return fail("build_ballot", *errors[i]);
    ballots.emplace(numbers[i], std::move(*built[i]));
  }
  std::cout << "ballots built by the clients: " << prep.elapsed() << " ms ("
            << ballots.begin()->second.ballot.size() << " bytes each)\n";

  // Connect at once.
  QElapsedTimer connect;
  connect.start();
  for (auto no : h.member_numbers()) h.member(no).connection->open();
  const bool all_open = tools::spin_until(
      [&] {
        return std::all_of(ballots.begin(), ballots.end(),
                           [&](const auto &kv) { return h.member(kv.first).connection->is_open(); });
      },
      120000);
  if (!all_open) {
    std::cerr << "loadbench: not every member could connect\n";
    return 1;
  }
  std::cout << members << " TLS connections opened at once: " << connect.elapsed() << " ms\n";

  // Cast at once.
  std::vector<double> latency_ms;
  std::size_t accepted = 0, refused = 0;
  QElapsedTimer clock;
  clock.start();
  for (auto &[no, b] : ballots) {
    const auto sent = clock.nsecsElapsed();
    h.member(no).connection->request(
        protocol::MessageType::cast_ballot, b.cast_request().to_json(),
        [&, sent](protocol::Result<QJsonObject> r) {
          latency_ms.push_back(static_cast<double>(clock.nsecsElapsed() - sent) / 1e6);
          if (r) {
            ++accepted;
          } else {
            ++refused;
            std::cerr << "refused: " << r.error().message << "\n";
          }
        },
        std::chrono::milliseconds(600'000));
  }
  tools::spin_until([&] { return accepted + refused == ballots.size(); }, 600000);
  const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
  auto turnout = h.secretary().turnout(open.poll);
  h.stop_server();

  std::cout << std::fixed << std::setprecision(1);
  std::cout << "ballots accepted: " << accepted << " / " << ballots.size() << " (refused " << refused
            << "; server turnout " << (turnout ? turnout->ballots : 0) << ")\n";
  std::cout << "wall time: " << seconds * 1000
            << " ms; accepted ballots/s: " << static_cast<double>(accepted) / seconds << "\n";
  std::cout << "latency (send -> signed receipt), ms: p50 " << percentile(latency_ms, 0.50) << ", p95 "
            << percentile(latency_ms, 0.95) << ", max " << percentile(latency_ms, 1.0) << "\n";
  return accepted == ballots.size() ? 0 : 1;
}
