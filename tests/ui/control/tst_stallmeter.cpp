// SPDX-License-Identifier: MIT
#include "ui/control/stallmeter.h"

#include <QTest>
#include <QThread>

// The GUI stall meter reads a heartbeat's lateness correctly: percentiles from known values,
// and a GUI thread that is blocked shows up as a stall at least that long.
class TestStallMeter : public QObject
{
    Q_OBJECT
private slots:
    void percentilesOfKnownLateness()
    {
        StallMeter meter;
        for (int i = 0; i < 98; ++i)
            meter.record(1.0);
        meter.record(20.0);
        meter.record(40.0);
        meter.record(-0.3); // an early beat is not a stall
        const StallMeter::Stats s = meter.stats();
        QCOMPARE(s.beats, 101);
        QCOMPARE(s.maxMs, 40.0);
        // Buckets are 0.25 ms wide and a percentile reads as its bucket's upper edge.
        QCOMPARE(s.p50Ms, 1.25);
        QCOMPARE(s.p99Ms, 20.25);
    }

    void emptyMeterReportsZero()
    {
        StallMeter meter;
        const StallMeter::Stats s = meter.stats();
        QCOMPARE(s.beats, 0);
        QCOMPARE(s.p99Ms, 0.0);
    }

    // A beat that comes after the thread was blocked records the block: its lateness is at least
    // the block less one interval, whatever else the machine runs (a busy machine only makes it
    // later). How long stalls are under load is bench_guistall's figure, not a bound here.
    void aBlockedThreadsNextBeatRecordsTheBlock()
    {
        constexpr int kBlockMs = 80;
        StallMeter meter;
        meter.start();
        QThread::msleep(kBlockMs); // this thread's event loop does not run: no beat meanwhile
        QTRY_VERIFY(meter.stats().beats >= 1);
        meter.stop();
        const StallMeter::Stats s = meter.stats();
        QVERIFY2(s.maxMs >= kBlockMs - StallMeter::kIntervalMs,
                 qPrintable(QString::number(s.maxMs)));
    }
};

QTEST_MAIN(TestStallMeter)
#include "tst_stallmeter.moc"
