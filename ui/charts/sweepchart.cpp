// SPDX-License-Identifier: MIT
#include "ui/charts/sweepchart.h"

#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/verdict.h"
#include "ui/common/chartstyle.h"
#include "ui/common/formatting.h"
#include "ui/models/comparison.h"
#include "ui/models/experimentstatsmodel.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {
const QColor kMeasured(31, 119, 180);
const QColor kIdeal(130, 130, 130);
const QColor kAmdahl(214, 39, 40);
// Enough points that the curve looks smooth at any chart size, few enough to cost nothing.
constexpr int kAmdahlSamples = 80;
} // namespace

SweepChart::SweepChart(QWidget *parent)
    : ChartView(parent)
    , m_measured(new QLineSeries)
    , m_points(new QScatterSeries)
    , m_ideal(new QLineSeries)
    , m_amdahl(new QLineSeries)
    , m_axisK(new QValueAxis)
    , m_axisSpeedup(new QValueAxis)
{
    QChart *c = chart();
    styleChart(c, TitleEmphasis::Headline);

    m_measured->setName(tr("measured (median)"));
    m_points->setName(tr("median per K"));
    m_points->setMarkerSize(9);
    m_ideal->setName(tr("ideal (T*)"));
    m_amdahl->setName(tr("Amdahl fit"));

    m_axisK->setTitleText(tr("shard count K (event loops)"));
    m_axisK->setLabelFormat(QStringLiteral("%.0f"));
    m_axisSpeedup->setTitleText(tr("speedup over the baseline (×)"));
    m_axisSpeedup->setProperty("shortTitle", tr("speedup (×)"));
    m_axisK->setProperty("shortTitle", tr("K"));
    m_axisSpeedup->setLabelFormat(QStringLiteral("%.2g"));
    c->addAxis(m_axisK, Qt::AlignBottom);
    c->addAxis(m_axisSpeedup, Qt::AlignLeft);
    for (QXYSeries *s :
         std::initializer_list<QXYSeries *>{m_ideal, m_amdahl, m_measured, m_points}) {
        c->addSeries(s);
        s->attachAxis(m_axisK);
        s->attachAxis(m_axisSpeedup);
    }
    // The dots sit on the measured line: one legend entry for both.
    c->legend()->markers(m_points).constFirst()->setVisible(false);
    connect(this, &ChartView::paletteApplied, this, &SweepChart::recolor);
    for (QXYSeries *s :
         std::initializer_list<QXYSeries *>{m_ideal, m_amdahl, m_measured, m_points}) {
        connect(s, &QXYSeries::hovered, this,
                [this, s](const QPointF &point, bool on) { hovered(s, point, on); });
    }
    clear();
    followPalette();
}

void SweepChart::recolor()
{
    const QColor measured = ink(kMeasured);
    m_measured->setPen(QPen(measured, 2.5));
    m_points->setColor(measured);
    m_points->setBorderColor(measured);
    m_ideal->setPen(QPen(ink(kIdeal), 2, Qt::DashLine));
    m_amdahl->setPen(QPen(ink(kAmdahl), 1.8, Qt::DotLine));
    // Whiskers are lighter than the line on a light chart, darker on a dark one, and readable
    // on both.
    const QColor whisker = ink(mixColors(measured, background(), 0.3));
    for (QLineSeries *w : std::as_const(m_whiskers))
        w->setPen(QPen(whisker, 1.4));
}

void SweepChart::hovered(const QXYSeries *series, QPointF point, bool on)
{
    if (!on) {
        showTip(QString());
        return;
    }
    if (series == m_amdahl) {
        showTip(tr("Amdahl fit at K = %1: %2")
                    .arg(point.x(), 0, 'f', 1)
                    .arg(Formatting::speedup(point.y())));
        return;
    }
    // The data point nearest to the mouse along K.
    const QList<QPointF> points = series->points();
    if (points.isEmpty())
        return;
    const QPointF nearest = *std::min_element(
        points.begin(), points.end(), [point](const QPointF &a, const QPointF &b) {
            return std::abs(a.x() - point.x()) < std::abs(b.x() - point.x());
        });
    const int k = int(std::lround(nearest.x()));
    if (series == m_ideal)
        showTip(tr("ideal (T*) at K = %1: %2").arg(k).arg(Formatting::speedup(nearest.y())));
    else
        showTip(m_pointTips.value(k));
}

void SweepChart::clear()
{
    for (QLineSeries *w : std::as_const(m_whiskers)) {
        chart()->removeSeries(w);
        delete w;
    }
    m_whiskers.clear();
    m_pointTips.clear();
    for (QXYSeries *s : std::initializer_list<QXYSeries *>{m_measured, m_points, m_ideal, m_amdahl})
        s->clear();
    m_amdahl->setName(tr("Amdahl fit"));
    m_axisK->setRange(0, 4);
    m_axisSpeedup->setRange(0, 2);
    setTitleLines(tr("No sweep yet"),
                  tr("Sweep (F6) runs every K of the shard list, R times each, on one plan"));
}

void SweepChart::addWhisker(double k, double low, double high)
{
    // A vertical segment with short caps, drawn as one polyline: Qt Charts has no error bars.
    const double cap = 0.08;
    auto *w = new QLineSeries;
    w->setName(tr("min–max of runs"));
    w->setPen(QPen(ink(mixColors(ink(kMeasured), background(), 0.3)), 1.4));
    w->append(
        {{k - cap, low}, {k + cap, low}, {k, low}, {k, high}, {k - cap, high}, {k + cap, high}});
    chart()->addSeries(w);
    w->attachAxis(m_axisK);
    w->attachAxis(m_axisSpeedup);
    // One legend entry stands for every whisker.
    chart()->legend()->markers(w).constFirst()->setVisible(m_whiskers.isEmpty());
    connect(w, &QXYSeries::hovered, this, [this, k, low, high](const QPointF &, bool on) {
        showTip(on ? tr("K = %1: runs from %2 to %3")
                         .arg(int(std::lround(k)))
                         .arg(Formatting::speedup(low), Formatting::speedup(high))
                   : QString());
    });
    m_whiskers.append(w);
}

void SweepChart::setExperiment(const ExperimentResult &result, const ExperimentSummary &summary)
{
    clear();
    // One curve: the first runtime's (a "Compare runtimes" experiment has one per runtime).
    const Runtime runtime =
        summary.configs.empty() ? Runtime::Threads : summary.configs.front().runtime;
    const ConfigSummary *base = summary.config(runtime, summary.baselineShards);
    const double baseMedian = base ? base->wallMs.median : std::nan("");
    QList<QPointF> measured, ideal;
    double top = 1.0;
    int maxK = 1;
    for (const ConfigSummary &c : summary.configs) {
        if (c.runtime != runtime)
            continue;
        maxK = std::max(maxK, c.shards);
        if (std::isfinite(c.speedup.value)) {
            measured.append({double(c.shards), c.speedup.value});
            const QString runs =
                c.completedRuns == 1 ? tr("1 run") : tr("median of %L1 runs").arg(c.completedRuns);
            m_pointTips.insert(c.shards, tr("K = %1: speedup %2 (%3)\nmedian wall time %4")
                                             .arg(c.shards)
                                             .arg(Formatting::speedup(c.speedup.value), runs,
                                                  Formatting::duration(c.wallMs.median)));
            top = std::max(top, c.speedup.value);
        }
        if (std::isfinite(c.idealSpeedup)) {
            ideal.append({double(c.shards), c.idealSpeedup});
            top = std::max(top, c.idealSpeedup);
        }
        // The fastest and slowest run of this K, as speedups against the baseline median.
        if (c.completedRuns > 1 && std::isfinite(baseMedian) && c.wallMs.min > 0) {
            const double high = baseMedian / c.wallMs.min;
            addWhisker(c.shards, baseMedian / c.wallMs.max, high);
            top = std::max(top, high);
        }
    }
    m_measured->replace(measured);
    m_points->replace(measured);
    m_ideal->replace(ideal);

    const AmdahlFit &fit = summary.amdahl;
    if (std::isfinite(fit.serialFraction)) {
        QList<QPointF> curve;
        for (int i = 0; i <= kAmdahlSamples; ++i) {
            const double k = 1.0 + (maxK - 1.0) * i / kAmdahlSamples;
            curve.append({k, fit.speedup(k)});
        }
        m_amdahl->replace(curve);
        m_amdahl->setName(tr("Amdahl, s = %1").arg(fit.serialFraction, 0, 'f', 3));
    }
    fitLegend();

    m_axisK->setRange(0, maxK + std::max(0.5, maxK * 0.05));
    m_axisK->setTickCount(std::min(maxK + 2, 9));
    m_axisK->applyNiceNumbers();
    m_axisSpeedup->setRange(0, top * 1.12);
    m_axisSpeedup->applyNiceNumbers();

    const int repeats = result.spec.repeats;
    const QString amdahl = std::isfinite(fit.serialFraction)
                               ? tr("Amdahl s = %1 (rmse %2)")
                                     .arg(fit.serialFraction, 0, 'f', 3)
                                     .arg(fit.rmse, 0, 'f', 3)
                               : tr("no Amdahl fit (needs a 1-loop baseline and some K > 1)");
    // The verdict's claim; its "one run per K" is the detail line's run count, and a busy
    // machine is said on the line below as well.
    const Verdict verdict = judgeExperiment(result);
    setTitleLines(
        tr("Speedup against K · %1").arg(verdict.claim),
        tr("baseline %1 · %2 per K · %3%4%5")
            .arg(loopsLabel(summary.baselineShards),
                 Formatting::counted(repeats, tr("run"), tr("runs")), amdahl,
                 result.cancelled ? tr(" · cancelled, incomplete") : QString(),
                 verdict.machineBusy() ? QStringLiteral(" · ") + verdict.busyBrief : QString()));
}
