// The published test vectors (docs/test-vectors/) must (1) be exactly what the code generates from
// their seeds, and (2) verify on their own, read back from the files with the public functions.
#include "councilvote/crypto/ballot.hpp"
#include "councilvote/crypto/schnorr.hpp"
#include "councilvote/crypto/tally.hpp"
#include "councilvote/crypto/threshold.hpp"
#include "vectors.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace cv::crypto;
using json = nlohmann::ordered_json;

namespace {

json load(const std::string &name) {
  std::ifstream in(std::string(CV_TEST_VECTORS_DIR) + "/" + name + ".json");
  REQUIRE(in);
  return json::parse(in);
}

Bytes hexb(const json &j) {
  auto b = from_hex(j.get<std::string>());
  REQUIRE(b);
  return *b;
}
Point point(const json &j) {
  auto p = Point::from_bytes(hexb(j), true);
  REQUIRE(p);
  return *p;
}
Scalar scalar(const json &j) {
  auto s = Scalar::from_bytes(hexb(j));
  REQUIRE(s);
  return *s;
}
ByteArray<32> arr32(const json &j) {
  auto a = from_hex_fixed<32>(j.get<std::string>());
  REQUIRE(a);
  return *a;
}

PollManifest manifest(const json &j) {
  PollManifest m{j["meeting_id"], j["poll_id"], j["disagree_weight"], {}};
  for (const auto &c : j["contests"])
    m.contests.push_back(
        ContestSpec{c["id"], c["kind"] == "commendation" ? ContestKind::commendation : ContestKind::general,
                    c["options"], c["min"], c["max"]});
  m.roster_digest = arr32(j["roster_digest"]);
  CHECK(to_hex(m.digest()) == j["digest"]);
  return m;
}

Roster roster(const json &j) {
  Roster r;
  for (const auto &k : j) r.members.push_back(arr32(k));
  return r;
}

Ballot ballot_checked(const json &j, const PollContext &poll, const Roster &r) {
  auto b = decode_ballot(hexb(j["wire"]));
  REQUIRE(b);
  CHECK(to_hex(b->ballot_hash()) == j["ballot_hash"]);
  CHECK(to_hex(b->tracking_code()) == j["tracking_code"]);
  CHECK(short_tracking_code(b->tracking_code()) == j["tracking_code_short"]);
  auto v = verify_ballot(poll, r, *b);
  INFO((v ? std::string() : v.error().message));
  CHECK(v);
  return *b;
}

} // namespace

TEST_CASE("test vectors reproduce from their seeds", "[vectors]") {
  for (const auto &name : cv::tools::vector_names()) {
    INFO("vector set " << name);
    CHECK(load(name) == cv::tools::generate_vectors(name));
  }
}

TEST_CASE("schnorr vector verifies", "[vectors]") {
  auto v = load("schnorr");
  const Point X = point(v["public_X"]);
  CHECK(Point::base_mul(scalar(v["secret_x"])) == X);
  auto bytes = hexb(v["proof"]);
  ByteReader r(bytes);
  auto proof = decode_schnorr(r);
  REQUIRE(proof);
  CHECK(schnorr_verify(arr32(v["context"]), X, *proof));
  CHECK(to_hex(schnorr_challenge(arr32(v["context"]), X, proof->commitment).bytes()) == v["challenge"]);
}

TEST_CASE("disjunctive vectors verify and decrypt to their values", "[vectors]") {
  auto v = load("disjunctive");
  const Point K = point(v["joint_key_K"]);
  const Scalar s = scalar(v["secret_s"]);
  CHECK(Point::base_mul(s) == K);
  const auto ctx = arr32(v["context"]);
  const auto voter = arr32(v["voter_public_key"]);
  const auto values = v["values"].get<std::vector<std::uint32_t>>();
  FastVerifier fast(K);
  for (const auto &c : v["cases"]) {
    Ciphertext ct{point(c["alpha"]), point(c["beta"])};
    CHECK(ct.beta - s * ct.alpha == Point::base_mul_u64(c["value"].get<std::uint64_t>()));
    auto bytes = hexb(c["proof"]);
    ByteReader r(bytes);
    auto proof = decode_disjunctive(r);
    REQUIRE(proof);
    DisjunctiveStatement st{v["tag"].get<std::string>() == "CV/commendation" ? "CV/commendation" : "?",
                            ctx,
                            K,
                            voter,
                            v["contest"],
                            v["slot"],
                            values,
                            ct};
    CHECK(disjunctive_verify_reference(st, *proof));
    CHECK(fast.verify(st, *proof));
    CHECK(to_hex(disjunctive_challenge(st, *proof).bytes()) == c["challenge"]);
  }
}

TEST_CASE("ceremony vector: commitments, shares and keys are consistent", "[vectors]") {
  auto v = load("ceremony");
  std::vector<TrusteeCommitments> commitments;
  for (const auto &t : v["trustees"]) {
    auto bytes = hexb(t["commitments"]);
    ByteReader r(bytes);
    auto c = decode_commitments(r);
    REQUIRE(c);
    commitments.push_back(*c);
  }
  const Point K = point(v["joint_key_K"]);
  CHECK(joint_public_key(commitments) == K);
  Point sum_check;
  for (const auto &t : v["trustees"]) {
    const auto j = t["index"].get<std::uint32_t>();
    CHECK(verification_share(commitments, j) == point(t["verification_share_P"]));
    CHECK(Point::base_mul(scalar(t["key_share_s"])) == point(t["verification_share_P"]));
    for (const auto &sh : t["shares_sent"]) {
      // f_from(to)·G == Σ_k to^k·C_{from,k}
      Point expect;
      Scalar xk = Scalar::from_u64(1);
      for (const auto &C : commitments[j - 1].coefficients) {
        expect += xk * C;
        xk = xk * Scalar::from_u64(sh["to"].get<std::uint64_t>());
      }
      CHECK(Point::base_mul(scalar(sh["share_value"])) == expect);
    }
  }
  // Any 2 key shares interpolate the joint secret: λ1·s1 + λ3·s3 = x with x·G = K.
  const std::vector<std::uint32_t> idx{1, 3};
  const Scalar x = lagrange_at_zero(idx, 1) * scalar(v["trustees"][0]["key_share_s"]) +
                   lagrange_at_zero(idx, 3) * scalar(v["trustees"][2]["key_share_s"]);
  CHECK(Point::base_mul(x) == K);
}

TEST_CASE("ballot vector decodes and verifies", "[vectors]") {
  auto v = load("ballot");
  PollContext poll{manifest(v["manifest"]), point(v["joint_key_K"])};
  CHECK(to_hex(poll.hash()) == v["context_hash"]);
  auto r = roster(v["roster"]);
  CHECK(r.digest() == poll.manifest.roster_digest);
  auto b = ballot_checked(v["ballot"], poll, r);
  const auto member = SigningKey::from_seed(hexb(v["member_seed"]));
  CHECK(member.public_key == r.members[v["member_index"].get<std::size_t>()]);
  CHECK(b.member_key == member.public_key);
}

TEST_CASE("tally vector: ballots verify, totals add up, partial decryptions combine", "[vectors]") {
  auto v = load("tally");
  PollContext poll{manifest(v["manifest"]), point(v["joint_key_K"])};
  CHECK(to_hex(poll.hash()) == v["context_hash"]);
  auto r = roster(v["roster"]);
  std::vector<Ballot> ballots;
  for (const auto &bj : v["ballots"]) ballots.push_back(ballot_checked(bj, poll, r));
  auto t = tally_ballots(poll, ballots);
  REQUIRE(t);
  REQUIRE(t->totals.size() == v["encrypted_totals"].size());
  for (std::size_t i = 0; i < t->totals.size(); ++i) {
    CHECK(t->totals[i].alpha == point(v["encrypted_totals"][i]["alpha"]));
    CHECK(t->totals[i].beta == point(v["encrypted_totals"][i]["beta"]));
  }
  CHECK(to_hex(t->context()) == v["tally_context"]);
  ThresholdPublicKey pk{v["threshold"], poll.joint_key, {}};
  for (const auto &p : v["verification_shares"]) pk.verification_shares.push_back(point(p));
  std::vector<PartialDecryption> partials;
  for (const auto &pj : v["partial_decryptions"]) {
    auto bytes = hexb(pj["encoded"]);
    ByteReader rd(bytes);
    auto p = decode_partial_decryption(rd);
    REQUIRE(p);
    partials.push_back(*p);
  }
  auto mg = combine_partial_decryptions(CombineParams{pk, t->context(), t->totals, partials});
  REQUIRE(mg);
  for (std::size_t i = 0; i < mg->size(); ++i) CHECK((*mg)[i] == point(v["decrypted_mG"][i]));
  auto results = decode_tally(poll.manifest, t->ballots, *mg);
  REQUIRE(results);
  // The results equal the plaintext selections published with the ballots.
  for (std::size_t c = 0; c < poll.manifest.contests.size(); ++c) {
    const auto &spec = poll.manifest.contests[c];
    std::vector<std::uint64_t> counts(spec.options + 1, 0); // [options] = blank
    for (const auto &bj : v["ballots"]) {
      const auto sel = bj["selections"][c].get<std::vector<std::uint32_t>>();
      if (sel.empty()) ++counts[spec.options];
      for (auto o : sel) ++counts[o];
    }
    if (spec.kind == ContestKind::commendation) {
      CHECK((*results)[c].agree == counts[0]);
      CHECK((*results)[c].disagree == counts[1]);
      CHECK((*results)[c].blank == counts[2]);
      CHECK(v["results"][c]["agree"] == counts[0]);
    } else {
      for (std::uint32_t o = 0; o < spec.options; ++o) CHECK((*results)[c].option_counts[o] == counts[o]);
    }
  }
}
