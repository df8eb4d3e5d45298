// SPDX-License-Identifier: MIT
#include "ui/charts/coreloadview.h"

#include "core/engine/runresult.h"
#include "ui/charts/chartview.h"
#include "ui/charts/heatstrip.h"
#include "ui/common/chartstyle.h"
#include "ui/common/formatting.h"
#include "ui/control/loadmonitor.h"
#include "ui/models/comparison.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <limits>
#include <utility>

namespace {

// Enough for the spans a 60 s window can hold between a Compare's settle pauses.
constexpr int kBands = 6;

// Set apart from every core's hue (golden-angle blues, greens, ...) and from the bands.
const QColor kServerColor = QColor::fromHsvF(0.0, 0.0, 0.45);

QPen serverPen(const QColor &background)
{
    return QPen(readableOn(kServerColor, background), 2.0, Qt::DotLine);
}

QColor coreColor(int core)
{
    // Distinct hues spaced by the golden angle, so neighbouring cores never look alike.
    return QColor::fromHsvF(std::fmod(0.58 + core * 0.381966, 1.0), 0.75, 0.85);
}

} // namespace

namespace {
constexpr double kTopPercent = 104;
} // namespace

QColor CoreLoadView::bandColor(int shards)
{
    // One loop in amber, as the comparison chart's baseline; then a hue per doubling of K.
    static const QColor kColors[] = {{255, 176, 0},   {31, 119, 180}, {44, 160, 44},
                                     {148, 103, 189}, {23, 190, 207}, {140, 86, 75},
                                     {227, 119, 194}, {188, 189, 34}};
    if (shards <= 1)
        return kColors[0];
    const int doublings = int(std::ceil(std::log2(double(shards))));
    return kColors[1 + (doublings - 1) % 7];
}

CoreLoadView::CoreLoadView(QWidget *parent)
    : QWidget(parent)
    , m_view(new ChartView)
    , m_heat(new HeatStrip)
    , m_axisX(new QValueAxis)
    , m_axisY(new QValueAxis)
    , m_pause(new QToolButton(m_view->viewport()))
{
    m_chart = m_view->chart();
    m_view->setTitleLines(tr("Per-core load (/proc/stat, 4 Hz, last 60 s)"));
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setLocalizeNumbers(true); // as styleChart() does for the other charts
    m_axisX->setRange(-60, 0);
    m_axisX->setTickCount(7);
    m_axisX->setLabelFormat(QStringLiteral("%.0f s"));
    // A core at 100 % drew its line on the plot's top edge, half clipped: the axis reaches 4 %
    // above it, and the ticks stay at 0, 25, ..., 100.
    m_axisY->setRange(0, kTopPercent);
    m_axisY->setTickType(QValueAxis::TicksDynamic);
    m_axisY->setTickAnchor(0);
    m_axisY->setTickInterval(25);
    m_axisY->setLabelFormat(QStringLiteral("%.0f %"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);

    for (int i = 0; i < kBands; ++i)
        addBand();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_heat);

    // The heat strip shares the chart's time axis: keep its insets on the plot area's edges.
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        m_heat->setInsets(int(plot.left()), int(m_view->width() - plot.right()));
        showPauseState(); // its corner moves with the view's height
        placeSpanLabels();
        fitTimeAxis();
    });
    connect(m_view, &ChartView::paletteApplied, this, &CoreLoadView::recolor);
    // A click on a band is found by its time, not by the item under the mouse: the core lines lie
    // on top of the bands and would take the click.
    m_view->viewport()->installEventFilter(this);
    m_view->followPalette();
    refreshBandLegend();

    // An icon in the chart's bottom-left corner, left of the time axis' first label and below
    // the load axis' last: the words "Pause" in the top-left corner covered the start of the
    // centred title in a narrow pane (Portuguese at 1024 x 768). Its name is in its tooltip.
    m_pause->setCheckable(true);
    m_pause->setAutoRaise(true);
    m_pause->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_pause->setIconSize(QSize(12, 12));
    m_pause->hide(); // live only: shown by setMonitor()
    showPauseState();
    connect(m_pause, &QToolButton::toggled, this, &CoreLoadView::setPaused);
}

void CoreLoadView::showPauseState()
{
    m_pause->setText(m_paused ? tr("Resume") : tr("Pause"));
    m_pause->setAccessibleName(m_pause->text());
    m_pause->setIcon(
        style()->standardIcon(m_paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_pause->setToolTip(QStringLiteral("%1: %2").arg(
        m_pause->text(), tr("Stop the chart scrolling to read it; load is still sampled, and "
                            "shown when you resume")));
    m_pause->adjustSize();
    m_pause->move(2, m_view->viewport()->height() - m_pause->height() - 2);
}

void CoreLoadView::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    m_pause->setChecked(paused);
    showPauseState();
    const std::deque<LoadSample> *samples = m_monitor ? &m_monitor->timeline().samples() : nullptr;
    m_heat->freezeAt(paused && samples && !samples->empty()
                         ? samples->back().tSec
                         : std::numeric_limits<double>::quiet_NaN());
    if (!paused && m_monitor)
        refresh();
}

void CoreLoadView::addBand()
{
    Band b{new QAreaSeries, new QLineSeries(this), new QLineSeries(this), nullptr};
    b.area->setUpperSeries(b.upper);
    b.area->setLowerSeries(b.lower);
    b.area->setPen(Qt::NoPen);
    m_chart->addSeries(b.area);
    b.area->attachAxis(m_axisX);
    b.area->attachAxis(m_axisY);
    b.label = new QGraphicsSimpleTextItem(m_chart);
    b.label->setZValue(10);
    m_bands.append(b);
}

void CoreLoadView::showRuns(const std::vector<RunResult> &runs)
{
    m_heat->hide();
    m_pause->hide();
    // Where each run starts on the common axis: its start time after the first one's; a run
    // without one (never started) right after the run before it.
    std::vector<double> offsets;
    double end = 0;
    std::size_t cores = 0;
    bool sampled = false;
    for (const RunResult &r : runs) {
        double at = end;
        if (r.startedUtc.isValid() && runs.front().startedUtc.isValid())
            at = std::max(0.0, runs.front().startedUtc.msecsTo(r.startedUtc) / 1000.0);
        offsets.push_back(at);
        const double length = r.load.tSec.empty() ? r.wallMs / 1000.0 : r.load.tSec.back();
        end = std::max(end, at + (std::isfinite(length) ? std::max(0.0, length) : 0.0));
        cores = std::max(cores, r.load.cores.size());
        sampled = sampled || !r.load.tSec.empty();
    }
    rebuildSeries(int(cores));
    std::vector<QList<QPointF>> points(cores);
    QList<QPointF> mean;
    for (std::size_t run = 0; run < runs.size(); ++run) {
        const LoadSeries &load = runs[run].load;
        for (std::size_t i = 0; i < load.tSec.size(); ++i) {
            const double x = offsets[run] + load.tSec[i];
            double sum = 0;
            int n = 0;
            for (std::size_t c = 0; c < load.cores.size(); ++c) {
                const double v = i < load.cores[c].size() ? load.cores[c][i] : qQNaN();
                if (!std::isfinite(v))
                    continue;
                points[c].append({x, v * 100});
                sum += v;
                ++n;
            }
            if (n > 0)
                mean.append({x, sum / n * 100});
        }
    }
    for (std::size_t c = 0; c < cores; ++c)
        m_cores[qsizetype(c)]->replace(points[c]);
    m_mean->replace(mean);
    m_server->clear();
    m_chart->legend()->markers(m_server).constFirst()->setVisible(false);

    while (m_bands.size() < qsizetype(runs.size()))
        addBand();
    for (qsizetype i = 0; i < m_bands.size(); ++i) {
        Band &b = m_bands[i];
        b.runId = 0;
        if (i >= qsizetype(runs.size())) {
            b.set(0, 0, 0);
            continue;
        }
        const RunResult &r = runs[std::size_t(i)];
        const double length = r.load.tSec.empty() ? r.wallMs / 1000.0 : r.load.tSec.back();
        const double x = offsets[std::size_t(i)];
        b.set(x, x + (std::isfinite(length) ? std::max(0.0, length) : 0.0), r.shards);
    }
    // Four to eight intervals of 1, 2 or 5 times a power of ten seconds, from 0.
    const double raw = std::max(1.0, end) / 8;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw <= decade       ? decade
                        : raw <= 2 * decade ? 2 * decade
                        : raw <= 5 * decade ? 5 * decade
                                            : 10 * decade;
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    m_axisX->setTickInterval(step);
    m_axisX->setRange(0, std::ceil(std::max(1.0, end) / step) * step);
    m_axisX->setLabelFormat(Formatting::axisLabelFormat(step, QStringLiteral("s")));
    m_axisX->setTitleText(runs.size() == 1 ? tr("time from the run's start")
                                           : tr("time from the first run's start"));
    m_axisX->setProperty("fullTitle", m_axisX->titleText());
    m_axisX->setProperty("shortTitle", tr("time"));
    refreshBandLegend();
    placeSpanLabels();
    m_view->setTitleLines(
        tr("Per-core load (/proc/stat, 4 Hz)"),
        sampled ? tr("%1, each shaded as its loops")
                      .arg(runs.size() == 1 ? tr("1 run") : tr("%L1 runs").arg(runs.size()))
                : tr("no load samples stored for these runs (a JSON report carries none)"));
}

void CoreLoadView::fitTimeAxis()
{
    // Every 10 s while "-60 s" fits between two ticks with room to spare, else every 20 or 30 s:
    // a squeezed axis elided its labels to "-6...".
    const QFontMetricsF metrics(m_axisX->labelsFont());
    const double need = metrics.horizontalAdvance(QStringLiteral("-60 s")) * 1.5;
    const double width = m_chart->plotArea().width();
    int ticks = 7;
    if (width / 6 < need)
        ticks = width / 3 < need ? 3 : 4;
    if (m_axisX->tickCount() != ticks)
        m_axisX->setTickCount(ticks);
}

void CoreLoadView::recolor()
{
    const QColor background = m_view->background();
    for (int c = 0; c < m_cores.size(); ++c) {
        QPen pen = m_cores[c]->pen();
        pen.setColor(readableOn(coreColor(c), background));
        m_cores[c]->setPen(pen);
    }
    if (m_mean)
        m_mean->setPen(QPen(m_view->textColor(), 1.5, Qt::DashLine));
    if (m_server)
        m_server->setPen(serverPen(background));
    for (const Band &b : std::as_const(m_bands)) {
        b.label->setBrush(m_view->textColor());
        if (b.shards > 0) {
            const bool highlighted = m_highlighted != 0 && b.runId == m_highlighted;
            QColor fill = bandColor(b.shards);
            fill.setAlpha(highlighted ? 110 : 48);
            b.area->setBrush(fill);
            b.area->setPen(highlighted ? QPen(m_view->textColor(), 2.0) : QPen(Qt::NoPen));
            // The legend shows the band's colour at full strength: a 20 % tint would not read.
            for (QLegendMarker *m : m_chart->legend()->markers(b.area))
                m->setBrush(readableOn(bandColor(b.shards), background));
        }
    }
}

void CoreLoadView::setMonitor(const LoadMonitor *monitor)
{
    m_monitor = monitor;
    connect(monitor, &LoadMonitor::sampled, this, &CoreLoadView::refresh);
    m_heat->setSamples(&monitor->timeline().samples(), LoadMonitor::kWindowSec);
    showPauseState();
    m_pause->show();
}

void CoreLoadView::rebuildSeries(int cores)
{
    for (QLineSeries *s : std::as_const(m_cores)) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_cores.clear();
    for (QLineSeries *s : {m_mean, m_server}) {
        if (s) {
            m_chart->removeSeries(s);
            delete s;
        }
    }

    const bool labelled = cores <= kMaxLabelledCores;
    m_heat->updateGeometry(); // its height follows the core count
    for (int c = 0; c < cores; ++c) {
        auto *s = new QLineSeries;
        s->setName(tr("cpu%1").arg(c));
        QPen pen(readableOn(coreColor(c), m_view->background()));
        pen.setWidthF(labelled ? 2.0 : 1.0);
        s->setPen(pen);
        m_chart->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
        m_chart->legend()->markers(s).constFirst()->setVisible(labelled);
        m_cores.append(s);
    }
    m_mean = new QLineSeries;
    m_mean->setName(tr("mean"));
    QPen pen(m_view->textColor(), 1.5, Qt::DashLine);
    m_mean->setPen(pen);
    m_chart->addSeries(m_mean);
    m_mean->attachAxis(m_axisX);
    m_mean->attachAxis(m_axisY);
    m_server = new QLineSeries;
    m_server->setName(tr("HTTP server"));
    m_server->setPen(serverPen(m_view->background()));
    m_chart->addSeries(m_server);
    m_server->attachAxis(m_axisX);
    m_server->attachAxis(m_axisY);
    m_chart->legend()->markers(m_server).constFirst()->setVisible(false);

    // Legend markers are remade when series come and go: name the bands again.
    refreshBandLegend();

    // Toggles: click a legend entry to hide that core (its marker greys out) or show it again.
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        if (marker->series()->type() != QAbstractSeries::SeriesTypeLine)
            continue;
        connect(marker, &QLegendMarker::clicked, this, [marker] {
            marker->series()->setVisible(!marker->series()->isVisible());
            marker->setVisible(true);
            QFont font = marker->font();
            font.setStrikeOut(!marker->series()->isVisible());
            marker->setFont(font);
        });
    }
}

void CoreLoadView::refresh()
{
    if (m_paused)
        return;
    const QList<QList<QPointF>> cores = m_monitor->corePoints();
    if (cores.size() != m_cores.size())
        rebuildSeries(int(cores.size()));
    for (qsizetype c = 0; c < cores.size(); ++c)
        m_cores[c]->replace(cores[c]);
    m_mean->replace(m_monitor->meanPoints());
    const QList<QPointF> server = m_monitor->serverPoints();
    m_server->replace(server);
    m_chart->legend()->markers(m_server).constFirst()->setVisible(!server.isEmpty());

    const std::vector<RunSpan> spans = m_monitor->spans();
    bool bandsChanged = false;
    for (int i = 0; i < m_bands.size(); ++i) {
        Band &b = m_bands[i];
        // The newest spans get the bands; older ones have scrolled off or nearly so.
        const auto s = qsizetype(spans.size()) - m_bands.size() + i;
        const RunSpan *span = s < 0 ? nullptr : &spans[std::size_t(s)];
        const int k = span ? span->shards : 0;
        const std::int64_t runId = span ? span->runId : 0;
        bandsChanged |= b.shards != k || b.runId != runId;
        b.runId = runId;
        b.set(span ? span->startSec : 0, span ? span->endSec : 0, k);
    }
    if (bandsChanged)
        refreshBandLegend();
    placeSpanLabels();
    m_heat->update();
}

bool CoreLoadView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease)
        return false;
    const auto *mouse = static_cast<QMouseEvent *>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    const QPoint at = mouse->position().toPoint();
    if (event->type() == QEvent::MouseButtonPress) {
        m_pressedAt = at;
        return false;
    }
    // A drag (a zoom or a pan) is not a click.
    const bool click = (at - std::exchange(m_pressedAt, {-1, -1})).manhattanLength() <=
                       QApplication::startDragDistance();
    const QPointF scene = m_view->mapToScene(at);
    if (!click || !m_chart->plotArea().contains(scene))
        return false;
    const double x = m_chart->mapToValue(scene, m_bands.constFirst().area).x();
    for (const Band &b : std::as_const(m_bands)) {
        if (b.runId != 0 && b.shards > 0 && x >= b.x && x <= b.endX) {
            emit runClicked(b.runId);
            break;
        }
    }
    return false;
}

void CoreLoadView::setHighlightedRun(std::int64_t runId)
{
    if (m_highlighted == runId)
        return;
    m_highlighted = runId;
    recolor();
}

QList<std::int64_t> CoreLoadView::bandRuns() const
{
    QList<std::int64_t> runs;
    for (const Band &b : m_bands)
        runs.append(b.runId);
    return runs;
}

void CoreLoadView::refreshBandLegend()
{
    // One legend entry per K on screen, named as the bands are ("1 loop", "4 loops").
    QList<int> named;
    for (const Band &b : std::as_const(m_bands)) {
        const bool first = b.shards > 0 && !named.contains(b.shards);
        if (first)
            named.append(b.shards);
        b.area->setName(b.shards > 0 ? loopsLabel(b.shards) : QString());
        for (QLegendMarker *m : m_chart->legend()->markers(b.area))
            m->setVisible(first);
    }
    recolor();
}

void CoreLoadView::Band::set(double fromX, double toX, int k)
{
    x = fromX;
    endX = toX;
    shards = k;
    if (k == 0) {
        upper->clear();
        lower->clear();
    } else {
        upper->replace({{fromX, 100}, {toX, 100}});
        lower->replace({{fromX, 0}, {toX, 0}});
    }
    label->setText(k == 0 ? QString() : loopsLabel(k));
    label->setVisible(k != 0);
}

void CoreLoadView::placeSpanLabels()
{
    for (const Band &b : std::as_const(m_bands)) {
        if (b.label->text().isEmpty())
            continue;
        const QPointF top = m_chart->mapToPosition({std::max(b.x, m_axisX->min()), 100});
        const QPointF end = m_chart->mapToPosition({b.endX, 100});
        b.label->setPos(top + QPointF(4, 2));
        // A band too narrow for its name stays unnamed rather than overprinting its neighbour.
        b.label->setVisible(end.x() - top.x() > b.label->boundingRect().width() + 8);
    }
}
