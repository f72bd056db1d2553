// A small meeting on the real server for the integration tests: the 22 members of data/roster.csv,
// the first nominees of data/nominees.csv, the rules, everyone present, a 2-of-3 key ceremony
// (trustees 5, 6, 7; or none, for a test that runs its own).
#pragma once

#include "councilvote/client/roles/secretary.hpp"
#include "harness.hpp"

#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

namespace cvtest {

using namespace cv;

inline tools::HarnessOptions harness_options(const QTemporaryDir &dir) {
  tools::HarnessOptions o;
  o.meeting_dir = std::filesystem::path(dir.path().toStdString()) / "meeting";
  o.server_binary = CV_SERVER_BINARY;
  return o;
}

// Starts the server and loads the meeting; `nominees` of the sample's nominees become contests, with
// the award quotas given.
inline void load_small_meeting(tools::MeetingHarness &h, std::size_t nominees,
                               const std::vector<protocol::SetAwardQuotaRequest> &quotas = {},
                               bool key_ceremony = true) {
  const std::filesystem::path data = CV_DATA_DIR;
  auto rules = client::roles::read_rules_csv(data / "rules.csv");
  auto roster = client::roles::read_roster_csv(data / "roster.csv");
  auto all = client::roles::read_nominees_csv(data / "nominees.csv");
  REQUIRE(rules);
  REQUIRE(roster);
  REQUIRE(all);
  auto first = all->nominees;
  first.nominees.resize(nominees);
  auto started = h.start_server();
  INFO((started ? "" : started.error().message));
  REQUIRE(started);
  auto loaded = h.load_meeting(*rules, *roster, first, quotas);
  INFO((loaded ? "" : loaded.error().message));
  REQUIRE(loaded);
  std::map<std::uint32_t, protocol::Attendance> present;
  for (auto no : h.member_numbers()) present[no] = protocol::Attendance::present;
  REQUIRE(h.set_attendance(present));
  if (!key_ceremony) return; // the test runs its own
  auto k = h.run_key_ceremony({5, 6, 7}, 2);
  INFO((k ? "" : k.error().message));
  REQUIRE(k);
}

inline protocol::PollInfo open_room_poll(tools::MeetingHarness &h, const protocol::PollId &poll,
                                         std::size_t nominees) {
  auto all = client::roles::read_nominees_csv(std::filesystem::path(CV_DATA_DIR) / "nominees.csv");
  REQUIRE(all);
  auto rows = all->nominees.nominees;
  rows.resize(nominees);
  auto req =
      client::roles::make_open_poll_request(poll.str(), "Integration poll", rows, protocol::OpenPhase::room);
  REQUIRE(req);
  auto info = h.secretary().open_poll(*req);
  INFO((info ? "" : info.error().message));
  REQUIRE(info);
  return *info;
}

// The end of a poll: the secretary closes it and starts the tally, two trustees decrypt, and the
// record is published; its answer (the record file's bytes and the signed statement).
inline protocol::ResponseBody<protocol::MessageType::publish_record>
close_count_publish(tools::MeetingHarness &h, const protocol::PollId &poll, std::uint32_t trustee_a = 5,
                    std::uint32_t trustee_b = 6) {
  REQUIRE(h.secretary().close_poll(poll));
  REQUIRE(h.secretary().start_tally(poll));
  REQUIRE(h.decrypt(trustee_a, poll));
  REQUIRE(h.decrypt(trustee_b, poll));
  auto published = h.secretary().publish_record(poll);
  INFO((published ? "" : published.error().message));
  REQUIRE(published);
  return *published;
}

// The number of board entries, as the signed checkpoint says (to show that nothing was written).
inline std::uint64_t board_seq(tools::MeetingHarness &h) {
  auto b = h.secretary().get_board(1, 1);
  REQUIRE(b);
  return b->checkpoint.board_seq;
}

// The error code of a result that must have failed.
template <class R> protocol::ErrorCode code_of(const R &r) {
  REQUIRE_FALSE(r);
  return r.error().code;
}

} // namespace cvtest
