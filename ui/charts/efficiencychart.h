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

    void setSummary(const ExperimentSummary &summary);
    void clear();

    // Read by tests: one value per K, in percent.
    const QBarSet *boundSet() const { return m_bound; }
    const QBarSet *perKSet() const { return m_perK; }

    // How the value labels are drawn at the bars' current width: across, up the bar, or not at
    // all (too narrow for either; the tooltips still tell). Read by tests.
    enum class LabelFit { Across, Upright, Hidden };
    LabelFit labelFit() const { return m_labelFit; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void recolor();
    void fitLabels();

    QList<int> m_shards;
    LabelFit m_labelFit = LabelFit::Across;
    QBarSeries *m_series;
    QBarSet *m_bound;
    QBarSet *m_perK;
    QBarCategoryAxis *m_axisK;
    QValueAxis *m_axisPercent;
};
