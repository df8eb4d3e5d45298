// SPDX-License-Identifier: MIT
#include "core/experiment/experimentsummary.h"

#include "tests/support/syntheticexperiment.h"

#include <QTest>

#include <cmath>

class TestExperimentSummary : public QObject
{
    Q_OBJECT

private slots:
    void onlyCompletedRunsEnterStatistics();
    void configurationsAscendByShardCount();
    void baselineSpeedupIsExactlyOne();
    void speedupAndIdealComeFromMedians();
    void outliersMapBackToTheirRuns();
    void eachRunsSpeedupIsReadFromTheSummary();
    void mannWhitneyNeedsFiveRunsOnBothSides();
    void amdahlIsFittedToMedianSpeedups();
    void noAmdahlFitWithoutAOneLoopBaseline();
    void amdahlSeesNoMoreCoresThanTheMachineHas();
    void cancelledBeforeAnyRunLeavesEveryValueUndefined();
    void workInflationComparesMedianWorkWithTheBaseline();
};

void TestExperimentSummary::onlyCompletedRunsEnterStatistics()
{
    const ExperimentSummary s = summarizeExperiment(synthetic::experiment());
    const ConfigSummary *four = s.config(Runtime::Threads, 4);
    QVERIFY(four);
    QCOMPARE(four->runs, 6);
    QCOMPARE(four->completedRuns, 5);
    QCOMPARE(four->wallMs.n, std::size_t{5});
    QCOMPARE(four->wallMs.max, 3755.9); // not the failed run's 99999
    QCOMPARE(four->wallMs.median, 3712.4);
    QCOMPARE(four->wallMs.stddev, summarize(synthetic::kFourWallMs).stddev);
}

void TestExperimentSummary::configurationsAscendByShardCount()
{
    ExperimentResult e = synthetic::experiment();
    e.spec.shardCounts = {4, 1, 2, 4};
    const ExperimentSummary s = summarizeExperiment(e);
    QCOMPARE(s.configs.size(), std::size_t{3});
    QCOMPARE(s.configs[0].shards, 1);
    QCOMPARE(s.configs[1].shards, 2);
    QCOMPARE(s.configs[2].shards, 4);
    QCOMPARE(s.baselineShards, 1);
}

void TestExperimentSummary::baselineSpeedupIsExactlyOne()
{
    const ExperimentSummary s = summarizeExperiment(synthetic::experiment());
    QCOMPARE(s.config(Runtime::Threads, 1)->speedup.value, 1.0);
    QCOMPARE(s.config(Runtime::Threads, 1)->speedup.error, 0.0);
    QCOMPARE(s.config(Runtime::Threads, 1)->idealSpeedup, 1.0);
    QVERIFY(std::isnan(s.config(Runtime::Threads, 1)->vsBaseline.p));
}

void TestExperimentSummary::speedupAndIdealComeFromMedians()
{
    const ExperimentSummary s = summarizeExperiment(synthetic::experiment());
    const Ratio expected =
        ratioOfMedians(summarize(synthetic::kBaseWallMs), summarize(synthetic::kFourWallMs));
    QCOMPARE(s.config(Runtime::Threads, 4)->speedup.value, 10507.9 / 3712.4);
    QCOMPARE(s.config(Runtime::Threads, 4)->speedup.error, expected.error);
    QCOMPARE(s.config(Runtime::Threads, 4)->idealSpeedup, 9000.0 / 2500.0);
    QCOMPARE(s.config(Runtime::Threads, 2)->idealSpeedup, 9000.0 / 4600.0);
    QCOMPARE(s.config(Runtime::Threads, 4)->efficiency.median, 2500 / 3712.4);
}

void TestExperimentSummary::outliersMapBackToTheirRuns()
{
    const ExperimentResult e = synthetic::experiment();
    const ExperimentSummary s = summarizeExperiment(e);
    QCOMPARE(s.runOutliers.size(), e.runs.size());
    for (std::size_t i = 0; i < e.runs.size(); ++i) {
        const bool wild = e.runs[i].shards == 2 && e.runs[i].wallMs == 6400.0;
        QCOMPARE(bool(s.runOutliers[i]), wild);
    }
    QCOMPARE(s.config(Runtime::Threads, 2)->outliers, 1);
    QCOMPARE(s.config(Runtime::Threads, 4)->outliers, 0); // the failed run is not judged
}

// speedupOfRun() is the one read of a run's speedup (history, store, reports): runSpeedup()
// against the baseline's median wall, NaN for a run that did not complete and past the runs the
// summary knows; isOutlier() likewise false past them.
void TestExperimentSummary::eachRunsSpeedupIsReadFromTheSummary()
{
    const ExperimentResult e = synthetic::experiment();
    const ExperimentSummary s = summarizeExperiment(e);
    const double baseMedian = 10507.9; // the median of kBaseWallMs
    int measured = 0;
    for (std::size_t i = 0; i < e.runs.size(); ++i) {
        const RunResult &r = e.runs[i];
        if (!r.completed()) {
            QVERIFY(std::isnan(s.speedupOfRun(i)));
            continue;
        }
        QCOMPARE(s.speedupOfRun(i), baseMedian / r.wallMs);
        QCOMPARE(s.speedupOfRun(i), runSpeedup(baseMedian, r));
        QCOMPARE(s.isOutlier(i), r.shards == 2 && r.wallMs == 6400.0);
        ++measured;
    }
    QVERIFY(measured > 10);
    QVERIFY(std::isnan(s.speedupOfRun(e.runs.size())));
    QVERIFY(!s.isOutlier(e.runs.size()));
    QVERIFY(std::isnan(ExperimentSummary{}.speedupOfRun(0)));
}

void TestExperimentSummary::mannWhitneyNeedsFiveRunsOnBothSides()
{
    const ExperimentSummary s = summarizeExperiment(synthetic::experiment());
    // Five runs each, completely separated: R's wilcox.test(exact = FALSE) gives W = 25,
    // p = 0.012185780355344811 (see tst_statistics).
    QCOMPARE(s.config(Runtime::Threads, 4)->vsBaseline.u, 25.0);
    QVERIFY(std::abs(s.config(Runtime::Threads, 4)->vsBaseline.p - 0.012185780355344811) < 1e-12);

    ExperimentResult fewer = synthetic::experiment();
    fewer.runs.erase(fewer.runs.begin()); // the baseline keeps four completed runs
    const ExperimentSummary f = summarizeExperiment(fewer);
    QVERIFY(std::isnan(f.config(Runtime::Threads, 4)->vsBaseline.p));
    QVERIFY(std::isnan(f.config(Runtime::Threads, 2)->vsBaseline.u));
}

void TestExperimentSummary::amdahlIsFittedToMedianSpeedups()
{
    const ExperimentSummary s = summarizeExperiment(synthetic::experiment());
    std::vector<double> ks;
    std::vector<double> speedups;
    for (const ConfigSummary &c : s.configs) {
        ks.push_back(c.shards);
        speedups.push_back(c.speedup.value);
    }
    const AmdahlFit expected = amdahlFit(ks, speedups);
    QCOMPARE(s.amdahl.serialFraction, expected.serialFraction);
    // R: S <- c(10507.9 / 5400.1, 10507.9 / 3712.4); K <- c(2, 4); x <- 1 - 1/K; y <- 1/S - 1/K
    //    sum(x * y) / sum(x * x) -> 0.10390936635952296
    QVERIFY(std::abs(s.amdahl.serialFraction - 0.10390936635952296) < 1e-14);
    QCOMPARE(s.config(Runtime::Threads, 4)->amdahlSpeedup, expected.speedup(4));
}

void TestExperimentSummary::amdahlSeesNoMoreCoresThanTheMachineHas()
{
    // On 2 logical CPUs, 2 and 4 loops are both 2-way parallel: the fit uses K = (2, 2).
    // By hand: x = 1 - 1/2 = 0.5 for both; y = 1/S - 1/2 = 5400.1/10507.9 - 0.5 = 0.013908 and
    // 3712.4/10507.9 - 0.5 = -0.146704; s = sum(x*y)/sum(x*x) = y1 + y2 < 0, clamped to 0.
    // So the fitted curve is the ideal one, and it stops at 2x: it never passes the machine.
    ExperimentResult e = synthetic::experiment();
    e.machine.logicalCpus = 2;
    const ExperimentSummary s = summarizeExperiment(e);
    QCOMPARE(s.amdahl.serialFraction, 0.0);
    QCOMPARE(s.amdahl.cores, 2.0);
    QCOMPARE(s.config(Runtime::Threads, 2)->amdahlSpeedup, 2.0);
    QCOMPARE(s.config(Runtime::Threads, 4)->amdahlSpeedup, 2.0);
    QCOMPARE(s.amdahl.speedup(64), 2.0);
}

void TestExperimentSummary::noAmdahlFitWithoutAOneLoopBaseline()
{
    ExperimentResult e = synthetic::experiment();
    e.spec.shardCounts = {2, 4};
    std::erase_if(e.runs, [](const RunResult &r) { return r.shards == 1; });
    const ExperimentSummary s = summarizeExperiment(e);
    QCOMPARE(s.baselineShards, 2);
    QVERIFY(std::isnan(s.amdahl.serialFraction));
    QVERIFY(std::isnan(s.config(Runtime::Threads, 4)->amdahlSpeedup));
    QCOMPARE(s.config(Runtime::Threads, 2)->speedup.value, 1.0);
}

void TestExperimentSummary::cancelledBeforeAnyRunLeavesEveryValueUndefined()
{
    ExperimentResult e = synthetic::experiment();
    e.runs.clear();
    e.cancelled = true;
    const ExperimentSummary s = summarizeExperiment(e);
    QCOMPARE(s.configs.size(), std::size_t{3}); // the asked-for configurations, with no data
    for (const ConfigSummary &c : s.configs) {
        QCOMPARE(c.runs, 0);
        QCOMPARE(c.wallMs.n, std::size_t{0});
        QVERIFY(std::isnan(c.wallMs.median));
        QVERIFY(std::isnan(c.speedup.value));
        QVERIFY(std::isnan(c.idealSpeedup));
    }
    QVERIFY(std::isnan(s.amdahl.serialFraction));
    QVERIFY(s.runOutliers.empty());
}

void TestExperimentSummary::workInflationComparesMedianWorkWithTheBaseline()
{
    ExperimentResult e = synthetic::experiment();
    // Baseline work 8000, 8100, 7900, 8000, 8000 ms (median 8000); K = 2 median 8400 (5 %
    // more); K = 4 unknown (a report from before work was measured) except one run.
    const double base[5] = {8000, 8100, 7900, 8000, 8000};
    const double two[5] = {8400, 8300, 8500, 8400, 8450};
    for (RunResult &r : e.runs) {
        const auto rep = static_cast<std::size_t>(r.repeat);
        if (r.shards == 1)
            r.workMs = base[rep];
        else if (r.shards == 2)
            r.workMs = two[rep];
        else
            r.workMs = r.repeat == 0 ? 8800 : std::numeric_limits<double>::quiet_NaN();
    }
    e.runs.back().workMs = 1e9; // the failed run: never counted
    const ExperimentSummary s = summarizeExperiment(e);
    QCOMPARE(s.config(Runtime::Threads, 1)->workInflation, 1.0);
    QCOMPARE(s.config(Runtime::Threads, 1)->workMs.median, 8000.0);
    QCOMPARE(s.config(Runtime::Threads, 2)->workInflation, 8400.0 / 8000.0);
    QCOMPARE(s.config(Runtime::Threads, 4)->workMs.n, std::size_t{1});
    QCOMPARE(s.config(Runtime::Threads, 4)->workInflation, 8800.0 / 8000.0);

    // Without a measured baseline there is nothing to compare with.
    for (RunResult &r : e.runs) {
        if (r.shards == 1)
            r.workMs = std::numeric_limits<double>::quiet_NaN();
    }
    QVERIFY(std::isnan(summarizeExperiment(e).config(Runtime::Threads, 2)->workInflation));
}

QTEST_APPLESS_MAIN(TestExperimentSummary)
#include "tst_experimentsummary.moc"
