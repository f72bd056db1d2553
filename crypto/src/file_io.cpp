#include "councilvote/crypto/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace cv::crypto {

namespace {

Error sys_error(const std::string &what, int err) {
  return make_error(Errc::system_error, what + ": " + std::strerror(err));
}

Result<void> write_and_sync(int fd, ByteView b, const std::string &name, std::filesystem::perms mode) {
  while (!b.empty()) {
    const ssize_t n = ::write(fd, b.data(), b.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return sys_error("write " + name, errno);
    b = b.subspan(static_cast<std::size_t>(n));
  }
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) return sys_error("chmod " + name, errno);
  if (::fsync(fd) != 0) return sys_error("fsync " + name, errno);
  return {};
}

} // namespace

Result<void> write_file_atomic(const std::filesystem::path &path, ByteView bytes, bool overwrite,
                               std::filesystem::perms mode) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string tmp = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data()); // O_EXCL, mode 0600
  if (fd < 0) return sys_error("cannot create a temporary file in " + dir.string(), errno);
  Result<void> ok = write_and_sync(fd, bytes, tmp, mode);
  if (::close(fd) != 0 && ok) ok = sys_error("close " + tmp, errno);
  if (ok) {
    if (overwrite) {
      if (::rename(tmp.c_str(), path.c_str()) != 0) ok = sys_error("rename to " + path.string(), errno);
    } else if (::link(tmp.c_str(), path.c_str()) != 0) { // atomic, fails if path exists
      ok = errno == EEXIST
               ? make_error(Errc::system_error, path.string() + " already exists; not overwriting")
               : sys_error("link to " + path.string(), errno);
    }
  }
  if (!ok || !overwrite) ::unlink(tmp.c_str());
  if (!ok) return ok;
  // Make the new directory entry durable (best effort: not every file system supports it).
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

} // namespace cv::crypto
