#include "councilvote/protocol/statements.hpp"

#include "councilvote/crypto/hash.hpp"
#include "fields.hpp"

// The statements the server signs, each described once: its JSON members and, in the same order
// without the signature, its signed bytes (docs/wire.md §6). The receipt and the checkpoint are
// described here; the record statement is record/'s (record/payloads.hpp).

namespace cv::protocol {

namespace fields {

template <> struct Describe<Receipt> {
  static constexpr std::string_view tag = kReceiptTag, what = "receipt";
  static constexpr std::tuple fields{field("meeting", &Receipt::meeting, IdOf{}),
                                     field("poll", &Receipt::poll, IdOf{}),
                                     field("tracking_code", &Receipt::tracking_code, Hex{}),
                                     field("board_seq", &Receipt::board_seq, Int{1, kMaxJsonInteger}),
                                     field("board_head", &Receipt::board_head, Hex{}),
                                     field("server_time", &Receipt::server_time_ms, Int{}),
                                     field("sig", &Receipt::sig, Sig{})};
};

template <> struct Describe<Checkpoint> {
  static constexpr std::string_view tag = kCheckpointTag, what = "checkpoint";
  static constexpr std::tuple fields{field("meeting", &Checkpoint::meeting, IdOf{}),
                                     field("board_seq", &Checkpoint::board_seq, Int{0, kMaxJsonInteger}),
                                     field("board_head", &Checkpoint::board_head, Hex{}),
                                     field("server_time", &Checkpoint::server_time_ms, Int{}),
                                     field("sig", &Checkpoint::sig, Sig{})};
};

} // namespace fields

namespace {

// The one signed-statement helper: sign and verify S under its tag.
template <class S> void sign_statement(S &s, const crypto::SigningKey &server) {
  s.sig = crypto::sign(server, fields::Describe<S>::tag, fields::signed_message(s));
}

template <class S> Result<void> verify_statement(const S &s, const crypto::SignPublicKey &key) {
  if (!crypto::verify_signature(key, fields::Describe<S>::tag, fields::signed_message(s), s.sig))
    return make_error(ErrorCode::bad_signature,
                      std::string(fields::Describe<S>::what) +
                          ": the server signature does not verify under the pinned server key");
  return {};
}

} // namespace

// ------------------------------------------------------------------------------------- receipt

Bytes receipt_signed_message(const Receipt &r) { return fields::signed_message(r); }
void sign_receipt(Receipt &r, const crypto::SigningKey &server) { sign_statement(r, server); }
Result<void> verify_receipt(const Receipt &r, const crypto::SignPublicKey &server_key) {
  return verify_statement(r, server_key);
}
QJsonObject receipt_to_json(const Receipt &r) { return fields::to_json(r); }
Receipt read_receipt(ObjectReader &r) { return fields::read<Receipt>(r); }

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

Bytes checkpoint_signed_message(const Checkpoint &c) { return fields::signed_message(c); }
void sign_checkpoint(Checkpoint &c, const crypto::SigningKey &server) { sign_statement(c, server); }
Result<void> verify_checkpoint(const Checkpoint &c, const crypto::SignPublicKey &server_key) {
  return verify_statement(c, server_key);
}
QJsonObject checkpoint_to_json(const Checkpoint &c) { return fields::to_json(c); }
Checkpoint read_checkpoint(ObjectReader &r) { return fields::read<Checkpoint>(r); }

// ------------------------------------------------------------------------------------- record

Result<void> check_record_signature(const RecordStatement &s, const crypto::SignPublicKey &server_key) {
  if (!record::verify_record_statement(s, server_key))
    return make_error(ErrorCode::bad_signature,
                      "record statement: the server signature does not verify under the pinned server key");
  return {};
}

} // namespace cv::protocol
