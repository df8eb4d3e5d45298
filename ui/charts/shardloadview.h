// SPDX-License-Identifier: MIT
#pragma once

#include "ui/charts/chartview.h"

#include <vector>

class LoadMonitor;
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

    // Read by tests: one value per shard.
    const QBarSet *cpuSet() const { return m_cpu; }
    const QLineSeries *lagSeries() const { return m_lag; }
    const QValueAxis *shardAxis() const { return m_axisX; }
    // True while the bars are the finished run's summary rather than a live sample.
    bool showsLastRun() const { return m_showsLastRun; }

private:
    void refresh();
    void display(const std::vector<double> &cpu, const std::vector<double> &lag, bool live);
    void recolor();
    void fitAxes();

    const LoadMonitor *m_monitor = nullptr;
    QBarSeries *m_bars;
    QBarSet *m_cpu;
    QLineSeries *m_lag;
    QValueAxis *m_axisX;
    QValueAxis *m_axisCpu;
    QValueAxis *m_axisLag;
    double m_lagScaleMs = 10;
    int m_shown = -1;
    // The run in flight so far: CPU share summed over samples, and the worst lag, per shard.
    std::vector<double> m_cpuSum;
    std::vector<double> m_lagMax;
    int m_samples = 0;
    bool m_showsLastRun = false;
};
