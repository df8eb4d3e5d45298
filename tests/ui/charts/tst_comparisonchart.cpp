// SPDX-License-Identifier: MIT
#include "tests/support/syntheticexperiment.h"
#include "ui/charts/comparisonchart.h"
#include "ui/models/comparison.h"

#include <QApplication>
#include <QChart>
#include <QTest>

// The headline a comparison of two runs shows, to the character, for every way it can come out:
// faster, slower (the factor is the baseline's time over the candidate's, inverted: "1.60x
// slower", never "0.62x"), as fast, different plans (no speedup), a busy machine, and one K
// twice. The chart's title, its two lines and the comparison's verdict say the same.
namespace {

RunResult runAt(int shards, double wallMs, double idealMs, QTime started)
{
    RunResult r = synthetic::run(shards, 0, wallMs, idealMs);
    r.tasks = r.tasksDone = 800;
    r.startedUtc = QDateTime(QDate(2024, 6, 1), started).toUTC(); // local 13:04:05 stays that
    return r;
}

} // namespace

class TestComparisonChart : public QObject
{
    Q_OBJECT
private slots:
    void headlineSaysHowTheCandidateDid_data()
    {
        QTest::addColumn<int>("candidateShards");
        QTest::addColumn<double>("candidateWallMs");
        QTest::addColumn<double>("busyFraction");
        QTest::addColumn<bool>("http");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("verdict");
        using K = Verdict::Kind;
        // Baseline: 1 loop, 1.000 s, ideal 0.900 s; the candidate's ideal is 0.450 s.
        QTest::newRow("faster") << 2 << 540.0 << 0.0 << false << int(K::Faster)
                                << "2 loops: 1.85× faster than 1 loop (ideal 2.00×)"
                                << "same plan, 800 tasks · one run each"
                                << "2 loops: 1.85× faster than 1 loop (ideal 2.00×) · one run each";
        QTest::newRow("slower") << 2 << 1600.0 << 0.0 << false << int(K::Slower)
                                << "2 loops: 1.60× slower than 1 loop (ideal 2.00×)"
                                << "same plan, 800 tasks · one run each"
                                << "2 loops: 1.60× slower than 1 loop (ideal 2.00×) · one run each";
        QTest::newRow("as fast") << 2 << 1003.0 << 0.0 << false << int(K::AsFast)
                                 << "2 loops: as fast as 1 loop (ideal 2.00×)"
                                 << "same plan, 800 tasks · one run each"
                                 << "2 loops: as fast as 1 loop (ideal 2.00×) · one run each";
        QTest::newRow("just beyond as fast")
            << 2 << 990.0 << 0.0 << false << int(K::Faster)
            << "2 loops: 1.01× faster than 1 loop (ideal 2.00×)"
            << "same plan, 800 tasks · one run each"
            << "2 loops: 1.01× faster than 1 loop (ideal 2.00×) · one run each";
        QTest::newRow("different plans")
            << 2 << 540.0 << 0.0 << true << int(K::DifferentPlans)
            << "different plans (transport): 1 loop 1.000 s, 2 loops 0.540 s; no speedup"
            << ""
            << "different plans (transport): 1 loop 1.000 s, 2 loops 0.540 s; no speedup";
        const QString busy = QStringLiteral("machine busy: other programs used 51 % of the CPUs; "
                                            "not comparable with quiet runs");
        QTest::newRow("busy machine")
            << 2 << 540.0 << 0.51 << false << int(K::Faster)
            << "2 loops: 1.85× faster than 1 loop (ideal 2.00×)"
            << "same plan, 800 tasks · one run each · " + busy
            << "2 loops: 1.85× faster than 1 loop (ideal 2.00×) · one run each — " + busy;
        QTest::newRow("one K twice")
            << 1 << 1600.0 << 0.0 << false << int(K::Slower)
            << "1 loop at 13:10:00: 1.60× slower than at 13:04:05 (ideal 2.00×)"
            << "same plan, 800 tasks · one run each"
            << "1 loop at 13:10:00: 1.60× slower than at 13:04:05 (ideal 2.00×) · one run each";
    }

    void headlineSaysHowTheCandidateDid()
    {
        QFETCH(int, candidateShards);
        QFETCH(double, candidateWallMs);
        QFETCH(double, busyFraction);
        QFETCH(bool, http);
        QFETCH(int, kind);
        QFETCH(QString, claim);
        QFETCH(QString, detail);
        QFETCH(QString, verdict);
        const RunResult baseline = runAt(1, 1000, 900, QTime(13, 4, 5));
        RunResult candidate = runAt(candidateShards, candidateWallMs, 450, QTime(13, 10, 0));
        candidate.othersCpuFraction = busyFraction;
        Plan other;
        if (http)
            other.transport.kind = Transport::Http;
        // Handed over in either order: the baseline is the one with fewer loops (or earlier).
        const auto c = Comparison::between(candidate, baseline, Plan{}, other);
        QVERIFY(c);
        QCOMPARE(c->samePlan(), !http);
        const Verdict v = c->judgement();
        QCOMPARE(int(v.kind), kind);
        QCOMPARE(v.claim, claim);
        QCOMPARE(c->verdict(), verdict);

        ComparisonChart chart;
        chart.setComparison(*c);
        QCOMPARE(chart.headline(), claim);
        QCOMPARE(chart.detailLine(), detail);
        // Not on screen, so not wrapped: the headline, then the detail in smaller type.
        QCOMPARE(chart.chart()->title(),
                 detail.isEmpty() ? claim : claim + "<br><small>" + detail + "</small>");
    }

    // A comparison shown before the last run is kept, greyed, under a title that says so.
    void aStaleComparisonSaysWhyAndKeepsItsVerdict()
    {
        ComparisonChart chart;
        chart.setComparison(*Comparison::between(runAt(1, 1000, 900, QTime(13, 4, 5)),
                                                 runAt(2, 540, 450, QTime(13, 10, 0)), Plan{},
                                                 Plan{}));
        chart.markStale(QStringLiteral("the last run failed"));
        QVERIFY(chart.isStale());
        QCOMPARE(chart.headline(), QStringLiteral("Earlier comparison (the last run failed)"));
        QCOMPARE(chart.detailLine(),
                 QStringLiteral("2 loops: 1.85× faster than 1 loop (ideal 2.00×) · one run each"));
        chart.clear();
        QCOMPARE(chart.headline(), QStringLiteral("No comparison yet"));
    }
};

QTEST_MAIN(TestComparisonChart)
#include "tst_comparisonchart.moc"
