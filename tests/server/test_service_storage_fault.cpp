// E_INTERNAL (docs/wire.md §4.4 step 15): the database cannot be written — here another process
// holds its write lock past the busy timeout, as a stuck backup tool or a full disk would stop
// writes. The ballot is answered E_INTERNAL, nothing is written, and the same ballot is accepted
// once the storage works again (the retry column of docs/wire.md §9 says yes).
#include "test_service_fixture.hpp"

#include <sqlite3.h>

using namespace cv;
using namespace cv::test::service;
using protocol::ErrorCode;
using protocol::MessageType;

TEST_CASE("E_INTERNAL: a storage failure is answered, rolled back, and a retry then succeeds",
          "[service][errors]") {
  ServiceFixture f;
  f.setup();
  const auto info = f.open_poll("p", protocol::OpenPhase::room);
  const auto ballot = f.ballot(info, 5);
  const auto request = protocol::CastBallotRequest{*protocol::PollId::parse("p"), ballot}.to_json();

  sqlite3 *other = nullptr;
  REQUIRE(sqlite3_open(f.dir.database().c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const auto e =
      f.fails(MessageType::cast_ballot, f.member(5), request, ErrorCode::internal); // nothing written
  CHECK_FALSE(e.message.empty());
  REQUIRE(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(other);

  const auto before = f.written();
  (void)f.ok(MessageType::cast_ballot, f.member(5), request);
  CHECK(f.written().board_seq == before.board_seq + 1);
}
