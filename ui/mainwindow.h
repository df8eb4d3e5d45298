#pragma once

#include "presetstore.h"
#include "runcontroller.h"

#include <QMainWindow>

class Calibrator;
class ComparisonChart;
class ConfigPanel;
class CoreLoadView;
class HistoryModel;
class HistoryView;
class LoadMonitor;
class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class ShardLoadView;

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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void updateActions();
    void startRun(RunController::Mode mode);
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

    ConfigPanel *m_config;
    CoreLoadView *m_coreLoad;
    ShardLoadView *m_shardLoad;
    ComparisonChart *m_comparison;
    HistoryView *m_historyView;
    QSplitter *m_vertical;
    QSplitter *m_top;
    QSplitter *m_bottom;

    QAction *m_runOne = nullptr;
    QAction *m_runK = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_cancel = nullptr;
    QLabel *m_statusText = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stallLabel = nullptr;
    QLabel *m_calibrationLabel = nullptr;
};
