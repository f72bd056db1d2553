#include "councilvote/crypto/hash.hpp"
#include "support.hpp"

using namespace cv::schema;
using namespace cv::schema::test;

namespace {

// A board of 6 entries: 3 ceremony messages, a manifest, 2 ballots.
struct Board : Council {
  Board() {
    auto no = setup_ceremony(store, false);
    for (std::uint32_t i = 1; i <= 3; ++i)
      value_of(
          store.add_ceremony_message("t", {no, CeremonyMessageKind::commitments, i, std::nullopt, {1, 2}}));
    value_of(store.complete_ceremony("s", no, bytes32("K")));
    setup_poll(store, "P", 2, PollState::open);
    value_of(store.publish("s", BoardKind::manifest, "P", cv::crypto::as_bytes("manifest")));
    for (std::int64_t m : {4, 5})
      value_of(store.append_ballot("m", {"P", member_key(m), bytes32("t" + std::to_string(m)),
                                         cv::crypto::as_bytes("ballot"), Channel::in_room}));
  }
};

} // namespace

TEST_CASE("every board entry hashes and links as docs/storage.md defines", "[board]") {
  Board b;
  auto entries = value_of(b.store.board(1, 100));
  REQUIRE(entries.size() == 6);
  cv::crypto::ByteArray<32> prev{};
  for (const auto &e : entries) {
    cv::crypto::ByteWriter w; // u64(seq) = two u32 halves, low first
    w.u32(static_cast<std::uint32_t>(e.seq));
    w.u32(static_cast<std::uint32_t>(e.seq >> 32));
    auto expected = cv::crypto::Transcript("CV/board-entry")
                        .fixed(w.bytes())
                        .str(to_string(e.kind))
                        .str(e.poll_id)
                        .str(e.created_at)
                        .var(e.payload)
                        .fixed(prev)
                        .digest32();
    CHECK(e.prev == prev);
    CHECK(e.hash == expected);
    prev = e.hash;
  }
  CHECK(entries[3].kind == BoardKind::manifest);
  CHECK(entries[5].kind == BoardKind::ballot);
  auto check = value_of(b.store.verify_board());
  CHECK(check.ok());
  CHECK(check.entries == 6);
  CHECK(check.head == prev);
  CHECK(value_of(b.store.board(5, 100)).size() == 2);
  CHECK(value_of(b.store.board(2, 3)).front().seq == 2);
}

TEST_CASE("board entry hash: a fixed entry and its published value", "[board]") {
  // The value in docs/storage.md, computed independently (Python hashlib) over
  // "CouncilVote/1" || var("CV/board-entry") || u64(1) || str("ballot") || str("P") ||
  // str("2025-12-15T08:00:00.000Z") || var("x") || 32 zero bytes, BLAKE2b-512, first 32 bytes.
  auto h = board_entry_hash(1, "ballot", "P", "2025-12-15T08:00:00.000Z", cv::crypto::as_bytes("x"),
                            cv::crypto::ByteArray<32>{});
  CHECK(cv::crypto::to_hex(h) == "0895c72626a7edc8da52a1655307610c3836f637cc43af6c61c12fa92b902852");
}

TEST_CASE("an empty board verifies", "[board]") {
  Council c;
  auto check = value_of(c.store.verify_board());
  CHECK(check.ok());
  CHECK(check.entries == 0);
  CHECK(check.head == cv::crypto::ByteArray<32>{});
}

TEST_CASE("evidence tables refuse UPDATE and DELETE", "[board]") {
  Board b;
  setup_poll(b.store, "Z", 1, PollState::closed);
  value_of(
      b.store.record_results("s", "Z", std::vector<ContestTally>{{0, 0, 0, 0, 22, Outcome::not_passed}}));
  value_of(b.store.add_partial_decryption("t", "Z", 1, cv::crypto::as_bytes("pd")));
  RawDb raw(b.path);
  const auto before = raw.content();
  for (std::string table :
       {"board", "ballots", "ceremony_messages", "partial_decryptions", "results", "audit_log"}) {
    INFO(table);
    CHECK(raw.exec("UPDATE " + table + " SET rowid = rowid") == SQLITE_CONSTRAINT_TRIGGER);
    CHECK(raw.message() == table + " is append-only");
    CHECK(raw.exec("DELETE FROM " + table) == SQLITE_CONSTRAINT_TRIGGER);
  }
  CHECK(raw.content() == before);
}

TEST_CASE("a raw insert that does not extend the chain is refused", "[board]") {
  Board b;
  RawDb raw(b.path);
  const auto before = raw.content();
  CHECK(raw.exec("INSERT INTO board VALUES (8, 'tally', NULL, 't', x'', (SELECT entry_hash FROM board WHERE "
                 "seq = 6),"
                 " zeroblob(32))") == SQLITE_CONSTRAINT_TRIGGER); // skips 7
  CHECK(raw.exec("INSERT INTO board VALUES (7, 'tally', NULL, 't', x'', zeroblob(32), zeroblob(32))") ==
        SQLITE_CONSTRAINT_TRIGGER); // wrong link
  CHECK(raw.message() == "board entry does not extend the chain");
  CHECK(raw.content() == before);
}

TEST_CASE("publish takes only manifests, tallies and results", "[board]") {
  Board b;
  RawDb raw(b.path);
  const auto before = raw.content();
  CHECK_ERRC(b.store.publish("s", BoardKind::ballot, "P", cv::crypto::as_bytes("x")), Errc::invalid_argument);
  CHECK_ERRC(b.store.publish("s", BoardKind::share, "", cv::crypto::as_bytes("x")), Errc::invalid_argument);
  CHECK_ERRC(b.store.publish("s", BoardKind::result, "nope", cv::crypto::as_bytes("x")), Errc::not_found);
  CHECK(raw.content() == before);
  value_of(b.store.publish("s", BoardKind::tally, "P", {}));
  CHECK(value_of(b.store.board(7, 1))[0].payload.empty());
}

TEST_CASE("tampering with the file is found at the right seq", "[board]") {
  Board b;
  RawDb raw(b.path);
  REQUIRE(raw.exec("DROP TRIGGER board_no_update; DROP TRIGGER board_no_delete") == SQLITE_OK);

  SECTION("a changed payload") {
    REQUIRE(raw.exec("UPDATE board SET payload = x'00' WHERE seq = 3") == SQLITE_OK);
    auto check = value_of(b.store.verify_board());
    CHECK(check.first_broken_seq == 3u);
    CHECK(check.problem == "entry_hash does not match the entry");
    CHECK(check.entries == 2);
  }
  SECTION("a changed time stamp") {
    REQUIRE(raw.exec("UPDATE board SET created_at = '2000-01-01T00:00:00.000Z' WHERE seq = 5") == SQLITE_OK);
    CHECK(value_of(b.store.verify_board()).first_broken_seq == 5u);
  }
  SECTION("an entry rewritten with a recomputed hash breaks the next link") {
    auto e = value_of(b.store.board(2, 1))[0];
    const cv::crypto::Bytes payload{9, 9};
    auto h = board_entry_hash(2, "commitments", "", e.created_at, payload, e.prev);
    REQUIRE(raw.exec("UPDATE board SET payload = x'0909', entry_hash = x'" + cv::crypto::to_hex(h) +
                     "' WHERE seq = 2") == SQLITE_OK);
    auto check = value_of(b.store.verify_board());
    CHECK(check.first_broken_seq == 3u);
    CHECK(check.problem == "prev_hash is not the previous entry's hash");
  }
  SECTION("a deleted entry") {
    REQUIRE(raw.exec("PRAGMA foreign_keys = OFF; DELETE FROM board WHERE seq = 4") == SQLITE_OK);
    auto check = value_of(b.store.verify_board());
    CHECK(check.first_broken_seq == 4u);
    CHECK(check.problem == "entry 4 is missing");
  }
  SECTION("a deleted last entry is only found against the published head") {
    const auto head = value_of(b.store.verify_board()).head;
    REQUIRE(raw.exec("PRAGMA foreign_keys = OFF; DELETE FROM board WHERE seq = 6") == SQLITE_OK);
    auto check = value_of(b.store.verify_board());
    CHECK(check.ok());
    CHECK(check.head != head);
  }
}
