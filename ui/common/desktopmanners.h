// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QApplication;

// Two habits of Qt's widgets that a desktop user trips over, corrected once for the whole app by
// an application event filter rather than in every form:
// - The mouse wheel changes a combo box or spin box that passes under the pointer while the user
//   scrolls the form (Kernel went from sum to hash that way). Such a widget takes the wheel only
//   while it has focus, and the wheel no longer gives it focus; otherwise the wheel scrolls the
//   area around it, as it would over a label.
// - A plain-text tooltip is one line as wide as its text (1,230 px, wider than a 1024 px
//   screen). Widget, item-view and header tooltips are broken into lines of at most
//   kTooltipColumns characters; the views that show tooltips of their own call wrapTooltip().
class DesktopManners : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

// Installs one DesktopManners on `app` (owned by it).
void installDesktopManners(QApplication &app);

// About 70 characters is the width prose reads best at; at a tooltip's font that is ~450 px.
inline constexpr int kTooltipColumns = 72;

// `text` with its lines broken at spaces so that none is longer than `columns` characters (a word
// longer than that stands on a line of its own). Existing line breaks stay; rich text (which Qt
// wraps itself) and empty text are returned as they are.
QString wrapTooltip(const QString &text, int columns = kTooltipColumns);
