#include "councilvote/record/chair_decision.hpp"

#include "councilvote/crypto/ballot.hpp"
#include "councilvote/record/council.hpp"
#include "councilvote/record/ids.hpp"

namespace cv::record {

namespace {

std::string id_member(Reader &r, std::string_view member, std::size_t max, std::string_view what) {
  auto s = r.text(member, 1, max);
  if (!r.ok()) return s;
  if (auto ok = check_id_syntax(s, max, what); !ok)
    r.fail(field_error(Errc::bad_field, r.path_of(member), r.path_of(member) + ": " + ok.error().message));
  return s;
}

} // namespace

Json chair_decision_to_json(const ChairDecision &d) {
  Json nominees = Json::array();
  for (auto n : d.nominees) nominees.push_back(n);
  return Json{{"meeting", d.meeting},
              {"poll", d.poll},
              {"tally_context", crypto::to_hex(d.tally_context)},
              {"award", d.award},
              {"nominees", std::move(nominees)},
              {"member_no", d.member_no},
              {"key", crypto::to_hex(d.key)},
              {"sig", crypto::to_hex(d.sig)}};
}

ChairDecision read_chair_decision(Reader &r) {
  ChairDecision d;
  d.meeting = id_member(r, "meeting", kMaxMeetingIdLength, "meeting id");
  d.poll = id_member(r, "poll", kMaxPollIdLength, "poll id");
  d.tally_context = r.hex_fixed<32>("tally_context");
  d.award = r.text("award", 1, kMaxNameBytes);
  for (auto n : r.integers("nominees", 1, crypto::kMaxContests, 1, kMaxMemberNo))
    d.nominees.push_back(static_cast<std::uint32_t>(n));
  for (std::size_t i = 1; r.ok() && i < d.nominees.size(); ++i)
    if (d.nominees[i] <= d.nominees[i - 1])
      r.fail(field_error(Errc::bad_field, r.path_of("nominees"),
                         r.path_of("nominees") + ": the nominee numbers must be strictly ascending"));
  d.member_no = r.u32("member_no", 1, static_cast<std::uint32_t>(kMaxMemberNo));
  d.key = r.hex_fixed<crypto::kSignPublicKeyBytes>("key");
  d.sig = r.hex_fixed<crypto::kSignatureBytes>("sig");
  return d;
}

Result<ChairDecision> decode_chair_decision(std::string_view text) {
  return read_json_text(text, "chair_decision", read_chair_decision);
}

std::string encode_chair_decision(const ChairDecision &d) { return dump_json(chair_decision_to_json(d)); }

crypto::Bytes chair_decision_signed_message(const ChairDecision &d) {
  crypto::ByteWriter w;
  w.str(d.meeting);
  w.str(d.poll);
  w.fixed(d.tally_context);
  w.str(d.award);
  w.u32(static_cast<std::uint32_t>(d.nominees.size()));
  for (auto n : d.nominees) w.u32(n);
  w.u32(d.member_no);
  w.fixed(d.key);
  return w.take();
}

void sign_chair_decision(ChairDecision &d, const crypto::SigningKey &chair) {
  d.key = chair.public_key;
  d.sig = crypto::sign(chair, kChairDecisionTag, chair_decision_signed_message(d));
}

bool verify_chair_decision_signature(const ChairDecision &d) {
  return static_cast<bool>(
      crypto::verify_signature(d.key, kChairDecisionTag, chair_decision_signed_message(d), d.sig));
}

} // namespace cv::record
