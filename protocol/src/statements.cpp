#include "councilvote/protocol/statements.hpp"

#include "councilvote/crypto/hash.hpp"

namespace cv::protocol {

namespace {

Result<void> verify_tagged(const crypto::SignPublicKey &key, std::string_view tag, const Bytes &msg,
                           const crypto::Signature &sig, std::string_view what) {
  if (!crypto::verify_signature(key, tag, msg, sig))
    return make_error(ErrorCode::bad_signature,
                      std::string(what) +
                          ": the server signature does not verify under the pinned server key");
  return {};
}

} // namespace

// ------------------------------------------------------------------------------------- receipt

Bytes receipt_signed_message(const Receipt &r) {
  crypto::ByteWriter w;
  w.str(r.meeting.str());
  w.str(r.poll.str());
  w.fixed(r.tracking_code);
  w.u64(r.board_seq);
  w.fixed(r.board_head);
  w.u64(r.server_time_ms);
  return w.take();
}

void sign_receipt(Receipt &r, const crypto::SigningKey &server) {
  r.sig = crypto::sign(server, kReceiptTag, receipt_signed_message(r));
}

Result<void> verify_receipt(const Receipt &r, const crypto::SignPublicKey &server_key) {
  return verify_tagged(server_key, kReceiptTag, receipt_signed_message(r), r.sig, "receipt");
}

QJsonObject receipt_to_json(const Receipt &r) {
  QJsonObject o;
  o.insert("meeting", json_string(r.meeting.str()));
  o.insert("poll", json_string(r.poll.str()));
  o.insert("tracking_code", json_hex(r.tracking_code));
  o.insert("board_seq", json_uint(r.board_seq));
  o.insert("board_head", json_hex(r.board_head));
  o.insert("server_time", json_uint(r.server_time_ms));
  o.insert("sig", json_hex(r.sig));
  return o;
}

Receipt read_receipt(ObjectReader &r) {
  Receipt x;
  x.meeting = r.id<MeetingIdTag>("meeting");
  x.poll = r.id<PollIdTag>("poll");
  x.tracking_code = r.hex_fixed<32>("tracking_code");
  x.board_seq = r.integer("board_seq", 1, kMaxJsonInteger);
  x.board_head = r.hex_fixed<32>("board_head");
  x.server_time_ms = r.integer("server_time", 0, kMaxJsonInteger);
  x.sig = r.hex_fixed<crypto::kSignatureBytes>("sig");
  return x;
}

Result<Receipt> receipt_from_json(const QJsonObject &o) {
  try {
    ObjectReader r(o, "receipt");
    auto x = read_receipt(r);
    if (auto f = r.finish(); !f) return f.error();
    return x;
  } catch (...) {
    return make_error(ErrorCode::internal, "unexpected exception while reading a receipt");
  }
}

// ---------------------------------------------------------------------------------- checkpoint

Bytes checkpoint_signed_message(const Checkpoint &c) {
  crypto::ByteWriter w;
  w.str(c.meeting.str());
  w.u64(c.board_seq);
  w.fixed(c.board_head);
  w.u64(c.server_time_ms);
  return w.take();
}

void sign_checkpoint(Checkpoint &c, const crypto::SigningKey &server) {
  c.sig = crypto::sign(server, kCheckpointTag, checkpoint_signed_message(c));
}

Result<void> verify_checkpoint(const Checkpoint &c, const crypto::SignPublicKey &server_key) {
  return verify_tagged(server_key, kCheckpointTag, checkpoint_signed_message(c), c.sig, "checkpoint");
}

QJsonObject checkpoint_to_json(const Checkpoint &c) {
  QJsonObject o;
  o.insert("meeting", json_string(c.meeting.str()));
  o.insert("board_seq", json_uint(c.board_seq));
  o.insert("board_head", json_hex(c.board_head));
  o.insert("server_time", json_uint(c.server_time_ms));
  o.insert("sig", json_hex(c.sig));
  return o;
}

Checkpoint read_checkpoint(ObjectReader &r) {
  Checkpoint c;
  c.meeting = r.id<MeetingIdTag>("meeting");
  c.board_seq = r.integer("board_seq", 0, kMaxJsonInteger);
  c.board_head = r.hex_fixed<32>("board_head");
  c.server_time_ms = r.integer("server_time", 0, kMaxJsonInteger);
  c.sig = r.hex_fixed<crypto::kSignatureBytes>("sig");
  return c;
}

// ------------------------------------------------------------------------------------- record

Hash32 record_digest(std::string_view record_text) {
  return crypto::Transcript(kRecordDigestTag).var(crypto::as_bytes(record_text)).digest32();
}

Bytes record_signed_message(const RecordStatement &s) {
  crypto::ByteWriter w;
  w.str(s.meeting.str());
  w.str(s.poll.str());
  w.fixed(s.record_digest);
  w.u64(s.board_seq);
  w.fixed(s.board_head);
  w.u64(s.server_time_ms);
  return w.take();
}

void sign_record_statement(RecordStatement &s, const crypto::SigningKey &server) {
  s.sig = crypto::sign(server, kRecordTag, record_signed_message(s));
}

Result<void> verify_record_statement(const RecordStatement &s, const crypto::SignPublicKey &server_key) {
  return verify_tagged(server_key, kRecordTag, record_signed_message(s), s.sig, "record statement");
}

QJsonObject record_statement_to_json(const RecordStatement &s) {
  QJsonObject o;
  o.insert("meeting", json_string(s.meeting.str()));
  o.insert("poll", json_string(s.poll.str()));
  o.insert("record_digest", json_hex(s.record_digest));
  o.insert("board_seq", json_uint(s.board_seq));
  o.insert("board_head", json_hex(s.board_head));
  o.insert("server_time", json_uint(s.server_time_ms));
  o.insert("sig", json_hex(s.sig));
  return o;
}

RecordStatement read_record_statement(ObjectReader &r) {
  RecordStatement s;
  s.meeting = r.id<MeetingIdTag>("meeting");
  s.poll = r.id<PollIdTag>("poll");
  s.record_digest = r.hex_fixed<32>("record_digest");
  s.board_seq = r.integer("board_seq", 1, kMaxJsonInteger);
  s.board_head = r.hex_fixed<32>("board_head");
  s.server_time_ms = r.integer("server_time", 0, kMaxJsonInteger);
  s.sig = r.hex_fixed<crypto::kSignatureBytes>("sig");
  return s;
}

} // namespace cv::protocol
