// MeetingService: the chair decides a tie at an award's quota (docs/wire.md §8.4
// post_chair_decision). Accepted, it is a chair_decision board entry that publish_record applies and
// the offline verifier checks; every refused attack names its error and writes nothing (no board
// entry, no audit row: docs/wire.md §4.5).
#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/record.hpp"
#include "councilvote/record/chair_decision.hpp"
#include "councilvote/record/verify.hpp"
#include "councilvote/server/record_export.hpp"
#include "test_service_fixture.hpp"

using namespace cv;
using namespace cv::test::service;
using protocol::ErrorCode;
using protocol::MessageType;

namespace {

constexpr const char *kAward = "Chiến sĩ thi đua toàn quốc"; // nominees 1, 2, 3 (90 % of all members)

// Every member present and voting: nominee 1 has 22 agree votes, nominees 2 and 3 have 21 each (member
// 22 disagrees with them), all pass 90 % of 22; the award's quota is 2, so 2 and 3 are tied for the
// one place left. Trustees 1 and 3 (members 1 and 3) decrypt when asked. Member 1 is the chair.
struct TiedPoll {
  ServiceFixture f;
  protocol::PollInfo info;
  protocol::TallyStatus tally;
  crypto::ByteArray<32> tally_context{};

  TiedPoll() {
    f.setup();
    (void)f.ok(MessageType::set_award_quota, f.secretary,
               protocol::SetAwardQuotaRequest{kAward, 2}.to_json());
    (void)f.ok(MessageType::set_attendance, f.secretary,
               protocol::SetAttendanceRequest{
                   {{21, protocol::Attendance::present}, {22, protocol::Attendance::present}}}
                   .to_json());
    info = f.open_poll("p", protocol::OpenPhase::room);
    using S = crypto::ContestSelection;
    for (std::uint32_t m = 1; m <= kMembers; ++m)
      (void)f.cast("p", m,
                   m == 22 ? f.ballot(info, m, {S::agree(), S::disagree(), S::disagree(), S::agree(), S{{0}}})
                           : f.ballot(info, m));
    (void)f.ok(MessageType::close_poll, f.secretary, poll_ref("p"));
    tally =
        protocol::TallyStatus::from_json(f.ok(MessageType::start_tally, f.secretary, poll_ref("p"))).value();
    tally_context = tally.tally.encrypted_tally().context();
  }

  void decrypt(std::size_t trustee) {
    const auto &t = f.trustees[trustee];
    auto partial = crypto::partial_decrypt(t.share, tally_context, tally.tally.totals, f.rng);
    auto req = protocol::PostPartialDecryptionRequest::of(protocol::PollId::parse("p").value(), tally_context,
                                                          partial);
    (void)f.ok(MessageType::post_partial_decryption, f.member(t.member_no), req.to_json());
  }
  void decrypt() {
    decrypt(0);
    decrypt(2);
  }

  // A decision signed by `signer` as member `member_no`.
  [[nodiscard]] protocol::ChairDecision decision(std::vector<std::uint32_t> nominees,
                                                 std::uint32_t member_no = 1,
                                                 const char *award = kAward) const {
    protocol::ChairDecision d;
    d.meeting = kMeeting;
    d.poll = "p";
    d.tally_context = tally_context;
    d.award = award;
    d.nominees = std::move(nominees);
    d.member_no = member_no;
    record::sign_chair_decision(d, f.member(member_no));
    return d;
  }
  [[nodiscard]] static QJsonObject body(const protocol::ChairDecision &d) {
    return protocol::write_members(d);
  }
  protocol::Error refused(const protocol::ChairDecision &d, ErrorCode code, std::uint32_t sender = 1) {
    return f.fails(MessageType::post_chair_decision, f.member(sender), body(d), code);
  }
  std::string refused_check(const protocol::ChairDecision &d, std::uint32_t sender = 1) {
    return refused(d, ErrorCode::invalid_chair_decision, sender).check;
  }
};

} // namespace

TEST_CASE("chair: the chair's decision goes on the board and the published record applies it",
          "[service][chair]") {
  TiedPoll t;
  t.decrypt();
  const auto d = t.decision({3});
  auto resp = protocol::PostChairDecisionResponse::from_json(
      t.f.ok(MessageType::post_chair_decision, t.f.member(1), TiedPoll::body(d)));
  REQUIRE(resp);
  CHECK(resp->poll.str() == "p");
  CHECK(resp->award == kAward);
  auto entries = t.f.inspect->board_entries(schema::BoardKind::chair_decision, "p");
  REQUIRE(entries);
  REQUIRE(entries->size() == 1);
  CHECK(entries->front().seq == resp->board_seq);
  CHECK(std::string(entries->front().payload.begin(), entries->front().payload.end()) ==
        record::encode_chair_decision(d));
  { // the same decision again: the same answer, nothing written
    const auto before = t.f.written();
    auto again = protocol::PostChairDecisionResponse::from_json(
        t.f.ok(MessageType::post_chair_decision, t.f.member(1), TiedPoll::body(d)));
    CHECK(*again == *resp);
    CHECK(t.f.written() == before);
  }

  auto published = protocol::GetRecordResponse::from_json(
      t.f.ok(MessageType::publish_record, t.f.secretary, poll_ref("p")));
  REQUIRE(published);
  auto record = protocol::decode_record(published->record);
  REQUIRE(record);
  REQUIRE(record->chair_decisions.size() == 1);
  CHECK(record->chair_decisions[0] == record::RecordChairDecision{resp->board_seq, kAward, {3}, 1});
  CHECK(record->contests[0].outcome == protocol::ContestOutcome::passed);
  CHECK_FALSE(record->contests[0].chair_decided);
  CHECK(record->contests[1].outcome == protocol::ContestOutcome::not_passed);
  CHECK(record->contests[1].chair_decided);
  CHECK(record->contests[2].outcome == protocol::ContestOutcome::passed);
  CHECK(record->contests[2].chair_decided);
  CHECK(protocol::verify_record_outcomes(*record));
  auto results = t.f.inspect->results("p");
  REQUIRE(results);
  CHECK((*results)[2].outcome == schema::Outcome::passed);
  CHECK((*results)[1].outcome == schema::Outcome::not_passed);

  // The record file verifies offline, the chair's decision included.
  const auto file = t.f.root / "p.cvrecord";
  REQUIRE(server::export_record(t.f.dir, protocol::PollId::parse("p").value(), file, false));
  const auto report = record::verify_record_file(file);
  INFO(report.to_text());
  CHECK(report.ok());
  const auto *check = report.find("record.chair_decisions");
  REQUIRE(check);
  CHECK(check->ok);
  CHECK(check->detail.find("member 1") != std::string::npos);

  // After publication the record is final.
  CHECK(t.refused(t.decision({2}), ErrorCode::wrong_state).message.find("final") != std::string::npos);
}

TEST_CASE("chair: a record without a decision keeps the tie for the minutes", "[service][chair]") {
  TiedPoll t;
  t.decrypt();
  auto published = protocol::GetRecordResponse::from_json(
      t.f.ok(MessageType::publish_record, t.f.secretary, poll_ref("p")));
  REQUIRE(published);
  auto record = protocol::decode_record(published->record);
  REQUIRE(record);
  CHECK(record->chair_decisions.empty());
  CHECK(record->contests[1].outcome == protocol::ContestOutcome::tie_at_quota);
  CHECK(record->contests[2].outcome == protocol::ContestOutcome::tie_at_quota);
}

TEST_CASE("chair: every refused decision names its error and writes nothing", "[service][chair][errors]") {
  TiedPoll t;
  SECTION("before the tally is decrypted (one partial decryption of two)") {
    CHECK(t.refused(t.decision({3}), ErrorCode::wrong_state).code == ErrorCode::wrong_state);
    t.decrypt(0);
    (void)t.refused(t.decision({3}), ErrorCode::wrong_state);
  }
  SECTION("after decryption") {
    t.decrypt();
    SECTION("an unknown poll") {
      auto d = t.decision({3});
      d.poll = "no-such-poll";
      record::sign_chair_decision(d, t.f.member(1));
      (void)t.refused(d, ErrorCode::wrong_poll);
    }
    SECTION("a member who is not the chair decides") {
      const auto e = t.refused(t.decision({3}, 2), ErrorCode::forbidden, 2);
      CHECK(e.message.find("only the chair") != std::string::npos);
    }
    SECTION("the secretary, or a key that holds no role") {
      (void)t.f.fails(MessageType::post_chair_decision, t.f.secretary, TiedPoll::body(t.decision({3})),
                      ErrorCode::forbidden);
      (void)t.f.fails(MessageType::post_chair_decision, t.f.stranger, TiedPoll::body(t.decision({3})),
                      ErrorCode::unknown_key);
    }
    SECTION("another member relays the chair's decision") {
      (void)t.refused(t.decision({3}), ErrorCode::forbidden, 2);
    }
    SECTION("the chair sends a decision signed by another member") {
      CHECK(t.refused_check(t.decision({3}, 2)) == "sender");
    }
    SECTION("a decision changed after it was signed") {
      auto d = t.decision({3});
      d.nominees = {2};
      CHECK(t.refused_check(d) == "signature");
    }
    SECTION("a decision about another tally or meeting") {
      auto d = t.decision({3});
      d.tally_context[0] ^= 1;
      record::sign_chair_decision(d, t.f.member(1));
      CHECK(t.refused_check(d) == "context");
      d = t.decision({3});
      d.meeting = "another-meeting";
      record::sign_chair_decision(d, t.f.member(1));
      CHECK(t.refused_check(d) == "context");
    }
    SECTION("a nominee who is not tied") {
      CHECK(t.refused_check(t.decision({1})) == "nominee"); // rank 1, passed on votes
      CHECK(t.refused_check(t.decision({4})) == "nominee"); // another award
    }
    SECTION("not exactly the places left") {
      const auto e = t.refused(t.decision({2, 3}), ErrorCode::invalid_chair_decision);
      CHECK(e.check == "places");
      CHECK(e.message.find("2, 3, for 1 place left") != std::string::npos);
    }
    SECTION("an award without a tie") {
      CHECK(t.refused_check(t.decision({4}, 1, "Tập thể lao động xuất sắc")) == "award");
      CHECK(t.refused_check(t.decision({2}, 1, "Huân chương Lao động")) == "award");
    }
    SECTION("a second decision of a tie decided already") {
      (void)t.f.ok(MessageType::post_chair_decision, t.f.member(1), TiedPoll::body(t.decision({3})));
      CHECK(t.refused_check(t.decision({2})) == "award");
    }
    SECTION("nominees not in ascending order") {
      auto o = TiedPoll::body(t.decision({3}));
      o.insert("nominees", QJsonArray{3, 2});
      (void)t.f.fails(MessageType::post_chair_decision, t.f.member(1), o, ErrorCode::bad_field);
    }
  }
}

TEST_CASE("chair: preview_record shows the tie before publication, writes nothing, and is final after it",
          "[service][chair]") {
  TiedPoll t;
  const auto before = t.f.written();
  // Before the decryption the counts are not known.
  CHECK(t.f.fails(MessageType::preview_record, t.f.member(5), poll_ref("p"), ErrorCode::wrong_state)
            .message.find("partial decryptions") != std::string::npos);
  CHECK(t.f.fails(MessageType::preview_record, t.f.member(5), poll_ref("nope"), ErrorCode::wrong_poll).code ==
        ErrorCode::wrong_poll);
  t.decrypt();
  const auto after_decryption = t.f.written();
  auto preview = [&] {
    auto r = protocol::PreviewRecordResponse::from_json(
        t.f.ok(MessageType::preview_record, t.f.member(5), poll_ref("p")));
    REQUIRE(r);
    CHECK(r->poll.str() == "p");
    auto rec = protocol::decode_record(r->record);
    REQUIRE(rec);
    return *rec;
  };
  auto draft = preview();
  CHECK(draft.contests[1].outcome == protocol::ContestOutcome::tie_at_quota);
  CHECK(draft.contests[2].outcome == protocol::ContestOutcome::tie_at_quota);
  CHECK(t.f.written() == after_decryption); // a preview writes nothing
  CHECK(t.f.inspect->board_entries(schema::BoardKind::result, "p")->empty());
  (void)t.f.ok(MessageType::post_chair_decision, t.f.member(1), TiedPoll::body(t.decision({2})));
  draft = preview();
  CHECK(draft.contests[1].outcome == protocol::ContestOutcome::passed);
  CHECK(draft.contests[1].chair_decided);
  CHECK(draft.contests[2].outcome == protocol::ContestOutcome::not_passed);
  auto published = protocol::GetRecordResponse::from_json(
      t.f.ok(MessageType::publish_record, t.f.secretary, poll_ref("p")));
  REQUIRE(published);
  CHECK(published->record == protocol::encode_record(draft)); // the preview was the record to be
  CHECK(t.f.fails(MessageType::preview_record, t.f.member(5), poll_ref("p"), ErrorCode::wrong_state)
            .message.find("get_record") != std::string::npos);
  (void)before;
}
