#include "dialogs.hpp"

#include <QCoreApplication>
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

} // namespace cv::gui
