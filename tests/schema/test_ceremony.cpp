#include "councilvote/crypto/threshold.hpp"
#include "support.hpp"

using namespace cv::schema;
using namespace cv::schema::test;

TEST_CASE("a ceremony stores its trustees and the context crypto computes for them", "[ceremony]") {
  Council c;
  auto no = setup_ceremony(c.store, false);
  auto k = value_of(c.store.ceremony(no));
  CHECK(k.threshold == 2);
  CHECK(k.state == CeremonyState::collecting);
  CHECK_FALSE(k.joint_key);
  REQUIRE(k.trustees.size() == 3);
  CHECK(k.trustees[2].member_no == 3);
  cv::crypto::CeremonyParams params{"VL-2025-2", 2, {}};
  for (const auto &t : k.trustees) params.trustees.push_back({t.index, t.box_public_key});
  CHECK(k.context == cv::crypto::ceremony_context(params));
  CHECK_ERRC(c.store.ceremony(no + 1), Errc::not_found);
}

TEST_CASE("a ceremony with bad parameters, or beside a live one, is refused", "[ceremony]") {
  Council c;
  RawDb raw(c.path);
  auto before = raw.content();
  const std::vector<Trustee> two{{1, 1, bytes32("a")}, {2, 2, bytes32("b")}};
  CHECK_ERRC(c.store.create_ceremony("secretary", 3, two), Errc::invalid_argument); // t > n
  CHECK_ERRC(c.store.create_ceremony("secretary", 0, two), Errc::invalid_argument);
  const std::vector<Trustee> gap{{1, 1, bytes32("a")}, {3, 2, bytes32("b")}};
  CHECK_ERRC(c.store.create_ceremony("secretary", 1, gap), Errc::invalid_argument);
  const std::vector<Trustee> stranger{{1, 1, bytes32("a")}, {2, 99, bytes32("b")}};
  CHECK_ERRC(c.store.create_ceremony("secretary", 1, stranger), Errc::not_found);
  const std::vector<Trustee> same_member{{1, 1, bytes32("a")}, {2, 1, bytes32("b")}};
  CHECK_ERRC(c.store.create_ceremony("secretary", 1, same_member), Errc::conflict);
  CHECK(raw.content() == before);

  auto first = setup_ceremony(c.store, false);
  before = raw.content();
  CHECK_ERRC(c.store.create_ceremony("secretary", 1, two), Errc::conflict); // one live ceremony at a time
  CHECK(raw.content() == before);
  value_of(c.store.fail_ceremony("secretary", first, "trustee 2 complained about trustee 1"));
  CHECK(value_of(c.store.ceremony(first)).state == CeremonyState::failed);
  CHECK_ERRC(c.store.complete_ceremony("secretary", first, bytes32("K")), Errc::invalid_state);
  auto second = value_of(c.store.create_ceremony("secretary", 1, two));
  CHECK(second == first + 1);
}

TEST_CASE("ceremony messages: posted on the board, once each, while collecting", "[ceremony]") {
  Council c;
  auto no = setup_ceremony(c.store, false);
  using K = CeremonyMessageKind;
  auto r1 =
      value_of(c.store.add_ceremony_message("trustee:1", {no, K::commitments, 1, std::nullopt, {1, 2, 3}}));
  auto r2 = value_of(c.store.add_ceremony_message("trustee:1", {no, K::share, 1, 2, {4, 5}}));
  value_of(c.store.add_ceremony_message("trustee:2", {no, K::complaint, 2, 1, {6}}));
  CHECK(r2.seq == r1.seq + 1);

  RawDb raw(c.path);
  const auto before = raw.content();
  CHECK_ERRC(c.store.add_ceremony_message("trustee:1", {no, K::commitments, 1, std::nullopt, {9}}),
             Errc::conflict);
  CHECK_ERRC(c.store.add_ceremony_message("trustee:1", {no, K::share, 1, std::nullopt, {9}}),
             Errc::invalid_argument); // a share needs its recipient
  CHECK_ERRC(c.store.add_ceremony_message("trustee:1", {no, K::share, 1, 1, {9}}), Errc::invalid_argument);
  CHECK_ERRC(c.store.add_ceremony_message("trustee:4", {no, K::commitments, 4, std::nullopt, {9}}),
             Errc::not_found);
  CHECK_ERRC(c.store.add_ceremony_message("trustee:1", {no + 1, K::commitments, 1, std::nullopt, {9}}),
             Errc::not_found);
  CHECK(raw.content() == before);

  auto messages = value_of(c.store.ceremony_messages(no));
  REQUIRE(messages.size() == 3);
  CHECK(messages[1].message.kind == K::share);
  CHECK(messages[1].message.to == 2u);
  CHECK(messages[1].message.payload == cv::crypto::Bytes{4, 5});
  CHECK(messages[1].entry.seq == r2.seq);
  CHECK(messages[1].entry.entry_hash == r2.entry_hash);
  auto board = value_of(c.store.board(1, 10));
  REQUIRE(board.size() == 3);
  CHECK(board[0].kind == BoardKind::commitments);
  CHECK(board[2].kind == BoardKind::complaint);
  CHECK(board[0].poll_id.empty());

  value_of(c.store.complete_ceremony("secretary", no, bytes32("K")));
  CHECK(value_of(c.store.ceremony(no)).joint_key == bytes32("K"));
  CHECK_ERRC(c.store.add_ceremony_message("trustee:3", {no, K::commitments, 3, std::nullopt, {9}}),
             Errc::invalid_state);
  CHECK_ERRC(c.store.fail_ceremony("secretary", no, "late"), Errc::invalid_state);
}
