// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/storethread.h"
#include "ui/config/presetstore.h"

#include <QMainWindow>

#include <QCoroTask>

class Calibrator;
class ComparisonChart;
class ConfigPanel;
class ExperimentStatsModel;
class ExportController;
class HistoryController;
class HistoryModel;
class ImportController;
class LaunchController;
class LivePage;
class LoadMonitor;
class NoticeBar;
class PresetController;
class QTabWidget;
class RunController;
class StatusBar;
class SweepPage;
class WindowActions;

// The desktop app's one window: composes the config panel (a dock), the Live page, the Sweep page,
// the actions and the status bar, and wires the controllers that do the work to them: the
// LaunchController says what may start and starts it on the RunController, the HistoryController
// records and lists (on the store's own thread), the ImportController opens reports, the
// ExportController exports, the PresetController saves presets. Holds no numbers and no logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildLayout();
    void connectRuns();
    void connectHistory();
    void updateActions();
    void onCalibrated();
    void onExperimentRecorded(const ExperimentResult &result, const QString &kind, bool shown);
    void clearHistory();
    // A window with the timeline of the run in history row `row` and its experiment's others.
    void showTimeline(int row);
    // A history row's configuration (its run's, or its whole experiment's) into the form, and
    // with `start` run as stored.
    QCoro::Task<> loadConfiguration(int row, bool wholeExperiment, bool start);
    // Asks, naming what goes, then deletes a history row's run or its whole experiment.
    void deleteRow(int row, bool wholeExperiment);
    void presetsChanged();
    void restoreSettings();
    // Moves and shrinks a restored window so that all of it, frame included, is on a screen.
    void fitToScreens(const QVariant &savedFrame);
    void saveSettings();
    ComparisonChart *comparisonChart() const;

    PresetStore m_presets;
    StoreThread m_store; // before the controllers that use it
    Calibrator *m_calibrator;
    RunController *m_controller;
    LoadMonitor *m_monitor;
    quint64 m_runSpan = 0; // the load monitor's span of the run in flight
    HistoryModel *m_history;
    ExperimentStatsModel *m_stats;
    HistoryController *m_historyControl;
    ImportController *m_import;
    ExportController *m_export;

    ConfigPanel *m_config;
    PresetController *m_presetControl;
    LaunchController *m_launch;
    LivePage *m_livePage;
    SweepPage *m_sweepPage;
    QTabWidget *m_tabs;
    WindowActions *m_actions;
    StatusBar *m_status;
    NoticeBar *m_notice;
};
