// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// A message that must be read: the history cannot be saved, saved settings were damaged and
// replaced by defaults. Shown above the pages in full (wrapped, selectable), and it stays until
// the user closes it or a newer one replaces it; the status bar's line is for passing notes.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows `text` (plain text), replacing the notice shown.
    void showNotice(const QString &text);
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};
