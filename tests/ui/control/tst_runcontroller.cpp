// SPDX-License-Identifier: MIT
#include "ui/control/runcontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

// The controller's sequencing: cancel at any stage ends the sequence with the truth (a
// cancelled run is reported, no comparison is made), and shutdown leaves it reusable.
class TestRunController : public QObject
{
    Q_OBJECT
private slots:
    void cancelWhileDrawingThePlanEndsWithoutARun()
    {
        RunController controller;
        QSignalSpy running(&controller, &RunController::runningChanged);
        QSignalSpy runs(&controller, &RunController::runFinished);
        QVERIFY(controller.start(RunController::Mode::Compare, longSpec(2'000'000), kTwo, 1.0));
        controller.cancel(); // the plan thread is still drawing two million tasks
        QTRY_COMPARE_WITH_TIMEOUT(running.size(), 2, 10000);
        QCOMPARE(running[1][0].toBool(), false);
        QCOMPARE(runs.size(), 0);
        QVERIFY(!controller.isRunning());
    }

    void cancelDuringCompareReportsCancelledRunAndNoComparison()
    {
        RunController controller;
        QSignalSpy runs(&controller, &RunController::runFinished);
        QSignalSpy compared(&controller, &RunController::comparisonFinished);
        QSignalSpy running(&controller, &RunController::runningChanged);
        QVERIFY(controller.start(RunController::Mode::Compare, longSpec(20000), kTwo, 1.0));
        QVERIFY(!controller.start(RunController::Mode::OneLoop, longSpec(10), kTwo, 1.0)); // busy
        QTRY_VERIFY_WITH_TIMEOUT(controller.isRunInFlight(), 5000);
        QTest::qWait(200);
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(runs.size(), 1, 5000);
        QCOMPARE(runs[0][0].value<RunResult>().status, RunStatus::Cancelled);
        QCOMPARE(runs[0][1].value<RunRole>(), RunRole::CompareOne);
        QTRY_VERIFY(!controller.isRunning());
        QTest::qWait(RunController::kSettleMs + 200); // the K half must not start after all
        QCOMPARE(runs.size(), 1);
        QCOMPARE(compared.size(), 0);
        QCOMPARE(running.last()[0].toBool(), false);
    }

    void shutdownMidRunLeavesControllerReusable()
    {
        RunController controller;
        QSignalSpy runs(&controller, &RunController::runFinished);
        QVERIFY(controller.start(RunController::Mode::KLoops, longSpec(20000), kTwo, 1.0));
        QTRY_VERIFY_WITH_TIMEOUT(controller.isRunInFlight(), 5000);
        controller.shutdown(); // joins now, reports nothing
        QVERIFY(!controller.isRunning());
        QVERIFY(!controller.isRunInFlight());
        QVERIFY(controller.runProgress().shardClocks.empty());

        const WorkloadSpec small{50, 0, 5, 1000, 2000, Kernel::Sum, 1};
        QVERIFY(controller.start(RunController::Mode::OneLoop, small, kTwo, 1.0));
        QTRY_COMPARE_WITH_TIMEOUT(runs.size(), 1, 5000);
        const auto r = runs[0][0].value<RunResult>();
        QVERIFY(r.completed());
        QCOMPARE(r.shards, 1); // One loop ignores K
        QCOMPARE(r.tasksDone, 50);
    }

    // The GUI's Compare over http starts `loopbench --serve` itself (by default the app's own
    // file), fetches every task's response, compares, and leaves no server behind.
    void aCompareOverHttpStartsTheServerAndFetchesEveryTask()
    {
        RunController controller;
        QCOMPARE(controller.serverExecutable(), QCoreApplication::applicationFilePath());
        controller.setServerExecutable(QStringLiteral(LOOPBENCH_EXE));
        QSignalSpy runs(&controller, &RunController::runFinished);
        QSignalSpy compared(&controller, &RunController::comparisonFinished);
        TransportConfig http;
        http.kind = Transport::Http;
        http.responseBytes = 1000;
        const WorkloadSpec small{200, 0, 20, 1000, 2000, Kernel::Sum, 1};
        QVERIFY(controller.start(RunController::Mode::Compare, small, kTwo, 1.0, http));
        QCOMPARE(controller.currentSpec().transport, http);
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 30000);
        QCOMPARE(runs.size(), 2);
        for (const QList<QVariant> &run : runs) {
            const auto r = run[0].value<RunResult>();
            QVERIFY2(r.completed(), qPrintable(r.error));
            QVERIFY(r.http);
            QCOMPARE(r.http->bytesReceived, std::int64_t{200 * 1000});
        }
        // Same plan, same bytes: the checksum proves every byte arrived whatever K.
        QCOMPARE(runs[0][0].value<RunResult>().checksum, runs[1][0].value<RunResult>().checksum);
        QTRY_VERIFY(!controller.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(childProcesses(), 0, 5000);
        // A bad transport is refused like a bad spec.
        http.connections = -1;
        QVERIFY(!controller.start(RunController::Mode::OneLoop, small, kTwo, 1.0, http));
    }

    void eachActionNamesItsKind_data()
    {
        QTest::addColumn<int>("mode"); // -1: startExperiment
        QTest::addColumn<QList<int>>("shards");
        QTest::addColumn<QList<Runtime>>("runtimes");
        QTest::addColumn<QString>("kind");
        const QList<Runtime> threads{Runtime::Threads};
        const QList<Runtime> two{Runtime::Threads, Runtime::Stealing};
        QTest::newRow("run") << int(RunController::Mode::KLoops) << QList<int>{2} << threads
                             << "run";
        QTest::newRow("compare") << int(RunController::Mode::Compare) << QList<int>{2} << threads
                                 << "compare";
        QTest::newRow("repeat") << -1 << QList<int>{1, 2} << threads << "repeat";
        QTest::newRow("sweep") << -1 << QList<int>{1, 2, 4} << threads << "sweep";
        // Several runtimes are a Compare runtimes, whichever action started them (a Sweep over
        // two runtimes was filed as a "sweep", a Compare of two as a "repeat").
        QTest::newRow("runtimes sweep") << -1 << QList<int>{1, 2, 4} << two << "runtimes";
        QTest::newRow("runtimes repeat") << -1 << QList<int>{1, 2} << two << "runtimes";
    }

    void eachActionNamesItsKind()
    {
        QFETCH(int, mode);
        QFETCH(QList<int>, shards);
        QFETCH(QList<Runtime>, runtimes);
        QFETCH(QString, kind);
        RunController controller;
        if (mode < 0) {
            ExperimentSpec spec;
            spec.workload = longSpec(20000);
            spec.shardCounts = shards;
            spec.runtimes = runtimes;
            QVERIFY(controller.startExperiment(spec, 1.0));
        } else {
            QVERIFY(controller.start(RunController::Mode(mode), longSpec(20000), kTwo, 1.0));
        }
        QCOMPARE(controller.currentKind(), kind);
        controller.shutdown();
    }

private:
    // The children of this process (the server is the only one a test starts).
    static int childProcesses()
    {
        int n = 0;
        const QDir tasks(QStringLiteral("/proc/self/task"));
        for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile f(tasks.filePath(tid + QStringLiteral("/children")));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray &pid : f.readAll().split(' ')) {
                if (pid.trimmed().toInt() > 0)
                    ++n;
            }
        }
        return n;
    }
    static WorkloadSpec longSpec(int tasks)
    {
        return WorkloadSpec{tasks, 1000, 3000, 100000, 500000, Kernel::Sum, 5};
    }
    static inline const RunConfig kTwo{2, Partition::Contiguous, false};
};

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
