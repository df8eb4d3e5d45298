// SPDX-License-Identifier: MIT
#include "core/system/descriptorguard.h"
#include "core/system/memoryguard.h"
#include "core/system/systemlimits.h"

#include <QTest>

class TestMemoryGuard : public QObject
{
    Q_OBJECT
private slots:
    // Http: one descriptor per request in flight, all tasks per request, a pool's connections
    // per shard with one; blamed on what the user would change.
    void requestsInFlightNeedADescriptorEach()
    {
        const DescriptorGuard guard{20000, 100};
        // 20,000 - 100 open - 32 spare - 2 loops = 19,866 requests fit.
        QCOMPARE(guard.checkRequests(19866, 0, 2), std::nullopt);
        const auto tooMany = guard.checkRequests(19867, 0, 2);
        QVERIFY(tooMany);
        QCOMPARE(tooMany->field, QStringLiteral("tasks"));
        QCOMPARE(tooMany->message,
                 QStringLiteral("19,867 requests in flight need 20,001 open files, above this "
                                "process's limit of 20,000 (ulimit -n; the server needs as many); "
                                "use fewer tasks or a pool of connections"));
        // A pool bounds them whatever the tasks; too large a pool is the pool's problem.
        QCOMPARE(guard.checkRequests(1'000'000, 1000, 2), std::nullopt);
        const auto pool = guard.checkRequests(1'000'000, 10'000, 2);
        QVERIFY(pool);
        QCOMPARE(pool->field, QStringLiteral("connections"));
        QCOMPARE(DescriptorGuard{}.checkRequests(50'000'000, 0, 1024), std::nullopt); // unlimited
    }

    void refusesWhatDoesNotFitAndNamesTheLargestCountThatDoes()
    {
        MemoryGuard guard;
        guard.availableBytes = 1024ULL * 1024 * 1024; // 1 GiB available -> 512 MiB budget
        QCOMPARE(guard.budgetBytes(), 512ULL * 1024 * 1024);
        // (512 MiB - 1 shard * 256 KiB) / 170 B per task
        QCOMPARE(guard.maxTasks(1), (512ULL * 1024 * 1024 - 256 * 1024) / 170);
        QVERIFY(!guard.check(guard.maxTasks(1), 1).has_value());
        const auto error = guard.check(10'000'000, 1);
        QVERIFY(error.has_value());
        QCOMPARE(error->field, QStringLiteral("tasks"));
        QCOMPARE(error->message,
                 QStringLiteral("10,000,000 tasks need about 1,621 MB, more than the 512 MB "
                                "LoopBench may use (half of the 1,024 MB available); at most "
                                "3,156,522 tasks fit"));
        QVERIFY(guard.maxTasks(1024) < guard.maxTasks(1));
    }

    void addressSpaceLimitBlamesTheShardsWhenTheyAloneDoNotFit()
    {
        MemoryGuard guard;
        guard.addressSpaceBytes = 600ULL * 1024 * 1024;
        guard.threadStackBytes = 8ULL * 1024 * 1024;
        guard.mallocArenas = 16;
        const auto error = guard.check(10, 1024);
        QVERIFY(error.has_value());
        QCOMPARE(error->field, QStringLiteral("shards"));
        QVERIFY2(error->message.startsWith(QStringLiteral("1,024 shards need about ")),
                 qPrintable(error->message));
        QVERIFY(error->message.contains(QStringLiteral("ulimit -v")));
        QVERIFY(!error->message.contains(QStringLiteral("at most 0")));
        QVERIFY(!error->message.contains(QStringLiteral(" 0 MB")));
        const int most = guard.maxShards(10);
        QVERIFY(most > 0 && most < 1024);
        QVERIFY(!guard.check(10, most).has_value());
        QVERIFY(guard.check(10, most + 1).has_value());
    }

    void theTightestLimitDecides()
    {
        MemoryGuard guard;
        guard.availableBytes = 100ULL * 1024 * 1024 * 1024;
        guard.cgroupBytes = 100ULL * 1024 * 1024;
        QCOMPARE(guard.budgetBytes(), std::uint64_t(100.0 * 1024 * 1024 * 0.9));
        const auto error = guard.check(1'000'000, 1);
        QVERIFY(error.has_value());
        QVERIFY2(error->message.contains(QStringLiteral("memory cgroup")),
                 qPrintable(error->message));
    }

    void invalidOverrideIsAnErrorNamingTheVariableAndRange()
    {
        qputenv("LOOPBENCH_MEM_AVAILABLE_MB", "0");
        QString error;
        QVERIFY(!SystemLimits::availableOverride(&error).has_value());
        QCOMPARE(error, QStringLiteral("LOOPBENCH_MEM_AVAILABLE_MB: 0 MB is outside 1 to "
                                       "1,073,741,824 MB"));
        qputenv("LOOPBENCH_MEM_AVAILABLE_MB", "lots");
        error.clear();
        SystemLimits::memory(&error);
        QVERIFY(error.startsWith(QStringLiteral("LOOPBENCH_MEM_AVAILABLE_MB: 'lots'")));
        qputenv("LOOPBENCH_MEM_AVAILABLE_MB", "1,024");
        error.clear();
        QCOMPARE(SystemLimits::memory(&error).availableBytes, 1024ULL * 1024 * 1024);
        QVERIFY(error.isEmpty());
        qunsetenv("LOOPBENCH_MEM_AVAILABLE_MB");
    }

    void readsProcAndCgroupText()
    {
        QCOMPARE(SystemLimits::procKb("MemTotal: 10 kB\nMemAvailable:   2048 kB\n", "MemAvailable"),
                 std::optional<std::uint64_t>(2048));
        QVERIFY(!SystemLimits::procKb("VmRSS: 1 kB\n", "VmSize").has_value());
    }

    void findsAControllersCgroupInV1V2AndHybridTrees()
    {
        // Hybrid (this CI machine): the v1 line naming the controller wins over v2's "0::".
        const QByteArray hybrid = "9:name=systemd:/\n4:memory:/job/7\n2:cpu,cpuacct:/user.slice\n"
                                  "0::/init.scope\n";
        auto cpu = SystemLimits::cgroupOf(hybrid, QStringLiteral("/r"), "cpu");
        QVERIFY(cpu);
        QCOMPARE(cpu->hierarchy, QStringLiteral("/r/cpu"));
        QCOMPARE(cpu->path, QStringLiteral("/user.slice"));
        QVERIFY(cpu->v1);
        const auto memory = SystemLimits::cgroupOf(hybrid, QStringLiteral("/r"), "memory");
        QVERIFY(memory);
        QCOMPARE(memory->path, QStringLiteral("/job/7"));
        // "cpuacct" alone is not "cpu": v2 it is.
        cpu = SystemLimits::cgroupOf("3:cpuacct:/a\n0::/user.slice/app.scope\n",
                                     QStringLiteral("/r"), "cpu");
        QVERIFY(cpu);
        QCOMPARE(cpu->hierarchy, QStringLiteral("/r"));
        QCOMPARE(cpu->path, QStringLiteral("/user.slice/app.scope"));
        QVERIFY(!cpu->v1);
        // A path may hold colons; no line for the controller and no v2 line: nothing.
        QCOMPARE(SystemLimits::cgroupOf("0::/a:b\n", QString(), "cpu")->path,
                 QStringLiteral("/a:b"));
        QVERIFY(!SystemLimits::cgroupOf("5:pids:/x\n", QString(), "cpu"));
    }

    void readsThisMachine()
    {
        qunsetenv("LOOPBENCH_MEM_AVAILABLE_MB");
        const MemoryGuard guard = SystemLimits::memory();
        QVERIFY(guard.availableBytes > 64ULL * 1024 * 1024);
        QVERIFY(guard.availableBytes < 1ULL << 50);
        QVERIFY(!guard.check(1000, 2).has_value());
    }
};

QTEST_GUILESS_MAIN(TestMemoryGuard)
#include "tst_memoryguard.moc"
