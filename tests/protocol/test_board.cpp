#include "councilvote/crypto/hash.hpp"
#include "councilvote/protocol/board.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>

using namespace cv::protocol;
using namespace cvtest;

namespace {

std::vector<BoardEntry> sample_board() {
  std::vector<BoardEntry> out;
  ByteArray<32> head{};
  const BoardEntryKind kinds[] = {BoardEntryKind::commitments, BoardEntryKind::manifest,
                                  BoardEntryKind::ballot, BoardEntryKind::ballot, BoardEntryKind::tally};
  for (std::uint64_t i = 0; i < 5; ++i) {
    BoardEntry e;
    e.seq = i + 1;
    e.kind = kinds[i];
    if (i > 0) e.poll_id = poll_id().str();
    e.created_at = format_utc_ms(1'750'000'000'000 + i * 1000);
    e.payload = Bytes(i + 1, static_cast<std::uint8_t>(i));
    head = chain_board_entry(e, head);
    out.push_back(e);
  }
  return out;
}

} // namespace

TEST_CASE("board: the entry hash is the store's formula", "[board]") {
  BoardEntry e{3, BoardEntryKind::ballot, poll_id().str(), "2025-06-15T08:30:00.123Z", {1, 2, 3}, {}, {}};
  e.prev.fill(0xaa);
  ByteArray<8> seq{3, 0, 0, 0, 0, 0, 0, 0};
  auto expected = cv::crypto::Transcript("CV/board-entry")
                      .fixed(seq)
                      .str("ballot")
                      .str("poll-1")
                      .str("2025-06-15T08:30:00.123Z")
                      .var(e.payload)
                      .fixed(e.prev)
                      .digest32();
  CHECK(board_entry_hash(e) == expected);
  e.poll_id.clear(); // meeting-wide entries hash an empty poll id
  auto wide = cv::crypto::Transcript("CV/board-entry")
                  .fixed(seq)
                  .str("ballot")
                  .str("")
                  .str("2025-06-15T08:30:00.123Z")
                  .var(e.payload)
                  .fixed(e.prev)
                  .digest32();
  CHECK(board_entry_hash(e) == wide);
}

TEST_CASE("board: the example of docs/storage.md §2", "[board]") {
  BoardEntry e{1, BoardEntryKind::ballot, poll_id("P").str(), "2025-12-15T08:00:00.000Z", {'x'}, {}, {}};
  CHECK(lower_hex(board_entry_hash(e)) == "0895c72626a7edc8da52a1655307610c3836f637cc43af6c61c12fa92b902852");
}

TEST_CASE("board: a chain verifies, and every kind of break is found", "[board]") {
  auto board = sample_board();
  CHECK(verify_board_chain(board, 0, {}));
  CHECK(verify_board_chain(std::span(board).subspan(2), 2, board[1].hash));
  CHECK(code_of(verify_board_chain(std::span(board).subspan(2), 1, board[1].hash)) ==
        ErrorCode::inconsistent_data);
  CHECK(code_of(verify_board_chain(std::span(board).subspan(2), 2, board[0].hash)) ==
        ErrorCode::inconsistent_data);

  auto check_broken = [&](std::function<void(std::vector<BoardEntry> &)> f, const char *check) {
    auto b = sample_board();
    f(b);
    auto r = verify_board_chain(b, 0, {});
    INFO(check);
    CHECK(code_of(r) == ErrorCode::inconsistent_data);
    CHECK(r.error().check == check);
  };
  check_broken([](auto &b) { b[2].payload[0] ^= 1; }, "hash");
  check_broken([](auto &b) { b[2].created_at = "2025-06-15T08:30:00.124Z"; }, "hash");
  check_broken([](auto &b) { b[2].kind = BoardEntryKind::share; }, "hash");
  check_broken([](auto &b) { b[2].poll_id = poll_id("x").str(); }, "hash");
  check_broken([](auto &b) { b.erase(b.begin() + 2); }, "seq");
  check_broken([](auto &b) { std::swap(b[1], b[2]); }, "seq");
  check_broken(
      [](auto &b) {
        b[3].prev[0] ^= 1;
        b[3].hash = board_entry_hash(b[3]);
      },
      "prev");
}

TEST_CASE("board: entries round-trip in JSON", "[board]") {
  for (const auto &e : sample_board()) {
    ObjectReader r(*parse_json_object(to_json(board_entry_to_json(e))), "entry");
    auto back = read_board_entry(r);
    REQUIRE(r.finish());
    CHECK(back == e);
  }
  auto o = board_entry_to_json(sample_board()[0]);
  o.insert("created_at", "2025-02-30T00:00:00.000Z");
  ObjectReader r(o, "entry");
  (void)read_board_entry(r);
  CHECK(code_of(r.finish()) == ErrorCode::bad_field);
}

TEST_CASE("board: UTC timestamps in the store's format", "[board]") {
  CHECK(format_utc_ms(0) == "1970-01-01T00:00:00.000Z");
  CHECK(format_utc_ms(1'750'000'123'456) == "2025-06-15T15:08:43.456Z");
  CHECK(format_utc_ms(951'782'400'000) == "2000-02-29T00:00:00.000Z");
  CHECK(format_utc_ms(253'402'300'799'999) == "9999-12-31T23:59:59.999Z");
  for (std::uint64_t t :
       {0ULL, 1ULL, 951'782'400'000ULL, 1'750'000'123'456ULL, 4'102'444'800'000ULL, 253'402'300'799'999ULL}) {
    INFO(t);
    CHECK(parse_utc_ms(format_utc_ms(t)) == t);
  }
  for (const char *bad : {"2025-06-15T15:02:03.456", "2025-06-15 15:02:03.456Z", "1969-12-31T23:59:59.999Z",
                          "2025-13-01T00:00:00.000Z", "2025-02-29T00:00:00.000Z", "2024-02-30T00:00:00.000Z",
                          "2025-06-15T24:00:00.000Z", "2025-06-15T15:60:03.456Z", "2025-06-15T15:02:60.456Z",
                          "2025-06-15T15:02:03.45xZ", "+025-06-15T15:02:03.456Z"}) {
    INFO(bad);
    CHECK_FALSE(parse_utc_ms(bad));
  }
  CHECK(parse_utc_ms("2024-02-29T00:00:00.000Z"));
}
