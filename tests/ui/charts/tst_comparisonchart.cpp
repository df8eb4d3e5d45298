// SPDX-License-Identifier: MIT
#include "tests/support/syntheticexperiment.h"
#include "ui/charts/comparisonchart.h"
#include "ui/models/comparison.h"

#include <QApplication>
#include <QChart>
#include <QTest>

#include <iterator>

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

const QString kBusy = QStringLiteral(
    "machine busy: other programs used 51 % of the CPUs; not comparable with quiet runs");

// Against a baseline of 1 loop that took 1.000 s (ideal 0.900 s) at 13:04:05, a candidate that
// started at 13:10:00 with an ideal of 0.450 s.
struct Case
{
    const char *name;
    int shards;
    double wallMs;
    double busyFraction;
    bool http; // the baseline did its IO over http, the candidate on timers
    Verdict::Kind kind;
    QString claim;  // the chart's headline
    QString detail; // the chart's second line
    QString verdict;
};

const Case kCases[] = {
    {"faster", 2, 540, 0, false, Verdict::Kind::Faster,
     "2 loops: 1.85× faster than 1 loop (ideal 2.00×)", "same plan, 800 tasks · one run each",
     "2 loops: 1.85× faster than 1 loop (ideal 2.00×) · one run each"},
    {"slower", 2, 1600, 0, false, Verdict::Kind::Slower,
     "2 loops: 1.60× slower than 1 loop (ideal 2.00×)", "same plan, 800 tasks · one run each",
     "2 loops: 1.60× slower than 1 loop (ideal 2.00×) · one run each"},
    {"as fast", 2, 1003, 0, false, Verdict::Kind::AsFast,
     "2 loops: as fast as 1 loop (ideal 2.00×)", "same plan, 800 tasks · one run each",
     "2 loops: as fast as 1 loop (ideal 2.00×) · one run each"},
    {"just beyond as fast", 2, 990, 0, false, Verdict::Kind::Faster,
     "2 loops: 1.01× faster than 1 loop (ideal 2.00×)", "same plan, 800 tasks · one run each",
     "2 loops: 1.01× faster than 1 loop (ideal 2.00×) · one run each"},
    {"different plans", 2, 540, 0, true, Verdict::Kind::DifferentPlans,
     "different plans (transport): 1 loop 1.000 s, 2 loops 0.540 s; no speedup", "",
     "different plans (transport): 1 loop 1.000 s, 2 loops 0.540 s; no speedup"},
    {"busy machine", 2, 540, 0.51, false, Verdict::Kind::Faster,
     "2 loops: 1.85× faster than 1 loop (ideal 2.00×)",
     "same plan, 800 tasks · one run each · " + kBusy,
     "2 loops: 1.85× faster than 1 loop (ideal 2.00×) · one run each — " + kBusy},
    {"one K twice", 1, 1600, 0, false, Verdict::Kind::Slower,
     "1 loop at 13:10:00: 1.60× slower than at 13:04:05 (ideal 2.00×)",
     "same plan, 800 tasks · one run each",
     "1 loop at 13:10:00: 1.60× slower than at 13:04:05 (ideal 2.00×) · one run each"},
};

} // namespace

class TestComparisonChart : public QObject
{
    Q_OBJECT
private slots:
    void headlineSaysHowTheCandidateDid_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < int(std::size(kCases)); ++i)
            QTest::newRow(kCases[i].name) << i;
    }
    void headlineSaysHowTheCandidateDid()
    {
        QFETCH(int, index);
        const Case &want = kCases[index];
        const RunResult baseline = runAt(1, 1000, 900, QTime(13, 4, 5));
        RunResult candidate = runAt(want.shards, want.wallMs, 450, QTime(13, 10, 0));
        candidate.othersCpuFraction = want.busyFraction;
        Plan other;
        if (want.http)
            other.transport.kind = Transport::Http;
        // Handed over in either order: the baseline is the one with fewer loops (or earlier).
        const auto c = Comparison::between(candidate, baseline, Plan{}, other);
        QVERIFY(c);
        QCOMPARE(c->samePlan(), !want.http);
        const Verdict v = c->judgement();
        QCOMPARE(v.kind, want.kind);
        QCOMPARE(v.claim, want.claim);
        QCOMPARE(c->verdict(), want.verdict);

        ComparisonChart chart;
        chart.setComparison(*c);
        QCOMPARE(chart.headline(), want.claim);
        QCOMPARE(chart.detailLine(), want.detail);
        // Not on screen, so not wrapped: the headline, then the detail in smaller type.
        QCOMPARE(chart.chart()->title(), want.detail.isEmpty()
                                             ? want.claim
                                             : want.claim + QStringLiteral("<br><small>") +
                                                   want.detail + QStringLiteral("</small>"));
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
