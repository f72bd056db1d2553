#include "cli_runner.hpp"

#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>
#include <memory>

namespace cvtest {

std::vector<CliRun> cli_runs(const std::vector<QStringList> &runs, const QString &passphrase,
                             int timeout_ms) {
  auto env = QProcessEnvironment::systemEnvironment();
  env.remove(QStringLiteral("CV_BUNDLE"));
  env.remove(QStringLiteral("CV_KEY"));
  if (passphrase.isEmpty())
    env.remove(QStringLiteral("CV_PASSPHRASE"));
  else
    env.insert(QStringLiteral("CV_PASSPHRASE"), passphrase);
  std::vector<std::unique_ptr<QProcess>> procs;
  QEventLoop loop; // keeps serving the fake servers while the CLIs run
  int running = 0;
  auto one_done = [&] {
    if (--running == 0) loop.quit();
  };
  for (const auto &args : runs) {
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(env);
    QObject::connect(p.get(), &QProcess::finished, &loop, one_done);
    QObject::connect(p.get(), &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
      if (e == QProcess::FailedToStart) one_done(); // no finished() follows
    });
    ++running;
    p->start(QStringLiteral(CV_CLI_PATH), args);
    procs.push_back(std::move(p));
  }
  QTimer::singleShot(timeout_ms, &loop, &QEventLoop::quit);
  if (running > 0) loop.exec();
  std::vector<CliRun> out;
  for (auto &p : procs) {
    CliRun r;
    if (p->state() != QProcess::NotRunning) {
      p->kill();
      p->waitForFinished();
    } else if (p->error() != QProcess::FailedToStart) {
      r.exit_code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    }
    r.out = p->readAllStandardOutput().toStdString();
    r.err = p->readAllStandardError().toStdString();
    out.push_back(std::move(r));
  }
  return out;
}

CliRun cli_run(const QStringList &args, const QString &passphrase, int timeout_ms) {
  return cli_runs({args}, passphrase, timeout_ms).front();
}

} // namespace cvtest
