// The one place where a client error becomes a sentence in the member's language: what happened
// and what to do. The wire's code and check (protocol/error.hpp) follow in a detail line for the
// secretary or the counting committee.
#pragma once

#include "councilvote/protocol/error.hpp"
#include "member_session.hpp"

#include <QCoreApplication>
#include <QString>

namespace cv::gui {

class ErrorText {
  Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
  // What went wrong and what to do, in whole sentences.
  [[nodiscard]] static QString sentence(Step step, const protocol::Error &e);
  // "Mã lỗi: E_POLL_CLOSED (kiểm tra: tls_pin)" — for those who help.
  [[nodiscard]] static QString detail(const protocol::Error &e);
  // The wrong server: the certificate is not the one the bundle pins.
  [[nodiscard]] static bool is_wrong_server(const protocol::Error &e);
};

} // namespace cv::gui
