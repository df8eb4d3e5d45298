// SPDX-License-Identifier: MIT
#include "ui/window/noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel)
    , m_text(new QLabel)
    , m_close(new QToolButton)
{
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    // The palette's highlight, lightened: readable in light and dark themes alike.
    setAutoFillBackground(true);
    QPalette p = palette();
    const QColor base = p.color(QPalette::Window);
    const QColor tint = p.color(QPalette::Highlight);
    p.setColor(QPalette::Window, QColor::fromRgbF(base.redF() * 0.8f + tint.redF() * 0.2f,
                                                  base.greenF() * 0.8f + tint.greenF() * 0.2f,
                                                  base.blueF() * 0.8f + tint.blueF() * 0.2f));
    setPalette(p);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(icon, icon));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close message"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 3, 3);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void NoticeBar::showNotice(const QString &text)
{
    m_text->setText(text);
    setToolTip(text);
    show();
}

QString NoticeBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}
