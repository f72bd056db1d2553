// MeetingService: opening the meeting directory, roles, and the dispatch of docs/wire.md §4.4
// steps 13-15: one store transaction per request, committed only when the operation succeeded.
#include "service_impl.hpp"

#include <algorithm>
#include <type_traits>

namespace cv::server {

using namespace detail;
using protocol::MessageType;

MeetingService::MeetingService(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MeetingService::~MeetingService() = default;

const protocol::MeetingId &MeetingService::meeting_id() const noexcept { return impl_->meeting_id; }
const crypto::SignPublicKey &MeetingService::server_key() const noexcept {
  return impl_->server_signing.public_key;
}

protocol::Result<std::unique_ptr<MeetingService>> MeetingService::open(const MeetingDir &dir,
                                                                       protocol::Clock clock) {
  try {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dir.database(), ec))
      return op_error(ErrorCode::internal, dir.root.string() + " is not a meeting directory (no meeting.db)");
    auto key = load_server_signing_key(dir);
    if (!key) return key.error();
    auto store = schema::Store::open(dir.database());
    if (!store) return store_error(store.error());
    auto meeting = store->meeting();
    if (!meeting) return store_error(meeting.error());
    auto id = protocol::MeetingId::parse(meeting->meeting_id);
    if (!id) return op_error(ErrorCode::internal, "the stored meeting id is invalid: " + id.error().message);
    auto secretaries = store->secretary_keys();
    if (!secretaries) return store_error(secretaries.error());
    if (!clock) clock = protocol::system_clock();
    auto impl = std::make_unique<Impl>(dir, std::move(*store), std::move(*key), std::move(*id),
                                       std::move(*meeting), std::move(*secretaries), std::move(clock));
    return std::unique_ptr<MeetingService>(new MeetingService(std::move(impl)));
  } catch (...) {
    return op_error(ErrorCode::internal, "unexpected exception while opening the meeting");
  }
}

protocol::RoleSet MeetingService::roles_of(const crypto::SignPublicKey &key) const {
  try {
    auto r = impl_->roles(key);
    return r ? *r : protocol::RoleSet{};
  } catch (...) {
    return {};
  }
}

protocol::Result<ServiceOutput> MeetingService::handle(MessageType type, const crypto::SignPublicKey &sender,
                                                       const QJsonObject &body) {
  try {
    return impl_->run(type, sender, body);
  } catch (...) {
    if (impl_->store.in_transaction()) impl_->store.rollback_transaction();
    return op_error(ErrorCode::internal,
                    "unexpected exception while handling " + std::string(protocol::message_type_name(type)));
  }
}

std::vector<protocol::Push> MeetingService::due_pushes() {
  std::vector<protocol::Push> out;
  try {
    auto &i = *impl_;
    const std::int64_t now = i.clock();
    for (auto it = i.turnout_push_pending.begin(); it != i.turnout_push_pending.end();) {
      if (now - i.last_turnout_push[*it] < kTurnoutPushIntervalMs) {
        ++it;
        continue;
      }
      auto poll = i.store.poll(*it);
      if (poll) {
        auto t = i.turnout_info(*poll);
        if (t) out.push_back({protocol::PushType::turnout, t->to_json()});
      }
      i.last_turnout_push[*it] = now;
      it = i.turnout_push_pending.erase(it);
    }
  } catch (...) { // out of memory: the next ballot or the next second tries again
  }
  return out;
}

protocol::Result<ServiceOutput> MeetingService::handle_keeping(MessageType type,
                                                               const crypto::SignPublicKey &sender,
                                                               const QJsonObject &body,
                                                               const RememberedNonce &keep) {
  try {
    return impl_->run(type, sender, body, &keep);
  } catch (...) {
    if (impl_->store.in_transaction()) impl_->store.rollback_transaction();
    (void)remember_nonce(keep.key, keep.nonce, keep.expires_ms);
    return op_error(ErrorCode::internal,
                    "unexpected exception while handling " + std::string(protocol::message_type_name(type)));
  }
}

protocol::Result<void> MeetingService::remember_nonce(const crypto::SignPublicKey &key,
                                                      const protocol::Nonce &nonce, std::int64_t expires_ms) {
  try {
    return impl_->keep_nonce({key, nonce, expires_ms});
  } catch (...) {
    return op_error(ErrorCode::internal, "unexpected exception while remembering a nonce");
  }
}

std::vector<RequestHandler::RememberedNonce> MeetingService::remembered_nonces() {
  std::vector<RememberedNonce> out;
  try {
    auto rows = impl_->store.used_nonces(impl_->clock());
    if (!rows) return out;
    for (const auto &r : *rows) out.push_back({r.key, r.nonce, r.expires_ms});
  } catch (...) {
  }
  return out;
}

Result<protocol::RoleSet> MeetingService::Impl::roles(const crypto::SignPublicKey &key) const {
  protocol::RoleSet out;
  if (std::ranges::find(secretaries, key) != secretaries.end()) out.add(protocol::Role::secretary);
  auto s = sender(key);
  if (!s) return s.error();
  if (!s->member) return out;
  out.add(protocol::Role::member);
  auto ceremony = store.current_ceremony();
  if (!ceremony) return store_error(ceremony.error());
  if (*ceremony && trustee_index(**ceremony, *s)) out.add(protocol::Role::trustee);
  return out;
}

Result<void> MeetingService::Impl::keep_nonce(const RememberedNonce &n) {
  auto r = store.remember_nonce(n.key, n.nonce, n.expires_ms, clock());
  if (r) return {};
  return store_error(r.error(), {{schema::Errc::conflict, ErrorCode::replayed_request,
                                  "this (key, nonce) pair was already used (kept across restarts)"}});
}

Result<ServiceOutput> MeetingService::Impl::run(MessageType type, const crypto::SignPublicKey &key,
                                                const QJsonObject &body, const RememberedNonce *keep) {
  // docs/wire.md §4.3: the pair is kept whatever the outcome; after a failure, on its own.
  auto keep_alone = [&] {
    if (keep) (void)keep_nonce(*keep);
  };
  auto roles_now = roles(key);
  if (!roles_now) return keep_alone(), roles_now.error();
  if (auto a = protocol::authorize(type, *roles_now); !a) return keep_alone(), a.error();
  auto s = sender(key);
  if (!s) return keep_alone(), s.error();
  if (!protocol::writes(type)) {
    keep_alone();
    return dispatch(type, *s, body);
  }

  // docs/wire.md §4.5: one transaction, rolled back on any error; the nonce is kept in it.
  if (auto r = store.begin_transaction(); !r) return keep_alone(), store_error(r.error());
  if (keep) {
    if (auto r = keep_nonce(*keep); !r) {
      store.rollback_transaction();
      return r.error();
    }
  }
  auto out = dispatch(type, *s, body);
  if (!out) {
    store.rollback_transaction();
    keep_alone();
    return out;
  }
  if (auto r = store.commit_transaction(); !r) return keep_alone(), store_error(r.error());
  return out;
}

// One case per row of the message table (protocol/types.hpp, CV_MESSAGE_TYPES): the operation's
// handler is the member of the same name, taking the body, or the sender and the body.
Result<ServiceOutput> MeetingService::Impl::dispatch(MessageType type, const Sender &s,
                                                     const QJsonObject &body) {
  auto run_handler = [&](auto handler) -> Result<ServiceOutput> {
    if constexpr (std::is_invocable_v<decltype(handler), Impl &, const Sender &, const QJsonObject &>)
      return (this->*handler)(s, body);
    else
      return (this->*handler)(body);
  };
  switch (type) {
#define CV_DISPATCH(name, ...)                                                                               \
  case MessageType::name:                                                                                    \
    return run_handler(&Impl::name);
    CV_MESSAGE_TYPES(CV_DISPATCH)
#undef CV_DISPATCH
  }
  return op_error(ErrorCode::internal, "unhandled message type");
}

} // namespace cv::server
