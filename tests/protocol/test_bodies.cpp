#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/bodies.hpp"
#include "helpers.hpp"

#include <QJsonArray>
#include <catch2/catch.hpp>
#include <functional>

using namespace cv::protocol;
using namespace cvtest;
namespace cc = cv::crypto;

namespace {

// to_json -> text -> strict parse -> from_json gives the same value, and the text is stable.
template <class T> void round_trip(const T &value) {
  auto text = to_json(write_members(value));
  auto parsed = parse_json_object(text);
  REQUIRE(parsed);
  auto back = read_body<T>(*parsed);
  if (!back) FAIL(back.error().message);
  CHECK(*back == value);
  CHECK(to_json(write_members(*back)) == text);
}

NomineeRow nominee(std::uint32_t no) {
  return {no,           NomineeKind::ca_nhan, "Phạm Xuân Hiếu",
          "Bác sĩ",     "Cục Hải quan tỉnh",  "Chiến sĩ thi đua toàn quốc",
          "decree98-90"};
}

// A whole poll as the server would publish it: 5 members, a 3-trustee ceremony at threshold 2.
struct World {
  cc::DeterministicRng rng = cc::DeterministicRng::from_label("bodies");
  MeetingId meeting = meeting_id();
  std::vector<cc::SigningKey> members;
  std::vector<cc::TrusteeSecrets> trustees;
  std::vector<cc::TrusteeCommitments> commitments;
  PollDefinition def;

  World() {
    for (int i = 0; i < 5; ++i) members.push_back(cc::SigningKey::generate(rng));
    cc::CeremonyParams params{meeting.str(), 2, {}};
    for (std::uint32_t j = 1; j <= 3; ++j) {
      cc::TrusteeSecrets s;
      s.index = j;
      s.box = cc::BoxKeyPair::generate(rng);
      s.polynomial = cc::DealerPolynomial::random(2, rng);
      params.trustees.push_back({j, s.box.public_key});
      trustees.push_back(std::move(s));
    }
    auto ceremony = *cc::Ceremony::create(params);
    for (const auto &t : trustees) commitments.push_back(*cc::commit_polynomial(ceremony, t, rng));
    auto key = *cc::threshold_public_key(ceremony, commitments);

    def.poll = poll_id().str();
    def.title = "Xét tặng danh hiệu Chiến sĩ thi đua";
    def.manifest.meeting_id = meeting.str();
    def.manifest.poll_id = def.poll;
    def.manifest.disagree_weight = 6;
    for (std::uint32_t n = 1; n <= 3; ++n) {
      def.manifest.contests.push_back(cc::PollManifest::commendation(std::to_string(n)));
      def.display.push_back({nominee(n), {}, {}});
    }
    def.manifest.contests.push_back({"quota", cc::ContestKind::general, 3, 0, 2});
    def.display.push_back({std::nullopt, "Chọn tối đa 2", {"A", "B", "C"}});
    for (const auto &m : members) def.roster.push_back(m.public_key);
    def.manifest.roster_digest = cc::Roster{def.roster}.digest();
    def.joint_key = key.joint_key;
    def.context_hash = cc::PollContext{def.manifest, def.joint_key}.hash();
    def.ceremony.threshold = 2;
    def.ceremony.trustees = params.trustees;
    for (const auto &c : commitments) def.ceremony.commitments.push_back(CeremonyContent::of(c).commitments);
    def.remote_window = RemoteWindow{1'750'000'000'000, 1'750'086'400'000};
  }
};

} // namespace

TEST_CASE("bodies: secretary bodies round-trip", "[bodies]") {
  round_trip(
      ImportRosterRequest{{{1, "Nguyễn Văn Hùng", CouncilRole::chair, "Chủ tịch UBND tỉnh", "UBND tỉnh"},
                           {2, "Trần Thị Mai", CouncilRole::vice_chair, "", ""},
                           {22, "Quách Thị Nga", CouncilRole::member, "Tổng Biên tập", "Báo tỉnh"}}});
  round_trip(ImportNomineesRequest{{nominee(1),
                                    {2, NomineeKind::tap_the, "Trường THPT chuyên", "", "Sở GD",
                                     "Cờ thi đua của Chính phủ", "decree98-80"}}});
  round_trip(RuleProfile{"decree98-90",
                         "Từ 90% trở lên",
                         {90, 100},
                         Comparison::at_least,
                         Denominator::all_members,
                         {2, 3},
                         "Decree 98/2023/NĐ-CP Art. 30(7)"});
  round_trip(SetAwardQuotaRequest{"Cờ thi đua của Chính phủ", 2});
  ChairDecision decision{"vinhlong-2025-06", "poll-1", {7}, "Cờ thi đua của Chính phủ", {2, 5}, 1, {}, {}};
  cv::record::sign_chair_decision(decision, key("chair"));
  round_trip(decision);
  round_trip(PostChairDecisionResponse{poll_id(), "Cờ thi đua của Chính phủ", 57});
  round_trip(RegisterMemberKeyRequest{7, key("m7").public_key});
  round_trip(
      SetAttendanceRequest{{{1, Attendance::present}, {2, Attendance::remote}, {3, Attendance::absent}}});
  round_trip(SetTrusteesRequest{2, {{1, 4, cc::BoxPublicKey{1}}, {2, 9, cc::BoxPublicKey{2}}}});
  OpenPollRequest open{poll_id(), "Phiên 1", {}, OpenPhase::remote, RemoteWindow{1000, 2000}};
  open.contests.push_back({"1", cc::ContestKind::commendation, 1, {}, {}, 0, 1});
  open.contests.push_back({"q", cc::ContestKind::general, 0, "Chọn", {"A", "B"}, 1, 2});
  round_trip(open);
  open.remote_window.reset();
  open.phase = OpenPhase::room;
  round_trip(open);
  round_trip(PollRef{poll_id()});
  Checkpoint cp{meeting_id(), 12, {}, 99, {}};
  round_trip(ClosePollResponse{poll_id(), 1'750'000'000'000, 21, cp});
  round_trip(TurnoutInfo{poll_id(), 22, 18, 3, 20, {1, 2, 5, 22}});
  round_trip(PollOpenedPush{poll_id(), PollStatus::open_remote, 5, RemoteWindow{1, 2}});
  round_trip(PollOpenedPush{poll_id(), PollStatus::open, 5, std::nullopt});
  round_trip(ImportResponse{22});
  round_trip(AttendanceSummary{22, 18, 3, 1, 0});
  round_trip(SetTrusteesResponse{ByteArray<32>{4, 2}});
}

TEST_CASE("bodies: member, trustee and public bodies round-trip", "[bodies]") {
  round_trip(CastBallotRequest{poll_id(), cc::Bytes(300, 0xab)});
  round_trip(LookupTrackingCodeRequest{poll_id(), ByteArray<32>{7}});
  round_trip(LookupTrackingCodeResponse{poll_id(), ByteArray<32>{7}, 12, ByteArray<32>{8}});
  round_trip(GetCeremonyMessagesRequest{3});
  round_trip(PostCeremonyMessageResponse{17});
  round_trip(CeremonyMessagePush{17, 2, CeremonyMessageKind::share});
  round_trip(GetBoardRequest{1, 1000});
  round_trip(PostPartialDecryptionResponse{poll_id(), 2, {1, 2}, 2});

  World w;
  PostCeremonyMessageRequest post{ByteArray<32>{1}, CeremonyContent::of(w.commitments[0])};
  round_trip(post);
  cc::EncryptedShare share{1, 2, {}, {}};
  share.nonce.fill(3);
  share.ciphertext.fill(4);
  round_trip(PostCeremonyMessageRequest{ByteArray<32>{1}, CeremonyContent::of(share)});
  round_trip(PostCeremonyMessageRequest{
      ByteArray<32>{1}, CeremonyContent::of(cc::ShareComplaint{3, cc::Errc::verification_failed,
                                                               "share from trustee 3 is bad"})});
  GetCeremonyMessagesResponse msgs{
      ByteArray<32>{9}, 2, {{1, 4, cc::BoxPublicKey{1}}}, CeremonyState::collecting, std::nullopt, {}};
  msgs.messages.push_back({5, 1, CeremonyContent::of(w.commitments[0])});
  msgs.messages.push_back({6, 1, CeremonyContent::of(share)});
  round_trip(msgs);
  msgs.state = CeremonyState::complete;
  msgs.joint_key = cc::Point::generator();
  round_trip(msgs);

  TallyInfo tally{poll_id().str(), ByteArray<32>{3}, 4, {{cc::Point::generator(), cc::Point::identity()}}};
  round_trip(tally);
  round_trip(TallyStatus{tally, 40, 2, {1, 3}});
  cc::PartialDecryption pd{2, {cc::Point::generator()}, {cc::DecryptionProof{}}};
  auto post_pd = PostPartialDecryptionRequest::of(poll_id(), ByteArray<32>{5}, pd);
  round_trip(post_pd);

  BoardEntry e{1, BoardEntryKind::ballot, poll_id().str(), "2025-06-15T08:30:00.123Z", {1, 2, 3}, {}, {}};
  chain_board_entry(e, {});
  BoardEntry e2{2, BoardEntryKind::commitments, "", "2025-06-15T08:30:01.000Z", {4}, {}, {}};
  chain_board_entry(e2, e.hash);
  round_trip(GetBoardResponse{{e, e2}, Checkpoint{meeting_id(), 2, e2.hash, 5, {}}});
}

TEST_CASE("bodies: semantic validation is E_INVALID_ARGUMENT", "[bodies]") {
  ImportRosterRequest roster{{{1, "A", CouncilRole::chair, "", ""}, {1, "B", CouncilRole::member, "", ""}}};
  CHECK(code_of(roster.validate()) == ErrorCode::invalid_argument);
  roster.members[1].member_no = 2;
  CHECK(roster.validate());
  CHECK(code_of(ImportNomineesRequest{{nominee(3), nominee(3)}}.validate()) == ErrorCode::invalid_argument);
  CHECK(code_of(SetAttendanceRequest{{{1, Attendance::present}, {1, Attendance::absent}}}.validate()) ==
        ErrorCode::invalid_argument);

  auto meeting = meeting_id();
  SetTrusteesRequest t{2, {{1, 4, cc::BoxPublicKey{1}}, {2, 9, cc::BoxPublicKey{2}}}};
  CHECK(t.validate(meeting));
  auto t2 = t;
  t2.threshold = 3;
  CHECK(code_of(t2.validate(meeting)) == ErrorCode::invalid_argument);
  t2 = t;
  t2.trustees[1].member_no = 4;
  CHECK(code_of(t2.validate(meeting)) == ErrorCode::invalid_argument);
  t2 = t;
  t2.trustees[1].box_key = t2.trustees[0].box_key;
  CHECK(code_of(t2.validate(meeting)) == ErrorCode::invalid_argument);
  t2 = t;
  t2.trustees[1].index = 3;
  CHECK(code_of(t2.validate(meeting)) == ErrorCode::invalid_argument);

  OpenPollRequest open{poll_id(), "P", {}, OpenPhase::room, std::nullopt};
  open.contests.push_back({"1", cc::ContestKind::commendation, 1, {}, {}, 0, 1});
  open.contests.push_back({"2", cc::ContestKind::commendation, 2, {}, {}, 0, 1});
  CHECK(open.validate());
  auto o2 = open;
  o2.contests[1].id = "1";
  CHECK(code_of(o2.validate()) == ErrorCode::invalid_argument);
  o2 = open;
  o2.contests[1].nominee_no = 1;
  CHECK(code_of(o2.validate()) == ErrorCode::invalid_argument);
  o2 = open;
  o2.contests.push_back({"q", cc::ContestKind::general, 0, "L", {"A", "B"}, 2, 1});
  CHECK(code_of(o2.validate()) == ErrorCode::invalid_argument);
  o2.contests.back() = {"q", cc::ContestKind::general, 0, "L", {"A", "B"}, 0, 3};
  CHECK(code_of(o2.validate()) == ErrorCode::invalid_argument);
  o2 = open;
  o2.phase = OpenPhase::remote;
  CHECK(code_of(o2.validate()) == ErrorCode::invalid_argument);
  o2.remote_window = RemoteWindow{1, 2};
  CHECK(o2.validate());
}

TEST_CASE("bodies: shape errors name the field", "[bodies]") {
  auto check = [](const char *json, ErrorCode code, const char *field) {
    INFO(json);
    auto r = OpenPollRequest::from_json(*parse_json_object(json));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == code);
    CHECK(r.error().field == field);
  };
  check(R"({"poll":"p","title":"T","phase":"room","contests":[{"id":"1","kind":"commendation"}]})",
        ErrorCode::missing_field, "body.contests[0].nominee_no");
  check(
      R"({"poll":"p","title":"T","phase":"room","contests":[{"id":"1","kind":"commendation","nominee_no":1,"min":0}]})",
      ErrorCode::unknown_field, "body.contests[0].min");
  check(R"({"poll":"p","title":"T","phase":"room","contests":[{"id":"1","kind":"other","nominee_no":1}]})",
        ErrorCode::bad_field, "body.contests[0].kind");
  check(R"({"poll":"p","title":"T","phase":"room","contests":[]})", ErrorCode::bad_field, "body.contests");
  check(
      R"({"poll":"p","title":"T","phase":"later","contests":[{"id":"1","kind":"commendation","nominee_no":1}]})",
      ErrorCode::bad_field, "body.phase");
  check(
      R"({"poll":"p","title":"T","phase":"room","contests":[{"id":"1","kind":"commendation","nominee_no":1}],
            "remote_window":{"from":5,"until":5}})",
      ErrorCode::bad_field, "body.remote_window.until");
  check(R"({"poll":"p","title":"T","phase":"room","contests":[{"id":"q","kind":"general","label":"L",
            "option_labels":["A",""],"min":0,"max":1}]})",
        ErrorCode::bad_field, "body.contests[0].option_labels[1]");
  check(
      R"({"poll":"p p","title":"T","phase":"room","contests":[{"id":"1","kind":"commendation","nominee_no":1}]})",
      ErrorCode::bad_field, "body.poll");

  auto cast = CastBallotRequest::from_json(*parse_json_object(R"({"poll":"p","ballot":""})"));
  CHECK(code_of(cast) == ErrorCode::bad_field);
  auto share = PostCeremonyMessageRequest::from_json(*parse_json_object(
      R"({"ceremony_context":")" + std::string(64, '0') + R"(","kind":"share","share":"00"})"));
  CHECK(code_of(share) == ErrorCode::bad_field);
  auto mixed = PostCeremonyMessageRequest::from_json(
      *parse_json_object(R"({"ceremony_context":")" + std::string(64, '0') +
                         R"(","kind":"complaint","complaint":{"accused":1,"reason":"x"},"share":"00"})"));
  CHECK(code_of(mixed) == ErrorCode::unknown_field);
}

TEST_CASE("bodies: a client builds the poll context from get_poll and casts a valid ballot", "[bodies]") {
  World w;
  PollInfo info{w.def,        4,           PollStatus::open, std::nullopt, 1'750'000'000'500, std::nullopt,
                std::nullopt, std::nullopt};
  round_trip(info);
  auto got = PollInfo::from_json(*parse_json_object(to_json(info.to_json())));
  REQUIRE(got);
  auto ctx = verified_context(got->definition, w.meeting);
  REQUIRE(ctx);
  CHECK(ctx->hash() == w.def.context_hash);

  std::vector<cc::ContestSelection> choice{cc::ContestSelection::agree(), cc::ContestSelection::disagree(),
                                           cc::ContestSelection::blank(), cc::ContestSelection{{0, 2}}};
  auto ballot = cc::encrypt_ballot({*ctx, w.members[2], choice, w.rng});
  REQUIRE(ballot);
  CHECK(cc::verify_ballot(*ctx, cc::Roster{w.def.roster}, *ballot));

  // the ballot travels in cast_ballot and decodes to the same bytes
  CastBallotRequest cast{poll_of(w.def), ballot->encode()};
  auto back = CastBallotRequest::from_json(*parse_json_object(to_json(cast.to_json())));
  REQUIRE(back);
  auto decoded = cc::decode_ballot(back->ballot);
  REQUIRE(decoded);
  CHECK(decoded->tracking_code() == ballot->tracking_code());

  // the manifest board entry's payload is the definition's JSON text
  auto payload = to_json(write_members(w.def));
  auto def2 = read_body<PollDefinition>(*parse_json_object(payload));
  REQUIRE(def2);
  CHECK(*def2 == w.def);
}

TEST_CASE("bodies: a client detects an inconsistent poll definition", "[bodies]") {
  World w;
  REQUIRE(verified_context(w.def, w.meeting));
  auto fake_key = cc::Point::base_mul(cc::Scalar::from_u64(12345));
  std::vector<std::tuple<const char *, std::function<void(PollDefinition &)>>> lies{
      {"meeting", [](PollDefinition &d) { d.manifest.meeting_id = "other"; }},
      {"poll", [](PollDefinition &d) { d.poll = "poll-2"; }},
      {"manifest", [](PollDefinition &d) { d.manifest.contests[3].max_selections = 9; }},
      {"display", [](PollDefinition &d) { d.display.pop_back(); }},
      {"roster", [&](PollDefinition &d) { d.roster.pop_back(); }},
      {"disagree_weight",
       [](PollDefinition &d) {
         d.manifest.disagree_weight = 5;
         d.context_hash = cc::PollContext{d.manifest, d.joint_key}.hash();
       }},
      {"joint_key",
       [&](PollDefinition &d) {
         // a server that knows the secret of its fake key, with a self-consistent context hash
         d.joint_key = fake_key;
         d.context_hash = cc::PollContext{d.manifest, d.joint_key}.hash();
       }},
      {"ceremony", [](PollDefinition &d) { d.ceremony.commitments[1][20] ^= 1; }},
      {"ceremony", [](PollDefinition &d) { d.ceremony.commitments.pop_back(); }},
      {"ceremony", [](PollDefinition &d) { d.ceremony.trustees[0].box_public_key[0] ^= 1; }},
      {"context_hash", [](PollDefinition &d) { d.context_hash[0] ^= 1; }},
  };
  for (const auto &[check, lie] : lies) {
    INFO(check);
    auto d = w.def;
    lie(d);
    auto r = verified_context(d, w.meeting);
    CHECK(code_of(r) == ErrorCode::inconsistent_data);
    CHECK(r.error().check == check);
  }
  CHECK(code_of(verified_context(w.def, meeting_id("another-meeting"))) == ErrorCode::inconsistent_data);
}

TEST_CASE("bodies: ceremony messages map to and from board payloads", "[bodies]") {
  World w;
  auto c = CeremonyContent::of(w.commitments[1]);
  std::uint32_t from = 0;
  auto back = CeremonyContent::from_board(CeremonyMessageKind::commitments, c.board_payload(2), &from);
  REQUIRE(back);
  CHECK(*back == c);
  CHECK(from == 2);
  auto decoded = back->decode_commitments();
  REQUIRE(decoded);
  CHECK(decoded->index == 2);

  cc::EncryptedShare share{3, 1, {}, {}};
  auto s = CeremonyContent::of(share);
  CHECK(s.share.size() == cc::kEncryptedShareBytes);
  auto sb = CeremonyContent::from_board(CeremonyMessageKind::share, s.board_payload(3), &from);
  REQUIRE(sb);
  CHECK(from == 3);
  CHECK(sb->decode_share()->to == 1);

  auto k = CeremonyContent::of(cc::ShareComplaint{1, cc::Errc::verification_failed, "does not match"});
  auto payload = k.board_payload(2);
  cc::ByteWriter expected;
  expected.u32(2);
  expected.u32(1);
  expected.str("does not match");
  CHECK(payload == expected.bytes());
  auto kb = CeremonyContent::from_board(CeremonyMessageKind::complaint, payload, &from);
  REQUIRE(kb);
  CHECK(from == 2);
  CHECK(kb->complaint.accused == 1);

  CHECK(code_of(CeremonyContent::from_board(CeremonyMessageKind::share, cc::Bytes(10), nullptr)) ==
        ErrorCode::invalid_ceremony_message);
  auto truncated = payload;
  truncated.pop_back();
  CHECK(code_of(CeremonyContent::from_board(CeremonyMessageKind::complaint, truncated, nullptr)) ==
        ErrorCode::invalid_ceremony_message);
  CHECK(code_of(c.decode_share()) == ErrorCode::invalid_ceremony_message);
  auto bad = c;
  bad.commitments.push_back(0);
  auto e = bad.decode_commitments();
  CHECK(code_of(e) == ErrorCode::invalid_ceremony_message);
  CHECK(e.error().check == "decode");
}

TEST_CASE("bodies: partial decryptions travel intact and verify against the tally", "[bodies]") {
  World w;
  auto ceremony = *cc::Ceremony::create({w.meeting.str(), 2, w.def.ceremony.trustees});
  auto ctx = *verified_context(w.def, w.meeting);
  std::vector<cc::Ballot> ballots;
  for (std::size_t i = 0; i < 3; ++i)
    ballots.push_back(*cc::encrypt_ballot({ctx,
                                           w.members[i],
                                           {cc::ContestSelection::agree(), cc::ContestSelection::agree(),
                                            cc::ContestSelection::disagree(), cc::ContestSelection{{1}}},
                                           w.rng}));
  auto tally = *cc::tally_ballots(ctx, ballots);
  TallyInfo info{w.def.poll, tally.poll_context, tally.ballots, tally.totals};
  auto info_back = read_body<TallyInfo>(*parse_json_object(to_json(write_members(info))));
  REQUIRE(info_back);
  CHECK(info_back->encrypted_tally().context() == tally.context());

  // trustee 1 and 3 finalize their shares and post partial decryptions
  std::vector<cc::EncryptedShare> all_shares;
  for (const auto &t : w.trustees) {
    auto s = *cc::deal_shares(ceremony, t, w.rng);
    all_shares.insert(all_shares.end(), s.begin(), s.end());
  }
  auto pk = *cc::threshold_public_key(ceremony, w.commitments);
  std::vector<cc::PartialDecryption> partials;
  for (std::size_t j : {0u, 2u}) {
    auto share = *cc::finalize_key_share(ceremony, w.trustees[j], {w.commitments, all_shares});
    auto pd = cc::partial_decrypt(share, tally.context(), tally.totals, w.rng);
    auto post = PostPartialDecryptionRequest::of(poll_of(w.def), tally.context(), pd);
    auto back = PostPartialDecryptionRequest::from_json(*parse_json_object(to_json(post.to_json())));
    REQUIRE(back);
    auto decoded = back->decode();
    REQUIRE(decoded);
    partials.push_back(*decoded);
  }
  auto decrypted = cc::combine_partial_decryptions({pk, tally.context(), tally.totals, partials});
  REQUIRE(decrypted);
  auto results = cc::decode_tally(ctx.manifest, tally.ballots, *decrypted);
  REQUIRE(results);
  CHECK((*results)[0].agree == 3);
  CHECK((*results)[2].disagree == 3);
  CHECK((*results)[3].option_counts == std::vector<std::uint64_t>{0, 3, 0});

  auto bad = PostPartialDecryptionRequest::of(poll_of(w.def), tally.context(), partials[0]);
  bad.partial.resize(bad.partial.size() - 1);
  auto e = bad.decode();
  CHECK(code_of(e) == ErrorCode::invalid_partial_decryption);
  CHECK(e.error().check == "decode");
}

TEST_CASE("bodies: rule profiles compare integers", "[bodies]") {
  RuleProfile p90{"decree98-90", "90%", {90, 100}, Comparison::at_least, Denominator::all_members,
                  {0, 100},      ""};
  CHECK(p90.passes(20, 22));       // 20/22 = 90.9 %
  CHECK_FALSE(p90.passes(19, 22)); // 86.4 %
  CHECK(p90.passes(9, 10));        // exactly 90 %
  RuleProfile half{"council-majority",       "> 50%",  {50, 100}, Comparison::more_than,
                   Denominator::all_members, {0, 100}, ""};
  CHECK_FALSE(half.passes(11, 22));
  CHECK(half.passes(12, 22));
  RuleProfile two_thirds{
      "r23", "Từ 2/3 trở lên", {2, 3}, Comparison::at_least, Denominator::all_members, {2, 3}, ""};
  CHECK(two_thirds.passes(12, 18)); // 67 % would refuse it
  CHECK_FALSE(two_thirds.passes(11, 18));
  CHECK(two_thirds.quorum_met(12, 18));
  CHECK_FALSE(two_thirds.quorum_met(11, 18));
}

TEST_CASE("bodies: a rule profile's threshold and quorum are {num, den} on the wire", "[bodies]") {
  RuleProfile p{"r23", "Từ 2/3 trở lên", {2, 3}, Comparison::at_least, Denominator::all_members, {0, 100},
                ""};
  const auto json = rule_profile_to_json(p);
  CHECK(json.value("threshold").toObject() == QJsonObject{{"num", 2}, {"den", 3}});
  CHECK(json.value("quorum").toObject() == QJsonObject{{"num", 0}, {"den", 100}});
  CHECK_FALSE(json.contains("threshold_percent"));
  auto with = [&](const char *member, QJsonValue v) {
    auto o = json;
    o.insert(member, v);
    return read_body<RuleProfile>(o);
  };
  auto field_of = [](const Result<RuleProfile> &r) {
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::bad_field);
    return r.error().field;
  };
  CHECK(field_of(with("threshold", QJsonObject{{"num", 0}, {"den", 3}})) == "body.threshold.num");
  CHECK(field_of(with("threshold", QJsonObject{{"num", 3}, {"den", 2}})) == "body.threshold.num");
  CHECK(field_of(with("threshold", QJsonObject{{"num", 1}, {"den", 0}})) == "body.threshold.den");
  CHECK(field_of(with("quorum", QJsonObject{{"num", 1}, {"den", 1001}})) == "body.quorum.den");
  CHECK(field_of(with("threshold", 90)) == "body.threshold");
  auto old = json;
  old.insert("threshold_percent", 90);
  auto unknown = read_body<RuleProfile>(old);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == ErrorCode::unknown_field);
}

TEST_CASE("bodies: the chair's decision is read through record/, with the wire's paths and codes",
          "[bodies]") {
  ChairDecision d{"vinhlong-2025-06", "poll-1", {7}, "Cờ thi đua", {2, 5}, 1, {}, {}};
  cv::record::sign_chair_decision(d, key("chair"));
  auto body = write_members(d);
  CHECK(body.value("nominees").toArray() == QJsonArray{2, 5});
  CHECK(body.value("key").toString().size() == 64);
  auto edit = [&](const char *member, QJsonValue v) {
    auto o = body;
    if (v.isUndefined())
      o.remove(member);
    else
      o.insert(member, v);
    return read_body<ChairDecision>(o);
  };
  auto error_of = [](const Result<ChairDecision> &r) {
    REQUIRE_FALSE(r);
    return r.error();
  };
  CHECK(error_of(edit("nominees", QJsonArray{5, 2})).field == "body.nominees");
  CHECK(error_of(edit("nominees", QJsonArray{5, 2})).code == ErrorCode::bad_field);
  CHECK(error_of(edit("award", QJsonValue::Undefined)).code == ErrorCode::missing_field);
  CHECK(error_of(edit("award", QJsonValue::Undefined)).field == "body.award");
  CHECK(error_of(edit("extra", 1)).code == ErrorCode::unknown_field);
  CHECK(error_of(edit("sig", "00")).field == "body.sig");
}
