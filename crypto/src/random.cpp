#include "councilvote/crypto/random.hpp"

#include "councilvote/crypto/hash.hpp"

#include <sodium.h>

namespace cv::crypto {

void SystemRng::fill(std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); }

Rng &system_rng() noexcept {
  static SystemRng rng;
  return rng;
}

DeterministicRng DeterministicRng::from_label(std::string_view label) {
  return DeterministicRng(blake2b_256(as_bytes(label)));
}

void DeterministicRng::fill(std::span<std::uint8_t> out) {
  // Keystream of ChaCha20(key = seed, nonce = 0) from byte `offset_` on: ic counts 64-byte blocks.
  std::uint64_t block = offset_ / 64;
  std::size_t skip = static_cast<std::size_t>(offset_ % 64);
  Bytes ks(skip + out.size());
  static const std::uint8_t nonce[crypto_stream_chacha20_NONCEBYTES] = {0};
  Bytes zeros(ks.size(), 0);
  crypto_stream_chacha20_xor_ic(ks.data(), zeros.data(), ks.size(), nonce, block, seed_.data());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = ks[skip + i];
  offset_ += out.size();
  sodium_memzero(ks.data(), ks.size());
}

} // namespace cv::crypto
