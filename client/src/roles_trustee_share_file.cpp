#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/client/roles/sealed_blob.hpp"
#include "councilvote/client/roles/trustee.hpp"
#include "roles_common.hpp"

#include <sodium.h>

namespace cv::client::roles {

using protocol::Result;

namespace {

constexpr std::string_view kSharePurpose = "councilvote-trustee-share/1";

} // namespace

TrusteeShareFile share_file_of(const TrusteeSession &session, crypto::TrusteeKeyShare share) {
  return {session.meeting(), session.ceremony_context(), session.threshold(), session.trustee_count(),
          std::move(share)};
}

Result<protocol::Bytes> seal_trustee_share(const TrusteeShareFile &file, std::string_view passphrase,
                                           const crypto::KdfParams &params, crypto::Rng &rng) {
  try {
    crypto::ByteWriter w;
    w.str(file.meeting.str());
    w.fixed(file.ceremony_context);
    w.u32(file.share.index);
    w.u32(file.threshold);
    w.u32(file.trustees);
    w.fixed(file.share.secret.view());
    w.fixed(file.share.public_share.bytes());
    w.fixed(file.share.joint_key.bytes());
    auto plain = w.take();
    const crypto::SecretBytes secret_plain{crypto::ByteView(plain)};
    sodium_memzero(plain.data(), plain.size());
    return seal_blob(kSharePurpose, secret_plain.view(), passphrase, params, rng);
  } catch (...) {
    return detail::internal("out of memory while sealing a key share");
  }
}

Result<TrusteeShareFile> open_trustee_share(protocol::ByteView sealed, std::string_view passphrase) {
  try {
    auto plain = open_blob(kSharePurpose, sealed, passphrase);
    if (!plain) return plain.error();
    auto bad = [](const std::string &m) { return detail::invalid_argument("key share file: " + m); };
    crypto::ByteReader r(plain->view());
    TrusteeShareFile f;
    auto meeting = r.str("meeting", 128);
    if (!meeting) return bad(meeting.error().message);
    auto id = protocol::MeetingId::parse(*meeting);
    if (!id) return bad(id.error().message);
    f.meeting = *id;
    auto ctx = r.array<32>("ceremony context");
    auto index = ctx ? r.u32("index") : crypto::Result<std::uint32_t>(ctx.error());
    auto t = index ? r.u32("threshold") : index;
    auto n = t ? r.u32("trustees") : t;
    if (!n) return bad(n.error().message);
    if (*index < 1 || *index > *n || *t < 1 || *t > *n || *n > crypto::kMaxTrustees)
      return bad("bad index, threshold or number of trustees");
    f.ceremony_context = *ctx;
    f.threshold = *t;
    f.trustees = *n;
    auto secret = r.fixed(crypto::kScalarBytes, "secret share");
    if (!secret) return bad(secret.error().message);
    auto s = crypto::Scalar::from_bytes(*secret);
    if (!s) return bad("the secret share is not a canonical scalar");
    auto public_share = r.fixed(crypto::kPointBytes, "public share");
    auto joint = public_share ? r.fixed(crypto::kPointBytes, "joint key") : public_share;
    if (!joint) return bad(joint.error().message);
    auto P = crypto::Point::from_bytes(*public_share, false);
    auto K = crypto::Point::from_bytes(*joint, false);
    if (!P || !K) return bad("a public key does not decode");
    if (auto end = r.expect_end("end"); !end) return bad(end.error().message);
    if (!(crypto::Point::base_mul(*s) == *P)) return bad("the public share is not the secret share's");
    f.share = crypto::TrusteeKeyShare{*index, crypto::SecretScalar(*s), *P, *K};
    return f;
  } catch (...) {
    return detail::internal("out of memory while opening a key share");
  }
}

Result<void> save_trustee_share(const std::filesystem::path &path, const TrusteeShareFile &file,
                                std::string_view passphrase, const crypto::KdfParams &params,
                                bool overwrite) {
  auto sealed = seal_trustee_share(file, passphrase, params);
  if (!sealed) return sealed.error();
  return write_file_atomic(path, *sealed, overwrite);
}

Result<TrusteeShareFile> load_trustee_share(const std::filesystem::path &path, std::string_view passphrase) {
  auto bytes = read_binary_file(path, kSealedBlobMaxBytes);
  if (!bytes) return bytes.error();
  auto f = open_trustee_share(*bytes, passphrase);
  if (!f) {
    auto e = f.error();
    e.message = path.string() + ": " + e.message;
    return e;
  }
  return f;
}

} // namespace cv::client::roles
