// The typed Client against a fake server that signs with the bundle's server key: receipts, the
// board's chain and checkpoints, record statements, bodies that do not read.
#include "councilvote/client/client.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <chrono>

using namespace cvtest;
using cv::client::Client;
using cv::client::Connection;
using cv::client::ConnectionOptions;
using cv::protocol::ErrorCode;
using cv::protocol::MessageType;
namespace protocol = cv::protocol;
using namespace std::chrono_literals;

namespace {

ConnectionOptions plain() {
  ConnectionOptions o;
  o.insecure_plaintext = true;
  o.reconnect_delay = 20ms;
  return o;
}

struct Rig {
  crypto::SigningKey server_key = test_key("server");
  FakeServer srv{nullptr};
  Connection conn{make_bundle("127.0.0.1", srv.port(), {}, server_key), test_key("member"), plain()};
  Client client{conn, 10s};
};

protocol::Receipt receipt_for(const crypto::SigningKey &signer, const protocol::PollId &p,
                              const protocol::Hash32 &code) {
  protocol::Receipt r{meeting(), p, code, 37, {}, 1750000001234, {}};
  r.board_head.fill(0x80);
  protocol::sign_receipt(r, signer);
  return r;
}

// A chained board of n entries.
std::vector<protocol::BoardEntry> make_board(std::size_t n) {
  std::vector<protocol::BoardEntry> out;
  protocol::ByteArray<32> prev{};
  for (std::size_t i = 1; i <= n; ++i) {
    protocol::BoardEntry e;
    e.seq = i;
    e.kind = protocol::BoardEntryKind::ballot;
    e.poll_id = poll().str();
    e.created_at = protocol::format_utc_ms(1750000000000 + i);
    e.payload = {static_cast<std::uint8_t>(i), 2, 3};
    prev = protocol::chain_board_entry(e, prev);
    out.push_back(e);
  }
  return out;
}

protocol::Checkpoint checkpoint_at(const std::vector<protocol::BoardEntry> &board, std::size_t seq,
                                   const crypto::SigningKey &signer) {
  protocol::Checkpoint c{meeting(), seq, {}, 1750000009999, {}};
  if (seq > 0) c.board_head = board[seq - 1].hash;
  protocol::sign_checkpoint(c, signer);
  return c;
}

// Answers get_board from `board` in pages of at most `page` entries.
FakeServer::Handler board_server(const std::vector<protocol::BoardEntry> &board,
                                 const crypto::SigningKey &signer, std::size_t page) {
  return [&board, &signer, page](FakeServer &, QWebSocket *s, const Seen &seen) {
    auto req = protocol::GetBoardRequest::from_json(seen.body);
    CHECK(req);
    if (!req) return;
    protocol::GetBoardResponse resp;
    for (auto seq = req->from_seq;
         seq <= board.size() && resp.entries.size() < std::min<std::size_t>(page, req->limit); ++seq)
      resp.entries.push_back(board[seq - 1]);
    resp.checkpoint = checkpoint_at(board, board.size(), signer);
    FakeServer::reply_ok(s, seen.request.id, resp.to_json());
  };
}

} // namespace

TEST_CASE("Client: cast_ballot checks the receipt against the bundle's key and the ballot sent", "[client]") {
  Rig rig;
  const crypto::Bytes ballot{1, 2, 3, 4, 5};
  const auto code = cv::client::tracking_code_of(ballot);
  auto signer = test_key("server");
  auto receipt_code = code;
  rig.srv.handler = [&](FakeServer &, QWebSocket *s, const Seen &seen) {
    auto req = protocol::CastBallotRequest::from_json(seen.body);
    CHECK(req);
    CHECK(req->ballot == ballot);
    FakeServer::reply_ok(
        s, seen.request.id,
        protocol::CastBallotResponse{receipt_for(signer, req->poll, receipt_code)}.to_json());
  };
  SECTION("a good receipt") {
    auto r = rig.client.cast_ballot(poll(), ballot);
    REQUIRE(r);
    CHECK(r->tracking_code == code);
    CHECK(r->board_seq == 37);
  }
  SECTION("signed by another key") {
    signer = test_key("impostor");
    auto r = rig.client.cast_ballot(poll(), ballot);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::bad_signature);
  }
  SECTION("the tracking code of another ballot") {
    receipt_code[0] ^= 1;
    auto r = rig.client.cast_ballot(poll(), ballot);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::inconsistent_data);
    CHECK(r.error().check == "tracking_code");
  }
  SECTION("for another poll") {
    auto r = rig.client.cast_ballot(poll("poll-2"), ballot); // the fake signs the poll it was asked
    REQUIRE(r);
    rig.srv.handler = [&](FakeServer &, QWebSocket *s, const Seen &seen) {
      FakeServer::reply_ok(s, seen.request.id,
                           protocol::CastBallotResponse{receipt_for(signer, poll("poll-9"), code)}.to_json());
    };
    auto bad = rig.client.cast_ballot(poll(), ballot);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().check == "poll");
  }
}

TEST_CASE("Client: get_board_all pages to the head and verifies the chain and the checkpoints",
          "[client][board]") {
  Rig rig;
  auto board = make_board(7);
  rig.srv.handler = board_server(board, rig.server_key, 3);
  SECTION("an intact board") {
    auto snap = rig.client.get_board_all(0, {}, 1000);
    REQUIRE(snap);
    CHECK(snap->entries.size() == 7);
    CHECK(snap->checkpoint.board_seq == 7);
    CHECK(snap->head() == board.back().hash);
    CHECK(rig.srv.seen.size() == 3); // 3 + 3 + 1
  }
  SECTION("continuing from a known head") {
    auto snap = rig.client.get_board_all(4, board[3].hash, 2);
    REQUIRE(snap);
    CHECK(snap->entries.size() == 3);
    CHECK(snap->entries.front().seq == 5);
  }
  SECTION("an empty board") {
    board.clear();
    auto snap = rig.client.get_board_all();
    REQUIRE(snap);
    CHECK(snap->entries.empty());
    CHECK(snap->checkpoint.board_seq == 0);
  }
  SECTION("a changed payload breaks the chain") {
    board[4].payload.push_back(9);
    auto snap = rig.client.get_board_all();
    REQUIRE_FALSE(snap);
    CHECK(snap.error().code == ErrorCode::inconsistent_data);
  }
  SECTION("a re-hashed entry breaks the link to the next one") {
    board[2].payload.push_back(9);
    board[2].hash = protocol::board_entry_hash(board[2]);
    auto snap = rig.client.get_board_all();
    REQUIRE_FALSE(snap);
    CHECK(snap.error().code == ErrorCode::inconsistent_data);
  }
  SECTION("a checkpoint signed by another key") {
    auto other = test_key("impostor");
    rig.srv.handler = board_server(board, other, 3);
    auto snap = rig.client.get_board_all();
    REQUIRE_FALSE(snap);
    CHECK(snap.error().code == ErrorCode::bad_signature);
  }
  SECTION("a signed head that is not the chain's") {
    rig.srv.handler = [&](FakeServer &, QWebSocket *s, const Seen &seen) {
      protocol::GetBoardResponse resp;
      resp.entries = board;
      resp.checkpoint = checkpoint_at(board, 7, rig.server_key);
      resp.checkpoint.board_head[0] ^= 1;
      protocol::sign_checkpoint(resp.checkpoint, rig.server_key);
      FakeServer::reply_ok(s, seen.request.id, resp.to_json());
    };
    auto snap = rig.client.get_board_all();
    REQUIRE_FALSE(snap);
    CHECK(snap.error().check == "checkpoint");
  }
}

TEST_CASE("Client: get_record checks the digest and the statement", "[client]") {
  Rig rig;
  const std::string text = R"({"format":"councilvote-record/1"})";
  protocol::GetRecordResponse resp{
      poll(), text, {meeting().str(), poll().str(), protocol::record_digest(text), 9, {}, 1, {}}};
  protocol::sign_record_statement(resp.statement, rig.server_key);
  rig.srv.handler = [&](FakeServer &, QWebSocket *s, const Seen &seen) {
    FakeServer::reply_ok(s, seen.request.id, resp.to_json());
  };
  REQUIRE(rig.client.get_record(poll()));
  resp.record += " ";
  auto bad = rig.client.get_record(poll());
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == ErrorCode::inconsistent_data);
}

TEST_CASE("Client: an answer that does not read as the operation's body is inconsistent data", "[client]") {
  Rig rig; // the default handler answers {"echo": type}
  auto r = rig.client.turnout(poll());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::inconsistent_data);
  CHECK(r.error().check == "response");
  auto raw = rig.client.raw(MessageType::turnout, protocol::PollRef{poll()}.to_json());
  REQUIRE(raw);
  CHECK(raw->value("echo").toString() == QStringLiteral("turnout"));
}
