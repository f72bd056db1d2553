#include "councilvote/client/roles/sealed_blob.hpp"
#include "councilvote/client/roles/trustee.hpp"
#include "roles_common.hpp"

#include <sodium.h>

namespace cv::client::roles {

using protocol::CeremonyMessageKind;
using protocol::Result;

namespace {

constexpr std::string_view kStatePurpose = "councilvote-trustee-ceremony/1";
constexpr std::uint8_t kStateVersion = 1;

std::string trustee(std::uint32_t i) { return "trustee " + std::to_string(i); }

protocol::Bytes encode_commitments(const crypto::TrusteeCommitments &c) {
  crypto::ByteWriter w;
  crypto::encode_commitments(w, c);
  return w.take();
}

protocol::Bytes encode_share(const crypto::EncryptedShare &s) {
  crypto::ByteWriter w;
  crypto::encode_encrypted_share(w, s);
  return w.take();
}

// The roster of a get_ceremony_messages answer as ceremony parameters.
crypto::CeremonyParams params_of(const protocol::MeetingId &meeting,
                                 const protocol::GetCeremonyMessagesResponse &view) {
  crypto::CeremonyParams p{meeting.str(), view.threshold, {}};
  for (const auto &row : view.trustees) p.trustees.push_back({row.index, row.box_key});
  return p;
}

} // namespace

std::string_view ceremony_progress_name(CeremonyProgress p) noexcept {
  switch (p) {
  case CeremonyProgress::post:
    return "post";
  case CeremonyProgress::waiting:
    return "waiting";
  case CeremonyProgress::complain:
    return "complain";
  case CeremonyProgress::verified:
    return "verified";
  case CeremonyProgress::complete:
    return "complete";
  case CeremonyProgress::failed:
    break;
  }
  return "failed";
}

Result<TrusteeSession> TrusteeSession::begin(const protocol::MeetingId &meeting,
                                             const crypto::KeyFileContents &keys,
                                             const protocol::GetCeremonyMessagesResponse &view,
                                             crypto::Rng &rng) {
  try {
    auto ceremony = crypto::Ceremony::create(params_of(meeting, view));
    if (!ceremony) return detail::inconsistent("trustees", ceremony.error().message);
    if (ceremony->context() != view.ceremony_context)
      return detail::inconsistent("ceremony_context",
                                  "the ceremony context is not the one of the trustees and threshold shown");
    std::uint32_t index = 0;
    for (const auto &row : view.trustees)
      if (crypto::ct_equal(row.box_key, keys.box.public_key)) index = row.index;
    if (index == 0)
      return detail::invalid_argument("the box key of key file \"" + keys.label +
                                      "\" is not one of this ceremony's trustees");
    crypto::TrusteeSecrets me{index, keys.box, crypto::DealerPolynomial::random(ceremony->t(), rng)};
    auto commitments = crypto::commit_polynomial(*ceremony, me, rng);
    if (!commitments) return protocol::from_crypto(commitments.error(), "commitments: ");
    auto shares = crypto::deal_shares(*ceremony, me, rng);
    if (!shares) return protocol::from_crypto(shares.error(), "shares: ");
    TrusteeSession s(meeting, std::move(*ceremony), std::move(me));
    s.own_commitments_ = encode_commitments(*commitments);
    for (const auto &sh : *shares) s.own_shares_[sh.to] = encode_share(sh);
    if (auto a = s.absorb(view); !a) return a.error();
    return s;
  } catch (...) {
    return detail::internal("out of memory while starting the ceremony");
  }
}

// state = u8(version) || str(meeting) || u32(t) || u32(n) || n box keys || u32(index) ||
//         t coefficients (32 each) || var(commitments) || u32(#shares) || (u32(to) || var(share))*
Result<crypto::SecretBytes> TrusteeSession::state() const {
  try {
    crypto::ByteWriter w;
    w.u8(kStateVersion);
    w.str(meeting_.str());
    w.u32(ceremony_.t());
    w.u32(ceremony_.n());
    for (const auto &t : ceremony_.params().trustees) w.fixed(t.box_public_key);
    w.u32(me_.index);
    w.fixed(me_.polynomial.secret_bytes());
    w.var(own_commitments_);
    w.u32(static_cast<std::uint32_t>(own_shares_.size()));
    for (const auto &[to, bytes] : own_shares_) {
      w.u32(to);
      w.var(bytes);
    }
    auto plain = w.take();
    crypto::SecretBytes out{crypto::ByteView(plain)};
    sodium_memzero(plain.data(), plain.size());
    return out;
  } catch (...) {
    return detail::internal("out of memory while saving the ceremony state");
  }
}

Result<TrusteeSession> TrusteeSession::restore(crypto::ByteView state, const crypto::KeyFileContents &keys) {
  try {
    auto bad = [](const std::string &m) { return detail::invalid_argument("ceremony state: " + m); };
    crypto::ByteReader r(state);
    auto version = r.u8("version");
    if (!version || *version != kStateVersion) return bad("unsupported version");
    auto meeting_text = r.str("meeting", 128);
    if (!meeting_text) return bad(meeting_text.error().message);
    auto meeting = protocol::MeetingId::parse(*meeting_text);
    if (!meeting) return bad(meeting.error().message);
    auto t = r.u32("threshold");
    auto n = t ? r.u32("trustees") : crypto::Result<std::uint32_t>(t.error());
    if (!n || *n > crypto::kMaxTrustees) return bad("bad roster size");
    crypto::CeremonyParams params{meeting->str(), *t, {}};
    for (std::uint32_t i = 1; i <= *n; ++i) {
      auto key = r.array<32>("box key");
      if (!key) return bad(key.error().message);
      params.trustees.push_back({i, *key});
    }
    auto ceremony = crypto::Ceremony::create(params);
    if (!ceremony) return bad(ceremony.error().message);
    auto index = r.u32("index");
    if (!index || !ceremony->has_trustee(*index)) return bad("bad trustee index");
    if (!crypto::ct_equal(ceremony->box_public_key(*index), keys.box.public_key))
      return bad("it belongs to another key file");
    auto coefficients = r.fixed(std::size_t{*t} * crypto::kScalarBytes, "polynomial");
    if (!coefficients) return bad(coefficients.error().message);
    auto polynomial = crypto::DealerPolynomial::from_bytes(*coefficients);
    if (!polynomial) return bad(polynomial.error().message);
    crypto::TrusteeSecrets me{*index, keys.box, std::move(*polynomial)};
    TrusteeSession s(*meeting, std::move(*ceremony), std::move(me));
    auto commitments = r.var("commitments", crypto::commitments_encoded_size(crypto::kMaxTrustees));
    if (!commitments) return bad(commitments.error().message);
    s.own_commitments_.assign(commitments->begin(), commitments->end());
    // The commitments must be those of the polynomial.
    crypto::ByteReader cr(s.own_commitments_);
    auto decoded = crypto::decode_commitments(cr);
    if (!decoded || decoded->index != *index || decoded->coefficients.size() != *t)
      return bad("bad commitments");
    for (std::uint32_t k = 0; k < *t; ++k)
      if (!(crypto::Point::base_mul(s.me_.polynomial.coefficient(k)) == decoded->coefficients[k]))
        return bad("the commitments are not the polynomial's");
    auto count = r.u32("shares");
    if (!count || *count != *n - 1) return bad("bad number of shares");
    for (std::uint32_t i = 0; i < *count; ++i) {
      auto to = r.u32("recipient");
      auto bytes =
          to ? r.var("share", crypto::kEncryptedShareBytes) : crypto::Result<crypto::ByteView>(to.error());
      if (!bytes) return bad(bytes.error().message);
      s.own_shares_[*to].assign(bytes->begin(), bytes->end());
    }
    if (auto end = r.expect_end("end"); !end) return bad(end.error().message);
    return s;
  } catch (...) {
    return detail::internal("out of memory while restoring the ceremony");
  }
}

Result<void> TrusteeSession::absorb(const protocol::GetCeremonyMessagesResponse &page) {
  try {
    if (page.ceremony_context != ceremony_.context())
      return detail::inconsistent("ceremony_context", "these messages belong to another ceremony");
    const auto params = params_of(meeting_, page);
    bool same = params.threshold == ceremony_.t() && params.trustees.size() == ceremony_.n();
    for (std::size_t i = 0; same && i < params.trustees.size(); ++i)
      same = params.trustees[i].index == i + 1 &&
             params.trustees[i].box_public_key == ceremony_.params().trustees[i].box_public_key;
    if (!same) return detail::inconsistent("trustees", "the ceremony's trustees or threshold changed");
    for (const auto &m : page.messages)
      if (auto a = absorb_message(m); !a) return a;
    state_ = page.state;
    if (page.joint_key) server_joint_key_ = page.joint_key;
    return {};
  } catch (...) {
    return detail::internal("out of memory while reading ceremony messages");
  }
}

Result<void> TrusteeSession::absorb_message(const protocol::CeremonyMessage &m) {
  const std::string where = "board entry " + std::to_string(m.board_seq);
  if (auto it = messages_.find(m.board_seq); it != messages_.end()) {
    if (it->second == m) return {};
    return detail::inconsistent("message", where + " was shown with two different contents");
  }
  if (!ceremony_.has_trustee(m.from))
    return detail::inconsistent("message",
                                where + " comes from " + trustee(m.from) + ", who is not a trustee");
  switch (m.content.kind) {
  case CeremonyMessageKind::commitments: {
    auto c = m.content.decode_commitments();
    if (!c) {
      undecodable_.emplace(m.from, "the commitments of " + trustee(m.from) + " do not decode");
      break;
    }
    if (c->index != m.from)
      return detail::inconsistent("message", where + ": commitments of " + trustee(c->index) + " sent by " +
                                                 trustee(m.from));
    if (m.from == me_.index) {
      if (m.content.commitments != own_commitments_)
        return detail::inconsistent("own_message", where +
                                                       ": commitments under this trustee's index that this "
                                                       "session did not make");
      posted_commitments_ = true;
    }
    commitments_.push_back(std::move(*c));
    break;
  }
  case CeremonyMessageKind::share: {
    auto s = m.content.decode_share();
    if (!s) {
      undecodable_.emplace(m.from, "a share of " + trustee(m.from) + " does not decode");
      break;
    }
    if (s->from != m.from)
      return detail::inconsistent("message",
                                  where + ": a share of " + trustee(s->from) + " sent by " + trustee(m.from));
    if (m.from == me_.index) {
      auto own = own_shares_.find(s->to);
      if (own == own_shares_.end() || own->second != m.content.share)
        return detail::inconsistent("own_message", where + ": a share under this trustee's index that this "
                                                           "session did not make");
      posted_shares_[s->to] = true;
    }
    if (s->to == me_.index) shares_to_me_.push_back(*s);
    break;
  }
  case CeremonyMessageKind::complaint:
    complaints_seen_.push_back(trustee(m.from) + " complained about " + trustee(m.content.complaint.accused) +
                               ": " + m.content.complaint.reason);
    if (m.from == me_.index) complained_ = true;
    break;
  }
  messages_.emplace(m.board_seq, m);
  if (m.board_seq > last_seq_) last_seq_ = m.board_seq;
  return {};
}

crypto::CeremonyMessages TrusteeSession::received() const { return {commitments_, shares_to_me_}; }

Result<CeremonyStep> TrusteeSession::step() const {
  try {
    CeremonyStep out;
    if (state_ == protocol::CeremonyState::failed || !complaints_seen_.empty()) {
      out.progress = CeremonyProgress::failed;
      for (const auto &c : complaints_seen_) out.detail += (out.detail.empty() ? "" : "; ") + c;
      if (out.detail.empty()) out.detail = "the server marked the ceremony failed";
      return out;
    }
    const auto &ctx = ceremony_.context();
    if (!posted_commitments_) {
      protocol::CeremonyContent c;
      c.kind = CeremonyMessageKind::commitments;
      c.commitments = own_commitments_;
      out.to_post.push_back({ctx, c});
    }
    for (const auto &[to, bytes] : own_shares_)
      if (!posted_shares_.contains(to)) {
        protocol::CeremonyContent c;
        c.kind = CeremonyMessageKind::share;
        c.share = bytes;
        out.to_post.push_back({ctx, c});
      }
    if (!out.to_post.empty()) {
      if (state_ == protocol::CeremonyState::complete)
        return detail::inconsistent("state", "the ceremony is complete without this trustee's messages");
      out.progress = CeremonyProgress::post;
      return out;
    }
    std::map<std::uint32_t, bool> has_commitments, has_share;
    for (const auto &c : commitments_) has_commitments[c.index] = true;
    for (const auto &s : shares_to_me_) has_share[s.from] = true;
    for (std::uint32_t i = 1; i <= ceremony_.n(); ++i) {
      if (!has_commitments.contains(i) && !undecodable_.contains(i))
        out.waiting_for.push_back("commitments of " + trustee(i));
      if (i != me_.index && !has_share.contains(i) && !undecodable_.contains(i))
        out.waiting_for.push_back("share of " + trustee(i));
    }
    if (!out.waiting_for.empty()) {
      if (state_ == protocol::CeremonyState::complete)
        return detail::inconsistent("state", "the ceremony is complete but the board lacks the " +
                                                 out.waiting_for.front());
      out.progress = CeremonyProgress::waiting;
      return out;
    }
    // The recipient checks (docs/protocol.md §12.4.1).
    std::vector<crypto::ShareComplaint> complaints;
    for (const auto &[from, why] : undecodable_)
      complaints.push_back({from, crypto::Errc::invalid_encoding, why});
    auto checked = crypto::check_shares(ceremony_, me_, received());
    if (!checked) return detail::internal("share checks: " + checked.error().message);
    for (auto &c : *checked)
      if (!undecodable_.contains(c.from)) complaints.push_back(std::move(c));
    for (const auto &c : complaints)
      if (c.from == me_.index) return detail::internal("this trustee's own commitments fail: " + c.reason);
    if (!complaints.empty()) {
      out.progress = CeremonyProgress::complain;
      for (const auto &c : complaints) {
        out.detail += (out.detail.empty() ? "" : "; ") + c.reason;
        out.to_post.push_back({ctx, protocol::CeremonyContent::of(c)});
      }
      return out;
    }
    if (state_ != protocol::CeremonyState::complete) {
      out.progress = CeremonyProgress::verified;
      return out;
    }
    if (server_joint_key_ && !(*server_joint_key_ == crypto::joint_public_key(commitments_)))
      return detail::inconsistent("joint_key", "the server's joint key is not the one the commitments give");
    out.progress = CeremonyProgress::complete;
    return out;
  } catch (...) {
    return detail::internal("out of memory while checking the ceremony");
  }
}

Result<crypto::TrusteeKeyShare> TrusteeSession::finalize() const {
  auto s = step();
  if (!s) return s.error();
  if (s->progress != CeremonyProgress::verified && s->progress != CeremonyProgress::complete)
    return protocol::make_error(protocol::ErrorCode::wrong_state,
                                "the key share can be computed only once every share verified (now: " +
                                    std::string(ceremony_progress_name(s->progress)) + ")");
  auto share = crypto::finalize_key_share(ceremony_, me_, received());
  if (!share) return detail::internal("key share: " + share.error().message);
  if (server_joint_key_ && !(*server_joint_key_ == share->joint_key))
    return detail::inconsistent("joint_key", "the server's joint key is not the one the commitments give");
  return std::move(*share);
}

Result<void> save_ceremony_state(const std::filesystem::path &path, const TrusteeSession &session,
                                 std::string_view passphrase, const crypto::KdfParams &params) {
  auto state = session.state();
  if (!state) return state.error();
  return save_sealed_blob(path, kStatePurpose, state->view(), passphrase, params, true);
}

Result<TrusteeSession> load_ceremony_state(const std::filesystem::path &path, std::string_view passphrase,
                                           const crypto::KeyFileContents &keys) {
  auto state = load_sealed_blob(path, kStatePurpose, passphrase);
  if (!state) return state.error();
  return TrusteeSession::restore(state->view(), keys);
}

} // namespace cv::client::roles
