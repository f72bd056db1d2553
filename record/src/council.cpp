#include "councilvote/record/council.hpp"

#include <charconv>
#include <optional>

namespace cv::record {

namespace {

// A whole number of 1..4 decimal digits without a leading zero (or "0").
std::optional<std::uint32_t> small_number(std::string_view s) {
  if (s.empty() || s.size() > 4 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  std::uint32_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

} // namespace

std::string fraction_text(Fraction f) {
  if (f.den == 100) return std::to_string(f.num) + "%";
  return std::to_string(f.num) + "/" + std::to_string(f.den);
}

std::uint32_t agree_basis_points(std::uint64_t agree, std::uint64_t members) noexcept {
  if (members == 0) return 0;
  return static_cast<std::uint32_t>((agree * 20000 + members) / (2 * members));
}

std::string percent_text(std::uint32_t basis_points, std::string_view decimal_separator) {
  auto frac = std::to_string(basis_points % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return std::to_string(basis_points / 100) + std::string(decimal_separator) + frac + "%";
}

Result<Fraction> parse_fraction(std::string_view text, bool positive) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  auto bad = [&](const std::string &why) { return make_error(Errc::bad_field, quoted + ": " + why); };
  Fraction f;
  if (text.ends_with('%')) {
    auto n = small_number(text.substr(0, text.size() - 1));
    if (!n) return bad("a percentage is a whole number followed by %, such as 90%");
    if (*n > 100) return bad("a percentage must be at most 100%");
    f = {*n, 100};
  } else if (auto slash = text.find('/'); slash != std::string_view::npos) {
    auto n = small_number(text.substr(0, slash)), d = small_number(text.substr(slash + 1));
    if (!n || !d) return bad("a fraction is two whole numbers with a slash, such as 2/3");
    if (*d < 1 || *d > kMaxFractionDen)
      return bad("the denominator must be 1 to " + std::to_string(kMaxFractionDen));
    if (*n > *d) return bad("the numerator must not exceed the denominator (a share is at most the whole)");
    f = {*n, *d};
  } else if (small_number(text)) {
    return bad("write a percentage with its % sign (such as 90%) or a fraction (such as 2/3)");
  } else {
    return bad("not a fraction such as 2/3 nor a percentage such as 90%");
  }
  if (positive && f.num == 0) return bad("the share must be more than zero");
  return f;
}

} // namespace cv::record
