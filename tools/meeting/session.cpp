#include "session.hpp"

#include "councilvote/client/keys.hpp"
#include "councilvote/client/roles/chair.hpp"
#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/client/roles/secretary.hpp"
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/protocol/crypto_error.hpp"
#include "councilvote/protocol/json.hpp"

#include <QProcess>
#include <iomanip>

namespace cv::tools {

namespace {

using client::roles::Choice;
using client::roles::MemberChoice;
using protocol::Attendance;

constexpr std::uint32_t kRemote[] = {8, 15};
constexpr std::uint32_t kAbsent[] = {11, 19};
constexpr std::uint32_t kTrustees[] = {5, 6, 7}; // the vote-counting committee (Ban kiểm phiếu)
constexpr std::uint32_t kGuiMember = 22;         // with --gui: votes in the desktop client
constexpr std::string_view kGuiPassphrase = "demo chỉ để thử, không dùng thật";
constexpr std::uint32_t kThreshold = 2;
constexpr std::uint32_t kDecrypting[] = {5, 7}; // trustees 1 and 3; trustee 2 stays away

bool contains(std::span<const std::uint32_t> set, std::uint32_t x) {
  return std::find(set.begin(), set.end(), x) != set.end();
}

// The choices of the v-th voter (0-based): nominee p gets (7p mod 6) disagree votes and, when
// p mod 4 = 3, one blank, spread over the voters — so that some nominees pass and some do not under
// each rule, and the quota of "Cờ thi đua của Chính phủ" is contested.
std::vector<MemberChoice> choices_of(std::uint32_t v, std::size_t contests, std::uint32_t voters) {
  std::vector<MemberChoice> out;
  for (std::size_t p = 0; p < contests; ++p) {
    const auto disagree = static_cast<std::uint32_t>((p * 7) % 6);
    const bool blank = p % 4 == 3;
    const auto slot = static_cast<std::uint32_t>((v + p) % voters);
    out.push_back(MemberChoice::of(slot < disagree               ? Choice::disagree
                                   : (slot == disagree && blank) ? Choice::blank
                                                                 : Choice::agree));
  }
  return out;
}

std::string hex_prefix(protocol::ByteView b, std::size_t bytes = 8) {
  return protocol::lower_hex(b.first(std::min(bytes, b.size())));
}

} // namespace

Result<protocol::Record> DemoSession::run() {
  const auto t0 = std::chrono::steady_clock::now();
  auto step = [&](const std::string &text) {
    out_ << "[" << std::setw(6) << std::fixed << std::setprecision(1)
         << static_cast<double>(elapsed_ms(t0)) / 1000.0 << " s] " << text << "\n"
         << std::flush;
  };

  auto rules = client::roles::read_rules_csv(options_.data_dir / "rules.csv");
  if (!rules) return with_context(rules, "rules.csv");
  auto roster = client::roles::read_roster_csv(options_.data_dir / "roster.csv");
  if (!roster) return with_context(roster, "roster.csv");
  auto nominees = client::roles::read_nominees_csv(options_.data_dir / "nominees.csv");
  if (!nominees) return with_context(nominees, "nominees.csv");

  HarnessOptions ho;
  ho.meeting_dir = options_.meeting_dir;
  ho.server_binary = options_.server_binary;
  MeetingHarness h(ho, out_);

  step("Khởi tạo kỳ họp và khởi động máy chủ (councilvote-server init + serve)...");
  if (auto ok = h.start_server(); !ok) return ok.error();
  const auto &bundle = h.bundle();
  step("Máy chủ: wss://" + bundle.server.str() + "/ — mã gói đăng ký (bundle code) " +
       protocol::bundle_code(bundle) + ", vân tay TLS " + hex_prefix(bundle.tls_cert_sha256) + "…");

  const bool gui = !options_.gui_binary.isEmpty();
  if (gui) { // the GUI member's files, as the desktop client keeps them (client/gui/src/member_session.hpp)
    std::filesystem::create_directories(options_.gui_dir);
    auto keys = client::create_key_file(options_.gui_dir / "member.key", "22 (demo)", "member",
                                        kGuiPassphrase, crypto::KdfParams::insecure_fast());
    if (!keys) return protocol::from_crypto(keys.error(), "the GUI member's key file: ");
    const std::string pub = "CouncilVote member public key\nlabel: 22 (demo)\nsigning key: " +
                            protocol::lower_hex(keys->signing.public_key) + "\n";
    const std::string compact = protocol::encode_bundle_compact(bundle) + "\n";
    if (auto w = client::roles::write_file_atomic(options_.gui_dir / "member-public-key.txt",
                                                  crypto::as_bytes(pub), true);
        !w)
      return w.error();
    if (auto w = client::roles::write_file_atomic(options_.gui_dir / "enrollment-bundle.txt",
                                                  crypto::as_bytes(compact), true);
        !w)
      return w.error();
    h.preset_member_keys(kGuiMember, std::move(*keys));
  }
  if (auto ok = h.load_meeting(*rules, *roster, nominees->nominees, nominees->quotas); !ok) return ok.error();
  step("Thư ký: " + std::to_string(rules->size()) + " quy tắc, " + std::to_string(roster->members.size()) +
       " thành viên (khóa công khai đã đăng ký), " + std::to_string(nominees->nominees.nominees.size()) +
       " đề nghị khen thưởng, " + std::to_string(nominees->quotas.size()) + " chỉ tiêu");

  std::map<std::uint32_t, Attendance> attendance;
  for (auto no : h.member_numbers())
    attendance[no] = contains(kRemote, no)   ? Attendance::remote
                     : contains(kAbsent, no) ? Attendance::absent
                                             : Attendance::present;
  auto summary = h.set_attendance(attendance);
  if (!summary) return summary.error();
  step("Điểm danh: có mặt " + std::to_string(summary->present) + ", vắng bỏ phiếu từ xa " +
       std::to_string(summary->remote) + ", vắng " + std::to_string(summary->absent));

  auto joint_key = h.run_key_ceremony({std::begin(kTrustees), std::end(kTrustees)}, kThreshold);
  if (!joint_key) return joint_key.error();
  step("Ban kiểm phiếu (thành viên 5, 6, 7; cần 2 trong 3 người để giải mã) hoàn tất tạo khóa chung K = " +
       hex_prefix(joint_key->bytes()) + "…");

  const auto poll = *protocol::PollId::parse("poll-1");
  const auto now = static_cast<std::uint64_t>(protocol::system_time_ms());
  auto open = client::roles::make_open_poll_request(poll.str(), "Biểu quyết đề nghị khen thưởng năm 2025",
                                                    nominees->nominees.nominees, protocol::OpenPhase::remote,
                                                    protocol::RemoteWindow{now - 1000, now + 3'600'000});
  if (!open) return with_context(open, "open_poll request");
  auto opened = h.secretary().open_poll(*open);
  if (!opened) return with_context(opened, "open_poll");
  const auto contests = opened->definition.manifest.contests.size();
  step("Mở phiếu cho thành viên vắng bỏ phiếu từ xa (" + std::to_string(contests) +
       " nội dung, bảng tin mục " + std::to_string(opened->manifest_seq) + ")");

  const std::uint32_t voters = static_cast<std::uint32_t>(h.member_numbers().size() - std::size(kAbsent));
  std::uint32_t ordinal = 0;
  std::map<std::uint32_t, MeetingHarness::Cast> casts;
  for (auto no : kRemote) {
    auto c = h.vote(no, poll, choices_of(ordinal++, contests, voters));
    if (!c) return c.error();
    step("  thành viên " + std::to_string(no) + " (từ xa) đã bỏ phiếu — mã theo dõi " +
         c->ballot.short_tracking_code() + ", biên nhận mục " + std::to_string(c->receipt.board_seq));
    casts.emplace(no, std::move(*c));
  }
  if (auto r = h.secretary().open_room(poll); !r) return with_context(r, "open_room");
  step("Mở phiếu tại phòng họp");
  const auto room_start = std::chrono::steady_clock::now();
  for (auto no : h.member_numbers()) {
    if (contains(kRemote, no) || contains(kAbsent, no) || (gui && no == kGuiMember)) continue;
    auto c = h.vote(no, poll, choices_of(ordinal++, contests, voters));
    if (!c) return c.error();
    casts.emplace(no, std::move(*c));
  }
  if (gui) {
    step("Thành viên " + std::to_string(kGuiMember) +
         " bỏ phiếu bằng chương trình councilvote — cụm mật khẩu: \"" + std::string(kGuiPassphrase) +
         "\"; đóng cửa sổ để tiếp tục kỳ họp");
    QProcess client;
    client.start(options_.gui_binary,
                 {QStringLiteral("--data-dir"), QString::fromStdString(options_.gui_dir.string()),
                  QStringLiteral("--insecure-fast-kdf")});
    if (!client.waitForStarted(10000))
      return protocol::make_error(protocol::ErrorCode::internal,
                                  "cannot start " + options_.gui_binary.toStdString());
    spin_until([&] { return client.state() == QProcess::NotRunning; }, 3'600'000);
  }
  const auto room_ms = elapsed_ms(room_start);
  auto turnout = h.secretary().turnout(poll);
  if (!turnout) return with_context(turnout, "turnout");
  step("  " + std::to_string(casts.size() - std::size(kRemote)) + " thành viên tại phòng đã bỏ phiếu (" +
       std::to_string(room_ms) + " ms, mỗi phiếu được máy chủ kiểm tra đầy đủ trước khi lưu); số phiếu: " +
       std::to_string(turnout->ballots) + "/" + std::to_string(turnout->members));

  auto closed = h.secretary().close_poll(poll);
  if (!closed) return with_context(closed, "close_poll");
  step("Đóng phiếu: " + std::to_string(closed->ballots) + " phiếu; bảng tin " +
       std::to_string(closed->checkpoint.board_seq) + " mục, đầu chuỗi " +
       hex_prefix(closed->checkpoint.board_head) + "… (ghi vào biên bản)");

  auto tally = h.secretary().start_tally(poll);
  if (!tally) return with_context(tally, "start_tally");
  step("Cộng phiếu đồng cấu (mã hóa): " + std::to_string(tally->tally.totals.size()) + " tổng");
  for (auto no : kDecrypting) {
    auto r = h.decrypt(no, poll);
    if (!r) return r.error();
    step("  thành viên " + std::to_string(no) + " (Ban kiểm phiếu số " + std::to_string(r->trustee) +
         ") tự cộng lại phiếu từ bảng tin và gửi phần giải mã có chứng minh");
  }
  // The chair (member 1, data/roster.csv) looks at the record before it is final and decides each
  // tie at an award's quota on the record: here, the places left go to the tied nominees with the
  // lowest numbers (a real chair says whom, after the council's discussion).
  auto preview = h.secretary().preview_record(poll);
  if (!preview) return with_context(preview, "preview_record");
  auto draft = protocol::decode_record(preview->record);
  if (!draft) return with_context(draft, "decode_record (preview)");
  std::map<std::string, std::vector<const protocol::RecordContest *>> ties;
  for (const auto &c : draft->contests)
    if (c.outcome == protocol::ContestOutcome::tie_at_quota && c.nominee)
      ties[c.nominee->award].push_back(&c);
  for (const auto &[award, tied] : ties) {
    const auto places = *tied.front()->award_quota + 1 - *tied.front()->quota_rank;
    std::vector<std::uint32_t> chosen;
    for (std::size_t i = 0; i < places && i < tied.size(); ++i)
      chosen.push_back(tied[i]->nominee->nominee_no);
    auto board_now = h.secretary().get_board_all();
    if (!board_now) return with_context(board_now, "get_board (chair)");
    auto &chair = h.member(1);
    auto decision = client::roles::build_chair_decision(h.meeting_id(), poll, board_now->entries,
                                                        chair.keys.signing, award, chosen);
    if (!decision) return with_context(decision, "build_chair_decision");
    auto posted = chair.client->call<protocol::MessageType::post_chair_decision>(*decision);
    if (!posted) return with_context(posted, "post_chair_decision");
    step("Chủ tọa quyết định trường hợp bằng phiếu tại chỉ tiêu \"" + award + "\" (" +
         std::to_string(tied.size()) + " đề nghị, còn " + std::to_string(places) +
         " chỉ tiêu): " + client::roles::chair_decision_summary(*decision, board_now->entries) +
         " — bảng tin mục " + std::to_string(posted->board_seq));
  }
  auto published = h.secretary().publish_record(poll);
  if (!published) return with_context(published, "publish_record");
  step("Công bố kết quả: bản ghi kết quả, dấu vân tay " +
       protocol::lower_hex(published->statement.record_digest));

  // An auditor with a key of its own (not registered) checks the board and the record.
  client::Connection auditor_connection(bundle, crypto::SigningKey::generate());
  client::Client auditor(auditor_connection);
  auto board = auditor.get_board_all();
  if (!board) return with_context(board, "auditor get_board");
  auto record_response = auditor.get_record(poll);
  if (!record_response) return with_context(record_response, "auditor get_record");
  auto record = protocol::decode_record(record_response->record);
  if (!record) return with_context(record, "decode_record");
  if (auto ok = protocol::verify_record_outcomes(*record); !ok)
    return with_context(ok, "verify_record_outcomes");
  const auto &mine = casts.begin()->second;
  auto found = auditor.lookup_tracking_code(poll, mine.ballot.tracking_code);
  if (!found) return with_context(found, "lookup_tracking_code");
  step("Kiểm toán viên: chuỗi bảng tin " + std::to_string(board->entries.size()) +
       " mục hợp lệ, chữ ký bản ghi hợp lệ, kết quả tính lại khớp; mã theo dõi " +
       mine.ballot.short_tracking_code() + " có ở mục " + std::to_string(found->board_seq));

  h.stop_server();
  step("Dừng máy chủ");

  // The auditor's way home: the record file, exported from the meeting directory and checked offline
  // by councilvote-verify (no server, no database, no network).
  const QStringList export_args = {"export",
                                   "--meeting",
                                   QString::fromStdString(options_.meeting_dir.string()),
                                   "--poll",
                                   QString::fromStdString(poll.str()),
                                   "--out",
                                   QString::fromStdString(options_.record_file.string())};
  step("$ councilvote-server " + export_args.join(' ').toStdString());
  QProcess exporter;
  exporter.start(options_.server_binary, export_args);
  if (!exporter.waitForFinished(120000) || exporter.exitCode() != 0)
    return protocol::make_error(protocol::ErrorCode::internal,
                                "councilvote-server export failed: " +
                                    exporter.readAllStandardError().toStdString());
  for (const auto &line : QString::fromUtf8(exporter.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
    step("  " + line.toStdString());
  step("$ councilvote-verify " + options_.record_file.string());
  QProcess verifier;
  verifier.start(options_.verify_binary, {QString::fromStdString(options_.record_file.string())});
  if (!verifier.waitForFinished(300000))
    return protocol::make_error(protocol::ErrorCode::internal, "councilvote-verify did not finish");
  const auto verdict = QString::fromUtf8(verifier.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
  for (const auto &line : verdict)
    if (line.startsWith("PASS") || line.startsWith("FAIL") || line.startsWith("RECORD") ||
        line.startsWith("meeting"))
      step("  " + line.toStdString());
  if (verifier.exitCode() != 0 || verdict.isEmpty() || !verdict.last().startsWith("RECORD VALID "))
    return protocol::make_error(
        protocol::ErrorCode::inconsistent_data,
        "councilvote-verify did not find the record valid: " +
            (verdict.isEmpty() ? std::string("no output") : verdict.last().toStdString()));
  const std::string file_fingerprint = verdict.last().mid(13).toStdString();

  // The secretary's minutes (biên bản kiểm phiếu) from the record file alone, beside it.
  auto beside = [&](const char *ext) {
    auto p = options_.record_file;
    return QString::fromStdString(p.replace_extension(ext).string());
  };
  const QStringList minutes_args = {QString::fromStdString(options_.record_file.string()),
                                    "--out",
                                    beside(".pdf"),
                                    "--csv",
                                    beside(".csv"),
                                    "--html",
                                    beside(".html")};
  step("$ councilvote-minutes " + minutes_args.join(' ').toStdString());
  QProcess minutes;
  auto env = QProcessEnvironment::systemEnvironment();
  if (!env.contains("QT_QPA_PLATFORM")) env.insert("QT_QPA_PLATFORM", "offscreen");
  minutes.setProcessEnvironment(env);
  minutes.start(options_.minutes_binary, minutes_args);
  if (!minutes.waitForFinished(120000) || minutes.exitCode() != 0)
    return protocol::make_error(protocol::ErrorCode::internal,
                                "councilvote-minutes failed: " +
                                    minutes.readAllStandardError().toStdString());
  for (const auto &line : QString::fromUtf8(minutes.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
    step("  " + line.toStdString());

  summary_ << "\nTệp bản ghi: " << options_.record_file.string()
           << "\nBiên bản kiểm phiếu: " << beside(".pdf").toStdString() << ", "
           << beside(".csv").toStdString() << ", " << beside(".html").toStdString()
           << "\nDấu vân tay tệp bản ghi (councilvote-verify): " << file_fingerprint
           << "\nDấu vân tay bản ghi (record_digest, trong câu ký của máy chủ): "
           << protocol::lower_hex(published->statement.record_digest)
           << "\nTổng thời gian: " << elapsed_ms(t0) << " ms\n";
  return std::move(*record);
}

} // namespace cv::tools
