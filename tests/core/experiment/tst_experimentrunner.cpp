// SPDX-License-Identifier: MIT
#include "core/experiment/experimentrunner.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <QCoroTask>

#include <algorithm>

// The one experiment coroutine: the runs in interleaved order on one plan (so one checksum for
// every K), the warm-up outside the result, a cancel honoured at every phase, and the summary
// computed once at the end.
class TestExperimentRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qRegisterMetaType<ExperimentStep>();
        qRegisterMetaType<ExperimentPhase>();
    }

    void runsInterleavedOnOnePlanWithOneChecksumAndNoWarmup()
    {
        ExperimentRunner runner;
        std::vector<ExperimentStep> started;
        std::vector<RunResult> finished;
        connect(&runner, &ExperimentRunner::runStarted, this,
                [&](const ExperimentStep &s) { started.push_back(s); });
        connect(&runner, &ExperimentRunner::runFinished, this,
                [&](const RunResult &r, const ExperimentStep &) { finished.push_back(r); });
        ExperimentSpec spec = smallSpec();
        spec.shardCounts = {1, 3, 2};
        spec.repeats = 2;
        spec.warmup = true;
        const ExperimentResult result = QCoro::waitFor(runner.run(spec));

        // The warm-up first (first configuration), then 1, 3, 2, 1, 3, 2.
        const int shards[] = {1, 1, 3, 2, 1, 3, 2};
        QCOMPARE(started.size(), std::size_t(7));
        QVERIFY(started[0].warmup());
        for (std::size_t i = 0; i < started.size(); ++i) {
            QCOMPARE(started[i].shards, shards[i]);
            QCOMPARE(started[i].runIndex, int(i) - 1);
            QCOMPARE(started[i].runCount, 6);
        }
        QCOMPARE(finished.size(), std::size_t(7));
        QVERIFY(finished[0].completed());

        QVERIFY(!result.cancelled);
        QCOMPARE(result.runs.size(), std::size_t(6)); // the warm-up is not among them
        for (std::size_t i = 0; i < result.runs.size(); ++i) {
            const RunResult &r = result.runs[i];
            QCOMPARE(r.shards, shards[i + 1]);
            QCOMPARE(r.repeat, int(i / 3));
            QVERIFY(r.completed());
            QCOMPARE(r.plan, result.runs[0].plan); // one plan object for every run
            QCOMPARE(r.checksum, result.runs[0].checksum);
        }
        QCOMPARE(finished[0].checksum, result.runs[0].checksum);
        QVERIFY(result.runs[0].checksum != 0);
        // Per-task arrays only for the last run; the summary once, over exactly these runs.
        QVERIFY(!result.runs[0].timings);
        QVERIFY(result.runs[5].timings);
        QCOMPARE(result.summary.configs.size(), std::size_t(3));
        QCOMPARE(result.summary.runOutliers.size(), std::size_t(6));
        QCOMPARE(result.summary.runSpeedups.size(), std::size_t(6));
        QCOMPARE(result.summary.config(Runtime::Threads, 3)->completedRuns, 2);
        QVERIFY(result.nsPerIter > 0);
        QVERIFY(!runner.isRunning());
        QCOMPARE(runner.progress().phase, ExperimentPhase::Idle);
    }

    void eachRunKeepsItsLoadFromItsOwnT0()
    {
        // Two runs of over half a second: every sample is the run's own, its times count from
        // that run's t0 and rise, every core and every shard has a column, and the shards' CPU
        // shows.
        ExperimentRunner runner;
        ExperimentSpec spec;
        spec.workload = WorkloadSpec{80, 0, 100, 10000000, 12000000, Kernel::Sum, 9};
        spec.shardCounts = {1, 2};
        const ExperimentResult result = QCoro::waitFor(runner.run(spec));
        QCOMPARE(result.runs.size(), std::size_t(2));
        for (const RunResult &r : result.runs) {
            QVERIFY(r.completed());
            const LoadSeries &load = r.load;
            QVERIFY2(load.tSec.size() >= 2, qPrintable(QString::number(load.tSec.size())));
            QVERIFY(load.tSec.front() > 0);
            QVERIFY(std::is_sorted(load.tSec.begin(), load.tSec.end()));
            // The last sample is taken as the run ends: within a poll of its wall time.
            QVERIFY(load.tSec.back() * 1000 >= r.wallMs - 1);
            QVERIFY(load.tSec.back() * 1000 <= r.wallMs + r.joinOverheadMs + 1000);
            QCOMPARE(load.cores.size(), std::size_t(QThread::idealThreadCount()));
            QCOMPARE(load.shards.size(), std::size_t(r.shards));
            for (const std::vector<double> &column : load.cores)
                QCOMPARE(column.size(), load.tSec.size());
            // Some sample saw every shard thread use CPU: the kernels ran on them.
            for (const std::vector<double> &shard : load.shards) {
                QVERIFY(std::any_of(shard.begin(), shard.end(),
                                    [](double share) { return share > 0; }));
            }
        }
    }

    void phasesComeInOrder()
    {
        ExperimentRunner runner;
        QSignalSpy phases(&runner, &ExperimentRunner::phaseChanged);
        ExperimentSpec spec = smallSpec();
        spec.shardCounts = {1, 2};
        QCoro::waitFor(runner.run(spec, {0, 1, false}));
        QList<ExperimentPhase> seen;
        for (const QList<QVariant> &args : phases)
            seen.append(args[0].value<ExperimentPhase>());
        QCOMPARE(seen,
                 (QList<ExperimentPhase>{ExperimentPhase::Calibrating, ExperimentPhase::DrawingPlan,
                                         ExperimentPhase::Running, ExperimentPhase::Settling,
                                         ExperimentPhase::Running, ExperimentPhase::Summarizing,
                                         ExperimentPhase::Idle}));
    }

    void cancelAtEachPhaseEndsWithTheTruth_data()
    {
        QTest::addColumn<ExperimentPhase>("phase");
        QTest::addColumn<bool>("cancelled");
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("settleMs");
        QTest::addColumn<bool>("later"); // cancel from the event loop, once the phase is under way
        // A 10-minute pause: a cancel that did not cut it short would hang the test past ctest's
        // 300 s time-out.
        constexpr int kLongPause = 600'000;
        QTest::newRow("calibrating")
            << ExperimentPhase::Calibrating << true << 0 << kLongPause << false;
        QTest::newRow("drawing the plan")
            << ExperimentPhase::DrawingPlan << true << 0 << kLongPause << false;
        QTest::newRow("before the first run")
            << ExperimentPhase::Running << true << 0 << kLongPause << false;
        // The first run completed; the pause is cut short and nothing more starts.
        QTest::newRow("settling") << ExperimentPhase::Settling << true << 1 << kLongPause << false;
        QTest::newRow("during the pause")
            << ExperimentPhase::Settling << true << 1 << kLongPause << true;
        // Every run has completed by then: a late cancel does not relabel them.
        QTest::newRow("summarizing") << ExperimentPhase::Summarizing << false << 2 << 1 << false;
    }
    void cancelAtEachPhaseEndsWithTheTruth()
    {
        QFETCH(ExperimentPhase, phase);
        QFETCH(bool, cancelled);
        QFETCH(int, runs);
        QFETCH(int, settleMs);
        QFETCH(bool, later);
        ExperimentRunner runner;
        QSignalSpy started(&runner, &ExperimentRunner::runStarted);
        bool done = false;
        connect(&runner, &ExperimentRunner::phaseChanged, this, [&](ExperimentPhase p) {
            if (p == phase && !done) {
                done = true;
                if (later)
                    QTimer::singleShot(0, &runner, &ExperimentRunner::cancel);
                else
                    runner.cancel();
            }
        });
        ExperimentSpec spec = smallSpec();
        spec.shardCounts = {1, 2};
        const ExperimentResult result = QCoro::waitFor(runner.run(spec, {0, settleMs, false}));
        QVERIFY(done);
        QCOMPARE(result.cancelled, cancelled);
        QCOMPARE(int(result.runs.size()), runs);
        QCOMPARE(int(started.size()), runs);
        for (const RunResult &r : result.runs)
            QVERIFY(r.completed());
        QCOMPARE(result.summary.runOutliers.size(), result.runs.size());
        QVERIFY(!runner.isRunning());
    }

    void cancelMidRunKeepsTheCancelledRun()
    {
        ExperimentRunner runner;
        ExperimentSpec spec = smallSpec();
        spec.workload = WorkloadSpec{5000, 1000, 3000, 100000, 500000, Kernel::Sum, 5};
        spec.shardCounts = {2, 1};
        QCoro::Task<ExperimentResult> task = runner.run(spec);
        QTRY_VERIFY_WITH_TIMEOUT(runner.progress().run.tasks > 0, 10000);
        const ExperimentProgress p = runner.progress();
        QCOMPARE(p.phase, ExperimentPhase::Running);
        QCOMPARE(p.step.shards, 2);
        QCOMPARE(p.run.shardClocks.size(), std::size_t(2));
        QCOMPARE(p.run.shardRecentMaxLagNs.size(), std::size_t(2));
        runner.cancel();
        const ExperimentResult result = QCoro::waitFor(task);
        QVERIFY(result.cancelled);
        QCOMPARE(result.runs.size(), std::size_t(1)); // the 1-loop run never started
        QCOMPARE(result.runs[0].status, RunStatus::Cancelled);
        QVERIFY(result.runs[0].tasksDone < result.runs[0].tasks);
        QVERIFY(std::isnan(result.summary.runSpeedups[0])); // a cancelled run has no speed
    }

    void cancelDuringTheWarmupLeavesNoRun()
    {
        ExperimentRunner runner;
        connect(&runner, &ExperimentRunner::runStarted, this, [&](const ExperimentStep &s) {
            if (s.warmup())
                runner.cancel();
        });
        ExperimentSpec spec = smallSpec();
        spec.warmup = true;
        const ExperimentResult result = QCoro::waitFor(runner.run(spec));
        QVERIFY(result.cancelled);
        QVERIFY(result.runs.empty());
    }

    void failedRunEndsTheExperimentOnlyWhenAsked_data()
    {
        QTest::addColumn<bool>("stopOnFailure");
        QTest::addColumn<int>("runs");
        QTest::newRow("experiment goes on") << false << 2;
        QTest::newRow("compare stops") << true << 1;
    }
    void failedRunEndsTheExperimentOnlyWhenAsked()
    {
        QFETCH(bool, stopOnFailure);
        QFETCH(int, runs);
        ExperimentRunner runner;
        std::vector<RunResult> finished;
        connect(&runner, &ExperimentRunner::runFinished, this,
                [&](const RunResult &r, const ExperimentStep &) { finished.push_back(r); });
        ExperimentSpec spec = smallSpec();
        spec.shardCounts = {1, 2};
        spec.failTask = 17;
        spec.warmup = true;
        const ExperimentResult result = QCoro::waitFor(runner.run(spec, {1.0, 0, stopOnFailure}));
        QVERIFY(finished.front().completed()); // the warm-up runs without the injected failure
        QVERIFY(!result.cancelled);
        QCOMPARE(int(result.runs.size()), runs);
        for (const RunResult &r : result.runs)
            QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(result.nsPerIter, 1.0); // given, so not measured again
    }

    void aSecondRunWhileBusyIsRefused()
    {
        ExperimentRunner runner;
        QCoro::Task<ExperimentResult> first = runner.run(smallSpec());
        const ExperimentResult second = QCoro::waitFor(runner.run(smallSpec()));
        QVERIFY(second.cancelled);
        QVERIFY(second.runs.empty());
        const ExperimentResult result = QCoro::waitFor(first);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.runs.size(), std::size_t(1));
    }

    void stepsInterleaveConfigurationsAfterTheWarmup()
    {
        ExperimentSpec spec;
        spec.shardCounts = {1, 4};
        spec.repeats = 3;
        spec.warmup = true;
        const std::vector<ExperimentStep> steps = experimentSteps(spec);
        QCOMPARE(steps.size(), std::size_t(7));
        QVERIFY(steps[0].warmup());
        QCOMPARE(steps[0].shards, 1);
        for (std::size_t i = 1; i < steps.size(); ++i) {
            QCOMPARE(steps[i].shards, i % 2 == 1 ? 1 : 4);
            QCOMPARE(steps[i].repeat, int(i - 1) / 2);
            QCOMPARE(steps[i].runIndex, int(i) - 1);
        }
    }

private:
    static ExperimentSpec smallSpec()
    {
        ExperimentSpec spec;
        spec.workload = WorkloadSpec{200, 0, 10, 100, 2000, Kernel::Sum, 3};
        spec.shardCounts = {1};
        return spec;
    }
};

QTEST_GUILESS_MAIN(TestExperimentRunner)
#include "tst_experimentrunner.moc"
