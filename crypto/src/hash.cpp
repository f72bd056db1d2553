#include "councilvote/crypto/hash.hpp"

#include <cstdlib>

namespace cv::crypto {

Transcript::Transcript(std::string_view tag) {
  crypto_generichash_blake2b_init(&st_, nullptr, 0, 64);
  fixed(as_bytes(kHashPrefix));
  var(as_bytes(tag));
}

Transcript &Transcript::point(const Point &p) { return fixed(p.bytes()); }
Transcript &Transcript::scalar(const Scalar &s) { return fixed(s.bytes()); }
Transcript &Transcript::u32(std::uint32_t v) {
  ByteArray<4> le{};
  for (std::size_t i = 0; i < 4; ++i) le[i] = static_cast<std::uint8_t>(v >> (8 * i));
  return fixed(le);
}
Transcript &Transcript::u64(std::uint64_t v) {
  ByteArray<8> le{};
  for (std::size_t i = 0; i < 8; ++i) le[i] = static_cast<std::uint8_t>(v >> (8 * i));
  return fixed(le);
}
Transcript &Transcript::fixed(ByteView b) {
  if (done_) std::abort(); // programming error: appending after finalising
  crypto_generichash_blake2b_update(&st_, b.data(), b.size());
  return *this;
}
Transcript &Transcript::var(ByteView b) {
  u32(static_cast<std::uint32_t>(b.size()));
  return fixed(b);
}

ByteArray<64> Transcript::digest64() {
  if (done_) std::abort();
  ByteArray<64> out{};
  crypto_generichash_blake2b_final(&st_, out.data(), out.size());
  done_ = true;
  return out;
}
ByteArray<32> Transcript::digest32() {
  auto d = digest64();
  ByteArray<32> out{};
  for (std::size_t i = 0; i < 32; ++i) out[i] = d[i];
  return out;
}
Scalar Transcript::challenge() { return Scalar::reduce64(digest64()); }

ByteArray<32> blake2b_256(ByteView data) {
  ByteArray<32> out{};
  crypto_generichash_blake2b(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
  return out;
}

} // namespace cv::crypto
