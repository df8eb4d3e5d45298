// SPDX-License-Identifier: MIT
#include "core/store/resultstore.h"
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/charts/timelineview.h"
#include "ui/config/configpanel.h"
#include "ui/control/runcontroller.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"
#include "ui/window/livepage.h"
#include "ui/window/mainwindow.h"
#include "ui/window/timelinewindow.h"
#include "ui/window/windowactions.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A run's timeline from the window: a small comparison keeps its per-task timings by default and
// its timeline, read through the store's thread, has one row per loop of both runs with every
// task in the row of its loop; a run whose timings were not kept says why instead of drawing
// nothing.
namespace {

const WorkloadSpec kSmall{120, 0, 10, 1000, 10000, Kernel::Sum, 3};

void compare(MainWindow &window, int shards)
{
    part<ConfigPanel>(window)->setConfig(kSmall, RunConfig{shards, Partition::Contiguous, false});
    QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(), 5000);
    QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
    part<WindowActions>(window)->compare()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    settle(window);
}

TimelineWindow *openLastTimeline(MainWindow &window)
{
    QAction *show = part<WindowActions>(window)->showLastTimeline();
    if (!show->isEnabled())
        return nullptr;
    show->trigger();
    const QList<TimelineWindow *> open = window.findChildren<TimelineWindow *>();
    if (open.isEmpty())
        return nullptr;
    settle(window);
    return open.back();
}

} // namespace

class TestTimelineWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        isolateSettings(m_settings);
        qputenv(ResultStore::kPathVariable, m_store.filePath(QStringLiteral("t.sqlite")).toUtf8());
    }

    void aComparisonShowsEveryLoopOfBothRuns()
    {
        MainWindow window;
        settle(window);
        QVERIFY(part<WindowActions>(window)->keepSmallRunTimings()->isChecked());
        compare(window, 2);
        TimelineWindow *timeline = openLastTimeline(window);
        QVERIFY(timeline);
        QTRY_VERIFY_WITH_TIMEOUT(!timeline->view()->isHidden(), 5000);
        const TimelineGeometry &g = timeline->view()->geometry();
        // 1 loop, then 2 loops.
        QCOMPARE(g.rowCount(), 3);
        QCOMPARE(g.tasks(0).size(), std::size_t(kSmall.tasks));
        QCOMPARE(g.tasks(1).size() + g.tasks(2).size(), std::size_t(kSmall.tasks));
        // Contiguous slices: the first half on loop 0, the rest on loop 1.
        for (const TimelineGeometry::Task &t : g.tasks(2)) {
            QVERIFY(t.id >= std::uint32_t(kSmall.tasks / 2));
            QVERIFY(t.resumedNs >= t.dueNs && t.doneNs >= t.resumedNs);
            QVERIFY(t.workNs >= 0);
        }
        timeline->close();
    }

    void aRunWithoutTimingsSaysWhy()
    {
        MainWindow window;
        settle(window);
        part<WindowActions>(window)->keepSmallRunTimings()->setChecked(false);
        compare(window, 2);
        TimelineWindow *timeline = openLastTimeline(window);
        QVERIFY(timeline);
        QTRY_VERIFY_WITH_TIMEOUT(timeline->caption()->text().contains(QLatin1String("was off")),
                                 5000);
        QVERIFY(timeline->view()->isHidden());
        timeline->close();
        // The history's right-click offers it on any run.
        QVERIFY(part<LivePage>(window)->historyView()->showTimelineAction());
    }

    void eachMissingTimelineSaysItsOwnReason()
    {
        StoredRunTasks run;
        run.run.result.tasks = ResultStore::kSmallRunTasks + 1;
        QVERIFY2(TimelineWindow::whyNotKept(run).contains(
                     QLocale().toString(qlonglong(ResultStore::kSmallRunTasks + 1))),
                 qPrintable(TimelineWindow::whyNotKept(run)));
        run.run.result.tasks = ResultStore::kSmallRunTasks;
        QVERIFY(TimelineWindow::whyNotKept(run).contains(QLatin1String("was off")));
        run.imported = true;
        QVERIFY(TimelineWindow::whyNotKept(run).contains(QLatin1String("report file")));
    }

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_store;
};

QTEST_MAIN(TestTimelineWindow)
#include "tst_timelinewindow.moc"
