#include "councilvote/crypto/tally.hpp"

#include "councilvote/crypto/hash.hpp"

#include <algorithm>
#include <string>

namespace cv::crypto {

ByteArray<32> EncryptedTally::context() const {
  Transcript t("CV/tally");
  t.fixed(poll_context).u32(ballots).u32(static_cast<std::uint32_t>(totals.size()));
  for (const auto &c : totals) t.point(c.alpha).point(c.beta);
  return t.digest32();
}

std::size_t tally_slot_count(const PollManifest &m) {
  std::size_t n = 0;
  for (const auto &c : m.contests) n += c.kind == ContestKind::commendation ? 1 : c.options;
  return n;
}

Result<EncryptedTally> tally_ballots(const PollContext &poll, std::span<const Ballot> ballots) {
  EncryptedTally t;
  t.poll_context = poll.hash();
  t.ballots = static_cast<std::uint32_t>(ballots.size());
  t.totals.assign(tally_slot_count(poll.manifest), Ciphertext{});
  for (std::size_t b = 0; b < ballots.size(); ++b) {
    const auto &ballot = ballots[b];
    if (!ct_equal(ballot.context_hash, t.poll_context) ||
        ballot.contests.size() != poll.manifest.contests.size())
      return make_error(Errc::wrong_context, "ballot " + std::to_string(b) + " is not a ballot of this poll");
    std::size_t slot = 0;
    for (const auto &c : ballot.contests)
      for (const auto &ct : c.ciphertexts) {
        if (slot >= t.totals.size())
          return make_error(Errc::invalid_argument,
                            "ballot " + std::to_string(b) + " has too many ciphertexts");
        t.totals[slot++] += ct;
      }
    if (slot != t.totals.size())
      return make_error(Errc::invalid_argument, "ballot " + std::to_string(b) + " has too few ciphertexts");
  }
  return t;
}

Result<std::vector<ContestResult>> decode_tally(const PollManifest &m, std::uint32_t ballots,
                                                std::span<const Point> decrypted) {
  if (decrypted.size() != tally_slot_count(m))
    return make_error(Errc::invalid_argument, "one decrypted total per slot expected");
  const std::uint64_t B = m.disagree_weight;
  const DiscreteLog dlog(std::uint64_t{ballots} * B);
  std::vector<ContestResult> out;
  std::size_t slot = 0;
  for (std::size_t i = 0; i < m.contests.size(); ++i) {
    const auto &spec = m.contests[i];
    ContestResult r;
    const std::size_t n = spec.kind == ContestKind::commendation ? 1 : spec.options;
    for (std::size_t o = 0; o < n; ++o) {
      auto v = dlog.solve(decrypted[slot++]);
      if (!v)
        return make_error(Errc::decryption_failed, "contest[" + std::to_string(i) +
                                                       "]: total is outside 0.." +
                                                       std::to_string(dlog.max_value()));
      if (spec.kind == ContestKind::commendation) {
        r.agree = *v % B;
        r.disagree = *v / B;
        if (r.agree + r.disagree > ballots)
          return make_error(Errc::decryption_failed,
                            "contest[" + std::to_string(i) + "]: more marks than ballots");
        r.blank = ballots - r.agree - r.disagree;
      } else {
        if (*v > ballots)
          return make_error(Errc::decryption_failed,
                            "contest[" + std::to_string(i) + "]: more votes than ballots");
        r.option_counts.push_back(*v);
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<void> check_enough_ballots(std::uint32_t ballots, std::uint32_t min_ballots) {
  const std::uint32_t need = std::max(min_ballots, kLowestMinBallots);
  if (ballots >= need) return {};
  return make_error(Errc::invalid_argument,
                    "the tally holds " + std::to_string(ballots) + (ballots == 1 ? " ballot" : " ballots") +
                        ", fewer than the meeting's minimum of " + std::to_string(need) +
                        ": decrypting it would reveal how members voted");
}

} // namespace cv::crypto
