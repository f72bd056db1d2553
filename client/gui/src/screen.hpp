// The base of every screen: retranslates itself when the language changes (QEvent::LanguageChange)
// and has a title for the window and the screenshots.
#pragma once

#include <QEvent>
#include <QWidget>

namespace cv::gui {

class StatusPanel;

class Screen : public QWidget {
  Q_OBJECT
public:
  using QWidget::QWidget;
  // Sets every visible text again from tr(): called once built and on every language change.
  virtual void retranslate() = 0;
  // Where the screen says what is happening (nullptr: nowhere).
  [[nodiscard]] virtual StatusPanel *status() const { return nullptr; }

protected:
  void changeEvent(QEvent *e) override {
    if (e->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(e);
  }
};

} // namespace cv::gui
