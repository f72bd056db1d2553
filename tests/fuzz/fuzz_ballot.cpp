// libFuzzer target for the ballot decoder and verifier. Input byte 0 picks the mode:
//   even: the rest is decoded as a ballot, and verified if it decodes;
//   odd:  the rest is XORed into a valid ballot (from offset given by bytes 1-2), which is then
//         decoded and verified: this reaches the proof checks that random bytes never reach.
// Verification must fail cleanly for every mutation (the valid ballot itself is excluded).
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/init.hpp"

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace cv::crypto;

namespace {

struct Setup {
  PollContext poll;
  Roster roster;
  Bytes valid;
  std::unique_ptr<FastVerifier> fast;
  Setup() {
    if (!init()) std::abort();
    auto rng = DeterministicRng::from_label("fuzz");
    poll.joint_key = Point::base_mul(Scalar::random(rng));
    poll.manifest = {"fuzz-meeting", "fuzz-poll", 4, {}};
    poll.manifest.contests.push_back(PollManifest::commendation("1"));
    poll.manifest.contests.push_back(ContestSpec{"q", ContestKind::general, 2, 0, 1});
    auto member = SigningKey::generate(rng);
    roster.members = {member.public_key};
    poll.manifest.roster_digest = roster.digest();
    std::vector<ContestSelection> sel{ContestSelection::disagree(), ContestSelection{{1}}};
    valid = encrypt_ballot({poll, member, sel, rng})->encode();
    fast = std::make_unique<FastVerifier>(poll.joint_key);
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static Setup s;
  if (size < 1) return 0;
  Bytes input;
  if ((data[0] & 1) == 0) {
    input.assign(data + 1, data + size);
  } else {
    if (size < 4) return 0;
    input = s.valid;
    const std::size_t off = (std::size_t{data[1]} << 8 | data[2]) % input.size();
    bool changed = false;
    for (std::size_t i = 3; i < size && off + i - 3 < input.size(); ++i) {
      input[off + i - 3] ^= data[i];
      changed |= data[i] != 0;
    }
    if (!changed) return 0;
  }
  auto b = decode_ballot(input);
  if (!b) return 0;
  (void)b->tracking_code();
  auto v = verify_ballot(s.poll, s.roster, *b, *s.fast);
  if (v && input != s.valid) std::abort(); // a modified ballot must never verify
  return 0;
}
