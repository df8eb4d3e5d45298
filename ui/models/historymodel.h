// SPDX-License-Identifier: MIT
#pragma once

#include "ui/models/historyentry.h"

#include <QAbstractTableModel>
#include <QList>

// Every run of the session, oldest first, one row each. Holds RunResult values (as KDAB
// hotspot's models hold Data:: structs) and computes the derived columns (speedup) when a run is
// added, so the view only displays.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Time,
        Mode,
        Shards,
        Tasks,
        Wall,
        Speedup,
        Efficiency,
        LagP99,
        GuiStall,
        Status,
        ColumnCount
    };
    // The raw number behind a cell (double, or qint64 for counts), for sorting and tests.
    static constexpr int SortRole = Qt::UserRole;

    explicit HistoryModel(QObject *parent = nullptr);

    // Appends a run; returns its row.
    int append(const RunResult &result, RunRole role, double guiStallP99Ms);
    void clear();
    // Flags a row as a wall-time outlier of its experiment (set when the experiment ends).
    void setOutlier(int row, bool outlier);
    const HistoryEntry &entry(int row) const { return m_entries.at(row); }
    const QList<HistoryEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    double speedupOf(const RunResult &result) const;
    QList<HistoryEntry> m_entries;
};
