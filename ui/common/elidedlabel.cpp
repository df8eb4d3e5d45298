// SPDX-License-Identifier: MIT
#include "ui/common/elidedlabel.h"

#include <QPainter>

#include <cmath>

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent)
    : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setText(text);
}

void ElidedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    updateGeometry(); // a layout that gives it its size hint gives it the new one
    updateElision();
    update();
}

QString ElidedLabel::oneLine() const
{
    // A message's line breaks become separators.
    QString flat = m_text;
    return flat.replace(QLatin1Char('\n'), QStringLiteral(" · "));
}

QSize ElidedLabel::sizeHint() const
{
    // The advance rounded up, plus a pixel: elidedText() measures in fractions and cut a text
    // given exactly its integer advance ("(last r…" with the whole width to spare).
    const QFontMetrics fm = fontMetrics();
    const QMargins m = contentsMargins();
    const int text = int(std::ceil(QFontMetricsF(font()).horizontalAdvance(oneLine()))) + 1;
    return {text + 2 * frameWidth() + m.left() + m.right(), fm.height() + 2 * frameWidth()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Always one line high, even when empty: showing a message must not move what is below.
    const QFontMetrics fm = fontMetrics();
    return {fm.horizontalAdvance(QStringLiteral("…")) * 4, fm.height() + 2 * frameWidth()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateElision();
}

void ElidedLabel::updateElision()
{
    const QString flat = oneLine();
    m_shown = fontMetrics().elidedText(flat, Qt::ElideRight, contentsRect().width());
    m_elided = m_shown != flat;
    if (!m_elided)
        setToolTip(m_explanation);
    else if (m_explanation.isEmpty())
        setToolTip(m_text);
    else
        setToolTip(m_text + QStringLiteral("\n\n") + m_explanation);
}

void ElidedLabel::setExplanation(const QString &explanation)
{
    m_explanation = explanation;
    updateElision();
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    painter.drawText(contentsRect(), Qt::AlignLeft | Qt::AlignVCenter, m_shown);
}
