// SPDX-License-Identifier: MIT
#include "ui/control/loadmonitor.h"

#include <QElapsedTimer>
#include <QTest>

#include <pthread.h>

#include <cmath>

namespace {

// One core whose counters never move: the per-core figures are not what this test is about.
class StillStatSource final : public CpuStatSource
{
public:
    std::optional<QByteArray> read() override
    {
        return QByteArray("cpu  10 0 10 80 0 0 0 0 0 0\ncpu0 10 0 10 80 0 0 0 0 0 0\n");
    }
};

} // namespace

// What LoadMonitor shows per shard comes from the progress the engine publishes, and only from
// it: the lag as published (reading it twice gives the same figure), the CPU share from the
// published thread clocks, nothing while no run is in flight.
class TestLoadMonitor : public QObject
{
    Q_OBJECT
private slots:
    void shardFiguresComeFromThePublishedProgress()
    {
        LoadMonitor monitor(std::make_unique<StillStatSource>());
        clockid_t thisThread{};
        QCOMPARE(pthread_getcpuclockid(pthread_self(), &thisThread), 0);
        RunProgress progress;
        progress.shardClocks = {thisThread, thisThread};
        progress.shardRecentMaxLagNs = {5'000'000, 0};
        bool running = true;
        monitor.setRunSource([&] { return running ? progress : RunProgress{}; });

        monitor.sampleNow(); // primes the shard clocks
        burnCpu();
        monitor.sampleNow();
        QCOMPARE(monitor.shardLagMs(), (std::vector<double>{5.0, 0.0}));
        QCOMPARE(monitor.shardCpuPercent().size(), std::size_t(2));
        QVERIFY(monitor.shardCpuPercent()[0] > 0);
        QVERIFY(monitor.shardCpuPercent()[0] <= 100);

        burnCpu();
        monitor.sampleNow();
        QCOMPARE(monitor.shardLagMs(), (std::vector<double>{5.0, 0.0})); // not consumed

        running = false;
        monitor.sampleNow();
        QVERIFY(monitor.shardLagMs().empty());
        QVERIFY(monitor.shardCpuPercent().empty());
    }

private:
    // Thread CPU time for the share to measure: 20 ms of work, not of waiting.
    static void burnCpu()
    {
        QElapsedTimer t;
        t.start();
        volatile double x = 1;
        while (t.elapsed() < 20)
            x = std::sqrt(x + 1);
    }
};

QTEST_GUILESS_MAIN(TestLoadMonitor)
#include "tst_loadmonitor.moc"
