// SPDX-License-Identifier: MIT
#include "tests/support/uitestsupport.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetstore.h"
#include "ui/control/calibrator.h"
#include "ui/controllers/launchcontroller.h"

#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

// What may start and what the status bar hints, without the window: nothing before the kernel is
// calibrated, Run and Compare without a valid shard list but not Sweep, nothing with a bad field,
// nothing a second time while a run is in flight.
class TestLaunchController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void eachActionWaitsForWhatItNeeds()
    {
        PresetStore presets;
        ConfigPanel form(presets);
        Calibrator calibrator;
        RunController runs;
        LaunchController launch(&form, &calibrator, &runs);
        form.setConfig(WorkloadSpec{200, 0, 10, 1000, 10000, Kernel::Sum, 3},
                       RunConfig{4, Partition::Contiguous, false});
        form.setExperiment(QStringLiteral("1,2,4"), 1, false);

        LaunchController::State s = launch.state(true);
        QVERIFY(!s.canRun);
        QCOMPARE(s.hint, QStringLiteral("Calibrating the kernel…"));
        QVERIFY(!launch.startRun(RunController::Mode::Compare));

        calibrator.start();
        QTRY_VERIFY_WITH_TIMEOUT(calibrator.nsPerIteration(Kernel::Sum).has_value(), 20000);
        QVERIFY(launch.calibrationText().startsWith(QLatin1String("sum ")));
        QVERIFY(launch.calibrationText().contains(QLatin1String(" ns/iter")));
        s = launch.state(true);
        QVERIFY(s.canRun);
        QVERIFY(s.canSweep);
        QCOMPARE(s.shards, 4);
        QCOMPARE(s.shardCounts, (QList<int>{1, 2, 4}));
        QCOMPARE(s.hint, QStringLiteral("Ready: Compare (F5) runs one plan on 1 loop, then on 4 "
                                        "loops"));
        QCOMPARE(launch.state(false).hint, QStringLiteral("Ready"));

        // A shard list being typed stops Sweep alone.
        form.setExperiment(QStringLiteral("1,"), 1, false);
        s = launch.state(false);
        QVERIFY(s.canRun);
        QVERIFY(!s.canSweep);
        QVERIFY(s.shardCounts.isEmpty());
        QCOMPARE(s.hint,
                 QStringLiteral("Sweep needs a valid shard list; Run and Compare are ready"));
        QVERIFY(!launch.startExperiment(true));

        // A bad field stops everything.
        form.setConfig(WorkloadSpec{200, 900, 100, 1000, 10000, Kernel::Sum, 3},
                       RunConfig{4, Partition::Contiguous, false});
        s = launch.state(false);
        QVERIFY(!s.canRun);
        QCOMPARE(s.hint, QStringLiteral("Fix the highlighted fields to run"));
        QVERIFY(!launch.startRun(RunController::Mode::KLoops));

        // Started once; not again while it runs, and no hint over its progress.
        form.setConfig(WorkloadSpec{200, 0, 10, 1000, 10000, Kernel::Sum, 3},
                       RunConfig{2, Partition::Contiguous, false});
        QVERIFY(launch.startRun(RunController::Mode::KLoops));
        s = launch.state(false);
        QVERIFY(s.running);
        QVERIFY(!s.canRun);
        QVERIFY(!s.canRecalibrate);
        QCOMPARE(s.hint, QString());
        QVERIFY(!launch.startRun(RunController::Mode::KLoops));
        QVERIFY(!launch.recalibrate());
        QTRY_VERIFY_WITH_TIMEOUT(!runs.isRunning(), 20000);
        QVERIFY(launch.state(false).canRecalibrate);
    }

    // Several runtimes make every action a "Compare runtimes" experiment over its shard counts,
    // as the CLI's --runtime a,b runs it; the interpreter typed goes with it.
    void severalRuntimesRunAsOneExperiment()
    {
        PresetStore presets;
        ConfigPanel form(presets);
        Calibrator calibrator;
        RunController runs;
        LaunchController launch(&form, &calibrator, &runs);
        form.setConfig(WorkloadSpec{100, 0, 10, 1000, 10000, Kernel::Sum, 3},
                       RunConfig{2, Partition::Contiguous, false});
        form.setRuntimes({Runtime::Stealing, Runtime::Threads});
        // The interpreter goes with the experiment (the asyncio runtimes would use it).
        form.findChild<QLineEdit *>(QStringLiteral("python"))
            ->setText(QStringLiteral("/opt/venv/bin/python3"));
        calibrator.start();
        QTRY_VERIFY_WITH_TIMEOUT(calibrator.nsPerIteration(Kernel::Sum).has_value(), 20000);
        QCOMPARE(launch.state(false).hint,
                 QStringLiteral("Ready: Compare (F5) runs one plan on 1 loop, then on 2 loops, on "
                                "each of threads, stealing"));
        QSignalSpy finished(&runs, &RunController::experimentFinished);
        QVERIFY(launch.startRun(RunController::Mode::Compare));
        QCOMPARE(runs.currentSpec().runtimes,
                 (QList<Runtime>{Runtime::Threads, Runtime::Stealing}));
        QCOMPARE(runs.currentSpec().shardCounts, (QList<int>{1, 2}));
        QCOMPARE(runs.currentSpec().repeats, 1);
        QCOMPARE(runs.currentSpec().python, QStringLiteral("/opt/venv/bin/python3"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const auto result = finished.first().first().value<ExperimentResult>();
        QCOMPARE(int(result.runs.size()), 4);
        QCOMPARE(int(result.summary.configs.size()), 4);

        // A runtime's measured cost is in the calibration's tooltip.
        QVERIFY(!launch.calibrationToolTip().contains(u"asyncio on"));
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"),
                              {QStringLiteral("-c"), QStringLiteral("import asyncio")}) != 0)
            QSKIP("no /usr/bin/python3");
        QTRY_VERIFY_WITH_TIMEOUT(calibrator.runtimeCost(Runtime::Asyncio, Kernel::Sum, {}), 30000);
        const RuntimeCost cost = *calibrator.runtimeCost(Runtime::Asyncio, Kernel::Sum, {});
        QVERIFY2(launch.calibrationToolTip().endsWith(
                     QStringLiteral("\nasyncio on /usr/bin/python3, sum kernel: %1 ns/iteration, "
                                    "%2 ms to start a worker")
                         .arg(cost.nsPerIter, 0, 'f', 1)
                         .arg(cost.startMsPerWorker, 0, 'f', 0)),
                 qPrintable(launch.calibrationToolTip()));
    }

    // No runtime is measured beside a run in flight: a held calibrator queues the request and
    // measures it once released.
    void aHeldCalibratorMeasuresNoRuntime()
    {
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"),
                              {QStringLiteral("-c"), QStringLiteral("import asyncio")}) != 0)
            QSKIP("no /usr/bin/python3");
        Calibrator calibrator;
        calibrator.start();
        QTRY_VERIFY_WITH_TIMEOUT(calibrator.nsPerIteration(Kernel::Article).has_value(), 20000);
        // In process, the C++ figure at once.
        QCOMPARE(calibrator.runtimeCost(Runtime::Stealing, Kernel::Article, {}),
                 (RuntimeCost{*calibrator.nsPerIteration(Kernel::Article), 0}));
        calibrator.setHeld(true);
        QVERIFY(!calibrator.runtimeCost(Runtime::Asyncio, Kernel::Article, {}));
        // A measurement takes ~100-300 ms: ten times that and still nothing.
        QTest::qWait(2000);
        QVERIFY(calibrator.measured().isEmpty());
        QVERIFY(!calibrator.runtimeCost(Runtime::Asyncio, Kernel::Article, {}));
        calibrator.setHeld(false);
        QTRY_VERIFY_WITH_TIMEOUT(calibrator.runtimeCost(Runtime::Asyncio, Kernel::Article, {}),
                                 30000);
        QCOMPARE(calibrator.measured().size(), 1);
        QCOMPARE(calibrator.measured().first().runtime, Runtime::Asyncio);
        // Recalibrating forgets it.
        calibrator.recalibrate();
        QVERIFY(calibrator.measured().isEmpty());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestLaunchController)
#include "tst_launchcontroller.moc"
