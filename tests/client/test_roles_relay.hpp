// A stand-in for the server's side of the key ceremony (docs/wire.md §8.5): it accepts posted
// ceremony messages (a byte-identical repost is accepted again, a different one from the same
// sender is refused), numbers them like board entries and answers get_ceremony_messages.
#pragma once

#include "councilvote/client/roles/trustee.hpp"
#include "test_roles_fixture.hpp"

namespace cv::test {

struct CeremonyRelay {
  protocol::GetCeremonyMessagesResponse base;
  std::vector<protocol::CeremonyMessage> messages;
  std::uint64_t seq = 100; // the board has other entries before

  CeremonyRelay(const protocol::MeetingId &meeting, std::span<const crypto::KeyFileContents> keys,
                std::uint32_t threshold) {
    base.threshold = threshold;
    crypto::CeremonyParams params{meeting.str(), threshold, {}};
    for (std::uint32_t i = 0; i < keys.size(); ++i) {
      base.trustees.push_back({i + 1, 10 + i, keys[i].box.public_key});
      params.trustees.push_back({i + 1, keys[i].box.public_key});
    }
    base.ceremony_context = crypto::ceremony_context(params);
  }

  // false when refused (a different message of the same kind from the same sender and recipient).
  bool post(std::uint32_t from, const protocol::PostCeremonyMessageRequest &r) {
    if (r.ceremony_context != base.ceremony_context) return false;
    for (const auto &m : messages) {
      if (m.from != from || m.content.kind != r.content.kind) continue;
      if (m.content == r.content) return true; // identical repost
      if (r.content.kind == protocol::CeremonyMessageKind::share &&
          must(m.content.decode_share()).to != must(r.content.decode_share()).to)
        continue;
      if (r.content.kind != protocol::CeremonyMessageKind::complaint) return false;
    }
    messages.push_back({++seq, from, r.content});
    update_state();
    return true;
  }

  void update_state() {
    std::size_t commitments = 0, shares = 0;
    std::vector<crypto::TrusteeCommitments> decoded;
    for (const auto &m : messages) {
      if (m.content.kind == protocol::CeremonyMessageKind::complaint) {
        base.state = protocol::CeremonyState::failed;
        base.joint_key.reset();
        return;
      }
      if (m.content.kind == protocol::CeremonyMessageKind::commitments) {
        ++commitments;
        decoded.push_back(must(m.content.decode_commitments()));
      }
      if (m.content.kind == protocol::CeremonyMessageKind::share) ++shares;
    }
    const std::size_t n = base.trustees.size();
    if (commitments == n && shares == n * (n - 1)) {
      base.state = protocol::CeremonyState::complete;
      base.joint_key = crypto::joint_public_key(decoded);
    }
  }

  protocol::GetCeremonyMessagesResponse page(std::uint64_t after) const {
    auto p = base;
    for (const auto &m : messages)
      if (m.board_seq > after) p.messages.push_back(m);
    return p;
  }

  // The public result, once complete.
  CeremonyResult result(const protocol::MeetingId &meeting) const {
    CeremonyResult r;
    r.threshold = base.threshold;
    crypto::CeremonyParams params{meeting.str(), base.threshold, {}};
    for (const auto &t : base.trustees) {
      r.trustees.push_back({t.index, t.box_key});
      params.trustees.push_back({t.index, t.box_key});
    }
    for (const auto &m : messages)
      if (m.content.kind == protocol::CeremonyMessageKind::commitments)
        r.commitments.push_back(must(m.content.decode_commitments()));
    std::sort(r.commitments.begin(), r.commitments.end(),
              [](const auto &a, const auto &b) { return a.index < b.index; });
    r.key = must(crypto::threshold_public_key(must(crypto::Ceremony::create(params)), r.commitments));
    return r;
  }
};

// Runs the sessions against the relay until none has anything to post; returns their last steps.
inline std::vector<client::roles::CeremonyStep>
run_rounds(CeremonyRelay &relay, std::vector<client::roles::TrusteeSession> &sessions) {
  std::vector<client::roles::CeremonyStep> steps(sessions.size());
  for (int round = 0; round < 4; ++round) {
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      auto &s = sessions[i];
      REQUIRE(s.absorb(relay.page(s.next_after_seq())));
      steps[i] = must(s.step());
      if (steps[i].progress == client::roles::CeremonyProgress::post ||
          steps[i].progress == client::roles::CeremonyProgress::complain)
        for (const auto &r : steps[i].to_post) REQUIRE(relay.post(s.index(), r));
    }
  }
  return steps;
}

inline client::roles::TrusteeShareFile share_file(const protocol::MeetingId &meeting, const CeremonyResult &c,
                                                  const crypto::TrusteeKeyShare &share) {
  crypto::CeremonyParams params{meeting.str(), c.threshold, c.trustees};
  return {meeting, crypto::ceremony_context(params), c.threshold,
          static_cast<std::uint32_t>(c.trustees.size()), share};
}

} // namespace cv::test
