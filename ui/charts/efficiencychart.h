// SPDX-License-Identifier: MIT
#pragma once

#include "ui/charts/chartview.h"

#include <QList>

struct ExperimentSummary;
class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QValueAxis;

// Efficiency per shard count K, two ways: T* / wall (how close each K came to the best schedule
// its cores allow) and speedup / K (parallel efficiency in the textbook sense, which falls once
// K exceeds the cores). Medians from the core's ExperimentSummary.
class EfficiencyChart : public ChartView
{
    Q_OBJECT
public:
    explicit EfficiencyChart(QWidget *parent = nullptr);

    // `busyNote`: the verdict's machine-busy note (Verdict::busyNote), shown under the title when
    // the runs shared the machine.
    void setSummary(const ExperimentSummary &summary, const QString &busyNote = {});
    void clear();

    // The bars drawn: one value per K, in percent.
    const QBarSet *boundSet() const { return m_bound; }
    const QBarSet *perKSet() const { return m_perK; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void recolor();
    void fitLabels();

    QList<int> m_shards;
    QBarSeries *m_series;
    QBarSet *m_bound;
    QBarSet *m_perK;
    QBarCategoryAxis *m_axisK;
    QValueAxis *m_axisPercent;
};
