// Message boxes with every button text given by the program (Qt has no Vietnamese for its own),
// shown without a nested event loop (QDialog::open): the answer arrives as a call-back. The
// default button — the one Enter presses — is always the safe one (reject).
#pragma once

#include <QString>
#include <functional>

class QWidget;
class QMessageBox;
class QFileDialog;

namespace cv::gui {

// Two buttons: `accept_text` runs `on_accept`; `reject_text` (the default, also Esc) does nothing.
QMessageBox *ask(QWidget *parent, const QString &object_name, const QString &title, const QString &text,
                 const QString &accept_text, const QString &reject_text, std::function<void()> on_accept);
// One button, "Đóng" / "Close".
QMessageBox *inform(QWidget *parent, const QString &title, const QString &text);
// A file dialog (Qt's own, so that every label is ours), deleted when closed; the caller connects
// fileSelected and calls open().
QFileDialog *file_dialog(QWidget *parent, const QString &title, const QString &filter, bool save);

} // namespace cv::gui
