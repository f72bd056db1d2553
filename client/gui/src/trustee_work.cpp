#include "trustee_work.hpp"

#include "councilvote/client/keys.hpp"
#include "councilvote/protocol/crypto_error.hpp"
#include "worker.hpp"

#include <system_error>

namespace cv::gui {

namespace {

using protocol::Result;
namespace roles = client::roles;
constexpr int kLookAgainMs = 2000;

protocol::Error local_error(protocol::ErrorCode code, std::string message) {
  return protocol::make_error(code, std::move(message));
}

} // namespace

TrusteeWork::TrusteeWork(MemberSession &member, QObject *parent) : QObject(parent), member_(member) {
  poll_timer_.setSingleShot(true);
  connect(&poll_timer_, &QTimer::timeout, this, [this] { tick(); });
}

TrusteeWork::~TrusteeWork() { wait_for_workers(this); }

void TrusteeWork::set_busy(bool b) {
  if (busy_ == b) return;
  busy_ = b;
  emit busy_changed(b);
}

void TrusteeWork::fail(const protocol::Error &e) {
  poll_timer_.stop();
  set_busy(false);
  emit failed(e);
}

std::string_view TrusteeWork::passphrase() const {
  return {reinterpret_cast<const char *>(passphrase_->data()), passphrase_->size()};
}

std::filesystem::path TrusteeWork::state_path() const {
  return client::sibling_path(member_.files().key(), "ceremony.sealed");
}

std::filesystem::path TrusteeWork::share_path(const protocol::Hash32 &context) const {
  return client::sibling_path(member_.files().key(),
                              "share-" + protocol::lower_hex(context).substr(0, 8) + ".sealed");
}

client::AsyncClient TrusteeWork::async() const { return client::AsyncClient(*member_.connection()); }

// ------------------------------------------------------------------------------------- ceremony

void TrusteeWork::start_ceremony(crypto::SecretBytes passphrase) {
  if (busy_) return;
  if (!member_.connection() || !member_.keys())
    return fail(local_error(protocol::ErrorCode::wrong_state, "unlock the key first"));
  passphrase_ = std::move(passphrase);
  session_.reset();
  view_ = {};
  set_busy(true);
  // Every ceremony push: look at once (one connection to the member's connection of the moment).
  if (pushes_conn_ != member_.connection()) {
    QObject::disconnect(pushes_);
    pushes_conn_ = member_.connection();
    pushes_ = connect(member_.connection(), &client::Connection::push_received, this,
                      [this](protocol::PushType t, const QJsonObject &) {
                        if (t == protocol::PushType::ceremony_message && session_ && !busy_) tick();
                      });
  }
  async().call<protocol::MessageType::get_ceremony_messages>(
      {0}, [this](Result<protocol::GetCeremonyMessagesResponse> first) {
        if (!first) return fail(first.error());
        const auto share = share_path(first->ceremony_context);
        std::error_code ec;
        const auto keys = *member_.keys();
        const auto state = state_path();
        const auto pass = *passphrase_;
        const auto meeting = member_.bundle()->meeting;
        const bool share_exists = std::filesystem::exists(share, ec);
        const auto key_file = member_.files().key();
        // Opening a sealed file runs Argon2id: on a worker.
        run_worker<Result<std::pair<bool, std::optional<roles::TrusteeSession>>>>(
            this,
            [=, first = *first]() -> Result<std::pair<bool, std::optional<roles::TrusteeSession>>> {
              const std::string_view p(reinterpret_cast<const char *>(pass.data()), pass.size());
              // The passphrase must be the key file's: a mistyped one would seal the ceremony state
              // (and later the key share) under a passphrase nobody knows.
              if (auto k = client::open_key(key_file, p); !k)
                return protocol::make_error(protocol::ErrorCode::invalid_argument,
                                            "sealed file: the passphrase does not open the key file");
              if (share_exists) { // this ceremony's share is already saved: check that it opens
                auto opened = roles::load_trustee_share(share, p);
                if (!opened) return opened.error();
                return std::pair{true, std::optional<roles::TrusteeSession>{}};
              }
              std::error_code e;
              if (std::filesystem::exists(state, e)) {
                auto resumed = roles::load_ceremony_state(state, p, keys);
                if (!resumed) return resumed.error();
                if (resumed->ceremony_context() == first.ceremony_context)
                  return std::pair{false, std::optional{std::move(*resumed)}};
              }
              auto fresh = roles::TrusteeSession::begin(meeting, keys, first);
              if (!fresh) return fresh.error();
              return std::pair{false, std::optional{std::move(*fresh)}};
            },
            [this, share, first = *first](Result<std::pair<bool, std::optional<roles::TrusteeSession>>> r) {
              if (!r) return fail(r.error());
              if (r->first) {
                view_.complete = view_.state_sealed = view_.posted = view_.shares_verified = true;
                view_.share_file = share;
                view_.trustees = static_cast<std::uint32_t>(first.trustees.size());
                view_.threshold = first.threshold;
                passphrase_.reset();
                set_busy(false);
                emit ceremony_changed();
                return;
              }
              seal_and_check(std::move(*r->second));
            });
      });
}

// Seals the state, opens the file again and compares: nothing is posted before this holds.
void TrusteeWork::seal_and_check(roles::TrusteeSession session) {
  const auto state = state_path();
  const auto pass = *passphrase_;
  const auto keys = *member_.keys();
  const auto params = client::kdf_params(member_.options().insecure_fast_kdf);
  auto shared = std::make_shared<roles::TrusteeSession>(std::move(session));
  run_worker<Result<void>>(
      this,
      [=]() -> Result<void> {
        const std::string_view p(reinterpret_cast<const char *>(pass.data()), pass.size());
        if (auto w = roles::save_ceremony_state(state, *shared, p, params); !w) return w.error();
        auto reopened = roles::load_ceremony_state(state, p, keys);
        if (!reopened) return reopened.error();
        auto a = shared->state(), b = reopened->state();
        if (!a || !b) return a ? b.error() : a.error();
        if (!crypto::ct_equal(a->view(), b->view()))
          return protocol::make_error(protocol::ErrorCode::internal,
                                      "the sealed ceremony state did not read back the same");
        return {};
      },
      [this, shared](Result<void> r) {
        if (!r) return fail(r.error());
        session_ = std::move(*shared);
        view_.state_sealed = true;
        view_.index = session_->index();
        view_.threshold = session_->threshold();
        view_.trustees = session_->trustee_count();
        emit ceremony_changed();
        fetch_pages();
      });
}

void TrusteeWork::tick() {
  if (busy_ || !session_ || view_.complete || view_.failed || !member_.connection()) return;
  set_busy(true);
  fetch_pages();
}

// Every page after what the session has seen (the last, empty page too: it carries the state).
void TrusteeWork::fetch_pages() {
  async().call<protocol::MessageType::get_ceremony_messages>(
      {session_->next_after_seq()}, [this](Result<protocol::GetCeremonyMessagesResponse> page) {
        if (!page) return fail(page.error());
        if (auto r = session_->absorb(*page); !r) return fail(r.error());
        if (page->messages.empty()) return act();
        fetch_pages();
      });
}

void TrusteeWork::act() {
  auto step = session_->step();
  if (!step) return fail(step.error());
  using P = roles::CeremonyProgress;
  view_.waiting_for = step->waiting_for;
  switch (step->progress) {
  case P::post:
  case P::complain:
    if (step->progress == P::complain) view_.detail = step->detail;
    return post_next(std::move(step->to_post), 0);
  case P::complete:
    view_.posted = view_.shares_verified = true;
    return save_share();
  case P::failed:
    view_.failed = true;
    view_.detail = step->detail;
    set_busy(false);
    emit ceremony_changed();
    return;
  case P::verified:
    view_.shares_verified = true;
    [[fallthrough]];
  case P::waiting:
    view_.posted = true; // step() asks to post first while anything of ours is missing
    set_busy(false);
    emit ceremony_changed();
    poll_timer_.start(kLookAgainMs);
    return;
  }
}

void TrusteeWork::post_next(std::vector<protocol::PostCeremonyMessageRequest> messages, std::size_t i) {
  if (i == messages.size()) return fetch_pages(); // look at the board again at once
  const auto m = messages[i];
  async().call<protocol::MessageType::post_ceremony_message>(
      m, [this, messages = std::move(messages), i](Result<protocol::PostCeremonyMessageResponse> r) mutable {
        if (!r) return fail(r.error());
        post_next(std::move(messages), i + 1);
      });
}

void TrusteeWork::save_share() {
  auto share = session_->finalize();
  if (!share) return fail(share.error());
  view_.joint_key_hex = protocol::lower_hex(share->joint_key.bytes());
  auto file = std::make_shared<roles::TrusteeShareFile>(roles::share_file_of(*session_, std::move(*share)));
  const auto path = share_path(session_->ceremony_context());
  const auto state = state_path();
  const auto pass = *passphrase_;
  const auto params = client::kdf_params(member_.options().insecure_fast_kdf);
  run_worker<Result<void>>(
      this,
      [=]() -> Result<void> {
        const std::string_view p(reinterpret_cast<const char *>(pass.data()), pass.size());
        if (auto w = roles::save_trustee_share(path, *file, p, params); !w) return w.error();
        auto reopened = roles::load_trustee_share(path, p); // checks P_j = s_j·G
        if (!reopened) return reopened.error();
        if (reopened->share.public_share != file->share.public_share ||
            reopened->share.joint_key != file->share.joint_key)
          return protocol::make_error(protocol::ErrorCode::internal,
                                      "the saved key share did not read back the same");
        std::error_code ec;
        std::filesystem::remove(state, ec);
        return {};
      },
      [this, path](Result<void> r) {
        if (!r) return fail(r.error());
        view_.complete = true;
        view_.share_file = path;
        passphrase_.reset();
        set_busy(false);
        emit ceremony_changed();
      });
}

// ------------------------------------------------------------------------------------- decryption

void TrusteeWork::prepare_decryption(const protocol::PollId &poll, crypto::SecretBytes passphrase) {
  if (busy_) return;
  if (!member_.connection() || !member_.bundle())
    return fail(local_error(protocol::ErrorCode::wrong_state, "unlock the key first"));
  prepared_.reset();
  set_busy(true);
  auto pass = std::make_shared<crypto::SecretBytes>(std::move(passphrase));
  async().call<protocol::MessageType::get_poll>({poll}, [this, poll, pass](Result<protocol::PollInfo> info) {
    if (!info) return fail(info.error());
    async().call<protocol::MessageType::get_tally>({poll}, [this, poll, info = *info,
                                                            pass](Result<protocol::TallyStatus> tally) {
      if (!tally) return fail(tally.error());
      async().get_board_all(
          0, {}, protocol::kMaxBoardPage,
          [this, poll, info, tally = *tally, pass](Result<client::BoardSnapshot> board) {
            if (!board) return fail(board.error());
            const auto bundle = *member_.bundle();
            const auto key = member_.files().key();
            run_worker<Result<protocol::PostPartialDecryptionRequest>>(
                this,
                [=, entries = std::move(board->entries)]() -> Result<protocol::PostPartialDecryptionRequest> {
                  const auto &cer = info.definition.ceremony;
                  crypto::CeremonyParams params{bundle.meeting.str(), cer.threshold, cer.trustees};
                  const auto path = client::sibling_path(
                      key, "share-" + protocol::lower_hex(crypto::ceremony_context(params)).substr(0, 8) +
                               ".sealed");
                  const std::string_view p(reinterpret_cast<const char *>(pass->data()), pass->size());
                  auto share = roles::load_trustee_share(path, p);
                  if (!share) return share.error();
                  return roles::make_partial_decryption(bundle.meeting, info, entries, tally, *share,
                                                        bundle.min_ballots);
                },
                [this, poll, info, tally](Result<protocol::PostPartialDecryptionRequest> req) {
                  if (!req) return fail(req.error());
                  prepared_ = std::move(*req);
                  DecryptionView v;
                  v.poll = poll;
                  v.ballots = tally.tally.ballots;
                  v.members = static_cast<std::uint32_t>(info.definition.roster.size());
                  v.threshold = tally.threshold;
                  v.tally_seq = tally.tally_seq;
                  v.tally_fingerprint = protocol::lower_hex(prepared_->tally_context);
                  v.warning = roles::small_tally_warning(v.ballots, v.members);
                  v.held = tally.partials;
                  set_busy(false);
                  emit decryption_ready(v);
                });
          });
    });
  });
}

void TrusteeWork::post_decryption() {
  if (busy_ || !prepared_ || !member_.connection()) return;
  set_busy(true);
  async().call<protocol::MessageType::post_partial_decryption>(
      *prepared_, [this](Result<protocol::PostPartialDecryptionResponse> r) {
        if (!r) return fail(r.error());
        prepared_.reset();
        set_busy(false);
        emit decryption_posted(*r);
      });
}

void TrusteeWork::forget_decryption() { prepared_.reset(); }

} // namespace cv::gui
