// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/experimentrecorder.h"
#include "core/store/resultstore.h"
#include "ui/config/presetstore.h"
#include "ui/control/runcontroller.h"
#include "ui/export/exportdialog.h"
#include "ui/export/exportjob.h"
#include "ui/window/windowactions.h"

#include <QMainWindow>
#include <QSet>

#include <QCoroTask>

#include <optional>

class Calibrator;
class ComparisonChart;
class ConfigPanel;
class ExperimentStatsModel;
class HistoryModel;
class LivePage;
class LoadMonitor;
class NoticeBar;
class QAction;
class QTabWidget;
class StatusBar;
class SweepPage;

// The desktop app's one window: composes the config panel (a dock), the Live page, the Sweep page,
// the actions and the status bar, and wires the controller and models to them. Holds no numbers
// of its own.
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
    ComparisonChart *comparisonChart() const;
    LoadMonitor *loadMonitor() const { return m_monitor; }
    // The toolbar's and menus' actions (Run, Compare, Sweep, Export, Clear history, ...).
    WindowActions *actions() const { return m_actions; }
    ExperimentStatsModel *statistics() const { return m_stats; }
    // Every run and experiment: the history, the statistics page and exports read it.
    const ResultStore &store() const { return m_store; }
    SweepPage *sweepPage() const { return m_sweepPage; }
    LivePage *livePage() const { return m_livePage; }
    // What File > Export writes with `options`: the chosen experiments (the statistics page's, or
    // the chosen runs read from the store on the thread pool), each with its reports and every
    // chart drawn from its own runs (here, one at a time), the files written on the thread pool
    // behind a cancellable progress dialog while this thread keeps serving the window.
    QCoro::Task<ExportOutcome> exportTo(ExportOptions options);
    // The message above the pages that stays until closed (store and settings problems).
    NoticeBar *noticeBar() const { return m_notice; }
    StatusBar *statusBarWidget() const { return m_status; }
    const PresetStore &presets() const { return m_presets; }
    // Saves the form's workload as the user preset `name` (replacing one of that name); the
    // reason when refused (an empty name, a built-in's name, an invalid form).
    std::optional<QString> saveCurrentAsPreset(const QString &name);
    // Removes the user preset `name`; false when there is none.
    bool removeUserPreset(const QString &name);
    // What an export's reports describe, in words for the dialog; empty when nothing has run.
    QString exportScope() const;
    // Every scope the export dialog offers, described; empty where there is nothing. With
    // `withTimings` (the stored experiments that kept per-task timings, as
    // ResultStore::experimentsWithTaskTimings() says) each scope says which of its experiments'
    // tasks.csv will have no times; without, the rule.
    ExportChoices exportChoices(const std::optional<QSet<std::int64_t>> &withTimings) const;
    // Reads LoopBench JSON reports (off this thread) and adds their runs to the history, marked
    // with their machine; a file that is not a report is skipped with its reason. The number of
    // experiments added, and the reasons of the files refused.
    QCoro::Task<int> openReports(QStringList paths, QStringList *refused = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateActions();
    void startRun(RunController::Mode mode);
    void startExperiment(bool sweep);
    void clearHistory();
    void onRunningChanged(bool running);
    void onRunFinished(const RunResult &result, RunRole role, double guiStallP99Ms);
    void onExperimentFinished(const ExperimentResult &result);
    void onCalibrated();
    void recalibrate();
    QCoro::Task<> showExportDialog();
    QCoro::Task<> showOpenDialog();
    void openStore();
    void showExperiment(std::int64_t experimentId);
    // The statistics page shows an experiment listed from the store without its runs' details.
    bool statisticsFromStore() const;
    void restoreSettings();
    void askPresetName();
    void askRemovePreset(const QString &name);
    void presetsChanged();
    void saveSettings();

    PresetStore m_presets;
    ResultStore m_store;
    std::optional<ExperimentRecorder> m_recorder; // the sequence in flight
    Calibrator *m_calibrator;
    RunController *m_controller;
    LoadMonitor *m_monitor;
    HistoryModel *m_history;
    ExperimentStatsModel *m_stats;

    ConfigPanel *m_config;
    LivePage *m_livePage;
    SweepPage *m_sweepPage;
    QTabWidget *m_tabs;
    WindowActions *m_actions;
    StatusBar *m_status;
    NoticeBar *m_notice;
    ExportOptions m_exportOptions;      // the dialog's last choices, for the next export
    std::int64_t m_shownExperiment = 0; // on the statistics page, when reopened from the store
};
