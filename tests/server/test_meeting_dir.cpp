// The meeting directory of `councilvote-server init`: the rule profiles it stores are data/rules.csv
// (compiled in), and its files are written atomically with their exact modes.
#include "councilvote/protocol/csv.hpp"
#include "councilvote/schema/store.hpp"
#include "councilvote/server/meeting_dir.hpp"

#include <QTemporaryDir>
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>

using namespace cv;

TEST_CASE("meeting dir: the shipped rule profiles are the bytes and rows of data/rules.csv",
          "[meeting_dir]") {
  const std::filesystem::path csv = std::filesystem::path(CV_DATA_DIR) / "rules.csv";
  auto bytes = protocol::read_text_file(csv);
  REQUIRE(bytes);
  CHECK(server::shipped_rules_csv() == *bytes);
  auto shipped = server::shipped_rule_profiles();
  REQUIRE(shipped);
  auto from_file = protocol::read_rules_csv(csv);
  REQUIRE(from_file);
  REQUIRE(shipped->size() == from_file->size());
  CHECK(*shipped == *from_file);
  CHECK(shipped->front().rule_id == "decree98-90");
}

TEST_CASE("meeting dir: init stores the shipped profiles and writes each file with its exact mode",
          "[meeting_dir]") {
  QTemporaryDir tmp;
  REQUIRE(tmp.isValid());
  const server::MeetingDir dir{std::filesystem::path(tmp.path().toStdString()) / "m"};
  server::InitParams params;
  params.meeting = {"vinhlong-2025-06", "Hội đồng", "Phiên họp", "2025-06-15", "Hội trường"};
  params.secretary_keys = {crypto::SigningKey::generate().public_key};
  params.address = protocol::ServerAddress::parse("127.0.0.1:8443").value();
  const mode_t old_umask = ::umask(077); // the modes must not depend on the umask
  auto made = server::init_meeting_dir(dir, params);
  ::umask(old_umask);
  REQUIRE(made);

  auto store = schema::Store::open(dir.database());
  REQUIRE(store);
  auto rules = store->rules();
  REQUIRE(rules);
  auto shipped = server::shipped_rule_profiles();
  REQUIRE(shipped);
  REQUIRE(rules->size() == shipped->size());
  for (const auto &s : *shipped) {
    const auto r =
        std::find_if(rules->begin(), rules->end(), [&](const auto &x) { return x.rule_id == s.rule_id; });
    REQUIRE(r != rules->end());
    CHECK(r->label == s.label);
    CHECK(r->threshold_num == static_cast<std::int64_t>(s.threshold.num));
    CHECK(r->threshold_den == static_cast<std::int64_t>(s.threshold.den));
    CHECK(r->comparison == (s.comparison == protocol::Comparison::at_least ? "at_least" : "more_than"));
    CHECK(r->denominator == "all_members");
    CHECK(r->source == s.source);
    CHECK(r->quorum_num == 0);
  }

  using P = std::filesystem::perms;
  const P owner = P::owner_read | P::owner_write;
  CHECK(std::filesystem::status(dir.signing_key()).permissions() == owner);
  CHECK(std::filesystem::status(dir.tls_key()).permissions() == owner);
  for (const auto &p : {dir.tls_certificate(), dir.bundle_json(), dir.bundle_compact()})
    CHECK(std::filesystem::status(p).permissions() == (owner | P::group_read | P::others_read));
  for (const auto &e : std::filesystem::directory_iterator(dir.root)) // no temporary file is left
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}
