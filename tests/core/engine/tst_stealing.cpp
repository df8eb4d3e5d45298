// SPDX-License-Identifier: MIT
#include "core/base/clock.h"
#include "core/engine/engine.h"
#include "core/engine/readyqueue.h"
#include "core/engine/shardset.h"
#include "core/workload/kernel.h"
#include "core/workload/partition.h"
#include "core/workload/taskplan.h"
#include "tests/support/runblocking.h"
#include "tests/support/testplans.h"

#include <QTest>

#include <QCoroTask>

#include <thread>

using testplans::makePlan;
using testplans::referenceChecksum;

namespace {

RunConfig stealing(int loops, Partition partition = Partition::Contiguous)
{
    RunConfig config{loops, partition};
    config.runtime = Runtime::Stealing;
    return config;
}

// Tasks whose CPU part ran on another loop than the one their slice belongs to, counted from the
// per-task record.
std::int64_t movedByRecord(const RunResult &r)
{
    std::int64_t moved = 0;
    for (std::size_t i = 0; i < r.timings->size(); ++i) {
        if ((*r.timings)[i].doneNs < 0)
            continue;
        const int owner = shardOf(r.partition, r.timings->size(), r.shards, std::uint32_t(i));
        moved += (*r.cpuLoops)[i] != owner ? 1 : 0;
    }
    return moved;
}

} // namespace

// The stealing runtime: the same plan, checksum and per-task records as threads, with CPU parts
// run by whichever loop is idle. How much that buys is a figure of tests/bench/bench_stealing.
class TestStealing : public QObject
{
    Q_OBJECT
private slots:
    void theQueueHandsPartsOutInTheOrderTheirIoCompleted()
    {
        int woken = -1;
        int ended = 0;
        ReadyQueue queue(3, 3, [&] { ++ended; });
        queue.attach(0, [&] { woken = 0; });
        queue.attach(1, [&] { woken = 1; });
        queue.attach(2, [&] { woken = 2; });
        // Every loop starts parked; a push wakes the loop parked last, never the pusher.
        queue.push({7, 10, 0, 0, 2}, 2);
        QCOMPARE(woken, 1);
        woken = -1;
        queue.push({8, 10, 0, 0, 2}, 2);
        QCOMPARE(woken, 0);
        woken = -1;
        queue.push({9, 10, 0, 0, 2}, 2);
        QCOMPARE(woken, -1); // nobody parked any more
        QCOMPARE(queue.pop(1)->task, 7U);
        QCOMPARE(queue.pop(0)->task, 8U);
        QCOMPARE(queue.pop(1)->task, 9U);
        QVERIFY(!queue.pop(1)); // parks loop 1
        queue.detach(0);
        QVERIFY(!queue.pop(0)); // a detached loop is not parked, hence never woken
        queue.push({10, 10, 0, 0, 2}, 2);
        QCOMPARE(woken, 1);
        queue.retire(2);
        QCOMPARE(ended, 0);
        queue.retire(1);
        QCOMPARE(ended, 1);
        QCOMPARE(queue.outstanding(), std::int64_t(0));
    }

    void sameChecksumAndRecordsAsThreadsForEveryLoopCount_data()
    {
        QTest::addColumn<int>("partition");
        QTest::newRow("contiguous") << int(Partition::Contiguous);
        QTest::newRow("round-robin") << int(Partition::RoundRobin);
    }

    void sameChecksumAndRecordsAsThreadsForEveryLoopCount()
    {
        QFETCH(int, partition);
        const auto plan = makePlan(2000, 0, 30, 1000, 60000);
        const std::uint64_t expected = referenceChecksum(*plan);
        for (int k : {1, 2, 3, 4}) {
            const RunResult threads = runBlocking(plan, RunConfig{k, Partition(partition)}, 1.0);
            const RunResult r = runBlocking(plan, stealing(k, Partition(partition)), 1.0);
            const QByteArray where = QByteArray::number(k) + " loops";
            QVERIFY2(r.completed(), where + " " + r.error.toUtf8());
            QCOMPARE(r.runtime, Runtime::Stealing);
            QCOMPARE(threads.runtime, Runtime::Threads);
            QCOMPARE(r.checksum, expected);
            QCOMPARE(threads.checksum, expected);
            QCOMPARE(r.tasksDone, std::int64_t(2000));
            QCOMPARE(int(r.perShard.size()), k);
            std::int64_t loopTasks = 0;
            std::uint64_t loopChecksums = 0;
            for (const ShardStats &s : r.perShard) {
                loopTasks += s.tasksDone;
                loopChecksums += s.checksum;
            }
            QCOMPARE(loopTasks, std::int64_t(2000));
            QCOMPARE(loopChecksums, expected);
            for (std::size_t i = 0; i < plan->size(); ++i) {
                const TaskTiming &t = (*r.timings)[i];
                QVERIFY2(t.resumedNs >= plan->ioNs(i), "a CPU part began before its IO was due");
                QVERIFY(t.doneNs >= t.resumedNs);
                QVERIFY(t.workNs > 0 && t.workNs <= t.doneNs - t.resumedNs);
                QVERIFY((*r.cpuLoops)[i] < k);
            }
            QVERIFY(r.idealMs > 0 && r.efficiency > 0);
            QCOMPARE(r.tasksMoved, movedByRecord(r));
            if (k == 1)
                QCOMPARE(r.tasksMoved, std::int64_t(0));
            QCOMPARE(threads.tasksMoved, std::int64_t(0));
            QVERIFY(!threads.cpuLoops);
        }
    }

    void anIdleLoopRunsAnotherLoopsTasks()
    {
        // Every IO due at t0: both slices' CPU parts (2 ms each) enter the queue at once and
        // each loop takes the oldest part, whoever owns it, so parts cross over.
        WorkloadSpec spec = testplans::workload(400, 0, 0, 2'000'000, 2'000'000);
        const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(spec));
        const RunResult r = runBlocking(plan, stealing(2), 1.0);
        QVERIFY2(r.completed(), qPrintable(r.error));
        QCOMPARE(r.checksum, referenceChecksum(*plan));
        QVERIFY2(r.tasksMoved > 0, "two loops with 400 ready tasks shared none");
        QCOMPARE(r.tasksMoved, movedByRecord(r));
        QCOMPARE(r.perShard[0].tasksDone + r.perShard[1].tasksDone, std::int64_t(400));
    }

    void anInjectedFailureFailsTheRunWithItsTask()
    {
        const auto plan = makePlan(300, 0, 10, 1000, 5000);
        RunConfig config = stealing(2);
        config.failTask = 17;
        const RunResult r = runBlocking(plan, config, 1.0);
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.tasksFailed, std::int64_t(1));
        QCOMPARE(r.tasksDone, std::int64_t(299));
        QVERIFY2(r.error.contains(QLatin1String("task 17: injected failure")), qPrintable(r.error));
    }

    void cancelEndsEveryLoop()
    {
        // ~4 s of work on 2 loops, cancelled at 150 ms: parts queued, parts running, sleeps.
        const auto plan = makePlan(4000, 0, 500, 1'000'000, 3'000'000);
        std::atomic<bool> cancel{false};
        RunResult r;
        std::thread run([&] { r = runBlocking(plan, stealing(2), 1.0, &cancel); });
        QThread::msleep(150);
        cancel = true;
        run.join();
        QCOMPARE(r.status, RunStatus::Cancelled);
        QVERIFY(r.tasksDone < r.tasks);
        // A finished task's record stands, under its id, with the loop that ran it.
        for (std::size_t i = 0; i < plan->size(); ++i) {
            if ((*r.timings)[i].doneNs >= 0)
                QVERIFY((*r.cpuLoops)[i] < 2);
        }
    }

    void theEngineRunsTheStealingRuntime()
    {
        Engine engine;
        const auto plan = makePlan(200, 0, 5, 1000, 2000);
        const RunResult r = QCoro::waitFor(engine.run(plan, stealing(2), 1.0));
        QVERIFY2(r.completed(), qPrintable(r.error));
        QCOMPARE(r.runtime, Runtime::Stealing);
        QCOMPARE(r.checksum, referenceChecksum(*plan));
    }
};

QTEST_GUILESS_MAIN(TestStealing)
#include "tst_stealing.moc"
