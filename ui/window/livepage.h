// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstdint>

class ComparisonChart;
class CoreLoadView;
class HistoryModel;
class HistoryView;
class LoadMonitor;
class QSettings;
class QSplitter;
class ShardLoadView;

// The Live page: per-core and per-shard load on top, the comparison chart and the run history
// below. Selecting two history rows compares them in the chart.
class LivePage : public QWidget
{
    Q_OBJECT
public:
    LivePage(LoadMonitor *monitor, HistoryModel *history, QWidget *parent = nullptr);

    CoreLoadView *coreLoadView() const { return m_coreLoad; }
    ShardLoadView *shardLoadView() const { return m_shardLoad; }
    ComparisonChart *comparisonChart() const { return m_comparison; }
    HistoryView *historyView() const { return m_historyView; }

    // The splitter positions, under window/vertical, window/top and window/bottom.
    void saveLayout(QSettings &settings) const;
    // False (and proportions instead) when none were saved, as on the first start.
    bool restoreLayout(const QSettings &settings);

signals:
    // A short note for the status bar ("Only completed runs can be compared").
    void message(const QString &text);
    // One run of the history was selected: the statistics page shows its experiment.
    void experimentSelected(std::int64_t experimentId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void compareRows(int rowA, int rowB);
    // The first start's proportions, for the page's size now.
    void splitByProportions();

    HistoryModel *m_history;
    CoreLoadView *m_coreLoad;
    ShardLoadView *m_shardLoad;
    ComparisonChart *m_comparison;
    HistoryView *m_historyView;
    QSplitter *m_vertical;
    QSplitter *m_top;
    QSplitter *m_bottom;
    bool m_autoSplit = false; // no saved layout, and the user has not moved a splitter yet
};
