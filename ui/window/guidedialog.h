// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

// Help > Guide: one page, with a diagram (resources/help/guide-loops.svg), on what the app
// measures and how to read each chart, in the window's language. Not modal, so it can stay open
// beside the window.
class GuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GuideDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    // The page and its diagram (SVG), translated.
    static QString html();
    static QByteArray diagram();

private:
    QTextBrowser *m_browser;
};
