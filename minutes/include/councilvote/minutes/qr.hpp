// The QR code of the record's fingerprint on every page (libqrencode).
#pragma once

#include <string_view>
#include <vector>

namespace cv::minutes {

// The modules of the QR code of `text` (error correction M): size x size, row by row, true = dark.
struct QrModules {
  int size = 0;
  std::vector<bool> dark;
  [[nodiscard]] bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};
// Throws std::runtime_error when libqrencode cannot encode the text.
[[nodiscard]] QrModules qr_modules(std::string_view text);

} // namespace cv::minutes
