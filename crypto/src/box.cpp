#include "councilvote/crypto/box.hpp"

#include <sodium.h>
#include <string>

namespace cv::crypto {

BoxKeyPair BoxKeyPair::generate(Rng &rng) {
  SecretBytes sk(kBoxSecretKeyBytes);
  rng.fill(sk.span());
  return from_secret(sk.view()).value();
}

Result<BoxKeyPair> BoxKeyPair::from_secret(ByteView secret32) {
  if (secret32.size() != kBoxSecretKeyBytes)
    return make_error(Errc::invalid_argument,
                      "X25519 secret key must be 32 bytes, got " + std::to_string(secret32.size()));
  BoxKeyPair k;
  k.secret = SecretBytes(secret32);
  (void)crypto_scalarmult_base(k.public_key.data(), k.secret.data());
  return k;
}

} // namespace cv::crypto
