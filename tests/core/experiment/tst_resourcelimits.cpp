// SPDX-License-Identifier: MIT
#include "core/experiment/experimentrunner.h"
#include "core/experiment/resourcelimits.h"
#include "core/system/systemlimits.h"

#include <QTest>

#include <QCoroTask>

// The one check of what a run needs from the machine (the CLI, the form and ExperimentRunner ask
// it): each limit at its edge, the order the limits are asked in, and a runner that refuses what
// it refuses, with its message.
namespace {

// 100 open files allowed, 10 open: 58 shards fit (10 + 32 spare + 58 = 100), 59 do not.
DescriptorGuard descriptors()
{
    DescriptorGuard d;
    d.limit = 100;
    d.open = 10;
    return d;
}

TransportConfig http(int connections)
{
    TransportConfig t;
    t.kind = Transport::Http;
    t.connections = connections;
    return t;
}

const TransportConfig kTimer{};
const MemoryGuard kNoMemoryLimit{};

} // namespace

class TestResourceLimits : public QObject
{
    Q_OBJECT
private slots:
    void descriptorsForTheShardsAtTheirEdge()
    {
        QVERIFY(!checkResourceLimits(1, 58, kTimer, descriptors(), kNoMemoryLimit));
        const auto over = checkResourceLimits(1, 59, kTimer, descriptors(), kNoMemoryLimit);
        QVERIFY(over);
        QCOMPARE(over->field, QStringLiteral("shards"));
        QVERIFY2(over->message.contains(u"at most 58 shards fit"), qPrintable(over->message));
    }

    void httpRequestsInFlightAtTheirEdge()
    {
        // 8 shards need 50 files: 50 more requests, one connection each, fit and 51 do not.
        QVERIFY(!checkResourceLimits(50, 8, http(0), descriptors(), kNoMemoryLimit));
        const auto perRequest = checkResourceLimits(51, 8, http(0), descriptors(), kNoMemoryLimit);
        QVERIFY(perRequest);
        QCOMPARE(perRequest->field, QStringLiteral("tasks"));
        QVERIFY2(perRequest->message.contains(u"51 requests in flight need 101 open files"),
                 qPrintable(perRequest->message));
        // A pool holds connections x shards: 6 x 8 = 48 fit beside 50, 7 x 8 = 56 do not,
        // however many tasks there are.
        QVERIFY(!checkResourceLimits(100000, 8, http(6), descriptors(), kNoMemoryLimit));
        const auto pool = checkResourceLimits(100000, 8, http(7), descriptors(), kNoMemoryLimit);
        QVERIFY(pool);
        QCOMPARE(pool->field, QStringLiteral("connections"));
        // The timer transport holds no descriptor per task.
        QVERIFY(!checkResourceLimits(100000, 8, kTimer, descriptors(), kNoMemoryLimit));
    }

    void memoryAtItsEdge()
    {
        MemoryGuard memory;
        memory.availableBytes = 64ULL * 1024 * 1024;
        const std::uint64_t most = memory.maxTasks(4);
        QVERIFY(most > 1000); // 32 MiB at 170 B a task: well over 100,000
        QVERIFY(!checkResourceLimits(most, 4, kTimer, DescriptorGuard{}, memory));
        const auto over = checkResourceLimits(most + 1, 4, kTimer, DescriptorGuard{}, memory);
        QVERIFY(over);
        QCOMPARE(over->field, QStringLiteral("tasks"));
    }

    void descriptorsAreAskedBeforeRequestsAndRequestsBeforeMemory()
    {
        MemoryGuard tiny;
        tiny.availableBytes = 1024; // nothing fits
        const auto shards = checkResourceLimits(1000, 59, http(0), descriptors(), tiny);
        QVERIFY(shards);
        QCOMPARE(shards->field, QStringLiteral("shards"));
        QVERIFY(shards->message.contains(u"ulimit -n"));
        const auto requests = checkResourceLimits(1000, 8, http(0), descriptors(), tiny);
        QVERIFY(requests);
        QVERIFY2(requests->message.contains(u"requests in flight"), qPrintable(requests->message));
        const auto memory = checkResourceLimits(1000, 8, kTimer, descriptors(), tiny);
        QVERIFY(memory);
        QVERIFY2(!memory->message.contains(u"ulimit -n"), qPrintable(memory->message));
    }

    void aSpecIsCheckedAtItsLargestShardCount()
    {
        ExperimentSpec spec;
        spec.workload.tasks = 1;
        spec.shardCounts = {1, 58, 2};
        QVERIFY(!checkResourceLimits(spec, descriptors(), kNoMemoryLimit));
        spec.shardCounts = {1, 59, 2};
        const auto over = checkResourceLimits(spec, descriptors(), kNoMemoryLimit);
        QVERIFY(over);
        QCOMPARE(*over, *checkResourceLimits(1, 59, kTimer, descriptors(), kNoMemoryLimit));
    }

    void theRunnerRefusesWhatTheCheckRefusesBeforeDrawingThePlan()
    {
        // 64 MB available, half of it usable: 1,000,000 tasks (170 MB) do not fit.
        qputenv(SystemLimits::kAvailableOverride, "64");
        ExperimentSpec spec;
        spec.workload.tasks = 1000000;
        spec.shardCounts = {1, 2};
        const auto expected =
            checkResourceLimits(spec, SystemLimits::descriptors(), SystemLimits::memory());
        ExperimentRunner runner;
        ExperimentRunner::Options options;
        options.nsPerIter = 1.0;
        const ExperimentResult result = QCoro::waitFor(runner.run(spec, options));
        qunsetenv(SystemLimits::kAvailableOverride);
        QVERIFY(expected);
        QCOMPARE(expected->field, QStringLiteral("tasks"));
        QCOMPARE(result.runs.size(), std::size_t(2));
        for (const RunResult &run : result.runs) {
            QCOMPARE(run.status, RunStatus::Failed);
            QCOMPARE(run.error, QStringLiteral("tasks: ") + expected->message);
            QCOMPARE(run.tasks, std::int64_t(1000000));
            QCOMPARE(run.tasksDone, std::int64_t(0));
            QVERIFY(!run.plan); // never drawn
        }
        // With the limit gone the same spec runs.
        spec.workload.tasks = 100;
        const ExperimentResult fits = QCoro::waitFor(runner.run(spec, options));
        QCOMPARE(fits.runs.size(), std::size_t(2));
        QVERIFY(fits.runs[0].completed());
    }
};

QTEST_GUILESS_MAIN(TestResourceLimits)
#include "tst_resourcelimits.moc"
