// Replay protection across restarts (docs/wire.md §4.3): the (key, nonce) pairs of accepted write
// requests, kept until they expire. Not evidence: no audit row, and expired pairs are deleted.
#include "councilvote/schema/store.hpp"
#include "sqlite.hpp"

namespace cv::schema {

using namespace detail;

Result<void> Store::remember_nonce(const crypto::SignPublicKey &key, const crypto::ByteArray<16> &nonce,
                                   std::int64_t expires_ms, std::int64_t now_ms) {
  return transaction(db(), "IMMEDIATE", "remember_nonce", [&]() -> Result<void> {
    if (auto r = run(db(), "DELETE FROM used_nonces WHERE expires_ms < ?1", now_ms); !r) return r;
    auto r = run(db(), "INSERT INTO used_nonces (signer_key, nonce, expires_ms) VALUES (?1, ?2, ?3)",
                 crypto::ByteView(key), crypto::ByteView(nonce), expires_ms);
    if (!r && r.error().code == Errc::conflict)
      return error(Errc::conflict, "this (key, nonce) pair was already used");
    return r;
  });
}

Result<std::vector<UsedNonce>> Store::used_nonces(std::int64_t now_ms) const {
  return read(db(), "used_nonces", [&] {
    return collect<UsedNonce>(query(db(),
                                    "SELECT signer_key, nonce, expires_ms FROM used_nonces"
                                    " WHERE expires_ms >= ?1 ORDER BY expires_ms",
                                    now_ms),
                              [](const Statement &st) -> Result<UsedNonce> {
                                UsedNonce u;
                                const auto k = st.blob(0);
                                const auto n = st.blob(1);
                                if (k.size() != u.key.size() || n.size() != u.nonce.size())
                                  return error(Errc::io, "a stored nonce has the wrong length");
                                std::copy(k.begin(), k.end(), u.key.begin());
                                std::copy(n.begin(), n.end(), u.nonce.begin());
                                u.expires_ms = st.integer(2);
                                return u;
                              });
  });
}

} // namespace cv::schema
