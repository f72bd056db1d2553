#include "councilvote/crypto/init.hpp"

#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/elgamal.hpp"
#include "councilvote/crypto/group.hpp"

#include <decaf/point_255.h>
#include <mutex>
#include <sodium.h>
#include <string_view>

namespace cv::crypto {

namespace {

// The known-answer tests of docs/protocol.md §14. Each returns false on failure.

bool hex_is(ByteView got, std::string_view expected_hex) { return to_hex(got) == expected_hex; }

bool test_blake2b() { // RFC 7693 Appendix A
  ByteArray<64> h{};
  crypto_generichash_blake2b(h.data(), h.size(), as_bytes("abc").data(), 3, nullptr, 0);
  return hex_is(h, "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                   "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

bool test_ristretto_base() { // RFC 9496 Appendix A.1: 0·G, 1·G, 2·G
  return hex_is(Point::base_mul(Scalar{}).bytes(), std::string(64, '0')) &&
         hex_is(Point::base_mul_u64(1).bytes(),
                "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76") &&
         hex_is(Point::base_mul_u64(2).bytes(),
                "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919") &&
         Point::generator() + Point::generator() == Point::base_mul_u64(2);
}

bool test_decaf_agrees() { // two independent implementations of ristretto255 give the same k·G
  ByteArray<64> wide{};
  crypto_generichash_blake2b(wide.data(), wide.size(), as_bytes("CouncilVote self-test").data(), 21, nullptr,
                             0);
  const Scalar k = Scalar::reduce64(wide);
  decaf_255_scalar_t dk;
  if (decaf_255_scalar_decode(dk, k.bytes().data()) != DECAF_SUCCESS) return false;
  decaf_255_point_t p;
  decaf_255_precomputed_scalarmul(p, decaf_255_precomputed_base, dk);
  ByteArray<32> enc{};
  decaf_255_point_encode(enc.data(), p);
  decaf_255_scalar_destroy(dk);
  decaf_255_point_destroy(p);
  return ct_equal(enc, Point::base_mul(k).bytes());
}

bool test_ed25519() { // RFC 8032 §7.1 TEST 1 (empty message), raw libsodium: no domain tag
  auto seed = from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  if (!seed) return false;
  ByteArray<crypto_sign_PUBLICKEYBYTES> pk{};
  ByteArray<crypto_sign_SECRETKEYBYTES> sk{};
  ByteArray<crypto_sign_BYTES> sig{};
  const std::uint8_t empty[1] = {0}; // a valid pointer for the 0-byte message
  crypto_sign_seed_keypair(pk.data(), sk.data(), seed->data());
  crypto_sign_detached(sig.data(), nullptr, empty, 0, sk.data());
  sodium_memzero(sk.data(), sk.size());
  return hex_is(pk, "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") &&
         hex_is(sig, "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b") &&
         crypto_sign_verify_detached(sig.data(), empty, 0, pk.data()) == 0;
}

bool test_xchacha20poly1305() { // draft-irtf-cfrg-xchacha-03 §A.3.1, then tamper checks
  constexpr std::string_view msg =
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
      "the future, sunscreen would be it.";
  const ByteArray<12> ad{0x50, 0x51, 0x52, 0x53, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7};
  ByteArray<32> key{};
  ByteArray<24> nonce{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(0x80 + i);
  for (std::size_t i = 0; i < nonce.size(); ++i) nonce[i] = static_cast<std::uint8_t>(0x40 + i);
  Bytes ct(msg.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt(ct.data(), nullptr, as_bytes(msg).data(), msg.size(), ad.data(),
                                             ad.size(), nullptr, nonce.data(), key.data());
  if (!hex_is(
          ct,
          "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39"
          "ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
          "21f9664c97637da9768812f615c68b13b52ec0875924c1c7987947deafd8780acf49"))
    return false;
  auto open = [&](const Bytes &c, ByteView a) {
    Bytes pt(msg.size());
    return crypto_aead_xchacha20poly1305_ietf_decrypt(pt.data(), nullptr, nullptr, c.data(), c.size(),
                                                      a.data(), a.size(), nonce.data(), key.data()) == 0 &&
           ct_equal(pt, as_bytes(msg));
  };
  Bytes tampered = ct;
  tampered[7] ^= 0x01;
  return open(ct, ad) && !open(tampered, ad) && !open(ct, ByteView(ad).first(11));
}

bool test_elgamal() { // Enc(20) + Enc(22) under a fixed key decrypts to 42
  const Scalar sk = Scalar::from_u64(0x5eed), r1 = Scalar::from_u64(1234567), r2 = Scalar::from_u64(7654321);
  const Point pk = Point::base_mul(sk);
  const Ciphertext c = elgamal_encrypt(pk, 20, r1) + elgamal_encrypt(pk, 22, r2);
  const DiscreteLog dlog(100);
  const auto m = dlog.solve(c.beta - sk * c.alpha);
  return m && *m == 42 && !dlog.solve(Point::base_mul_u64(101));
}

} // namespace

Result<void> run_self_tests() {
  struct Test {
    bool (*run)();
    const char *name;
  };
  static constexpr Test tests[] = {
      {test_blake2b, "BLAKE2b-512(\"abc\") (RFC 7693 Appendix A)"},
      {test_ristretto_base, "ristretto255 encodings of 0·G, 1·G, 2·G (RFC 9496 A.1)"},
      {test_decaf_agrees, "libdecaf and libsodium agree on k·G"},
      {test_ed25519, "Ed25519 RFC 8032 §7.1 TEST 1"},
      {test_xchacha20poly1305, "XChaCha20-Poly1305 known answer and tamper detection"},
      {test_elgamal, "ElGamal encrypt/add/decrypt with DiscreteLog"},
  };
  for (const auto &t : tests)
    if (!t.run()) return make_error(Errc::self_test_failed, std::string("self-test failed: ") + t.name);
  return {};
}

Result<void> init() {
  static std::once_flag once;
  static Result<void> result;
  std::call_once(once, [] {
    if (sodium_init() < 0) {
      result = make_error(Errc::system_error, "sodium_init failed");
      return;
    }
    result = run_self_tests();
  });
  return result;
}

} // namespace cv::crypto
