// SPDX-License-Identifier: MIT
#include "ui/common/wrappedlabel.h"

#include <algorithm>

WrappedLabel::WrappedLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    fitHeight();
}

void WrappedLabel::setText(const QString &text)
{
    QLabel::setText(text);
    fitHeight();
}

void WrappedLabel::setReservedText(const QString &text)
{
    if (text == m_reserved)
        return;
    m_reserved = text;
    fitHeight();
}

int WrappedLabel::linesHeight(const QString &text, int width) const
{
    if (text.isEmpty())
        return 0;
    // As QLabel measures its own plain text: the contents rectangle, word wrap.
    const QMargins m = contentsMargins();
    const int inner = std::max(1, width - m.left() - m.right() - 2 * margin());
    const QRect box = fontMetrics().boundingRect(QRect(0, 0, inner, QWIDGETSIZE_MAX),
                                                 int(alignment()) | Qt::TextWordWrap, text);
    return box.height() + m.top() + m.bottom() + 2 * margin();
}

int WrappedLabel::heightForWidth(int width) const
{
    return std::max(linesHeight(text(), width), linesHeight(m_reserved, width));
}

void WrappedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fitHeight();
}

void WrappedLabel::fitHeight()
{
    const int height = heightForWidth(width());
    if (height != minimumHeight() || height != maximumHeight())
        setFixedHeight(height);
}
