// SPDX-License-Identifier: MIT
#include "core/engine/runresult.h"
#include "core/workload/taskplan.h"
#include "ui/charts/timelinegeometry.h"
#include "ui/charts/timelineview.h"

#include <QTest>

#include <cmath>
#include <numeric>

// Where the timeline draws each task, as logic: the row of the loop that ran it, its lag from due
// to resumed and its CPU work from resumed to done at the x the view maps them to, tasks outside
// the view left out, narrow ones summed per pixel, and zoom and pan that keep their promises.
namespace {

constexpr std::int64_t kMs = 1'000'000;

// A plan of `tasks` tasks on `shards` loops (contiguous slices), each task resumed `lagMs` after
// its due time and computing for `cpuMs`; every due time from the plan.
RunResult run(int tasks, int shards, double lagMs, double cpuMs)
{
    WorkloadSpec spec;
    spec.tasks = tasks;
    RunResult r;
    r.shards = shards;
    r.tasks = tasks;
    r.plan = std::make_shared<const TaskPlan>(TaskPlan::generate(spec));
    std::vector<TaskTiming> timings;
    for (int id = 0; id < tasks; ++id) {
        const std::int64_t due = r.plan->ioNs(std::size_t(id));
        const auto resumed = due + std::int64_t(lagMs * kMs);
        const auto done = resumed + std::int64_t(cpuMs * kMs);
        timings.push_back({resumed, done, done - resumed});
    }
    r.timings = std::make_shared<const std::vector<TaskTiming>>(std::move(timings));
    return r;
}

const TimelineGeometry::Task *find(const TimelineGeometry &g, int row, std::uint32_t id)
{
    for (const TimelineGeometry::Task &t : g.tasks(row)) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

} // namespace

class TestTimelineGeometry : public QObject
{
    Q_OBJECT
private slots:
    void aTaskIsDrawnInItsLoopsRowFromDueToResumedThenToDone()
    {
        // Four tasks on two loops: contiguous slices put tasks 2 and 3 on loop 1.
        const RunResult r = run(4, 2, 50, 20);
        TimelineGeometry g;
        QCOMPARE(g.addRun(r), 0);
        QCOMPARE(g.rowCount(), 2);
        g.setWidth(1000);
        g.reset();
        QVERIFY(find(g, 1, 2) && find(g, 1, 3));
        QVERIFY(!find(g, 0, 2));
        QVERIFY(find(g, 0, 0) && find(g, 0, 1));

        const TimelineGeometry::Task &t = *find(g, 1, 2);
        QCOMPARE(t.dueNs, r.plan->ioNs(2));
        QCOMPARE(t.resumedNs, t.dueNs + 50 * kMs);
        const TimelineGeometry::RowPicture pic = g.picture(1);
        QCOMPARE(pic.waiting.size(), std::size_t(1000));
        // Its CPU work is a span of its own (20 ms of a ~1 s picture is ~20 px) from resumed to
        // done ...
        bool drawn = false;
        for (const TimelineGeometry::Span &s : pic.cpu) {
            if (g.tasks(1)[s.index].id == 2) {
                drawn = true;
                QCOMPARE(s.x0, g.xOf(double(t.resumedNs)));
                QCOMPARE(s.x1, g.xOf(double(t.doneNs)));
            }
        }
        QVERIFY(drawn);
        // ... and it waits from due to resumed: counted in the lag lane there, in row 1 only.
        const auto mid = std::size_t(g.xOf(double(t.dueNs + 25 * kMs)));
        QVERIFY(pic.waiting[mid] >= 1);
        QCOMPARE(g.waitingAt(1, double(t.dueNs + 25 * kMs)), pic.waiting[mid]);
        QCOMPARE(g.waitingAt(1, double(t.dueNs) - 1), 0);
        // Hovering its CPU span names it.
        const auto hit = g.taskAt(1, g.xOf(double(t.resumedNs + 10 * kMs)));
        QVERIFY(hit);
        QCOMPARE(g.tasks(1)[*hit].id, 2u);
        QVERIFY(!g.taskAt(0, g.xOf(double(t.resumedNs + 10 * kMs))) ||
                g.tasks(0)[*g.taskAt(0, g.xOf(double(t.resumedNs + 10 * kMs)))].id != 2u);
    }

    void aStolenTaskIsDrawnInTheLoopThatRanIt()
    {
        RunResult r = run(4, 2, 5, 5);
        r.runtime = Runtime::Stealing;
        // Task 0 was dealt to loop 0 and ran its CPU part on loop 1.
        r.cpuLoops = std::make_shared<const std::vector<std::uint16_t>>(
            std::vector<std::uint16_t>{1, 0, 1, 1});
        TimelineGeometry g;
        g.addRun(r);
        QVERIFY(find(g, 1, 0));
        QVERIFY(!find(g, 0, 0));
        QCOMPARE(g.tasks(0).size(), std::size_t(1));
    }

    void runsStackTheirRowsOnOneTimeAxis()
    {
        TimelineGeometry g;
        QCOMPARE(g.addRun(run(100, 1, 100, 10)), 0);
        QCOMPARE(g.addRun(run(100, 2, 1, 5)), 1);
        QCOMPARE(g.rowCount(), 3);
        QCOMPARE(g.tasks(0).size() + g.tasks(1).size() + g.tasks(2).size(), std::size_t(200));
        QVERIFY(find(g, 2, 99));
    }

    void zoomKeepsTheTimeUnderThePointer()
    {
        TimelineGeometry g;
        g.addRun(run(1000, 2, 10, 1));
        g.setWidth(800);
        g.reset();
        const double all = g.spanNs();
        QCOMPARE(g.startNs(), 0.0);
        QVERIFY(std::abs(all - double(g.endNs()) * 1.02) < 1);
        const double x = 300;
        const double before = g.timeAt(x);
        g.zoomAt(x, 4);
        QVERIFY(std::abs(g.spanNs() - all / 4) < 1);
        QVERIFY2(std::abs(g.timeAt(x) - before) < 1, "the time under the pointer moved");
        g.zoomAt(x, 1.0 / 2);
        QVERIFY(std::abs(g.timeAt(x) - before) < 1);
        QVERIFY(std::abs(g.spanNs() - all / 2) < 1);
        // Never wider than everything, never before t0 ...
        g.zoomAt(x, 1e-6);
        QCOMPARE(g.spanNs(), all);
        QCOMPARE(g.startNs(), 0.0);
        // ... nor narrower than the floor.
        g.zoomAt(x, 1e12);
        QCOMPARE(g.spanNs(), TimelineGeometry::kMinSpanNs);
    }

    void panningMovesTheViewAndStopsAtTheEnds()
    {
        TimelineGeometry g;
        g.addRun(run(1000, 1, 10, 1));
        g.setWidth(1000);
        g.reset();
        g.zoomAt(500, 10);
        const double start = g.startNs();
        g.panBy(-100); // drag left: later times
        QVERIFY(std::abs(g.startNs() - (start + 100 * g.spanNs() / 1000)) < 1);
        g.panBy(1e9);
        QCOMPARE(g.startNs(), 0.0);
        g.panBy(-1e9);
        QVERIFY(std::abs(g.startNs() + g.spanNs() - double(g.endNs()) * 1.02) < 1);
        g.reset();
        QCOMPARE(g.startNs(), 0.0);
    }

    void tasksOutsideTheViewAreLeftOut()
    {
        TimelineGeometry g;
        const RunResult r = run(1000, 1, 2, 3);
        g.addRun(r);
        g.setWidth(1000);
        g.reset();
        // Zoomed into a tenth around the middle: only spans that reach into it.
        g.zoomAt(500, 10);
        const double end = g.startNs() + g.spanNs();
        const TimelineGeometry::RowPicture pic = g.picture(0);
        QVERIFY(!pic.cpu.empty());
        for (const TimelineGeometry::Span &s : pic.cpu) {
            const TimelineGeometry::Task &t = g.tasks(0)[s.index];
            QVERIFY(double(t.resumedNs) < end);
            QVERIFY(double(t.doneNs) > g.startNs());
            QVERIFY(s.x0 < 1000 && s.x1 > 0);
        }
        std::size_t visible = 0;
        for (const TimelineGeometry::Task &t : g.tasks(0))
            visible += double(t.resumedNs)<end &&double(t.doneNs)> g.startNs();
        QVERIFY(visible < 1000 / 5);
    }

    void narrowTasksAreSummedPerPixel()
    {
        // 20,000 tasks of 0.02 ms each over ~1 s on 500 px: none is a span of its own; the
        // columns hold their CPU time.
        TimelineGeometry g;
        const RunResult r = run(20000, 1, 0, 0.02);
        g.addRun(r);
        g.setWidth(500);
        g.reset();
        const TimelineGeometry::RowPicture pic = g.picture(0);
        QVERIFY(pic.cpu.empty());
        const double px = std::accumulate(pic.cpuShare.begin(), pic.cpuShare.end(), 0.0);
        const double expected = 20000 * 0.02 * kMs * 500 / g.spanNs();
        QVERIFY2(std::abs(px - expected) < expected * 0.05,
                 qPrintable(QStringLiteral("%1 px of CPU, expected %2").arg(px).arg(expected)));
        for (const float share : pic.cpuShare)
            QVERIFY(share >= 0 && share <= 1);
    }

    void theViewNamesTheTaskUnderThePointer()
    {
        TimelineView view;
        view.resize(1000, 400);
        const RunResult r = run(4, 2, 50, 20);
        view.addRun(r, QStringLiteral("run"));
        const TimelineGeometry::Task &t = *[&] {
            for (const auto &task : view.geometry().tasks(1))
                if (task.id == 3)
                    return &task;
            return &view.geometry().tasks(1).front();
        }();
        QCOMPARE(t.id, 3u);
        const int x = view.plotLeft() + int(view.geometry().xOf(double(t.resumedNs + 10 * kMs)));
        int y = -1;
        for (int py = 0; py < view.height() && y < 0; ++py)
            if (view.rowAt(py) == 1)
                y = py + 2;
        QVERIFY(y >= 0);
        const QString text = view.taskText(QPoint(x, y));
        QVERIFY2(text.contains(QLatin1String("3")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("50")), qPrintable(text)); // its lag, 50 ms
        QVERIFY2(text.contains(QLatin1String("20")), qPrintable(text)); // its CPU, 20 ms
    }
};

QTEST_MAIN(TestTimelineGeometry)
#include "tst_timelinegeometry.moc"
