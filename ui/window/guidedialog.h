// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

// Help > Guide: one page (resources/help/guide.html, with its diagram) on what the app measures
// and how to read each chart. Not modal, so it can stay open beside the window.
class GuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GuideDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};
