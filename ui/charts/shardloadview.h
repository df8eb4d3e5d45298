// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>

class LoadMonitor;
class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QLineSeries;
class QValueAxis;

// The run in flight, one category per shard thread: its CPU share over the last sample (bars,
// 0-100 %) and the worst event-loop lag it saw in that time (points, right axis). One loop
// shows one bar pinned at 100 % and a lag that climbs; K loops show K shorter bars and lag near
// zero. Everything is replaced in bulk on each sample.
class ShardLoadView : public QChartView
{
    Q_OBJECT
public:
    explicit ShardLoadView(QWidget *parent = nullptr);
    void setMonitor(const LoadMonitor *monitor);

    // More shards than this and the category labels would overlap: they are hidden.
    static constexpr int kMaxLabelledShards = 32;

private:
    void refresh();

    const LoadMonitor *m_monitor = nullptr;
    QBarSeries *m_bars;
    QBarSet *m_cpu;
    QLineSeries *m_lag;
    QBarCategoryAxis *m_axisX;
    QValueAxis *m_axisCpu;
    QValueAxis *m_axisLag;
    double m_lagScaleMs = 10;
};
