// SPDX-License-Identifier: MIT
#include "core/system/memoryguard.h"

#include <QTest>

class TestMemoryGuard : public QObject
{
    Q_OBJECT
private slots:
    void refusesWhatDoesNotFitAndNamesTheLargestCountThatDoes()
    {
        MemoryGuard guard;
        guard.availableBytes = 1024ULL * 1024 * 1024; // 1 GiB available -> 512 MiB budget
        QCOMPARE(guard.budgetBytes(), 512ULL * 1024 * 1024);
        // (512 MiB - 1 shard * 256 KiB) / 320 B per task
        QCOMPARE(guard.maxTasks(1), (512ULL * 1024 * 1024 - 256 * 1024) / 320);
        QVERIFY(!guard.check(guard.maxTasks(1), 1).has_value());
        const auto error = guard.check(10'000'000, 1);
        QVERIFY(error.has_value());
        QCOMPARE(error->field, QStringLiteral("tasks"));
        QCOMPARE(error->message,
                 QStringLiteral("10000000 tasks need about 3052 MB, more than the 512 MB "
                                "LoopBench may use (half of the 1024 MB available); at most "
                                "1676902 tasks fit"));
        // More shards leave room for fewer tasks.
        QVERIFY(guard.maxTasks(1024) < guard.maxTasks(1));
    }

    void readsThisMachine()
    {
        qunsetenv("LOOPBENCH_MEM_AVAILABLE_MB");
        const MemoryGuard guard = MemoryGuard::current();
        QVERIFY(guard.availableBytes > 64ULL * 1024 * 1024);
        // A real reading, not the admit-everything fallback for an unreadable /proc/meminfo.
        QVERIFY(guard.availableBytes < 1ULL << 50);
        QVERIFY(!guard.check(1000, 2).has_value());
    }
};

QTEST_GUILESS_MAIN(TestMemoryGuard)
#include "tst_memoryguard.moc"
