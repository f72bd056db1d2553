#include "support.hpp"

#include <array>

using namespace cv::schema;
using namespace cv::schema::test;

namespace {

PollSpec spec(const std::string &id, std::uint32_t weight = 23) {
  return {id, "Poll " + id, weight, bytes32("m" + id), bytes32("c" + id)};
}

Contest commendation(std::int64_t nominee_no, std::string rule = "decree98-90") {
  return {std::to_string(nominee_no), cv::crypto::ContestKind::commendation, nominee_no, "N",
          std::move(rule)};
}

} // namespace

TEST_CASE("a poll needs the completed ceremony, a disagree weight above the members, valid contests",
          "[polls]") {
  Council c;
  const std::vector<Contest> contests{commendation(1), commendation(2)};
  RawDb raw(c.path);
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1"), contests), Errc::invalid_state);
  setup_ceremony(c.store);
  const auto before = raw.content();
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1", 22), contests), Errc::invalid_argument);
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1"), {}), Errc::invalid_argument);
  CHECK_ERRC(c.store.create_poll("secretary", spec(""), contests), Errc::invalid_argument);
  const std::vector<Contest> no_rule{commendation(1), {"2", cv::crypto::ContestKind::commendation, 2, "N"}};
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1"), no_rule), Errc::invalid_argument);
  const std::vector<Contest> twice{commendation(1), commendation(1)};
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1"), twice), Errc::conflict);
  const std::vector<Contest> unknown{commendation(1), commendation(99)};
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1"), unknown), Errc::not_found);
  const std::vector<Contest> bad_general{
      {"q", cv::crypto::ContestKind::general, std::nullopt, "Q", std::nullopt, 4, 3, 2}};
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1"), bad_general), Errc::invalid_argument);
  CHECK(raw.content() == before);

  const std::vector<Contest> mixed{
      commendation(7, "council-70"),
      {"quota", cv::crypto::ContestKind::general, std::nullopt, "Chọn 2", std::nullopt, 4, 0, 2}};
  value_of(c.store.create_poll("secretary", spec("P1"), mixed));
  CHECK_ERRC(c.store.create_poll("secretary", spec("P1"), mixed), Errc::conflict);
  auto p = value_of(c.store.poll("P1"));
  CHECK(p.state == PollState::draft);
  CHECK(p.spec.disagree_weight == 23);
  CHECK(p.spec.context_hash == bytes32("cP1"));
  CHECK_FALSE(p.opened_at);
  auto read = value_of(c.store.contests("P1"));
  REQUIRE(read.size() == 2);
  CHECK(read[0].nominee_no == 7);
  CHECK(read[0].rule_id == "council-70");
  CHECK(read[1].kind == cv::crypto::ContestKind::general);
  CHECK_FALSE(read[1].nominee_no);
  CHECK(read[1].options == 4);
  CHECK(read[1].max_selections == 2);
}

TEST_CASE("poll states move only along the allowed transitions", "[polls]") {
  constexpr std::array kStates{PollState::draft,  PollState::open_remote, PollState::open,
                               PollState::closed, PollState::tallied,     PollState::published};
  const std::vector<std::pair<PollState, PollState>> allowed{
      {PollState::draft, PollState::open_remote}, {PollState::draft, PollState::open},
      {PollState::open_remote, PollState::open},  {PollState::open_remote, PollState::closed},
      {PollState::open, PollState::closed},       {PollState::closed, PollState::tallied},
      {PollState::tallied, PollState::published}};
  Council c;
  setup_ceremony(c.store);
  setup_poll(c.store, "P", 1, PollState::draft);
  RawDb raw(c.path);
  // Walk draft -> open_remote -> open -> closed -> tallied -> published, trying every target at each step.
  for (std::size_t i = 0; i + 1 < kStates.size(); ++i) {
    const auto from = kStates[i];
    for (auto to : kStates) {
      if (std::ranges::find(allowed, std::pair{from, to}) != allowed.end()) continue;
      INFO(to_string(from) << " -> " << to_string(to));
      const auto before = raw.content();
      CHECK_ERRC(c.store.set_poll_state("secretary", "P", to), Errc::invalid_state);
      CHECK(raw.content() == before);
    }
    if (kStates[i + 1] == PollState::tallied)
      value_of(c.store.record_results("secretary", "P",
                                      std::vector<ContestTally>{{0, 20, 1, 1, 0, Outcome::passed}}));
    value_of(c.store.set_poll_state("secretary", "P", kStates[i + 1]));
  }
  auto p = value_of(c.store.poll("P"));
  CHECK(p.state == PollState::published);
  for (const auto &t : {p.remote_opened_at, p.opened_at, p.closed_at, p.tallied_at, p.published_at}) CHECK(t);
  CHECK(raw.integer("SELECT count(*) FROM audit_log WHERE action = 'poll.set_state'") == 5);

  setup_poll(c.store, "Q", 1, PollState::draft);
  value_of(c.store.set_poll_state("secretary", "Q", PollState::open)); // straight into the room
  CHECK_FALSE(value_of(c.store.poll("Q")).remote_opened_at);
  CHECK_ERRC(c.store.set_poll_state("secretary", "nope", PollState::open), Errc::not_found);
}

TEST_CASE("tallied needs a result for every commendation contest", "[polls]") {
  Council c;
  setup_ceremony(c.store);
  setup_poll(c.store, "P", 2, PollState::closed);
  value_of(
      c.store.record_results("secretary", "P", std::vector<ContestTally>{{0, 20, 1, 1, 0, Outcome::passed}}));
  CHECK_ERRC(c.store.set_poll_state("secretary", "P", PollState::tallied), Errc::invalid_state);
  value_of(c.store.record_results("secretary", "P",
                                  std::vector<ContestTally>{{1, 10, 11, 1, 0, Outcome::not_passed}}));
  value_of(c.store.set_poll_state("secretary", "P", PollState::tallied));
}

TEST_CASE("turnout says who voted and through which channel, never how", "[polls]") {
  Council c;
  setup_ceremony(c.store);
  setup_poll(c.store, "P", 2, PollState::open_remote);
  value_of(c.store.append_ballot(
      "m", {"P", member_key(9), bytes32("t9"), cv::crypto::as_bytes("b9"), Channel::remote}));
  value_of(c.store.set_poll_state("secretary", "P", PollState::open));
  value_of(c.store.append_ballot(
      "m", {"P", member_key(2), bytes32("t2"), cv::crypto::as_bytes("b2"), Channel::in_room}));
  auto t = value_of(c.store.turnout("P"));
  CHECK(t.voters == std::vector<std::int64_t>{2, 9});
  CHECK(t.in_room == 1);
  CHECK(t.remote == 1);
  CHECK_ERRC(c.store.turnout("nope"), Errc::not_found);
}
