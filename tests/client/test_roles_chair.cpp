// The chair's decision of a tie, built from the board (client/roles/chair.hpp): bound to the poll's
// tally as the board has it, signed with the chair's key as his member number, nominees checked
// against the poll before he signs.
#include "councilvote/client/roles/chair.hpp"
#include "test_roles_voted_poll.hpp"

#include <catch2/catch.hpp>

using namespace cv;
using cv::test::must;

TEST_CASE("roles: the chair's decision is bound to the board's tally and signed as his member number",
          "[roles][chair]") {
  test::VotedPoll v(4, 3); // members 1..4 (attendance entry), nominees 1..3 of "Bằng khen", tallied
  const auto &chair = v.poll.members[2]; // member 3
  auto d = must(client::roles::build_chair_decision(v.meeting, protocol::poll_of(v.poll.info.definition),
                                                    v.board.entries, chair, "Bằng khen", {3, 1}));
  CHECK(d.meeting == v.meeting.str());
  CHECK(d.poll == protocol::poll_of(v.poll.info.definition));
  CHECK(d.tally_context == v.status.tally.encrypted_tally().context());
  CHECK(d.nominees == std::vector<std::uint32_t>{1, 3}); // sorted
  CHECK(d.member_no == 3);
  CHECK(d.key == chair.public_key);
  CHECK(record::verify_chair_decision_signature(d));
  CHECK(client::roles::chair_decision_summary(d, v.board.entries) == "1 Nominee 1, 3 Nominee 3");

  auto refused = [&](const crypto::SigningKey &key, const std::string &award,
                     std::vector<std::uint32_t> nominees) {
    auto r = client::roles::build_chair_decision(v.meeting, protocol::poll_of(v.poll.info.definition),
                                                 v.board.entries, key, award, std::move(nominees));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == protocol::ErrorCode::invalid_argument);
    return r.error().message;
  };
  CHECK(refused(chair, "Bằng khen", {9}) == "nominee 9 is not in poll " + v.poll.info.definition.poll);
  CHECK(refused(chair, "Huân chương", {1}) == "nominee 1 is proposed for \"Bằng khen\", not \"Huân chương\"");
  CHECK(refused(chair, "Bằng khen", {2, 2}) == "nominee 2 is named twice");
  CHECK(refused(crypto::SigningKey::generate(), "Bằng khen", {1}).find("not on the roster") !=
        std::string::npos);

  // Before the tally there is nothing to decide.
  test::VotedPoll early(4, 3);
  early.board.entries.pop_back(); // the tally entry
  auto r = client::roles::build_chair_decision(early.meeting, protocol::poll_of(early.poll.info.definition),
                                               early.board.entries, early.poll.members[0], "Bằng khen", {1});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == protocol::ErrorCode::inconsistent_data);
  CHECK(r.error().check == "tally");
}
