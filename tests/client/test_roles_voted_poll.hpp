// A poll that has been voted on, tallied, decrypted and published, on a test board: 3 trustees
// (2-of-3) from a direct ceremony, every member votes, trustees 1 and 3 decrypt through
// make_partial_decryption, and the record is built with protocol::compute_record.
#pragma once

#include "../record/people.hpp"
#include "councilvote/client/roles/member.hpp"
#include "councilvote/client/roles/trustee.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record.hpp"
#include "test_roles_relay.hpp"

// The test meetings' minimum of ballots (the bundle's min_ballots): a VotedPoll has 4 by default.
inline constexpr std::uint32_t kTestMinBallots = 2;

namespace cv::test {

struct VotedPoll {
  protocol::MeetingId meeting = meeting_id();
  DirectCeremony ceremony = direct_ceremony(meeting, 3, 2);
  TestPoll poll;
  TestBoard board;
  protocol::TallyStatus status;
  std::vector<std::array<std::uint64_t, 3>> expected; // agree, disagree, blank per contest
  std::vector<protocol::ByteArray<32>> tracking_codes;
  std::uint64_t attendance_seq = 0;
  // After publish():
  std::string record;
  protocol::RecordStatement statement;
  crypto::SigningKey server = crypto::SigningKey::generate();

  explicit VotedPoll(std::size_t members = 4, std::uint32_t nominees = 3) {
    poll = make_poll(meeting, ceremony.result, members, nominees);
    // The ceremony and other meeting-wide entries come first on a real board.
    for (const auto &c : poll.info.definition.ceremony.commitments)
      board.append(protocol::BoardEntryKind::commitments, std::nullopt, c);
    poll.info.manifest_seq =
        board.append_text(protocol::BoardEntryKind::manifest, protocol::poll_of(poll.info.definition),
                          protocol::to_json(protocol::write_members(poll.info.definition)));
    const char *patterns[] = {"agree,agree,disagree", "agree,blank,disagree", "disagree,agree,agree",
                              "agree,agree,blank"};
    expected.assign(nominees, {0, 0, 0});
    std::vector<crypto::Ballot> ballots;
    for (std::size_t m = 0; m < members; ++m) {
      auto choices =
          must(client::roles::parse_member_choices(poll.info.definition.manifest, patterns[m % 4]));
      for (std::size_t c = 0; c < nominees; ++c) ++expected[c][static_cast<std::size_t>(choices[c].choice)];
      auto b = must(client::roles::build_ballot(meeting, poll.info, poll.members[m], choices));
      board.append(protocol::BoardEntryKind::ballot, protocol::poll_of(poll.info.definition), b.ballot);
      tracking_codes.push_back(b.tracking_code);
      ballots.push_back(must(crypto::decode_ballot(b.ballot)));
    }
    protocol::FrozenAttendance attendance{poll.info.definition.poll, {}};
    for (std::uint32_t m = 1; m <= members; ++m)
      attendance.members.push_back({m, protocol::Attendance::present});
    attendance_seq =
        board.append_text(protocol::BoardEntryKind::attendance, protocol::poll_of(poll.info.definition),
                          protocol::to_json(protocol::write_members(attendance)));
    const auto ctx = must(protocol::verified_context(poll.info.definition, meeting));
    const auto tally = must(crypto::tally_ballots(ctx, ballots));
    status.tally = {poll.info.definition.poll, tally.poll_context, tally.ballots, tally.totals};
    status.threshold = 2;
    status.tally_seq =
        board.append_text(protocol::BoardEntryKind::tally, protocol::poll_of(poll.info.definition),
                          protocol::to_json(protocol::write_members(status.tally)));
  }

  client::roles::TrusteeShareFile share(std::size_t i) const {
    return share_file(meeting, ceremony.result, ceremony.shares[i]);
  }

  // Trustees 1 and 3 decrypt; the server publishes the record (with `adjust` applied to its input,
  // to make a dishonest record) and signs the statement.
  template <class Adjust> void publish(Adjust adjust) {
    protocol::RecordInput in;
    in.meeting = {meeting.str(), "Hội đồng Thi đua - Khen thưởng", "Phiên 1", "2025-06-15", "Vĩnh Long"};
    in.poll = poll.info.definition.poll;
    in.title = poll.info.definition.title;
    in.poll_context = poll.info.definition.context_hash;
    in.tally_context = status.tally.encrypted_tally().context();
    in.manifest_seq = poll.info.manifest_seq;
    in.tally_seq = status.tally_seq;
    in.attendance_seq = attendance_seq;
    in.min_ballots = kTestMinBallots;
    in.threshold = 2;
    for (std::size_t i : {0u, 2u}) {
      auto req = must(client::roles::make_partial_decryption(meeting, poll.info, board.entries, status,
                                                             share(i), kTestMinBallots));
      in.decrypting_trustees.push_back(static_cast<std::uint32_t>(i + 1));
      in.partial_seqs.push_back(board.append(protocol::BoardEntryKind::partial_decryption,
                                             protocol::poll_of(poll.info.definition), req.partial));
    }
    const auto members = static_cast<std::uint32_t>(poll.members.size());
    in.turnout = {members, members, 0, 0, 0, members, members, 0, {}};
    for (std::uint32_t m = 1; m <= members; ++m) in.turnout.voted.push_back(m);
    cv::record::testing::name_people(in, 3);
    const protocol::RuleProfile rule{
        "decree98-90", "90%", {90, 100}, protocol::Comparison::at_least, protocol::Denominator::all_members,
        {0, 100},      ""};
    for (std::size_t c = 0; c < expected.size(); ++c) {
      protocol::RecordContestInput x;
      x.position = static_cast<std::uint32_t>(c);
      x.contest_id = poll.info.definition.manifest.contests[c].id;
      x.nominee = poll.info.definition.display[c].nominee;
      x.rule = rule;
      x.counts.agree = expected[c][0];
      x.counts.disagree = expected[c][1];
      x.counts.blank = expected[c][2];
      in.contests.push_back(x);
    }
    in.closed_at = "2025-06-15T08:30:00.000Z";
    adjust(in);
    record = protocol::encode_record(must(protocol::compute_record(in)));
    const auto seq =
        board.append_text(protocol::BoardEntryKind::result, protocol::poll_of(poll.info.definition), record);
    sign(seq);
  }
  void publish() {
    publish([](protocol::RecordInput &) {});
  }

  void sign(std::uint64_t result_seq) {
    statement = {meeting.str(),
                 poll.info.definition.poll,
                 protocol::record_digest(record),
                 result_seq,
                 board.entries[result_seq - 1].hash,
                 1750000100000,
                 {}};
    protocol::sign_record_statement(statement, server);
  }
};

} // namespace cv::test
