// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/verdict.h"

#include <QAbstractTableModel>

// The statistics of the last experiment, one row per configuration (shard count K), from the
// summary the experiment carries (ExperimentResult::summary): the numbers of the CLI's table and
// of summary.csv, never a second computation of them. Holds the ExperimentResult too, so that the
// charts and the exports show the same experiment as the table.
class ExperimentStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Shards,
        Runs,
        Outliers,
        WallMedian,
        WallSd,
        WallCv,
        WallMin,
        WallMax,
        Speedup,
        IdealSpeedup,
        AmdahlSpeedup,
        Efficiency,
        WorkInflation,
        LagP99,
        PValue,
        ColumnCount
    };
    // The raw number behind a cell (ms, a fraction or a count; NaN where none), to sort by.
    static constexpr int SortRole = Qt::UserRole;
    // Below this p-value the p column is green: a difference that size is unlikely to be noise.
    static constexpr double kSignificance = kVerdictSignificance;

    explicit ExperimentStatsModel(QObject *parent = nullptr);

    void setResult(const ExperimentResult &result);
    void clear();
    bool hasResult() const { return m_hasResult; }
    const ExperimentResult &result() const { return m_result; }
    const ExperimentSummary &summary() const { return m_summary; }
    // The experiment in one line for the Sweep page and the status bar: its verdict
    // (judgeExperiment()), the sentence of the CLI and of every report.
    QString headline() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const ConfigSummary &c, int column) const;
    QString text(const ConfigSummary &c, int column) const;

    ExperimentResult m_result;
    ExperimentSummary m_summary;
    bool m_hasResult = false;
};
