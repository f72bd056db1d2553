#include "member_session.hpp"

#include "councilvote/client/keys.hpp"
#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/client/roles/poll_board.hpp"
#include "councilvote/protocol/crypto_error.hpp"
#include "worker.hpp"

#include <QTimer>
#include <fstream>
#include <sstream>
#include <system_error>

namespace cv::gui {

namespace {

using protocol::Result;
namespace roles = client::roles;

protocol::Error local_error(std::string message) {
  return protocol::make_error(protocol::ErrorCode::internal, std::move(message));
}

std::optional<std::string> read_small_file(const std::filesystem::path &p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "label: …" and "signing key: …" lines of the public key file.
std::optional<std::string> public_key_field(const std::filesystem::path &p, std::string_view name) {
  auto text = read_small_file(p);
  if (!text) return std::nullopt;
  std::istringstream lines(*text);
  const std::string prefix = std::string(name) + ": ";
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with(prefix)) return line.substr(prefix.size());
  return std::nullopt;
}

} // namespace

std::filesystem::path MemberFiles::ballot(const protocol::PollId &poll) const {
  return client::sibling_path(key(), "ballot-" + poll.str() + ".json");
}
std::filesystem::path MemberFiles::receipt(const protocol::PollId &poll) const {
  return client::sibling_path(key(), "receipt-" + poll.str() + ".json");
}

MemberSession::MemberSession(SessionOptions options, QObject *parent)
    : QObject(parent), options_(std::move(options)), files_{options_.dir} {
  std::error_code ec;
  std::filesystem::create_directories(files_.dir, ec);
  if (auto text = read_small_file(files_.bundle()))
    if (auto b = protocol::decode_bundle(*text)) bundle_ = std::move(*b);
}

MemberSession::~MemberSession() { wait_for_workers(this); }

void MemberSession::set_busy(bool b) {
  if (busy_ == b) return;
  busy_ = b;
  emit busy_changed(b);
  if (!b && refresh_pending_) { // a poll opened while busy: look once the turn is over
    refresh_pending_ = false;
    QTimer::singleShot(0, this, [this] {
      if (!busy_ && conn_) refresh();
    });
  }
}

void MemberSession::fail(Step step, const protocol::Error &e) {
  set_busy(false);
  emit failed(step, e);
}

client::AsyncClient MemberSession::async() const { return client::AsyncClient(*conn_); }

// ------------------------------------------------------------------------------------- identity

bool MemberSession::has_identity() const {
  std::error_code ec;
  return std::filesystem::exists(files_.key(), ec);
}

std::optional<std::string> MemberSession::public_key_hex() const {
  return public_key_field(files_.public_key(), "signing key");
}

std::optional<std::string> MemberSession::identity_label() const {
  return public_key_field(files_.public_key(), "label");
}

void MemberSession::create_identity(const std::string &label, crypto::SecretBytes passphrase) {
  if (busy_) return;
  set_busy(true);
  emit progress(Step::identity, 0, 0);
  const auto path = files_.key();
  const auto params = client::kdf_params(options_.insecure_fast_kdf);
  run_worker<crypto::Result<crypto::KeyFileContents>>(
      this,
      [path, label, params, pass = std::move(passphrase)] {
        const std::string_view view(reinterpret_cast<const char *>(pass.data()), pass.size());
        return client::create_key_file(path, label, "member", view, params);
      },
      [this, label](crypto::Result<crypto::KeyFileContents> k) {
        if (!k) return fail(Step::identity, protocol::from_crypto(k.error()));
        const std::string text = "CouncilVote member public key\nlabel: " + label +
                                 "\nsigning key: " + protocol::lower_hex(k->signing.public_key) + "\n";
        if (auto w = roles::write_file_atomic(files_.public_key(), crypto::as_bytes(text), true); !w)
          return fail(Step::identity, w.error());
        set_busy(false);
        emit identity_created();
      });
}

// ------------------------------------------------------------------------------------- bundle

Result<void> MemberSession::save_bundle(const protocol::EnrollmentBundle &b) {
  const std::string text = protocol::encode_bundle_compact(b) + "\n";
  if (auto w = roles::write_file_atomic(files_.bundle(), crypto::as_bytes(text), true); !w) return w.error();
  bundle_ = b;
  return {};
}

// ------------------------------------------------------------------------------------- unlock

void MemberSession::unlock(crypto::SecretBytes passphrase) {
  if (busy_ || !bundle_) return;
  set_busy(true);
  emit progress(Step::unlock, 0, 0);
  const auto path = files_.key();
  run_worker<crypto::Result<crypto::KeyFileContents>>(
      this,
      [path, pass = std::move(passphrase)] {
        const std::string_view view(reinterpret_cast<const char *>(pass.data()), pass.size());
        return client::open_key(path, view);
      },
      [this](crypto::Result<crypto::KeyFileContents> k) {
        if (!k) return fail(Step::unlock, protocol::from_crypto(k.error()));
        key_ = std::make_unique<crypto::KeyFileContents>(std::move(*k));
        client::ConnectionOptions o;
        o.insecure_plaintext = options_.insecure_plaintext;
        o.keep_alive = true; // the pushes: a poll opened, a result published
        conn_ = std::make_unique<client::Connection>(*bundle_, key_->signing, o);
        connect(conn_.get(), &client::Connection::push_received, this,
                [this](protocol::PushType type, const QJsonObject &) {
                  // A poll opened (or its room phase began): look again; the flow keeps the choices
                  // being made in the same poll.
                  if (type != protocol::PushType::poll_opened) return;
                  if (busy_)
                    refresh_pending_ = true; // after the step in progress
                  else
                    refresh();
                });
        emit unlocked_changed();
        set_busy(false);
        refresh();
      });
}

void MemberSession::lock() {
  // Possibly from inside one of the connection's own continuations: deleted from the event loop.
  if (conn_) conn_.release()->deleteLater();
  key_.reset();
  poll_.reset();
  saved_.reset();
  set_busy(false);
  emit unlocked_changed();
}

// ------------------------------------------------------------------------------------- the poll

void MemberSession::refresh() {
  if (busy_ || !conn_) return;
  set_busy(true);
  emit progress(Step::connect, 0, 0);
  async().get_board_all(
      0, {}, protocol::kMaxBoardPage,
      [this](Result<client::BoardSnapshot> board) {
        if (!board) {
          // The first request is where a wrong certificate shows: the connection is then unusable.
          if (conn_ && conn_->pin_failed()) {
            auto e = board.error();
            lock();
            return fail(Step::connect, e);
          }
          return fail(Step::board, board.error());
        }
        const auto polls = roles::board_polls(board->entries);
        if (polls.empty()) {
          poll_.reset();
          saved_.reset();
          set_busy(false);
          emit no_poll();
          return;
        }
        load_poll(polls.back()); // the newest poll
      },
      [this](const client::Progress &p) { emit progress(Step::board, p.done, p.total); });
}

void MemberSession::load_poll(const protocol::PollId &poll) {
  emit progress(Step::poll, 0, 0);
  async().verified_poll(poll, [this, poll](Result<client::VerifiedPoll> vp) {
    if (!vp) return fail(Step::poll, vp.error());
    poll_ = std::move(*vp);
    saved_.reset();
    std::error_code ec;
    if (std::filesystem::exists(files_.ballot(poll), ec)) {
      auto s = roles::load_saved_ballot(files_.ballot(poll));
      if (!s) return fail(Step::poll, s.error());
      if (s->meeting != bundle_->meeting || s->poll != poll)
        return fail(Step::poll, local_error(files_.ballot(poll).string() + " holds another poll's ballot"));
      saved_ = std::move(*s);
    }
    if (saved_ && !saved_->receipt) { // built and saved, the answer never came: the same bytes again
      send_saved(roles::PreparedBallot::from_saved(*saved_));
      return;
    }
    set_busy(false);
    emit poll_ready();
  });
}

void MemberSession::cast(std::vector<roles::MemberChoice> choices) {
  if (busy_ || !poll_ || !key_ || voted()) return;
  set_busy(true);
  if (saved_) { // built and saved before, its answer lost: the same bytes again, never new ones
    send_saved(roles::PreparedBallot::from_saved(*saved_));
    return;
  }
  emit progress(Step::encrypt, 0, 0);
  run_worker<Result<roles::PreparedBallot>>(
      this,
      [meeting = bundle_->meeting, info = poll_->info, signing = key_->signing,
       choices = std::move(choices)] { return roles::build_ballot(meeting, info, signing, choices); },
      [this](Result<roles::PreparedBallot> prepared) {
        if (!prepared) return fail(Step::encrypt, prepared.error());
        // Kept on disk before it is sent: a retry sends these same bytes (docs/wire.md §8.4).
        if (auto w = roles::save_saved_ballot(files_.ballot(prepared->poll), prepared->saved()); !w)
          return fail(Step::encrypt, w.error());
        saved_ = prepared->saved();
        send_saved(std::move(*prepared));
      });
}

void MemberSession::send_saved(roles::PreparedBallot prepared) {
  emit progress(Step::cast, 0, 0);
  const auto poll = prepared.poll;
  const auto ballot = prepared.ballot;
  async().cast_ballot(poll, ballot, [this, prepared = std::move(prepared)](Result<protocol::Receipt> r) {
    if (!r) return fail(Step::cast, r.error());
    if (auto c = roles::check_receipt(prepared, *r, bundle_->server_key); !c)
      return fail(Step::cast, c.error());
    auto saved = prepared.saved();
    saved.receipt = *r;
    if (auto w = roles::save_saved_ballot(files_.ballot(prepared.poll), saved); !w)
      return fail(Step::cast, w.error());
    const std::string receipt_json = protocol::to_json(protocol::receipt_to_json(*r));
    if (auto w =
            roles::write_file_atomic(files_.receipt(prepared.poll), crypto::as_bytes(receipt_json), true);
        !w)
      return fail(Step::cast, w.error());
    saved_ = std::move(saved);
    set_busy(false);
    emit cast_done();
  });
}

// ------------------------------------------------------------------------------------- checks

void MemberSession::check() {
  if (busy_ || !conn_ || !voted()) return;
  set_busy(true);
  emit progress(Step::check, 0, 0);
  const auto poll = saved_->poll;
  const auto code = saved_->tracking_code;
  const auto a = async();
  a.call<protocol::MessageType::lookup_tracking_code>(
      {poll, code}, [this, poll, code](Result<protocol::LookupTrackingCodeResponse> found) {
        if (!found) return fail(Step::check, found.error());
        async().call<protocol::MessageType::get_board>(
            {found->board_seq, 1},
            [this, poll, code, found = *found](Result<protocol::GetBoardResponse> page) {
              if (!page) return fail(Step::check, page.error());
              if (auto c = roles::check_lookup_entry(poll, code, found, *page); !c)
                return fail(Step::check, c.error());
              CheckOutcome outcome;
              outcome.on_board = true;
              outcome.board_seq = found.board_seq;
              async().call<protocol::MessageType::get_poll>(
                  {poll}, [this, outcome](Result<protocol::PollInfo> info) mutable {
                    if (!info) return fail(Step::check, info.error());
                    if (info->status != protocol::PollStatus::published) {
                      set_busy(false);
                      emit checked(outcome);
                      return;
                    }
                    outcome.published = true;
                    check_record(outcome);
                  });
            });
      });
}

// After publication: the record built from the board and the signed statement, verified by the
// auditor's checks with the member's tracking code (it must be one of the ballots counted).
void MemberSession::check_record(CheckOutcome outcome) {
  const auto poll = saved_->poll;
  async().call<protocol::MessageType::get_record>(
      {poll}, [this, poll, outcome](Result<protocol::GetRecordResponse> rec) {
        if (!rec) return fail(Step::check, rec.error());
        async().get_board_all(
            0, {}, protocol::kMaxBoardPage,
            [this, poll, outcome, statement = rec->statement](Result<client::BoardSnapshot> board) {
              if (!board) return fail(Step::check, board.error());
              struct Report {
                bool ok = false;
                std::string detail;
              };
              run_worker<Report>(
                  this,
                  [bundle = *bundle_, poll, statement, entries = std::move(board->entries),
                   code = protocol::lower_hex(saved_->tracking_code)] {
                    const roles::AuditInput in{bundle, poll, entries, &statement, code};
                    const auto report = roles::audit_poll(in);
                    Report r;
                    r.ok = report.ok() && report.tracking_seq.has_value();
                    if (const auto *f = report.first_failure()) r.detail = f->name + ": " + f->detail;
                    return r;
                  },
                  [this, outcome](Report r) mutable {
                    outcome.record_ok = r.ok;
                    outcome.record_detail = r.detail;
                    set_busy(false);
                    emit checked(outcome);
                  });
            },
            [this](const client::Progress &p) { emit progress(Step::check, p.done, p.total); });
      });
}

} // namespace cv::gui
