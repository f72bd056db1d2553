#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/hash.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace cv::crypto;

namespace {

struct Fixture {
  DeterministicRng rng = DeterministicRng::from_label("ballot tests");
  Scalar secret = Scalar::random(rng);
  PollContext poll;
  std::vector<SigningKey> members;
  Roster roster;

  explicit Fixture(std::size_t n_members = 5, bool with_general = true) {
    poll.joint_key = Point::base_mul(secret);
    poll.manifest.meeting_id = "meeting-1";
    poll.manifest.poll_id = "poll-1";
    poll.manifest.disagree_weight = static_cast<std::uint32_t>(n_members + 1);
    for (int i = 0; i < 3; ++i)
      poll.manifest.contests.push_back(PollManifest::commendation("nominee-" + std::to_string(i)));
    if (with_general) poll.manifest.contests.push_back(ContestSpec{"quota", ContestKind::general, 4, 0, 2});
    for (std::size_t i = 0; i < n_members; ++i) {
      members.push_back(SigningKey::generate(rng));
      roster.members.push_back(members.back().public_key);
    }
    poll.manifest.roster_digest = roster.digest();
  }
  std::vector<ContestSelection> choices() const {
    std::vector<ContestSelection> s{ContestSelection::agree(), ContestSelection::disagree(),
                                    ContestSelection::blank()};
    if (poll.manifest.contests.size() == 4) s.push_back(ContestSelection{{1, 3}});
    return s;
  }
  Ballot cast(std::size_t member, const std::vector<ContestSelection> &sel) {
    auto b = encrypt_ballot({poll, members[member], sel, rng});
    REQUIRE(b);
    return *b;
  }
  std::uint64_t decrypt(const Ciphertext &c) const {
    auto got = DiscreteLog(1000).solve(c.beta - secret * c.alpha);
    REQUIRE(got);
    return *got;
  }
};

// The failed check's name: the error's check field, which the message starts with (docs/protocol.md §10).
std::string first_check(const Result<void> &r) {
  REQUIRE_FALSE(r);
  CHECK(r.error().message.substr(0, r.error().message.find(':')) == r.error().check);
  CHECK(r.error().message.starts_with(r.error().check + ": "));
  return r.error().check;
}

} // namespace

TEST_CASE("disjunctive proof: verifies, and fails when anything is altered", "[ballot]") {
  auto rng = DeterministicRng::from_label("disjunctive");
  auto s = Scalar::random(rng);
  auto K = Point::base_mul(s);
  ByteArray<32> ctx = Transcript("test").digest32(), ctx2 = Transcript("test2").digest32();
  SignPublicKey voter = SigningKey::generate(rng).public_key, voter2 = SigningKey::generate(rng).public_key;
  std::vector<std::uint32_t> values{0, 1, 23};
  FastVerifier fast(K);
  for (std::size_t real = 0; real < values.size(); ++real) {
    auto r = Scalar::random(rng);
    auto ct = elgamal_encrypt(K, values[real], r);
    DisjunctiveStatement st{"CV/commendation", ctx, K, voter, 7, 0, values, ct};
    auto proof = disjunctive_prove(st, real, r, rng);
    CHECK(disjunctive_verify_reference(st, proof));
    CHECK(fast.verify(st, proof));

    auto rejects = [&](const DisjunctiveStatement &s2, const DisjunctiveProof &p2) {
      CHECK_FALSE(disjunctive_verify_reference(s2, p2));
      CHECK_FALSE(fast.verify(s2, p2));
    };
    // every field of every branch
    for (std::size_t j = 0; j < proof.branches.size(); ++j) {
      for (int f = 0; f < 4; ++f) {
        auto p2 = proof;
        auto &br = p2.branches[j];
        if (f == 0) br.a = br.a + Point::generator();
        if (f == 1) br.b = br.b + Point::generator();
        if (f == 2) br.c = br.c + Scalar::from_u64(1);
        if (f == 3) br.z = br.z + Scalar::from_u64(1);
        rejects(st, p2);
      }
    }
    // the statement: context, voter, contest, slot, tag, values, ciphertext
    rejects(DisjunctiveStatement{"CV/commendation", ctx2, K, voter, 7, 0, values, ct}, proof);
    rejects(DisjunctiveStatement{"CV/commendation", ctx, K, voter2, 7, 0, values, ct}, proof);
    rejects(DisjunctiveStatement{"CV/commendation", ctx, K, voter, 8, 0, values, ct}, proof);
    rejects(DisjunctiveStatement{"CV/commendation", ctx, K, voter, 7, 1, values, ct}, proof);
    rejects(DisjunctiveStatement{"CV/selection", ctx, K, voter, 7, 0, values, ct}, proof);
    std::vector<std::uint32_t> other{0, 1, 24};
    rejects(DisjunctiveStatement{"CV/commendation", ctx, K, voter, 7, 0, other, ct}, proof);
    Ciphertext ct2{ct.alpha, ct.beta + Point::generator()};
    rejects(DisjunctiveStatement{"CV/commendation", ctx, K, voter, 7, 0, values, ct2}, proof);
    // dropping a branch
    auto p3 = proof;
    p3.branches.pop_back();
    rejects(st, p3);
  }
}

TEST_CASE("disjunctive proof: a value outside the set cannot be proven", "[ballot]") {
  auto rng = DeterministicRng::from_label("outside");
  auto K = Point::base_mul(Scalar::random(rng));
  ByteArray<32> ctx{};
  SignPublicKey voter{};
  std::vector<std::uint32_t> values{0, 1};
  auto r = Scalar::random(rng);
  auto ct = elgamal_encrypt(K, 2, r); // 2 is not in {0, 1}
  DisjunctiveStatement st{"CV/selection", ctx, K, voter, 0, 0, values, ct};
  for (std::size_t real = 0; real < 2; ++real) {
    auto proof = disjunctive_prove(st, real, r, rng);
    CHECK_FALSE(disjunctive_verify_reference(st, proof));
    CHECK_FALSE(FastVerifier(K).verify(st, proof));
  }
}

TEST_CASE("ballot: encrypt, encode, decode, verify, and decrypt the totals", "[ballot]") {
  Fixture f;
  auto b = f.cast(0, f.choices());
  CHECK(verify_ballot(f.poll, f.roster, b));
  auto wire = b.encode();
  auto d = decode_ballot(wire);
  REQUIRE(d);
  CHECK(d->encode() == wire);
  CHECK(d->tracking_code() == b.tracking_code());
  CHECK(verify_ballot(f.poll, f.roster, *d));
  const auto B = f.poll.manifest.disagree_weight;
  CHECK(f.decrypt(b.contests[0].ciphertexts[0]) == 1);
  CHECK(f.decrypt(b.contests[1].ciphertexts[0]) == B);
  CHECK(f.decrypt(b.contests[2].ciphertexts[0]) == 0);
  CHECK(f.decrypt(b.contests[3].ciphertexts[0]) == 0);
  CHECK(f.decrypt(b.contests[3].ciphertexts[1]) == 1);
  CHECK(f.decrypt(b.contests[3].ciphertexts[3]) == 1);
  auto code = short_tracking_code(b.tracking_code());
  CHECK(code.size() == 19);
  CHECK(code[4] == '-');
  CHECK(code[14] == '-');
}

TEST_CASE("ballot: invalid choices cannot be encrypted", "[ballot]") {
  Fixture f;
  auto bad = f.choices();
  bad[0] = ContestSelection{{0, 1}}; // agree and disagree
  auto r = encrypt_ballot({f.poll, f.members[0], bad, f.rng});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::invalid_argument);
  bad = f.choices();
  bad[3] = ContestSelection{{0, 1, 2}}; // 3 of max 2
  CHECK_FALSE(encrypt_ballot({f.poll, f.members[0], bad, f.rng}));
  bad[3] = ContestSelection{{4}}; // no such option
  CHECK_FALSE(encrypt_ballot({f.poll, f.members[0], bad, f.rng}));
  bad[3] = ContestSelection{{1, 1}};
  CHECK_FALSE(encrypt_ballot({f.poll, f.members[0], bad, f.rng}));
  bad.pop_back();
  CHECK_FALSE(encrypt_ballot({f.poll, f.members[0], bad, f.rng}));
}

TEST_CASE("ballot: each check fails by name", "[ballot]") {
  Fixture f;
  auto b = f.cast(1, f.choices());

  SECTION("another poll (context)") {
    auto other = f.poll;
    other.manifest.poll_id = "poll-2";
    CHECK(first_check(verify_ballot(other, f.roster, b)) == "context");
    other = f.poll;
    other.joint_key = other.joint_key + Point::generator();
    CHECK(first_check(verify_ballot(other, f.roster, b)) == "context");
  }
  SECTION("not on the roster (eligibility)") {
    const auto outsider = SigningKey::generate(f.rng);
    auto b2 = encrypt_ballot({f.poll, outsider, f.choices(), f.rng});
    REQUIRE(b2);
    CHECK(first_check(verify_ballot(f.poll, f.roster, *b2)) == "eligibility");
  }
  SECTION("another roster than the poll's") {
    Roster r = f.roster;
    r.members.erase(r.members.begin() + 3);
    CHECK(first_check(verify_ballot(f.poll, r, b)) == "roster");
    std::swap(r.members[0], r.members[1]);
    CHECK(first_check(verify_ballot(f.poll, r, b)) == "roster");
  }
  SECTION("signature") {
    auto b2 = b;
    b2.signature[5] ^= 1;
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "signature");
    // Any change of the body changes the ballot hash, so the signature no longer verifies.
    b2 = b;
    b2.contests[0].ciphertexts[0].beta = b2.contests[0].ciphertexts[0].beta + Point::generator();
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "signature");
  }
  SECTION("a copied ballot re-signed by another member is rejected (proof bound to the voter)") {
    auto b2 = b;
    b2.member_key = f.members[2].public_key;
    b2.signature =
        sign(f.members[2], "CV/ballot-signature", ballot_signing_message(b2.context_hash, b2.ballot_hash()));
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "contest[0].ciphertext[0].proof");
  }
  SECTION("a proof altered and re-signed by its own member") {
    auto b2 = b;
    b2.contests[3].sum_proof->branches[0].z += Scalar::from_u64(1);
    b2.signature =
        sign(f.members[1], "CV/ballot-signature", ballot_signing_message(b2.context_hash, b2.ballot_hash()));
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "contest[3].sum_proof");
    b2 = b;
    b2.contests[2].proofs[0].branches[1].c += Scalar::from_u64(1);
    b2.signature =
        sign(f.members[1], "CV/ballot-signature", ballot_signing_message(b2.context_hash, b2.ballot_hash()));
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "contest[2].ciphertext[0].proof");
  }
  SECTION("contest swapped between positions") {
    auto b2 = b;
    std::swap(b2.contests[0], b2.contests[1]);
    b2.signature =
        sign(f.members[1], "CV/ballot-signature", ballot_signing_message(b2.context_hash, b2.ballot_hash()));
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "contest[0].ciphertext[0].proof");
  }
  SECTION("shape and count") {
    auto b2 = b;
    b2.contests.pop_back();
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "contest_count");
    b2 = b;
    b2.contests[3].sum_proof.reset();
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "contest[3].shape");
    b2 = b;
    b2.format = 2;
    CHECK(first_check(verify_ballot(f.poll, f.roster, b2)) == "format");
  }
  SECTION("roster too large for the disagree weight") {
    Roster r = f.roster;
    r.members.push_back(SigningKey::generate(f.rng).public_key);
    CHECK(first_check(verify_ballot(f.poll, r, b)) == "manifest");
  }
}

TEST_CASE("ballot decoding rejects malformed input with a specific error", "[ballot]") {
  Fixture f(3, false);
  auto wire = f.cast(0, {ContestSelection::agree(), ContestSelection::blank(), ContestSelection::disagree()})
                  .encode();
  CHECK(decode_ballot(wire));
  for (std::size_t cut : {0ul, 3ul, 4ul, 36ul, 70ul, 100ul, wire.size() - 1}) {
    auto r = decode_ballot(ByteView(wire).first(cut));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::invalid_encoding);
  }
  auto extra = wire;
  extra.push_back(0);
  CHECK(decode_ballot(extra).error().message.find("trailing") != std::string::npos);
  auto bad = wire;
  bad[0] = 'X';
  CHECK(decode_ballot(bad).error().message.find("magic") != std::string::npos);
  bad = wire;
  bad[3] = 9;
  CHECK(decode_ballot(bad).error().message.find("format") != std::string::npos);
  // The first ciphertext's alpha starts at offset 3+1+32+32+4+1+4 = 77: make it the identity.
  bad = wire;
  std::fill(bad.begin() + 77, bad.begin() + 109, 0);
  CHECK(decode_ballot(bad).error().code == Errc::identity_point);
  // ... or a non-canonical encoding
  std::fill(bad.begin() + 77, bad.begin() + 109, 0xff);
  CHECK(decode_ballot(bad).error().code == Errc::invalid_encoding);
  // A non-canonical scalar: the first branch's c at 77 + 64 + 4 + 64.
  bad = wire;
  std::fill(bad.begin() + 209, bad.begin() + 241, 0xff);
  CHECK(decode_ballot(bad).error().message.find("challenge c") != std::string::npos);
  // A huge contest count must not allocate: refused before reading.
  bad = wire;
  bad[68] = 0xff, bad[69] = 0x0f, bad[70] = 0, bad[71] = 0;
  CHECK(decode_ballot(bad).error().message.find("contest count") != std::string::npos);
}

TEST_CASE("ballots tally homomorphically and decode agree/disagree/blank", "[ballot]") {
  Fixture f(5, false);
  using S = ContestSelection;
  std::vector<std::vector<ContestSelection>> votes{{S::agree(), S::disagree(), S::blank()},
                                                   {S::agree(), S::disagree(), S::blank()},
                                                   {S::agree(), S::agree(), S::blank()},
                                                   {S::disagree(), S::blank(), S::blank()},
                                                   {S::agree(), S::blank(), S::blank()}};
  std::vector<Ciphertext> totals(3);
  for (std::size_t v = 0; v < votes.size(); ++v) {
    auto b = f.cast(v, votes[v]);
    REQUIRE(verify_ballot(f.poll, f.roster, b));
    for (std::size_t c = 0; c < 3; ++c) totals[c] += b.contests[c].ciphertexts[0];
  }
  const auto B = f.poll.manifest.disagree_weight;
  auto t0 = f.decrypt(totals[0]), t1 = f.decrypt(totals[1]), t2 = f.decrypt(totals[2]);
  CHECK(t0 % B == 4);
  CHECK(t0 / B == 1);
  CHECK(t1 % B == 1);
  CHECK(t1 / B == 2);
  CHECK(t2 == 0);
}

TEST_CASE("ballot: a large ballot is verified in parallel and still names the first failing contest",
          "[ballot]") {
  Fixture f(5, false);
  for (int i = 3; i < 48; ++i) // 48 contests: split over the available cores
    f.poll.manifest.contests.push_back(PollManifest::commendation("nominee-" + std::to_string(i)));
  std::vector<ContestSelection> sel(48, ContestSelection::agree());
  auto b = f.cast(1, sel);
  REQUIRE(verify_ballot(f.poll, f.roster, b));
  auto resign = [&](Ballot &x) {
    x.signature =
        sign(f.members[1], "CV/ballot-signature", ballot_signing_message(x.context_hash, x.ballot_hash()));
  };
  SECTION("a bad proof late in the ballot") {
    b.contests[41].proofs[0] = b.contests[40].proofs[0];
    resign(b);
    CHECK(first_check(verify_ballot(f.poll, f.roster, b)) == "contest[41].ciphertext[0].proof");
  }
  SECTION("two bad proofs: the first one is reported") {
    b.contests[41].proofs[0] = b.contests[40].proofs[0];
    b.contests[3].proofs[0] = b.contests[2].proofs[0];
    resign(b);
    CHECK(first_check(verify_ballot(f.poll, f.roster, b)) == "contest[3].ciphertext[0].proof");
  }
}
