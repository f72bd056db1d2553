// Runs the real `councilvote-server` as a child process, for the demo, the crash test and the load
// benchmark: `init` a fresh meeting directory, `serve` it on loopback, stop it (SIGTERM) or kill it
// (SIGKILL), restart it.
#pragma once

#include "councilvote/crypto/sign.hpp"
#include "councilvote/protocol/bundle.hpp"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cv::tools {

struct MeetingParams {
  std::string meeting_id = "vinhlong-2025-06";
  std::string council = "Hội đồng Thi đua - Khen thưởng tỉnh Vĩnh Long";
  std::string session = "Phiên họp xét khen thưởng năm 2025";
  std::string date = "2025-06-15";
  std::string place = "Phòng họp số 1, UBND tỉnh";
  std::vector<crypto::SignPublicKey> secretary_keys;
  std::optional<std::uint32_t> min_ballots; // --min-ballots (the server's default when absent)
};

// A TCP port on 127.0.0.1 that was free a moment ago.
[[nodiscard]] std::uint16_t free_loopback_port();

class ServerProcess {
public:
  ServerProcess(QString binary, std::filesystem::path dir);
  ~ServerProcess();
  ServerProcess(const ServerProcess &) = delete;
  ServerProcess &operator=(const ServerProcess &) = delete;

  // `councilvote-server init` for 127.0.0.1:port; returns the bundle it wrote, or an error text.
  [[nodiscard]] bool init(const MeetingParams &params, std::uint16_t port, std::string &error);
  [[nodiscard]] const protocol::EnrollmentBundle &bundle() const noexcept { return bundle_; }
  // `councilvote-server serve`, waiting (up to timeout_ms) for its "listening on" line.
  [[nodiscard]] bool start(std::string &error, const QStringList &extra_args = {}, int timeout_ms = 20000);
  void stop();  // SIGTERM, then wait
  void kill9(); // SIGKILL, then wait
  [[nodiscard]] bool running() const;
  [[nodiscard]] qint64 pid() const;
  [[nodiscard]] QString output() const; // what the server printed so far (stdout + stderr)

private:
  QString binary_;
  std::filesystem::path dir_;
  std::uint16_t port_ = 0;
  protocol::EnrollmentBundle bundle_;
  std::unique_ptr<QProcess> serve_;
  QString log_;
};

} // namespace cv::tools
