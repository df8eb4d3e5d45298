// SPDX-License-Identifier: MIT
#include "ui/window/windowactions.h"

#include "core/store/resultstore.h"
#include "core/store/storecodec.h"
#include "core/system/machineinfo.h"
#include "ui/config/presetstore.h"
#include "ui/models/comparison.h"
#include "ui/window/guidedialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>

#include <algorithm>

WindowActions::WindowActions(QMainWindow *window, const PresetStore &presets)
    : QObject(window)
    , m_window(window)
{
    createActions(window);
    createMenus(window, presets);
    qApp->installEventFilter(this);
}

bool WindowActions::eventFilter(QObject *watched, QEvent *event)
{
    // A focused line edit accepts ShortcutOverride for keys it has a use for (Ctrl+E moves to
    // the end of the line on X11), and then the window's shortcut never fires. Filtering the
    // override out for the window's own keys leaves the event unaccepted: the shortcut wins.
    if (watched == m_window && event->type() == QEvent::Resize)
        fitToolbar();
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    // Plain keys (Escape, letters) stay with the field; only chords and function keys are taken.
    if (key->modifiers() == Qt::NoModifier && (key->key() < Qt::Key_F1 || key->key() > Qt::Key_F35))
        return false;
    const QKeySequence pressed(key->keyCombination());
    for (QAction *a : m_window->findChildren<QAction *>()) {
        // Only the window's commands: a widget's own (the history's Copy rows) stays its own.
        if (!a->isEnabled() || a->shortcutContext() == Qt::WidgetShortcut ||
            a->shortcutContext() == Qt::WidgetWithChildrenShortcut)
            continue;
        for (const QKeySequence &k : a->shortcuts()) {
            if (k == pressed)
                return true;
        }
    }
    return false;
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
    m_toolbar = toolbar;
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
    run->addSeparator();
    m_showLastTimeline = run->addAction(tr("Show the last run's time&line"), this,
                                        [this] { emit lastTimelineRequested(); });
    m_showLastTimeline->setObjectName(QStringLiteral("actionShowLastTimeline"));
    m_showLastTimeline->setEnabled(false);
    // Either size limit or none: checking one unchecks the other.
    auto *keep = new QActionGroup(this);
    keep->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const QString megabytes = QLocale().toString(
        double(ResultStore::kSmallRunTasks) * StoreCodec::kTimingBytesPerTask / 1e6, 'g', 2);
    m_keepSmallRunTimings = run->addAction(
        tr("Keep per-task timings of runs up to %1 tasks (%2 MB a run)")
            .arg(QLocale().toString(qlonglong(ResultStore::kSmallRunTasks)), megabytes));
    m_keepSmallRunTimings->setObjectName(QStringLiteral("actionKeepSmallRunTimings"));
    m_keepSmallRunTimings->setCheckable(true);
    m_keepSmallRunTimings->setActionGroup(keep);
    m_keepTaskTimings = run->addAction(tr("Keep per-task &timings of every run"));
    m_keepTaskTimings->setObjectName(QStringLiteral("actionKeepTaskTimings"));
    m_keepTaskTimings->setCheckable(true);
    m_keepTaskTimings->setActionGroup(keep);
    for (QAction *a : {m_keepSmallRunTimings, m_keepTaskTimings})
        a->setToolTip(tr("Store each run's per-task times (%1 bytes a task), so that its "
                         "timeline can be shown and tasks.csv exported from the history")
                          .arg(StoreCodec::kTimingBytesPerTask));

    m_presetMenu = bar->addMenu(tr("&Presets"));
    m_presetMenu->setObjectName(QStringLiteral("presetsMenu"));
    m_presetMenu->setToolTipsVisible(true);
    m_savePreset = new QAction(tr("&Save current as preset…"), this);
    m_savePreset->setObjectName(QStringLiteral("actionSavePreset"));
    connect(m_savePreset, &QAction::triggered, this, &WindowActions::savePresetRequested);
    setPresets(presets);

    m_viewMenu = bar->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_clearHistory =
        m_viewMenu->addAction(tr("C&lear history"), this, [this] { emit clearHistoryRequested(); });
    m_clearHistory->setObjectName(QStringLiteral("actionClearHistory"));
    m_viewMenu->addSeparator();

    QMenu *help = bar->addMenu(tr("&Help"));
    m_guide = help->addAction(tr("&Guide"), window, [window] {
        auto *guide = window->findChild<GuideDialog *>();
        if (!guide)
            guide = new GuideDialog(window);
        guide->show();
        guide->raise();
        guide->activateWindow();
    });
    m_guide->setObjectName(QStringLiteral("actionGuide"));
    m_guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About LoopBench"), window, [window] {
        // The build's version and commit (CMake reads `git rev-parse` when it configures;
        // "unknown" outside a checkout), as every report records them.
        const MachineInfo build = MachineInfo::current();
        QMessageBox::about(window, tr("About LoopBench"),
                           tr("<p><b>LoopBench %1</b><br>git %2</p><p>How much faster do many "
                              "IO-then-CPU tasks finish when one event loop becomes K event "
                              "loops, one per thread? Run the same plan both ways and watch "
                              "every core.</p><p>Qt %3 · QCoro %4 · %5, %6 build</p>")
                               .arg(build.appVersion.toHtmlEscaped(), build.gitHash.toHtmlEscaped(),
                                    build.qtVersion, build.qcoroVersion,
                                    build.compiler.toHtmlEscaped(), build.buildType));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void WindowActions::fitToolbar(bool compactOnly)
{
    // Labels beside the icons where they fit (about 1,000 px), under them on a 1024-pixel
    // screen, icons alone below that: never actions hidden behind the toolbar's » button.
    const QFontMetrics fm = m_toolbar->fontMetrics();
    const int icon = m_toolbar->iconSize().width();
    int beside = 0;
    int under = 0;
    for (QAction *a : m_toolbar->actions()) {
        if (a->isSeparator()) {
            beside += 12;
            under += 12;
            continue;
        }
        const int text = fm.horizontalAdvance(a->iconText());
        beside += text + icon + 24;
        under += std::max(text, icon) + 16;
    }
    const int room = m_window->width() - 32;
    const Qt::ToolButtonStyle style = beside <= room  ? Qt::ToolButtonTextBesideIcon
                                      : under <= room ? Qt::ToolButtonTextUnderIcon
                                                      : Qt::ToolButtonIconOnly;
    // The styles in order of compactness: beside (0), under (3), icon only (1).
    auto rank = [](Qt::ToolButtonStyle s) {
        return s == Qt::ToolButtonTextBesideIcon ? 0 : s == Qt::ToolButtonTextUnderIcon ? 1 : 2;
    };
    if (!compactOnly || rank(style) > rank(m_toolbar->toolButtonStyle()))
        m_toolbar->setToolButtonStyle(style);
}

void WindowActions::setPresets(const PresetStore &presets)
{
    m_presetMenu->clear();
    const QList<Preset> &list = presets.presets();
    QStringList userNames;
    for (int i = 0; i < list.size(); ++i) {
        if (i == presets.builtInCount() && i > 0)
            m_presetMenu->addSeparator();
        // &1 to &9 for the first nine; Alt+1 to Alt+9 from anywhere.
        // A '&' in a user's name is a letter, not a mnemonic.
        QString name = list[i].name;
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *a =
            m_presetMenu->addAction(i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(name) : name,
                                    this, [this, i] { emit presetRequested(i); });
        if (i < 9)
            a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        a->setToolTip(list[i].description);
        if (list[i].user)
            userNames.append(list[i].name);
    }
    m_presetMenu->addSeparator();
    m_presetMenu->addAction(m_savePreset);
    QMenu *remove = m_presetMenu->addMenu(tr("&Remove preset"));
    remove->setObjectName(QStringLiteral("removePresetMenu"));
    remove->setEnabled(!userNames.isEmpty());
    for (const QString &name : std::as_const(userNames))
        remove->addAction(QString(name).replace(QLatin1Char('&'), QStringLiteral("&&")), this,
                          [this, name] { emit removePresetRequested(name); });
}

void WindowActions::setRunning(bool running, bool canRun, bool canSweep)
{
    for (QAction *a : {m_runOne, m_runK, m_compare, m_repeatCompare})
        a->setEnabled(canRun);
    m_sweep->setEnabled(canRun && canSweep);
    m_cancel->setEnabled(running);
}

void WindowActions::describe(int shards, const QList<int> &shardCounts, int repeats)
{
    // "1 loop", "2 loops"; "K" while the field does not hold a valid count.
    const QString loops = shards > 0 ? loopsLabel(shards) : tr("K loops");
    m_runK->setText(shards > 0 ? tr("Run &K loops (K = %1)").arg(shards) : tr("Run &K loops"));
    m_runK->setIconText(tr("Run %1").arg(loops));
    m_compare->setIconText(tr("Compare 1 vs %1").arg(loops));
    QStringList ks;
    for (int k : shardCounts)
        ks.append(QString::number(k));
    m_sweep->setIconText(ks.isEmpty() ? tr("Sweep (shard list?)")
                                      : tr("Sweep K = %1").arg(ks.join(QLatin1Char(','))));
    m_repeatCompare->setIconText(tr("Repeat 1 vs %1, R = %2").arg(loops).arg(repeats));
    fitToolbar(true);
}
