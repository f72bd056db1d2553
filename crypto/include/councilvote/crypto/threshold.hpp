// t-of-n threshold keys for the vote-counting committee (docs/protocol.md §12).
//
// Key generation is a Pedersen/Feldman DKG among trustees indexed 1..n:
//   1. every trustee publishes an X25519 box key; the roster fixes the ceremony context;
//   2. round 1 (public): trustee i picks a secret polynomial f_i of degree t-1 and publishes
//      C_{i,k} = a_{i,k}·G with a Schnorr proof of knowledge of each a_{i,k};
//   3. round 2 (private): trustee i sends f_i(j) to every other trustee j inside a crypto_box;
//   4. trustee j checks every share against the commitments (or complains about its sender), and
//      keeps s_j = Σ_i f_i(j). The joint key K = Σ_i C_{i,0} and every P_j = s_j·G follow from the
//      public commitments.
// Decryption: each trustee publishes D = s_j·alpha with a Chaum–Pedersen proof; any t valid
// partial decryptions give m·G = beta − Σ λ_j·D_j.
#pragma once

#include "councilvote/crypto/box.hpp"
#include "councilvote/crypto/bytes.hpp"
#include "councilvote/crypto/decryption_proof.hpp"
#include "councilvote/crypto/elgamal.hpp"
#include "councilvote/crypto/group.hpp"
#include "councilvote/crypto/random.hpp"
#include "councilvote/crypto/schnorr.hpp"
#include "councilvote/crypto/secret.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace cv::crypto {

inline constexpr std::uint32_t kMaxTrustees = 255;
inline constexpr std::uint32_t kMaxDecryptionItems = 1U << 16; // ciphertexts per partial decryption

inline constexpr std::size_t kBoxNonceBytes = 24;
inline constexpr std::size_t kBoxMacBytes = 16;
// Boxed plaintext: ceremony_context(32) || u32 from || u32 to || share scalar(32).
inline constexpr std::size_t kSharePlaintextBytes = 32 + 4 + 4 + kScalarBytes;                      // 72
inline constexpr std::size_t kShareCiphertextBytes = kSharePlaintextBytes + kBoxMacBytes;           // 88
inline constexpr std::size_t kEncryptedShareBytes = 4 + 4 + kBoxNonceBytes + kShareCiphertextBytes; // 120

[[nodiscard]] constexpr std::size_t commitments_encoded_size(std::size_t t) noexcept {
  return 8 + t * (kPointBytes + kSchnorrProofBytes);
}
[[nodiscard]] constexpr std::size_t partial_decryption_encoded_size(std::size_t m) noexcept {
  return 8 + m * (kPointBytes + kDecryptionProofBytes);
}

// ---------------------------------------------------------------------------------------------
// The roster and the ceremony context (box keys: BoxKeyPair of box.hpp)

struct TrusteeInfo {
  std::uint32_t index = 0;
  BoxPublicKey box_public_key{};
  friend bool operator==(const TrusteeInfo &, const TrusteeInfo &) = default;
};

struct CeremonyParams {
  std::string meeting_id;
  std::uint32_t threshold = 0;       // t
  std::vector<TrusteeInfo> trustees; // n entries with indices 1..n, in order
};

// Transcript("CV/ceremony").str(group).str(meeting_id).u32(n).u32(t), then for every trustee
// u32(index) and its box key, .digest32(). Computes without validating.
[[nodiscard]] ByteArray<32> ceremony_context(const CeremonyParams &params);

// A validated roster with its context.
class Ceremony {
public:
  // Rejects t = 0, t > n, n > kMaxTrustees, indices other than 1..n in order, an empty
  // meeting id, an all-zero or repeated box key.
  [[nodiscard]] static Result<Ceremony> create(CeremonyParams params);

  [[nodiscard]] std::uint32_t n() const noexcept { return static_cast<std::uint32_t>(p_.trustees.size()); }
  [[nodiscard]] std::uint32_t t() const noexcept { return p_.threshold; }
  [[nodiscard]] bool has_trustee(std::uint32_t index) const noexcept { return index >= 1 && index <= n(); }
  [[nodiscard]] const BoxPublicKey &box_public_key(std::uint32_t index) const {
    return p_.trustees.at(index - 1).box_public_key;
  }
  [[nodiscard]] const ByteArray<32> &context() const noexcept { return context_; }
  [[nodiscard]] const CeremonyParams &params() const noexcept { return p_; }

private:
  Ceremony(CeremonyParams p, const ByteArray<32> &context) : p_(std::move(p)), context_(context) {}
  CeremonyParams p_;
  ByteArray<32> context_{};
};

// ---------------------------------------------------------------------------------------------
// Round 1: the secret polynomial and its public commitments

// f(x) = a_0 + a_1·x + ... + a_{t-1}·x^{t-1}, coefficients kept in sodium_malloc'd memory.
class DealerPolynomial {
public:
  DealerPolynomial() = default;
  [[nodiscard]] static DealerPolynomial random(std::uint32_t threshold, Rng &rng = system_rng());
  // From a_0 || ... || a_{t-1} (32 bytes each, canonical), e.g. read back from a key file.
  [[nodiscard]] static Result<DealerPolynomial> from_bytes(ByteView coefficients);

  [[nodiscard]] std::uint32_t threshold() const noexcept {
    return static_cast<std::uint32_t>(coeffs_.size() / kScalarBytes);
  }
  [[nodiscard]] Scalar coefficient(std::uint32_t k) const;
  [[nodiscard]] Scalar evaluate(std::uint32_t x) const;
  [[nodiscard]] ByteView secret_bytes() const noexcept { return coeffs_.view(); }

private:
  SecretBytes coeffs_;
};

// One trustee's own secrets for the ceremony.
struct TrusteeSecrets {
  std::uint32_t index = 0;
  BoxKeyPair box;
  DealerPolynomial polynomial;
};

struct TrusteeCommitments {
  std::uint32_t index = 0;
  std::vector<Point> coefficients;  // C_k = a_k·G, k = 0..t-1
  std::vector<SchnorrProof> proofs; // proofs[k] proves knowledge of a_k
};

// Transcript("CV/coefficient-pok").fixed(ceremony_context).u32(index).u32(k).digest32()
[[nodiscard]] ByteArray<32> coefficient_pok_context(const ByteArray<32> &ceremony_context,
                                                    std::uint32_t index, std::uint32_t k);
[[nodiscard]] Result<TrusteeCommitments> commit_polynomial(const Ceremony &ceremony, const TrusteeSecrets &me,
                                                           Rng &rng = system_rng());
// Rejects an unknown index, a count other than t, an identity point, or a bad proof (the proofs
// stop a trustee from choosing its C_0 as a function of the others': rogue-key attacks).
[[nodiscard]] Result<void> verify_commitments(const Ceremony &ceremony, const TrusteeCommitments &c);

// ---------------------------------------------------------------------------------------------
// Round 2: encrypted shares, checks, complaints, and the final key share

// crypto_box_easy(ceremony_context || u32le(from) || u32le(to) || f_from(to), nonce,
//                 box public key of `to`, box secret key of `from`).
// The context and both indices are bound by being inside the box; the recipient checks them.
struct EncryptedShare {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  ByteArray<kBoxNonceBytes> nonce{};
  ByteArray<kShareCiphertextBytes> ciphertext{};
};

// The shares `me` sends to every other trustee.
[[nodiscard]] Result<std::vector<EncryptedShare>>
deal_shares(const Ceremony &ceremony, const TrusteeSecrets &me, Rng &rng = system_rng());

// Decrypts, checks the binding, decodes and checks s·G == Σ_k to^k·C_{from,k}. Every error
// message starts with "share from trustee <from>". `sender` must already be verified.
[[nodiscard]] Result<SecretScalar> open_share(const Ceremony &ceremony, const TrusteeSecrets &me,
                                              const TrusteeCommitments &sender, const EncryptedShare &share);

// What a trustee has received: every published commitment message and the shares. Shares not
// addressed to the trustee, and commitments with indices outside 1..n, are ignored.
struct CeremonyMessages {
  std::span<const TrusteeCommitments> commitments;
  std::span<const EncryptedShare> shares;
};

// A public accusation by the recipient that trustee `from` did not give it a valid share (or
// valid commitments). Any complaint stops the ceremony.
struct ShareComplaint {
  std::uint32_t from = 0;
  Errc code = Errc::verification_failed;
  std::string reason; // "share from trustee 2 does not match its commitments", ...
};

// One complaint per dealer whose commitments or share to `me` is missing, repeated or invalid.
// An error only for caller mistakes (`me` not matching the roster).
[[nodiscard]] Result<std::vector<ShareComplaint>>
check_shares(const Ceremony &ceremony, const TrusteeSecrets &me, const CeremonyMessages &messages);

struct TrusteeKeyShare {
  std::uint32_t index = 0;
  SecretScalar secret; // s_j = Σ_i f_i(j)
  Point public_share;  // P_j = s_j·G
  Point joint_key;     // K = Σ_i C_{i,0}
};

// s_j from all n dealers; fails (naming the first accused sender) if check_shares has complaints.
[[nodiscard]] Result<TrusteeKeyShare> finalize_key_share(const Ceremony &ceremony, const TrusteeSecrets &me,
                                                         const CeremonyMessages &messages);

// ---------------------------------------------------------------------------------------------
// Public keys from the commitments (anyone can compute them; the commitments must be verified)

[[nodiscard]] Point joint_public_key(std::span<const TrusteeCommitments> commitments); // Σ_i C_{i,0}
[[nodiscard]] Point verification_share(std::span<const TrusteeCommitments> commitments, // Σ_i Σ_k j^k·C_{i,k}
                                       std::uint32_t j);

struct ThresholdPublicKey {
  std::uint32_t threshold = 0;
  Point joint_key;
  std::vector<Point> verification_shares; // [j-1] = P_j
  [[nodiscard]] std::uint32_t n() const noexcept {
    return static_cast<std::uint32_t>(verification_shares.size());
  }
};

// Verifies every commitment message, requires exactly one per trustee, and derives K and every P_j.
[[nodiscard]] Result<ThresholdPublicKey>
threshold_public_key(const Ceremony &ceremony, std::span<const TrusteeCommitments> commitments);

// ---------------------------------------------------------------------------------------------
// Threshold decryption

struct PartialDecryption {
  std::uint32_t index = 0;
  std::vector<Point> shares;           // D_i = s_j·alpha_i, one per ciphertext
  std::vector<DecryptionProof> proofs; // proofs[i] is about shares[i]
};

// `context` binds the proofs to one tally; the combiner must use the same.
[[nodiscard]] PartialDecryption partial_decrypt(const TrusteeKeyShare &key, const ByteArray<32> &context,
                                                std::span<const Ciphertext> ciphertexts,
                                                Rng &rng = system_rng());

struct CombineParams {
  const ThresholdPublicKey &key;
  ByteArray<32> context{};
  std::span<const Ciphertext> ciphertexts;
  std::span<const PartialDecryption> partials;
};

// Checks one trustee's partial decryption (index known, one share per ciphertext, every proof).
[[nodiscard]] Result<void> verify_partial_decryption(const CombineParams &params,
                                                     const PartialDecryption &partial);

struct DecryptionFault {
  std::uint32_t trustee = 0;
  Error error;
};
// Every partial decryption that fails verify_partial_decryption, with its trustee index.
[[nodiscard]] std::vector<DecryptionFault> find_faulty_partials(const CombineParams &params);

// λ_j = Π_{m ∈ indices, m ≠ j} m / (m − j)  mod l
[[nodiscard]] Scalar lagrange_at_zero(std::span<const std::uint32_t> indices, std::uint32_t j);

// m_i·G = beta_i − Σ_j λ_j·D_{j,i} over all given partials. Errors: invalid_argument for an
// unknown or repeated trustee index; verification_failed naming the first bad trustee (see
// find_faulty_partials for all of them); insufficient_shares for fewer than t.
[[nodiscard]] Result<std::vector<Point>> combine_partial_decryptions(const CombineParams &params);

// The same combination for partials that each passed verify_partial_decryption with these params
// (the caller vouches for it: their proofs are not checked again). Errors: invalid_argument for a
// repeated trustee index or a share count that does not match; insufficient_shares for fewer than t.
[[nodiscard]] Result<std::vector<Point>> combine_verified_partial_decryptions(const CombineParams &params);

// ---------------------------------------------------------------------------------------------
// Encodings (all integers u32 little-endian; decoders validate every field)

void encode_commitments(ByteWriter &w, const TrusteeCommitments &c);
[[nodiscard]] Result<TrusteeCommitments> decode_commitments(ByteReader &r);
void encode_encrypted_share(ByteWriter &w, const EncryptedShare &s);
[[nodiscard]] Result<EncryptedShare> decode_encrypted_share(ByteReader &r);
void encode_partial_decryption(ByteWriter &w, const PartialDecryption &p);
[[nodiscard]] Result<PartialDecryption> decode_partial_decryption(ByteReader &r);

} // namespace cv::crypto
