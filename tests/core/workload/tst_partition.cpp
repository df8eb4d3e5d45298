// SPDX-License-Identifier: MIT
#include "core/workload/partition.h"

#include <QTest>

#include <vector>

class TestPartition : public QObject
{
    Q_OBJECT
private slots:
    void everyTaskExactlyOnce_data()
    {
        QTest::addColumn<int>("tasks");
        QTest::addColumn<int>("shards");
        for (int n : {1, 7, 100, 1001}) {
            for (int k : {1, 2, 3, 4, 8, 16}) {
                QTest::addRow("n=%d K=%d", n, k) << n << k;
            }
        }
        QTest::addRow("more shards than tasks") << 3 << 8;
    }

    void everyTaskExactlyOnce()
    {
        QFETCH(int, tasks);
        QFETCH(int, shards);
        for (Partition p : {Partition::Contiguous, Partition::RoundRobin}) {
            std::vector<int> seen(static_cast<std::size_t>(tasks), 0);
            std::size_t total = 0;
            for (int k = 0; k < shards; ++k) {
                const Slice s = sliceFor(p, static_cast<std::size_t>(tasks), shards, k);
                total += s.size();
                for (std::size_t i = 0; i < s.size(); ++i) {
                    const std::uint32_t id = s.at(i);
                    QVERIFY(id < std::uint32_t(tasks));
                    ++seen[id];
                    QCOMPARE(shardOf(p, static_cast<std::size_t>(tasks), shards, id), k);
                }
            }
            QCOMPARE(total, std::size_t(tasks));
            for (int count : seen)
                QCOMPARE(count, 1);
        }
    }

    void contiguousBatchesDifferByAtMostOne()
    {
        std::size_t smallest = SIZE_MAX, largest = 0;
        for (int k = 0; k < 3; ++k) {
            const Slice s = sliceFor(Partition::Contiguous, 10, 3, k);
            smallest = std::min(smallest, s.size());
            largest = std::max(largest, s.size());
            QCOMPARE(s.stride, 1U);
        }
        QCOMPARE(largest - smallest, std::size_t(1));
        QCOMPARE(sliceFor(Partition::Contiguous, 10, 3, 0).begin, 0U);
        QCOMPARE(sliceFor(Partition::Contiguous, 10, 3, 2).end, 10U);
    }

    void namesRoundTrip()
    {
        QCOMPARE(partitionFromName(u"round-robin"), Partition::RoundRobin);
        QCOMPARE(partitionFromName(u"Contiguous"), Partition::Contiguous);
        QVERIFY(!partitionFromName(u"random").has_value());
    }
};

QTEST_GUILESS_MAIN(TestPartition)
#include "tst_partition.moc"
