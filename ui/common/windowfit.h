// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMargins>
#include <QRect>

// Where a restored window goes. A window saved on a large screen (1440 x 900) and reopened on a
// smaller one (1280 x 720) kept its size and put its status bar and Export off the screen: the
// saved geometry is only a wish, the screens of today decide.
namespace WindowFit {

// The client rectangle for a window saved with client rectangle `saved`, its window manager's
// frame `frame` around it, on screens whose available geometries (without panels and docks) are
// `screens`, the primary one first.
// - It goes to the screen its frame overlaps most, or to the primary one when it overlaps none
//   (the screen it was on is gone, or it was left off every edge).
// - Its frame is no larger than that screen: a larger side shrinks to the screen's.
// - Its whole frame is on that screen: moved in by as little as that takes.
// A saved rectangle that already fits comes back unchanged; no screens: `saved` unchanged.
QRect fitted(const QRect &saved, const QMargins &frame, const QList<QRect> &screens);

} // namespace WindowFit
