// SPDX-License-Identifier: MIT
#include "core/experiment/experimentestimate.h"

#include <QTest>

#include <map>

// The estimate before an experiment: each run is its plan's ideal bound plus its workers'
// start-up, and the experiment every runtime at every K, repeats times, with the warm-up and the
// settle pauses. Values worked out by hand from the model in experimentestimate.h.
class TestExperimentEstimate : public QObject
{
    Q_OBJECT
private slots:
    void aRunIsTheBoundOfItsMeanWorkPlusItsStartUps_data()
    {
        QTest::addColumn<int>("shards");
        QTest::addColumn<double>("nsPerIter");
        QTest::addColumn<double>("startMs");
        QTest::addColumn<double>("expectedMs");
        // 1,000 tasks of 1M iterations: at 1 ns each, 1 ms a task and 1,000 ms of work in all.
        // One core: the first IO ends at 200 ms, then all the work.
        QTest::newRow("threads K=1") << 1 << 1.0 << 0.0 << 1200.0;
        // Two cores halve the work; the last IO (1,000 ms) and its own task are then later.
        QTest::newRow("threads K=2") << 2 << 1.0 << 0.0 << 1001.0;
        // Past the CPUs K adds no cores, only start-ups: 4 workers of 10 ms over 2 cores.
        QTest::newRow("processes K=4") << 4 << 1.0 << 10.0 << 1021.0;
        // CPython at 30 ns an iteration: 30 s of work.
        QTest::newRow("asyncio K=1") << 1 << 30.0 << 40.0 << 30240.0;
        QTest::newRow("asyncio K=2") << 2 << 30.0 << 40.0 << 15240.0;
        // A sweep's K = 1,024 of Python workers: 20 s of start-ups before its 15 s of work.
        QTest::newRow("asyncio K=1024") << 1024 << 30.0 << 40.0 << 35680.0;
    }
    void aRunIsTheBoundOfItsMeanWorkPlusItsStartUps()
    {
        QFETCH(int, shards);
        QFETCH(double, nsPerIter);
        QFETCH(double, startMs);
        QFETCH(double, expectedMs);
        QCOMPARE(ExperimentEstimate::runMs(plan(), shards, {nsPerIter, startMs}, 2), expectedMs);
    }

    void theMeanOfTheCpuShapeIsTheWork()
    {
        // Uniform 500k to 1.5M has the same mean as 1M flat.
        WorkloadSpec w = plan();
        w.cpuMin = 500'000;
        w.cpuMax = 1'500'000;
        QCOMPARE(ExperimentEstimate::runMs(w, 1, {1.0, 0}, 2), 1200.0);
    }

    void everyRuntimeKAndRepeatCounts()
    {
        ExperimentSpec spec;
        spec.workload = plan();
        spec.runtimes = {Runtime::Threads, Runtime::Asyncio};
        spec.shardCounts = {1, 2};
        spec.repeats = 3;
        spec.warmup = true;
        const std::map<Runtime, RuntimeCost> costs{{Runtime::Threads, {1.0, 0}},
                                                   {Runtime::Asyncio, {30.0, 40.0}}};
        auto costOf = [&](Runtime r) -> std::optional<RuntimeCost> {
            const auto it = costs.find(r);
            return it == costs.end() ? std::nullopt : std::optional(it->second);
        };
        const auto e = ExperimentEstimate::of(spec, costOf, 2, 250);
        QVERIFY(e);
        // 4 configurations x 3 repeats, and the warm-up of the first (threads, K = 1).
        QCOMPARE(e->runs, 13);
        QCOMPARE(e->totalMs, 4 * (1200.0 + 250) + 3 * (1001.0 + 250) + 3 * (30240.0 + 250) +
                                 3 * (15240.0 + 250));
        QCOMPARE(e->longestRunMs, 30240.0);
        QCOMPARE(e->longestRuntime, Runtime::Asyncio);
        QCOMPARE(e->longestShards, 1);

        // One more repeat adds one run of every configuration; no warm-up takes one away.
        spec.repeats = 4;
        spec.warmup = false;
        const auto more = ExperimentEstimate::of(spec, costOf, 2, 250);
        QCOMPARE(more->runs, 16);
        QCOMPARE(more->totalMs, 4 * (1200.0 + 250) + 4 * (1001.0 + 250) + 4 * (30240.0 + 250) +
                                    4 * (15240.0 + 250));

        // A runtime whose cost is not measured yet: no estimate rather than a wrong one.
        spec.runtimes.append(Runtime::AsyncioUvloop);
        QVERIFY(!ExperimentEstimate::of(spec, costOf, 2, 250));
    }

private:
    static WorkloadSpec plan()
    {
        return WorkloadSpec{1000, 200, 1000, 1'000'000, 1'000'000, Kernel::Sum, 1};
    }
};

QTEST_GUILESS_MAIN(TestExperimentEstimate)
#include "tst_experimentestimate.moc"
