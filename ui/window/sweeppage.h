// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

struct ExperimentResult;
class EfficiencyChart;
class ExperimentStatsModel;
class QLabel;
class QTableView;
class SweepChart;

// The page of the last experiment (Sweep, Repeat compare, or any run sequence): speedup against
// K, efficiency per K and the per-configuration statistics table. Shows what the model holds;
// the numbers are the core's summarizeExperiment().
class SweepPage : public QWidget
{
    Q_OBJECT
public:
    explicit SweepPage(ExperimentStatsModel *model, QWidget *parent = nullptr);

    SweepChart *sweepChart() const { return m_sweep; }
    EfficiencyChart *efficiencyChart() const { return m_efficiency; }
    QTableView *table() const { return m_table; }

private:
    void refresh();

    ExperimentStatsModel *m_model;
    QLabel *m_headline;
    SweepChart *m_sweep;
    EfficiencyChart *m_efficiency;
    QTableView *m_table;
};
