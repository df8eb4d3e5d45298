// SPDX-License-Identifier: MIT
#include "core/base/clock.h"
#include "core/engine/timerqueue.h"

#include <QCoroTask>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace {

struct Wake
{
    int id;
    std::int64_t dueNs;
    std::int64_t resumedNs;
    bool due;
};

// Quits `loop` once `log` holds `target` entries. Waiting in a real QEventLoop, not QTRY_*:
// QTest::qWait sleeps 10 ms between event batches, which would show up as fake lag.
struct Waiter
{
    QEventLoop loop;
    std::size_t target = 0;
    bool wait(std::vector<Wake> &log, std::size_t n, int timeoutMs)
    {
        target = n;
        if (log.size() < n) {
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return log.size() == n;
    }
};

QCoro::Task<> sleeper(TimerQueue &queue, int id, std::int64_t dueNs, std::vector<Wake> &log,
                      Waiter *waiter = nullptr)
{
    const bool due = co_await queue.sleepUntil(dueNs);
    log.push_back({id, dueNs, nowNs(), due});
    if (waiter && log.size() == waiter->target)
        waiter->loop.quit();
}

constexpr std::int64_t ms(std::int64_t v)
{
    return v * 1'000'000;
}

} // namespace

class TestTimerQueue : public QObject
{
    Q_OBJECT
private slots:
    void resumesInDeadlineOrderAndNeverEarly()
    {
        TimerQueue queue;
        std::vector<Wake> log;
        const std::int64_t t0 = nowNs();
        const std::int64_t offsets[] = {40, 10, 30, 0, 20, 10};
        for (int i = 0; i < 6; ++i)
            (void)sleeper(queue, i, t0 + ms(offsets[i]), log);
        QVERIFY(log.empty()); // even a deadline in the past yields to the loop first
        QCOMPARE(queue.pending(), std::size_t(6));
        QTRY_COMPARE_WITH_TIMEOUT(log.size(), std::size_t(6), 10000);
        std::vector<int> order;
        for (const Wake &w : log) {
            order.push_back(w.id);
            QVERIFY(w.due);
            QVERIFY2(w.resumedNs >= w.dueNs, "a sleep resumed before its deadline");
        }
        QCOMPARE(order[0], 3);
        QCOMPARE(order[3], 4);
        QCOMPARE(order[4], 2);
        QCOMPARE(order[5], 0);
        QVERIFY((order[1] == 1 && order[2] == 5) || (order[1] == 5 && order[2] == 1));
        QCOMPARE(queue.pending(), std::size_t(0));
        QCOMPARE(queue.armedDeadlineNs(), INT64_MAX);
    }

    void sortedSleepsAndStragglersMergeInDeadlineOrder()
    {
        // In-order sleeps take the sorted run, out-of-order ones the heap; firing must merge
        // both, and a new run may start once the old one is drained.
        TimerQueue queue;
        std::vector<Wake> log;
        Waiter waiter;
        const std::int64_t t0 = nowNs();
        for (int i = 0; i < 50; ++i)
            (void)sleeper(queue, i, t0 + ms(i), log, &waiter);         // run: 0..49 ms
        (void)sleeper(queue, 50, t0 + ms(25) + 500'000, log, &waiter); // straggler: 25.5 ms
        (void)sleeper(queue, 51, t0 + ms(3), log, &waiter);            // straggler: 3 ms
        (void)sleeper(queue, 52, t0 + ms(60), log, &waiter);           // in order again
        QCOMPARE(queue.pending(), std::size_t(53));
        QCOMPARE(queue.armedDeadlineNs(), t0);
        QVERIFY(waiter.wait(log, 53, 10000));
        for (std::size_t i = 1; i < log.size(); ++i)
            QVERIFY2(log[i].dueNs >= log[i - 1].dueNs, "woke out of deadline order");
        for (const Wake &w : log)
            QVERIFY(w.resumedNs >= w.dueNs);
        QCOMPARE(queue.pending(), std::size_t(0));
        (void)sleeper(queue, 53, nowNs() + ms(1), log, &waiter); // a fresh run after draining
        QVERIFY(waiter.wait(log, 54, 10000));
        QCOMPARE(log.back().id, 53);
    }

    void rearmsToEarliestDeadline()
    {
        // The later deadlines are minutes away, so only the batched one can fire during the
        // test, however slow the machine: what is asserted is which deadline the timer is armed
        // for, not when it fires (tests/bench/bench_timerqueue measures that).
        TimerQueue queue;
        std::vector<Wake> log;
        const std::int64_t t0 = nowNs();
        (void)sleeper(queue, 0, t0 + ms(300'000), log);
        QCOMPARE(queue.armedDeadlineNs(), t0 + ms(300'000));
        (void)sleeper(queue, 1, t0 + ms(120'000), log);
        QCOMPARE(queue.armedDeadlineNs(), t0 + ms(120'000)); // earlier: re-armed
        (void)sleeper(queue, 2, t0 + ms(240'000), log);
        QCOMPARE(queue.armedDeadlineNs(), t0 + ms(120'000)); // later: untouched

        queue.beginBatch();
        (void)sleeper(queue, 3, t0 + ms(10), log);
        QCOMPARE(queue.armedDeadlineNs(), t0 + ms(120'000)); // a batch defers arming ...
        queue.endBatch();
        QCOMPARE(queue.armedDeadlineNs(), t0 + ms(10)); // ... to one re-arm at its end

        QTRY_COMPARE_WITH_TIMEOUT(log.size(), std::size_t(1), 10000);
        QCOMPARE(log[0].id, 3);
        QVERIFY(log[0].resumedNs >= log[0].dueNs);
        QCOMPARE(queue.armedDeadlineNs(), t0 + ms(120'000)); // after firing: the next earliest
        QCOMPARE(queue.pending(), std::size_t(3));
        queue.cancelAll();
        QCOMPARE(log.size(), std::size_t(4));
    }

    void cancelResumesEverySleepWithFalse()
    {
        TimerQueue queue;
        std::vector<Wake> log;
        const std::int64_t t0 = nowNs();
        for (int i = 0; i < 100; ++i)
            (void)sleeper(queue, i, t0 + ms(60'000), log); // a minute away
        queue.cancelAll();
        QCOMPARE(log.size(), std::size_t(100));
        for (const Wake &w : log) {
            QVERIFY(!w.due);
            QVERIFY(w.resumedNs < w.dueNs); // woken, not waited out
        }
        // A sleep started after cancellation does not wait for its deadline either.
        (void)sleeper(queue, 100, t0 + ms(60'000), log);
        QTRY_COMPARE_WITH_TIMEOUT(log.size(), std::size_t(101), 10000);
        QVERIFY(!log.back().due);
        QVERIFY(log.back().resumedNs < log.back().dueNs);
    }

    void manyUnorderedSleepsWakeInDeadlineOrderAndNeverEarly()
    {
        // 400 sleeps pushed out of order (a multiplicative hash spreads them over 200 ms, with
        // sub-millisecond parts and ties): each wakes at or after its deadline, in deadline order.
        // How late they wake on an idle loop is a figure of tests/bench/bench_timerqueue.
        TimerQueue queue;
        std::vector<Wake> log;
        Waiter waiter;
        const std::int64_t t0 = nowNs() + ms(5);
        for (int i = 0; i < 400; ++i)
            (void)sleeper(queue, i, t0 + ms(i % 200) + (i * 7919 % 1000) * 1000, log, &waiter);
        QVERIFY(waiter.wait(log, 400, 60000));
        std::vector<int> seen(400, 0);
        for (std::size_t i = 0; i < log.size(); ++i) {
            const Wake &w = log[i];
            ++seen[std::size_t(w.id)];
            QVERIFY(w.due);
            QVERIFY2(w.resumedNs >= w.dueNs, "a sleep resumed before its deadline");
            if (i > 0) {
                QVERIFY2(w.dueNs >= log[i - 1].dueNs, "woke out of deadline order");
                QVERIFY(w.resumedNs >= log[i - 1].resumedNs);
            }
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
        QCOMPARE(queue.pending(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTimerQueue)
#include "tst_timerqueue.moc"
