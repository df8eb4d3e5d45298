// SPDX-License-Identifier: MIT
#include "ui/charts/timelineview.h"

#include "core/engine/runresult.h"
#include "ui/common/chartstyle.h"
#include "ui/common/formatting.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

// Lag and CPU: the colours the Guide's hand-drawn timeline uses, made readable on the background.
const QColor kLagColor(232, 140, 30);
const QColor kCpuColor(40, 110, 200);
// A wheel notch (120) zooms by 1.2, as in the charts.
constexpr double kZoomPerNotch = 1.2;

// 1, 2 or 5 times a power of ten, the smallest at least `ns`.
double niceStep(double ns)
{
    const double power = std::pow(10.0, std::floor(std::log10(std::max(ns, 1.0))));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= ns)
            return m * power;
    }
    return 10 * power;
}

QString msText(double ms)
{
    return Formatting::duration(ms);
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineView"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    grabGesture(Qt::PinchGesture);
    setToolTip(QString()); // the hover text is per task
}

void TimelineView::Picture::addRun(const RunResult &run, const QString &title)
{
    const int first = geometry.addRun(run);
    headings.append({title, first, geometry.rowCount() - first, run.load});
}

void TimelineView::setPicture(Picture picture)
{
    m_geometry = std::move(picture.geometry);
    m_groups = std::move(picture.headings);
    m_hoverRow = -1;
    m_hoverTask.reset();
    m_geometry.setWidth(width() - plotLeft());
    m_geometry.reset();
    updateGeometry();
    update();
}

void TimelineView::addRun(const RunResult &run, const QString &title)
{
    const int first = m_geometry.addRun(run);
    m_groups.append({title, first, m_geometry.rowCount() - first, run.load});
    m_geometry.setWidth(width() - plotLeft());
    m_geometry.reset();
    updateGeometry();
    update();
}

void TimelineView::resetView()
{
    m_geometry.reset();
    update();
}

void TimelineView::zoomAt(double x, double factor)
{
    m_geometry.zoomAt(x, factor);
    update();
}

void TimelineView::panBy(double dx)
{
    m_geometry.panBy(dx);
    update();
}

int TimelineView::plotLeft() const
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return std::max(fontMetrics().horizontalAdvance(tr("loop %1").arg(QLocale().toString(999))),
                    QFontMetrics(small).horizontalAdvance(tr("cpu%1 busy").arg(99))) +
           16;
}

int TimelineView::headingHeight() const
{
    return fontMetrics().height() + 6;
}

int TimelineView::axisHeight() const
{
    // Tick labels, then the legend.
    return 2 * fontMetrics().height() + 14;
}

int TimelineView::coreStripHeight() const
{
    return fontMetrics().height() - 2;
}

int TimelineView::rowHeight() const
{
    const int rows = std::max(1, m_geometry.rowCount());
    int free = height() - axisHeight() - int(m_groups.size()) * headingHeight();
    for (const Heading &g : m_groups)
        free -= int(g.load.cores.size()) * coreStripHeight() + 2;
    return std::clamp(free / rows, 12, 9 * fontMetrics().height());
}

int TimelineView::rowTop(int row) const
{
    int y = 0;
    for (const Heading &g : m_groups) {
        y += headingHeight();
        if (row < g.firstRow + g.rows)
            return y + (row - g.firstRow) * rowHeight();
        y += g.rows * rowHeight() + int(g.load.cores.size()) * coreStripHeight() + 2;
    }
    return y;
}

int TimelineView::rowAt(int y) const
{
    for (int row = 0; row < m_geometry.rowCount(); ++row) {
        const int top = rowTop(row);
        if (y >= top && y < top + rowHeight())
            return row;
    }
    return -1;
}

QSize TimelineView::sizeHint() const
{
    return {900, 480};
}

QSize TimelineView::minimumSizeHint() const
{
    return {plotLeft() + 200, axisHeight() + headingHeight() + 2 * 12};
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The same time range over the new width.
    m_geometry.setWidth(width() - plotLeft());
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QColor background = chartBackground(palette());
    const QColor text = palette().color(QPalette::Text);
    const QColor lag = readableOn(kLagColor, background);
    const QColor cpu = readableOn(kCpuColor, background);
    const QColor grid = mixColors(background, text, 0.15);
    p.fillRect(rect(), background);
    const int left = plotLeft();
    const int plotWidth = width() - left;
    const int rowH = rowHeight();
    const QFontMetrics fm = fontMetrics();

    // Only the pictures of rows on screen; the lag lane's height is a count, on one scale for
    // every row in view so that runs compare.
    std::vector<TimelineGeometry::RowPicture> pictures(std::size_t(m_geometry.rowCount()));
    int mostWaiting = 1;
    for (int row = 0; row < m_geometry.rowCount(); ++row) {
        if (rowTop(row) > height())
            break;
        pictures[std::size_t(row)] = m_geometry.picture(row);
        for (const int w : pictures[std::size_t(row)].waiting)
            mostWaiting = std::max(mostWaiting, w);
    }

    p.setClipRect(QRect(left, 0, plotWidth, height()));
    const double step = niceStep(80 * m_geometry.spanNs() / std::max(1, plotWidth));
    for (double t = std::ceil(m_geometry.startNs() / step) * step;
         t < m_geometry.startNs() + m_geometry.spanNs(); t += step) {
        const int x = left + int(m_geometry.xOf(t));
        p.fillRect(x, 0, 1, height() - axisHeight(), grid);
    }
    p.setClipping(false);

    for (const Heading &g : m_groups) {
        const int top = rowTop(g.firstRow) - headingHeight();
        p.setPen(text);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(4, top, width() - 8, headingHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(g.title, Qt::ElideRight, width() - 8));
        p.setFont(font());
        for (int row = g.firstRow; row < g.firstRow + g.rows; ++row) {
            const int y = rowTop(row);
            if (y > height())
                break;
            p.setPen(text);
            p.drawText(QRect(4, y, left - 8, rowH), Qt::AlignRight | Qt::AlignVCenter,
                       tr("loop %1").arg(QLocale().toString(row - g.firstRow)));
            p.fillRect(left, y + rowH - 1, plotWidth, 1, grid);
            const TimelineGeometry::RowPicture &pic = pictures[std::size_t(row)];
            const int lagTop = y + 2;
            const int lagH = std::max(3, (rowH - 4) / 2);
            const int cpuTop = lagTop + lagH + 1;
            const int cpuH = std::max(3, y + rowH - 2 - cpuTop);
            // Lag: one rectangle per run of columns of equal height.
            for (std::size_t c = 0; c < pic.waiting.size();) {
                const int w = pic.waiting[c];
                std::size_t e = c + 1;
                const int h =
                    w > 0 ? std::max(2, int(std::lround(lagH * double(w) / mostWaiting))) : 0;
                while (e < pic.waiting.size() &&
                       (pic.waiting[e] > 0
                            ? std::max(
                                  2, int(std::lround(lagH * double(pic.waiting[e]) / mostWaiting)))
                            : 0) == h)
                    ++e;
                if (h > 0)
                    p.fillRect(left + int(c), lagTop + lagH - h, int(e - c), h, lag);
                c = e;
            }
            // CPU: the narrow tasks' share per column as the colour's strength ...
            for (std::size_t c = 0; c < pic.cpuShare.size();) {
                const int level = int(std::lround(pic.cpuShare[c] * 16));
                std::size_t e = c + 1;
                while (e < pic.cpuShare.size() && int(std::lround(pic.cpuShare[e] * 16)) == level)
                    ++e;
                if (level > 0)
                    p.fillRect(left + int(c), cpuTop, int(e - c), cpuH,
                               mixColors(background, cpu, std::min(1.0, 0.15 + level / 16.0)));
                c = e;
            }
            // ... and the wide ones one by one, parted by a line of background.
            p.setClipRect(QRect(left, y, plotWidth, rowH));
            for (const TimelineGeometry::Span &s : pic.cpu) {
                const QRectF r(left + s.x0, cpuTop, s.x1 - s.x0, cpuH);
                p.fillRect(r, cpu);
                p.fillRect(QRectF(r.left(), r.top(), 1, r.height()), background);
            }
            if (row == m_hoverRow && m_hoverTask) {
                const TimelineGeometry::Task &t = m_geometry.tasks(row)[*m_hoverTask];
                const double x0 = left + m_geometry.xOf(double(t.dueNs));
                const double x1 = left + m_geometry.xOf(double(t.resumedNs));
                const double x2 = left + m_geometry.xOf(double(t.doneNs));
                p.setPen(QPen(text, 2));
                p.drawLine(QPointF(x0, lagTop + lagH / 2.0), QPointF(x1, lagTop + lagH / 2.0));
                p.drawLine(QPointF(x0, lagTop), QPointF(x0, lagTop + lagH));
                p.setPen(QPen(text, 1));
                p.setBrush(Qt::NoBrush);
                p.drawRect(QRectF(x1, cpuTop, std::max(1.0, x2 - x1), cpuH - 1));
            }
            p.setClipping(false);
        }
        // Each core's busy share per load sample (the share of the interval that ends at its
        // time), darker where busier.
        const int stripTop = rowTop(g.firstRow + g.rows - 1) + rowH + 1;
        const int stripH = coreStripHeight();
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        p.setFont(small);
        for (std::size_t c = 0; c < g.load.cores.size(); ++c) {
            const int y = stripTop + int(c) * stripH;
            p.setPen(mixColors(background, text, 0.7));
            p.drawText(QRect(4, y, left - 8, stripH), Qt::AlignRight | Qt::AlignVCenter,
                       tr("cpu%1 busy").arg(c));
            p.setClipRect(QRect(left, y, plotWidth, stripH));
            const std::vector<double> &busy = g.load.cores[c];
            for (std::size_t i = 1; i < g.load.tSec.size() && i < busy.size(); ++i) {
                if (!std::isfinite(busy[i]))
                    continue;
                const double x0 = left + m_geometry.xOf(g.load.tSec[i - 1] * 1e9);
                const double x1 = left + m_geometry.xOf(g.load.tSec[i] * 1e9);
                p.fillRect(QRectF(x0, y + 1, x1 - x0, stripH - 2),
                           mixColors(background, text, 0.06 + 0.6 * std::clamp(busy[i], 0.0, 1.0)));
            }
            p.setClipping(false);
        }
        p.setFont(font());
    }
    paintAxis(p, height() - axisHeight());

    // The legend, under the axis.
    const int ly = height() - fm.height() - 4;
    int x = left;
    const int box = fm.height() - 4;
    p.fillRect(x, ly + 2, box, box, lag);
    x += box + 6;
    const QString lagText = tr("Lag (due → resumed): the lane's height is the number of tasks "
                               "waiting, up to %1")
                                .arg(QLocale().toString(mostWaiting));
    p.setPen(text);
    p.drawText(x, ly, fm.horizontalAdvance(lagText), fm.height(), Qt::AlignVCenter, lagText);
    x += fm.horizontalAdvance(lagText) + 18;
    p.fillRect(x, ly + 2, box, box, cpu);
    x += box + 6;
    p.drawText(x, ly, width() - x, fm.height(), Qt::AlignVCenter, tr("CPU work (resumed → done)"));
}

void TimelineView::paintAxis(QPainter &p, int top) const
{
    const int left = plotLeft();
    const int plotWidth = width() - left;
    const QColor text = palette().color(QPalette::Text);
    p.setPen(text);
    p.drawLine(left, top, width(), top);
    const double step = niceStep(80 * m_geometry.spanNs() / std::max(1, plotWidth));
    const QFontMetrics fm = fontMetrics();
    for (double t = std::ceil(m_geometry.startNs() / step) * step;
         t < m_geometry.startNs() + m_geometry.spanNs(); t += step) {
        const int x = left + int(m_geometry.xOf(t));
        p.drawLine(x, top, x, top + 4);
        const QString label = msText(t / 1e6);
        const int w = fm.horizontalAdvance(label);
        if (x - w / 2 >= left && x + w / 2 <= width())
            p.drawText(x - w / 2, top + 4, w, fm.height(), Qt::AlignCenter, label);
    }
    p.drawText(QRect(2, top + 4, left - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               tr("from t0"));
}

QString TimelineView::taskText(const QPoint &pos) const
{
    const int row = rowAt(pos.y());
    if (row < 0 || pos.x() < plotLeft())
        return {};
    const double x = pos.x() - plotLeft();
    const int waiting = m_geometry.waitingAt(row, m_geometry.timeAt(x));
    const std::optional<std::uint32_t> index = m_geometry.taskAt(row, x);
    const QString waitingLine =
        tr("%1 waiting here").arg(Formatting::counted(waiting, tr("task"), tr("tasks")));
    if (!index)
        return waiting > 0 ? waitingLine : QString();
    const TimelineGeometry::Task &t = m_geometry.tasks(row)[*index];
    const QString cpu =
        t.workNs >= 0 ? msText(double(t.workNs) / 1e6)
                      : tr("not kept (%1 wall)").arg(msText(double(t.doneNs - t.resumedNs) / 1e6));
    return tr("Task %1\nDue %2 · lag %3\nCPU %4 · done %5\n%6")
        .arg(QLocale().toString(qulonglong(t.id)), msText(double(t.dueNs) / 1e6),
             msText(double(t.resumedNs - t.dueNs) / 1e6), cpu, msText(double(t.doneNs) / 1e6),
             waitingLine);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const double x = event->position().x() - plotLeft();
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        m_geometry.zoomAt(x, std::pow(kZoomPerNotch, angle.y() / 120.0));
    } else {
        // A vertical wheel pans too: a plain mouse has no other.
        const int delta = angle.x() != 0 ? angle.x() : angle.y();
        m_geometry.panBy(delta / 120.0 * m_geometry.width() / 10);
    }
    event->accept();
    update();
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *g = static_cast<QNativeGestureEvent *>(event);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            m_geometry.zoomAt(g->position().x() - plotLeft(), 1 + g->value());
            update();
            return true;
        }
    }
    if (event->type() == QEvent::Gesture) {
        auto *ge = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(ge->gesture(Qt::PinchGesture))) {
            const QPointF at = mapFromGlobal(pinch->centerPoint().toPoint());
            m_geometry.zoomAt(at.x() - plotLeft(), pinch->scaleFactor());
            update();
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = taskText(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom) {
        m_geometry.panBy(event->position().x() - m_dragFrom->x());
        m_dragFrom = event->position();
        update();
        return;
    }
    const int row = rowAt(event->position().toPoint().y());
    const std::optional<std::uint32_t> task =
        row >= 0 ? m_geometry.taskAt(row, event->position().x() - plotLeft()) : std::nullopt;
    if (row != m_hoverRow || task != m_hoverTask) {
        m_hoverRow = row;
        m_hoverTask = task;
        update();
    }
    const QString text = taskText(event->position().toPoint());
    if (!text.isEmpty())
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    else
        QToolTip::hideText();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *)
{
    m_dragFrom.reset();
    unsetCursor();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *)
{
    resetView();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double middle = m_geometry.width() / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_geometry.zoomAt(middle, kZoomPerNotch);
        break;
    case Qt::Key_Minus:
        m_geometry.zoomAt(middle, 1 / kZoomPerNotch);
        break;
    case Qt::Key_Left:
        m_geometry.panBy(m_geometry.width() / 10);
        break;
    case Qt::Key_Right:
        m_geometry.panBy(-m_geometry.width() / 10);
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        m_geometry.reset();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

void TimelineView::leaveEvent(QEvent *)
{
    m_hoverRow = -1;
    m_hoverTask.reset();
    update();
}
