// The auditor's end-to-end verification (client/include/councilvote/client/roles/auditor.hpp): the
// record file built from the board and checked by record/'s verifier, attacked board by board.
#include "councilvote/client/roles/auditor.hpp"
#include "councilvote/client/roles/poll_board.hpp"
#include "test_roles_voted_poll.hpp"

using namespace cv::client::roles;
using cv::test::must;

namespace {

cv::protocol::EnrollmentBundle bundle_of(const cv::test::VotedPoll &f) {
  return cv::protocol::make_enrollment_bundle(f.meeting, cv::protocol::ServerAddress{"127.0.0.1", 4433}, {},
                                              f.server, kTestMinBallots);
}

AuditReport audit(const cv::test::VotedPoll &f, std::optional<std::string> code = std::nullopt) {
  const auto bundle = bundle_of(f);
  return audit_poll({bundle, cv::protocol::poll_of(f.poll.info.definition), f.board.entries, &f.statement,
                     std::move(code)});
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
  const auto r = audit(f);
  INFO(r.to_text());
  CHECK(r.ok());
  CHECK(r.first_failure() == nullptr);
  CHECK(r.checks.size() == cv::record::verify_check_names().size() - 1); // all but tracking_code
  CHECK(r.find("record.outcomes")->ok);
  CHECK(r.ballots == 4);
  REQUIRE(r.record);
  CHECK(r.record->contests[0].agree == f.expected[0][0]);
  CHECK(r.record->contests[2].disagree == f.expected[2][1]);
  CHECK(r.to_text().find("PASS  partials.threshold") != std::string::npos);

  // Is my ballot on the board? By its full code or its short one.
  const auto mine = audit(f, cv::crypto::to_hex(f.tracking_codes[1]));
  CHECK(mine.ok());
  CHECK(mine.tracking_seq == f.board.entries[5].seq); // 3 commitments, the manifest, ballot 1, ballot 2
  CHECK(audit(f, cv::crypto::short_tracking_code(f.tracking_codes[1])).tracking_seq == 6u);
  CHECK(find_tracking_code(f.board.entries, cv::protocol::poll_of(f.poll.info.definition),
                           f.tracking_codes[1]) == 6u);
  auto unknown = f.tracking_codes[1];
  unknown[0] ^= 1;
  const auto absent = audit(f, cv::crypto::to_hex(unknown));
  CHECK_FALSE(absent.tracking_seq);
  CHECK(failure(absent) == "tracking_code");

  // Without the statement there is no record file to check.
  const auto bundle = bundle_of(f);
  auto partial =
      audit_poll({bundle, cv::protocol::poll_of(f.poll.info.definition), f.board.entries, nullptr, {}});
  CHECK_FALSE(partial.ok());
  CHECK(failure(partial) == "record.statement");
}

TEST_CASE("roles: the auditor names the failing check on a tampered board", "[roles][auditor]") {
  SECTION("a changed ballot") {
    cv::test::VotedPoll f;
    f.publish();
    f.board.entries[5].payload[300] ^= 0x01; // ballot 2
    f.board.rechain();
    f.sign(f.board.entries.size());
    const auto r = audit(f);
    CHECK(failure(r) == "ballots.verify");
    CHECK(r.first_failure()->detail.starts_with("ballot 2 (board entry 6"));
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
    const auto r = audit(f);
    CHECK(failure(r) == "partials.threshold");
    CHECK(r.find("partials.verify")->ok);
  }
  SECTION("a wrong count in the record") {
    cv::test::VotedPoll f;
    f.publish([](cv::protocol::RecordInput &in) {
      in.contests[1].counts.agree += 1; // and one blank less, so the record is self-consistent
      in.contests[1].counts.blank -= 1;
    });
    const auto r = audit(f);
    CHECK(failure(r) == "record.counts");
    CHECK(r.first_failure()->detail.find("contest[1]") != std::string::npos);
    CHECK(r.find("record.outcomes")->ok);
  }
  SECTION("a statement that is not about the result entry, or forged") {
    cv::test::VotedPoll f;
    f.publish();
    const auto honest = f.record;
    const auto statement = f.statement;
    f.record.back() = ' ';
    f.sign(f.board.entries.size()); // signs the digest of a text that is not the entry's
    CHECK(failure(audit(f)) == "record.statement");
    f.record = honest;
    f.statement = statement;
    REQUIRE(audit(f).ok());
    f.statement.server_time_ms += 1;
    CHECK(failure(audit(f)) == "record.statement");
  }
  SECTION("a nominee renamed in the record") {
    cv::test::VotedPoll f;
    f.publish([](cv::protocol::RecordInput &in) { in.contests[0].nominee->name = "Someone else"; });
    CHECK(failure(audit(f)) == "record.binding");
  }
  SECTION("a tally that is not the ballots' sum") {
    cv::test::VotedPoll f;
    f.publish();
    auto tally = f.status.tally;
    std::swap(tally.totals[0], tally.totals[1]);
    const auto text = cv::protocol::to_json(cv::protocol::write_members(tally));
    f.board.entries[f.status.tally_seq - 1].payload.assign(text.begin(), text.end());
    f.board.rechain();
    f.sign(f.board.entries.size());
    CHECK(failure(audit(f)) == "tally.matches");
  }
  SECTION("a broken chain") {
    cv::test::VotedPoll f;
    f.publish();
    f.board.entries[2].created_at = cv::protocol::format_utc_ms(1);
    CHECK(failure(audit(f)) == "board.chain");
  }
}
