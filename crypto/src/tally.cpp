#include "councilvote/crypto/tally.hpp"

#include "councilvote/crypto/hash.hpp"
#include "decaf_support.hpp"
#include "tally_internal.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace cv::crypto {

struct TallyAccumulator::Impl {
  std::vector<decaf_255_point_s> sums; // alpha, beta of slot 0, then of slot 1, ...
  std::uint32_t ballots = 0;
};

TallyAccumulator::TallyAccumulator(std::size_t slots) : impl_(std::make_unique<Impl>()) {
  impl_->sums.resize(2 * slots);
  for (auto &p : impl_->sums) decaf_255_point_copy(&p, decaf_255_point_identity);
}
TallyAccumulator::~TallyAccumulator() = default;
TallyAccumulator::TallyAccumulator(TallyAccumulator &&) noexcept = default;
TallyAccumulator &TallyAccumulator::operator=(TallyAccumulator &&) noexcept = default;

std::size_t TallyAccumulator::slot_count() const noexcept { return impl_->sums.size() / 2; }
std::uint32_t TallyAccumulator::ballots() const noexcept { return impl_->ballots; }

void detail::TallyAccess::add_points(TallyAccumulator &t, std::span<const decaf_255_point_s> points) {
  auto &sums = t.impl_->sums;
  if (points.size() != sums.size()) std::abort(); // programming error: the caller counts the slots
  for (std::size_t i = 0; i < sums.size(); ++i) decaf_255_point_add(&sums[i], &sums[i], &points[i]);
  ++t.impl_->ballots;
}

Result<void> TallyAccumulator::add(const Ballot &ballot) {
  std::vector<decaf_255_point_s> points;
  points.reserve(impl_->sums.size());
  for (const auto &c : ballot.contests)
    for (const auto &ct : c.ciphertexts)
      for (const Point *p : {&ct.alpha, &ct.beta}) {
        if (points.size() == impl_->sums.size())
          return make_error(Errc::invalid_argument,
                            "the ballot has more ciphertexts than the tally has slots");
        points.emplace_back();
        if (!detail::to_decaf(&points.back(), *p)) std::abort(); // a Point always decodes
      }
  if (points.size() != impl_->sums.size())
    return make_error(Errc::invalid_argument, "the ballot has fewer ciphertexts than the tally has slots");
  detail::TallyAccess::add_points(*this, points);
  return {};
}

Result<void> TallyAccumulator::merge(const TallyAccumulator &other) {
  if (other.impl_->sums.size() != impl_->sums.size())
    return make_error(Errc::invalid_argument, "tallies of different numbers of slots");
  for (std::size_t i = 0; i < impl_->sums.size(); ++i)
    decaf_255_point_add(&impl_->sums[i], &impl_->sums[i], &other.impl_->sums[i]);
  impl_->ballots += other.impl_->ballots;
  return {};
}

std::vector<Ciphertext> TallyAccumulator::totals() const {
  std::vector<Ciphertext> out(slot_count());
  for (std::size_t s = 0; s < out.size(); ++s) {
    out[s].alpha = detail::encode_point(&impl_->sums[2 * s]);
    out[s].beta = detail::encode_point(&impl_->sums[2 * s + 1]);
  }
  return out;
}

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
