// SPDX-License-Identifier: MIT
#include "ui/control/stallmeter.h"

#include <QElapsedTimer>
#include <QTest>

// The GUI stall meter reads a heartbeat's lateness correctly: percentiles from known values,
// and a GUI thread that is blocked shows up as a stall of about that length.
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

    void blockedGuiThreadShowsAsStall()
    {
        StallMeter meter;
        meter.start();
        QTest::qWait(100);
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < 80) {
        } // the GUI thread does not return to its event loop for 80 ms
        QTest::qWait(100);
        meter.stop();
        const StallMeter::Stats s = meter.stats();
        QVERIFY(s.beats >= 5);
        QVERIFY2(s.maxMs >= 60.0, qPrintable(QString::number(s.maxMs)));
    }
};

QTEST_MAIN(TestStallMeter)
#include "tst_stallmeter.moc"
