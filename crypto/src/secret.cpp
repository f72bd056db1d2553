#include "councilvote/crypto/secret.hpp"

#include <cstring>
#include <new>
#include <sodium.h>

namespace cv::crypto {

SecretBytes::SecretBytes(std::size_t n) : n_(n) {
  if (n == 0) return;
  p_ = static_cast<std::uint8_t *>(sodium_malloc(n));
  if (p_ == nullptr) throw std::bad_alloc();
  std::memset(p_, 0, n);
}

SecretBytes::SecretBytes(ByteView init) : SecretBytes(init.size()) {
  if (!init.empty()) std::memcpy(p_, init.data(), init.size());
}

SecretBytes &SecretBytes::operator=(const SecretBytes &o) {
  if (this != &o) *this = SecretBytes(o.view());
  return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&o) noexcept {
  if (this != &o) {
    if (p_ != nullptr) sodium_free(p_);
    p_ = o.p_;
    n_ = o.n_;
    o.p_ = nullptr;
    o.n_ = 0;
  }
  return *this;
}

SecretBytes::~SecretBytes() {
  if (p_ != nullptr) sodium_free(p_); // sodium_free wipes before releasing
}

Scalar SecretScalar::get() const {
  auto s = Scalar::from_bytes(buf_.view());
  return s ? *s : Scalar{};
}

} // namespace cv::crypto
