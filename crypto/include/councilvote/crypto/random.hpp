// Randomness. Production code uses SystemRng (libsodium's randombytes). DeterministicRng expands a
// 32-byte seed with ChaCha20 (libsodium crypto_stream_chacha20, nonce 0); it exists only so that
// the test vectors of docs/test-vectors/ are reproducible and must never be used for real ballots.
#pragma once

#include "councilvote/crypto/bytes.hpp"

#include <cstdint>

namespace cv::crypto {

class Rng {
public:
  virtual ~Rng() = default;
  virtual void fill(std::span<std::uint8_t> out) = 0;
};

class SystemRng final : public Rng {
public:
  void fill(std::span<std::uint8_t> out) override;
};

class DeterministicRng final : public Rng {
public:
  explicit DeterministicRng(const ByteArray<32> &seed) noexcept : seed_(seed) {}
  // Seed = BLAKE2b-256 of the label; convenient for tests.
  [[nodiscard]] static DeterministicRng from_label(std::string_view label);
  void fill(std::span<std::uint8_t> out) override;

private:
  ByteArray<32> seed_;
  std::uint64_t offset_ = 0; // bytes of keystream consumed so far
};

[[nodiscard]] Rng &system_rng() noexcept;

} // namespace cv::crypto
