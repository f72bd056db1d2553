// Transport attacks on the real councilvote-server: a signed write request replayed verbatim after
// kill -9 and a restart (docs/wire.md §4.3: write requests' nonces are kept on disk), and many
// connections that send 4 MiB messages before signing in (docs/wire.md §10.1: 1 MiB frames, 32 MiB
// held for all unauthenticated connections together, 64 such sockets, 8 per address). Both go
// through raw sockets, as an attacker on the meeting's network would.
#include "councilvote/client/roles/member.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/envelope.hpp"
#include "fixture.hpp"
#include "raw_peer.hpp"
#include "ws_test_client.hpp"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace cvtest;
using cv::test::RawPeer;
using cv::test::WsTestClient;

namespace {

std::uint64_t unix_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

QByteArray pin_of(const tools::MeetingHarness &h) {
  const auto &sha = h.bundle().tls_cert_sha256;
  return QByteArray(reinterpret_cast<const char *>(sha.data()), static_cast<qsizetype>(sha.size()));
}

// set_attendance of one member, signed by the secretary, with a fresh nonce and the current time.
protocol::Request attendance_request(const tools::MeetingHarness &h, const std::string &id,
                                     std::uint32_t member_no, protocol::Attendance status) {
  protocol::SetAttendanceRequest body;
  body.entries.push_back({member_no, status});
  return protocol::make_request(protocol::RequestId::parse(id).value(), protocol::MessageType::set_attendance,
                                h.meeting_id(), body.to_json(), h.secretary_key(), unix_ms());
}

std::string outcome_name(const protocol::Response &r) {
  return r.ok ? std::string("ok") : std::string(protocol::error_code_name(r.error.code));
}

protocol::AttendanceSummary summary_of(const std::optional<protocol::Response> &r) {
  REQUIRE(r);
  INFO("answer: " << outcome_name(*r) << " " << r->error.message);
  REQUIRE(r->ok);
  auto s = protocol::AttendanceSummary::from_json(r->body);
  INFO((s ? "" : s.error().message));
  REQUIRE(s);
  return *s;
}

void require_replayed(const std::optional<protocol::Response> &r, const std::string &id) {
  REQUIRE(r);
  INFO("answer: " << outcome_name(*r) << " " << r->error.message);
  REQUIRE_FALSE(r->ok);
  CHECK(r->error.code == protocol::ErrorCode::replayed_request);
  REQUIRE(r->id);
  CHECK(r->id->str() == id);
}

// A line of /proc/<pid>/status (VmRSS, VmHWM: kB) in bytes; 0 when unreadable.
std::uint64_t proc_status_bytes(qint64 pid, const char *field) {
  QFile f(QStringLiteral("/proc/%1/status").arg(pid));
  if (!f.open(QIODevice::ReadOnly)) return 0;
  const QByteArray prefix = QByteArray(field) + ':';
  for (const QByteArray &line : f.readAll().split('\n')) {
    if (!line.startsWith(prefix)) continue;
    return line.mid(prefix.size()).trimmed().split(' ').value(0).toULongLong() * 1024;
  }
  return 0;
}

std::uint64_t mib(std::uint64_t bytes) { return bytes >> 20; }

// The server's resident memory, sampled about every 50 ms while the test runs the event loop.
class RssSampler {
public:
  explicit RssSampler(qint64 pid) : pid_(pid) { clock_.start(); }
  void sample() {
    if (samples_ > 0 && clock_.elapsed() < 50) return;
    clock_.restart();
    ++samples_;
    const auto now = proc_status_bytes(pid_, "VmRSS");
    peak_ = std::max(peak_, now);
    phase_peak_ = std::max(phase_peak_, now);
  }
  // Runs the event loop (sampling) until done() or timeout_ms; returns done().
  bool wait(const std::function<bool()> &done, int timeout_ms) {
    return RawPeer::wait(
        [&] {
          sample();
          return done();
        },
        timeout_ms);
  }
  void idle(int ms) {
    (void)wait([] { return false; }, ms);
  }
  // The peak since the last call (one step of the attack).
  std::uint64_t take_phase_peak() { return std::exchange(phase_peak_, 0); }
  [[nodiscard]] std::uint64_t peak() const noexcept { return peak_; }
  [[nodiscard]] int samples() const noexcept { return samples_; }

private:
  qint64 pid_;
  QElapsedTimer clock_;
  std::uint64_t peak_ = 0, phase_peak_ = 0;
  int samples_ = 0;
};

QHostAddress loopback(int last) { return QHostAddress(QStringLiteral("127.0.0.%1").arg(last)); }

using Peers = std::vector<std::unique_ptr<RawPeer>>;

// `n` peers, 8 from each address from 127.0.0.<first> on, connecting at once; then the upgrades.
Peers connect_peers(quint16 port, int n, int first, RssSampler &rss) {
  Peers out;
  for (int i = 0; i < n; ++i) out.push_back(std::make_unique<RawPeer>(port, loopback(first + i / 8)));
  for (auto &p : out) {
    (void)p->upgrade();
    rss.sample();
  }
  return out;
}

int count(const Peers &peers, const std::function<bool(const RawPeer &)> &pred) {
  return static_cast<int>(std::ranges::count_if(peers, [&](const auto &p) { return pred(*p); }));
}

bool all_flushed(const Peers &peers) {
  return std::ranges::all_of(peers,
                             [](const auto &p) { return p->closed() || p->socket().bytesToWrite() == 0; });
}

// What the upgraded peers saw: how they were closed and what they were told.
struct Outcome {
  int closed_1013 = 0, closed_1009 = 0, closed_1008 = 0, closed_without_code = 0, closed_other = 0;
  int still_open = 0;
  int told_rate_limited = 0, told_1013_and_rate_limited = 0, told_other = 0;
};

Outcome outcome_of(const Peers &peers) {
  Outcome o;
  for (const auto &p : peers) {
    if (!p->upgraded()) continue;
    const int code = p->closed() ? p->close_code() : -1;
    o.still_open += code == -1;
    o.closed_1013 += code == 1013;
    o.closed_1009 += code == 1009;
    o.closed_1008 += code == 1008;
    o.closed_without_code += code == 0;
    o.closed_other += code > 0 && code != 1013 && code != 1009 && code != 1008;
    bool rate_limited = false, other = false;
    while (auto t = p->next_text(0))
      (t->find("\"E_RATE_LIMITED\"") != std::string::npos ? rate_limited : other) = true;
    o.told_rate_limited += rate_limited;
    o.told_1013_and_rate_limited += rate_limited && code == 1013;
    o.told_other += other;
  }
  return o;
}

std::string describe(const Outcome &o) {
  return "closed with 1013: " + std::to_string(o.closed_1013) + ", 1009: " + std::to_string(o.closed_1009) +
         ", 1008: " + std::to_string(o.closed_1008) + ", other: " + std::to_string(o.closed_other) +
         ", no close frame seen: " + std::to_string(o.closed_without_code) +
         "; still open: " + std::to_string(o.still_open) +
         "; told E_RATE_LIMITED: " + std::to_string(o.told_rate_limited) +
         " (and closed 1013: " + std::to_string(o.told_1013_and_rate_limited) +
         "), told something else: " + std::to_string(o.told_other);
}

// One masked frame header (the mask RawPeer uses) and a payload of `n` 'x' masked with it.
QByteArray frame_header(std::uint8_t first_byte, std::uint64_t n) {
  QByteArray h;
  h.append(static_cast<char>(first_byte));
  h.append(static_cast<char>(0x80 | 127));
  for (int i = 7; i >= 0; --i) h.append(static_cast<char>((n >> (8 * i)) & 0xff));
  h.append(QByteArray::fromHex("12345678"));
  return h;
}
QByteArray masked_x(qsizetype n) {
  const char mask[4] = {0x12, 0x34, 0x56, 0x78};
  QByteArray out(n, 'x');
  for (qsizetype i = 0; i < n; ++i) out[i] = static_cast<char>(out[i] ^ mask[i % 4]);
  return out;
}

} // namespace

TEST_CASE("transport: a write request replayed verbatim after kill -9 and a restart is refused, and changes "
          "nothing",
          "[integration][transport]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log);
  load_small_meeting(h, 3);
  const auto port = h.bundle().server.port;
  const auto pin = pin_of(h);

  // R marks member 3 absent; R2 (another nonce) marks member 3 present again.
  const auto r = attendance_request(h, "replay-r", 3, protocol::Attendance::absent);
  const std::string r_text = protocol::encode_request(r);
  {
    WsTestClient c(pin);
    REQUIRE(c.connect(port));
    const auto absent = summary_of(c.send_and_wait(r_text));
    CHECK(absent.absent == 1);
    const auto r2 = attendance_request(h, "replay-r2", 3, protocol::Attendance::present);
    REQUIRE(r2.nonce != r.nonce);
    const auto present = summary_of(c.request(r2));
    CHECK(present.absent == 0);
    CHECK(present.present == present.members);
    INFO("R again, before the restart: the in-memory guard");
    require_replayed(c.send_and_wait(r_text), "replay-r");
  }

  h.kill_server(); // SIGKILL: nothing in memory survives
  REQUIRE_FALSE(h.server().running());
  auto restarted = h.restart_server();
  INFO((restarted ? "" : restarted.error().message));
  REQUIRE(restarted);
  REQUIRE(h.server().running());

  {
    WsTestClient c(pin);
    REQUIRE(c.connect(port));
    INFO("R again after kill -9 and the restart, within the 120 s window");
    REQUIRE(unix_ms() < r.time_ms + 120'000);
    require_replayed(c.send_and_wait(r_text), "replay-r");
    // Nothing changed: member 3 is not absent. R3 (fresh) sets member 4 present (it already is)
    // and answers the counts over the whole roster.
    const auto counts =
        summary_of(c.request(attendance_request(h, "replay-r3", 4, protocol::Attendance::present)));
    CHECK(counts.members == 22);
    CHECK(counts.absent == 0);
    CHECK(counts.present == 22);
    CHECK(counts.remote == 0);
    CHECK(counts.unknown == 0);
  }
}

TEST_CASE(
    "transport: 120 connections sending 4 MiB messages before signing in do not grow the server's memory",
    "[integration][transport]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  std::ostringstream log;
  tools::MeetingHarness h(harness_options(dir), log); // the default limits
  load_small_meeting(h, 3);
  const auto port = h.bundle().server.port;
  const qint64 pid = h.server().pid();
  REQUIRE(pid > 0);
  RssSampler rss(pid);
  rss.idle(200);
  const std::uint64_t baseline = proc_status_bytes(pid, "VmRSS");
  REQUIRE(baseline > 0);
  (void)rss.take_phase_peak();
  const QByteArray chunk(1 << 20, 'x'); // shared by every frame (send_frame masks a copy)

  // 1. The flood: 120 peers, 8 from each of 127.0.0.2 ... 127.0.0.16; the pool of 64 refuses the
  // rest with HTTP 503. Each sends a 4 MiB text message as four 1 MiB frames, all at once: frame k
  // of every peer, everything written, then frame k + 1.
  auto flood = connect_peers(port, 120, 2, rss);
  const int upgraded = count(flood, [](const RawPeer &p) { return p.upgraded(); });
  const int refused_503 =
      count(flood, [](const RawPeer &p) { return p.status_line().startsWith("HTTP/1.1 503"); });
  std::erase_if(flood, [](const auto &p) { return !p->upgraded(); });
  for (int k = 0; k < 4; ++k) {
    for (auto &p : flood) {
      if (p->closed()) continue;
      p->send_frame(k == 0 ? 1 : 0, chunk, k == 3);
      rss.sample();
    }
    rss.wait([&] { return all_flushed(flood); }, 15000);
  }
  rss.idle(2000);
  const auto flooded = outcome_of(flood);
  const auto flood_peak = rss.take_phase_peak();
  WARN("flood: 120 peers, " << upgraded << " upgraded, " << refused_503 << " refused with HTTP 503; "
                            << describe(flooded) << "; server RSS peak " << mib(flood_peak) << " MiB");
  flood.clear();
  rss.idle(1000); // the server sees them go

  // 2. The refusal as a peer that stops sending sees it (a flooding peer mostly does not: once the
  // server has closed, its next write fails, and the Qt socket discards the answer it had not
  // read yet). 40 peers each begin a message with one 1 MiB frame, one after another: over 32 MiB
  // held, E_RATE_LIMITED and close 1013.
  auto listeners = connect_peers(port, 40, 30, rss);
  const int listeners_upgraded = count(listeners, [](const RawPeer &p) { return p.upgraded(); });
  for (auto &p : listeners) {
    if (!p->upgraded() || p->closed()) continue;
    p->send_frame(1, chunk, false);
    rss.wait([&] { return p->closed() || p->socket().bytesToWrite() == 0; }, 5000);
    rss.idle(20);
  }
  rss.idle(500);
  const auto listened = outcome_of(listeners);
  const auto listeners_peak = rss.take_phase_peak();
  WARN("40 peers with one 1 MiB frame each: " << listeners_upgraded << " upgraded; " << describe(listened)
                                              << "; server RSS peak " << mib(listeners_peak) << " MiB");
  listeners.clear();
  rss.idle(1000);

  // 3. 20 peers each send one unfragmented 4 MiB frame: refused by its header (close 1009). The
  // header and the first 64 KiB go out at once from all of them; a peer still open after that
  // sends the rest of the frame.
  auto singles = connect_peers(port, 20, 40, rss);
  const int singles_upgraded = count(singles, [](const RawPeer &p) { return p.upgraded(); });
  const QByteArray header = frame_header(0x81, std::uint64_t{4} << 20);
  const QByteArray payload = masked_x(qsizetype{4} << 20);
  constexpr qsizetype kFirst = 64 * 1024;
  for (auto &p : singles)
    if (p->upgraded() && !p->closed()) p->socket().write(header + payload.first(kFirst));
  rss.wait([&] { return std::ranges::all_of(singles, [](const auto &p) { return p->closed(); }); }, 3000);
  int sent_whole_frame = 0;
  for (auto &p : singles)
    if (p->upgraded() && !p->closed()) {
      p->socket().write(payload.sliced(kFirst));
      ++sent_whole_frame;
    }
  rss.wait([&] { return std::ranges::all_of(singles, [](const auto &p) { return p->closed(); }); }, 5000);
  rss.idle(1000);
  const auto single = outcome_of(singles);
  const auto singles_peak = rss.take_phase_peak();
  WARN("20 peers with one 4 MiB frame each: " << singles_upgraded << " upgraded, " << sent_whole_frame
                                              << " still open after the header and sent the whole frame; "
                                              << describe(single) << "; server RSS peak " << mib(singles_peak)
                                              << " MiB");
  singles.clear();

  const std::uint64_t hwm = proc_status_bytes(pid, "VmHWM"); // the kernel's peak, between samples too
  const std::uint64_t peak = std::max(rss.peak(), hwm);
  const std::uint64_t growth = peak - std::min(peak, baseline);
  WARN("server RSS: baseline " << mib(baseline) << " MiB, sampled peak " << mib(rss.peak()) << " MiB ("
                               << rss.samples() << " samples), VmHWM " << mib(hwm) << " MiB: grew by "
                               << mib(growth) << " MiB");
  // Measured on 2 cores: 59-76 MiB (the server read its frames through QWebSocket before: 202-359
  // MiB; before the limits, 1.4 GiB). Under AddressSanitizer freed memory is held in quarantine
  // (256 MiB by default) and every allocation is larger, so only the gross failure is caught there.
#ifdef CV_SANITIZED
  constexpr std::uint64_t kMostGrowth = std::uint64_t{900} << 20;
#else
  constexpr std::uint64_t kMostGrowth = std::uint64_t{160} << 20;
#endif
  CHECK(growth < kMostGrowth);
  CHECK(upgraded <= 64);
  CHECK(upgraded + refused_503 == 120);
  CHECK(listened.told_1013_and_rate_limited >= 1);
  CHECK(singles_upgraded == 20);
  CHECK(single.closed_1009 == singles_upgraded);
  REQUIRE(h.server().running());

  // The meeting goes on: a member casts a ballot and gets a receipt.
  const auto poll = *protocol::PollId::parse("poll-after-flood");
  const auto info = open_room_poll(h, poll, 3);
  auto cast =
      h.vote(1, poll, client::roles::uniform_choices(info.definition.manifest, client::roles::Choice::agree));
  INFO((cast ? "" : cast.error().message));
  REQUIRE(cast);
  CHECK(cast->receipt.board_seq >= 1);
  CHECK(cast->receipt.tracking_code == cast->ballot.tracking_code);
}
