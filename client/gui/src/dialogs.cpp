#include "dialogs.hpp"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace cv::gui {

QMessageBox *ask(QWidget *parent, const QString &object_name, const QString &title, const QString &text,
                 const QString &accept_text, const QString &reject_text, std::function<void()> on_accept) {
  auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
  box->setObjectName(object_name);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::WindowModal);
  auto *yes = box->addButton(accept_text, QMessageBox::AcceptRole);
  auto *no = box->addButton(reject_text, QMessageBox::RejectRole);
  yes->setObjectName(QStringLiteral("accept"));
  no->setObjectName(QStringLiteral("reject"));
  yes->setAccessibleName(accept_text);
  no->setAccessibleName(reject_text);
  yes->setAutoDefault(false);
  box->setDefaultButton(no);
  box->setEscapeButton(no);
  QObject::connect(box, &QMessageBox::buttonClicked, box,
                   [box, yes, on_accept = std::move(on_accept)](auto *b) {
                     if (b == yes && on_accept) {
                       box->hide();
                       on_accept();
                     }
                   });
  box->open();
  return box;
}

QMessageBox *inform(QWidget *parent, const QString &title, const QString &text) {
  auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::NoButton, parent);
  box->setAttribute(Qt::WA_DeleteOnClose);
  auto *close = box->addButton(QCoreApplication::translate("Dialogs", "Close"), QMessageBox::AcceptRole);
  close->setAccessibleName(close->text());
  box->setDefaultButton(close);
  box->open();
  return box;
}

QFileDialog *file_dialog(QWidget *parent, const QString &title, const QString &filter, bool save) {
  auto *d = new QFileDialog(parent, title, QString(), filter);
  d->setOption(QFileDialog::DontUseNativeDialog);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
  d->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
  d->setLabelText(QFileDialog::Accept, save ? QCoreApplication::translate("Dialogs", "Save")
                                            : QCoreApplication::translate("Dialogs", "Open"));
  d->setLabelText(QFileDialog::Reject, QCoreApplication::translate("Dialogs", "Cancel"));
  d->setLabelText(QFileDialog::LookIn, QCoreApplication::translate("Dialogs", "Look in:"));
  d->setLabelText(QFileDialog::FileName, QCoreApplication::translate("Dialogs", "File name:"));
  d->setLabelText(QFileDialog::FileType, QCoreApplication::translate("Dialogs", "Files of type:"));
  return d;
}

} // namespace cv::gui
