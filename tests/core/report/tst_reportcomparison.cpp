// SPDX-License-Identifier: MIT
#include "core/report/reportcomparison.h"

#include "core/report/comparisonreport.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <map>

namespace {

using State = ComparisonCell::State;

const WorkloadSpec kWorkload{1000, 0, 100, 1000, 5000, Kernel::Sum, 1};
const WorkloadSpec kOther{2000, 0, 100, 1000, 5000, Kernel::Sum, 1};

// A report whose runs of each K took the given wall times, completed unless listed in `failed`.
ComparedReport report(const char *name, const WorkloadSpec &workload,
                      const std::map<int, std::vector<double>> &walls,
                      const std::map<int, double> &failed = {}, Runtime runtime = Runtime::Threads)
{
    ExperimentResult r;
    r.spec.workload = workload;
    r.spec.runtimes = {runtime};
    r.spec.shardCounts.clear();
    for (const auto &[k, times] : walls) {
        r.spec.shardCounts.append(k);
        r.spec.repeats = std::max(r.spec.repeats, int(times.size()));
        for (std::size_t i = 0; i < times.size(); ++i) {
            RunResult run;
            run.runtime = runtime;
            run.shards = k;
            run.repeat = int(i);
            run.tasks = run.tasksDone = workload.tasks;
            run.wallMs = times[i];
            r.runs.push_back(run);
        }
    }
    for (const auto &[k, wall] : failed) {
        RunResult run;
        run.shards = k;
        run.status = RunStatus::Failed;
        run.wallMs = wall;
        r.runs.push_back(run);
    }
    r.summary = summarizeExperiment(r);
    return {QString::fromLatin1(name), r};
}

const ComparisonTable *table(const ReportComparison &c, const WorkloadSpec &w, int k)
{
    for (const ComparisonTable &t : c.tables) {
        if (t.plan == Plan{w, {}} && t.shards == k)
            return &t;
    }
    return nullptr;
}

} // namespace

class TestReportComparison : public QObject
{
    Q_OBJECT

private slots:
    void configurationsAreMatchedByRuntimeAndK()
    {
        const ReportComparison c = compareReports(
            {report("threads", kWorkload, {{1, {100}}, {2, {60}}}),
             report("stealing", kWorkload, {{1, {98}}, {2, {52}}}, {}, Runtime::Stealing),
             report("threads again", kWorkload, {{2, {58}}})});
        QVERIFY(c.samePlan());
        // (threads, 1), (threads, 2), (stealing, 1), (stealing, 2): never threads against
        // stealing in one table.
        QCOMPARE(c.tables.size(), std::size_t(4));
        const ComparisonTable &threads2 = c.tables[1];
        QCOMPARE(threads2.runtime, Runtime::Threads);
        QCOMPARE(threads2.shards, 2);
        QCOMPARE(threads2.base, std::size_t(0));
        QCOMPARE(threads2.cells[1].state, State::Missing);
        QCOMPARE(threads2.cells[2].medianWallMs, 58.0);
        QCOMPARE(std::lround(threads2.cells[2].changePercent * 10), -33L); // -3.3 %
        const ComparisonTable &stealing2 = c.tables[3];
        QCOMPARE(stealing2.runtime, Runtime::Stealing);
        QCOMPARE(stealing2.shards, 2);
        QCOMPARE(stealing2.base, std::size_t(1));
        QCOMPARE(stealing2.cells[1].medianWallMs, 52.0);
        QCOMPARE(stealing2.cells[0].state, State::Missing);
        QCOMPARE(stealing2.cells[1].speedup, 98.0 / 52.0);
        QVERIFY(comparisonText(c).contains(QLatin1String("2 loops (stealing)")));
    }

    void baseIsTheFirstReportThatRanTheConfiguration()
    {
        const ReportComparison c =
            compareReports({report("a", kWorkload, {{1, {100}}, {2, {60}}}),
                            report("b", kWorkload, {{1, {100}}, {2, {60}}, {4, {40}}}),
                            report("c", kWorkload, {{1, {100}}, {4, {45}}})});
        QVERIFY(c.samePlan());
        QCOMPARE(c.tables.size(), std::size_t(3));
        QCOMPARE(c.tables[0].shards, 1);
        QCOMPARE(c.tables[1].shards, 2);
        QCOMPARE(c.tables[2].shards, 4);
        QCOMPARE(c.tables[1].base, std::size_t(0));
        QCOMPARE(c.tables[1].cells[2].state, State::Missing);
        const ComparisonTable &four = c.tables[2];
        QCOMPARE(four.base, std::size_t(1));
        QCOMPARE(four.cells[0].state, State::Missing);
        QCOMPARE(four.cells[2].changePercent, (45.0 - 40.0) / 40.0 * 100);
    }

    void changeIsSignificantOnlyBeyondNoise()
    {
        const std::vector<double> base{100, 101, 99, 100.5, 102};
        const std::vector<double> doubled{200, 202, 198, 201, 204};
        const std::vector<double> overlapping{100.2, 99.5, 101.5, 100.1, 100.9};
        const ReportComparison c = compareReports({report("a", kWorkload, {{1, base}}),
                                                   report("b", kWorkload, {{1, doubled}}),
                                                   report("c", kWorkload, {{1, overlapping}})});
        const ComparisonCell &slower = c.tables[0].cells[1];
        QCOMPARE(slower.changePercent, 100.0);
        QCOMPARE(slower.completedRuns, 5);
        QCOMPARE(slower.baseRuns, 5);
        // Complete separation of 5 and 5: W = 0, z = (12.5 - 0.5) / sqrt(25 * 11 / 12).
        QCOMPARE(slower.vsBase.u, 0.0);
        QVERIFY(std::abs(slower.vsBase.p - 0.012186) < 1e-5);
        QVERIFY(slower.significant);
        const ComparisonCell &same = c.tables[0].cells[2];
        QVERIFY(same.vsBase.p > kSignificanceLevel);
        QVERIFY(!same.significant);
        // The base is not compared with itself.
        QVERIFY(std::isnan(c.tables[0].cells[0].changePercent));
        QVERIFY(std::isnan(c.tables[0].cells[0].vsBase.p));
    }

    void failedRunsEnterNoFigure()
    {
        const ReportComparison c =
            compareReports({report("a", kWorkload, {{1, {100, 102, 98}}}),
                            report("b", kWorkload, {{1, {100, 102, 98}}}, {{1, 99999}})});
        const ComparisonCell &b = c.tables[0].cells[1];
        QCOMPARE(b.completedRuns, 3);
        QCOMPARE(b.medianWallMs, 100.0);
        QCOMPARE(b.changePercent, 0.0);
        QCOMPARE(b.vsBase.p, 1.0);
    }

    void speedupIsEachReportsOwnAgainstOneLoop()
    {
        const ReportComparison c =
            compareReports({report("a", kWorkload, {{1, {100, 110, 90}}, {2, {50, 55, 45}}}),
                            report("b", kWorkload, {{1, {300}}, {2, {100}}}),
                            report("noone", kWorkload, {{2, {50}}, {4, {30}}})});
        const ComparisonTable *two = table(c, kWorkload, 2);
        QVERIFY(two);
        QCOMPARE(two->cells[0].speedup, 2.0);
        QCOMPARE(two->cells[1].speedup, 3.0);
        QVERIFY(std::isnan(two->cells[2].speedup)); // it ran no 1 loop
        QCOMPARE(table(c, kWorkload, 1)->cells[0].speedup, 1.0);
    }

    void otherWorkloadsAreComparedOnlyAmongThemselves()
    {
        const ReportComparison c = compareReports({report("a", kWorkload, {{1, {100}}, {2, {60}}}),
                                                   report("b", kOther, {{1, {200}}, {2, {110}}}),
                                                   report("c", kWorkload, {{1, {100}}})});
        QVERIFY(!c.samePlan());
        QCOMPARE(c.planDifferences, QStringList{QStringLiteral("tasks")});
        QCOMPARE(c.tables.size(), std::size_t(4));
        // In the order the reports first ran them: a's workload, then b's.
        QCOMPARE(c.tables[0].plan.workload, kWorkload);
        QCOMPARE(c.tables[2].plan.workload, kOther);
        const ComparisonTable *other = table(c, kOther, 2);
        QCOMPARE(other->base, std::size_t(1));
        QCOMPARE(other->cells[0].state, State::OtherPlan);
        QCOMPARE(other->cells[2].state, State::OtherPlan);
        QCOMPARE(table(c, kWorkload, 2)->cells[1].state, State::OtherPlan);
        QCOMPARE(table(c, kWorkload, 2)->cells[2].state, State::Missing);
        QCOMPARE(table(c, kWorkload, 1)->cells[2].changePercent, 0.0);
    }

    void writersShowTheSameCells()
    {
        const ReportComparison c = compareReports(
            {report("a|1", kWorkload, {{1, {100, 101, 99, 100.5, 102}}, {2, {50, 51, 49, 50, 52}}}),
             report("b", kWorkload, {{1, {200, 202, 198, 201, 204}}}),
             report("c", kOther, {{1, {300}}})});
        const QString text = comparisonText(c);
        QVERIFY2(text.contains(QStringLiteral("different plans (tasks): each table compares the "
                                              "reports that ran its plan\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("1,000 tasks, IO 0–100 ms, CPU 1,000–5,000 "
                                             "iterations, sum kernel, seed 1 · 2 loops\n")));
        QVERIFY(text.contains(QStringLiteral("+100.00%  p=0.012 n=5+5")));
        QVERIFY(text.contains(QStringLiteral("different plan")));

        const QString markdown = comparisonMarkdown(c);
        QVERIFY(markdown.contains(QStringLiteral("| a\\|1 | 100.500 ms | 5 | base |  | 1.00× |")));
        QVERIFY(markdown.contains(QStringLiteral("| b | — | — | — | — | — |")));

        // A row per report that belongs to a table: 2 + 2 for the first workload, 1 for the other.
        const QList<QByteArray> lines = comparisonCsv(c).split('\n');
        int rows = 0;
        for (const QByteArray &line : lines)
            rows += !line.isEmpty() && std::isdigit(static_cast<unsigned char>(line[0]));
        QCOMPARE(rows, 5);
        // Every field of the plan, empty where it has none (the http ones of a timer plan).
        QVERIFY(lines.contains(
            "tasks,io_min_ms,io_max_ms,io_dist,cpu_min_iterations,"
            "cpu_max_iterations,cpu_dist,kernel,seed,transport,connections,"
            "response_bytes,target,server_loops,http_timeout_ms,runtime,shards,report,"
            "state,completed_runs,median_wall_ms,base_report,base_runs,"
            "change_percent,p_value,significant,speedup_vs_1_loop,others_cpu_fraction"));
        QVERIFY(lines.contains("1000,0,100,uniform,1000,5000,uniform,sum,1,timer,,,,,,threads,2,b,"
                               "missing,,,a|1,,,,,,"));

        const QJsonObject json = comparisonToJson(c);
        QCOMPARE(json[u"schema"].toString(), QStringLiteral("loopbench.compare/2"));
        QCOMPARE(json[u"same_plan"].toBool(), false);
        QCOMPARE(json[u"plan_differences"].toArray(), QJsonArray{QStringLiteral("tasks")});
        const QJsonArray tables = json[u"tables"].toArray();
        QCOMPARE(tables.size(), 3);
        const QJsonArray rowsOfOne = tables[0][u"rows"].toArray();
        QCOMPARE(rowsOfOne[1][u"change_percent"].toDouble(), 100.0);
        QCOMPARE(rowsOfOne[1][u"significant"].toBool(), true);
        QCOMPARE(rowsOfOne[2][u"state"].toString(), QStringLiteral("different_plan"));
        QVERIFY(!rowsOfOne[0].toObject().contains(u"change_percent")); // the base
    }

    // The same workload fetched over sockets is another plan: its own tables, and the line that
    // says the plans differ names the transport.
    void anHttpReportIsAnotherPlan()
    {
        ComparedReport timer = report("timer", kWorkload, {{1, {100}}, {2, {54}}});
        ComparedReport http = report("http", kWorkload, {{1, {185}}});
        http.result.spec.transport.kind = Transport::Http;
        const ReportComparison c = compareReports({timer, http});
        QVERIFY(!c.samePlan());
        QCOMPARE(c.planDifferences, QStringList{QStringLiteral("transport")});
        QCOMPARE(c.tables.size(), std::size_t(3));
        QCOMPARE(c.tables[0].cells[1].state, State::OtherPlan);
        QVERIFY(std::isnan(c.tables[0].cells[1].changePercent));
        QVERIFY(comparisonText(c).contains(u"different plans (transport)"));
    }

    // The report's line says how it fetched, and a timer report's line reads as before.
    void anHttpReportNamesItsTransport()
    {
        ComparedReport timer = report("timer", kWorkload, {{1, {100}}});
        ComparedReport http = report("http", kWorkload, {{1, {120}}});
        http.result.spec.transport.kind = Transport::Http;
        http.result.spec.transport.connections = 4;
        const QStringList lines =
            comparisonText(compareReports({timer, http})).split(QLatin1Char('\n'));
        QCOMPARE(lines.filter(QStringLiteral("http, connections 4, 4096-byte responses")).size(),
                 1);
        QVERIFY(lines.filter(QStringLiteral("http, connections")).first().startsWith(u"http: "));
        QVERIFY(lines.filter(QStringLiteral("timer: ")).first().indexOf(u"http") < 0);
    }

    void aBusyMachineIsSaidInTheCellAndTheReportsVerdict()
    {
        ComparedReport quiet =
            report("quiet", kWorkload, {{1, {1000, 1010, 990}}, {2, {540, 560, 530}}});
        ComparedReport busy =
            report("busy", kWorkload, {{1, {1000, 1010, 990}}, {2, {1540, 1560, 1530}}});
        busy.result.runs[3].othersCpuFraction = 0.51; // K = 2, first repeat
        busy.result.runs[3].busyPrograms = {{QStringLiteral("yes"), 4242, 0.48}};
        const QString verdict = busy.result.verdict();
        QVERIFY2(verdict.endsWith(QStringLiteral("machine busy: other programs used 51 % of the "
                                                 "CPUs; not comparable with quiet runs")),
                 qPrintable(verdict));
        const ReportComparison c = compareReports({quiet, busy});
        const ComparisonTable *two = table(c, kWorkload, 2);
        QVERIFY(two);
        QVERIFY(std::isnan(two->cells[0].busyFraction));
        QCOMPARE(two->cells[1].busyFraction, 0.51);
        QVERIFY(std::isnan(table(c, kWorkload, 1)->cells[1].busyFraction));
        // Text and Markdown: in the cell, and each report's own verdict beside its machine.
        for (const QString &out : {comparisonText(c), comparisonMarkdown(c)}) {
            QVERIFY2(out.contains(QStringLiteral("1540.000 ms (busy 51 %)")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("verdict: ") + verdict), qPrintable(out));
            QVERIFY(out.contains(QStringLiteral("verdict: ") + quiet.result.verdict()));
        }
        QCOMPARE(comparisonToJson(c)[u"tables"][1][u"rows"][1][u"others_cpu_fraction"].toDouble(),
                 0.51);
        QVERIFY(comparisonToJson(c)[u"tables"][1][u"rows"][0][u"others_cpu_fraction"].isNull());
        QCOMPARE(comparisonToJson(c)[u"reports"][1][u"verdict"].toString(), verdict);
    }
};

QTEST_APPLESS_MAIN(TestReportComparison)
#include "tst_reportcomparison.moc"
