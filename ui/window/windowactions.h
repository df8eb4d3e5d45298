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
// Every menu and its actions are made in createMenus().
//
// Its shortcuts work from every field of the window: a line edit claims Ctrl+E (end of line),
// Ctrl+K and others through ShortcutOverride, and the event filter takes those keys back for the
// window's actions (Ctrl+C, Ctrl+V and the like are not the window's, so edits keep them).
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
    // Checkable, at most one of the two: whether the history keeps every run's per-task timings,
    // or those of runs up to ResultStore::kSmallRunTasks tasks (StoreCodec::kTimingBytesPerTask
    // a task); neither: none.
    QAction *keepTaskTimings() const { return m_keepTaskTimings; }
    QAction *keepSmallRunTimings() const { return m_keepSmallRunTimings; }
    // The timeline of the newest run and the others of its experiment.
    QAction *showLastTimeline() const { return m_showLastTimeline; }
    QAction *savePreset() const { return m_savePreset; }
    QAction *guide() const { return m_guide; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *presetsMenu() const { return m_presetMenu; }

    // canRun: Run, Compare and Repeat compare may start; canSweep: Sweep may (it also needs a
    // valid shard list).
    void setRunning(bool running, bool canRun, bool canSweep);
    // The toolbar says what each action would run: "Run 4 loops", "Sweep K = 1,2,4", ... from the
    // form as it is now: shards 0 when K is not valid, shardCounts empty when the list is not.
    void describe(int shards, const QList<int> &shardCounts, int repeats);
    // Lists `presets` in the Presets menu again (after a user preset was saved or removed).
    void setPresets(const PresetStore &presets);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void runRequested(RunController::Mode mode);
    void experimentRequested(bool sweep); // false: Repeat compare
    void cancelRequested();
    void exportRequested();
    void openReportRequested();
    void presetRequested(int index);
    void clearHistoryRequested();
    void recalibrateRequested();
    void lastTimelineRequested();
    void savePresetRequested();
    void removePresetRequested(const QString &name);

private:
    void createActions(QMainWindow *window);
    void createMenus(QMainWindow *window, const PresetStore &presets);
    // `compactOnly`: only ever to a more compact style (the labels changed while typing: the form
    // below the toolbar must not jump back and forth).
    void fitToolbar(bool compactOnly = false);

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
    QAction *m_keepSmallRunTimings = nullptr;
    QAction *m_showLastTimeline = nullptr;
    QAction *m_savePreset = nullptr;
    QAction *m_guide = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_presetMenu = nullptr;
    QMainWindow *m_window;
    class QToolBar *m_toolbar = nullptr;
};
