// The trustee's window (Ban kiểm phiếu), opened from the menu once the key is unlocked:
//   the key ceremony as a checklist (state sealed and checked → own messages posted → shares
//   received verified → key share saved and checked), with who the ceremony still waits for and
//   the live t / n; the ceremony cannot go on until the sealed state has been read back;
//   the decryption: recompute the tally of the poll from the board (nothing is sent), read the
//   ballot count, the tally's fingerprint and what a small count reveals, then confirm; the
//   window says what the server holds only from the server's answer.
#pragma once

#include "../screen.hpp"
#include "../trustee_work.hpp"

class QLabel;
class QLineEdit;
class QPushButton;

namespace cv::gui {

class TrusteeScreen : public Screen {
  Q_OBJECT
public:
  explicit TrusteeScreen(MemberSession &member, QWidget *parent = nullptr);
  void retranslate() override;
  [[nodiscard]] StatusPanel *status() const override { return status_; }
  [[nodiscard]] TrusteeWork &work() noexcept { return *work_; }

private:
  void start_ceremony();
  void prepare();
  void confirm();
  void render_ceremony();
  void render_decryption();
  MemberSession &member_;
  TrusteeWork *work_;
  QLabel *title_, *intro_, *pass_caption_, *ceremony_title_, *who_, *steps_[4], *waiting_, *joint_;
  QLabel *decrypt_title_, *tally_, *warning_, *held_;
  QLineEdit *pass_;
  QPushButton *ceremony_, *prepare_, *decrypt_;
  StatusPanel *status_;
  std::optional<DecryptionView> ready_;
  std::optional<protocol::PostPartialDecryptionResponse> posted_;
  std::optional<Step> last_step_;
};

} // namespace cv::gui
