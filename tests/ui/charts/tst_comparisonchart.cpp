// SPDX-License-Identifier: MIT
#include "tests/support/syntheticexperiment.h"
#include "ui/charts/comparisonchart.h"
#include "ui/models/comparison.h"

#include "core/experiment/experiment.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QLocale>
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
     // The chart says the machine's load in a few words; its verdict says it whole.
     "same plan, 800 tasks · one run each · machine busy (others 51 %)",
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

    // An experiment with repeats: each bar is its K's median, its whisker runs from the fastest
    // to the slowest completed run (the failed 4-loop run of 100 s moves nothing), and the
    // headline carries the speedup's error from the summary, as hyperfine writes it.
    void repeatsShowTheMedianTheSpreadAndTheError()
    {
        const ExperimentResult e = synthetic::experiment();
        const auto c = Comparison::ofExperiment(e);
        QVERIFY(c);
        ComparisonChart chart;
        chart.setComparison(*c);
        QCOMPARE(chart.categoryNames(), (QStringList{"1 loop", "4 loops"}));
        const auto &bars = chart.bars();
        QCOMPARE(bars.size(), std::size_t(4)); // wall and ideal of 1 loop, then of 4 loops
        QCOMPARE(bars[0].set, QStringLiteral("wall time"));
        QCOMPARE(bars[0].seconds, 10.5079); // median of kBaseWallMs
        QVERIFY(bars[0].hasWhisker);
        QCOMPARE(bars[0].low, 10.4902);
        QCOMPARE(bars[0].high, 10.5331);
        QCOMPARE(bars[0].runs, 5);
        QCOMPARE(bars[0].label, QStringLiteral("10.5 s"));
        QCOMPARE(bars[1].set, QStringLiteral("ideal bound"));
        QCOMPARE(bars[1].seconds, 9.0);
        QVERIFY(!bars[1].hasWhisker);
        QCOMPARE(bars[2].seconds, 3.7124);
        QCOMPARE(bars[2].low, 3.698);
        QCOMPARE(bars[2].high, 3.7559);
        QCOMPARE(bars[2].label, QStringLiteral("3.71 s"));
        QCOMPARE(chart.wallSet()->at(1), 3.7124);
        const ConfigSummary *four = e.summary.config(Runtime::Threads, 4);
        const QString expected = QStringLiteral("4 loops: %1 faster than 1 loop (ideal 3.60×)")
                                     .arg(timesText(four->speedup.value, four->speedup.error));
        QCOMPARE(chart.headline(), expected);
        QCOMPARE(chart.headline(), QStringLiteral("4 loops: 2.83 ± 0.01× faster than 1 loop "
                                                  "(ideal 3.60×)"));
        QCOMPARE(chart.headline(), judgeExperiment(e).claim);
    }

    // Compare runtimes: one group per runtime, each with its 1-loop and K-loop medians and
    // bounds.
    void compareRuntimesGroupsByRuntime()
    {
        ExperimentResult e;
        e.spec.shardCounts = {1, 2};
        e.spec.runtimes = {Runtime::Threads, Runtime::Stealing};
        e.spec.repeats = 2;
        e.spec.workload.tasks = 1000;
        const double wall[2][2][2] = {{{1000, 1020}, {600, 620}}, {{1010, 1030}, {520, 540}}};
        const double ideal[2][2] = {{900, 450}, {910, 455}};
        for (int rep = 0; rep < 2; ++rep) {
            for (int rt = 0; rt < 2; ++rt) {
                for (int k = 0; k < 2; ++k) {
                    RunResult r = synthetic::run(k + 1, rep, wall[rt][k][rep], ideal[rt][k]);
                    r.runtime = e.spec.runtimes[rt];
                    e.runs.push_back(r);
                }
            }
        }
        e.summary = summarizeExperiment(e);
        const auto c = Comparison::ofExperiment(e);
        QVERIFY(c);
        QCOMPARE(c->baseline.runtime, Runtime::Threads);
        QCOMPARE(c->candidate.runtime, Runtime::Threads);
        ComparisonChart chart;
        chart.setComparison(*c);
        QCOMPARE(chart.categoryNames(), (QStringList{"threads", "stealing"}));
        const auto &bars = chart.bars();
        QCOMPARE(bars.size(), std::size_t(8));
        // Per runtime: 1 loop wall, its bound, 2 loops wall, its bound; medians of two runs.
        const double want[8] = {1.010, 0.900, 0.610, 0.450, 1.020, 0.910, 0.530, 0.455};
        for (std::size_t i = 0; i < 8; ++i) {
            QCOMPARE(bars[i].category,
                     i < 4 ? QStringLiteral("threads") : QStringLiteral("stealing"));
            QCOMPARE(bars[i].seconds, want[i]);
            QCOMPARE(bars[i].hasWhisker, i % 2 == 0);
        }
        QCOMPARE(bars[6].low, 0.52);
        QCOMPARE(bars[6].high, 0.54);
        QCOMPARE(bars[0].set, QStringLiteral("1 loop"));
        QCOMPARE(bars[2].set, QStringLiteral("2 loops"));
        QCOMPARE(bars[6].label, QStringLiteral("530 ms"));
        // The title is the verdict's headline: each runtime's speedup with its error (computed
        // once, in core), and the fastest configuration.
        const ConfigSummary *stealing = e.summary.config(Runtime::Stealing, 2);
        QVERIFY2(chart.headline().contains(
                     QStringLiteral("stealing 2 loops %1 faster")
                         .arg(timesText(stealing->speedup.value, stealing->speedup.error))),
                 qPrintable(chart.headline()));
        QCOMPARE(chart.headline(), QStringLiteral("threads 2 loops 1.66 ± 0.04× faster; stealing 2 "
                                                  "loops 1.92 ± 0.05× faster; fastest: 2 loops "
                                                  "(stealing), 0.530 s"));
    }

    // The labels above the bars are the window's durations: three digits ("5.40 s", not Qt's
    // "5.4 s"), in the locale's way under pt_BR.
    void barLabelsAreTheWindowsDurations()
    {
        const QLocale before;
        for (const auto &[locale, labels] :
             {std::pair{QStringLiteral("C"), QStringList{"10.5 s", "9.80 s", "5.40 s", "4.90 s"}},
              std::pair{QStringLiteral("pt_BR"),
                        QStringList{"10,5 s", "9,80 s", "5,40 s", "4,90 s"}}}) {
            QLocale::setDefault(QLocale(locale));
            ComparisonChart chart;
            chart.resize(900, 400);
            chart.show();
            QVERIFY(QTest::qWaitForWindowExposed(&chart));
            chart.setComparison(*Comparison::between(synthetic::run(1, 0, 10512.3, 9800.0),
                                                     synthetic::run(2, 0, 5400.1, 4900.0), Plan{},
                                                     Plan{}));
            QTRY_COMPARE(chart.visibleBarLabels(), labels);
        }
        QLocale::setDefault(before);
    }
};

QTEST_MAIN(TestComparisonChart)
#include "tst_comparisonchart.moc"
