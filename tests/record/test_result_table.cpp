// The result table of the demo and of `councilvote-cli record`: the minutes' columns, in Vietnamese.
#include "councilvote/record/result_table.hpp"
#include "people.hpp"

#include <catch2/catch.hpp>

using namespace cv::record;

namespace {

// What both tables share: the meeting, the poll and its board positions.
RecordInput meeting_input() {
  RecordInput in;
  in.meeting = {"m-1", "Hội đồng Thi đua - Khen thưởng", "Phiên 1", "2025-06-15", "Vĩnh Long"};
  in.poll = "poll-1";
  in.title = "Xét khen thưởng";
  in.manifest_seq = 1;
  in.tally_seq = 2;
  in.attendance_seq = 1;
  in.min_ballots = 5;
  in.closed_at = "2025-06-15T09:00:00.000Z";
  return in;
}

} // namespace

TEST_CASE("result table: counts, share of all members, rule, outcome and quota rank", "[result_table]") {
  RecordInput in = meeting_input();
  in.threshold = 2;
  in.decrypting_trustees = {1, 3};
  in.partial_seqs = {3, 4};
  in.turnout = {22, 20, 0, 2, 0, 20, 20, 0, {}};
  for (std::uint32_t m = 1; m <= 20; ++m) in.turnout.voted.push_back(m);
  cv::record::testing::name_people(in, 3);
  const RuleProfile r80{"decree98-80", "80%", {80, 100}, Comparison::at_least, Denominator::all_members,
                        {0, 100},      ""};
  for (std::uint32_t i = 0; i < 3; ++i) {
    RecordContestInput c;
    c.position = i;
    c.contest_id = std::to_string(i + 1);
    c.nominee = NomineeRow{i + 1,        NomineeKind::tap_the, "Đơn vị " + std::to_string(i + 1), "", "",
                           "Cờ thi đua", "decree98-80"};
    c.rule = r80;
    c.award_quota = 1;
    c.counts.agree = i == 0 ? 20 : 18;
    c.counts.disagree = 20 - c.counts.agree;
    in.contests.push_back(c);
  }
  auto rec = compute_record(in);
  REQUIRE(rec);
  const auto table = cv::record::format_result_table(*rec);
  CHECK(table.find("90,91%") != std::string::npos); // 20 of 22, rounded half up
  CHECK(table.find("81,82%") != std::string::npos); // 18 of 22
  CHECK(table.find("Đạt") != std::string::npos);
  CHECK(table.find("Không đạt") != std::string::npos); // 18 votes, rank 2 of a quota of 1
  CHECK(table.find("1/1") != std::string::npos);
  CHECK(table.find("≥ 80% tổng TV") != std::string::npos);
  CHECK(table.find("thành viên Ban kiểm phiếu số 1 (Thành viên 1), 3 (Thành viên 3)") != std::string::npos);
  CHECK(cv::record::percent_text(5) == "0,05%");
  CHECK(cv::record::percent_text(9091, ".") == "90.91%");
  CHECK(cv::record::outcome_label_vi(ContestOutcome::tie_at_quota) == "Bằng phiếu");
}

// Nothing that goes into the minutes is cut: long names, awards and outcomes continue on the next
// lines of their column, words kept whole where they fit.
TEST_CASE("result table: long names and outcomes wrap instead of being cut", "[result_table]") {
  RecordInput in = meeting_input();
  in.threshold = 1;
  in.decrypting_trustees = {1};
  in.partial_seqs = {3};
  in.turnout = {22, 10, 0, 12, 0, 10, 10, 0, {}};
  for (std::uint32_t m = 1; m <= 10; ++m) in.turnout.voted.push_back(m);
  cv::record::testing::name_people(in, 1);
  const RuleProfile quorum{
      "q", "90% có túc số", {90, 100}, Comparison::at_least, Denominator::all_members, {75, 100}, ""};
  const std::string long_name = "Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh Vĩnh Long";
  const std::string long_award = "Bằng khen của Thủ tướng Chính phủ vì thành tích xuất sắc";
  RecordContestInput c;
  c.position = 0;
  c.contest_id = "1";
  c.nominee = NomineeRow{1, NomineeKind::tap_the, long_name, "", "", long_award, "q"};
  c.rule = quorum;
  c.counts.agree = 10;
  in.contests.push_back(c);
  auto rec = compute_record(in);
  REQUIRE(rec);
  REQUIRE(rec->contests[0].outcome == ContestOutcome::quorum_not_met); // 10 of 22 present < 75 %
  const auto table = cv::record::format_result_table(*rec);
  CHECK(table.find("…") == std::string::npos);
  // Every word of the name, the award and the outcome is in the table, whole.
  for (const std::string &text : {long_name, long_award, std::string("Không đủ túc số")}) {
    std::size_t start = 0;
    while (start < text.size()) {
      const auto end = std::min(text.find(' ', start), text.size());
      const auto word = text.substr(start, end - start);
      CHECK(table.find(word) != std::string::npos);
      start = end + 1;
    }
  }
  // The outcome column holds at most 11 columns: "Không đủ" then "túc số" on the next line.
  CHECK(table.find("Không đủ túc số") == std::string::npos);
  CHECK(table.find("túc số") != std::string::npos);
  CHECK(table.find("Không đủ") != std::string::npos);
}

TEST_CASE("result table: a fraction rule is shown as the council wrote it", "[result_table]") {
  RecordInput in = meeting_input();
  in.threshold = 1;
  in.decrypting_trustees = {1};
  in.partial_seqs = {3};
  in.turnout = {18, 18, 0, 0, 0, 18, 18, 0, {}};
  for (std::uint32_t m = 1; m <= 18; ++m) in.turnout.voted.push_back(m);
  cv::record::testing::name_people(in, 1);
  const RuleProfile r23{
      "r23", "Từ 2/3 trở lên", {2, 3}, Comparison::at_least, Denominator::all_members, {0, 100}, ""};
  RecordContestInput c;
  c.position = 0;
  c.contest_id = "1";
  c.nominee = NomineeRow{1, NomineeKind::ca_nhan, "Nguyễn Văn A", "", "", "Bằng khen", "r23"};
  c.rule = r23;
  c.counts.agree = 12;
  c.counts.disagree = 6;
  in.contests.push_back(c);
  auto rec = compute_record(in);
  REQUIRE(rec);
  const auto table = cv::record::format_result_table(*rec);
  CHECK(table.find("≥ 2/3 tổng TV") != std::string::npos);
  CHECK(table.find("66,67%") != std::string::npos); // 12 of 18, rounded half up
  CHECK(table.find("Đạt") != std::string::npos);
}

TEST_CASE("the percentage of all members is rounded half up on integers, the same everywhere") {
  using cv::record::agree_basis_points;
  CHECK(agree_basis_points(20, 22) == 9091); // 90.909…
  CHECK(agree_basis_points(19, 22) == 8636); // 86.363…
  CHECK(agree_basis_points(1, 8) == 1250);   // exactly 12.5: no rounding
  CHECK(agree_basis_points(1, 16) == 625);   // 6.25
  CHECK(agree_basis_points(1, 32) == 313);   // 3.125: the half goes up
  CHECK(agree_basis_points(1, 3) == 3333);
  CHECK(agree_basis_points(2, 3) == 6667);
  CHECK(agree_basis_points(7, 7) == 10000);
  CHECK(agree_basis_points(0, 7) == 0);
  CHECK(agree_basis_points(5, 0) == 0);
  CHECK(agree_basis_points(999999, 1000000) == 10000); // 99.9999 %: rounds to 100,00%, but it decides nothing
  CHECK(cv::record::percent_text(agree_basis_points(20, 22)) == "90,91%");
  CHECK(cv::record::percent_text(agree_basis_points(1, 3)) == "33,33%");
}
