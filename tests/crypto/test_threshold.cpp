#include "councilvote/crypto/decryption_proof.hpp"
#include "councilvote/crypto/elgamal.hpp"
#include "councilvote/crypto/hash.hpp"
#include "councilvote/crypto/schnorr.hpp"
#include "councilvote/crypto/threshold.hpp"

#include <catch2/catch.hpp>
#include <optional>

using namespace cv::crypto;

namespace {

ByteArray<32> label32(std::string_view label) { return blake2b_256(as_bytes(label)); }

// All the public and private material of one honest ceremony.
struct Run {
  std::optional<Ceremony> ceremony;
  std::vector<TrusteeSecrets> secrets; // [j-1]
  std::vector<TrusteeCommitments> commitments;
  std::vector<EncryptedShare> shares;
  [[nodiscard]] CeremonyMessages messages() const { return {commitments, shares}; }
};

Run run_ceremony(std::uint32_t n, std::uint32_t t, std::string_view label) {
  auto rng = DeterministicRng::from_label(label);
  Run run;
  CeremonyParams params{std::string(label), t, {}};
  for (std::uint32_t j = 1; j <= n; ++j) {
    TrusteeSecrets s{j, BoxKeyPair::generate(rng), DealerPolynomial::random(t, rng)};
    params.trustees.push_back({j, s.box.public_key});
    run.secrets.push_back(std::move(s));
  }
  auto c = Ceremony::create(params);
  REQUIRE(c);
  run.ceremony.emplace(std::move(*c));
  for (const auto &s : run.secrets) {
    auto commit = commit_polynomial(*run.ceremony, s, rng);
    REQUIRE(commit);
    run.commitments.push_back(*commit);
    auto dealt = deal_shares(*run.ceremony, s, rng);
    REQUIRE(dealt);
    REQUIRE(dealt->size() == n - 1);
    run.shares.insert(run.shares.end(), dealt->begin(), dealt->end());
  }
  return run;
}

std::vector<TrusteeKeyShare> finalize_all(const Run &run) {
  std::vector<TrusteeKeyShare> keys;
  for (const auto &s : run.secrets) {
    auto k = finalize_key_share(*run.ceremony, s, run.messages());
    REQUIRE(k);
    keys.push_back(std::move(*k));
  }
  return keys;
}

// Encrypts the totals, as a sum of several encryptions each, under K.
std::vector<Ciphertext> encrypt_totals(const Point &K, const std::vector<std::uint64_t> &totals, Rng &rng) {
  std::vector<Ciphertext> out;
  for (auto m : totals) {
    Ciphertext c = elgamal_encrypt(K, m, Scalar::random(rng));
    c += elgamal_encrypt(K, 0, Scalar::random(rng));
    out.push_back(c);
  }
  return out;
}

std::vector<std::uint64_t> solve_all(const std::vector<Point> &mG) {
  static const DiscreteLog dlog(1000);
  std::vector<std::uint64_t> out;
  for (const auto &p : mG) {
    auto m = dlog.solve(p);
    REQUIRE(m);
    out.push_back(*m);
  }
  return out;
}

// All subsets of {1..n} with exactly k elements.
std::vector<std::vector<std::uint32_t>> subsets(std::uint32_t n, std::uint32_t k) {
  std::vector<std::vector<std::uint32_t>> out;
  for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
    std::vector<std::uint32_t> s;
    for (std::uint32_t j = 1; j <= n; ++j)
      if ((mask >> (j - 1)) & 1U) s.push_back(j);
    if (s.size() == k) out.push_back(s);
  }
  return out;
}

Point tweak(const Point &p) { return p + Point::generator(); }
Scalar tweak(const Scalar &s) { return s + Scalar::from_u64(1); }

template <class T, class Encode, class Decode>
void check_round_trip_and_truncation(const T &value, Encode encode, Decode decode,
                                     std::size_t expected_size) {
  ByteWriter w;
  encode(w, value);
  const Bytes enc = w.take();
  CHECK(enc.size() == expected_size);
  ByteReader r(enc);
  auto back = decode(r);
  REQUIRE(back);
  CHECK(r.expect_end("test"));
  ByteWriter w2;
  encode(w2, *back);
  CHECK(w2.bytes() == enc);
  for (std::size_t len = 0; len < enc.size(); len += 7) {
    ByteReader rt(ByteView(enc).first(len));
    auto d = decode(rt);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == Errc::invalid_encoding);
  }
}

} // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("Schnorr proof: round trip, tampering, encoding", "[threshold]") {
  auto rng = DeterministicRng::from_label("schnorr");
  const auto ctx = label32("ctx");
  const Scalar x = Scalar::random(rng);
  const Point X = Point::base_mul(x);
  const SchnorrProof proof = schnorr_prove(ctx, X, x, rng);
  CHECK(schnorr_verify(ctx, X, proof));

  auto fails = [&](const ByteArray<32> &c, const Point &pk, const SchnorrProof &pr) {
    auto r = schnorr_verify(c, pk, pr);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::verification_failed);
  };
  auto other_ctx = ctx;
  other_ctx[31] ^= 1;
  fails(other_ctx, X, proof);
  fails(ctx, tweak(X), proof);
  fails(ctx, X, {tweak(proof.commitment), proof.response});
  fails(ctx, X, {proof.commitment, tweak(proof.response)});
  // A proof for another key, even with the right context, does not transfer.
  const Scalar y = Scalar::random(rng);
  fails(ctx, X, schnorr_prove(ctx, Point::base_mul(y), y, rng));

  CHECK(schnorr_verify(ctx, Point::identity(), proof).error().code == Errc::identity_point);
  CHECK(schnorr_verify(ctx, X, {Point::identity(), proof.response}).error().code == Errc::identity_point);

  check_round_trip_and_truncation(proof, encode_schnorr, decode_schnorr, kSchnorrProofBytes);
  ByteWriter w;
  encode_schnorr(w, proof);
  Bytes enc = w.take();
  Bytes bad_z = enc;
  for (std::size_t i = 32; i < 64; ++i) bad_z[i] = 0xff; // z >= l
  ByteReader rz(bad_z);
  CHECK(decode_schnorr(rz).error().code == Errc::invalid_encoding);
  Bytes id_r = enc;
  for (std::size_t i = 0; i < 32; ++i) id_r[i] = 0;
  ByteReader ri(id_r);
  CHECK(decode_schnorr(ri).error().code == Errc::identity_point);
}

TEST_CASE("decryption proof: round trip, tampering, encoding", "[threshold]") {
  auto rng = DeterministicRng::from_label("chaum-pedersen");
  const SecretScalar s = SecretScalar::random(rng);
  const Point alpha = Point::base_mul(Scalar::random(rng));
  const DecryptionStatement st{
      label32("tally"), Point::base_mul(Scalar::random(rng)), 2, Point::base_mul(s.get()), alpha,
      s.get() * alpha};
  const DecryptionProof proof = prove_decryption(st, s, rng);
  CHECK(verify_decryption(st, proof));

  auto fails = [&](const DecryptionStatement &bad_st, const DecryptionProof &bad_proof) {
    auto r = verify_decryption(bad_st, bad_proof);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::verification_failed);
  };
  auto with = [&](auto change) {
    DecryptionStatement copy = st;
    change(copy);
    return copy;
  };
  fails(with([](auto &x) { x.context[0] ^= 1; }), proof);
  fails(with([](auto &x) { x.joint_key = tweak(x.joint_key); }), proof);
  fails(with([](auto &x) { x.trustee_index = 3; }), proof);
  fails(with([](auto &x) { x.public_share = tweak(x.public_share); }), proof);
  fails(with([](auto &x) { x.alpha = tweak(x.alpha); }), proof);
  fails(with([](auto &x) { x.share = tweak(x.share); }), proof);
  fails(st, {tweak(proof.a), proof.b, proof.z});
  fails(st, {proof.a, tweak(proof.b), proof.z});
  fails(st, {proof.a, proof.b, tweak(proof.z)});
  // A wrong share with an honest-looking proof made with the wrong secret.
  const SecretScalar wrong(tweak(s.get()));
  fails(with([&](auto &x) { x.share = wrong.get() * alpha; }),
        prove_decryption(with([&](auto &x) { x.share = wrong.get() * alpha; }), wrong, rng));
  CHECK(verify_decryption(with([](auto &x) { x.public_share = Point::identity(); }), proof).error().code ==
        Errc::identity_point);

  check_round_trip_and_truncation(proof, encode_decryption_proof, decode_decryption_proof,
                                  kDecryptionProofBytes);
}

TEST_CASE("ceremony roster is validated and bound into the context", "[threshold]") {
  auto rng = DeterministicRng::from_label("roster");
  CeremonyParams p{"meeting-1", 2, {}};
  for (std::uint32_t j = 1; j <= 3; ++j) p.trustees.push_back({j, BoxKeyPair::generate(rng).public_key});
  auto ok = Ceremony::create(p);
  REQUIRE(ok);
  CHECK(ok->context() == ceremony_context(p));

  auto rejects = [](CeremonyParams bad) {
    auto r = Ceremony::create(std::move(bad));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_argument);
  };
  auto bad = p;
  bad.threshold = 0;
  rejects(bad);
  bad.threshold = 4;
  rejects(bad);
  bad = p;
  bad.trustees[1].index = 3;
  rejects(bad);
  bad = p;
  bad.trustees[2].box_public_key = bad.trustees[0].box_public_key;
  rejects(bad);
  bad = p;
  bad.meeting_id.clear();
  rejects(bad);

  auto other = p;
  other.meeting_id = "meeting-2";
  CHECK(ceremony_context(other) != ceremony_context(p));
  other = p;
  other.threshold = 3;
  CHECK(ceremony_context(other) != ceremony_context(p));
}

TEST_CASE("3 trustees, threshold 2: every quorum decrypts the same totals", "[threshold]") {
  Run run = run_ceremony(3, 2, "ceremony-3-2");
  for (const auto &s : run.secrets) {
    auto complaints = check_shares(*run.ceremony, s, run.messages());
    REQUIRE(complaints);
    CHECK(complaints->empty());
  }
  const auto keys = finalize_all(run);
  auto pk = threshold_public_key(*run.ceremony, run.commitments);
  REQUIRE(pk);
  CHECK(pk->joint_key == joint_public_key(run.commitments));
  CHECK_FALSE(pk->joint_key.is_identity());
  for (const auto &k : keys) {
    CHECK(k.joint_key == pk->joint_key);
    CHECK(k.public_share == pk->verification_shares[k.index - 1]);
    CHECK(k.public_share == verification_share(run.commitments, k.index));
  }

  auto rng = DeterministicRng::from_label("ballots-3-2");
  const std::vector<std::uint64_t> totals{0, 1, 7, 22};
  const auto cts = encrypt_totals(pk->joint_key, totals, rng);
  const auto ctx = label32("tally-3-2");
  std::vector<PartialDecryption> partials;
  for (const auto &k : keys) partials.push_back(partial_decrypt(k, ctx, cts, rng));

  const std::vector<std::vector<std::uint32_t>> quorums{{1, 2}, {1, 3}, {2, 3}, {1, 2, 3}, {3, 1}};
  for (const auto &set : quorums) {
    std::vector<PartialDecryption> chosen;
    for (auto j : set) chosen.push_back(partials[j - 1]);
    auto mG = combine_partial_decryptions({*pk, ctx, cts, chosen});
    REQUIRE(mG);
    CHECK(solve_all(*mG) == totals);
  }
  for (std::uint32_t j = 1; j <= 3; ++j) {
    const std::vector<PartialDecryption> alone{partials[j - 1]};
    auto r = combine_partial_decryptions({*pk, ctx, cts, alone});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::insufficient_shares);
  }
  // The same trustee twice is not two trustees.
  const std::vector<PartialDecryption> twice{partials[0], partials[0]};
  auto dup = combine_partial_decryptions({*pk, ctx, cts, twice});
  REQUIRE_FALSE(dup);
  CHECK(dup.error().code == Errc::invalid_argument);
  // Proofs are bound to the tally context.
  auto wrong_ctx = combine_partial_decryptions({*pk, label32("another tally"), cts, partials});
  REQUIRE_FALSE(wrong_ctx);
  CHECK(wrong_ctx.error().code == Errc::verification_failed);
}

TEST_CASE("5 trustees, threshold 3", "[threshold]") {
  Run run = run_ceremony(5, 3, "ceremony-5-3");
  const auto keys = finalize_all(run);
  auto pk = threshold_public_key(*run.ceremony, run.commitments);
  REQUIRE(pk);
  auto rng = DeterministicRng::from_label("ballots-5-3");
  const std::vector<std::uint64_t> totals{0, 15, 22};
  const auto cts = encrypt_totals(pk->joint_key, totals, rng);
  const auto ctx = label32("tally-5-3");
  std::vector<PartialDecryption> partials;
  for (const auto &k : keys) partials.push_back(partial_decrypt(k, ctx, cts, rng));

  for (std::uint32_t size = 2; size <= 5; ++size) {
    for (const auto &set : subsets(5, size)) {
      std::vector<PartialDecryption> chosen;
      for (auto j : set) chosen.push_back(partials[j - 1]);
      auto mG = combine_partial_decryptions({*pk, ctx, cts, chosen});
      if (size < 3) {
        REQUIRE_FALSE(mG);
        CHECK(mG.error().code == Errc::insufficient_shares);
      } else {
        REQUIRE(mG);
        CHECK(solve_all(*mG) == totals);
      }
    }
  }
}

TEST_CASE("a bad share is a complaint that names its sender", "[threshold]") {
  Run run = run_ceremony(3, 2, "ceremony-bad-share");
  auto &me = run.secrets[2]; // trustee 3
  auto share_2_to_3 = [&]() -> EncryptedShare & {
    for (auto &s : run.shares)
      if (s.from == 2 && s.to == 3) return s;
    FAIL("no share from 2 to 3");
    return run.shares.front();
  };
  auto expect_complaint_about_2 = [&](Errc code, bool only_to_3 = true) {
    auto complaints = check_shares(*run.ceremony, me, run.messages());
    REQUIRE(complaints);
    REQUIRE(complaints->size() == 1);
    CHECK(complaints->front().from == 2);
    CHECK(complaints->front().code == code);
    CHECK_THAT(complaints->front().reason, Catch::Contains("trustee 2"));
    auto key = finalize_key_share(*run.ceremony, me, run.messages());
    REQUIRE_FALSE(key);
    CHECK_THAT(key.error().message, Catch::Contains("trustee 2"));
    if (!only_to_3) return;
    // Trustee 1 received nothing wrong.
    auto others = check_shares(*run.ceremony, run.secrets[0], run.messages());
    REQUIRE(others);
    CHECK(others->empty());
  };

  SECTION("a well-encrypted share of the wrong value") {
    // Trustee 2 deals from another polynomial than the one it committed to.
    auto rng = DeterministicRng::from_label("cheat");
    TrusteeSecrets cheat = run.secrets[1];
    cheat.polynomial = DealerPolynomial::random(2, rng);
    auto dealt = deal_shares(*run.ceremony, cheat, rng);
    REQUIRE(dealt);
    for (const auto &s : *dealt)
      if (s.to == 3) share_2_to_3() = s;
    auto opened = open_share(*run.ceremony, me, run.commitments[1], share_2_to_3());
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == Errc::verification_failed);
    CHECK_THAT(opened.error().message, Catch::StartsWith("share from trustee 2"));
    expect_complaint_about_2(Errc::verification_failed);
  }
  SECTION("a corrupted ciphertext") {
    share_2_to_3().ciphertext[5] ^= 0x40;
    expect_complaint_about_2(Errc::decryption_failed);
  }
  SECTION("a missing share") {
    std::erase_if(run.shares, [](const EncryptedShare &s) { return s.from == 2 && s.to == 3; });
    expect_complaint_about_2(Errc::invalid_argument);
  }
  SECTION("a share replayed from another ceremony") {
    // Same trustees and keys, another meeting: the box opens but the binding does not match.
    auto params = run.ceremony->params();
    params.meeting_id = "another meeting";
    auto other = Ceremony::create(params);
    REQUIRE(other);
    auto rng = DeterministicRng::from_label("replay");
    auto dealt = deal_shares(*other, run.secrets[1], rng);
    REQUIRE(dealt);
    for (const auto &s : *dealt)
      if (s.to == 3) share_2_to_3() = s;
    expect_complaint_about_2(Errc::wrong_context);
  }
  SECTION("invalid commitments") {
    run.commitments[1].proofs[1].response = tweak(run.commitments[1].proofs[1].response);
    expect_complaint_about_2(Errc::verification_failed, false);
  }
}

TEST_CASE("a bad partial decryption is identified by trustee index", "[threshold]") {
  Run run = run_ceremony(3, 2, "ceremony-bad-partial");
  auto keys = finalize_all(run);
  auto pk = threshold_public_key(*run.ceremony, run.commitments);
  REQUIRE(pk);
  auto rng = DeterministicRng::from_label("ballots-bad-partial");
  const std::vector<std::uint64_t> totals{3, 0, 9};
  const auto cts = encrypt_totals(pk->joint_key, totals, rng);
  const auto ctx = label32("tally-bad-partial");
  std::vector<PartialDecryption> partials;
  for (const auto &k : keys) partials.push_back(partial_decrypt(k, ctx, cts, rng));

  auto expect_fault_2 = [&](const std::vector<PartialDecryption> &given) {
    const CombineParams params{*pk, ctx, cts, given};
    auto r = combine_partial_decryptions(params);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::verification_failed);
    CHECK_THAT(r.error().message, Catch::Contains("trustee 2"));
    auto faults = find_faulty_partials(params);
    REQUIRE(faults.size() == 1);
    CHECK(faults[0].trustee == 2);
    // Without the faulty trustee the others still decrypt.
    const std::vector<PartialDecryption> honest{given[0], given[2]};
    auto ok = combine_partial_decryptions({*pk, ctx, cts, honest});
    REQUIRE(ok);
    CHECK(solve_all(*ok) == totals);
  };

  SECTION("wrong share value, original proof") {
    auto bad = partials;
    bad[1].shares[1] = tweak(bad[1].shares[1]);
    expect_fault_2(bad);
  }
  SECTION("wrong secret, freshly made proof") {
    TrusteeKeyShare wrong{2, SecretScalar(tweak(keys[1].secret.get())), keys[1].public_share,
                          keys[1].joint_key};
    auto bad = partials;
    bad[1] = partial_decrypt(wrong, ctx, cts, rng);
    expect_fault_2(bad);
  }
  SECTION("missing items") {
    auto bad = partials;
    bad[1].shares.pop_back();
    bad[1].proofs.pop_back();
    expect_fault_2(bad);
  }
}

TEST_CASE("decryption proofs checked as one batch: a forged proof inside it is refused and named",
          "[threshold]") {
  Run run = run_ceremony(3, 2, "ceremony-batch-partial");
  auto keys = finalize_all(run);
  auto pk = threshold_public_key(*run.ceremony, run.commitments);
  REQUIRE(pk);
  auto rng = DeterministicRng::from_label("ballots-batch-partial");
  const std::vector<std::uint64_t> totals{4, 0, 7, 1, 2, 9, 3, 5};
  auto cts = encrypt_totals(pk->joint_key, totals, rng);
  cts[5].alpha = cts[2].alpha; // two slots with one alpha: errors that cancel under equal weights
  const auto ctx = label32("tally-batch-partial");
  const auto honest = partial_decrypt(keys[0], ctx, cts, rng);
  const CombineParams params{*pk, ctx, cts, {}};
  auto statements = [&](const PartialDecryption &p) {
    std::vector<DecryptionStatement> out;
    for (std::size_t i = 0; i < cts.size(); ++i)
      out.push_back(
          {ctx, pk->joint_key, p.index, pk->verification_shares[p.index - 1], cts[i].alpha, p.shares[i]});
    return out;
  };
  CHECK(decryption_proofs_hold(statements(honest), honest.proofs));
  CHECK(verify_partial_decryption(params, honest));
  CHECK(decryption_proofs_hold({}, {}));
  CHECK_FALSE(decryption_proofs_hold(statements(honest), std::span(honest.proofs).first(3)));
  auto refused_at = [&](const PartialDecryption &bad, std::size_t at) {
    CHECK_FALSE(decryption_proofs_hold(statements(bad), bad.proofs));
    auto r = verify_partial_decryption(params, bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::verification_failed);
    CHECK(r.error().message == "partial decryption of trustee 1: ciphertext " + std::to_string(at) +
                                   ": decryption proof does not verify");
  };
  SECTION("a wrong share with a proof made with the wrong secret, in the middle of the batch") {
    const TrusteeKeyShare wrong{1, SecretScalar(tweak(keys[0].secret.get())), keys[0].public_share,
                                keys[0].joint_key};
    auto bad = honest;
    const auto forged = partial_decrypt(wrong, ctx, cts, rng);
    bad.shares[4] = forged.shares[4];
    bad.proofs[4] = forged.proofs[4];
    refused_at(bad, 4);
  }
  SECTION("z of one proof by +d and of another by -d, both of one alpha") {
    auto bad = honest;
    const Scalar d = Scalar::from_u64(12345);
    bad.proofs[2].z = bad.proofs[2].z + d;
    bad.proofs[5].z = bad.proofs[5].z - d;
    // Both equations' errors cancel in an unweighted sum: d·G − d·G and d·alpha − d·alpha.
    refused_at(bad, 2);
  }
  SECTION("the last proof's b changed") {
    auto bad = honest;
    bad.proofs.back().b = tweak(bad.proofs.back().b);
    refused_at(bad, cts.size() - 1);
  }
  SECTION("an identity commitment a is refused by the proof-by-proof check") {
    auto bad = honest;
    bad.proofs[1].a = Point::identity();
    CHECK_FALSE(decryption_proofs_hold(statements(bad), bad.proofs));
    auto r = verify_partial_decryption(params, bad);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains("ciphertext 1: decryption proof: a is the identity"));
  }
}

TEST_CASE("commitments with a bad proof or an identity point are rejected", "[threshold]") {
  Run run = run_ceremony(3, 2, "ceremony-bad-commitments");
  const auto &ceremony = *run.ceremony;
  const TrusteeCommitments good = run.commitments[0];
  CHECK(verify_commitments(ceremony, good));

  auto rejects = [&](const TrusteeCommitments &c) {
    CHECK_FALSE(verify_commitments(ceremony, c));
    auto all = run.commitments;
    all[0] = c;
    CHECK_FALSE(threshold_public_key(ceremony, all));
  };
  auto c = good;
  c.proofs[0].response = tweak(c.proofs[0].response);
  rejects(c);
  c = good;
  std::swap(c.proofs[0], c.proofs[1]);
  rejects(c);
  c = good;
  c.coefficients[0] = tweak(c.coefficients[0]); // a rogue key without knowing its logarithm
  rejects(c);
  c = good;
  c.coefficients[1] = Point::identity();
  CHECK(verify_commitments(ceremony, c).error().code == Errc::identity_point);
  rejects(c);
  c = good;
  c.coefficients.pop_back();
  c.proofs.pop_back();
  rejects(c);
  c = good;
  c.index = 2; // trustee 1's proofs do not hold for index 2
  CHECK_FALSE(verify_commitments(ceremony, c));
  c.index = 4;
  CHECK(verify_commitments(ceremony, c).error().code == Errc::not_eligible);
  // A commitment for another ceremony (other meeting id) does not verify here.
  auto params = ceremony.params();
  params.meeting_id = "other";
  auto other = Ceremony::create(params);
  REQUIRE(other);
  CHECK_FALSE(verify_commitments(*other, good));
}

TEST_CASE("threshold encodings round-trip and reject corruption", "[threshold]") {
  Run run = run_ceremony(3, 2, "ceremony-encoding");
  const auto keys = finalize_all(run);
  auto pk = threshold_public_key(*run.ceremony, run.commitments);
  REQUIRE(pk);
  auto rng = DeterministicRng::from_label("ballots-encoding");
  const auto cts = encrypt_totals(pk->joint_key, {4, 5}, rng);
  const auto partial = partial_decrypt(keys[0], label32("t"), cts, rng);

  auto commitments_eq = [](const TrusteeCommitments &a, const TrusteeCommitments &b) {
    return a.index == b.index && a.coefficients == b.coefficients && a.proofs == b.proofs;
  };
  SECTION("commitments") {
    const auto &c = run.commitments[1];
    check_round_trip_and_truncation(c, encode_commitments, decode_commitments, commitments_encoded_size(2));
    ByteWriter w;
    encode_commitments(w, c);
    Bytes enc = w.take();
    ByteReader r(enc);
    auto back = decode_commitments(r);
    REQUIRE(back);
    CHECK(commitments_eq(*back, c));
    Bytes bad = enc;
    for (std::size_t i = 8; i < 40; ++i) bad[i] = 0; // C_0 := identity
    ByteReader ri(bad);
    CHECK(decode_commitments(ri).error().code == Errc::identity_point);
    bad = enc;
    bad[8] ^= 1; // odd s: not a canonical ristretto255 encoding
    ByteReader rc(bad);
    CHECK_FALSE(decode_commitments(rc));
    bad = enc;
    bad[0] = 0; // index 0
    ByteReader r0(bad);
    CHECK_FALSE(decode_commitments(r0));
  }
  SECTION("encrypted share") {
    const auto &s = run.shares[0];
    check_round_trip_and_truncation(s, encode_encrypted_share, decode_encrypted_share, kEncryptedShareBytes);
    ByteWriter w;
    encode_encrypted_share(w, s);
    Bytes bad = w.take();
    bad[4] = bad[0]; // to == from
    bad[5] = bad[1];
    ByteReader r(bad);
    CHECK_FALSE(decode_encrypted_share(r));
  }
  SECTION("partial decryption") {
    check_round_trip_and_truncation(partial, encode_partial_decryption, decode_partial_decryption,
                                    partial_decryption_encoded_size(2));
    ByteWriter w;
    encode_partial_decryption(w, partial);
    Bytes enc = w.take();
    ByteReader r(enc);
    auto back = decode_partial_decryption(r);
    REQUIRE(back);
    CHECK(back->shares == partial.shares);
    CHECK(back->proofs == partial.proofs);
    Bytes bad = enc;
    bad[4] = 0xff; // count larger than the bytes that follow
    ByteReader rc(bad);
    CHECK(decode_partial_decryption(rc).error().code == Errc::invalid_encoding);
    bad = enc;
    bad[enc.size() - 1] = 0xff; // last proof's z non-canonical
    ByteReader rz(bad);
    CHECK_FALSE(decode_partial_decryption(rz));
  }
}
