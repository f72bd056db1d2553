#include "msm.hpp"

#include "councilvote/crypto/batch.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace cv::crypto::detail {

namespace {

constexpr unsigned kNafWidth = 5;                        // Straus: digits odd, in (−16, 16)
constexpr std::size_t kNafTable = 1u << (kNafWidth - 2); // P, 3P, …, 15P
constexpr unsigned kMaxWindow = 16;                      // Pippenger
constexpr double kDoubleCost = 0.8;                      // a doubling, in point additions

// Bits [pos, pos + count) of a 32-byte little-endian scalar (zero past its end), count <= 16.
std::uint32_t bits_at(const std::uint8_t *s, unsigned pos, unsigned count) {
  const unsigned byte = pos / 8, shift = pos % 8;
  std::uint32_t v = 0;
  for (unsigned k = 0; k < 4 && byte + k < 32; ++k) v |= std::uint32_t{s[byte + k]} << (8 * k);
  return (v >> shift) & ((1u << count) - 1);
}

// acc (+|−)= p, where `set` says whether acc holds a point yet (skips additions of the identity).
void accumulate(decaf_255_point_s *acc, bool &set, const decaf_255_point_s *p, bool negative) {
  if (!set) {
    if (negative)
      decaf_255_point_negate(acc, p);
    else
      decaf_255_point_copy(acc, p);
    set = true;
  } else if (negative) {
    decaf_255_point_sub(acc, acc, p);
  } else {
    decaf_255_point_add(acc, acc, p);
  }
}

// Number of signed windows of `window` bits that hold a scalar of `bits` bits and the final carry.
unsigned windows_for(unsigned bits, unsigned window) { return (bits + window) / window; }

double pippenger_cost(std::span<const MsmTerm> terms, unsigned window, unsigned max_bits) {
  double adds = 0;
  for (const auto &t : terms) adds += windows_for(t.bits, window);
  const unsigned w = windows_for(max_bits, window);
  return adds + double(w) * (2.0 * double(1u << (window - 1)) + double(window) * kDoubleCost);
}

double straus_cost(std::span<const MsmTerm> terms, unsigned max_bits) {
  double adds = 0;
  for (const auto &t : terms) adds += double(kNafTable) + double(t.bits) / double(kNafWidth + 1);
  return adds + double(max_bits) * kDoubleCost;
}

// Width-5 NAF of a scalar < 2^253: naf[i] odd in (−16, 16) or 0, no two nonzero digits within 5.
void naf5(std::array<std::int8_t, 256> &naf, const std::uint8_t *s) {
  naf.fill(0);
  constexpr std::uint32_t width = 1u << kNafWidth;
  std::uint32_t carry = 0;
  unsigned pos = 0;
  while (pos < 256) {
    const std::uint32_t window = carry + bits_at(s, pos, kNafWidth);
    if ((window & 1u) == 0) { // this bit (with the carry) is 0: the carry, if any, moves up one bit
      ++pos;
      continue;
    }
    if (window < width / 2) {
      naf[pos] = static_cast<std::int8_t>(window);
      carry = 0;
    } else {
      naf[pos] = static_cast<std::int8_t>(static_cast<int>(window) - static_cast<int>(width));
      carry = 1;
    }
    pos += kNafWidth;
  }
}

void straus(decaf_255_point_s *out, std::span<const MsmTerm> terms) {
  const std::size_t n = terms.size();
  std::vector<std::array<std::int8_t, 256>> naf(n);
  std::vector<decaf_255_point_s> table(n * kNafTable);
  unsigned top = 0;
  for (std::size_t i = 0; i < n; ++i) {
    naf5(naf[i], terms[i].scalar);
    for (unsigned b = 256; b > top; --b)
      if (naf[i][b - 1] != 0) {
        top = b;
        break;
      }
    decaf_255_point_s *t = &table[i * kNafTable];
    decaf_255_point_s twice;
    decaf_255_point_copy(&t[0], terms[i].point);
    decaf_255_point_double(&twice, terms[i].point);
    for (std::size_t k = 1; k < kNafTable; ++k) decaf_255_point_add(&t[k], &t[k - 1], &twice);
  }
  bool set = false;
  for (unsigned b = top; b-- > 0;) {
    if (set) decaf_255_point_double(out, out);
    for (std::size_t i = 0; i < n; ++i) {
      const int d = naf[i][b];
      if (d == 0) continue;
      const auto idx = static_cast<std::size_t>((d < 0 ? -d : d) / 2);
      accumulate(out, set, &table[i * kNafTable + idx], d < 0);
    }
  }
  if (!set) decaf_255_point_copy(out, decaf_255_point_identity);
}

void pippenger(decaf_255_point_s *out, std::span<const MsmTerm> terms, unsigned window, unsigned max_bits) {
  const std::size_t n = terms.size();
  const unsigned wmax = windows_for(max_bits, window);
  const std::int32_t full = std::int32_t{1} << window, half = full / 2;
  // Signed digits in (−2^(c−1), 2^(c−1)]: term i, window k at digits[i * wmax + k].
  std::vector<std::int32_t> digits(n * wmax, 0);
  std::vector<unsigned> nwin(n);
  for (std::size_t i = 0; i < n; ++i) {
    nwin[i] = windows_for(terms[i].bits, window);
    std::int32_t carry = 0;
    for (unsigned k = 0; k < nwin[i]; ++k) {
      std::int32_t d = static_cast<std::int32_t>(bits_at(terms[i].scalar, k * window, window)) + carry;
      carry = d > half ? 1 : 0;
      if (carry != 0) d -= full;
      digits[i * wmax + k] = d;
    }
    if (carry != 0) std::abort(); // bits too small for the scalar: a programming error
  }
  const auto buckets = static_cast<std::size_t>(half);
  std::vector<decaf_255_point_s> bucket(buckets);
  std::vector<char> used(buckets);
  bool set = false;
  for (unsigned k = wmax; k-- > 0;) {
    if (set)
      for (unsigned d = 0; d < window; ++d) decaf_255_point_double(out, out);
    std::fill(used.begin(), used.end(), 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (k >= nwin[i]) continue;
      const std::int32_t d = digits[i * wmax + k];
      if (d == 0) continue;
      const auto b = static_cast<std::size_t>((d < 0 ? -d : d) - 1);
      bool u = used[b] != 0;
      accumulate(&bucket[b], u, terms[i].point, d < 0);
      used[b] = 1;
    }
    // Σ_b (b+1)·bucket[b] as a running sum from the top bucket down.
    decaf_255_point_s running, sum;
    bool running_set = false, sum_set = false;
    for (std::size_t b = buckets; b-- > 0;) {
      if (used[b] != 0) accumulate(&running, running_set, &bucket[b], false);
      if (running_set) accumulate(&sum, sum_set, &running, false);
    }
    if (sum_set) accumulate(out, set, &sum, false);
  }
  if (!set) decaf_255_point_copy(out, decaf_255_point_identity);
}

} // namespace

void msm_non_secret(decaf_255_point_s *out, std::span<const MsmTerm> terms, unsigned method) {
  unsigned max_bits = 1;
  for (const auto &t : terms) {
    if (t.bits < 1 || t.bits > 253) std::abort(); // programming error
    max_bits = std::max(max_bits, t.bits);
  }
  if (terms.empty()) {
    decaf_255_point_copy(out, decaf_255_point_identity);
    return;
  }
  if (method == kMsmStraus) return straus(out, terms);
  if (method >= 1 && method <= kMaxWindow) return pippenger(out, terms, method, max_bits);
  unsigned best = 0;
  double best_cost = straus_cost(terms, max_bits);
  for (unsigned c = 2; c <= kMaxWindow; ++c)
    if (const double cost = pippenger_cost(terms, c, max_bits); cost < best_cost) best = c, best_cost = cost;
  if (best == 0) return straus(out, terms);
  pippenger(out, terms, best, max_bits);
}

} // namespace cv::crypto::detail
