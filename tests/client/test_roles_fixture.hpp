// Test fixtures for the roles tests: a meeting with trustees, members, a poll and a bulletin board,
// built directly with the crypto and protocol layers (the code under test never builds them).
#pragma once

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/keyfile.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "councilvote/protocol/board.hpp"
#include "councilvote/protocol/bodies.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace cv::test {

template <class T> T must(crypto::Result<T> r) {
  if (!r) FAIL(r.error().message);
  return std::move(*r);
}
template <class T> T must(protocol::Result<T> r) {
  if (!r) FAIL(r.error().message);
  return std::move(*r);
}

inline protocol::MeetingId meeting_id(const std::string &s = "test-meeting") {
  return must(protocol::MeetingId::parse(s));
}
inline protocol::PollId poll_id(const std::string &s = "poll-1") { return must(protocol::PollId::parse(s)); }

// The public result of a key ceremony (whoever ran it).
struct CeremonyResult {
  std::uint32_t threshold = 0;
  std::vector<crypto::TrusteeInfo> trustees;
  std::vector<crypto::TrusteeCommitments> commitments;
  crypto::ThresholdPublicKey key;
};

inline protocol::CeremonyInfo ceremony_info(const CeremonyResult &c) {
  protocol::CeremonyInfo info;
  info.threshold = c.threshold;
  info.trustees = c.trustees;
  for (const auto &cm : c.commitments) {
    crypto::ByteWriter w;
    crypto::encode_commitments(w, cm);
    info.commitments.push_back(w.take());
  }
  return info;
}

// A ceremony run directly with the crypto layer (for tests that are not about the ceremony).
struct DirectCeremony {
  CeremonyResult result;
  std::vector<crypto::TrusteeKeyShare> shares;
};

inline DirectCeremony direct_ceremony(const protocol::MeetingId &meeting, std::uint32_t n, std::uint32_t t) {
  DirectCeremony out;
  std::vector<crypto::TrusteeSecrets> secrets(n);
  crypto::CeremonyParams params{meeting.str(), t, {}};
  for (std::uint32_t i = 0; i < n; ++i) {
    secrets[i].index = i + 1;
    secrets[i].box = crypto::BoxKeyPair::generate();
    secrets[i].polynomial = crypto::DealerPolynomial::random(t);
    params.trustees.push_back({i + 1, secrets[i].box.public_key});
  }
  auto ceremony = must(crypto::Ceremony::create(params));
  std::vector<crypto::EncryptedShare> shares;
  for (const auto &s : secrets) {
    out.result.commitments.push_back(must(crypto::commit_polynomial(ceremony, s)));
    auto dealt = must(crypto::deal_shares(ceremony, s));
    shares.insert(shares.end(), dealt.begin(), dealt.end());
  }
  for (const auto &s : secrets)
    out.shares.push_back(must(
        crypto::finalize_key_share(ceremony, s, crypto::CeremonyMessages{out.result.commitments, shares})));
  out.result.threshold = t;
  out.result.trustees = params.trustees;
  out.result.key = must(crypto::threshold_public_key(ceremony, out.result.commitments));
  return out;
}

inline protocol::NomineeRow nominee(std::uint32_t no, const std::string &award = "Bằng khen",
                                    const std::string &rule = "decree98-90") {
  return {no, protocol::NomineeKind::ca_nhan, "Nominee " + std::to_string(no), "", "Unit", award, rule};
}

// A poll of `nominees` commendation contests (and optionally one general contest "choose at most 2
// of 3"), with `members` fresh member keys.
struct TestPoll {
  std::vector<crypto::SigningKey> members;
  protocol::PollInfo info;
  [[nodiscard]] crypto::Roster roster() const { return {info.definition.roster}; }
};

inline TestPoll make_poll(const protocol::MeetingId &meeting, const CeremonyResult &ceremony,
                          std::size_t members, std::uint32_t nominees, bool with_general = false,
                          const protocol::PollId &poll = poll_id()) {
  TestPoll out;
  auto &d = out.info.definition;
  d.poll = poll.str();
  d.title = "Test poll";
  for (std::size_t i = 0; i < members; ++i) {
    out.members.push_back(crypto::SigningKey::generate());
    d.roster.push_back(out.members.back().public_key);
  }
  d.manifest.meeting_id = meeting.str();
  d.manifest.poll_id = poll.str();
  d.manifest.disagree_weight = static_cast<std::uint32_t>(members + 1);
  for (std::uint32_t c = 1; c <= nominees; ++c) {
    d.manifest.contests.push_back(crypto::PollManifest::commendation(std::to_string(c)));
    protocol::ContestDisplay disp;
    disp.nominee = nominee(c);
    d.display.push_back(disp);
  }
  if (with_general) {
    d.manifest.contests.push_back({"q", crypto::ContestKind::general, 3, 0, 2});
    protocol::ContestDisplay disp;
    disp.label = "Choose at most 2";
    disp.option_labels = {"A", "B", "C"};
    d.display.push_back(disp);
  }
  d.manifest.roster_digest = crypto::Roster{d.roster}.digest();
  d.joint_key = ceremony.key.joint_key;
  d.context_hash = crypto::PollContext{d.manifest, d.joint_key}.hash();
  d.ceremony = ceremony_info(ceremony);
  out.info.manifest_seq = 1;
  out.info.status = protocol::PollStatus::open;
  out.info.opened_at_ms = 1750000000000;
  return out;
}

// A bulletin board being appended to (hashes chained as the server does).
struct TestBoard {
  std::vector<protocol::BoardEntry> entries;
  protocol::ByteArray<32> head{};
  std::uint64_t append(protocol::BoardEntryKind kind, const std::optional<protocol::PollId> &poll,
                       protocol::Bytes payload) {
    protocol::BoardEntry e;
    e.seq = entries.size() + 1;
    e.kind = kind;
    e.poll_id = poll ? poll->str() : std::string();
    e.created_at = protocol::format_utc_ms(1750000000000 + e.seq * 1000);
    e.payload = std::move(payload);
    head = protocol::chain_board_entry(e, head);
    entries.push_back(std::move(e));
    return entries.back().seq;
  }
  std::uint64_t append_text(protocol::BoardEntryKind kind, const protocol::PollId &poll,
                            const std::string &text) {
    return append(kind, poll, protocol::Bytes(text.begin(), text.end()));
  }
  // Recomputes every hash after an edit of entry `seq` (what a dishonest server would publish).
  void rechain() {
    head = {};
    for (auto &e : entries) head = protocol::chain_board_entry(e, head);
  }
};

} // namespace cv::test
