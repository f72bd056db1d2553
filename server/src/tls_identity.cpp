#include "councilvote/server/tls_identity.hpp"

#include <QCryptographicHash>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace cv::server {

namespace {

template <class T, void (*Free)(T *)> struct Deleter {
  void operator()(T *p) const noexcept { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

crypto::Error tls_error(const char *what) {
  return crypto::make_error(crypto::Errc::system_error, std::string("TLS identity: ") + what + " failed");
}

QByteArray bio_contents(BIO *bio) {
  char *data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return QByteArray(data, static_cast<qsizetype>(n));
}

bool add_extension(X509 *cert, int nid, const char *value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (ext == nullptr) return false;
  const bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

} // namespace

crypto::Result<TlsIdentity> generate_tls_identity(const TlsIdentityParams &params) {
  PKey key(EVP_EC_gen("P-256"));
  if (!key) return tls_error("EC key generation");
  Cert cert(X509_new());
  if (!cert) return tls_error("X509_new");
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof serial) != 1) return tls_error("RAND_bytes");
  serial[0] &= 0x7f; // positive
  BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
  const bool serial_ok =
      bn != nullptr && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get())) != nullptr;
  BN_free(bn);
  if (!serial_ok) return tls_error("serial number");
  const QByteArray cn = params.common_name.toUtf8();
  X509_NAME *name = X509_get_subject_name(cert.get());
  if (X509_set_version(cert.get(), 2) != 1 ||
      X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(params.valid_days) * 86400) ==
          nullptr ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char *>(cn.constData()),
                                 static_cast<int>(cn.size()), -1, 0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1 || X509_set_pubkey(cert.get(), key.get()) != 1)
    return tls_error("certificate fields");
  if (!add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !add_extension(cert.get(), NID_key_usage, "critical,digitalSignature") ||
      !add_extension(cert.get(), NID_ext_key_usage, "serverAuth") ||
      !add_extension(cert.get(), NID_subject_key_identifier, "hash") ||
      !add_extension(cert.get(), NID_authority_key_identifier, "keyid:always"))
    return tls_error("certificate extensions");
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return tls_error("X509_sign");

  TlsIdentity out;
  Bio kb(BIO_new(BIO_s_mem())), cb(BIO_new(BIO_s_mem()));
  if (!kb || !cb) return tls_error("BIO_new");
  if (PEM_write_bio_PrivateKey(kb.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    return tls_error("writing the key");
  if (PEM_write_bio_X509(cb.get(), cert.get()) != 1) return tls_error("writing the certificate");
  out.key_pem = bio_contents(kb.get());
  out.certificate_pem = bio_contents(cb.get());
  return out;
}

QByteArray certificate_fingerprint(const QSslCertificate &certificate) {
  return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

} // namespace cv::server
