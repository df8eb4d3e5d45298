// SPDX-License-Identifier: MIT
#pragma once

#include "ui/charts/chartview.h"

#include <vector>

class LoadMonitor;
struct RunResult;
class QAreaSeries;
class QBarSeries;
class QBarSet;
class QLineSeries;
class QValueAxis;

// The run in flight, one bar per shard thread: its CPU share over the last sample (0-100 %) and
// the worst event-loop lag it saw in that time (points, right axis). One loop shows one bar
// pinned at 100 % and a lag that climbs; K loops show K shorter bars and lag near zero. When the
// run ends the chart keeps it, as its mean CPU share and worst lag per shard over the whole run,
// so that what is left on screen (and exported) is the run just done. Everything is replaced
// in bulk on each sample.
class ShardLoadView : public ChartView
{
    Q_OBJECT
public:
    explicit ShardLoadView(QWidget *parent = nullptr);
    void setMonitor(const LoadMonitor *monitor);
    // A finished run from its stored figures instead of the live one (exports): each shard's
    // mean CPU share (its thread's CPU time over the run's wall time, else the mean of its load
    // samples) and, when its per-task timings were kept, its worst event-loop lag.
    void showRun(const RunResult &run);

    // Up to this many shards each has a bar; beyond, one filled outline draws them all (1,024
    // bar items rebuilt at 4 Hz were 40 % of the GUI thread's time).
    static constexpr int kMostBars = 128;

    // The CPU shares drawn: one value per shard, whichever way they are drawn.
    const QBarSet *cpuSet() const { return m_cpu; }
    // True when the CPU shares are drawn as one outline rather than a bar each.
    bool drawsOutline() const;
    const QLineSeries *lagSeries() const { return m_lag; }
    const QValueAxis *shardAxis() const { return m_axisX; }
    const QValueAxis *lagAxis() const { return m_axisLag; }
    // True while the bars are the finished run's summary rather than a live sample.
    bool showsLastRun() const { return m_showsLastRun; }

private:
    void refresh();
    void display(const std::vector<double> &cpu, const std::vector<double> &lag, bool live);
    void recolor();
    void fitAxes();
    void drawCpu(int shards);
    void showCpuTip(bool on, qsizetype shard); // a bar's, or the outline's over that shard

    const LoadMonitor *m_monitor = nullptr;
    QBarSeries *m_bars;
    QBarSet *m_cpu;
    QLineSeries *m_lag;
    QLineSeries *m_cpuOutline;
    QAreaSeries *m_cpuArea;
    QValueAxis *m_axisX;
    QValueAxis *m_axisCpu;
    QValueAxis *m_axisLag;
    double m_lagScaleMs = 10;
    int m_smallerLagSamples = 0; // samples in a row that a smaller lag axis would have held
    int m_shown = -1;
    // The run in flight so far: CPU share summed over samples, and the worst lag, per shard.
    std::vector<double> m_cpuSum;
    std::vector<double> m_lagMax;
    int m_samples = 0;
    bool m_showsLastRun = false;
};
