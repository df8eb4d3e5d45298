// SPDX-License-Identifier: MIT
#include "core/experiment/verdict.h"

#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"

#include <QTest>
#include <QTimeZone>

// The judgement every view and report shows, for two runs side by side (the history's pair) and
// in its phrases. The experiment's cases across every surface: tst_oneverdict.
namespace {

RunResult run(int shards, double wallMs, double idealMs, int second = 0,
              Runtime runtime = Runtime::Threads)
{
    RunResult r;
    r.runtime = runtime;
    r.shards = shards;
    r.tasks = r.tasksDone = 100;
    r.wallMs = wallMs;
    r.idealMs = idealMs;
    r.startedUtc = QDateTime(QDate(2024, 6, 1), QTime(12, 0, second), QTimeZone::utc());
    return r;
}

} // namespace

class TestVerdict : public QObject
{
    Q_OBJECT
private slots:
    void speedReadsAsAFactorAtLeastOne_data()
    {
        QTest::addColumn<double>("speedup");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("faster") << 2.93 << "2.93× faster than 1 loop";
        QTest::newRow("slower") << 0.4 << "2.50× slower than 1 loop";
        QTest::newRow("equal") << 0.996 << "as fast as 1 loop";
        QTest::newRow("missing") << qQNaN() << "— against 1 loop";
    }

    void speedReadsAsAFactorAtLeastOne()
    {
        QFETCH(double, speedup);
        QFETCH(QString, phrase);
        QCOMPARE(speedPhrase(speedup, QStringLiteral("1 loop")), phrase);
    }

    void aPairIsAnExperimentOfOneRunEach()
    {
        // The pair the app once called "0.40× faster": 2 loops took 2.5 times as long.
        const Verdict v = judgeRuns(run(1, 1000, 900), run(2, 2500, 460));
        QCOMPARE(int(v.kind), int(Verdict::Kind::Slower));
        QCOMPARE(v.text(),
                 QStringLiteral("2 loops: 2.50× slower than 1 loop (ideal 1.96×) · one run each"));
        // The same judgement as an experiment of those two runs.
        ExperimentResult pair;
        pair.spec.shardCounts = {1, 2};
        pair.runs = {run(1, 1000, 900), run(2, 2500, 460)};
        pair.summary = summarizeExperiment(pair);
        QCOMPARE(judgeExperiment(pair).claim, v.claim);
    }

    void aPairOfOneKIsToldApartByTime()
    {
        const Verdict v = judgeRuns(run(2, 1000, 500, 1), run(2, 1230, 500, 9));
        QCOMPARE(int(v.kind), int(Verdict::Kind::Slower));
        QVERIFY2(v.claim.startsWith(QStringLiteral("2 loops at ")), qPrintable(v.claim));
        QVERIFY2(v.claim.contains(QStringLiteral(": 1.23× slower than at ")), qPrintable(v.claim));
    }

    void severalRuntimesAreEachJudgedAgainstTheirOwnOneLoop()
    {
        // The article's plan: threads are IO-bound (1.0 s at 1 and 2 loops), asyncio is CPU-bound
        // (12.7 s on one process, 6.67 s on two). Judging the first runtime alone said "as fast".
        ExperimentResult r;
        r.spec.runtimes = {Runtime::Threads, Runtime::Asyncio};
        r.spec.shardCounts = {1, 2};
        r.runs = {run(1, 1001, 1000, 0, Runtime::Threads), run(2, 1000, 1000, 1, Runtime::Threads),
                  run(1, 12708, 12570, 2, Runtime::Asyncio),
                  run(2, 6667, 6474, 3, Runtime::Asyncio)};
        r.summary = summarizeExperiment(r);
        const Verdict v = judgeExperiment(r);
        QCOMPARE(v.text(), QStringLiteral("threads: 2 loops: as fast as 1 loop (ideal 1.00×); "
                                          "asyncio: 2 loops: 1.91× faster than 1 loop (ideal "
                                          "1.94×); fastest: 2 loops (threads), 1.000 s, as fast as "
                                          "1 loop (threads) · one run per K"));
        // The chart's title: the same judgement in a few words.
        QCOMPARE(v.headline, QStringLiteral("threads 2 loops as fast; asyncio 2 loops 1.91× "
                                            "faster; fastest: 2 loops (threads), 1.000 s"));
        QCOMPARE(v.byRuntime.size(), std::size_t(2));
        QCOMPARE(int(v.byRuntime[0].runtime), int(Runtime::Threads));
        QCOMPARE(int(v.byRuntime[0].kind), int(Verdict::Kind::AsFast));
        QCOMPARE(int(v.byRuntime[1].runtime), int(Runtime::Asyncio));
        QCOMPARE(int(v.byRuntime[1].kind), int(Verdict::Kind::Faster));
        QCOMPARE(v.byRuntime[1].speedup, 12708.0 / 6667.0);
        QCOMPARE(int(v.fastestRuntime), int(Runtime::Threads));
        QCOMPARE(v.fastestShards, 2);
        // The headline's figures stay the first runtime's.
        QCOMPARE(int(v.kind), int(Verdict::Kind::AsFast));
        QCOMPARE(v.shards, 2);
        // One runtime: no per-runtime list, and the claim as it always read.
        ExperimentResult one;
        one.spec.runtimes = {Runtime::Asyncio};
        one.spec.shardCounts = {1, 2};
        one.runs = {r.runs[2], r.runs[3]};
        one.summary = summarizeExperiment(one);
        const Verdict single = judgeExperiment(one);
        QVERIFY(single.byRuntime.empty());
        QVERIFY(single.headline.isEmpty());
        QCOMPARE(single.claim, v.byRuntime[1].claim);
    }

    void differentPlansHaveNoSpeedup()
    {
        const Verdict v = judgeRuns(run(1, 3740, 3000), run(2, 2050, 1500),
                                    {QStringLiteral("transport"), QStringLiteral("seed")});
        QCOMPARE(int(v.kind), int(Verdict::Kind::DifferentPlans));
        QCOMPARE(v.text(), QStringLiteral("different plans (transport, seed): 1 loop "
                                          "3.740 s, 2 loops 2.050 s; no speedup"));
        QVERIFY(std::isnan(v.speedup));
    }

    void aBusyRunIsSaidWithItsShare()
    {
        RunResult busy = run(2, 500, 460);
        busy.othersCpuFraction = 0.51;
        const Verdict v = judgeRuns(run(1, 1000, 900), busy);
        QVERIFY(v.machineBusy());
        QCOMPARE(v.busyFraction, 0.51);
        QVERIFY2(v.text().endsWith(QStringLiteral(
                     " — machine busy: other programs used 51 % of the CPUs; not comparable "
                     "with quiet runs")),
                 qPrintable(v.text()));
        QCOMPARE(v.busyBrief, QStringLiteral("machine busy (others 51 %)"));
        // Below the threshold it is a quiet run.
        busy.othersCpuFraction = RunResult::kMachineBusyThreshold / 2;
        QVERIFY(!judgeRuns(run(1, 1000, 900), busy).machineBusy());
    }
};

QTEST_GUILESS_MAIN(TestVerdict)
#include "tst_verdict.moc"
