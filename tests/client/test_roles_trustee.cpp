// The trustee's key ceremony, key share file and partial decryption
// (client/include/councilvote/client/roles/trustee.hpp).
#include "councilvote/client/roles/member.hpp"
#include "councilvote/client/roles/sealed_blob.hpp"
#include "councilvote/client/roles/trustee.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/json.hpp"
#include "test_roles_relay.hpp"
#include "test_roles_voted_poll.hpp"

#include <filesystem>
#include <unistd.h>

using namespace cv::client::roles;
using cv::protocol::ErrorCode;
using cv::test::must;

namespace {

std::vector<cv::crypto::KeyFileContents> trustee_keys(std::size_t n) {
  std::vector<cv::crypto::KeyFileContents> keys;
  for (std::size_t i = 0; i < n; ++i)
    keys.push_back(cv::crypto::KeyFileContents::generate("trustee " + std::to_string(i + 1), "trustee"));
  return keys;
}

std::filesystem::path temp_dir(const std::string &name) {
  auto dir = std::filesystem::temp_directory_path() / ("cv-roles-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

} // namespace

TEST_CASE("roles: a 2-of-3 key ceremony through TrusteeSession", "[roles][trustee]") {
  const auto meeting = cv::test::meeting_id();
  const auto keys = trustee_keys(3);
  cv::test::CeremonyRelay relay(meeting, keys, 2);

  std::vector<TrusteeSession> sessions;
  for (const auto &k : keys) sessions.push_back(must(TrusteeSession::begin(meeting, k, relay.page(0))));
  CHECK(sessions[1].index() == 2);
  CHECK(sessions[1].ceremony_context() == relay.base.ceremony_context);

  // Before anything is posted: the own commitments first, then one share per other trustee. Asking
  // again gives byte-identical messages (a retry is an identical repost).
  auto first = must(sessions[0].step());
  REQUIRE(first.progress == CeremonyProgress::post);
  REQUIRE(first.to_post.size() == 3);
  CHECK(first.to_post[0].content.kind == cv::protocol::CeremonyMessageKind::commitments);
  CHECK(must(first.to_post[1].content.decode_share()).to == 2);
  CHECK(must(first.to_post[2].content.decode_share()).to == 3);
  CHECK(must(sessions[0].step()).to_post == first.to_post);
  CHECK(sessions[0].finalize().error().code == ErrorCode::wrong_state);

  // Trustee 1 posts, then waits for the others.
  for (const auto &r : first.to_post) REQUIRE(relay.post(1, r));
  REQUIRE(relay.post(1, first.to_post[0])); // a repost is accepted
  REQUIRE(sessions[0].absorb(relay.page(sessions[0].next_after_seq())));
  auto waiting = must(sessions[0].step());
  CHECK(waiting.progress == CeremonyProgress::waiting);
  CHECK(waiting.waiting_for.front() == "commitments of trustee 2");

  // The state survives a restart: the restored session posts the same messages.
  const auto dir = temp_dir("ceremony");
  const auto state_path = dir / "ceremony.sealed";
  REQUIRE(
      save_ceremony_state(state_path, sessions[2], "pass phrase", cv::crypto::KdfParams::insecure_fast()));
  auto restored = load_ceremony_state(state_path, "pass phrase", keys[2]);
  REQUIRE(restored);
  REQUIRE(restored->absorb(relay.page(0)));
  CHECK(must(restored->step()).to_post == must(sessions[2].step()).to_post);
  CHECK_FALSE(load_ceremony_state(state_path, "wrong", keys[2]));
  CHECK(load_ceremony_state(state_path, "pass phrase", keys[1]).error().code == ErrorCode::invalid_argument);
  sessions[2] = std::move(*restored);

  auto steps = cv::test::run_rounds(relay, sessions);
  REQUIRE(relay.base.state == cv::protocol::CeremonyState::complete);
  for (const auto &s : steps) CHECK(s.progress == CeremonyProgress::complete);

  std::vector<cv::crypto::TrusteeKeyShare> shares;
  for (const auto &s : sessions) shares.push_back(must(s.finalize()));
  const auto result = relay.result(meeting);
  for (std::size_t i = 0; i < shares.size(); ++i) {
    CHECK(shares[i].index == i + 1);
    CHECK(shares[i].joint_key == *relay.base.joint_key);
    CHECK(shares[i].public_share == result.key.verification_shares[i]);
  }

  // Any two trustees decrypt; one alone cannot.
  const auto r = cv::crypto::Scalar::random();
  const std::vector<cv::crypto::Ciphertext> cts{cv::crypto::elgamal_encrypt(result.key.joint_key, 7, r)};
  const cv::crypto::ByteArray<32> ctx{};
  std::vector<cv::crypto::PartialDecryption> partials{cv::crypto::partial_decrypt(shares[0], ctx, cts),
                                                      cv::crypto::partial_decrypt(shares[2], ctx, cts)};
  auto m = must(cv::crypto::combine_partial_decryptions({result.key, ctx, cts, partials}));
  CHECK(m[0] == cv::crypto::Point::base_mul_u64(7));

  // The share file round-trips, sealed.
  const auto file = share_file_of(sessions[1], shares[1]);
  const auto share_path = dir / "share.sealed";
  REQUIRE(save_trustee_share(share_path, file, "another phrase", cv::crypto::KdfParams::insecure_fast()));
  CHECK(save_trustee_share(share_path, file, "another phrase", cv::crypto::KdfParams::insecure_fast())
            .error()
            .message.find("already exists") != std::string::npos);
  auto loaded = load_trustee_share(share_path, "another phrase");
  REQUIRE(loaded);
  CHECK(loaded->meeting == meeting);
  CHECK(loaded->ceremony_context == relay.base.ceremony_context);
  CHECK(loaded->threshold == 2);
  CHECK(loaded->trustees == 3);
  CHECK(loaded->share.index == 2);
  CHECK(loaded->share.secret.get() == shares[1].secret.get());
  CHECK(loaded->share.public_share == shares[1].public_share);
  CHECK(loaded->share.joint_key == shares[1].joint_key);
  CHECK(load_trustee_share(share_path, "wrong phrase").error().message.find("wrong passphrase") !=
        std::string::npos);
  // A ceremony state file is not a share file.
  CHECK(load_trustee_share(state_path, "pass phrase").error().message.find("not a") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("roles: a bad share makes the recipient complain and the ceremony fail", "[roles][trustee]") {
  const auto meeting = cv::test::meeting_id();
  const auto keys = trustee_keys(3);
  cv::test::CeremonyRelay relay(meeting, keys, 2);
  std::vector<TrusteeSession> sessions;
  for (const auto &k : keys) sessions.push_back(must(TrusteeSession::begin(meeting, k, relay.page(0))));

  // Trustee 2 is dishonest: its share to trustee 1 comes from another polynomial than its commitments.
  auto params = cv::crypto::CeremonyParams{meeting.str(), 2, {}};
  for (const auto &t : relay.base.trustees) params.trustees.push_back({t.index, t.box_key});
  const auto ceremony = must(cv::crypto::Ceremony::create(params));
  const cv::crypto::TrusteeSecrets other{2, keys[1].box, cv::crypto::DealerPolynomial::random(2)};
  const auto bad_share = must(cv::crypto::deal_shares(ceremony, other))[0];
  REQUIRE(bad_share.to == 1);
  for (auto r : must(sessions[1].step()).to_post) {
    if (r.content.kind == cv::protocol::CeremonyMessageKind::share && must(r.content.decode_share()).to == 1)
      r.content = cv::protocol::CeremonyContent::of(bad_share);
    REQUIRE(relay.post(2, r));
  }
  for (std::size_t i : {0u, 2u}) {
    REQUIRE(sessions[i].absorb(relay.page(0)));
    for (const auto &r : must(sessions[i].step()).to_post) REQUIRE(relay.post(sessions[i].index(), r));
  }
  // Trustee 3 is satisfied; trustee 1 complains about trustee 2.
  REQUIRE(sessions[2].absorb(relay.page(sessions[2].next_after_seq())));
  CHECK(must(sessions[2].step()).progress == CeremonyProgress::complete);
  REQUIRE(sessions[0].absorb(relay.page(sessions[0].next_after_seq())));
  auto step = must(sessions[0].step());
  REQUIRE(step.progress == CeremonyProgress::complain);
  REQUIRE(step.to_post.size() == 1);
  CHECK(step.to_post[0].content.kind == cv::protocol::CeremonyMessageKind::complaint);
  CHECK(step.to_post[0].content.complaint.accused == 2);
  CHECK(step.to_post[0].content.complaint.reason.find("does not match its commitments") != std::string::npos);
  CHECK(cv::protocol::PostCeremonyMessageRequest::from_json(step.to_post[0].to_json()));
  CHECK_FALSE(sessions[0].finalize());

  REQUIRE(relay.post(1, step.to_post[0]));
  for (std::size_t i : {0u, 2u}) {
    REQUIRE(sessions[i].absorb(relay.page(sessions[i].next_after_seq())));
    auto s = must(sessions[i].step());
    CHECK(s.progress == CeremonyProgress::failed);
    CHECK(s.detail.find("trustee 1 complained about trustee 2") != std::string::npos);
  }
  // Trustee 2's own session notices that a share under its index is not its own.
  auto seen = sessions[1].absorb(relay.page(0));
  REQUIRE_FALSE(seen);
  CHECK(seen.error().check == "own_message");
}

TEST_CASE("roles: ceremony views that do not fit are refused", "[roles][trustee]") {
  const auto meeting = cv::test::meeting_id();
  const auto keys = trustee_keys(2);
  cv::test::CeremonyRelay relay(meeting, keys, 2);
  const auto stranger = cv::crypto::KeyFileContents::generate("x", "member");
  CHECK(TrusteeSession::begin(meeting, stranger, relay.page(0)).error().code == ErrorCode::invalid_argument);
  auto wrong_context = relay.page(0);
  wrong_context.ceremony_context[0] ^= 1;
  CHECK(TrusteeSession::begin(meeting, keys[0], wrong_context).error().check == "ceremony_context");
  CHECK(TrusteeSession::begin(cv::test::meeting_id("other"), keys[0], relay.page(0)).error().check ==
        "ceremony_context");
  auto session = must(TrusteeSession::begin(meeting, keys[0], relay.page(0)));
  CHECK(session.absorb(wrong_context).error().check == "ceremony_context");
  // A message whose sender is not the index inside it.
  auto t2 = must(TrusteeSession::begin(meeting, keys[1], relay.page(0)));
  auto forged = relay.page(0);
  forged.messages.push_back({5, 1, must(t2.step()).to_post[0].content});
  CHECK(session.absorb(forged).error().check == "message");
  // A server that says complete without the messages.
  auto complete = relay.page(0);
  complete.state = cv::protocol::CeremonyState::complete;
  auto s2 = must(TrusteeSession::begin(meeting, keys[0], relay.page(0)));
  for (const auto &r : must(s2.step()).to_post) REQUIRE(relay.post(1, r));
  REQUIRE(s2.absorb(relay.page(0)));
  complete = relay.page(0);
  complete.state = cv::protocol::CeremonyState::complete;
  REQUIRE(s2.absorb(complete));
  CHECK(s2.step().error().check == "state");
}

TEST_CASE("roles: partial decryptions recompute the tally and combine to the right counts",
          "[roles][trustee]") {
  cv::test::VotedPoll f;
  std::vector<cv::crypto::PartialDecryption> partials;
  for (std::size_t i : {0u, 2u}) {
    auto req = make_partial_decryption(f.meeting, f.poll.info, f.board.entries, f.status, f.share(i),
                                       kTestMinBallots);
    REQUIRE(req);
    CHECK(req->poll == cv::protocol::poll_of(f.poll.info.definition));
    CHECK(req->tally_context == f.status.tally.encrypted_tally().context());
    CHECK(cv::protocol::PostPartialDecryptionRequest::from_json(req->to_json()));
    partials.push_back(must(req->decode()));
  }
  const auto totals = f.status.tally.totals;
  const auto decrypted = must(cv::crypto::combine_partial_decryptions(
      {f.ceremony.result.key, f.status.tally.encrypted_tally().context(), totals, partials}));
  const auto counts = must(cv::crypto::decode_tally(f.poll.info.definition.manifest, 4, decrypted));
  for (std::size_t c = 0; c < counts.size(); ++c) {
    CHECK(counts[c].agree == f.expected[c][0]);
    CHECK(counts[c].disagree == f.expected[c][1]);
    CHECK(counts[c].blank == f.expected[c][2]);
  }
}

TEST_CASE("roles: a trustee refuses to decrypt what is not the board's tally", "[roles][trustee]") {
  cv::test::VotedPoll f;
  const auto decrypt = [&](const cv::test::TestBoard &board, const cv::protocol::TallyStatus &status) {
    return make_partial_decryption(f.meeting, f.poll.info, board.entries, status, f.share(0),
                                   kTestMinBallots);
  };
  // The server's tally is one ballot (the classic "decrypt a single ballot" attack).
  {
    auto status = f.status;
    auto single =
        must(cv::crypto::decode_ballot(f.board.entries[4].payload)); // after 3 commitments, the manifest
    status.tally.totals[0] = single.contests[0].ciphertexts[0];
    auto r = decrypt(f.board, status);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::inconsistent_data);
    CHECK(r.error().check == "tally");
    CHECK(r.error().message == "tally: totals[0] is not the sum of the board's ballots");
  }
  // A ballot on the board was changed (and the chain recomputed).
  {
    auto board = f.board;
    board.entries[5].payload[200] ^= 1;
    board.rechain();
    auto r = decrypt(board, f.status);
    REQUIRE_FALSE(r);
    CHECK(r.error().check == "ballot");
    CHECK(r.error().message.starts_with("ballot: board entry 6: "));
  }
  // A second ballot of the same member.
  {
    auto board = f.board;
    auto again = must(build_ballot(f.meeting, f.poll.info, f.poll.members[0],
                                   uniform_choices(f.poll.info.definition.manifest, Choice::agree)));
    board.entries.insert(
        board.entries.end() - 1,
        cv::protocol::BoardEntry{
            0, cv::protocol::BoardEntryKind::ballot, f.poll.info.definition.poll, "", again.ballot, {}, {}});
    for (std::size_t i = 0; i < board.entries.size(); ++i) board.entries[i].seq = i + 1;
    board.entries.back().created_at = board.entries[board.entries.size() - 2].created_at =
        cv::protocol::format_utc_ms(1750000000000);
    board.rechain();
    auto r = decrypt(board, f.status);
    REQUIRE_FALSE(r);
    CHECK(r.error().check == "one_ballot_per_member");
  }
  // A key share of another ceremony.
  {
    auto other = cv::test::direct_ceremony(f.meeting, 3, 2);
    auto r = make_partial_decryption(f.meeting, f.poll.info, f.board.entries, f.status,
                                     cv::test::share_file(f.meeting, other.result, other.shares[0]),
                                     kTestMinBallots);
    CHECK(r.error().code == ErrorCode::invalid_argument);
  }
  // A poll whose definition differs from the board's manifest.
  {
    auto info = f.poll.info;
    info.definition.title = "Another title";
    auto r = make_partial_decryption(f.meeting, info, f.board.entries, f.status, f.share(0), kTestMinBallots);
    CHECK(r.error().check == "manifest");
  }
}

TEST_CASE("roles: a trustee refuses to decrypt a tally of fewer ballots than min_ballots",
          "[roles][trustee]") {
  const auto decrypt = [](const cv::test::VotedPoll &f, std::uint32_t min_ballots) {
    return make_partial_decryption(f.meeting, f.poll.info, f.board.entries, f.status, f.share(0),
                                   min_ballots);
  };
  // 4 ballots, the meeting's minimum is 5: the board's own count decides, and it is too small.
  {
    cv::test::VotedPoll f(4);
    REQUIRE(f.status.tally.ballots == 4);
    auto r = decrypt(f, 5);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::wrong_state);
    CHECK(r.error().check == "min_ballots");
    CHECK(r.error().message.find("fewer than the meeting's minimum of 5") != std::string::npos);
    CHECK(decrypt(f, 4)); // exactly the minimum
  }
  // A single ballot is refused even when the meeting's minimum says 0 or 1: never below 2.
  {
    cv::test::VotedPoll f(1);
    for (std::uint32_t min : {0u, 1u, 2u}) {
      INFO("min_ballots " << min);
      auto r = decrypt(f, min);
      REQUIRE_FALSE(r);
      CHECK(r.error().code == ErrorCode::wrong_state);
      CHECK(r.error().check == "min_ballots");
    }
  }
  // Two ballots with a minimum of 2: decrypted.
  {
    cv::test::VotedPoll f(2);
    auto r = decrypt(f, 2);
    INFO((r ? "" : r.error().message));
    CHECK(r);
  }
}
