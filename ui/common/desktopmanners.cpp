// SPDX-License-Identifier: MIT
#include "ui/common/desktopmanners.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QScrollBar>
#include <QStringList>
#include <QTextDocument>
#include <QToolTip>
#include <QWheelEvent>

namespace {

bool takesWheelOnlyWithFocus(const QObject *object)
{
    return qobject_cast<const QComboBox *>(object) ||
           qobject_cast<const QAbstractSpinBox *>(object);
}

// The wheel an unfocused field declined goes to the nearest scroll area around it.
void scrollAreaAround(QWidget *widget, QWheelEvent *wheel)
{
    for (QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
        if (auto *area = qobject_cast<QAbstractScrollArea *>(w)) {
            QScrollBar *bar = wheel->angleDelta().y() != 0 ? area->verticalScrollBar()
                                                           : area->horizontalScrollBar();
            if (bar && bar->isVisible())
                QCoreApplication::sendEvent(bar, wheel);
            return;
        }
    }
}

// The tooltip Qt would show for `event` on `widget`, or empty when Qt would show none (or one
// that a view draws itself).
QString tooltipFor(QWidget *widget, const QHelpEvent *event, QRect *area)
{
    if (auto *view = qobject_cast<QAbstractItemView *>(widget->parentWidget());
        view && view->viewport() == widget) {
        if (auto *header = qobject_cast<QHeaderView *>(view)) {
            const int section = header->logicalIndexAt(event->pos());
            if (section < 0 || !header->model())
                return {};
            return header->model()
                ->headerData(section, header->orientation(), Qt::ToolTipRole)
                .toString();
        }
        const QModelIndex index = view->indexAt(event->pos());
        *area = view->visualRect(index);
        return index.isValid() ? index.data(Qt::ToolTipRole).toString() : QString();
    }
    *area = widget->rect();
    return widget->toolTip();
}

} // namespace

bool DesktopManners::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Polish:
        if (takesWheelOnlyWithFocus(watched)) {
            auto *widget = static_cast<QWidget *>(watched);
            if (widget->focusPolicy() == Qt::WheelFocus)
                widget->setFocusPolicy(Qt::StrongFocus);
        }
        break;
    case QEvent::Wheel:
        if (takesWheelOnlyWithFocus(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
            scrollAreaAround(static_cast<QWidget *>(watched), static_cast<QWheelEvent *>(event));
            return true;
        }
        break;
    case QEvent::ToolTip: {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget)
            break;
        auto *help = static_cast<QHelpEvent *>(event);
        QRect area;
        const QString text = tooltipFor(widget, help, &area);
        if (text.isEmpty() || Qt::mightBeRichText(text))
            break; // Qt's own handling: none shown, or rich text that Qt wraps itself
        QToolTip::showText(help->globalPos(), wrapTooltip(text), widget, area);
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void installDesktopManners(QApplication &app)
{
    app.installEventFilter(new DesktopManners(&app));
}

QString wrapTooltip(const QString &text, int columns)
{
    if (text.isEmpty() || Qt::mightBeRichText(text))
        return text;
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString current;
        for (const QString &word : line.split(QLatin1Char(' '))) {
            if (!current.isEmpty() && current.size() + 1 + word.size() > columns) {
                out.append(current);
                current.clear();
            }
            current += current.isEmpty() ? word : QLatin1Char(' ') + word;
        }
        out.append(current);
    }
    return out.join(QLatin1Char('\n'));
}
