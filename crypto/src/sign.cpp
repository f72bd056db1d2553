#include "councilvote/crypto/sign.hpp"

#include "councilvote/crypto/hash.hpp"

#include <sodium.h>

namespace cv::crypto {

SigningKey SigningKey::from_seed(ByteView seed32) {
  SigningKey k;
  crypto_sign_seed_keypair(k.public_key.data(), k.secret.data(), seed32.data());
  return k;
}

SigningKey SigningKey::generate(Rng &rng) {
  SecretBytes seed(kSignSeedBytes);
  rng.fill(seed.span());
  return from_seed(seed.view());
}

Bytes signing_input(std::string_view tag, ByteView message) {
  ByteWriter w;
  w.fixed(as_bytes(kHashPrefix));
  w.str(tag);
  w.fixed(message);
  return w.take();
}

Signature sign(const SigningKey &key, std::string_view tag, ByteView message) {
  Signature sig{};
  auto m = signing_input(tag, message);
  crypto_sign_detached(sig.data(), nullptr, m.data(), m.size(), key.secret.data());
  return sig;
}

Result<void> check_sign_public_key(const SignPublicKey &pk) {
  static constexpr SignPublicKey kIdentity{1};
  if (sodium_memcmp(pk.data(), kIdentity.data(), pk.size()) == 0)
    return make_error(Errc::identity_point, "the key is the identity point, which anyone can sign for");
  if (crypto_core_ed25519_is_valid_point(pk.data()) != 1)
    return make_error(Errc::invalid_encoding,
                      "the key is not the canonical encoding of a point of prime order (a non-canonical "
                      "encoding, a point off the curve, or a small-order point)");
  return {};
}

Result<void> verify_signature(const SignPublicKey &pk, std::string_view tag, ByteView message,
                              const Signature &sig) {
  auto m = signing_input(tag, message);
  if (crypto_sign_verify_detached(sig.data(), m.data(), m.size(), pk.data()) != 0)
    return make_error(Errc::verification_failed, "Ed25519 signature does not verify");
  return {};
}

} // namespace cv::crypto
