#include "councilvote/record/board.hpp"
#include "councilvote/record/enums.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace cv::record;

namespace {

// Every value once, every name once, and parse is name's inverse.
template <class E> void check_table(std::size_t expected_size, bool dense = true) {
  const auto &table = EnumNames<E>::table;
  CHECK(table.size() == expected_size);
  std::set<std::string_view> names;
  std::set<int> values;
  for (const auto &[value, text] : table) {
    CHECK(names.insert(text).second);
    CHECK(values.insert(static_cast<int>(value)).second);
    CHECK(name(value) == text);
    REQUIRE(parse<E>(text).has_value());
    CHECK(*parse<E>(text) == value);
  }
  // Every enumerator from 0 to size-1 has a name (crypto's ContestKind has its own values).
  if (dense) {
    for (std::size_t i = 0; i < expected_size; ++i) CHECK(name(static_cast<E>(i)) != "?");
    CHECK(name(static_cast<E>(expected_size)) == "?");
  }
  CHECK_FALSE(parse<E>("").has_value());
  std::string padded(table[0].second);
  padded.push_back(' ');
  CHECK_FALSE(parse<E>(padded).has_value());
}

} // namespace

TEST_CASE("enums: every domain enum has one name per value and parse inverts it", "[record]") {
  check_table<CouncilRole>(4);
  check_table<NomineeKind>(2);
  check_table<Comparison>(2);
  check_table<Denominator>(2);
  check_table<Attendance>(4);
  check_table<PollState>(6);
  check_table<CeremonyState>(3);
  check_table<CeremonyMessageKind>(3);
  check_table<Channel>(2);
  check_table<Outcome>(2);
  check_table<BoardKind>(10);
  check_table<ChainCheck>(3);
  check_table<cv::crypto::ContestKind>(2, false);
}

TEST_CASE("enums: names are the spec's lower-case wire words", "[record]") {
  CHECK(name(CouncilRole::vice_chair) == "vice_chair");
  CHECK(name(Comparison::at_least) == "at_least");
  CHECK(name(Denominator::present_members) == "present_members");
  CHECK(name(PollState::open_remote) == "open_remote");
  CHECK(name(Attendance::unknown) == "unknown");
  CHECK(name(BoardKind::partial_decryption) == "partial_decryption");
  CHECK(name(BoardKind::chair_decision) == "chair_decision");
  CHECK_FALSE(parse<CouncilRole>("Chair").has_value()); // case-sensitive
}

TEST_CASE("board: the one chain verifier names the first broken link", "[record]") {
  std::vector<BoardEntry> board;
  cv::crypto::ByteArray<32> head{};
  for (std::uint64_t i = 1; i <= 4; ++i) {
    BoardEntry e{i,
                 i == 1 ? BoardKind::manifest : BoardKind::ballot,
                 "p",
                 "2026-12-02T01:00:00.000Z",
                 {static_cast<std::uint8_t>(i)},
                 {},
                 {}};
    head = chain_board_entry(e, head);
    board.push_back(e);
  }
  CHECK_FALSE(check_board_chain(board, 0, {}).has_value());
  CHECK_FALSE(check_board_chain(std::span(board).subspan(2), 2, board[1].hash).has_value());

  auto gap = board;
  gap.erase(gap.begin() + 2);
  auto b = check_board_chain(gap, 0, {});
  REQUIRE(b.has_value());
  CHECK(b->check == ChainCheck::seq);
  CHECK(b->expected_seq == 3);
  CHECK(b->entry_seq == 4);

  auto relinked = board;
  relinked[2].prev = relinked[0].hash;
  b = check_board_chain(relinked, 0, {});
  REQUIRE(b.has_value());
  CHECK(b->check == ChainCheck::prev);
  CHECK(b->entry_seq == 3);

  auto altered = board;
  altered[1].payload = {9};
  b = check_board_chain(altered, 0, {});
  REQUIRE(b.has_value());
  CHECK(b->check == ChainCheck::hash);
  CHECK(b->entry_seq == 2);

  // A meeting-wide entry hashes an empty poll id; moving an entry to another poll breaks it.
  auto moved = board;
  moved[3].poll_id.push_back('q'); // "pq"
  b = check_board_chain(moved, 0, {});
  REQUIRE(b.has_value());
  CHECK(b->check == ChainCheck::hash);
}
