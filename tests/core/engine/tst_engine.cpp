// SPDX-License-Identifier: MIT
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/base/workpool.h"
#include "core/engine/engine.h"
#include "core/engine/shardset.h"
#include "core/workload/kernel.h"
#include "core/workload/taskplan.h"
#include "tests/support/runblocking.h"
#include "tests/support/testplans.h"

#include <QTest>
#include <QThreadPool>

#include <QCoroTask>

#include <cmath>
#include <thread>

using testplans::makePlan;
using testplans::referenceChecksum;

namespace {

double lastShardFinishMs(const RunResult &r)
{
    double last = 0;
    for (const ShardStats &s : r.perShard)
        last = std::max(last, s.finishMs);
    return last;
}

// The run's own stamps against the caller's clock: launch <= t0, t0 + last finish <= joined, and
// all of it between the caller's `beforeNs` and `afterNs`. Start overhead, the last shard's
// finish and the join overhead are consecutive pieces of that span, so their sum lies inside it,
// and is no shorter than the part the caller spent waiting for the threads (`waitedNs`).
void verifyOverheadsFitTheCallersSpan(const RunResult &r, std::int64_t beforeNs,
                                      std::int64_t waitedNs, std::int64_t afterNs)
{
    const double lastFinish = lastShardFinishMs(r);
    QVERIFY2(r.startOverheadMs > 0, "t0 is taken after the threads start, never before");
    QVERIFY2(r.joinOverheadMs >= 0, "a thread was joined before its last task was stamped");
    QVERIFY2(lastFinish >= r.wallMs, "a shard stamped its finish before its last task");
    const double sum = r.startOverheadMs + lastFinish + r.joinOverheadMs;
    QVERIFY2(sum <= nsToMs(afterNs - beforeNs), qPrintable(QString::number(sum)));
    QVERIFY2(sum >= nsToMs(waitedNs), qPrintable(QString::number(sum)));
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private slots:
    void everyTaskCompletesWithSameChecksumForEveryShardCount_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::newRow("sum") << int(Kernel::Sum);
        QTest::newRow("hash") << int(Kernel::Hash);
    }

    void everyTaskCompletesWithSameChecksumForEveryShardCount()
    {
        QFETCH(int, kernel);
        const auto plan = makePlan(3000, 0, 30, 1000, 20000, Kernel(kernel));
        const std::uint64_t expected = referenceChecksum(*plan);
        QVERIFY(expected != 0);
        for (Partition partition : {Partition::Contiguous, Partition::RoundRobin}) {
            for (int k : {1, 2, 4, 8}) {
                const std::int64_t before = nowNs();
                const RunResult r = runBlocking(plan, RunConfig{k, partition, false}, 1.0);
                const std::int64_t after = nowNs();
                const QByteArray where =
                    QByteArray::number(k) + " shards, " + partitionName(partition).toLatin1();
                QVERIFY2(r.status == RunStatus::Completed, where + " " + r.error.toUtf8());
                QCOMPARE(r.tasksDone, std::int64_t(3000));
                QVERIFY2(r.checksum == expected, where);
                QCOMPARE(int(r.perShard.size()), k);
                std::int64_t shardTasks = 0;
                std::uint64_t shardChecksums = 0;
                for (const ShardStats &s : r.perShard) {
                    shardTasks += s.tasksDone;
                    shardChecksums += s.checksum;
                }
                // How far the last finish trails the wall time is a figure of
                // tests/bench/bench_engine; here only its place among the run's stamps.
                verifyOverheadsFitTheCallersSpan(r, before, 0, after);
                QCOMPARE(shardTasks, std::int64_t(3000));
                QCOMPARE(shardChecksums, expected);
                double workNs = 0;
                for (std::size_t i = 0; i < plan->size(); ++i) {
                    const TaskTiming &t = (*r.timings)[i];
                    QVERIFY2(t.resumedNs >= plan->ioNs(i), "task resumed before its IO was due");
                    QVERIFY(t.doneNs >= t.resumedNs);
                    // Work is the kernel's CPU time: never more than its wall time.
                    QVERIFY(t.workNs > 0 && t.workNs <= t.doneNs - t.resumedNs);
                    workNs += double(t.workNs);
                }
                QCOMPARE(std::llround(r.workMs * 1e6), std::llround(workNs));
                // Wall is the last completion, which comes after the last IO is due.
                QVERIFY(r.wallMs >= nsToMs(plan->maxIoNs()));
                QVERIFY(r.idealMs > 0 && r.efficiency > 0);
            }
        }
    }

    void lagAndLatencyAreSummarisedFromEveryTasksStamps()
    {
        // How small the lag of an idle shard is (p99 in ms) is measured by
        // tests/bench/bench_engine; here, that the reported figures are the ones the task stamps
        // give.
        const auto plan = makePlan(2000, 0, 200, 0, 0);
        const RunResult r = runBlocking(plan, RunConfig{1, Partition::Contiguous, false}, 1.0);
        QVERIFY(r.completed());
        std::vector<double> lagNs;
        std::vector<double> latencyNs;
        for (std::size_t i = 0; i < plan->size(); ++i) {
            const TaskTiming &t = (*r.timings)[i];
            lagNs.push_back(double(t.resumedNs - plan->ioNs(i)));
            latencyNs.push_back(double(t.doneNs));
            QCOMPARE(t.workNs, std::int64_t(0)); // no iterations: no work, no clock read
        }
        QVERIFY(*std::min_element(lagNs.begin(), lagNs.end()) >= 0);
        QCOMPARE(r.lagMs.p50, percentile(lagNs, 0.50) / 1e6);
        QCOMPARE(r.lagMs.p99, percentile(lagNs, 0.99) / 1e6);
        QCOMPARE(r.lagMs.max, percentile(lagNs, 1.0) / 1e6);
        QVERIFY(r.lagMs.p50 <= r.lagMs.p90 && r.lagMs.p90 <= r.lagMs.p99 &&
                r.lagMs.p99 <= r.lagMs.max);
        QCOMPARE(r.latencyMs.max, r.wallMs); // wall is the last completion
        QCOMPARE(r.latencyMs.p50, percentile(latencyNs, 0.50) / 1e6);
        QVERIFY(r.wallMs >= nsToMs(plan->maxIoNs()));
        QCOMPARE(r.throughputTps, 2000 / (r.wallMs / 1000));
    }

    void cancelStopsEveryShardPromptly_data()
    {
        QTest::addColumn<int>("ioMs");
        QTest::addColumn<qulonglong>("iterations");
        QTest::addColumn<int>("shards");
        // Tasks parked for 1-2 minutes of IO: the sleeps must be woken, not waited out.
        QTest::newRow("during long sleeps") << 60'000 << 1000ULL << 4;
        // The most iterations a task may have, seconds each: kernels must stop mid-burst.
        QTest::newRow("during long CPU bursts")
            << 0 << qulonglong{WorkloadSpec::kMaxIterations} << 2;
    }

    void cancelStopsEveryShardPromptly()
    {
        QFETCH(int, ioMs);
        QFETCH(qulonglong, iterations);
        QFETCH(int, shards);
        const auto plan = makePlan(ioMs ? 20000 : 8, ioMs, ioMs * 2, iterations, iterations);
        std::atomic<bool> cancel{false};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel.store(true);
        });
        const RunResult r = runBlocking(plan, RunConfig{shards}, 1.0, &cancel);
        canceller.join();
        QCOMPARE(r.status, RunStatus::Cancelled);
        // Sleeps woken, bursts stopped: no task reached its end (a sleep or a burst waited out
        // would have finished its task). The cancel latency is a figure of
        // tests/bench/bench_cancel.
        QCOMPARE(r.tasksDone, std::int64_t(0));
    }

    void cancelDuringThreadStartStartsNoMoreAndJoinsTheRest()
    {
        // The flag is already set when launching begins, so no thread may start at all (the
        // mid-start case, timed, is in tests/bench/bench_cancel).
        const auto plan = makePlan(4096, 0, 100, 0, 0);
        std::atomic<bool> cancel{true};
        const RunResult r = runBlocking(plan, RunConfig{RunConfig::kMaxShards}, 1.0, &cancel);
        QCOMPARE(r.status, RunStatus::Cancelled);
        QCOMPARE(r.tasksDone, std::int64_t(0));
        QCOMPARE(r.perShard.size(), std::size_t(0));
        // No t0 was taken, so there is no overhead to report (not the steady clock's epoch), and
        // nothing was measured: not 0, which would be a measurement.
        QVERIFY(std::isnan(r.startOverheadMs));
        QVERIFY(std::isnan(r.joinOverheadMs));
        QVERIFY(std::isnan(r.wallMs));
        QVERIFY(std::isnan(r.elapsedMs));
        QVERIFY(std::isnan(r.lagMs.p99));
        QVERIFY(std::isnan(r.latencyMs.max));
    }

    void asyncEngineResumesItsCallerOnTheCallersThread()
    {
        Engine engine;
        const auto plan = makePlan(500, 0, 20, 100, 1000);
        QThread *resumedOn = nullptr;
        // A coroutine of the caller's: Engine::run resumes it once the pool job has joined.
        const auto caller = [&]() -> QCoro::Task<RunResult> {
            RunResult r =
                co_await engine.run(plan, RunConfig{2, Partition::RoundRobin, false}, 1.0);
            resumedOn = QThread::currentThread();
            co_return r;
        };
        QCoro::Task<RunResult> running = caller();
        QVERIFY(engine.isRunning());
        const RunResult busy = QCoro::waitFor(engine.run(plan, RunConfig{1}, 1.0));
        QCOMPARE(busy.status, RunStatus::Failed); // one run at a time
        QCOMPARE(busy.error, QStringLiteral("another run is in flight on this engine"));
        QVERIFY(engine.isRunning()); // the refused run did not touch the one in flight
        const RunResult r = QCoro::waitFor(running);
        QCOMPARE(resumedOn, QThread::currentThread());
        QVERIFY(r.completed());
        QCOMPARE(r.tasksDone, std::int64_t(500));
        QCOMPARE(r.checksum, referenceChecksum(*plan));
        QVERIFY(!engine.isRunning());
        QCOMPARE(engine.progress().finished, std::int64_t(0));
    }

    void aRunLeavesQtsGlobalThreadPoolFree()
    {
        // Qt's raster paint engine hands large fills to the global pool and waits for them on
        // the GUI thread: a run's join there (it sleeps for the whole run) starved repaints.
        QThreadPool *global = QThreadPool::globalInstance();
        const int activeBefore = global->activeThreadCount();
        Engine engine;
        QCoro::Task<RunResult> running = engine.run(makePlan(8, 300, 300, 0, 0), RunConfig{2}, 1.0);
        QTRY_VERIFY(engine.progress().elapsedNs > 0); // launched: its join is waiting
        QCOMPARE(global->activeThreadCount(), activeBefore);
        QVERIFY(workPool().activeThreadCount() >= 1);
        QVERIFY(QCoro::waitFor(running).completed());
    }

    void destroyingEngineMidRunCancelsAndJoins()
    {
        auto engine = std::make_unique<Engine>();
        // Sleeps of 10-20 minutes: a destructor that waited them out would hang the test past
        // ctest's 300 s time-out. The cancel-and-join latency is a figure of bench_cancel.
        QCoro::Task<RunResult> running =
            engine->run(makePlan(10000, 600'000, 1'200'000, 0, 0), RunConfig{4}, 1.0);
        QTRY_VERIFY(engine->progress().elapsedNs > 0); // the slices are posted, tasks sleep
        engine.reset();
        // The awaiting coroutine still gets its result, and it says what happened.
        const RunResult r = QCoro::waitFor(running);
        QCOMPARE(r.status, RunStatus::Cancelled);
        QVERIFY(r.tasksDone < 10000);
    }

    void startAndJoinOverheadsAreMeasuredFromTheRunsStamps()
    {
        const auto plan = makePlan(100, 0, 5, 0, 100);
        ShardSet set(plan, RunConfig{3}, 1.0);
        const std::int64_t before = nowNs();
        set.launch();
        const std::int64_t launched = nowNs();
        QCOMPARE(set.shards().size(), std::size_t(3));
        QCOMPARE(set.shards()[2]->objectName(), QStringLiteral("shard-2"));
        // Join only after a pause of our own: the join overhead then has to cover it, which an
        // overhead measured from the wrong stamp (or clamped away) would not.
        QThread::msleep(50);
        const std::int64_t joining = nowNs();
        QVERIFY(set.join(5000));
        const std::int64_t after = nowNs();
        const RunResult r = set.result();
        QVERIFY(r.completed());
        QVERIFY(r.startOverheadMs <= nsToMs(launched - before));
        verifyOverheadsFitTheCallersSpan(r, before, joining - launched, after);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
