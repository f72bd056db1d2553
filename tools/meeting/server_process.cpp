#include "server_process.hpp"

#include "councilvote/protocol/json.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <csignal>

namespace cv::tools {

std::uint16_t free_loopback_port() {
  QTcpServer probe;
  if (!probe.listen(QHostAddress::LocalHost, 0)) return 0;
  const auto port = probe.serverPort();
  probe.close();
  return port;
}

ServerProcess::ServerProcess(QString binary, std::filesystem::path dir)
    : binary_(std::move(binary)), dir_(std::move(dir)) {}

ServerProcess::~ServerProcess() { stop(); }

bool ServerProcess::init(const MeetingParams &p, std::uint16_t port, std::string &error) {
  port_ = port;
  QStringList args{"init",
                   "--meeting",
                   QString::fromStdString(dir_.string()),
                   "--meeting-id",
                   QString::fromStdString(p.meeting_id),
                   "--council",
                   QString::fromStdString(p.council),
                   "--session",
                   QString::fromStdString(p.session),
                   "--date",
                   QString::fromStdString(p.date),
                   "--place",
                   QString::fromStdString(p.place),
                   "--address",
                   QStringLiteral("127.0.0.1:%1").arg(port)};
  for (const auto &k : p.secretary_keys)
    args << "--secretary-key" << QString::fromStdString(protocol::lower_hex(k));
  if (p.min_ballots) args << "--min-ballots" << QString::number(*p.min_ballots);
  QProcess init;
  init.setProcessChannelMode(QProcess::MergedChannels);
  init.start(binary_, args);
  if (!init.waitForFinished(60000) || init.exitStatus() != QProcess::NormalExit || init.exitCode() != 0) {
    error = "councilvote-server init failed: " + init.readAll().toStdString();
    return false;
  }
  log_ += QString::fromUtf8(init.readAll());
  QFile f(QString::fromStdString((dir_ / "bundle.json").string()));
  if (!f.open(QIODevice::ReadOnly)) {
    error = "init wrote no bundle.json";
    return false;
  }
  auto b = protocol::decode_bundle(f.readAll().toStdString());
  if (!b) {
    error = "bundle.json: " + b.error().message;
    return false;
  }
  bundle_ = *b;
  return true;
}

bool ServerProcess::start(std::string &error, const QStringList &extra_args, int timeout_ms) {
  serve_ = std::make_unique<QProcess>();
  serve_->setProcessChannelMode(QProcess::MergedChannels);
  QStringList args{"serve", "--meeting", QString::fromStdString(dir_.string()), "--listen",
                   QStringLiteral("127.0.0.1:%1").arg(port_)};
  args << extra_args;
  serve_->start(binary_, args);
  if (!serve_->waitForStarted(10000)) {
    error = "cannot start councilvote-server: " + serve_->errorString().toStdString();
    return false;
  }
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < timeout_ms) {
    if (serve_->waitForReadyRead(200)) log_ += QString::fromUtf8(serve_->readAll());
    if (log_.contains(QStringLiteral("listening on"))) return true;
    if (serve_->state() == QProcess::NotRunning) break;
  }
  log_ += QString::fromUtf8(serve_->readAll());
  error = "councilvote-server serve did not start listening:\n" + log_.toStdString();
  return false;
}

bool ServerProcess::running() const { return serve_ && serve_->state() != QProcess::NotRunning; }

qint64 ServerProcess::pid() const { return serve_ ? serve_->processId() : 0; }

QString ServerProcess::output() const {
  auto out = log_;
  if (serve_) out += QString::fromUtf8(serve_->readAll());
  return out;
}

void ServerProcess::stop() {
  if (!running()) return;
  serve_->terminate(); // SIGTERM: the server closes its connections and the database
  if (!serve_->waitForFinished(10000)) kill9();
  log_ += QString::fromUtf8(serve_->readAll());
}

void ServerProcess::kill9() {
  if (!running()) return;
  ::kill(static_cast<pid_t>(serve_->processId()), SIGKILL);
  serve_->waitForFinished(10000);
  log_ += QString::fromUtf8(serve_->readAll());
}

} // namespace cv::tools
