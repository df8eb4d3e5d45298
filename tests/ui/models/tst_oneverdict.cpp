// SPDX-License-Identifier: MIT
#include "core/experiment/verdict.h"
#include "core/report/jsonreport.h"
#include "core/report/markdownreport.h"
#include "core/report/reportreader.h"
#include "core/report/textreport.h"
#include "core/store/resultstore.h"
#include "tests/support/syntheticexperiment.h"
#include "ui/models/experimentstatsmodel.h"

#include <QJsonDocument>
#include <QTest>

// One experiment, one verdict: the CLI's text, report.json, summary.md, the store and the app's
// headline all say the sentence judgeExperiment() made, for every kind of outcome. (A sweep once
// read "no K is faster than 1 loop beyond noise" in the window and "4 loops: 1.03x faster" in
// its own report.)
namespace {

// Three repeats of K = 1, 2, 4 with the given wall times per K (one per repeat).
ExperimentResult withWalls(const std::vector<std::vector<double>> &walls)
{
    ExperimentResult e;
    e.spec.workload.tasks = 1000;
    e.spec.shardCounts = {1, 2, 4};
    e.spec.repeats = int(walls.front().size());
    e.machine = synthetic::machine();
    e.nsPerIter = 1.25;
    const double ideal[3] = {950, 480, 250};
    for (std::size_t rep = 0; rep < walls.front().size(); ++rep) {
        for (std::size_t k = 0; k < 3; ++k) {
            RunResult r =
                synthetic::run(e.spec.shardCounts[qsizetype(k)], int(rep), walls[k][rep], ideal[k]);
            r.lagMs = {1, 2, 3, 4}; // within the run, as the reader demands
            e.runs.push_back(r);
        }
    }
    return e;
}

ExperimentResult experimentNamed(const QString &name)
{
    ExperimentResult e;
    if (name == u"faster" || name == u"busy") {
        e = withWalls({{1000, 1010, 990}, {540, 560, 530}, {330, 350, 320}});
        if (name == u"busy") {
            RunResult &r = e.runs[4]; // K = 2, repeat 1
            r.othersCpuFraction = 0.51;
            r.busyPrograms = {{QStringLiteral("yes"), 4242, 0.48},
                              {QStringLiteral("cc1plus"), 977, 0.03}};
        }
    } else if (name == u"slower") {
        e = withWalls({{1000, 1010, 990}, {2500, 2525, 2475}, {2700, 2710, 2690}});
    } else if (name == u"within noise") {
        e = withWalls({{1000, 1010, 990}, {1005, 995, 1000}, {1003, 992, 1008}});
    } else if (name == u"as fast") {
        e = withWalls({{1000}, {1003}, {1004}});
    } else if (name == u"one run per K") {
        e = withWalls({{1000}, {540}, {330}});
    } else if (name == u"cancelled") {
        e = withWalls({{1000}, {540}, {330}});
        RunResult &r = e.runs[2];
        r.status = RunStatus::Cancelled;
        r.tasksDone = 3840;
        r.tasks = 10000;
        r.wallMs = kNotMeasured;
        r.throughputTps = kNotMeasured;
        r.idealMs = kNotMeasured;
        r.efficiency = kNotMeasured;
        r.lagMs = {};
        r.latencyMs = {};
        r.elapsedMs = 1500;
        e.spec.workload.tasks = 10000;
        for (RunResult &run : e.runs)
            run.tasks = 10000;
        e.runs[0].tasksDone = e.runs[1].tasksDone = 10000;
        e.cancelled = true;
    } else if (name == u"failed baseline") {
        e = withWalls({{1000}, {540}, {330}});
        e.runs[0].status = RunStatus::Failed;
        e.runs[0].error = QStringLiteral("the HTTP server (pid 12) exited before the run");
        e.runs[0].wallMs = kNotMeasured;
        e.runs[0].idealMs = kNotMeasured;
        e.runs[0].efficiency = kNotMeasured;
    }
    e.summary = summarizeExperiment(e);
    return e;
}

} // namespace

class TestOneVerdict : public QObject
{
    Q_OBJECT
private slots:
    void everySurfaceSaysTheSameVerdict_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        using K = Verdict::Kind;
        QTest::newRow("faster") << "faster" << int(K::Faster)
                                << "4 loops: 3.03 ± 0.10× faster than 1 loop (ideal 3.80×)";
        QTest::newRow("slower") << "slower" << int(K::Slower)
                                << "2 loops: 2.50 ± 0.03× slower than 1 loop (ideal 1.98×)";
        QTest::newRow("within noise")
            << "within noise" << int(K::WithinNoise)
            << "no K is faster than 1 loop beyond noise (best 2 loops: as fast as 1 loop, "
               "ideal 1.98×)";
        QTest::newRow("as fast") << "as fast" << int(K::AsFast)
                                 << "2 loops: as fast as 1 loop (ideal 1.98×) · one run per K";
        QTest::newRow("one run per K")
            << "one run per K" << int(K::Faster)
            << "4 loops: 3.03× faster than 1 loop (ideal 3.80×) · one run per K";
        QTest::newRow("cancelled")
            << "cancelled" << int(K::Cancelled)
            << "cancelled after 3,840 of 10,000 tasks on 4 loops (1.500 s): no verdict";
        QTest::newRow("failed baseline")
            << "failed baseline" << int(K::NoBaseline) << "no completed run on 1 loop: no verdict";
        QTest::newRow("busy")
            << "busy" << int(K::Faster)
            << "4 loops: 3.03 ± 0.10× faster than 1 loop (ideal 3.80×) — machine busy: "
               "other programs used 51 % of the CPUs; not comparable with "
               "quiet runs";
    }

    void everySurfaceSaysTheSameVerdict()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(QString, text);
        const ExperimentResult e = experimentNamed(name);
        const Verdict verdict = judgeExperiment(e);
        QCOMPARE(int(verdict.kind), kind);
        QCOMPARE(verdict.text(), text);
        QCOMPARE(e.verdict(), text);

        // The CLI's table ends with it (--quiet prints it alone: the same ExperimentResult).
        QCOMPARE(experimentTable(e).trimmed().split(QLatin1Char('\n')).last(), text);
        // report.json, and a report read back judges alike.
        const QJsonObject json = experimentToJson(e);
        QCOMPARE(json[u"verdict"].toString(), text);
        QString error;
        const auto read =
            ReportReader::read(QJsonDocument(json).toJson(), QStringLiteral("report.json"), &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->verdict(), text);
        // summary.md.
        QVERIFY(experimentMarkdown(e).endsWith(QStringLiteral("**Verdict:** ") + text +
                                               QLatin1Char('\n')));
        // The store: the sentence it recorded, and the one its rows rebuild.
        ResultStore store;
        QVERIFY2(store.open(QStringLiteral(":memory:")), qPrintable(store.error()));
        const std::int64_t id =
            store.addExperiment(e, QStringLiteral("cli"), QStringLiteral("cli"));
        QVERIFY2(id > 0, qPrintable(store.error()));
        const auto stored = store.experiment(id);
        QVERIFY(stored);
        QCOMPARE(stored->verdict, text);
        QCOMPARE(stored->result.verdict(), text);
        // The app: the window's headline and the status bar read the statistics model.
        ExperimentStatsModel model;
        model.setResult(e);
        QCOMPARE(model.headline(), text);
    }

    void aSlowerKIsNeverAFractionFaster()
    {
        const Verdict v = judgeExperiment(experimentNamed(QStringLiteral("slower")));
        QCOMPARE(v.speedup, 1000.0 / 2500.0);
        QCOMPARE(v.factor, 2.5);
        QVERIFY(!v.text().contains(QStringLiteral("0.40")));
    }
};

QTEST_MAIN(TestOneVerdict)
#include "tst_oneverdict.moc"
