#include "error_text.hpp"

#include "councilvote/client/connection.hpp"

namespace cv::gui {

using protocol::ErrorCode;

bool ErrorText::is_wrong_server(const protocol::Error &e) {
  return e.code == ErrorCode::inconsistent_data && e.check == client::kCheckTlsPin;
}

// A sealed file (ceremony state, key share) that is missing, or that a wrong passphrase or damage
// would not open.
static bool sealed_file_refused(const protocol::Error &e) {
  return e.code == ErrorCode::invalid_argument && (e.message.find("sealed file") != std::string::npos ||
                                                   e.message.find("cannot open") != std::string::npos);
}

QString ErrorText::sentence(Step step, const protocol::Error &e) {
  if (is_wrong_server(e))
    return tr("This is not the meeting's server: its certificate does not match the fingerprint in "
              "your enrollment bundle. The program does not connect to it, and there is no way to "
              "connect anyway. Tell the secretary at once.");
  if (e.check == client::kCheckConnect || e.check == client::kCheckTimeout ||
      (e.check == client::kCheckConnectionLost && step != Step::cast) || e.check == client::kCheckClosed)
    return tr("The meeting's server cannot be reached. Check the network cable or Wi-Fi and try "
              "again; nothing has been lost.");
  switch (step) {
  case Step::identity:
    return tr("Your identity could not be created (the key file could not be written). Check that "
              "the folder is writable and try again.");
  case Step::bundle:
    if (e.code == ErrorCode::bad_signature)
      return tr("This bundle has been altered: its signature does not verify. Do not use it; ask "
                "the secretary for the bundle again.");
    return tr("This is not a valid enrollment bundle. Check that you opened the right file, or "
              "that you pasted the whole text (it starts with CV2:).");
  case Step::unlock:
    return tr("The passphrase is not right, or the key file is damaged. Type the passphrase again.");
  case Step::cast:
    if (e.code == ErrorCode::internal)
      return tr("The answer to your ballot did not arrive. Your ballot is kept on this computer: "
                "press \"Try again\" and the same ballot is sent again. It is never counted twice.");
    break;
  case Step::check:
    if (e.code == ErrorCode::not_found)
      return tr("Your ballot is NOT on the bulletin board. Keep your receipt file and tell the "
                "vote-counting committee (Ban kiểm phiếu) and the secretary at once.");
    if (e.code == ErrorCode::inconsistent_data || e.code == ErrorCode::bad_signature)
      return tr("The bulletin board does not show your ballot as it should. Keep your receipt file "
                "and tell the vote-counting committee (Ban kiểm phiếu) and the secretary at once.");
    break;
  case Step::ceremony:
    if (sealed_file_refused(e))
      return tr("This passphrase does not open your key file, or your ceremony file is damaged. Type "
                "the passphrase of your key file; nothing has been sent.");
    if (e.code == ErrorCode::invalid_argument)
      return tr("This key is not one of the vote-counting committee's in this ceremony. Check with the "
                "secretary which keys were named as trustees.");
    if (e.code == ErrorCode::inconsistent_data)
      return tr("The key ceremony on the server does not agree with what this computer holds. Do not "
                "go on; tell the secretary, who starts a new ceremony.");
    if (e.code == ErrorCode::internal)
      return tr("Your ceremony file could not be written and read back on this computer. Check that "
                "the folder is writable; nothing has been sent.");
    break;
  case Step::decrypt:
    if (e.code == ErrorCode::inconsistent_data)
      return tr("The server's tally is not the sum of the ballots on the board. Do not decrypt; tell "
                "the secretary and the other members of the committee at once.");
    if (e.code == ErrorCode::wrong_state && e.check == "min_ballots")
      return tr("Too few ballots were cast: decrypting this tally would reveal how individual members "
                "voted. It is not decrypted.");
    if (e.code == ErrorCode::not_found || sealed_file_refused(e))
      return tr("Your key share of this ceremony could not be opened: the file is missing or the "
                "passphrase is not right. Nothing was sent.");
    break;
  default:
    break;
  }
  switch (e.code) {
  case ErrorCode::unknown_key:
    return tr("The server does not know your key yet. Give your public key to the secretary and try "
              "again once it is registered.");
  case ErrorCode::duplicate_ballot:
    return tr("The server already holds a ballot from you in this poll. A ballot cannot be changed "
              "or cast twice.");
  case ErrorCode::poll_not_open:
    return tr("Voting in this poll has not started yet.");
  case ErrorCode::poll_closed:
    return tr("This poll is closed: no more ballots are accepted.");
  case ErrorCode::not_attending:
    return tr("You are not marked present (or voting remotely) in this poll. Ask the secretary.");
  case ErrorCode::outside_remote_window:
    return tr("The remote voting window is not open now. Remote members vote within the times "
              "the secretary announced.");
  case ErrorCode::rate_limited:
  case ErrorCode::too_many_connections:
    return tr("The server is busy. Wait a moment and try again.");
  case ErrorCode::invalid_ballot:
    return tr("The server refused the ballot as invalid. Nothing was counted. Tell the secretary.");
  case ErrorCode::bad_signature:
  case ErrorCode::inconsistent_data:
    return tr("The server's answer did not pass this program's checks. Do not go on; tell the "
              "secretary and the vote-counting committee.");
  case ErrorCode::invalid_argument:
    if (step == Step::encrypt)
      return tr("Your ballot could not be made: this key is not on the poll's list of voters. Check "
                "with the secretary that your key was registered.");
    break;
  default:
    break;
  }
  return tr("The operation did not succeed. Try again; if it fails again, tell the secretary.");
}

QString ErrorText::detail(const protocol::Error &e) {
  QString s = tr("Error code: %1")
                  .arg(QString::fromUtf8(protocol::error_code_name(e.code).data(),
                                         static_cast<qsizetype>(protocol::error_code_name(e.code).size())));
  if (!e.check.empty()) s += tr(" (check: %1)").arg(QString::fromStdString(e.check));
  return s;
}

} // namespace cv::gui
