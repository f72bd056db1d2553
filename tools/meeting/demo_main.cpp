// councilvote-demo: a whole council session over the real protocol on this machine.
//
// A fresh meeting directory; `councilvote-server init` and `serve` (a child process, wss on
// 127.0.0.1); the secretary loads the 22-member roster, the 60 nominees and the rule profiles of
// data/; 3 trustees (threshold 2) run the key ceremony through the server; the poll opens for the 2
// members voting remotely (in writing), then in the room, where 18 vote; 2 members do not vote; the
// poll closes; only 2 trustees decrypt; the result table is printed; the server is stopped.
// Every participant is a separate authenticated connection with its own key, exactly as the CLI
// and the GUI connect.
#include "councilvote/client/result_table.hpp"
#include "councilvote/crypto/init.hpp"
#include "server_process.hpp"
#include "session.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <cstdio>
#include <iostream>

#ifndef CV_DATA_DIR
#error "CV_DATA_DIR must point at the repository's data/"
#endif
#ifndef CV_SERVER_BINARY
#error "CV_SERVER_BINARY must name the councilvote-server binary"
#endif

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName("councilvote-demo");
  QCommandLineParser parser;
  parser.setApplicationDescription("A whole council session over the real protocol on localhost.");
  parser.addHelpOption();
  parser.addOption({"keep", "Keep the meeting directory in DIR (it must not exist).", "DIR"});
  parser.addOption({"data", "Roster, nominees and rules CSV files.", "DIR", CV_DATA_DIR});
  parser.addOption({"server", "The councilvote-server binary.", "FILE", CV_SERVER_BINARY});
  parser.addOption({"verify", "The councilvote-verify binary.", "FILE", CV_VERIFY_BINARY});
  parser.addOption({"minutes", "The councilvote-minutes binary.", "FILE", CV_MINUTES_BINARY});
  parser.addOption(
      {"gui", "Member 22 votes in the desktop client councilvote (the demo waits for its window)."});
  parser.process(app);

  if (auto ok = cv::crypto::init(); !ok) {
    std::cerr << "crypto self-test failed: " << ok.error().message << "\n";
    return 1;
  }
  QTemporaryDir tmp;
  std::filesystem::path root;
  if (parser.isSet("keep")) {
    root = parser.value("keep").toStdString();
  } else {
    if (!tmp.isValid()) {
      std::cerr << "cannot create a temporary directory\n";
      return 1;
    }
    root = tmp.path().toStdString();
    root /= "meeting";
  }

  cv::tools::DemoOptions options;
  options.data_dir = parser.value("data").toStdString();
  options.meeting_dir = root;
  options.server_binary = parser.value("server");
  options.verify_binary = parser.value("verify");
  options.minutes_binary = parser.value("minutes");
  options.record_file = root.parent_path() / (root.filename().string() + "-record.jsonl");
  if (parser.isSet("gui")) {
    options.gui_binary = QStringLiteral(CV_GUI_BINARY);
    options.gui_dir = root.parent_path() / (root.filename().string() + "-gui-member");
  }
  cv::tools::DemoSession demo(options, std::cout);
  auto record = demo.run();
  if (!record) {
    std::cerr << "\nDEMO FAILED: " << record.error().message
              << (record.error().check.empty() ? "" : " [" + record.error().check + "]") << "\n";
    return 1;
  }
  std::cout << "\n" << cv::client::format_result_table(*record) << std::flush;
  std::cout << demo.summary() << std::flush;
  return 0;
}
