// SPDX-License-Identifier: MIT
#pragma once

#include "ui/control/runcontroller.h"

#include <QList>
#include <QObject>

class PresetStore;
class QAction;
class QMainWindow;
class QMenu;

// The window's commands: the run actions (with their shortcuts in the tooltips), the toolbar and
// the menus. Says what the user asked for through signals; knows nothing of runs or models.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    // Adds the toolbar and the menus to `window`; the presets menu lists `presets`.
    WindowActions(QMainWindow *window, const PresetStore &presets);

    QAction *runOne() const { return m_runOne; }
    QAction *runK() const { return m_runK; }
    QAction *compare() const { return m_compare; }
    QAction *cancel() const { return m_cancel; }
    QAction *sweep() const { return m_sweep; }
    QAction *repeatCompare() const { return m_repeatCompare; }
    QAction *exportReports() const { return m_export; }
    QAction *openReport() const { return m_openReport; }
    QAction *clearHistory() const { return m_clearHistory; }
    QAction *recalibrate() const { return m_recalibrate; }
    // Checkable: whether the history keeps every run's per-task timings (16 B a task).
    QAction *keepTaskTimings() const { return m_keepTaskTimings; }
    QMenu *viewMenu() const { return m_viewMenu; }

    void setRunning(bool running, bool canRun);
    // The toolbar says what each action would run: "Run 4 loops", "Sweep K = 1,2,4", ...
    void describe(int shards, const QList<int> &shardCounts, int repeats);

signals:
    void runRequested(RunController::Mode mode);
    void experimentRequested(bool sweep); // false: Repeat compare
    void cancelRequested();
    void exportRequested();
    void openReportRequested();
    void presetRequested(int index);
    void clearHistoryRequested();
    void recalibrateRequested();

private:
    void createActions(QMainWindow *window);
    void createMenus(QMainWindow *window, const PresetStore &presets);

    QAction *m_runOne = nullptr;
    QAction *m_runK = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_sweep = nullptr;
    QAction *m_repeatCompare = nullptr;
    QAction *m_export = nullptr;
    QAction *m_openReport = nullptr;
    QAction *m_clearHistory = nullptr;
    QAction *m_recalibrate = nullptr;
    QAction *m_keepTaskTimings = nullptr;
    QMenu *m_viewMenu = nullptr;
};
