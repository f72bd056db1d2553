// The auditor's end-to-end verification (client/include/councilvote/client/roles/auditor.hpp).
#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/client/roles/poll_board.hpp"
#include "test_roles_voted_poll.hpp"

using namespace cv::client::roles;
using cv::test::must;

namespace {

AuditReport audit(const cv::test::VotedPoll &f, const std::string &record) {
  const auto key = f.server.public_key;
  return audit_poll(
      {f.meeting, f.poll.info.definition.poll, f.board.entries, record, &f.statement, &key, kTestMinBallots});
}

std::string failure(const AuditReport &r) {
  INFO(r.to_text());
  const auto *c = r.first_failure();
  REQUIRE(c != nullptr);
  return c->name;
}

} // namespace

TEST_CASE("roles: the auditor passes an honest board", "[roles][auditor]") {
  cv::test::VotedPoll f;
  f.publish();
  const auto r = audit(f, f.record);
  INFO(r.to_text());
  CHECK(r.ok());
  CHECK(r.first_failure() == nullptr);
  CHECK(r.checks.size() == 20);
  CHECK(r.find("record.outcomes")->ok);
  CHECK(r.ballots == 4);
  REQUIRE(r.counts.size() == 3);
  CHECK(r.counts[0].agree == f.expected[0][0]);
  REQUIRE(r.record);
  CHECK(r.record->contests[2].disagree == f.expected[2][1]);
  CHECK(r.phases.size() == 7);
  CHECK(r.to_text().find("PASS  partials.threshold") != std::string::npos);

  // Is my ballot on the board?
  CHECK(r.find_tracking_code(f.tracking_codes[1]) == f.board.entries[3].seq);
  CHECK(find_tracking_code(f.board.entries, f.poll.info.definition.poll, f.tracking_codes[1]) == 4u);
  auto unknown = f.tracking_codes[1];
  unknown[0] ^= 1;
  CHECK_FALSE(r.find_tracking_code(unknown));

  // Without the statement the audit is incomplete, but nothing fails.
  auto partial = audit_poll(
      {f.meeting, f.poll.info.definition.poll, f.board.entries, f.record, nullptr, nullptr, kTestMinBallots});
  CHECK_FALSE(partial.ok());
  CHECK(partial.first_failure() == nullptr);
  CHECK(partial.find("record.statement")->skipped);
}

TEST_CASE("roles: the auditor names the failing check on a tampered board", "[roles][auditor]") {
  SECTION("a changed ballot") {
    cv::test::VotedPoll f;
    f.publish();
    f.board.entries[3].payload[300] ^= 0x01;
    f.board.rechain();
    f.sign(f.board.entries.size());
    const auto r = audit(f, f.record);
    CHECK(failure(r) == "ballots.verify");
    CHECK(r.first_failure()->detail.starts_with("board entry 4: "));
    CHECK(r.find("tally.matches")->skipped);
  }
  SECTION("a missing partial decryption") {
    cv::test::VotedPoll f;
    f.publish();
    const auto result_seq = f.board.entries.size();
    f.board.entries.erase(f.board.entries.begin() + static_cast<std::ptrdiff_t>(result_seq - 2));
    f.board.entries.back().seq = result_seq - 1;
    f.board.rechain();
    f.sign(result_seq - 1);
    const auto r = audit(f, f.record);
    CHECK(failure(r) == "partials.threshold");
    CHECK(r.find("partials.verify")->ok);
  }
  SECTION("a wrong count in the record") {
    cv::test::VotedPoll f;
    f.publish([](cv::protocol::RecordInput &in) {
      in.contests[1].counts.agree += 1; // and one blank less, so the record is self-consistent
      in.contests[1].counts.blank -= 1;
    });
    const auto r = audit(f, f.record);
    CHECK(failure(r) == "record.counts");
    CHECK(r.first_failure()->detail.find("contest[1]") != std::string::npos);
    CHECK(r.find("record.outcomes")->ok);
  }
  SECTION("a record that is not the result entry, or whose statement is forged") {
    cv::test::VotedPoll f;
    f.publish();
    auto other = f.record;
    other.back() = ' ';
    CHECK(failure(audit(f, other)) == "result.entry");
    f.statement.server_time_ms += 1;
    CHECK(failure(audit(f, f.record)) == "record.statement");
  }
  SECTION("a nominee renamed in the record") {
    cv::test::VotedPoll f;
    f.publish([](cv::protocol::RecordInput &in) { in.contests[0].nominee->name = "Someone else"; });
    CHECK(failure(audit(f, f.record)) == "record.binding");
  }
  SECTION("a tally that is not the ballots' sum") {
    cv::test::VotedPoll f;
    f.publish();
    auto tally = f.status.tally;
    std::swap(tally.totals[0], tally.totals[1]);
    const auto text = cv::protocol::to_json(tally.to_json());
    f.board.entries[f.status.tally_seq - 1].payload.assign(text.begin(), text.end());
    f.board.rechain();
    f.sign(f.board.entries.size());
    CHECK(failure(audit(f, f.record)) == "tally.matches");
  }
  SECTION("a broken chain") {
    cv::test::VotedPoll f;
    f.publish();
    f.board.entries[2].created_at = cv::protocol::format_utc_ms(1);
    CHECK(failure(audit(f, f.record)) == "board.chain");
  }
}
