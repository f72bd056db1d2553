// The meeting server's TLS identity: an ECDSA P-256 key and a self-signed certificate, generated at
// `councilvote-server init`. No CA is involved: clients pin the certificate's SHA-256 fingerprint,
// which the secretary hands out in the enrollment bundle (docs/wire.md).
#pragma once

#include "councilvote/crypto/error.hpp"

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

namespace cv::server {

struct TlsIdentity {
  QByteArray key_pem;         // PKCS#8 private key, PEM
  QByteArray certificate_pem; // X.509 v3, self-signed, PEM
};

struct TlsIdentityParams {
  QString common_name = QStringLiteral("CouncilVote meeting server");
  int valid_days = 3650;
};

// OpenSSL: Qt can use a key and certificate but cannot create them.
[[nodiscard]] crypto::Result<TlsIdentity> generate_tls_identity(const TlsIdentityParams &params);

// SHA-256 of the certificate's DER encoding: the value clients pin.
[[nodiscard]] QByteArray certificate_fingerprint(const QSslCertificate &certificate);

} // namespace cv::server
