#include "support.hpp"

using namespace cv::schema;
using namespace cv::schema::test;

namespace {

struct ClosedPoll : Council {
  ClosedPoll() {
    setup_ceremony(store);
    setup_poll(store, "P", 2, PollState::closed);
  }
};

} // namespace

TEST_CASE("partial decryptions: once per trustee of the poll's ceremony, on a closed poll", "[tally]") {
  Council c;
  setup_ceremony(c.store);
  setup_poll(c.store, "P", 2, PollState::open);
  RawDb raw(c.path);
  auto before = raw.content();
  CHECK_ERRC(c.store.add_partial_decryption("t", "P", 1, cv::crypto::as_bytes("pd1")), Errc::invalid_state);
  CHECK(raw.content() == before);
  value_of(c.store.set_poll_state("s", "P", PollState::closed));

  auto r1 = value_of(c.store.add_partial_decryption("trustee:1", "P", 1, cv::crypto::as_bytes("pd1")));
  auto r3 = value_of(c.store.add_partial_decryption("trustee:3", "P", 3, cv::crypto::as_bytes("pd3")));
  before = raw.content();
  CHECK_ERRC(c.store.add_partial_decryption("trustee:1", "P", 1, cv::crypto::as_bytes("again")),
             Errc::conflict);
  CHECK_ERRC(c.store.add_partial_decryption("trustee:4", "P", 4, cv::crypto::as_bytes("pd4")),
             Errc::not_found);
  CHECK_ERRC(c.store.add_partial_decryption("trustee:1", "nope", 1, cv::crypto::as_bytes("pd")),
             Errc::not_found);
  CHECK(raw.content() == before);

  auto partials = value_of(c.store.partial_decryptions("P"));
  REQUIRE(partials.size() == 2);
  CHECK(partials[0].trustee_index == 1);
  CHECK(std::string(partials[0].payload.begin(), partials[0].payload.end()) == "pd1");
  CHECK(partials[0].entry.seq == r1.seq);
  CHECK(partials[1].entry.entry_hash == r3.entry_hash);
  CHECK(value_of(c.store.board(r3.seq, 1))[0].kind == BoardKind::partial_decryption);
}

TEST_CASE("results: counts that add up to the council, for contests of the poll, once", "[tally]") {
  ClosedPoll f;
  RawDb raw(f.path);
  const auto before = raw.content();
  const std::vector<ContestTally> short_count{{0, 20, 1, 0, 0, Outcome::passed}};
  CHECK_ERRC(f.store.record_results("s", "P", short_count), Errc::invalid_argument);
  const std::vector<ContestTally> no_contest{{2, 20, 1, 1, 0, Outcome::passed}};
  CHECK_ERRC(f.store.record_results("s", "P", no_contest), Errc::not_found);
  const std::vector<ContestTally> twice{{0, 20, 1, 1, 0, Outcome::passed}, {0, 20, 1, 1, 0, Outcome::passed}};
  CHECK_ERRC(f.store.record_results("s", "P", twice), Errc::conflict);
  CHECK(raw.content() == before);

  const std::vector<ContestTally> results{{0, 20, 1, 1, 0, Outcome::passed, 1},
                                          {1, 19, 2, 0, 1, Outcome::not_passed, std::nullopt}};
  value_of(f.store.record_results("s", "P", results));
  auto read = value_of(f.store.results("P"));
  REQUIRE(read.size() == 2);
  CHECK(read[0].agree == 20);
  CHECK(read[0].quota_rank == 1u);
  CHECK(read[1].not_voted == 1);
  CHECK(read[1].outcome == Outcome::not_passed);
  CHECK_FALSE(read[1].quota_rank);
  value_of(f.store.set_poll_state("s", "P", PollState::tallied));
  CHECK_ERRC(f.store.record_results("s", "P", results), Errc::invalid_state);
}

TEST_CASE("every state change writes one audit row in its transaction, and the server adds its own",
          "[tally]") {
  ClosedPoll f;
  auto log = value_of(f.store.audit_log(0, 1000));
  REQUIRE_FALSE(log.empty());
  CHECK(log[0].action == "meeting.create");
  CHECK(log[0].actor == "secretary");
  CHECK(log[0].detail == "VL-2025-2");
  // meeting, members, 22 keys, rules, nominees, ceremony create + complete, poll create + 3 states
  CHECK(log.size() == 1 + 1 + 22 + 1 + 1 + 2 + 1 + 3);
  value_of(f.store.append_audit("secretary", "session.login", "from 10.0.0.5"));
  auto tail = value_of(f.store.audit_log(log.back().id, 10));
  REQUIRE(tail.size() == 1);
  CHECK(tail[0].action == "session.login");
  CHECK_ERRC(f.store.append_audit("", "x", "y"), Errc::invalid_argument);
  CHECK(value_of(f.store.audit_log(0, 1000)).size() == log.size() + 1);
}
