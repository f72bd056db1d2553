#include "councilvote/client/roles/file_io.hpp"
#include "roles_common.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cv::client::roles {

namespace {

protocol::Error sys_error(const std::string &what, int err) {
  return protocol::make_error(protocol::ErrorCode::internal, what + ": " + std::strerror(err));
}

protocol::Result<void> write_all(int fd, protocol::ByteView b, const std::string &name) {
  while (!b.empty()) {
    const ssize_t n = ::write(fd, b.data(), b.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return sys_error("write " + name, errno);
    b = b.subspan(static_cast<std::size_t>(n));
  }
  if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) return sys_error("chmod 0600 " + name, errno);
  if (::fsync(fd) != 0) return sys_error("fsync " + name, errno);
  return {};
}

} // namespace

protocol::Result<void> write_file_atomic(const std::filesystem::path &path, protocol::ByteView bytes,
                                         bool overwrite) {
  try {
    const std::filesystem::path dir =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string tmp = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data()); // O_EXCL, mode 0600
    if (fd < 0) return sys_error("cannot create a temporary file in " + dir.string(), errno);
    protocol::Result<void> ok = write_all(fd, bytes, tmp);
    if (::close(fd) != 0 && ok) ok = sys_error("close " + tmp, errno);
    if (ok) {
      if (overwrite) {
        if (::rename(tmp.c_str(), path.c_str()) != 0) ok = sys_error("rename to " + path.string(), errno);
      } else if (::link(tmp.c_str(), path.c_str()) != 0) {
        ok = errno == EEXIST ? protocol::make_error(protocol::ErrorCode::internal,
                                                    path.string() + " already exists; not overwriting")
                             : sys_error("link to " + path.string(), errno);
      }
    }
    if (!ok || !overwrite) ::unlink(tmp.c_str());
    if (!ok) return ok;
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
      (void)::fsync(dfd);
      ::close(dfd);
    }
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
