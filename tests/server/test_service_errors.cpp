// MeetingService: every operation-level error code of docs/wire.md §9, each leaving the meeting
// unchanged (no board entry, no audit row: docs/wire.md §4.5).
#include "councilvote/crypto/tally.hpp"
#include "test_service_fixture.hpp"

#include <utility>

using namespace cv;
using namespace cv::test::service;
using protocol::ErrorCode;
using protocol::MessageType;

namespace {

protocol::PollId pid(const std::string &s) { return protocol::PollId::parse(s).value(); }

QJsonObject cast_body(const std::string &poll, const crypto::Bytes &ballot) {
  return protocol::CastBallotRequest{pid(poll), ballot}.to_json();
}

// A meeting with a room poll "p" open and, if `closed`, closed with members 1..5 voted and tallied.
struct OpenMeeting {
  ServiceFixture f;
  protocol::PollInfo info;
  explicit OpenMeeting(protocol::OpenPhase phase = protocol::OpenPhase::room) {
    f.setup();
    info = f.open_poll("p", phase);
  }
  protocol::TallyStatus close_and_tally() {
    for (std::uint32_t m = 1; m <= 5; ++m) (void)f.cast("p", m, f.ballot(info, m));
    (void)f.ok(MessageType::close_poll, f.secretary, poll_ref("p"));
    return protocol::TallyStatus::from_json(f.ok(MessageType::start_tally, f.secretary, poll_ref("p")))
        .value();
  }
};

} // namespace

TEST_CASE("E_INVALID_ARGUMENT: values that do not fit together or refer to nothing", "[service][errors]") {
  ServiceFixture f;
  f.import_roster();
  SECTION("a member number twice in the roster") {
    protocol::ImportRosterRequest req;
    req.members = {{1, "A", protocol::CouncilRole::chair, "", ""},
                   {1, "B", protocol::CouncilRole::member, "", ""}};
    (void)f.fails(MessageType::import_roster, f.secretary, req.to_json(), ErrorCode::invalid_argument);
  }
  SECTION("a key for a member who is not on the roster") {
    (void)f.fails(MessageType::register_member_key, f.secretary,
                  protocol::RegisterMemberKeyRequest{99, f.stranger.public_key}.to_json(),
                  ErrorCode::invalid_argument);
  }
  SECTION("the secretary's key as a member key, or a key taken by another member") {
    (void)f.fails(MessageType::register_member_key, f.secretary,
                  protocol::RegisterMemberKeyRequest{3, f.secretary.public_key}.to_json(),
                  ErrorCode::invalid_argument);
    (void)f.ok(MessageType::register_member_key, f.secretary,
               protocol::RegisterMemberKeyRequest{3, f.member(3).public_key}.to_json());
    (void)f.fails(MessageType::register_member_key, f.secretary,
                  protocol::RegisterMemberKeyRequest{4, f.member(3).public_key}.to_json(),
                  ErrorCode::invalid_argument);
  }
  SECTION("a nominee with an unknown rule") {
    auto rows = test_nominees();
    rows[1].rule_id = "no-such-rule";
    (void)f.fails(MessageType::import_nominees, f.secretary, protocol::ImportNomineesRequest{rows}.to_json(),
                  ErrorCode::invalid_argument);
  }
  SECTION("attendance of an unknown member") {
    protocol::SetAttendanceRequest req{
        {{5, protocol::Attendance::present}, {500, protocol::Attendance::present}}};
    (void)f.fails(MessageType::set_attendance, f.secretary, req.to_json(), ErrorCode::invalid_argument);
  }
  SECTION("a quota for an award no nominee has") {
    (void)f.fails(MessageType::set_award_quota, f.secretary,
                  protocol::SetAwardQuotaRequest{"nothing", 3}.to_json(), ErrorCode::invalid_argument);
  }
  SECTION("a trustee without a registered key") {
    protocol::SetTrusteesRequest req;
    req.threshold = 1;
    req.trustees = {{1, 1, crypto::BoxKeyPair::generate(f.rng).public_key}};
    (void)f.fails(MessageType::set_trustees, f.secretary, req.to_json(), ErrorCode::invalid_argument);
  }
}

TEST_CASE("E_INVALID_ARGUMENT and E_WRONG_STATE of open_poll", "[service][errors]") {
  ServiceFixture f;
  f.import_roster();
  f.register_keys();
  f.import_nominees();
  f.set_attendance();
  protocol::OpenPollRequest req;
  req.poll = pid("p");
  req.title = "Poll";
  req.contests = test_contests();
  req.phase = protocol::OpenPhase::room;
  SECTION("before the key ceremony is complete") {
    (void)f.fails(MessageType::open_poll, f.secretary, req.to_json(), ErrorCode::wrong_state);
  }
  SECTION("an unknown nominee, a repeated contest id, a remote phase without a window, a poll id in use") {
    f.run_ceremony();
    auto bad = req;
    bad.contests[0].nominee_no = 77;
    (void)f.fails(MessageType::open_poll, f.secretary, bad.to_json(), ErrorCode::invalid_argument);
    bad = req;
    bad.contests[1].id = bad.contests[0].id;
    (void)f.fails(MessageType::open_poll, f.secretary, bad.to_json(), ErrorCode::invalid_argument);
    bad = req;
    bad.phase = protocol::OpenPhase::remote;
    (void)f.fails(MessageType::open_poll, f.secretary, bad.to_json(), ErrorCode::invalid_argument);
    (void)f.ok(MessageType::open_poll, f.secretary, req.to_json());
    (void)f.ok(MessageType::close_poll, f.secretary, poll_ref("p"));
    (void)f.fails(MessageType::open_poll, f.secretary, req.to_json(), ErrorCode::invalid_argument);
  }
  SECTION("while another poll is open") {
    f.run_ceremony();
    (void)f.ok(MessageType::open_poll, f.secretary, req.to_json());
    auto second = req;
    second.poll = pid("q");
    (void)f.fails(MessageType::open_poll, f.secretary, second.to_json(), ErrorCode::wrong_state);
  }
}

TEST_CASE("E_WRONG_STATE: operations out of order", "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  SECTION("setup while a poll is open") {
    (void)f.fails(MessageType::define_rule_profile, f.secretary,
                  protocol::rule_profile_to_json(protocol::RuleProfile{"r2",
                                                                       "Rule",
                                                                       {60, 100},
                                                                       protocol::Comparison::at_least,
                                                                       protocol::Denominator::all_members,
                                                                       {0, 100},
                                                                       ""}),
                  ErrorCode::wrong_state);
    (void)f.fails(MessageType::import_roster, f.secretary,
                  protocol::ImportRosterRequest{{{1, "A", protocol::CouncilRole::chair, "", ""}}}.to_json(),
                  ErrorCode::wrong_state);
  }
  SECTION("a different key for a registered member") {
    (void)f.fails(MessageType::register_member_key, f.secretary,
                  protocol::RegisterMemberKeyRequest{4, f.stranger.public_key}.to_json(),
                  ErrorCode::wrong_state);
  }
  SECTION(
      "open_room on a poll already open, start_tally before closing, a new ceremony after one completed") {
    (void)f.fails(MessageType::open_room, f.secretary, poll_ref("p"), ErrorCode::wrong_state);
    (void)f.fails(MessageType::start_tally, f.secretary, poll_ref("p"), ErrorCode::wrong_state);
    (void)f.ok(MessageType::close_poll, f.secretary, poll_ref("p"));
    (void)f.fails(MessageType::close_poll, f.secretary, poll_ref("p"), ErrorCode::wrong_state);
    (void)f.fails(MessageType::get_tally, f.member(1), poll_ref("p"), ErrorCode::wrong_state);
    (void)f.fails(MessageType::publish_record, f.secretary, poll_ref("p"), ErrorCode::wrong_state);
    protocol::SetTrusteesRequest req;
    req.threshold = 1;
    req.trustees = {{1, 4, crypto::BoxKeyPair::generate(f.rng).public_key}};
    (void)f.fails(MessageType::set_trustees, f.secretary, req.to_json(), ErrorCode::wrong_state);
  }
  SECTION("publish_record with fewer than t partial decryptions") {
    auto tally = m.close_and_tally();
    const auto context = tally.tally.encrypted_tally().context();
    auto partial = crypto::partial_decrypt(f.trustees[0].share, context, tally.tally.totals, f.rng);
    (void)f.ok(MessageType::post_partial_decryption, f.member(1),
               protocol::PostPartialDecryptionRequest::of(pid("p"), context, partial).to_json());
    (void)f.fails(MessageType::publish_record, f.secretary, poll_ref("p"), ErrorCode::wrong_state);
  }
  SECTION("a ceremony message once the ceremony is complete") {
    protocol::PostCeremonyMessageRequest req{f.ceremony_context, {}};
    req.content.kind = protocol::CeremonyMessageKind::complaint;
    req.content.complaint = {2, "too late"};
    (void)f.fails(MessageType::post_ceremony_message, f.member(1), req.to_json(), ErrorCode::wrong_state);
  }
}

TEST_CASE("E_WRONG_POLL: no poll with this id", "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  (void)f.fails(MessageType::get_poll, f.stranger, poll_ref("nope"), ErrorCode::wrong_poll);
  (void)f.fails(MessageType::cast_ballot, f.member(1), cast_body("nope", f.ballot(m.info, 1)),
                ErrorCode::wrong_poll);
  (void)f.fails(MessageType::close_poll, f.secretary, poll_ref("nope"), ErrorCode::wrong_poll);
  (void)f.fails(MessageType::turnout, f.secretary, poll_ref("nope"), ErrorCode::wrong_poll);
  (void)f.fails(MessageType::get_record, f.stranger, poll_ref("nope"), ErrorCode::wrong_poll);
}

TEST_CASE("E_POLL_NOT_OPEN, E_NOT_ATTENDING, E_OUTSIDE_REMOTE_WINDOW: attendance against the poll's state",
          "[service][errors]") {
  OpenMeeting m(protocol::OpenPhase::remote);
  auto &f = m.f;
  // Present members wait for the room.
  (void)f.fails(MessageType::cast_ballot, f.member(1), cast_body("p", f.ballot(m.info, 1)),
                ErrorCode::poll_not_open);
  // Absent (21) and unknown (22) members do not vote.
  (void)f.fails(MessageType::cast_ballot, f.member(21), cast_body("p", f.ballot(m.info, 21)),
                ErrorCode::not_attending);
  (void)f.fails(MessageType::cast_ballot, f.member(22), cast_body("p", f.ballot(m.info, 22)),
                ErrorCode::not_attending);
  // A remote member outside the window [now - 1 s, now + 1 h).
  *f.now += 3'600'000;
  (void)f.fails(MessageType::cast_ballot, f.member(19), cast_body("p", f.ballot(m.info, 19)),
                ErrorCode::outside_remote_window);
  *f.now -= 3'600'000 + 5'000;
  (void)f.fails(MessageType::cast_ballot, f.member(19), cast_body("p", f.ballot(m.info, 19)),
                ErrorCode::outside_remote_window);
  *f.now += 5'000;
  (void)f.cast("p", 19, f.ballot(m.info, 19));
}

TEST_CASE("E_POLL_CLOSED: a ballot after closing, while an earlier ballot's retry still gets its receipt",
          "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  const auto b1 = f.ballot(m.info, 1);
  auto first = f.cast("p", 1, b1);
  (void)f.ok(MessageType::close_poll, f.secretary, poll_ref("p"));
  (void)f.fails(MessageType::cast_ballot, f.member(2), cast_body("p", f.ballot(m.info, 2)),
                ErrorCode::poll_closed);
  const auto before = f.written();
  CHECK(f.cast("p", 1, b1) == first);
  CHECK(f.written() == before);
}

TEST_CASE("E_DUPLICATE_BALLOT: a second, different ballot of the same member", "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  (void)f.cast("p", 3, f.ballot(m.info, 3));
  (void)f.fails(MessageType::cast_ballot, f.member(3), cast_body("p", f.ballot(m.info, 3)),
                ErrorCode::duplicate_ballot);
}

TEST_CASE("E_INVALID_BALLOT: decode, sender, signature and proof checks", "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  SECTION("bytes that are not a ballot") {
    auto e = f.fails(MessageType::cast_ballot, f.member(1), cast_body("p", crypto::Bytes{1, 2, 3}),
                     ErrorCode::invalid_ballot);
    CHECK(e.check == "decode");
  }
  SECTION("another member's ballot") {
    auto e = f.fails(MessageType::cast_ballot, f.member(2), cast_body("p", f.ballot(m.info, 3)),
                     ErrorCode::invalid_ballot);
    CHECK(e.check == "sender");
  }
  SECTION("a flipped byte breaks the signature") {
    auto b = f.ballot(m.info, 4);
    b[b.size() - 100] ^= 0x01;
    auto e = f.fails(MessageType::cast_ballot, f.member(4), cast_body("p", b), ErrorCode::invalid_ballot);
    CHECK_FALSE(e.check.empty());
  }
  SECTION("a bad proof, signed by the member") {
    auto ballot = crypto::decode_ballot(f.ballot(m.info, 4)).value();
    auto &branches = ballot.contests[0].proofs[0].branches;
    REQUIRE(branches.size() >= 2);
    std::swap(branches[0].z, branches[1].z);
    ballot.signature =
        crypto::sign(f.member(4), "CV/ballot-signature",
                     crypto::ballot_signing_message(ballot.context_hash, ballot.ballot_hash()));
    auto e = f.fails(MessageType::cast_ballot, f.member(4), cast_body("p", ballot.encode()),
                     ErrorCode::invalid_ballot);
    CHECK(e.check == "contest[0].ciphertext[0].proof");
  }
}

TEST_CASE("E_INVALID_CEREMONY_MESSAGE: context, decode, index, proof, duplicate", "[service][errors]") {
  ServiceFixture f;
  f.import_roster();
  f.register_keys();
  protocol::SetTrusteesRequest req;
  req.threshold = 2;
  std::vector<crypto::TrusteeSecrets> secrets;
  for (std::uint32_t i = 1; i <= 3; ++i) {
    crypto::TrusteeSecrets s;
    s.index = i;
    s.box = crypto::BoxKeyPair::generate(f.rng);
    s.polynomial = crypto::DealerPolynomial::random(2, f.rng);
    req.trustees.push_back({i, i, s.box.public_key});
    secrets.push_back(std::move(s));
  }
  auto context =
      protocol::SetTrusteesResponse::from_json(f.ok(MessageType::set_trustees, f.secretary, req.to_json()))
          .value()
          .ceremony_context;
  auto ceremony = crypto::Ceremony::create(req.ceremony_params(f.meeting())).value();
  auto c1 = crypto::commit_polynomial(ceremony, secrets[0], f.rng).value();
  auto c2 = crypto::commit_polynomial(ceremony, secrets[1], f.rng).value();
  auto post = [&](std::uint32_t member_no, const protocol::CeremonyContent &content,
                  const crypto::ByteArray<32> &ctx, const std::string &check) {
    auto e = f.fails(MessageType::post_ceremony_message, f.member(member_no),
                     protocol::PostCeremonyMessageRequest{ctx, content}.to_json(),
                     ErrorCode::invalid_ceremony_message);
    CHECK(e.check == check);
  };
  auto other_context = context;
  other_context[0] ^= 1;
  post(1, protocol::CeremonyContent::of(c1), other_context, "ceremony_context");
  auto truncated = protocol::CeremonyContent::of(c1);
  truncated.commitments.pop_back();
  post(1, truncated, context, "decode");
  post(2, protocol::CeremonyContent::of(c1), context, "index"); // trustee 2 posting trustee 1's
  auto forged = c1;
  std::swap(forged.proofs[0], forged.proofs[1]);
  post(1, protocol::CeremonyContent::of(forged), context, "proof");
  protocol::CeremonyContent self_complaint;
  self_complaint.kind = protocol::CeremonyMessageKind::complaint;
  self_complaint.complaint = {1, "myself"};
  post(1, self_complaint, context, "index");
  // The first commitments are accepted, an identical repost answers the same, a different one is a duplicate.
  auto first =
      f.ok(MessageType::post_ceremony_message, f.member(1),
           protocol::PostCeremonyMessageRequest{context, protocol::CeremonyContent::of(c1)}.to_json());
  const auto before = f.written();
  CHECK(f.ok(MessageType::post_ceremony_message, f.member(1),
             protocol::PostCeremonyMessageRequest{context, protocol::CeremonyContent::of(c1)}.to_json()) ==
        first);
  CHECK(f.written() == before);
  auto again = crypto::commit_polynomial(ceremony, secrets[0], f.rng).value();
  post(1, protocol::CeremonyContent::of(again), context, "duplicate");
  (void)c2;
  // A share to oneself does not even decode; a share to a trustee the ceremony does not have, or
  // from another trustee, fails the index check.
  auto shares = crypto::deal_shares(ceremony, secrets[0], f.rng).value();
  auto to_self = shares[0];
  to_self.to = 1;
  post(1, protocol::CeremonyContent::of(to_self), context, "decode");
  auto to_nobody = shares[0];
  to_nobody.to = 9;
  post(1, protocol::CeremonyContent::of(to_nobody), context, "index");
  post(3, protocol::CeremonyContent::of(shares[0]), context, "index");
  // A complaint fails the ceremony; a new one can then start.
  protocol::CeremonyContent complaint;
  complaint.kind = protocol::CeremonyMessageKind::complaint;
  complaint.complaint = {1, "bad share"};
  (void)f.ok(MessageType::post_ceremony_message, f.member(2),
             protocol::PostCeremonyMessageRequest{context, complaint}.to_json());
  auto state = protocol::GetCeremonyMessagesResponse::from_json(f.ok(
      MessageType::get_ceremony_messages, f.member(2), protocol::GetCeremonyMessagesRequest{0}.to_json()));
  REQUIRE(state);
  CHECK(state->state == protocol::CeremonyState::failed);
  (void)f.ok(MessageType::set_trustees, f.secretary, req.to_json());
}

TEST_CASE("E_INVALID_PARTIAL_DECRYPTION: tally_context, decode, index, proof, duplicate",
          "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  auto tally = m.close_and_tally();
  const auto context = tally.tally.encrypted_tally().context();
  auto partial1 = crypto::partial_decrypt(f.trustees[0].share, context, tally.tally.totals, f.rng);
  auto post = [&](std::uint32_t member_no, const protocol::PostPartialDecryptionRequest &req,
                  const std::string &check) {
    auto e = f.fails(MessageType::post_partial_decryption, f.member(member_no), req.to_json(),
                     ErrorCode::invalid_partial_decryption);
    CHECK(e.check == check);
  };
  auto other = context;
  other[5] ^= 1;
  post(1, protocol::PostPartialDecryptionRequest::of(pid("p"), other, partial1), "tally_context");
  auto truncated = protocol::PostPartialDecryptionRequest::of(pid("p"), context, partial1);
  truncated.partial.resize(truncated.partial.size() - 1);
  post(1, truncated, "decode");
  post(2, protocol::PostPartialDecryptionRequest::of(pid("p"), context, partial1), "index");
  auto wrong = crypto::partial_decrypt(f.trustees[0].share, other, tally.tally.totals, f.rng);
  post(1, protocol::PostPartialDecryptionRequest::of(pid("p"), context, wrong), "proof");
  (void)f.ok(MessageType::post_partial_decryption, f.member(1),
             protocol::PostPartialDecryptionRequest::of(pid("p"), context, partial1).to_json());
  auto partial1b = crypto::partial_decrypt(f.trustees[0].share, context, tally.tally.totals, f.rng);
  post(1, protocol::PostPartialDecryptionRequest::of(pid("p"), context, partial1b), "duplicate");
}

TEST_CASE("E_NOT_FOUND: tracking codes, records and board ranges that do not exist", "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  (void)f.fails(MessageType::lookup_tracking_code, f.stranger,
                protocol::LookupTrackingCodeRequest{pid("p"), crypto::ByteArray<32>{7}}.to_json(),
                ErrorCode::not_found);
  (void)f.fails(MessageType::get_record, f.stranger, poll_ref("p"), ErrorCode::not_found);
  const auto head = f.written().board_seq;
  (void)f.ok(MessageType::get_board, f.stranger, protocol::GetBoardRequest{head + 1, 10}.to_json());
  (void)f.fails(MessageType::get_board, f.stranger, protocol::GetBoardRequest{head + 2, 10}.to_json(),
                ErrorCode::not_found);
}

TEST_CASE("roles are checked before the operation", "[service][errors]") {
  OpenMeeting m;
  auto &f = m.f;
  (void)f.fails(MessageType::close_poll, f.member(1), poll_ref("p"), ErrorCode::forbidden);
  (void)f.fails(MessageType::cast_ballot, f.stranger, cast_body("p", f.ballot(m.info, 1)),
                ErrorCode::unknown_key);
  (void)f.fails(MessageType::get_tally, f.member(9), poll_ref("p"), ErrorCode::not_trustee);
}
