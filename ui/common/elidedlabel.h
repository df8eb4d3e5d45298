// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

// One line of text that never pushes its neighbours: it takes the width it is given, elides what
// does not fit with "…" and keeps the whole text as its tooltip, so a long message stays readable
// in full without moving the layout around it (the status bar).
class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(const QString &text = {}, QWidget *parent = nullptr);

    // The whole text, as set (never the elided one).
    QString text() const { return m_text; }
    void setText(const QString &text);
    // A tooltip that stays: shown alone while the text fits, under the whole text once it is cut.
    void setExplanation(const QString &explanation);
    // Whether the last paint had to cut the text.
    bool isElided() const { return m_elided; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateElision();
    QString oneLine() const;

    QString m_text;
    QString m_shown;
    QString m_explanation;
    bool m_elided = false;
};
