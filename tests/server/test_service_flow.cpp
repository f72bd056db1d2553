// MeetingService: a whole meeting through MeetingService::handle, from the roster to the record.
#include "councilvote/protocol/json.hpp"
#include "councilvote/protocol/record.hpp"
#include "test_service_fixture.hpp"

#include <QFile>
#include <algorithm>

using namespace cv;
using namespace cv::test::service;
using protocol::MessageType;

namespace {

protocol::Receipt receipt_of(const QJsonObject &body) {
  auto r = protocol::CastBallotResponse::from_json(body);
  REQUIRE(r);
  return r->receipt;
}

} // namespace

TEST_CASE("a meeting from roster to published record", "[service]") {
  ServiceFixture f;
  f.setup();
  CHECK(f.service->roles_of(f.secretary.public_key).has(protocol::Role::secretary));
  CHECK(f.service->roles_of(f.member(2).public_key).has(protocol::Role::trustee));
  CHECK(f.service->roles_of(f.member(2).public_key).has(protocol::Role::member));
  CHECK_FALSE(f.service->roles_of(f.member(5).public_key).has(protocol::Role::trustee));
  CHECK(f.service->roles_of(f.stranger.public_key).empty());

  // Open for the remote members first.
  auto info = f.open_poll("poll-1", protocol::OpenPhase::remote);
  CHECK(info.status == protocol::PollStatus::open_remote);
  CHECK(info.remote_opened_at_ms);
  CHECK(info.definition.roster.size() == kMembers);
  CHECK(info.definition.manifest.disagree_weight == kMembers + 1);
  const auto ctx = f.context_of(info);
  REQUIRE(ctx.manifest.contests.size() == 5);
  CHECK(ctx.manifest.contests[0].options == 2);

  // get_poll answers the same definition to anyone.
  auto got = protocol::PollInfo::from_json(f.ok(MessageType::get_poll, f.stranger, poll_ref("poll-1")));
  REQUIRE(got);
  CHECK(got->definition == info.definition);
  CHECK(got->manifest_seq == info.manifest_seq);

  // Remote ballots: 19 agrees everywhere, 20 disagrees with nominee 1 and picks options 1 and 2.
  const auto b19 = f.ballot(info, 19);
  const auto r19 = receipt_of(f.cast("poll-1", 19, b19));
  CHECK(protocol::verify_receipt(r19, f.service->server_key()));
  crypto::Ballot decoded19 = crypto::decode_ballot(b19).value();
  CHECK(r19.tracking_code == decoded19.tracking_code());
  // An identical retry gets the identical receipt and writes nothing.
  {
    const auto before = f.written();
    CHECK(receipt_of(f.cast("poll-1", 19, b19)) == r19);
    CHECK(f.written() == before);
  }
  using S = crypto::ContestSelection;
  (void)f.cast("poll-1", 20,
               f.ballot(info, 20, {S::disagree(), S::agree(), S::blank(), S::agree(), S{{1, 2}}}));

  // The room opens; present members 1..15 vote (5 disagrees with nominee 2).
  auto room = protocol::PollInfo::from_json(f.ok(MessageType::open_room, f.secretary, poll_ref("poll-1")));
  REQUIRE(room);
  CHECK(room->status == protocol::PollStatus::open);
  for (std::uint32_t m = 1; m <= 15; ++m) {
    if (m == 5)
      (void)f.cast("poll-1", m,
                   f.ballot(info, m, {S::agree(), S::disagree(), S::agree(), S::blank(), S{{2}}}));
    else
      (void)f.cast("poll-1", m, f.ballot(info, m));
  }
  auto turnout =
      protocol::TurnoutInfo::from_json(f.ok(MessageType::turnout, f.secretary, poll_ref("poll-1")));
  REQUIRE(turnout);
  CHECK(turnout->ballots == 17);
  CHECK(turnout->members == kMembers);
  CHECK(turnout->present == 18);
  CHECK(turnout->remote == 2);
  CHECK(turnout->voted.size() == 17);
  CHECK(std::ranges::is_sorted(turnout->voted));

  // The tracking code is on the board.
  auto found = protocol::LookupTrackingCodeResponse::from_json(
      f.ok(MessageType::lookup_tracking_code, f.stranger,
           protocol::LookupTrackingCodeRequest{protocol::PollId::parse("poll-1").value(), r19.tracking_code}
               .to_json()));
  REQUIRE(found);
  CHECK(found->board_seq == r19.board_seq);
  CHECK(found->entry_hash == r19.board_head);

  // Close: a signed checkpoint of the head, and a push.
  auto closed_out = f.call(MessageType::close_poll, f.secretary, poll_ref("poll-1"));
  REQUIRE(closed_out);
  REQUIRE(closed_out->pushes.size() == 1);
  CHECK(closed_out->pushes[0].type == protocol::PushType::poll_closed);
  auto closed = protocol::ClosePollResponse::from_json(closed_out->body);
  REQUIRE(closed);
  CHECK(closed->ballots == 17);
  CHECK(protocol::verify_checkpoint(closed->checkpoint, f.service->server_key()));
  CHECK(closed->checkpoint.board_seq == f.written().board_seq);

  // Tally (idempotent), then two trustees decrypt.
  auto tally =
      protocol::TallyStatus::from_json(f.ok(MessageType::start_tally, f.secretary, poll_ref("poll-1")));
  REQUIRE(tally);
  CHECK(tally->tally.ballots == 17);
  CHECK(tally->threshold == 2);
  CHECK(tally->partials.empty());
  auto again =
      protocol::TallyStatus::from_json(f.ok(MessageType::start_tally, f.secretary, poll_ref("poll-1")));
  REQUIRE(again);
  CHECK(*again == *tally);
  auto seen = protocol::TallyStatus::from_json(f.ok(MessageType::get_tally, f.member(1), poll_ref("poll-1")));
  REQUIRE(seen);
  CHECK(*seen == *tally);

  // The trustees recompute the tally from the board's ballots before decrypting.
  auto board = protocol::GetBoardResponse::from_json(
      f.ok(MessageType::get_board, f.stranger, protocol::GetBoardRequest{1, 1000}.to_json()));
  REQUIRE(board);
  CHECK(protocol::verify_board_chain(board->entries, 0, {}));
  CHECK(protocol::verify_checkpoint(board->checkpoint, f.service->server_key()));
  std::vector<crypto::Ballot> from_board;
  for (const auto &e : board->entries)
    if (e.kind == protocol::BoardEntryKind::ballot)
      from_board.push_back(crypto::decode_ballot(e.payload).value());
  auto recomputed = crypto::tally_ballots(ctx, from_board);
  REQUIRE(recomputed);
  CHECK(recomputed->totals == tally->tally.totals);
  const auto tally_context = tally->tally.encrypted_tally().context();

  for (std::size_t i : {std::size_t{0}, std::size_t{2}}) {
    const auto &t = f.trustees[i];
    auto partial = crypto::partial_decrypt(t.share, tally_context, tally->tally.totals, f.rng);
    auto req = protocol::PostPartialDecryptionRequest::of(protocol::PollId::parse("poll-1").value(),
                                                          tally_context, partial);
    auto resp = protocol::PostPartialDecryptionResponse::from_json(
        f.ok(MessageType::post_partial_decryption, f.member(t.member_no), req.to_json()));
    REQUIRE(resp);
    CHECK(resp->trustee == t.index);
    CHECK(std::ranges::find(resp->accepted, t.index) != resp->accepted.end());
    // An identical repost is answered again and writes nothing.
    const auto before = f.written();
    (void)f.ok(MessageType::post_partial_decryption, f.member(t.member_no), req.to_json());
    CHECK(f.written() == before);
  }

  // Publish: the record's digest is the signed one.
  auto published = f.call(MessageType::publish_record, f.secretary, poll_ref("poll-1"));
  if (!published) FAIL(published.error().message);
  REQUIRE(published->pushes.size() == 1);
  CHECK(published->pushes[0].type == protocol::PushType::result_published);
  auto record = protocol::GetRecordResponse::from_json(published->body);
  REQUIRE(record);
  CHECK(record->verify(f.service->server_key()));
  CHECK(record->statement.record_digest == protocol::record_digest(record->record));
  auto fetched =
      protocol::GetRecordResponse::from_json(f.ok(MessageType::get_record, f.stranger, poll_ref("poll-1")));
  REQUIRE(fetched);
  CHECK(*fetched == *record);

  auto parsed = protocol::decode_record(record->record);
  REQUIRE(parsed);
  REQUIRE(parsed->contests.size() == 5);
  CHECK(parsed->contests[0].agree == 16);
  CHECK(parsed->contests[0].disagree == 1);
  CHECK(parsed->contests[1].agree == 16);
  CHECK(parsed->contests[1].disagree == 1);
  CHECK(parsed->contests[2].blank == 1);
  CHECK(parsed->contests[4].option_counts == std::vector<std::uint64_t>{15, 1, 2});
  CHECK(parsed->turnout.ballots == 17);
  CHECK(parsed->decrypting_trustees == std::vector<std::uint32_t>{1, 3});

  auto final_info =
      protocol::PollInfo::from_json(f.ok(MessageType::get_poll, f.stranger, poll_ref("poll-1")));
  REQUIRE(final_info);
  CHECK(final_info->status == protocol::PollStatus::published);
  CHECK(final_info->tallied_at_ms);
  CHECK(final_info->published_at_ms);
  auto check = f.inspect->verify_board();
  REQUIRE(check);
  CHECK(check->ok());
}

TEST_CASE("the service reopens a meeting directory and refuses a loose key file", "[service]") {
  ServiceFixture f;
  f.import_roster();
  f.service.reset();
  auto reopened = server::MeetingService::open(f.dir);
  REQUIRE(reopened);
  CHECK((*reopened)->meeting_id().str() == kMeeting);
  reopened->reset();
  std::filesystem::permissions(f.dir.signing_key(), std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  CHECK_FALSE(server::load_server_signing_key(f.dir));
  CHECK_FALSE(server::MeetingService::open(f.dir));
}

TEST_CASE("init refuses a non-empty directory and leaves it as it was", "[service]") {
  ServiceFixture f;
  server::InitParams params;
  params.meeting = {kMeeting, "Hội đồng", "Phiên họp", "2025-06-15", "Hội trường"};
  params.secretary_keys = {f.secretary.public_key};
  params.address = protocol::ServerAddress::parse("127.0.0.1:8443").value();
  CHECK_FALSE(server::init_meeting_dir(f.dir, params));
  CHECK(std::filesystem::exists(f.dir.database()));
  // A bad meeting id: nothing is created.
  params.meeting.meeting_id = "no spaces allowed";
  const server::MeetingDir other{f.root / "other"};
  CHECK_FALSE(server::init_meeting_dir(other, params));
  CHECK_FALSE(std::filesystem::exists(other.root));
  // The files of a good one.
  params.meeting.meeting_id = kMeeting;
  auto made = server::init_meeting_dir(other, params);
  REQUIRE(made);
  using P = std::filesystem::perms;
  CHECK((std::filesystem::status(other.signing_key()).permissions() & (P::group_all | P::others_all)) ==
        P::none);
  CHECK((std::filesystem::status(other.tls_key()).permissions() & (P::group_all | P::others_all)) == P::none);
  auto key = server::load_server_signing_key(other);
  REQUIRE(key);
  CHECK(key->public_key == made->server_key);
  QFile json(QString::fromStdString(other.bundle_json().string()));
  REQUIRE(json.open(QIODevice::ReadOnly));
  const QByteArray data = json.readAll();
  const std::string text(data.constData(), static_cast<std::size_t>(data.size()));
  auto bundle = protocol::decode_bundle(text);
  REQUIRE(bundle);
  CHECK(*bundle == made->bundle);
  CHECK(protocol::bundle_code(*bundle) == made->bundle_code);
}
