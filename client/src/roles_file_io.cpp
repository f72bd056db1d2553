#include "councilvote/client/roles/file_io.hpp"
#include "councilvote/crypto/file_io.hpp"
#include "roles_common.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cv::client::roles {

protocol::Result<void> write_file_atomic(const std::filesystem::path &path, protocol::ByteView bytes,
                                         bool overwrite) {
  try {
    if (auto ok = crypto::write_file_atomic(path, bytes, overwrite); !ok)
      return protocol::make_error(protocol::ErrorCode::internal, ok.error().message);
    return {};
  } catch (...) {
    return detail::internal("out of memory while writing " + path.string());
  }
}

protocol::Result<protocol::Bytes> read_binary_file(const std::filesystem::path &path, std::size_t max_bytes) {
  try {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return detail::invalid_argument("cannot open " + path.string() + ": " + std::strerror(errno));
    protocol::Bytes buf(max_bytes + 1); // one more, so that an oversized file is reported as such
    std::size_t got = 0;
    while (got < buf.size()) {
      const ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const int err = errno;
        ::close(fd);
        return detail::invalid_argument("cannot read " + path.string() + ": " + std::strerror(err));
      }
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got > max_bytes)
      return detail::invalid_argument(path.string() + ": larger than " + std::to_string(max_bytes) +
                                      " bytes");
    buf.resize(got);
    return buf;
  } catch (...) {
    return detail::internal("out of memory while reading " + path.string());
  }
}

} // namespace cv::client::roles
