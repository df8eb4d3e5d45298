// SPDX-License-Identifier: MIT
#include "ui/charts/shardloadview.h"

#include "core/engine/runresult.h"
#include "core/workload/taskplan.h"
#include "ui/common/chartstyle.h"
#include "ui/common/formatting.h"
#include "ui/control/loadmonitor.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

const QColor kCpu(31, 119, 180);
const QColor kLag(214, 39, 40);

// The next of 1, 2, 5, 10, 20, 50, ... at or above v: axis ends people can read.
double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * decade >= v)
            return step * decade;
    }
    return 10 * decade;
}

// The next of ..., 10, 20, 50, 100, ... below v. (niceCeiling(v * 0.45) was the step down, and
// from 50 it gave 50 again: the axis never came back from a spike of 21-50 ms.)
double niceBelow(double v)
{
    double below = niceCeiling(v);
    while (below >= v && below > 1e-9) {
        const double decade = std::pow(10.0, std::floor(std::log10(below) + 1e-9));
        const double lead = below / decade;
        below = lead > 5.5   ? 5 * decade
                : lead > 2.5 ? 2 * decade
                : lead > 1.5 ? decade
                             : decade / 2;
    }
    return below;
}

} // namespace

ShardLoadView::ShardLoadView(QWidget *parent)
    : ChartView(parent)
    , m_bars(new QBarSeries)
    , m_cpu(new QBarSet(tr("thread CPU %")))
    , m_lag(new QLineSeries)
    , m_cpuOutline(new QLineSeries(this)) // QAreaSeries does not own the lines it spans
    , m_cpuArea(new QAreaSeries(m_cpuOutline))
    , m_axisX(new QValueAxis)
    , m_axisCpu(new QValueAxis)
    , m_axisLag(new QValueAxis)
{
    QChart *c = chart();
    styleChart(c, TitleEmphasis::Plain);
    m_bars->append(m_cpu);
    m_bars->setBarWidth(0.6);
    m_lag->setName(tr("max lag, last 250 ms"));
    m_lag->setPointsVisible(true);
    // A value axis, not a category axis: with 1,024 shards a category per shard left no room
    // for labels or even the axis title (it was set one letter per line). Ticks fall on whole
    // shard numbers at a step that keeps them apart.
    m_axisX->setLabelFormat(QStringLiteral("%.0f"));
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    m_axisX->setTickInterval(1);
    m_axisX->setMinorTickCount(0);
    m_axisX->setGridLineVisible(false);
    m_axisCpu->setRange(0, 100);
    m_axisCpu->setTickCount(5);
    m_axisCpu->setLabelFormat(QStringLiteral("%.0f %"));
    m_axisLag->setTitleText(tr("lag (ms)"));
    m_axisLag->setProperty("shortTitle", tr("ms"));
    m_axisLag->setProperty("accent", kLag);
    m_cpuArea->setName(m_cpu->label());
    c->addSeries(m_bars);
    c->addSeries(m_cpuArea);
    c->addSeries(m_lag);
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisCpu, Qt::AlignLeft);
    c->addAxis(m_axisLag, Qt::AlignRight);
    m_bars->attachAxis(m_axisX);
    m_bars->attachAxis(m_axisCpu);
    m_cpuArea->attachAxis(m_axisX);
    m_cpuArea->attachAxis(m_axisCpu);
    m_lag->attachAxis(m_axisX);
    m_lag->attachAxis(m_axisLag);
    m_axisLag->setRange(0, m_lagScaleMs);
    m_axisLag->setLabelFormat(Formatting::axisLabelFormat(
        m_lagScaleMs / std::max(1, m_axisLag->tickCount() - 1), QString()));

    connect(this, &ChartView::paletteApplied, this, &ShardLoadView::recolor);
    connect(m_cpu, &QBarSet::hovered, this, [this](bool on, int i) { showCpuTip(on, i); });
    connect(m_cpuArea, &QAreaSeries::hovered, this,
            [this](const QPointF &p, bool on) { showCpuTip(on, qsizetype(std::lround(p.x()))); });
    connect(m_lag, &QXYSeries::hovered, this, [this](const QPointF &p, bool on) {
        const auto i = qsizetype(std::lround(p.x()));
        showTip(on && i >= 0 && i < m_lag->count()
                    ? tr("shard %1: worst event-loop lag %2 %3")
                          .arg(i)
                          .arg(Formatting::duration(m_lag->at(i).y()))
                          .arg(m_showsLastRun ? tr("(over the run)") : tr("(last 250 ms)"))
                    : QString());
    });
    connect(c, &QChart::plotAreaChanged, this, &ShardLoadView::fitAxes);
    display({}, {}, true);
    followPalette();
}

void ShardLoadView::fitAxes()
{
    // Shard numbers a step apart that keeps them legible: about 8 labels before the chart is laid
    // out, then as many as the plot's width holds (each label's width and as much again).
    const int n = std::max(1, m_shown);
    const QFontMetricsF metrics(m_axisX->labelsFont());
    const double plot = chart()->plotArea().width();
    const double room = metrics.horizontalAdvance(QString::number(n - 1)) * 2.5 + 8;
    const double labels = plot > 0 ? std::max(2.0, plot / room) : 8.0;
    const double interval = std::max(1.0, niceCeiling((n - 1) / labels));
    if (m_axisX->tickInterval() != interval)
        m_axisX->setTickInterval(interval);
    // "100 %" on a narrow chart was elided to "1...": the unit goes when space is short.
    const QString cpuFormat =
        chart()->size().width() < 420 ? QStringLiteral("%.0f") : QStringLiteral("%.0f %");
    if (m_axisCpu->labelFormat() != cpuFormat)
        m_axisCpu->setLabelFormat(cpuFormat);
}

void ShardLoadView::recolor()
{
    m_cpu->setColor(ink(kCpu));
    m_cpu->setBorderColor(ink(kCpu));
    m_cpuArea->setColor(ink(kCpu));
    // Fill only: stroking a 4,096-point outline, and a 2-pixel lag line through 1,024 points,
    // was 40 % of the GUI thread's time at K = 1,024 (QStroker). A hairline takes the fast path.
    m_cpuArea->setPen(Qt::NoPen);
    const QColor lag = ink(kLag);
    QPen lagPen(lag, m_shown > kMostBars ? 0 : 2);
    m_lag->setPen(lagPen);
    m_lag->setColor(lag);
}

void ShardLoadView::showCpuTip(bool on, qsizetype shard)
{
    showTip(on && shard >= 0 && shard < m_cpu->count()
                ? tr("shard %1: %2 % CPU %3")
                      .arg(shard)
                      .arg(m_cpu->at(shard), 0, 'f', 0)
                      .arg(m_showsLastRun ? tr("(mean over the run)") : tr("(last 250 ms)"))
                : QString());
}

bool ShardLoadView::drawsOutline() const
{
    return m_bars->count() == 0 && m_shown > 0;
}

void ShardLoadView::drawCpu(int shards)
{
    // The set stays the data either way; out of the series it has no graphics items to rebuild.
    const bool outline = shards > kMostBars;
    const bool inSeries = m_bars->count() > 0;
    if (outline && inSeries) {
        m_bars->take(m_cpu); // the series stays its parent
    } else if (!outline && !inSeries) {
        m_bars->append(m_cpu);
        m_cpuOutline->clear();
    }
    if (m_cpuArea->isVisible() != outline)
        recolor(); // the lag line's pen follows
    m_cpuArea->setVisible(outline);
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_cpuArea);
    for (QLegendMarker *marker : markers)
        marker->setVisible(outline);
}

void ShardLoadView::setMonitor(const LoadMonitor *monitor)
{
    m_monitor = monitor;
    connect(monitor, &LoadMonitor::sampled, this, &ShardLoadView::refresh);
}

void ShardLoadView::showRun(const RunResult &run)
{
    std::vector<double> cpu;
    if (!run.perShard.empty() && run.wallMs > 0) {
        for (const ShardStats &s : run.perShard)
            cpu.push_back(std::clamp(s.cpuMs / run.wallMs * 100.0, 0.0, 100.0));
    } else {
        for (const std::vector<double> &samples : run.load.shards) {
            double sum = 0;
            int n = 0;
            for (const double v : samples) {
                if (std::isfinite(v)) {
                    sum += v;
                    ++n;
                }
            }
            cpu.push_back(n > 0 ? std::clamp(sum / n * 100.0, 0.0, 100.0) : 0.0);
        }
    }
    // Per shard, the worst lag of its tasks: only the per-task timings hold it.
    std::vector<double> lag;
    const TaskPlan *plan = run.plan.get();
    const std::vector<TaskTiming> *timings = run.timings.get();
    if (plan && timings && timings->size() == plan->size() && !cpu.empty()) {
        lag.assign(cpu.size(), 0.0);
        for (int k = 0; k < run.shards && std::size_t(k) < lag.size(); ++k) {
            const Slice slice = sliceFor(run.partition, plan->size(), run.shards, k);
            for (std::size_t i = 0; i < slice.size(); ++i) {
                const std::size_t id = slice.at(i);
                const TaskTiming &t = (*timings)[id];
                if (t.resumedNs >= 0)
                    lag[std::size_t(k)] =
                        std::max(lag[std::size_t(k)], double(t.resumedNs - plan->ioNs(id)) / 1e6);
            }
        }
    }
    m_samples = 0;
    display(cpu, lag, false);
    const int n = int(cpu.size());
    if (n == 0) {
        setTitleLines(tr("Shard threads"),
                      tr("no per-shard figures stored for this run (a JSON report carries none)"));
        return;
    }
    const QString threads = n == 1 ? tr("1 shard thread") : tr("%L1 shard threads").arg(n);
    const QString started =
        run.startedUtc.isValid()
            ? tr("run started %1")
                  .arg(run.startedUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
            : QString();
    const bool withLag = !lag.empty();
    for (QLegendMarker *marker : chart()->legend()->markers(m_lag))
        marker->setVisible(withLag);
    m_axisLag->setVisible(withLag);
    QStringList detail;
    if (!started.isEmpty())
        detail.append(started);
    if (!withLag)
        detail.append(tr("lag per shard not kept (Run > Keep per-task timings)"));
    setTitleLines(withLag ? tr("%1: mean CPU and worst lag over the run").arg(threads)
                          : tr("%1: mean CPU over the run").arg(threads),
                  detail.join(QStringLiteral(" · ")));
}

void ShardLoadView::refresh()
{
    const std::vector<double> &cpu = m_monitor->shardCpuPercent();
    const std::vector<double> &lag = m_monitor->shardLagMs();
    if (cpu.empty()) {
        // The run ended (or none ran): show it whole, once, and keep it until the next one.
        if (m_samples > 0) {
            std::vector<double> mean(m_cpuSum.size());
            for (std::size_t i = 0; i < mean.size(); ++i)
                mean[i] = m_cpuSum[i] / m_samples;
            m_samples = 0;
            display(mean, m_lagMax, false);
        }
        return;
    }
    if (m_samples == 0 || m_cpuSum.size() != cpu.size()) {
        m_cpuSum.assign(cpu.size(), 0.0);
        m_lagMax.assign(cpu.size(), 0.0);
        m_samples = 0;
    }
    ++m_samples;
    for (std::size_t i = 0; i < cpu.size(); ++i) {
        m_cpuSum[i] += cpu[i];
        if (i < lag.size())
            m_lagMax[i] = std::max(m_lagMax[i], lag[i]);
    }
    display(cpu, lag, true);
}

void ShardLoadView::display(const std::vector<double> &cpu, const std::vector<double> &lag,
                            bool live)
{
    const auto n = int(cpu.size());
    m_showsLastRun = !live && n > 0;
    if (n != m_shown || !live) {
        m_shown = n;
        // Idle before any run: no axes, no legend, no empty box, just the title saying so.
        const bool empty = n == 0;
        m_axisX->setVisible(!empty);
        m_axisCpu->setVisible(!empty);
        m_axisLag->setVisible(!empty);
        chart()->legend()->setVisible(!empty);
        // A wider range gets its tick step first, a narrower one after it: the range of 1,024
        // shards met the step of a 1-loop run (1) and Qt laid out 1,024 rich-text tick labels,
        // ~150 ms of the GUI thread, before the step was corrected.
        const double top = std::max(0, n - 1) + 0.5;
        if (top > m_axisX->max())
            fitAxes();
        m_axisX->setRange(-0.5, top);
        m_axisX->setTitleText(empty ? QString() : tr("shard"));
        // A dot per shard turns into a solid smear past a few dozen: the line alone reads.
        m_lag->setPointsVisible(n <= 64);
        fitAxes();
        const QString threads = n == 1 ? tr("1 shard thread") : tr("%L1 shard threads").arg(n);
        if (empty)
            setTitleLines(tr("Shard threads"), tr("no run yet: each shard thread of a run shows "
                                                  "its CPU share and event-loop lag here"));
        else if (live)
            setTitleLines(tr("%1: CPU and event-loop lag").arg(threads));
        else
            setTitleLines(tr("Last run, %1: mean CPU and worst lag").arg(threads));
        m_lag->setName(live ? tr("max lag, last 250 ms") : tr("worst lag of the run"));
        fitLegend();
    }
    drawCpu(n);
    m_cpu->remove(0, m_cpu->count());
    m_cpu->append(QList<qreal>(cpu.begin(), cpu.end()));
    if (drawsOutline()) {
        // A flat top over each shard's bar width, down to zero between shards: the bars' look.
        QList<QPointF> outline;
        outline.reserve(qsizetype(4 * cpu.size()));
        const double half = m_bars->barWidth() / 2;
        for (std::size_t i = 0; i < cpu.size(); ++i) {
            const double x = double(i);
            outline.append({x - half, 0});
            outline.append({x - half, cpu[i]});
            outline.append({x + half, cpu[i]});
            outline.append({x + half, 0});
        }
        m_cpuOutline->replace(outline);
    }

    QList<QPointF> points;
    double worst = 0;
    for (std::size_t i = 0; i < lag.size(); ++i) {
        points.append({double(i), lag[i]});
        worst = std::max(worst, lag[i]);
    }
    m_lag->replace(points);
    // The lag axis grows at once and shrinks one nice step once a smaller one has been enough
    // for kShrinkAfter samples (2 s), so a spike stays readable for a moment and the axis never
    // shows odd numbers. Not every sample: a new range lays the whole chart out again, and
    // with Qt Charts' rich-text labels that was ~25 ms of the GUI thread's time per sample.
    constexpr int kShrinkAfter = 8;
    const double wanted = std::max(10.0, niceCeiling(worst));
    if (n == 0 || !live || wanted >= m_lagScaleMs) {
        m_lagScaleMs = wanted;
        m_smallerLagSamples = 0;
    } else if (++m_smallerLagSamples >= kShrinkAfter) {
        m_lagScaleMs = std::max(wanted, niceBelow(m_lagScaleMs));
        m_smallerLagSamples = 0;
    }
    if (m_axisLag->max() != m_lagScaleMs) {
        m_axisLag->setRange(0, m_lagScaleMs);
        m_axisLag->setLabelFormat(Formatting::axisLabelFormat(
            m_lagScaleMs / std::max(1, m_axisLag->tickCount() - 1), QString()));
    }
}
