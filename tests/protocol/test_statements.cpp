#include "councilvote/protocol/bodies.hpp"
#include "councilvote/protocol/statements.hpp"
#include "helpers.hpp"

#include <catch2/catch.hpp>
#include <functional>

using namespace cv::protocol;
using namespace cvtest;

namespace {

Receipt sample_receipt(const cv::crypto::SigningKey &server) {
  Receipt r;
  r.meeting = meeting_id();
  r.poll = poll_id();
  r.tracking_code.fill(0x5a);
  r.board_seq = 42;
  r.board_head.fill(0xc3);
  r.server_time_ms = 1'750'000'123'456;
  sign_receipt(r, server);
  return r;
}

} // namespace

TEST_CASE("receipt: verifies under the server key, fails when any field changes", "[statements]") {
  auto server = key("server");
  auto r = sample_receipt(server);
  CHECK(verify_receipt(r, server.public_key));
  CHECK(code_of(verify_receipt(r, key("impostor").public_key)) == ErrorCode::bad_signature);

  std::vector<std::pair<const char *, std::function<void(Receipt &)>>> changes{
      {"meeting", [](Receipt &x) { x.meeting = meeting_id("other"); }},
      {"poll", [](Receipt &x) { x.poll = poll_id("poll-2"); }},
      {"tracking_code", [](Receipt &x) { x.tracking_code[31] ^= 1; }},
      {"board_seq", [](Receipt &x) { x.board_seq += 1; }},
      {"board_head", [](Receipt &x) { x.board_head[0] ^= 0x80; }},
      {"server_time", [](Receipt &x) { x.server_time_ms -= 1; }},
      {"sig", [](Receipt &x) { x.sig[63] ^= 1; }},
  };
  for (const auto &[what, change] : changes) {
    INFO(what);
    auto t = r;
    change(t);
    CHECK(code_of(verify_receipt(t, server.public_key)) == ErrorCode::bad_signature);
  }
  // A receipt signature is not valid as a checkpoint or record signature (domain tags).
  CHECK_FALSE(
      cv::crypto::verify_signature(server.public_key, kCheckpointTag, receipt_signed_message(r), r.sig));
}

TEST_CASE("receipt: deterministic, so an identical retry gets the identical receipt", "[statements]") {
  auto server = key("server");
  CHECK(sample_receipt(server) == sample_receipt(server));
}

TEST_CASE("receipt: JSON round trip, and the JSON is checked field by field", "[statements]") {
  auto server = key("server");
  auto r = sample_receipt(server);
  auto o = receipt_to_json(r);
  auto back = receipt_from_json(*parse_json_object(to_json(o)));
  REQUIRE(back);
  CHECK(*back == r);
  CHECK(verify_receipt(*back, server.public_key));

  auto body = CastBallotResponse{r}.to_json();
  auto cb = CastBallotResponse::from_json(*parse_json_object(to_json(body)));
  REQUIRE(cb);
  CHECK(cb->receipt == r);

  for (const char *field :
       {"meeting", "poll", "tracking_code", "board_seq", "board_head", "server_time", "sig"}) {
    INFO(field);
    auto m = o;
    m.remove(field);
    auto e = receipt_from_json(m);
    CHECK(code_of(e) == ErrorCode::missing_field);
    CHECK(e.error().field == std::string("receipt.") + field);
    m.insert(field, QJsonValue(true));
    CHECK(code_of(receipt_from_json(m)) == ErrorCode::bad_field);
  }
  auto m = o;
  m.insert("short_code", "XXXX");
  CHECK(code_of(receipt_from_json(m)) == ErrorCode::unknown_field);
  m = o;
  m.insert("board_seq", 0);
  CHECK(code_of(receipt_from_json(m)) == ErrorCode::bad_field);
}

TEST_CASE("checkpoint and record statement: sign, verify, tamper", "[statements]") {
  auto server = key("server");
  Checkpoint c{meeting_id(), 7, {}, 1'750'000'000'000, {}};
  c.board_head.fill(9);
  sign_checkpoint(c, server);
  CHECK(verify_checkpoint(c, server.public_key));
  auto c2 = c;
  c2.board_seq = 8;
  CHECK(code_of(verify_checkpoint(c2, server.public_key)) == ErrorCode::bad_signature);
  c2 = c;
  c2.board_head[3] ^= 1;
  CHECK(code_of(verify_checkpoint(c2, server.public_key)) == ErrorCode::bad_signature);
  ObjectReader cr(checkpoint_to_json(c), "checkpoint");
  CHECK(read_checkpoint(cr) == c);
  CHECK(cr.finish());

  std::string record = R"({"poll":"poll-1","results":[{"contest":"1","agree":20,"disagree":1,"blank":1}]})";
  RecordStatement s{
      meeting_id().str(), poll_id().str(), record_digest(record), 99, {}, 1'750'000'999'000, {}};
  s.board_head.fill(0xee);
  sign_record_statement(s, server);
  CHECK(verify_record_statement(s, server.public_key));
  GetRecordResponse g{poll_id(), record, s};
  CHECK(g.verify(server.public_key));
  auto back = GetRecordResponse::from_json(*parse_json_object(to_json(g.to_json())));
  REQUIRE(back);
  CHECK(*back == g);
  CHECK(back->verify(server.public_key));

  auto tampered = g;
  tampered.record[tampered.record.find("20")] = '2';
  tampered.record[tampered.record.find("20") + 1] = '1';
  CHECK(code_of(tampered.verify(server.public_key)) == ErrorCode::inconsistent_data);
  tampered = g;
  tampered.statement.board_seq = 100;
  CHECK(code_of(tampered.verify(server.public_key)) == ErrorCode::bad_signature);
  CHECK(code_of(g.verify(key("impostor").public_key)) == ErrorCode::bad_signature);
  // the digest is H32("CV/record-digest", var(record)) and depends on every byte
  CHECK(record_digest(record) != record_digest(record + " "));
}

// The signed bytes come from each statement's field list; these are the layouts docs/wire.md §6
// (and statements.hpp) specify, written out by hand, so a reordered or added field fails here.
TEST_CASE("statements: the signed bytes are the layouts of docs/wire.md §6, field by field", "[statements]") {
  auto server = key("server");
  const auto r = sample_receipt(server);
  cv::crypto::ByteWriter w;
  w.str(r.meeting.str());
  w.str(r.poll.str());
  w.fixed(r.tracking_code);
  w.u64(r.board_seq);
  w.fixed(r.board_head);
  w.u64(r.server_time_ms);
  CHECK(receipt_signed_message(r) == w.bytes());
  CHECK(cv::crypto::verify_signature(server.public_key, kReceiptTag, w.bytes(), r.sig));

  Checkpoint c{meeting_id(), 7, {}, 1'750'000'000'000, {}};
  c.board_head.fill(9);
  cv::crypto::ByteWriter wc;
  wc.str(c.meeting.str());
  wc.u64(c.board_seq);
  wc.fixed(c.board_head);
  wc.u64(c.server_time_ms);
  CHECK(checkpoint_signed_message(c) == wc.bytes());
  sign_checkpoint(c, server);
  CHECK(cv::crypto::verify_signature(server.public_key, kCheckpointTag, wc.bytes(), c.sig));

  RecordStatement s{meeting_id().str(), poll_id().str(), record_digest("{}"), 99, {}, 1'750'000'999'000, {}};
  s.board_head.fill(0xee);
  cv::crypto::ByteWriter ws;
  ws.str(s.meeting);
  ws.str(s.poll);
  ws.fixed(s.record_digest);
  ws.u64(s.board_seq);
  ws.fixed(s.board_head);
  ws.u64(s.server_time_ms);
  CHECK(record_signed_message(s) == ws.bytes());
  sign_record_statement(s, server);
  CHECK(cv::crypto::verify_signature(server.public_key, kRecordTag, ws.bytes(), s.sig));
  // The signature never covers itself.
  auto resigned = s;
  resigned.sig.fill(0);
  CHECK(record_signed_message(resigned) == ws.bytes());
}
