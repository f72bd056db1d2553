// Long-lived secrets (signing keys, key shares, polynomial coefficients, key-file plaintext) live
// in sodium_malloc'd memory: guard pages, mlock'd where possible, wiped by sodium_free.
#pragma once

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/group.hpp"

#include <cstddef>
#include <cstdint>

namespace cv::crypto {

class SecretBytes {
public:
  SecretBytes() noexcept = default;
  explicit SecretBytes(std::size_t n); // zero-filled; throws std::bad_alloc on failure
  SecretBytes(ByteView init);          // copies init
  SecretBytes(const SecretBytes &o) : SecretBytes(o.view()) {}
  SecretBytes &operator=(const SecretBytes &o);
  SecretBytes(SecretBytes &&o) noexcept : p_(o.p_), n_(o.n_) { o.p_ = nullptr, o.n_ = 0; }
  SecretBytes &operator=(SecretBytes &&o) noexcept;
  ~SecretBytes();

  [[nodiscard]] std::uint8_t *data() noexcept { return p_; }
  [[nodiscard]] const std::uint8_t *data() const noexcept { return p_; }
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  [[nodiscard]] ByteView view() const noexcept { return {p_, n_}; }
  [[nodiscard]] std::span<std::uint8_t> span() noexcept { return {p_, n_}; }

private:
  std::uint8_t *p_ = nullptr;
  std::size_t n_ = 0;
};

// A secret scalar kept in sodium_malloc'd memory.
class SecretScalar {
public:
  SecretScalar() : buf_(kScalarBytes) {}
  explicit SecretScalar(const Scalar &s) : buf_(ByteView(s.bytes())) {}
  [[nodiscard]] static SecretScalar random(Rng &rng = system_rng()) {
    return SecretScalar(Scalar::random(rng));
  }
  // A temporary copy for arithmetic; it is wiped when it goes out of scope.
  [[nodiscard]] Scalar get() const;
  [[nodiscard]] ByteView view() const noexcept { return buf_.view(); }

private:
  SecretBytes buf_;
};

} // namespace cv::crypto
