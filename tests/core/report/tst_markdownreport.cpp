// SPDX-License-Identifier: MIT
#include "core/experiment/experimentsummary.h"
#include "core/report/markdownreport.h"

#include "tests/support/syntheticexperiment.h"

#include <QTest>

class TestMarkdownReport : public QObject
{
    Q_OBJECT

private slots:
    void tableHasOneRowPerConfiguration();
    void machineWorkloadAndVerdictTravelWithTheTable();
    void germanLocaleChangesNothing();
    void cancelledExperimentShowsDashes();
    void workloadLineNamesShapesOnlyWhenNotUniform();
    void httpReportNamesTheTransportAndEachRunsFigures();
    void aProtectiveScheduleIsSaid();
};

void TestMarkdownReport::aProtectiveScheduleIsSaid()
{
    ExperimentResult e = synthetic::experiment();
    QVERIFY(!experimentMarkdown(e).contains(QStringLiteral("**Schedule:**")));
    for (RunResult &r : e.runs) {
        if (r.shards == 4)
            r.schedule = ShardSchedule::Protective;
    }
    QVERIFY(experimentMarkdown(e)
                .split(QLatin1Char('\n'))
                .contains(QStringLiteral("**Schedule:** ") + protectiveScheduleNote(e.runs) +
                          QLatin1Char('.')));
    QVERIFY(protectiveScheduleNote(e.runs).startsWith(
        QStringLiteral("protective schedule at K = 4: its shards ran below")));
}

void TestMarkdownReport::httpReportNamesTheTransportAndEachRunsFigures()
{
    QVERIFY(!experimentMarkdown(synthetic::experiment()).contains(QStringLiteral("Transport")));
    ExperimentResult e = synthetic::httpExperiment();
    e.spec.transport.connections = 8;
    e.spec.transport.responseBytes = 65536;
    const QStringList lines = experimentMarkdown(e).split(QLatin1Char('\n'));
    QVERIFY(lines.contains(QStringLiteral(
        "**Transport:** http · connections 8 · 65536-byte responses · own server, 1 loop")));
    // Run 2 (index 1): httpStats(1).
    QVERIFY2(lines.contains(QStringLiteral("| 2 | 2 | 4096001 | 0.1 / 2.8 | 301.5 / 990.8 "
                                           "| 0.1 / 3.5 | 124.5 | 1 refused, 3 timeout |")),
             qPrintable(lines.filter(QStringLiteral("| 2 | 2 |")).join(u'\n')));
    // The failed run fetched nothing: dashes, not zeros.
    QVERIFY(lines.contains(QStringLiteral("| 16 | 4 | — | — | — | — | — | — |")));
    e.spec.transport.target = QStringLiteral("10.0.0.2:8080");
    QVERIFY(experimentMarkdown(e).contains(QStringLiteral("responses · server 10.0.0.2:8080")));
}

void TestMarkdownReport::workloadLineNamesShapesOnlyWhenNotUniform()
{
    ExperimentResult e = synthetic::experiment();
    QVERIFY(experimentMarkdown(e).contains(
        QStringLiteral("· IO 200–1000 ms · CPU 100000–500000 iterations (sum kernel")));
    e.spec.workload.ioDist = Distribution::logNormal(300, 900);
    e.spec.workload.cpuDist = Distribution::bimodal(0.1);
    QVERIFY(experimentMarkdown(e).contains(
        QStringLiteral("· IO 200–1000 ms lognormal:median=300,p99=900 · CPU 100000–500000 "
                       "iterations bimodal:heavy=0.1 (sum kernel")));
}

void TestMarkdownReport::tableHasOneRowPerConfiguration()
{
    const QStringList lines = experimentMarkdown(synthetic::experiment()).split(QLatin1Char('\n'));
    QStringList table;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('|')))
            table << line;
    }
    QCOMPARE(table.size(), 5); // header, alignment, three configurations
    // From syntheticexperiment.h. R: sd() of the three wall-time vectors -> 16.21, 448.43, 23.21;
    // speedup errors r * sqrt((se(b) / median(b))^2 + (se(x) / median(x))^2) with
    // se <- function(v) sqrt(pi / 2) * sd(v) / sqrt(length(v)) -> 0.0906, 0.0102; p of both from
    // wilcox.test(b, x, exact = FALSE) -> 0.01219 (every run of b is slower than every run of x).
    // By hand: efficiency 9000 / 10507.9, 4600 / 5400.1, 2500 / 3712.4; lag p99 1234.8 / K.
    QCOMPARE(table[2], QStringLiteral("| 1 (baseline) | 5 | 0 | 10507.9 ± 16.2 | 1.00 ± 0.00 | "
                                      "1.00 | 0.86 | — | 1234.8 | — |"));
    QCOMPARE(table[3], QStringLiteral("| 2 | 5 | 1 | 5400.1 ± 448.4 | 1.95 ± 0.09 | 1.96 | 0.85 | "
                                      "— | 617.4 | 0.012 |"));
    QCOMPARE(table[4], QStringLiteral("| 4 | 5 of 6 | 0 | 3712.4 ± 23.2 | 2.83 ± 0.01 | 3.60 | "
                                      "0.67 | — | 308.7 | 0.012 |"));
}

void TestMarkdownReport::machineWorkloadAndVerdictTravelWithTheTable()
{
    const ExperimentResult e = synthetic::experiment();
    const QString md = experimentMarkdown(e);
    QVERIFY(md.contains(QStringLiteral("Test CPU, \"fast\" edition, 4 logical CPUs")));
    QVERIFY(md.contains(QStringLiteral("Qt 6.4.2")));
    QVERIFY(md.contains(QStringLiteral("(0123456789ab)")));
    QVERIFY(md.contains(QStringLiteral("1000 tasks")));
    QVERIFY(md.contains(QStringLiteral("Amdahl fit: serial fraction 0.104")));
    QVERIFY(md.endsWith(QStringLiteral("**Verdict:** ") + e.verdict() + QLatin1Char('\n')));
    QCOMPARE(e.verdict(), QStringLiteral("4 loops: 2.83 ± 0.01× faster than 1 loop (ideal 3.60×)"));
}

void TestMarkdownReport::germanLocaleChangesNothing()
{
    const ExperimentResult e = synthetic::experiment();
    const QString c = experimentMarkdown(e);
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString german = experimentMarkdown(e);
    QLocale::setDefault(previous);
    QCOMPARE(german, c);
    QVERIFY(german.contains(QStringLiteral("10507.9")));
}

void TestMarkdownReport::cancelledExperimentShowsDashes()
{
    ExperimentResult e = synthetic::experiment();
    e.runs.clear();
    e.cancelled = true;
    e.summary = summarizeExperiment(e); // the writer shows the summary it is given
    const QString md = experimentMarkdown(e);
    QVERIFY(md.contains(QStringLiteral("| 4 | 0 | 0 | — | — | — | — | — | — |")));
    QVERIFY(!md.contains(QStringLiteral("Amdahl")));
    QVERIFY(md.contains(QStringLiteral("**Verdict:** cancelled: no verdict")));
}

QTEST_APPLESS_MAIN(TestMarkdownReport)
#include "tst_markdownreport.moc"
