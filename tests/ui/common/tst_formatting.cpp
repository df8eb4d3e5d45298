// SPDX-License-Identifier: MIT
#include "ui/common/formatting.h"

#include <QTest>

#include <cmath>
#include <limits>

// The text every cell, tooltip and headline of the app shows for a number: each unit at the edges
// where its precision or its unit changes, and the mark for no number.
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
} // namespace

class TestFormatting : public QObject
{
    Q_OBJECT
private slots:
    void duration_data()
    {
        QTest::addColumn<double>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("below 1 ms: two decimals") << 0.256 << "0.26 ms";
        QTest::newRow("zero") << 0.0 << "0.00 ms";
        QTest::newRow("1 ms: one decimal") << 1.0 << "1.0 ms";
        QTest::newRow("below 10 ms") << 9.94 << "9.9 ms";
        QTest::newRow("10 ms: whole") << 10.0 << "10 ms";
        QTest::newRow("below 1 s") << 999.4 << "999 ms";
        QTest::newRow("1 s: seconds, two decimals") << 1000.0 << "1.00 s";
        QTest::newRow("half a second more") << 2500.0 << "2.50 s";
        QTest::newRow("10 s: one decimal") << 10000.0 << "10.0 s";
        QTest::newRow("below a minute") << 59940.0 << "59.9 s";
        QTest::newRow("a minute") << 60000.0 << "1 min 00 s";
        QTest::newRow("minutes and seconds") << 125400.0 << "2 min 05 s";
        QTest::newRow("an hour in minutes") << 3'600'000.0 << "60 min 00 s";
        QTest::newRow("not measured") << kNaN << "—";
    }
    void duration()
    {
        QFETCH(double, ms);
        QFETCH(QString, text);
        QCOMPARE(Formatting::duration(ms), text);
    }

    void speedup_data()
    {
        QTest::addColumn<double>("factor");
        QTest::addColumn<QString>("text");
        QTest::newRow("twice") << 2.0 << "2.00×";
        QTest::newRow("rounded to two decimals") << 2.8305 << "2.83×";
        QTest::newRow("below one") << 0.4 << "0.40×";
        QTest::newRow("not measured") << kNaN << "—";
        QTest::newRow("no candidate time") << kInf << "—";
    }
    void speedup()
    {
        QFETCH(double, factor);
        QFETCH(QString, text);
        QCOMPARE(Formatting::speedup(factor), text);
    }

    // A fraction in, a percentage out: 0.5 is "50 %" (not "0 %", not "5000 %").
    void percent_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QString>("whole");
        QTest::addColumn<QString>("precise");
        QTest::newRow("half") << 0.5 << "50 %"
                              << "50.0 %";
        QTest::newRow("all") << 1.0 << "100 %"
                             << "100.0 %";
        QTest::newRow("more than all") << 1.04 << "104 %"
                                       << "104.0 %";
        QTest::newRow("none") << 0.0 << "0 %"
                              << "0.0 %";
        QTest::newRow("a fraction of a percent") << 0.0123 << "1 %"
                                                 << "1.2 %";
        QTest::newRow("rounded") << 0.876 << "88 %"
                                 << "87.6 %";
        QTest::newRow("not measured") << kNaN << "—"
                                      << "—";
    }
    void percent()
    {
        QFETCH(double, fraction);
        QFETCH(QString, whole);
        QFETCH(QString, precise);
        QCOMPARE(Formatting::percent(fraction), whole);
        QCOMPARE(Formatting::percentPrecise(fraction), precise);
    }

    void counted()
    {
        QCOMPARE(Formatting::counted(1, QStringLiteral("run")), QStringLiteral("1 run"));
        QCOMPARE(Formatting::counted(0, QStringLiteral("run")), QStringLiteral("0 runs"));
        QCOMPARE(Formatting::counted(2, QStringLiteral("run")), QStringLiteral("2 runs"));
        QCOMPARE(Formatting::counted(3, QStringLiteral("fix"), QStringLiteral("fixes")),
                 QStringLiteral("3 fixes"));
    }
};

QTEST_MAIN(TestFormatting)
#include "tst_formatting.moc"
