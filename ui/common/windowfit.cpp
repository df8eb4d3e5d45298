// SPDX-License-Identifier: MIT
#include "ui/common/windowfit.h"

#include <algorithm>

namespace WindowFit {

namespace {

qint64 area(const QRect &r)
{
    return r.isValid() ? qint64(r.width()) * r.height() : 0;
}

} // namespace

QRect fitted(const QRect &saved, const QMargins &frame, const QList<QRect> &screens)
{
    if (screens.isEmpty())
        return saved;
    const QRect outer = saved.marginsAdded(frame);
    QRect screen = screens.front();
    qint64 best = 0;
    for (const QRect &s : screens) {
        const qint64 overlap = area(s.intersected(outer));
        if (overlap > best) {
            best = overlap;
            screen = s;
        }
    }
    QRect fit = outer;
    fit.setWidth(std::min(outer.width(), screen.width()));
    fit.setHeight(std::min(outer.height(), screen.height()));
    fit.moveLeft(std::clamp(fit.left(), screen.left(), screen.right() - fit.width() + 1));
    fit.moveTop(std::clamp(fit.top(), screen.top(), screen.bottom() - fit.height() + 1));
    return fit.marginsRemoved(frame);
}

} // namespace WindowFit
