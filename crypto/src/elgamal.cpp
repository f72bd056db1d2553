#include "councilvote/crypto/elgamal.hpp"

#include <cmath>

namespace cv::crypto {

Ciphertext elgamal_encrypt(const Point &joint_key, std::uint64_t m, const Scalar &r) noexcept {
  return {Point::base_mul(r), Point::base_mul_u64(m) + r * joint_key};
}

DiscreteLog::DiscreteLog(std::uint64_t max_value) : max_(max_value) {
  step_ = static_cast<std::uint64_t>(std::ceil(std::sqrt(static_cast<double>(max_value) + 1.0)));
  if (step_ == 0) step_ = 1;
  baby_.reserve(static_cast<std::size_t>(step_));
  Point p = Point::identity();
  const Point g = Point::generator();
  for (std::uint64_t j = 0; j < step_; ++j) {
    baby_.emplace(std::string(p.bytes().begin(), p.bytes().end()), j);
    p += g;
  }
  giant_ = p; // step·G
}

std::optional<std::uint64_t> DiscreteLog::solve(const Point &mG) const {
  // m = i·step + j: look up mG - i·step·G among the baby steps.
  Point y = mG;
  for (std::uint64_t i = 0; i * step_ <= max_; ++i) {
    auto it = baby_.find(std::string(y.bytes().begin(), y.bytes().end()));
    if (it != baby_.end()) {
      std::uint64_t m = i * step_ + it->second;
      if (m <= max_) return m;
      return std::nullopt;
    }
    y = y - giant_;
  }
  return std::nullopt;
}

} // namespace cv::crypto
