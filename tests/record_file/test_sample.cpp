// docs/record-sample.jsonl is exactly what tools/record_synth makes from its spec, and
// councilvote-verify finds it valid; synthetic records of other shapes verify too, and their
// header is the one the server's exporter (record::export_record_file) writes for the same board.
#include "support.hpp"

#include <cstdio>
#include <sys/wait.h>

using namespace cv;

namespace {

struct Run {
  int status = -1;
  std::string out;
};

Run run_verify(const std::filesystem::path &file, const std::string &options = "") {
  const std::string cmd =
      std::string("'") + CV_VERIFY_BINARY + "' " + options + " '" + file.string() + "' 2>&1";
  Run r;
  FILE *p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string last_line(const std::string &text) {
  auto end = text.find_last_not_of('\n');
  if (end == std::string::npos) return {};
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

const std::filesystem::path kSample = std::filesystem::path(CV_DOCS_DIR) / "record-sample.jsonl";

} // namespace

TEST_CASE("docs/record-sample.jsonl is what councilvote-vectors generates, byte for byte", "[sample]") {
  const auto on_disk = test::read_bytes(kSample);
  const auto made = tools::synthesize(tools::sample_record_spec());
  // On a difference: regenerate with `councilvote-vectors docs/test-vectors` and review the diff.
  REQUIRE(made.text().size() == on_disk.size());
  CHECK(made.text() == on_disk);
  CHECK(made.fingerprint == record::record_file_fingerprint(on_disk));
  // Through record/'s writer too.
  test::ScratchDir dir;
  CHECK(tools::write_record_file(made, dir / "again.jsonl") == made.fingerprint);
  CHECK(test::read_bytes(dir / "again.jsonl") == on_disk);
  CHECK(tools::synthesize_to_file(tools::sample_record_spec(), dir / "streamed.jsonl").fingerprint ==
        made.fingerprint);
  CHECK(test::read_bytes(dir / "streamed.jsonl") == on_disk);
}

TEST_CASE("councilvote-verify finds docs/record-sample.jsonl valid and prints its fingerprint", "[sample]") {
  const auto fp = crypto::to_hex(record::record_file_fingerprint(test::read_bytes(kSample)));
  const auto r = run_verify(kSample);
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(last_line(r.out) == "RECORD VALID " + fp);
  for (const auto name : record::verify_check_names())
    if (name != "tracking_code") CHECK(r.out.find("PASS  " + std::string(name)) != std::string::npos);
  // What the sample holds (docs/record.md §5): the outcomes under the three rules and the quota.
  CHECK(r.out.find("7 of 7 members voted (6 in the room, 1 remotely)") != std::string::npos);
  CHECK(r.out.find("2 of 3 trustees") != std::string::npos);
  const auto q = run_verify(kSample, "--quiet");
  CHECK(q.status == 0);
  CHECK(q.out == "RECORD VALID " + fp + "\n");
}

TEST_CASE(
    "the sample's record: 90 % rule passed, a tie at the quota decided by the chair, collective by majority",
    "[sample]") {
  const auto rep = record::verify_record_file(kSample);
  INFO(test::report_text(rep));
  REQUIRE(rep.ok());
  REQUIRE(rep.record);
  const auto &c = rep.record->contests;
  REQUIRE(c.size() == 5);
  CHECK(c[0].rule->rule_id == "decree98-90");
  CHECK(c[0].agree == 7);
  CHECK(c[0].outcome == record::ContestOutcome::passed);
  CHECK(c[0].quota_rank == 1u);
  CHECK_FALSE(c[0].chair_decided);
  for (std::size_t i : {1u, 3u}) { // 6 agree each, tied at rank 2 for the one place left
    CHECK(c[i].rule->rule_id == "decree98-80");
    CHECK(c[i].rule_met);
    CHECK(c[i].agree == 6);
    CHECK(c[i].quota_rank == 2u);
    CHECK(c[i].chair_decided);
  }
  CHECK(c[1].outcome == record::ContestOutcome::not_passed);
  CHECK(c[3].outcome == record::ContestOutcome::passed);
  REQUIRE(rep.record->chair_decisions.size() == 1);
  CHECK(rep.record->chair_decisions[0].nominees == std::vector<std::uint32_t>{4});
  CHECK(rep.record->chair_decisions[0].member_no == 1);
  CHECK(rep.find("record.chair_decisions")->ok);
  CHECK(c[2].nominee->kind == record::NomineeKind::tap_the);
  CHECK(c[2].outcome == record::ContestOutcome::passed);
  CHECK(c[4].kind == crypto::ContestKind::general);
  CHECK(c[4].option_counts == std::vector<std::uint64_t>{3, 2, 1});
  CHECK(rep.record->turnout.ballots_remote == 1);
  CHECK(rep.record->decrypting_trustees == std::vector<std::uint32_t>{1, 3});
  CHECK(rep.record->min_ballots == 5);
  // The people the minutes name: the chair, the secretary, the trustees (members 5, 6, 7).
  REQUIRE(rep.record->members.size() == 7);
  CHECK(record::find_chair(*rep.record)->full_name == "Nguyễn Văn An");
  CHECK(rep.record->members[1].council_role == record::CouncilRole::secretary);
  REQUIRE(rep.record->trustees.size() == 3);
  CHECK(rep.record->trustees[2].member_no == 7);
}

TEST_CASE("a synthetic record file is what the exporters write for the same board", "[synth]") {
  const auto made = tools::synthesize(tools::sample_record_spec());
  record::RecordExport x;
  x.bundle = made.header.bundle;
  x.poll = made.header.poll;
  x.statement = made.statement;
  x.page = [&](std::uint64_t first) -> record::Result<std::vector<record::BoardEntry>> {
    std::vector<record::BoardEntry> page;
    for (auto seq = first; seq <= made.entries.size() && page.size() < 7; ++seq)
      page.push_back(made.entries[seq - 1]);
    return page;
  };
  test::ScratchDir dir;
  auto sum = record::export_record_file(x, dir / "exported.jsonl", false);
  REQUIRE(sum);
  CHECK(sum->fingerprint == made.fingerprint);
  CHECK(sum->entries == made.entries.size());
  CHECK(test::read_bytes(dir / "exported.jsonl") == made.text());
  auto bytes = record::export_record_bytes(x);
  REQUIRE(bytes);
  CHECK(*bytes == made.text());
  // And verified from memory as from the file.
  const auto rep = record::verify_record_bytes(*bytes);
  CHECK(rep.ok());
  CHECK(rep.fingerprint == made.fingerprint);
}

TEST_CASE("synthetic records of other shapes verify, and do not depend on the number of threads", "[synth]") {
  tools::SynthSpec s;
  s.seed_label = "record file tests: 12 x 9";
  s.members = 12;
  s.nominee_count = 9;
  s.questions.push_back({"q", "Câu hỏi chung", {"A", "B", "C", "D"}, 1, 2});
  s.trustees = 5;
  s.threshold = 3;
  s.remote = {4};
  s.absent = {9, 10};
  s.unknown = {11};
  s.min_ballots = 6;
  const auto one = tools::synthesize(s);
  s.threads = 2;
  const auto two = tools::synthesize(s);
  CHECK(one.text() == two.text());
  const auto rep = test::verify(one);
  INFO(test::report_text(rep));
  CHECK(rep.ok());
  CHECK(rep.fingerprint == one.fingerprint);
  CHECK(rep.ballots == 9); // 12 members, 2 absent and 1 not marked do not vote
  REQUIRE(rep.record);
  CHECK(rep.record->turnout.absent == 2);
  CHECK(rep.record->turnout.unknown == 1);
  CHECK(rep.record->contests[0].not_voted == 3);
  CHECK(rep.record->decrypting_trustees == std::vector<std::uint32_t>{1, 2, 5});
  CHECK(rep.record->contests.back().option_counts.size() == 4);
}
