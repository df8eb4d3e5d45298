// SPDX-License-Identifier: MIT
#include "core/report/textreport.h"

#include "tests/support/syntheticexperiment.h"

#include <QTest>

namespace {

// A table line as its whitespace-separated cells.
QStringList cells(const QString &line)
{
    return line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The table of an experiment whose runs a test edited: summarised again first, as
// ExperimentRunner does when an experiment ends.
QString tableOf(ExperimentResult e)
{
    e.summary = summarizeExperiment(e);
    return experimentTable(e);
}

QString fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

class TestTextReport : public QObject
{
    Q_OBJECT

private slots:
    void oneRowPerRunInExecutionOrderWithItsOwnFigures()
    {
        const ExperimentResult e = synthetic::experiment();
        const QStringList lines = tableOf(e).split(QLatin1Char('\n'));
        QCOMPARE(cells(lines[0]),
                 (QStringList{"shards", "rep", "wall", "s", "tasks/s", "speedup", "ideal", "s",
                              "efficiency", "lag", "p99", "ms", "status"}));
        // Speedups are against the baseline's median wall time (K = 1: 10507.9 ms); a run that
        // did not complete has none.
        const double baseWall = 10507.9;
        for (std::size_t i = 0; i < e.runs.size(); ++i) {
            const RunResult &r = e.runs[i];
            const QStringList row = cells(lines[qsizetype(i) + 1]);
            const QStringList expected{
                QString::number(r.shards),
                QString::number(r.repeat + 1),
                fixed(r.wallMs / 1000, 3),
                fixed(r.throughputTps, 0),
                r.completed() ? fixed(baseWall / r.wallMs, 2) + QChar(0x00d7) : QStringLiteral("—"),
                r.completed() ? fixed(r.idealMs / 1000, 3) : QStringLiteral("—"),
                r.completed() ? fixed(r.efficiency, 2) : QStringLiteral("—"),
                fixed(r.lagMs.p99, 1),
                runStatusName(r.status)};
            QCOMPARE(row, expected);
        }
        // Spot checks by hand, so that the loop above is not merely the formula restated.
        QCOMPARE(cells(lines[1]), (QStringList{"1", "1", "10.512", "95", "1.00×", "9.000", "0.86",
                                               "1234.8", "completed"}));
        QCOMPARE(cells(lines[16]),
                 (QStringList{"4", "6", "99.999", "10", "—", "—", "—", "308.7", "failed"}));
    }

    void aProtectiveScheduleIsSaidOnceUnderTheTable()
    {
        ExperimentResult e = synthetic::experiment();
        QVERIFY(!tableOf(e).contains(QStringLiteral("protective")));
        e.runs[1].schedule = ShardSchedule::Protective; // K = 2
        e.runs[2].schedule = ShardSchedule::Protective; // K = 4
        e.runs[5].schedule = ShardSchedule::Protective; // K = 4 again: named once
        const QStringList lines = tableOf(e).split(QLatin1Char('\n'));
        const QStringList said = lines.filter(QStringLiteral("protective schedule"));
        QCOMPARE(said.size(), 1);
        QVERIFY2(said[0].startsWith(QStringLiteral("protective schedule at K = 2, 4: its shards "
                                                   "ran below every other program")),
                 qPrintable(said[0]));
    }

    void summaryPerConfigurationThenTheVerdictLast()
    {
        const ExperimentResult e = synthetic::experiment();
        const QStringList lines = tableOf(e).trimmed().split(QLatin1Char('\n'));
        // header, 16 runs, blank, title, header, 3 configurations, Amdahl fit, verdict
        QCOMPARE(lines.size(), 1 + 16 + 1 + 2 + 3 + 1 + 1);
        QCOMPARE(lines[17], QString());
        QCOMPARE(lines[18], QStringLiteral("per configuration (completed runs only):"));
        // K, completed runs, wall median ± sd (s), speedup ± error: the numbers of
        // tst_markdownreport, which R reproduces.
        QCOMPARE(cells(lines[20]).mid(0, 7),
                 (QStringList{"1", "5", "10.508", "±", "0.016", "1.00", "±"}));
        QCOMPARE(cells(lines[21]).mid(0, 7),
                 (QStringList{"2", "5", "5.400", "±", "0.448", "1.95", "±"}));
        QCOMPARE(cells(lines[22]).mid(0, 7),
                 (QStringList{"4", "5", "3.712", "±", "0.023", "2.83", "±"}));
        QVERIFY(lines[23].startsWith(QStringLiteral("Amdahl fit: serial fraction 0.104")));
        QCOMPARE(lines.last(), e.verdict());
        QCOMPARE(lines.last(),
                 QStringLiteral("4 loops: 2.83 ± 0.01× faster than 1 loop (ideal 3.60×)"));
    }

    void singleComparisonHasNoRepeatColumnAndNoSummary()
    {
        ExperimentResult e = synthetic::experiment();
        e.spec.shardCounts = {1, 2};
        e.spec.repeats = 1;
        e.runs = {synthetic::run(1, 0, 2000, 1800), synthetic::run(2, 0, 1000, 900)};
        const QStringList lines = tableOf(e).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4); // header, two runs, verdict
        QVERIFY(!lines[0].contains(QStringLiteral("rep")));
        QCOMPARE(cells(lines[2]).mid(0, 4), (QStringList{"2", "1.000", "1000", "2.00×"}));
        QCOMPARE(lines[3],
                 QStringLiteral("2 loops: 2.00× faster than 1 loop (ideal 2.00×) · one run per K"));
    }

    void cancelledExperimentListsItsRunsAndHasNoVerdict()
    {
        ExperimentResult e = synthetic::experiment();
        e.spec.shardCounts = {1, 2};
        e.spec.repeats = 1;
        e.runs = {synthetic::run(1, 0, 2000, 1800), synthetic::run(2, 0, 1000, 900)};
        e.runs[1].status = RunStatus::Cancelled;
        e.cancelled = true;
        const QStringList lines = tableOf(e).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(cells(lines[2]).last(), QStringLiteral("cancelled"));
        QCOMPARE(lines.last(),
                 QStringLiteral("cancelled after 1,000 of 1,000 tasks on 2 loops: no verdict"));
    }
};

QTEST_APPLESS_MAIN(TestTextReport)
#include "tst_textreport.moc"
