// SPDX-License-Identifier: MIT
#pragma once

#include "ui/charts/chartview.h"

#include <QList>
#include <QMap>

struct ExperimentResult;
struct ExperimentSummary;
class QLineSeries;
class QScatterSeries;
class QXYSeries;
class QValueAxis;

// Speedup against the shard count K for one experiment: the measured median per K with a
// min-max whisker over its runs, the ideal line the release-time bound T* allows, and the Amdahl
// fit with its serial fraction in the legend. All values come from the core's ExperimentSummary.
class SweepChart : public ChartView
{
    Q_OBJECT
public:
    explicit SweepChart(QWidget *parent = nullptr);

    void setExperiment(const ExperimentResult &result, const ExperimentSummary &summary);
    void clear();

    // The lines drawn: x is K, y the speedup.
    const QLineSeries *measuredSeries() const { return m_measured; }
    const QLineSeries *idealSeries() const { return m_ideal; }
    const QLineSeries *amdahlSeries() const { return m_amdahl; }
    int whiskerCount() const { return int(m_whiskers.size()); }

private:
    void addWhisker(double k, double low, double high);
    void recolor();
    // The tooltip for the point of `series` nearest to `point` (x is K).
    void hovered(const QXYSeries *series, QPointF point, bool on);

    // Per K, what its tooltip says of the measured median and its runs.
    QMap<int, QString> m_pointTips;

    QLineSeries *m_measured;
    QScatterSeries *m_points;
    QLineSeries *m_ideal;
    QLineSeries *m_amdahl;
    QList<QLineSeries *> m_whiskers;
    QValueAxis *m_axisK;
    QValueAxis *m_axisSpeedup;
};
