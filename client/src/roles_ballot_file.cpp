#include "councilvote/client/roles/ballot_file.hpp"
#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/crypto/hash.hpp"
#include "roles_common.hpp"

namespace cv::client::roles {

using protocol::Result;

std::string encode_saved_ballot(const SavedBallot &s) {
  QJsonObject o;
  o.insert("format", protocol::json_string(kBallotFileFormat));
  o.insert("meeting", protocol::json_string(s.meeting.str()));
  o.insert("poll", protocol::json_string(s.poll.str()));
  o.insert("ballot", protocol::json_hex(s.ballot));
  o.insert("tracking_code", protocol::json_hex(s.tracking_code));
  if (s.receipt) o.insert("receipt", protocol::receipt_to_json(*s.receipt));
  return protocol::to_json(o);
}

Result<SavedBallot> decode_saved_ballot(std::string_view text) {
  try {
    auto o = protocol::parse_json_object(text, {std::size_t{8} << 20, protocol::kMaxJsonDepth});
    if (!o) return o.error();
    protocol::ObjectReader r(*o, "ballot_file");
    SavedBallot s;
    const auto format = r.text("format", 1, 64);
    if (r.ok() && format != kBallotFileFormat)
      return protocol::field_error(protocol::ErrorCode::unsupported_version, "ballot_file.format",
                                   "ballot_file.format: \"" + format + "\" is not " +
                                       std::string(kBallotFileFormat));
    s.meeting = r.id<protocol::MeetingIdTag>("meeting");
    s.poll = r.id<protocol::PollIdTag>("poll");
    s.ballot = r.hex("ballot", 1, protocol::kDefaultMaxMessageBytes);
    s.tracking_code = r.hex_fixed<32>("tracking_code");
    if (r.has("receipt"))
      s.receipt = r.nested("receipt", [](protocol::ObjectReader &x) { return protocol::read_receipt(x); });
    if (auto f = r.finish(); !f) return f.error();
    if (tracking_code_of(s.ballot) != s.tracking_code)
      return detail::inconsistent("tracking_code", "the saved tracking code is not the saved ballot's");
    if (s.receipt && (s.receipt->meeting != s.meeting || s.receipt->poll != s.poll ||
                      s.receipt->tracking_code != s.tracking_code))
      return detail::inconsistent("receipt", "the saved receipt is about another meeting, poll or ballot");
    return s;
  } catch (...) {
    return detail::internal("out of memory while reading a saved ballot");
  }
}

Result<void> save_saved_ballot(const std::filesystem::path &path, const SavedBallot &s) {
  try {
    const auto text = encode_saved_ballot(s);
    return write_file_atomic(path, crypto::as_bytes(text), true);
  } catch (...) {
    return detail::internal("out of memory while saving a ballot");
  }
}

Result<SavedBallot> load_saved_ballot(const std::filesystem::path &path) {
  auto bytes = read_binary_file(path, std::size_t{8} << 20);
  if (!bytes) return bytes.error();
  const std::string_view text(reinterpret_cast<const char *>(bytes->data()), bytes->size());
  auto s = decode_saved_ballot(text);
  if (!s) {
    auto e = s.error();
    e.message = path.string() + ": " + e.message;
    return e;
  }
  return s;
}

} // namespace cv::client::roles
