#include "councilvote/minutes/qr.hpp"

#include <qrencode.h>
#include <stdexcept>
#include <string>

namespace cv::minutes {

QrModules qr_modules(std::string_view text) {
  const std::string s(text);
  QRcode *code = QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!code) throw std::runtime_error("libqrencode could not encode the fingerprint as a QR code");
  QrModules q;
  q.size = code->width;
  q.dark.resize(static_cast<std::size_t>(q.size * q.size));
  for (std::size_t i = 0; i < q.dark.size(); ++i) q.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return q;
}

} // namespace cv::minutes
