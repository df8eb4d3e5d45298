// SPDX-License-Identifier: MIT
#pragma once

#include "ui/config/presetstore.h"
#include "ui/control/runcontroller.h"
#include "ui/export/reportexporter.h"

#include <QMainWindow>

class Calibrator;
class ComparisonChart;
class ConfigPanel;
class CoreLoadView;
class ExperimentStatsModel;
class HistoryModel;
class HistoryView;
class LoadMonitor;
class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QTabWidget;
class ShardLoadView;
class SweepPage;

// The desktop app's one window: the config panel (a dock), live per-core and per-shard load on
// top, the comparison chart and the run history below, run actions in a toolbar and a menu.
// Wires the controller and models to the views; holds no numbers of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests (and later exports): the parts behind the window.
    RunController *controller() const { return m_controller; }
    HistoryModel *history() const { return m_history; }
    ConfigPanel *configPanel() const { return m_config; }
    ComparisonChart *comparisonChart() const { return m_comparison; }
    LoadMonitor *loadMonitor() const { return m_monitor; }
    QAction *runOneAction() const { return m_runOne; }
    QAction *runKAction() const { return m_runK; }
    QAction *compareAction() const { return m_compare; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *sweepAction() const { return m_sweep; }
    QAction *repeatCompareAction() const { return m_repeatCompare; }
    QAction *exportAction() const { return m_export; }
    ExperimentStatsModel *statistics() const { return m_stats; }
    SweepPage *sweepPage() const { return m_sweepPage; }
    // Every chart the window shows, as File > Export writes them.
    QList<ExportChart> exportCharts() const;
    // What File > Export writes with `options`; false and `error` as the dialog shows them.
    // Charts render here; the files are written on a worker thread behind a cancellable
    // progress dialog, while this thread keeps serving the window.
    bool exportTo(const ExportOptions &options, QStringList *written, QString *error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void updateActions();
    void startRun(RunController::Mode mode);
    void startExperiment(bool sweep);
    void onExperimentFinished(const ExperimentResult &result);
    void showExportDialog();
    void onProgress(const RunProgressInfo &info);
    void onRunFinished(const RunResult &result, RunRole role, double guiStallP99Ms);
    void onRunningChanged(bool running);
    void compareRows(int rowA, int rowB);
    void restoreSettings();
    void saveSettings();

    PresetStore m_presets;
    Calibrator *m_calibrator;
    RunController *m_controller;
    LoadMonitor *m_monitor;
    HistoryModel *m_history;
    ExperimentStatsModel *m_stats;

    ConfigPanel *m_config;
    CoreLoadView *m_coreLoad;
    ShardLoadView *m_shardLoad;
    ComparisonChart *m_comparison;
    HistoryView *m_historyView;
    SweepPage *m_sweepPage;
    QTabWidget *m_tabs;
    QSplitter *m_vertical;
    QSplitter *m_top;
    QSplitter *m_bottom;

    QAction *m_runOne = nullptr;
    QAction *m_runK = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_sweep = nullptr;
    QAction *m_repeatCompare = nullptr;
    QAction *m_export = nullptr;
    std::vector<int> m_sequenceRows; // history rows of the measured runs of the sequence
    ExportOptions m_exportOptions;   // the dialog's last choices, for the next export
    QLabel *m_statusText = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stallLabel = nullptr;
    QLabel *m_calibrationLabel = nullptr;
};
