// The turnout push (docs/wire.md §5.3): at most one per poll per second; a ballot inside the second
// is announced when the second is over (due_pushes, which the transport polls), never dropped.
#include "test_service_fixture.hpp"

using namespace cv;
using namespace cv::test::service;
using protocol::MessageType;
using protocol::PushType;

namespace {

std::size_t turnout_pushes(const std::vector<protocol::Push> &pushes, std::uint32_t *ballots = nullptr) {
  std::size_t n = 0;
  for (const auto &p : pushes)
    if (p.type == PushType::turnout) {
      ++n;
      if (ballots) *ballots = protocol::TurnoutInfo::from_json(p.body).value().ballots;
    }
  return n;
}

} // namespace

TEST_CASE("turnout push: throttled to one a second, and the throttled change follows", "[service][push]") {
  ServiceFixture f;
  f.setup();
  const auto info = f.open_poll("p", protocol::OpenPhase::room);
  auto cast = [&](std::uint32_t member) {
    auto out =
        f.call(MessageType::cast_ballot, f.member(member),
               protocol::CastBallotRequest{*protocol::PollId::parse("p"), f.ballot(info, member)}.to_json());
    REQUIRE(out);
    return out->pushes;
  };
  std::uint32_t ballots = 0;
  CHECK(turnout_pushes(cast(1), &ballots) == 1);
  CHECK(ballots == 1);
  CHECK(turnout_pushes(cast(2)) == 0); // inside the same second
  CHECK(f.service->due_pushes().empty());
  *f.now += 1000;
  const auto due = f.service->due_pushes();
  REQUIRE(turnout_pushes(due, &ballots) == 1);
  CHECK(ballots == 2); // the throttled ballot is announced
  CHECK(f.service->due_pushes().empty());
  *f.now += 5000;
  CHECK(f.service->due_pushes().empty()); // nothing new happened
  CHECK(turnout_pushes(cast(3), &ballots) == 1);
  CHECK(ballots == 3);
}
