// SPDX-License-Identifier: MIT
#include "ui/control/loadmonitor.h"

#include "core/load/processcpu.h"

#include <QCoreApplication>

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

    void theServerProcessCpuIsSampledAsAShareOfTheMachine()
    {
        // This test's own process stands in for the server: its CPU time is what /proc says.
        LoadMonitor monitor(std::make_unique<StillStatSource>());
        qint64 pid = 0;
        monitor.setServerSource([&] { return pid; });
        monitor.sampleNow();
        monitor.sampleNow();
        QVERIFY(monitor.serverPoints().isEmpty()); // no server: no line, not a line at 0

        pid = QCoreApplication::applicationPid();
        monitor.sampleNow(); // a new server primes: its CPU so far is not this interval's
        QVERIFY(monitor.serverPoints().isEmpty());
        const auto before = ProcessCpu::read(pid);
        QVERIFY(before);
        // /proc counts in 10 ms ticks: work until it shows a few, however busy the machine.
        QElapsedTimer t;
        t.start();
        while (ProcessCpu::read(pid)->ticks < before->ticks + 3 && t.elapsed() < 5000)
            burnCpu();
        monitor.sampleNow();
        const QList<QPointF> points = monitor.serverPoints();
        QCOMPARE(points.size(), qsizetype(1));
        QCOMPARE(points[0].x(), 0.0); // the newest sample
        QVERIFY2(points[0].y() > 0 && points[0].y() <= 100,
                 qPrintable(QString::number(points[0].y())));

        pid = 0; // the experiment ended: the line stops, what was drawn stays
        monitor.sampleNow();
        QCOMPARE(monitor.serverPoints().size(), qsizetype(1));
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
