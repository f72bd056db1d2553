// The one mapping from client errors to sentences (error_text.hpp): what the member reads when
// something goes wrong, in Vietnamese, and the detail line for those who help.
#include "councilvote/client/connection.hpp"
#include "error_text.hpp"
#include "gui_support.hpp"
#include "language.hpp"

#include <catch2/catch.hpp>

using namespace cvguitest;
using cv::gui::ErrorText;
using cv::gui::Step;
using cv::protocol::ErrorCode;

namespace {
cv::protocol::Error error(ErrorCode code, std::string check = {}) {
  auto e = cv::protocol::make_error(code, "message");
  e.check = std::move(check);
  return e;
}
} // namespace

TEST_CASE("error text: a ballot missing from the board or the record says what to do", "[gui][errors]") {
  const auto missing = ErrorText::sentence(Step::check, error(ErrorCode::not_found));
  CHECK(missing.startsWith(QStringLiteral("Lá phiếu của bạn KHÔNG có trên bảng tin")));
  CHECK(missing.contains(QStringLiteral("Ban kiểm phiếu")));
  const auto changed = ErrorText::sentence(Step::check, error(ErrorCode::inconsistent_data, "entry"));
  CHECK(changed.contains(QStringLiteral("giữ tệp biên nhận")));
}

TEST_CASE("error text: the wrong server, a lost answer, a closed poll", "[gui][errors]") {
  const auto pin = error(ErrorCode::inconsistent_data, std::string(cv::client::kCheckTlsPin));
  CHECK(ErrorText::is_wrong_server(pin));
  CHECK(ErrorText::sentence(Step::connect, pin)
            .startsWith(QStringLiteral("Đây không phải máy chủ của kỳ họp")));
  // After a lost answer to cast_ballot: try again, the same ballot; elsewhere: the network.
  const auto lost = error(ErrorCode::internal, std::string(cv::client::kCheckConnectionLost));
  CHECK(ErrorText::sentence(Step::cast, lost).contains(QStringLiteral("“Thử lại”")));
  CHECK(ErrorText::sentence(Step::board, lost).startsWith(QStringLiteral("Không liên lạc được")));
  CHECK(ErrorText::sentence(Step::cast, error(ErrorCode::poll_closed)) ==
        QStringLiteral("Cuộc bỏ phiếu này đã kết thúc: không nhận thêm phiếu."));
  CHECK(ErrorText::sentence(Step::unlock, error(ErrorCode::invalid_argument))
            .startsWith(QStringLiteral("Cụm mật khẩu")));
  CHECK(str(ErrorText::detail(pin)) == "Mã lỗi: E_INCONSISTENT_DATA (bước kiểm tra: tls_pin)");
  REQUIRE(cv::gui::set_language(cv::gui::Language::en));
  CHECK(str(ErrorText::sentence(Step::cast, error(ErrorCode::poll_closed))) ==
        "This poll is closed: no more ballots are accepted.");
  REQUIRE(cv::gui::set_language(cv::gui::Language::vi));
}
