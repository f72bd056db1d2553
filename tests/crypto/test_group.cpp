#include "councilvote/crypto/elgamal.hpp"
#include "councilvote/crypto/group.hpp"
#include "councilvote/crypto/hash.hpp"

#include <catch2/catch.hpp>

using namespace cv::crypto;

TEST_CASE("scalar decoding is canonical only") {
  // l = 2^252 + 27742317777372353535851937790883648493, little-endian
  auto l = from_hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
  REQUIRE(l);
  auto s = Scalar::from_bytes(*l);
  REQUIRE_FALSE(s);
  CHECK(s.error().code == Errc::invalid_encoding);
  auto lm1 = *l;
  lm1[0] = 0xec;
  CHECK(Scalar::from_bytes(lm1));
  Bytes ff(32, 0xff);
  CHECK_FALSE(Scalar::from_bytes(ff));
  CHECK_FALSE(Scalar::from_bytes(Bytes(31, 0)));
}

TEST_CASE("scalar arithmetic round-trips") {
  auto a = Scalar::random(), b = Scalar::random();
  CHECK((a + b) - b == a);
  CHECK(a * a.invert() == Scalar::from_u64(1));
  CHECK(a + (-a) == Scalar{});
  auto enc = Scalar::from_bytes(a.bytes());
  REQUIRE(enc);
  CHECK(*enc == a);
}

TEST_CASE("point decoding validates and handles the identity") {
  auto g = Point::generator();
  auto d = Point::from_bytes(g.bytes(), false);
  REQUIRE(d);
  CHECK(*d == g);
  Bytes zero(32, 0);
  auto id = Point::from_bytes(zero, false);
  REQUIRE_FALSE(id);
  CHECK(id.error().code == Errc::identity_point);
  CHECK(Point::from_bytes(zero, true));
  Bytes bad(32, 0xff);
  CHECK(Point::from_bytes(bad, true).error().code == Errc::invalid_encoding);
  // A non-canonical encoding: the field element p = 2^255 - 19 itself.
  auto p = from_hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  CHECK_FALSE(Point::from_bytes(*p, true));
  CHECK_FALSE(Point::from_bytes(Bytes(33, 0), true));
  // The same point with the top bit set is a second, non-canonical encoding: rejected.
  auto high = g.bytes();
  high[31] |= 0x80;
  CHECK(Point::from_bytes(high, true).error().code == Errc::invalid_encoding);
}

TEST_CASE("scalar multiplication by zero and of the identity give the identity") {
  CHECK(Point::base_mul(Scalar{}).is_identity());
  CHECK((Scalar{} * Point::generator()).is_identity());
  CHECK((Scalar::random() * Point::identity()).is_identity());
  auto x = Scalar::random();
  auto X = Point::base_mul(x);
  CHECK(X + Point::identity() == X);
  CHECK((X - X).is_identity());
  CHECK(Scalar::from_u64(3) * X == X + X + X);
}

TEST_CASE("transcripts are domain separated") {
  auto a = Transcript("A").u32(1).challenge();
  auto b = Transcript("B").u32(1).challenge();
  auto a2 = Transcript("A").u32(1).challenge();
  CHECK_FALSE(a == b);
  CHECK(a == a2);
  // var() length prefixes prevent concatenation ambiguity
  auto c1 = Transcript("T").str("ab").str("c").digest32();
  auto c2 = Transcript("T").str("a").str("bc").digest32();
  CHECK(c1 != c2);
}

TEST_CASE("ElGamal encrypts, adds homomorphically and decrypts zero") {
  auto s = Scalar::random();
  auto K = Point::base_mul(s);
  DiscreteLog dlog(1000000);
  std::uint64_t total = 0;
  Ciphertext sum{Point::identity(), Point::identity()};
  for (std::uint64_t m : {0ULL, 1ULL, 5ULL, 0ULL, 1000ULL}) {
    auto c = elgamal_encrypt(K, m, Scalar::random());
    auto M = c.beta - s * c.alpha;
    auto got = dlog.solve(M);
    REQUIRE(got);
    CHECK(*got == m);
    sum += c;
    total += m;
  }
  auto got = dlog.solve(sum.beta - s * sum.alpha);
  REQUIRE(got);
  CHECK(*got == total);
  CHECK(dlog.solve(Point::base_mul_u64(0)) == std::optional<std::uint64_t>(0));
  CHECK(dlog.solve(Point::base_mul_u64(1000000)) == std::optional<std::uint64_t>(1000000));
  CHECK_FALSE(dlog.solve(Point::base_mul_u64(1000001)));
  CHECK(dlog.solve(Point::base_mul_u64(999983)) == std::optional<std::uint64_t>(999983));
}

TEST_CASE("deterministic rng reproduces and differs by seed") {
  auto r1 = DeterministicRng::from_label("x"), r2 = DeterministicRng::from_label("x");
  auto r3 = DeterministicRng::from_label("y");
  CHECK(Scalar::random(r1) == Scalar::random(r2));
  CHECK(Scalar::random(r1) == Scalar::random(r2));
  CHECK_FALSE(Scalar::random(r1) == Scalar::random(r3));
  // Reading 10 + 90 bytes equals reading 100 at once.
  auto a = DeterministicRng::from_label("z"), b = DeterministicRng::from_label("z");
  Bytes x(100), y1(10), y2(90);
  a.fill(x);
  b.fill(y1);
  b.fill(y2);
  y1.insert(y1.end(), y2.begin(), y2.end());
  CHECK(x == y1);
}
