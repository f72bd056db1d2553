// The member's ballot building, choices and saved ballots
// (client/include/councilvote/client/roles/member.hpp).
#include "councilvote/client/roles/member.hpp"
#include "councilvote/protocol/json.hpp"
#include "test_roles_fixture.hpp"

#include <filesystem>
#include <unistd.h>

using namespace cv::client::roles;
using cv::protocol::ErrorCode;
using cv::test::must;

TEST_CASE("roles: choice words", "[roles][member]") {
  CHECK(*parse_choice("agree") == Choice::agree);
  CHECK(*parse_choice(" Dong-Y ") == Choice::agree);
  CHECK(*parse_choice("Đồng ý") == Choice::agree);
  CHECK(*parse_choice("khong_dong_y") == Choice::disagree);
  CHECK(*parse_choice("Không đồng ý") == Choice::disagree);
  CHECK(*parse_choice("trắng") == Choice::blank);
  CHECK(*parse_choice("B") == Choice::blank);
  CHECK_FALSE(parse_choice(""));
  CHECK(parse_choice("maybe").error().code == ErrorCode::invalid_argument);
  // The words the result table prints read back as their choice.
  CHECK(*parse_choice("Trống") == Choice::blank);
  CHECK(*parse_choice("trong") == Choice::blank);
  CHECK(*parse_choice("Để trống") == Choice::blank);
  CHECK(*parse_choice("K.đồng ý") == Choice::disagree);
  // The error lists every accepted word, and --help says the same.
  const auto msg = parse_choice("maybe").error().message;
  CHECK(msg.find("\"maybe\" is not a choice") != std::string::npos);
  for (auto w : {"đồng-ý", "không-đồng-ý", "trống", "blank", "disagree"})
    CHECK(msg.find(w) != std::string::npos);
  CHECK(choice_words_help().find("trống") != std::string::npos);

  auto list = parse_choices("agree,disagree, blank\ndong-y\n");
  REQUIRE(list);
  CHECK(*list == std::vector<Choice>{Choice::agree, Choice::disagree, Choice::blank, Choice::agree});
  auto bad = parse_choices("agree,,blank");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.starts_with("choice 2: an empty choice"));
}

TEST_CASE("roles: member choices fit the manifest", "[roles][member]") {
  cv::crypto::PollManifest m;
  m.contests = {cv::crypto::PollManifest::commendation("1"),
                cv::crypto::PollManifest::commendation("2"),
                {"q", cv::crypto::ContestKind::general, 3, 1, 2}};
  auto c = parse_member_choices(m, "agree, khong-dong-y, 1+3");
  REQUIRE(c);
  CHECK((*c)[0].choice == Choice::agree);
  CHECK((*c)[1].choice == Choice::disagree);
  CHECK((*c)[2].options == std::vector<std::uint32_t>{0, 2});
  auto sel = selections_for(m, *c);
  REQUIRE(sel);
  CHECK((*sel)[1].selected == std::vector<std::uint32_t>{1});

  CHECK(parse_member_choices(m, "agree,agree").error().message == "2 choices for 3 contests");
  CHECK(parse_member_choices(m, "agree,agree,4")
            .error()
            .message.starts_with("contest 3 (\"q\"): \"4\" is not"));
  auto blank_general = must(parse_member_choices(m, "agree,agree,blank"));
  CHECK(selections_for(m, blank_general).error().message ==
        "contest 3 (\"q\"): 0 options selected, allowed 1..2");
  CHECK(selections_for(m, must(parse_member_choices(m, "agree,agree,1+1"))).error().message ==
        "contest 3 (\"q\"): an option is selected twice");
  std::vector<MemberChoice> with_options{MemberChoice::of_options({0}), MemberChoice::of(Choice::agree),
                                         MemberChoice::of_options({1})};
  CHECK(selections_for(m, with_options)
            .error()
            .message.starts_with("contest 1 (\"1\"): a commendation contest"));
}

TEST_CASE("roles: a built ballot verifies and matches its tracking code", "[roles][member]") {
  const auto meeting = cv::test::meeting_id();
  const auto ceremony = cv::test::direct_ceremony(meeting, 3, 2);
  auto poll = cv::test::make_poll(meeting, ceremony.result, 5, 4, true);
  // The definition survives the wire.
  auto wire = cv::protocol::PollInfo::from_json(poll.info.to_json());
  REQUIRE(wire);
  REQUIRE(*wire == poll.info);

  auto choices = must(parse_member_choices(poll.info.definition.manifest, "agree,disagree,blank,agree,2"));
  auto b = build_ballot(meeting, *wire, poll.members[2], choices);
  REQUIRE(b);
  auto decoded = must(cv::crypto::decode_ballot(b->ballot));
  const auto ctx = must(cv::protocol::verified_context(poll.info.definition, meeting));
  CHECK(cv::crypto::verify_ballot(ctx, poll.roster(), decoded));
  CHECK(decoded.member_key == poll.members[2].public_key);
  CHECK(decoded.tracking_code() == b->tracking_code);
  CHECK(tracking_code_of(b->ballot) == b->tracking_code);
  CHECK(b->context_hash == poll.info.definition.context_hash);
  CHECK(b->short_tracking_code().size() == 19);
  CHECK(b->cast_request().ballot == b->ballot);
  CHECK(PreparedBallot::from_saved(b->saved()).context_hash == b->context_hash);

  // A key that is not on the roster, or a poll whose definition does not verify, is refused.
  auto stranger = cv::crypto::SigningKey::generate();
  CHECK(build_ballot(meeting, poll.info, stranger, choices).error().code == ErrorCode::invalid_argument);
  auto tampered = poll.info;
  tampered.definition.manifest.disagree_weight += 1;
  auto refused = build_ballot(meeting, tampered, poll.members[0], choices);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == ErrorCode::inconsistent_data);
  CHECK(refused.error().check == "context_hash");
  CHECK(build_ballot(cv::test::meeting_id("other"), poll.info, poll.members[0], choices).error().check ==
        "meeting");
}

TEST_CASE("roles: receipts are checked and saved ballots round-trip", "[roles][member]") {
  const auto meeting = cv::test::meeting_id();
  const auto ceremony = cv::test::direct_ceremony(meeting, 1, 1);
  auto poll = cv::test::make_poll(meeting, ceremony.result, 3, 2);
  auto b = must(build_ballot(meeting, poll.info, poll.members[0],
                             uniform_choices(poll.info.definition.manifest, Choice::agree)));

  auto server = cv::crypto::SigningKey::generate();
  cv::protocol::Receipt r{meeting, b.poll, b.tracking_code, 7, {}, 1750000001234, {}};
  r.board_head[0] = 0xab;
  cv::protocol::sign_receipt(r, server);
  CHECK(check_receipt(b, r, server.public_key));
  CHECK(check_receipt(b, r, cv::crypto::SigningKey::generate().public_key).error().code ==
        ErrorCode::bad_signature);
  auto other = r;
  other.tracking_code[0] ^= 1;
  cv::protocol::sign_receipt(other, server);
  CHECK(check_receipt(b, other, server.public_key).error().check == "receipt.tracking_code");

  auto saved = b.saved();
  auto text = encode_saved_ballot(saved);
  CHECK(must(decode_saved_ballot(text)) == saved);
  saved.receipt = r;
  const auto dir = std::filesystem::temp_directory_path() / ("cv-roles-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "ballot.json";
  REQUIRE(save_saved_ballot(path, saved));
  CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);
  auto loaded = load_saved_ballot(path);
  REQUIRE(loaded);
  CHECK(*loaded == saved);
  CHECK(PreparedBallot::from_saved(*loaded).ballot == b.ballot); // a retry sends the same bytes

  // A file whose tracking code is not its ballot's is refused.
  auto o = must(cv::protocol::parse_json_object(encode_saved_ballot(saved)));
  o.insert("tracking_code", cv::protocol::json_hex(other.tracking_code));
  auto bad = decode_saved_ballot(cv::protocol::to_json(o));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().check == "tracking_code");
  o = must(cv::protocol::parse_json_object(encode_saved_ballot(saved)));
  o.insert("extra", 1);
  CHECK(decode_saved_ballot(cv::protocol::to_json(o)).error().code == ErrorCode::unknown_field);
  std::filesystem::remove_all(dir);
}
