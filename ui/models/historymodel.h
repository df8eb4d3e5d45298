// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/resultstore.h"
#include "ui/models/historyentry.h"

#include <vector>

struct ExperimentSummary;

#include <QAbstractTableModel>
#include <QList>

// Every run of the session, oldest first, one row each. Holds RunResult values (as KDAB
// hotspot's models hold Data:: structs); the derived columns (speedup, outlier) come from the
// experiment's summary when it ends, so the view only displays and nothing is computed twice.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // In the order of importance, so that a narrow window still shows which run, how long,
    // how much faster and whether it counts; the details follow.
    enum Column {
        Time,
        Shards,
        Wall,
        Speedup,
        Status,
        Mode,
        Experiment,
        Efficiency,
        LagP99,
        GuiStall,
        Tasks,
        Transport,
        Shapes,
        Machine,
        // Added after the others, so that a saved header layout keeps its meaning.
        Runtime,
        IdealBound,
        Checksum,
        ColumnCount
    };
    // The raw value behind a cell, to sort by: a double (NaN: none), qint64 for counts and ids,
    // quint64 for the checksum, QDateTime for the start, a text column's text.
    static constexpr int SortRole = Qt::UserRole;

    explicit HistoryModel(QObject *parent = nullptr);

    // An experiment starts: its measured runs (every role but Warmup) are the rows appended
    // from now on, in order.
    void beginExperiment();
    // Replaces every row with the store's runs, oldest first.
    void load(const QList<StoredRun> &runs);
    // Appends a run; returns its row. `stored` carries its ids, plan and machine.
    int append(const RunResult &result, RunRole role, double guiStallP99Ms,
               const HistoryEntry &stored = {});
    // Removes every row; the experiment in flight keeps its place, so that its later runs still
    // meet their summary and the removed ones are not mistaken for them.
    void clear();
    // The experiment has ended: each of its runs still listed gets its speedup and outlier flag.
    void applyExperiment(const ExperimentSummary &summary);
    const HistoryEntry &entry(int row) const { return m_entries.at(row); }
    const QList<HistoryEntry> &entries() const { return m_entries; }
    // The row of stored run `runId`, or -1.
    int rowOfRun(std::int64_t runId) const;

    // The Status cell's words for a run: its status, then its flags, short ("completed ·
    // outlier · busy"); statusTip() says each in full. Every combination the view must fit.
    static QString statusText(const RunResult &r, bool outlier);
    static QStringList statusSamples();
    // The Mode cell's words ("experiment · #3"), and the longest ones, for the view's widths.
    static QString modeText(RunRole role, int repeat);
    static QStringList modeSamples();
    // "14:03:07" for a run of today, the locale's short date and the time otherwise.
    static QString timeText(const QDateTime &startedUtc, const QDate &today);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The runs of one experiment share a shade, the next experiment's runs another: true for
    // the rows of every second experiment.
    bool isShadedGroup(int row) const { return m_shaded.at(std::size_t(row)); }

private:
    void shadeFrom(int row);

    QList<HistoryEntry> m_entries;
    std::vector<bool> m_shaded;
    // Row of each measured run of the current experiment, by run index; -1 once cleared away.
    std::vector<int> m_experimentRows;
};
