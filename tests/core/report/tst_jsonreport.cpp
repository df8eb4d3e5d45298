// SPDX-License-Identifier: MIT
#include "core/report/jsonreport.h"

#include "tests/support/syntheticexperiment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

namespace {

// The one place that knows how a checksum is spelt in the report (today: 16 hex digits), so that
// a change of spelling changes this function and nothing else. Fails the test on anything that is
// not text: a JSON number would have lost the low bits of a 64-bit value.
std::uint64_t checksumFromJson(const QJsonValue &v, bool *ok)
{
    *ok = v.isString();
    if (!*ok)
        return 0;
    return v.toString().toULongLong(ok, 16);
}

// The report as a reader sees it: serialised and parsed again, so that what is asserted is what
// travels (a NaN that slipped into a QJsonObject would serialise as null or fail right here).
// The experiment's summary is computed again first, as ExperimentRunner does when an experiment
// ends, because the tests edit the runs of a synthetic experiment.
QJsonObject reportOf(ExperimentResult e)
{
    e.summary = summarizeExperiment(e);
    const QByteArray text = QJsonDocument(experimentToJson(e)).toJson(QJsonDocument::Compact);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("report is not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

const QJsonObject &configWithShards(const QJsonArray &configs, int shards, QJsonObject &holder)
{
    holder = {};
    for (const QJsonValue &c : configs) {
        if (c[u"shards"].toInt() == shards)
            holder = c.toObject();
    }
    return holder;
}

} // namespace

class TestJsonReport : public QObject
{
    Q_OBJECT

private slots:
    void schemaMachineWorkloadAndVerdictAreThere()
    {
        const ExperimentResult e = synthetic::experiment();
        const QJsonObject doc = reportOf(e);
        QCOMPARE(doc[u"schema"].toString(), QStringLiteral("loopbench.report/1"));
        QCOMPARE(doc[u"schema"].toString(), QString::fromLatin1(kReportSchema));

        const QJsonObject meta = doc[u"meta"].toObject();
        QCOMPARE(meta[u"cpu_model"].toString(), synthetic::machine().cpuModel);
        QCOMPARE(meta[u"logical_cpus"].toInt(), 4);
        QCOMPARE(meta[u"git_hash"].toString(), QStringLiteral("0123456789ab"));
        QCOMPARE(meta[u"timestamp_utc"].toString(), QStringLiteral("2024-06-01T12:00:00.000Z"));

        const QJsonObject w = doc[u"workload"].toObject();
        QCOMPARE(w[u"tasks"].toInt(), 1000);
        QCOMPARE(w[u"kernel"].toString(), QStringLiteral("sum"));
        QCOMPARE(w[u"shards"].toArray(), (QJsonArray{1, 2, 4}));
        QCOMPARE(w[u"repeats"].toInt(), 5);
        QCOMPARE(w[u"partition"].toString(), QStringLiteral("contiguous"));
        QCOMPARE(w[u"warmup"].toBool(), false);
        QCOMPARE(doc[u"calibration"][u"ns_per_iter"].toDouble(), 1.25);

        QCOMPARE(doc[u"cancelled"].toBool(), false);
        QCOMPARE(doc[u"verdict"].toString(),
                 QStringLiteral("4 loops: 2.83 ± 0.01× faster than 1 loop (ideal 3.60×)"));
        QCOMPARE(doc[u"statistics"][u"baseline_shards"].toInt(), 1);
        QCOMPARE(doc[u"statistics"][u"configs"].toArray().size(), 3);
    }

    void sixtyFourBitValuesTravelAsExactText()
    {
        // Above 2^53 a JSON number (a double) rounds: the seed and every checksum must not.
        ExperimentResult e = synthetic::experiment();
        e.spec.workload.seed = 18446744073709551557ULL; // the largest 64-bit prime
        e.runs[0].checksum = 0xfedcba9876543211ULL;
        e.runs[0].perShard = {{0, -1, 600, 600, 1.5, 2.5, 10400.0, 0x8000000000000001ULL},
                              {1, -1, 400, 400, 1.0, 2.0, 10500.0, 0x7edcba9876543210ULL}};
        const QJsonObject doc = reportOf(e);

        QVERIFY(doc[u"workload"][u"seed"].isString());
        QCOMPARE(doc[u"workload"][u"seed"].toString(), QStringLiteral("18446744073709551557"));

        const QJsonObject run = doc[u"runs"][0].toObject();
        bool ok = false;
        QCOMPARE(checksumFromJson(run[u"checksum"], &ok), 0xfedcba9876543211ULL);
        QVERIFY(ok);
        const QJsonArray shards = run[u"per_shard"].toArray();
        QCOMPARE(shards.size(), 2);
        QCOMPARE(checksumFromJson(shards[0][u"checksum"], &ok), 0x8000000000000001ULL);
        QVERIFY(ok);
        QCOMPARE(checksumFromJson(shards[1][u"checksum"], &ok), 0x7edcba9876543210ULL);
        QVERIFY(ok);
        // A checksum that happens to be all digits and an 'e' is still text, not 1.2e4.
        QCOMPARE(checksumFromJson(doc[u"runs"][1][u"checksum"], &ok), 0x12e4ULL);
        QVERIFY(ok);
    }

    void undefinedStatisticsAreNullNotZero()
    {
        // One completed run per configuration: no spread, no Mann-Whitney test (needs 5 a side).
        ExperimentResult e = synthetic::experiment();
        e.spec.repeats = 1;
        e.runs = {synthetic::run(1, 0, 1000, 900), synthetic::run(2, 0, 600, 450)};
        e.spec.shardCounts = {1, 2};
        const QJsonObject doc = reportOf(e);
        const QJsonArray configs = doc[u"statistics"][u"configs"].toArray();
        QCOMPARE(configs.size(), 2);
        QJsonObject holder;
        const QJsonObject &two = configWithShards(configs, 2, holder);
        QCOMPARE(two[u"wall_ms"][u"n"].toInt(), 1);
        QCOMPARE(two[u"wall_ms"][u"median"].toDouble(), 600.0);
        QVERIFY(two[u"wall_ms"][u"stddev"].isNull());
        QVERIFY(two[u"wall_ms"][u"cv"].isNull());
        QVERIFY(two[u"mann_whitney_p"].isNull());
        QVERIFY(two[u"mann_whitney_u"].isNull());
        QCOMPARE(two[u"speedup"].toDouble(), 1000.0 / 600.0);
        QCOMPARE(two[u"ideal_speedup"].toDouble(), 900.0 / 450.0);

        // With five runs a side the same fields are numbers.
        const QJsonObject full = reportOf(synthetic::experiment());
        const QJsonObject &four =
            configWithShards(full[u"statistics"][u"configs"].toArray(), 4, holder);
        QVERIFY(four[u"wall_ms"][u"stddev"].isDouble());
        QVERIFY(four[u"mann_whitney_p"].isDouble());
        QVERIFY(four[u"mann_whitney_p"].toDouble() > 0 && four[u"mann_whitney_p"].toDouble() < 1);
        QCOMPARE(four[u"runs"].toInt(), 6);
        QCOMPARE(four[u"completed_runs"].toInt(), 5); // the failed run is left out
    }

    void runsCarryWhatWasMeasuredInExecutionOrder()
    {
        const ExperimentResult e = synthetic::experiment();
        const QJsonArray runs = reportOf(e)[u"runs"].toArray();
        QCOMPARE(runs.size(), qsizetype(e.runs.size()));
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const RunResult &r = e.runs[std::size_t(i)];
            const QJsonObject run = runs[i].toObject();
            QCOMPARE(run[u"shards"].toInt(), r.shards);
            QCOMPARE(run[u"repeat"].toInt(), r.repeat);
            QCOMPARE(run[u"wall_ms"].toDouble(), r.wallMs);
            if (r.completed()) {
                QCOMPARE(run[u"ideal_ms"].toDouble(), r.idealMs);
                QCOMPARE(run[u"efficiency"].toDouble(), r.efficiency);
            } else { // no bound and no efficiency for a run that did not complete
                QVERIFY(run[u"ideal_ms"].isNull());
                QVERIFY(run[u"efficiency"].isNull());
            }
            QCOMPARE(run[u"tasks_done"].toInteger(), r.tasksDone);
            QCOMPARE(run[u"lag_ms"][u"p99"].toDouble(), r.lagMs.p99);
            QCOMPARE(run[u"latency_ms"][u"max"].toDouble(), r.latencyMs.max);
        }
        const QJsonObject first = runs[0].toObject();
        QCOMPARE(first[u"status"].toString(), QStringLiteral("completed"));
        QCOMPARE(first[u"partition"].toString(), QStringLiteral("contiguous"));
        QCOMPARE(first[u"pinned"].toBool(), false);
        QCOMPARE(QDateTime::fromString(first[u"started_utc"].toString(), Qt::ISODateWithMs),
                 QDateTime(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc()));
        QCOMPARE(first[u"tasks"].toInteger(), 1000);
        QCOMPARE(first[u"tasks_failed"].toInteger(), 0);
        QCOMPARE(first[u"throughput_tps"].toDouble(), 1000 / (10512.3 / 1000));
        QCOMPARE(first[u"start_overhead_ms"].toDouble(), 0.5);
        QCOMPARE(first[u"join_overhead_ms"].toDouble(), 0.25);
        QCOMPARE(first[u"lag_ms"].toObject(),
                 (QJsonObject{{"p50", 10.5}, {"p90", 20.25}, {"p99", 1234.8}, {"max", 1500.0}}));
        QVERIFY(!first.contains(u"error")); // only a run that failed says why
        QCOMPARE(first[u"per_shard"].toArray().size(), 0);

        // The failed run: its status, counts and message exactly, control characters included.
        const QJsonObject failed = runs.last().toObject();
        QCOMPARE(failed[u"status"].toString(), QStringLiteral("failed"));
        QCOMPARE(failed[u"tasks_done"].toInteger(), 10);
        QCOMPARE(failed[u"tasks_failed"].toInteger(), 990);
        QCOMPARE(failed[u"error"].toString(), synthetic::kFailure);

        // Outliers are marked per run: only the 6400 ms two-loop run (the 14th run).
        QStringList outliers;
        for (const QJsonValue &run : runs) {
            if (run[u"outlier"].toBool())
                outliers << QStringLiteral("%1/%2")
                                .arg(run[u"shards"].toInt())
                                .arg(run[u"wall_ms"].toDouble());
        }
        QCOMPARE(outliers, QStringList{QStringLiteral("2/6400")});
    }

    void cancelledExperimentSaysSoInEveryPlace()
    {
        ExperimentResult e = synthetic::experiment();
        e.runs.resize(4);
        RunResult &last = e.runs.back();
        last.status = RunStatus::Cancelled;
        last.tasksDone = 123;
        e.cancelled = true;
        const QJsonObject doc = reportOf(e);
        QCOMPARE(doc[u"cancelled"].toBool(), true);
        QCOMPARE(doc[u"verdict"].toString(),
                 QStringLiteral("cancelled after 123 of 1,000 tasks on 1 loop: no verdict"));
        const QJsonArray runs = doc[u"runs"].toArray();
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs[2][u"status"].toString(), QStringLiteral("completed"));
        QCOMPARE(runs[3][u"status"].toString(), QStringLiteral("cancelled"));
        QCOMPARE(runs[3][u"tasks_done"].toInteger(), 123);
        // A cancelled run is listed but enters no statistic: K = 1 has one completed run.
        QJsonObject holder;
        const QJsonObject &one =
            configWithShards(doc[u"statistics"][u"configs"].toArray(), 1, holder);
        QCOMPARE(one[u"runs"].toInt(), 2);
        QCOMPARE(one[u"completed_runs"].toInt(), 1);
    }
};

QTEST_APPLESS_MAIN(TestJsonReport)
#include "tst_jsonreport.moc"
