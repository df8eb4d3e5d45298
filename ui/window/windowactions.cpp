// SPDX-License-Identifier: MIT
#include "ui/window/windowactions.h"

#include "ui/config/presetstore.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>

WindowActions::WindowActions(QMainWindow *window, const PresetStore &presets)
    : QObject(window)
{
    createActions(window);
    createMenus(window, presets);
}

void WindowActions::createActions(QMainWindow *window)
{
    auto make = [this, window](const QString &text, const QString &tip, QStyle::StandardPixmap icon,
                               const QList<QKeySequence> &keys, const char *name, auto slot) {
        auto *a = new QAction(window->style()->standardIcon(icon), text, this);
        a->setShortcuts(keys);
        a->setObjectName(QString::fromLatin1(name));
        // The shortcut goes into the tooltip, so toolbar users learn it.
        a->setToolTip(QStringLiteral("%1 (%2)\n%3")
                          .arg(QString(text).remove(QLatin1Char('&')),
                               keys.first().toString(QKeySequence::NativeText), tip));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    using Mode = RunController::Mode;
    m_runOne = make(tr("Run &one loop"), tr("Run the plan on a single event loop (one thread)"),
                    QStyle::SP_MediaPlay, {QKeySequence(Qt::CTRL | Qt::Key_R)}, "actionRunOne",
                    [this] { emit runRequested(Mode::OneLoop); });
    m_runK = make(tr("Run &K loops"), tr("Run the plan on K event loops, one thread each"),
                  QStyle::SP_MediaSeekForward, {QKeySequence(Qt::CTRL | Qt::Key_K)}, "actionRunK",
                  [this] { emit runRequested(Mode::KLoops); });
    m_compare =
        make(tr("&Compare"), tr("Run the same plan on one loop, then on K loops, and chart both"),
             QStyle::SP_BrowserReload,
             {QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
             "actionCompare", [this] { emit runRequested(Mode::Compare); });
    m_cancel = make(tr("C&ancel"), tr("Stop the run in flight; its partial result is kept"),
                    QStyle::SP_MediaStop, {QKeySequence(Qt::Key_Escape)}, "actionCancel",
                    [this] { emit cancelRequested(); });
    m_sweep = make(tr("S&weep"),
                   tr("Run every K of the shard list, R times each, interleaved, on one plan; "
                      "chart speedup against K"),
                   QStyle::SP_FileDialogDetailedView,
                   {QKeySequence(Qt::Key_F6), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)},
                   "actionSweep", [this] { emit experimentRequested(true); });
    m_repeatCompare =
        make(tr("&Repeat compare"),
             tr("Run 1 and K loops R times each, interleaved 1, K, 1, K, ..., "
                "with statistics"),
             QStyle::SP_BrowserReload,
             {QKeySequence(Qt::Key_F7), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
             "actionRepeatCompare", [this] { emit experimentRequested(false); });
    m_export = make(tr("&Export…"),
                    tr("Write CSV, JSON and Markdown reports and every chart as PNG and SVG"),
                    QStyle::SP_DialogSaveButton, {QKeySequence(Qt::CTRL | Qt::Key_E)},
                    "actionExport", [this] { emit exportRequested(); });

    m_openReport = make(tr("&Open report…"),
                        tr("Add the runs of LoopBench JSON reports (from any machine) to the "
                           "history"),
                        QStyle::SP_DialogOpenButton, {QKeySequence(Qt::CTRL | Qt::Key_O)},
                        "actionOpenReport", [this] { emit openReportRequested(); });

    auto *toolbar = window->addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_runOne, m_runK, m_compare});
    toolbar->addSeparator();
    toolbar->addActions({m_sweep, m_repeatCompare});
    toolbar->addSeparator();
    toolbar->addAction(m_cancel);
    toolbar->addSeparator();
    toolbar->addAction(m_export);
}

void WindowActions::createMenus(QMainWindow *window, const PresetStore &presets)
{
    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(m_openReport);
    file->addAction(m_export);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *run = bar->addMenu(tr("&Run"));
    run->addActions({m_runOne, m_runK, m_compare});
    run->addSeparator();
    run->addActions({m_sweep, m_repeatCompare});
    run->addSeparator();
    run->addAction(m_cancel);
    run->addSeparator();
    m_recalibrate = run->addAction(tr("Re&calibrate the kernels"), this,
                                   [this] { emit recalibrateRequested(); });
    m_recalibrate->setObjectName(QStringLiteral("actionRecalibrate"));
    m_recalibrate->setToolTip(tr("Measure each kernel's time per iteration again (the "
                                 "estimates before a run use it)"));
    m_keepTaskTimings = run->addAction(tr("Keep per-task &timings in the history"));
    m_keepTaskTimings->setObjectName(QStringLiteral("actionKeepTaskTimings"));
    m_keepTaskTimings->setCheckable(true);
    m_keepTaskTimings->setToolTip(tr("Store every run's per-task times (16 bytes a task), so "
                                     "tasks.csv can be exported from a reopened experiment"));

    QMenu *presetMenu = bar->addMenu(tr("&Presets"));
    for (int i = 0; i < presets.presets().size(); ++i) {
        QAction *a = presetMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(presets.presets()[i].name), this,
            [this, i] { emit presetRequested(i); });
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        a->setToolTip(presets.presets()[i].description);
    }

    m_viewMenu = bar->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_clearHistory =
        m_viewMenu->addAction(tr("C&lear history"), this, [this] { emit clearHistoryRequested(); });
    m_clearHistory->setObjectName(QStringLiteral("actionClearHistory"));
    m_viewMenu->addSeparator();

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(tr("&About LoopBench"), window, [window] {
        QMessageBox::about(window, tr("About LoopBench"),
                           tr("<p><b>LoopBench %1</b></p><p>How much faster do many IO-then-CPU "
                              "tasks finish when one event loop becomes K event loops, one per "
                              "thread? Run the same plan both ways and watch every core.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void WindowActions::setRunning(bool running, bool canRun)
{
    for (QAction *a : {m_runOne, m_runK, m_compare, m_sweep, m_repeatCompare})
        a->setEnabled(canRun);
    m_cancel->setEnabled(running);
}

void WindowActions::describe(int shards, const QList<int> &shardCounts, int repeats)
{
    m_runK->setText(tr("Run &K loops (K = %1)").arg(shards));
    m_runK->setIconText(tr("Run %1 loops").arg(shards));
    m_compare->setIconText(tr("Compare 1 vs %1").arg(shards));
    QStringList ks;
    for (int k : shardCounts)
        ks.append(QString::number(k));
    m_sweep->setIconText(tr("Sweep K = %1").arg(ks.join(QLatin1Char(','))));
    m_repeatCompare->setIconText(tr("Repeat 1 vs %1 (R = %2)").arg(shards).arg(repeats));
}
