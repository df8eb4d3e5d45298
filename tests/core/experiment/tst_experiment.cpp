// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"
#include "tests/support/runexperiment.h"
#include "tests/support/testplans.h"

#include <QTest>

namespace {

RunResult completedRun(int shards, double wallMs, double idealMs)
{
    RunResult r;
    r.shards = shards;
    r.wallMs = wallMs;
    r.idealMs = idealMs;
    return r;
}

ExperimentSpec smallSpec()
{
    ExperimentSpec spec;
    spec.workload = testplans::workload(200, 0, 10, 100, 2000);
    return spec;
}

} // namespace

class TestExperiment : public QObject
{
    Q_OBJECT
private slots:
    void sweepCoversPowersOfTwoUpToTwiceTheCpus()
    {
        QCOMPARE(sweepShardCounts(1), (QList<int>{1, 2}));
        QCOMPARE(sweepShardCounts(2), (QList<int>{1, 2, 4}));
        QCOMPARE(sweepShardCounts(6), (QList<int>{1, 2, 4, 6, 8, 12}));
        QCOMPARE(sweepShardCounts(16), (QList<int>{1, 2, 4, 8, 16, 32}));
    }

    void runsAreInterleavedAndTheWarmupIsNotARun()
    {
        ExperimentSpec spec = smallSpec();
        spec.shardCounts = {1, 3};
        spec.repeats = 3;
        spec.warmup = true;
        const ExperimentResult result = testexperiments::runExperiment(spec);
        QCOMPARE(result.runs.size(), std::size_t(6));
        const int expectedShards[] = {1, 3, 1, 3, 1, 3};
        const int expectedRepeat[] = {0, 0, 1, 1, 2, 2};
        for (std::size_t i = 0; i < 6; ++i) {
            QCOMPARE(result.runs[i].shards, expectedShards[i]);
            QCOMPARE(result.runs[i].repeat, expectedRepeat[i]);
            QVERIFY(result.runs[i].completed());
            QCOMPARE(result.runs[i].checksum, result.runs[0].checksum);
        }
        // Per-task arrays are kept for the last run only, so repeats do not add up in memory.
        QVERIFY(!result.runs[0].timings);
        QVERIFY(result.runs[5].timings);
        QVERIFY(!result.cancelled);
        QVERIFY(result.nsPerIter > 0);
    }

    void compareRuntimesRunsEveryRuntimeAtEveryKInterleaved()
    {
        ExperimentSpec spec = smallSpec();
        spec.runtimes = {Runtime::Threads, Runtime::Stealing};
        spec.shardCounts = {1, 2};
        spec.repeats = 2;
        spec.warmup = true;
        const ExperimentResult result = testexperiments::runExperiment(spec);
        QCOMPARE(result.runs.size(), std::size_t(8));
        const Runtime t = Runtime::Threads;
        const Runtime s = Runtime::Stealing;
        const Runtime expectedRuntime[] = {t, t, s, s, t, t, s, s};
        const int expectedShards[] = {1, 2, 1, 2, 1, 2, 1, 2};
        for (std::size_t i = 0; i < 8; ++i) {
            QCOMPARE(result.runs[i].runtime, expectedRuntime[i]);
            QCOMPARE(result.runs[i].shards, expectedShards[i]);
            QCOMPARE(result.runs[i].repeat, int(i / 4));
            QVERIFY(result.runs[i].completed());
            QCOMPARE(result.runs[i].checksum, result.runs[0].checksum);
            if (result.runs[i].shards == 1 || result.runs[i].runtime == t)
                QCOMPARE(result.runs[i].tasksMoved, std::int64_t(0));
        }
        // Statistics per (runtime, K), each against its own runtime's 1 loop.
        const ExperimentSummary &summary = result.summary;
        QCOMPARE(summary.configs.size(), std::size_t(4));
        for (Runtime runtime : {t, s}) {
            for (int k : {1, 2}) {
                const ConfigSummary *c = summary.config(runtime, k);
                QVERIFY(c);
                QCOMPARE(c->runs, 2);
                QCOMPARE(c->completedRuns, 2);
            }
            QCOMPARE(summary.config(runtime, 1)->speedup.value, 1.0);
            const double base = summary.config(runtime, 1)->wallMs.median;
            QCOMPARE(summary.config(runtime, 2)->speedup.value,
                     base / summary.config(runtime, 2)->wallMs.median);
        }
        QCOMPARE(summary.runSpeedups[6],
                 summary.config(s, 1)->wallMs.median / result.runs[6].wallMs);
        QVERIFY(!summary.config(Runtime::Processes, 1));
    }

    void cancelledBeforeStartRunsNothing()
    {
        const ExperimentResult result = testexperiments::runExperiment(smallSpec(), true);
        QVERIFY(result.cancelled);
        QVERIFY(result.runs.empty());
        QCOMPARE(result.verdict(), QStringLiteral("cancelled: no verdict"));
    }

    void verdictSaysFasterSlowerOrAsFast_data()
    {
        QTest::addColumn<double>("wallK");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("faster")
            << 500.0 << "4 loops: 2.00× faster than 1 loop (ideal 3.00×) · one run per K";
        QTest::newRow("slower")
            << 2000.0 << "4 loops: 2.00× slower than 1 loop (ideal 3.00×) · one run per K";
        QTest::newRow("same") << 1003.0
                              << "4 loops: as fast as 1 loop (ideal 3.00×) · one run per K";
    }

    void verdictSaysFasterSlowerOrAsFast()
    {
        QFETCH(double, wallK);
        QFETCH(QString, verdict);
        ExperimentResult result;
        result.spec.shardCounts = {1, 4};
        result.runs = {completedRun(1, 1000, 900), completedRun(4, wallK, 300)};
        result.summary = summarizeExperiment(result);
        QCOMPARE(result.verdict(), verdict);
    }

    void cancelledAndFailedRunsStayOutOfTheMedians()
    {
        ExperimentResult result;
        result.spec.shardCounts = {1, 2};
        result.runs = {completedRun(1, 1000, 900), completedRun(2, 600, 450),
                       completedRun(2, 5, 450)};
        result.runs[2].status = RunStatus::Cancelled;
        QCOMPARE(summarizeExperiment(result).config(Runtime::Threads, 2)->wallMs.median, 600.0);
        result.runs[2].status = RunStatus::Failed;
        QCOMPARE(summarizeExperiment(result).config(Runtime::Threads, 2)->wallMs.median, 600.0);
        // And so out of the verdict: 1000 / 600.
        result.summary = summarizeExperiment(result);
        QCOMPARE(result.verdict(),
                 QStringLiteral("2 loops: 1.67× faster than 1 loop (ideal 2.00×) · one run per K"));
    }

    void verdictNamesTheFastestKThatCompleted_data()
    {
        QTest::addColumn<QList<int>>("failed"); // shard counts whose run failed
        QTest::addColumn<QString>("verdict");
        QTest::newRow("none failed")
            << QList<int>{} << "8 loops: 4.00× faster than 1 loop (ideal 1.00×) · one run per K";
        QTest::newRow("top failed")
            << QList<int>{8} << "2 loops: 2.00× faster than 1 loop (ideal 1.00×) · one run per K";
        QTest::newRow("all but base failed")
            << QList<int>{2, 8} << "1 loop: 1.000 s (ideal 0.900 s)";
        QTest::newRow("base failed") << QList<int>{1} << "no completed run on 1 loop: no verdict";
        QTest::newRow("all failed") << QList<int>{1, 2, 8} << "no completed runs: no verdict";
    }

    void verdictNamesTheFastestKThatCompleted()
    {
        QFETCH(QList<int>, failed);
        QFETCH(QString, verdict);
        ExperimentResult result;
        result.spec.shardCounts = {1, 8, 2};
        result.runs = {completedRun(1, 1000, 900), completedRun(8, 250, 900),
                       completedRun(2, 500, 900)};
        for (RunResult &r : result.runs) {
            if (failed.contains(r.shards))
                r.status = RunStatus::Failed;
        }
        result.summary = summarizeExperiment(result);
        QCOMPARE(result.verdict(), verdict);
    }

    void validationNamesShardsAndRepeats()
    {
        ExperimentSpec spec = smallSpec();
        spec.shardCounts = {1, 2000};
        spec.repeats = 0;
        const FieldErrors errors = spec.validate();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0].field, QStringLiteral("shards"));
        QCOMPARE(errors[0].message, QStringLiteral("2,000 is outside 1 to 1,024"));
        QCOMPARE(errors[1].field, QStringLiteral("repeat"));
        QCOMPARE(errors[1].message, QStringLiteral("0 is outside 1 to 1,000"));
        spec = smallSpec();
        spec.runtimes.clear();
        QCOMPARE(spec.validate().value(0).field, QStringLiteral("runtime"));
    }
};

QTEST_GUILESS_MAIN(TestExperiment)
#include "tst_experiment.moc"
