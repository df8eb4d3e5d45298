// SPDX-License-Identifier: MIT
#include "ui/charts/heatstrip.h"

#include "ui/common/chartstyle.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace {

QFont legendFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.8);
    return font;
}

QString legendLabel(int percent)
{
    return HeatStrip::tr("%L1 %").arg(percent);
}

} // namespace

HeatStrip::HeatStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setToolTip(tr("Per-core load, one row per logical CPU (cpu0 at the top), last 60 s; "
                  "redder is busier"));
}

void HeatStrip::setSamples(const std::deque<LoadSample> *samples, double windowSec)
{
    m_samples = samples;
    m_windowSec = windowSec;
    update();
}

void HeatStrip::freezeAt(double tSec)
{
    m_frozenAt = tSec;
    update();
}

double HeatStrip::rightEdgeSec() const
{
    if (!m_samples || m_samples->empty())
        return std::numeric_limits<double>::quiet_NaN();
    return std::isnan(m_frozenAt) ? m_samples->back().tSec : m_frozenAt;
}

void HeatStrip::setInsets(int left, int right)
{
    m_left = left;
    m_right = right;
    update();
}

QSize HeatStrip::sizeHint() const
{
    const int cores =
        m_samples && !m_samples->empty() ? static_cast<int>(m_samples->back().coreBusy.size()) : 2;
    // A row per core at half a text line each, within 2..8 lines of text.
    const int line = fontMetrics().height();
    return {line * 20, std::clamp(cores * line / 2, 2 * line, 8 * line)};
}

QSize HeatStrip::minimumSizeHint() const
{
    return {fontMetrics().height() * 8, fontMetrics().height()};
}

QColor HeatStrip::heatColor(double busy, const QColor &idle)
{
    // From the background (idle) through orange to deep red: busy cores stand out in print, in
    // grey scale, and on a dark theme, where white idle rows would glare.
    const double b = std::clamp(busy, 0.0, 1.0);
    const QColor hot = QColor::fromHsvF(float(0.02 + 0.1 * (1.0 - b)), 1.0f, float(1.0 - 0.35 * b));
    return mixColors(idle, hot, std::pow(b, 0.7));
}

QRect HeatStrip::legendBar() const
{
    const QFontMetrics metrics(legendFont(font()));
    const int gap = metrics.height() / 2;
    const int barW = std::max(6, metrics.height() / 2);
    const int need = gap + barW + 3 + metrics.horizontalAdvance(legendLabel(100));
    const int left = width() - m_right + gap;
    if (m_right < need || height() < 2 * metrics.height())
        return {};
    // Between the two labels' middles, so "100 %" sits at the top end and "0 %" at the bottom.
    const int half = metrics.height() / 2;
    return {left, half, barW, height() - 2 * half};
}

void HeatStrip::paintLegend(QPainter &p, const QColor &idle)
{
    const QRect bar = legendBar();
    if (bar.isEmpty())
        return;
    // One line a pixel row inside the frame, each in the colour the strip gives that load: the
    // bottom row is 0 %, the top one 100 %.
    const QRect inside = bar.adjusted(1, 1, -1, -1);
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        const double busy = double(inside.bottom() - y) / std::max(1, inside.height() - 1);
        p.fillRect(QRect(inside.left(), y, inside.width(), 1), heatColor(busy, idle));
    }
    p.setPen(palette().mid().color());
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setFont(legendFont(font()));
    p.setPen(palette().color(QPalette::Text));
    const int lineH = QFontMetrics(p.font()).height();
    const int textX = bar.right() + 4;
    p.drawText(QRect(textX, bar.top() - lineH / 2, width() - textX, lineH),
               Qt::AlignLeft | Qt::AlignVCenter, legendLabel(100));
    p.drawText(QRect(textX, bar.bottom() - lineH / 2, width() - textX, lineH),
               Qt::AlignLeft | Qt::AlignVCenter, legendLabel(0));
}

void HeatStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRectF area = QRectF(rect()).adjusted(m_left, 0, -m_right, 0);
    const QColor idle = chartBackground(palette());
    p.fillRect(rect(), idle);
    paintLegend(p, idle);
    if (!m_samples || m_samples->empty())
        return;

    const double newest = rightEdgeSec();
    const auto cores = m_samples->back().coreBusy.size();
    if (cores == 0)
        return;
    const double rowH = area.height() / static_cast<double>(cores);

    // Core names in the left inset, under the chart's percent labels: every row while they fit,
    // else every n-th (cpu0, cpu4, ...), so 2 or 256 cores both read.
    const QFont small = legendFont(font());
    p.setFont(small);
    p.setPen(palette().color(QPalette::Text));
    const double lineH = QFontMetricsF(small).height();
    const auto every = std::size_t(std::max(1.0, std::ceil(lineH / std::max(rowH, 0.01))));
    for (std::size_t c = 0; c < cores; c += every) {
        const QRectF row(0, area.top() + rowH * double(c) + (rowH - lineH) / 2, area.left() - 4,
                         lineH);
        if (row.bottom() > area.bottom() + 1)
            break;
        p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, tr("cpu%1").arg(c));
    }
    const double pxPerSec = area.width() / m_windowSec;

    // Each sample covers the interval since the previous one: paint it as such.
    // The first sample has no predecessor here: give it one nominal sampler interval.
    double prevT = m_samples->front().tSec - 0.25;
    for (const LoadSample &s : *m_samples) {
        if (s.tSec > newest)
            break; // taken while frozen
        const double x0 = area.right() - (newest - prevT) * pxPerSec;
        const double x1 = area.right() - (newest - s.tSec) * pxPerSec;
        prevT = s.tSec;
        if (x1 <= area.left())
            continue;
        for (std::size_t c = 0; c < cores && c < s.coreBusy.size(); ++c) {
            const double busy = s.coreBusy[c];
            if (std::isnan(busy))
                continue;
            p.fillRect(QRectF(std::max(x0, area.left()), area.top() + rowH * double(c),
                              x1 - std::max(x0, area.left()), rowH + 0.5),
                       heatColor(busy, idle));
        }
    }
    p.setPen(palette().mid().color());
    p.drawRect(area.adjusted(0, 0, -1, -1));
}

bool HeatStrip::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip || !m_samples || m_samples->empty())
        return QWidget::event(event);
    const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
    const QRectF area = QRectF(rect()).adjusted(m_left, 0, -m_right, 0);
    const auto cores = m_samples->back().coreBusy.size();
    if (!area.contains(pos) || cores == 0)
        return QWidget::event(event);

    // Pixel back to data: the row is the core, x the time; the sample covering it is the first
    // one at or after that time (each sample covers the interval before it).
    const auto core =
        std::min(cores - 1, std::size_t((pos.y() - area.top()) / area.height() * double(cores)));
    const double newest = rightEdgeSec();
    const double t = newest - (area.right() - pos.x()) / area.width() * m_windowSec;
    const auto it = std::lower_bound(m_samples->begin(), m_samples->end(), t,
                                     [](const LoadSample &s, double v) { return s.tSec < v; });
    if (it == m_samples->end() || it->tSec > newest || core >= it->coreBusy.size() ||
        std::isnan(it->coreBusy[core]))
        return QWidget::event(event);
    QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                       tr("cpu%1 at %2 s: %3 % busy")
                           .arg(core)
                           .arg(it->tSec - newest, 0, 'f', 1)
                           .arg(it->coreBusy[core] * 100.0, 0, 'f', 0),
                       this);
    return true;
}
