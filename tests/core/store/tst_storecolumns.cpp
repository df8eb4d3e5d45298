// SPDX-License-Identifier: MIT
#include "core/experiment/plancodec.h"
#include "core/report/jsonreport.h"
#include "core/store/resultstore.h"
#include "core/store/storeschema.h"
#include "core/store/storetables.h"
#include "tests/support/syntheticexperiment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

// The store's column tables: each agrees with the newest schema, and a run whose every field holds
// a value no other field of its type holds comes back field by field, with each value in the
// column of its name (checked against the JSON report's keys and hand-written expectations, not
// against the table itself: a table that swapped two columns both ways would round-trip).
namespace {

// A run in which no two columns of one type hold the same value: a swap of any two shows.
StoredRun distinctRun()
{
    StoredRun s;
    s.sequence = 4;
    s.role = RunRole::Repeat;
    s.guiStallP99Ms = 17.125;
    // Written when its experiment ends, from the summary.
    s.speedup = 2.875;
    s.outlier = true;
    RunResult &r = s.result;
    r.status = RunStatus::Completed; // the JSON report writes a bound only for a completed run
    r.error = QStringLiteral("a distinct error");
    r.runtime = Runtime::Stealing;
    r.implementation = QStringLiteral("CPython 3.11.2 asyncio");
    r.shards = 7;
    r.partition = Partition::RoundRobin;
    r.pinned = false; // outlier is true
    r.schedule = ShardSchedule::Fair;
    r.repeat = 2;
    r.startedUtc =
        QDateTime::fromString(QStringLiteral("2026-12-07T22:51:03.250Z"), Qt::ISODateWithMs);
    r.tasks = 1009;
    r.tasksDone = 1003;
    r.tasksFailed = 5;
    r.tasksMoved = 11;
    r.nsPerIter = 1.5;
    r.wallMs = 2001.5;
    r.elapsedMs = 2002.25;
    r.idealMs = 1503.75;
    r.estimatedIdealMs = 1504.5;
    r.workMs = 3005.25;
    r.efficiency = 0.625;
    r.throughputTps = 501.125;
    r.startOverheadMs = 3.5;
    r.joinOverheadMs = 4.75;
    r.lagMs = {11.5, 12.5, 13.5, 14.5};
    r.latencyMs = {21.5, 22.5, 23.5, 24.5};
    r.checksum = 0xfedcba9876543210ULL;
    r.othersCpuFraction = 0.375; // machine busy
    r.busyPrograms = {{QStringLiteral("cc1plus"), 4242, 0.25}};
    HttpRunStats http;
    http.bytesReceived = 123456;
    http.connectMs = {0.5, 0.75, 1.25, 2.5};
    r.http = http;
    r.perShard = {{0, 1, 503, 501, 900.5, 910.25, 1990.75, 0x1234ULL, 40960},
                  {1, 0, 506, 502, 901.5, 911.25, 1995.75, 0xabcdULL, 41984}};
    return s;
}

QVariant valueOf(const StoreColumn<StoredRun> &c, const StoredRun &run)
{
    ColumnWriter io;
    c.write(io, run);
    return io.value();
}

// The columns of `table` in the file at `path`, name to declared type.
QMap<QString, QString> schemaColumns(const QString &path, const QString &table)
{
    QMap<QString, QString> columns;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
            while (q.next())
                columns.insert(q.value(1).toString(), q.value(2).toString());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema"));
    return columns;
}

template <typename Row>
QMap<QString, QString> tableColumns(std::span<const StoreColumn<Row>> columns)
{
    QMap<QString, QString> out;
    for (const StoreColumn<Row> &c : columns)
        out.insert(QLatin1String(c.name), columnTypeName(c.type));
    return out;
}

// The rows `sql` selects, as SQLite holds them.
QList<QSqlRecord> rawRows(const QString &path, const QString &sql)
{
    QList<QSqlRecord> rows;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql))
                while (q.next())
                    rows.append(q.record());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return rows;
}

QString compact(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray()
                                 ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// Whether the stored `raw` is what the JSON report writes as `json` for the same field.
bool sameAsJson(const QVariant &raw, const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return raw.toLongLong() == (json.toBool() ? 1 : 0);
    case QJsonValue::Double:
        return !raw.isNull() && raw.toDouble() == json.toDouble();
    case QJsonValue::String:
        return raw.toString() == json.toString();
    case QJsonValue::Array:
    case QJsonValue::Object:
        return raw.toString() == compact(json);
    default:
        return raw.isNull();
    }
}

} // namespace

class TestStoreColumns : public QObject
{
    Q_OBJECT
private slots:
    // The tables name the columns the migrations build, with their types: a row without a
    // migration (or a migration without a row) fails here.
    void everyTableMatchesTheNewestSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.sqlite"));
        {
            ResultStore store;
            QVERIFY2(store.open(path), qPrintable(store.error()));
        }
        QCOMPARE(schemaColumns(path, QStringLiteral("runs")), tableColumns(StoreTables::runs()));
        QCOMPARE(schemaColumns(path, QStringLiteral("shard_stats")),
                 tableColumns(StoreTables::shards()));
        QMap<QString, QString> experiments = schemaColumns(path, QStringLiteral("experiments"));
        for (const PlanField &f : PlanCodec::fields())
            QVERIFY2(experiments.remove(QLatin1String(f.key)) == 1, f.key);
        QCOMPARE(experiments, tableColumns(StoreTables::experiments()));
    }

    // No two read columns of one type hold the same value in distinctRun(), so that a swap of any
    // two is seen below. A new column fails here until distinctRun() gives it a value of its own.
    void theFixtureHoldsADistinctValueInEveryColumn()
    {
        const StoredRun run = distinctRun();
        for (const StoreColumn<StoredRun> &a : StoreTables::runs()) {
            if (!a.write || !a.read)
                continue;
            QVERIFY2(!valueOf(a, run).isNull(), a.name);
            for (const StoreColumn<StoredRun> &b : StoreTables::runs()) {
                if (&a == &b || !b.write || !b.read || a.type != b.type)
                    continue;
                QVERIFY2(valueOf(a, run) != valueOf(b, run),
                         qPrintable(QStringLiteral("%1 and %2 hold the same value")
                                        .arg(QLatin1String(a.name), QLatin1String(b.name))));
            }
        }
    }

    void everyFieldOfARunComesBackFromItsOwnColumn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.sqlite"));
        ResultStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        ExperimentResult e = synthetic::experiment();
        e.machine.host = QStringLiteral("distinct-host");
        // Other experiments and runs first, so that no id is 1 like a flag.
        std::int64_t id = 0;
        for (int i = 0; i < 3; ++i)
            id = store.beginExperiment(e.spec, e.machine, e.nsPerIter, QStringLiteral("run"),
                                       QStringLiteral("app"));
        for (int i = 0; i < 8; ++i)
            QVERIFY(store.recordRun(id - 1, i, RunRole::Cli, e.runs.front()) > 0);
        StoredRun sent = distinctRun();
        const std::int64_t runId =
            store.recordRun(id, sent.sequence, sent.role, sent.result, sent.guiStallP99Ms);
        QVERIFY2(runId > 0, qPrintable(store.error()));
        // The experiment ends: the run's speedup and outlier flag from its summary.
        ExperimentResult ended = e;
        ended.runs = {sent.result};
        ended.summary.runSpeedups = {sent.speedup};
        ended.summary.runOutliers = {sent.outlier};
        QVERIFY2(store.finishExperiment(id, ended), qPrintable(store.error()));
        sent.id = runId;
        sent.experimentId = id;
        sent.machine = e.machine.host;

        // Each column holds its own field's value: as the JSON report writes the field of the
        // same name, or as written here by hand for the store's own columns.
        const QJsonObject json = runToJson(sent.result);
        const QHash<QString, QVariant> byHand{
            {QStringLiteral("id"), qlonglong(runId)},
            {QStringLiteral("experiment_id"), qlonglong(id)},
            {QStringLiteral("seq"), 4},
            {QStringLiteral("role"), QStringLiteral("experiment")},
            {QStringLiteral("spec"), e.spec.workload.describe()},
            {QStringLiteral("machine"), QStringLiteral("distinct-host")},
            {QStringLiteral("repeat_index"), 2},
            {QStringLiteral("ns_per_iter"), 1.5},
            {QStringLiteral("checksum"), QStringLiteral("fedcba9876543210")},
            {QStringLiteral("speedup"), 2.875},
            {QStringLiteral("outlier"), 1},
            {QStringLiteral("gui_stall_p99_ms"), 17.125},
            {QStringLiteral("runtime"), QStringLiteral("stealing")},
            {QStringLiteral("tasks_moved"), 11},
            {QStringLiteral("implementation"), QStringLiteral("CPython 3.11.2 asyncio")},
        };
        const QRegularExpression percentile(QStringLiteral("^(lag|latency)_(p50|p90|p99|max)_ms$"));
        const QList<QSqlRecord> rows =
            rawRows(path, QStringLiteral("SELECT * FROM runs WHERE id = %1").arg(runId));
        QCOMPARE(rows.size(), qsizetype(1));
        const QSqlRecord &raw = rows.front();
        QCOMPARE(raw.count(), qsizetype(StoreTables::runs().size()));
        for (int i = 0; i < raw.count(); ++i) {
            const QString name = raw.fieldName(i);
            const QVariant value = raw.value(i);
            if (byHand.contains(name)) {
                QVERIFY2(value.toString() == byHand.value(name).toString(),
                         qPrintable(name + QStringLiteral(": ") + value.toString()));
            } else if (const auto m = percentile.match(name); m.hasMatch()) {
                const QJsonValue want = json.value(m.captured(1) + QStringLiteral("_ms"))
                                            .toObject()
                                            .value(m.captured(2));
                QVERIFY2(sameAsJson(value, want), qPrintable(name));
            } else {
                QVERIFY2(json.contains(name),
                         qPrintable(name + QStringLiteral(" has no expected value here: add it to "
                                                          "byHand")));
                QVERIFY2(sameAsJson(value, json.value(name)),
                         qPrintable(name + QStringLiteral(": ") + value.toString()));
            }
        }

        // Each shard's row likewise, against the report's "per_shard".
        const QList<QSqlRecord> shardRows = rawRows(
            path, QStringLiteral("SELECT * FROM shard_stats WHERE run_id = %1 ORDER BY shard")
                      .arg(runId));
        const QJsonArray perShard = json.value(u"per_shard").toArray();
        QCOMPARE(shardRows.size(), perShard.size());
        for (qsizetype k = 0; k < shardRows.size(); ++k) {
            const QJsonObject shard = perShard[k].toObject();
            for (int i = 0; i < shardRows[k].count(); ++i) {
                const QString name = shardRows[k].fieldName(i);
                const QVariant value = shardRows[k].value(i);
                if (name == QLatin1String("run_id"))
                    QCOMPARE(value.toLongLong(), runId);
                else if (name == QLatin1String("peak_rss_kb"))
                    QCOMPARE(value.toLongLong(), k == 0 ? 40960 : 41984);
                else if (name == QLatin1String("checksum"))
                    QCOMPARE(QStringLiteral("0x%1").arg(value.toString(), 16, QLatin1Char('0')),
                             shard.value(name).toString());
                else
                    QVERIFY2(sameAsJson(value, shard.value(name == QLatin1String("shard")
                                                               ? QStringLiteral("index")
                                                               : name)),
                             qPrintable(name));
            }
        }

        // And every field comes back into itself, through the history's read and the
        // experiment's.
        const QList<StoredRun> runs = store.runs();
        const StoredRun &back = runs.last();
        QCOMPARE(back.id, runId);
        for (const StoreColumn<StoredRun> &c : StoreTables::runs()) {
            if (c.write && c.read)
                QVERIFY2(valueOf(c, back) == valueOf(c, sent), c.name);
        }
        QCOMPARE(back.id, sent.id);
        QCOMPARE(back.experimentId, sent.experimentId);
        QCOMPARE(back.machine, sent.machine);
        const auto experiment = store.experiment(id);
        QVERIFY(experiment);
        QCOMPARE(experiment->result.runs.size(), std::size_t{1});
        const RunResult &full = experiment->result.runs.front();
        StoredRun fromExperiment = sent;
        fromExperiment.result = full;
        for (const StoreColumn<StoredRun> &c : StoreTables::runs()) {
            if (c.write && c.read)
                QVERIFY2(valueOf(c, fromExperiment) == valueOf(c, sent), c.name);
        }
        // Each shard's figures, column by column.
        QCOMPARE(full.perShard.size(), sent.result.perShard.size());
        for (std::size_t k = 0; k < full.perShard.size(); ++k) {
            for (const StoreColumn<StoredShard> &c : StoreTables::shards()) {
                ColumnWriter a;
                ColumnWriter b;
                c.write(a, StoredShard{runId, full.perShard[k]});
                c.write(b, StoredShard{runId, sent.result.perShard[k]});
                QVERIFY2(a.value() == b.value(), c.name);
            }
        }
    }

    // The experiment's own columns likewise: each raw value is the field of its name (by hand),
    // and every column comes back. Four flags cannot all differ: pin and warmup, and cancelled
    // and finished, do.
    void everyFieldOfAnExperimentComesBackFromItsOwnColumn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.sqlite"));
        ResultStore store;
        QVERIFY(store.open(path));
        ExperimentResult e = synthetic::experiment();
        e.spec.shardCounts = {1, 3, 6};
        e.spec.partition = Partition::RoundRobin;
        e.spec.pin = true;
        e.spec.warmup = false;
        e.spec.repeats = 9;
        e.spec.failTask = 17;
        e.spec.runtimes = {Runtime::Stealing, Runtime::Threads};
        e.nsPerIter = 2.375;
        e.machine.host = QStringLiteral("distinct-host");
        e.machine.logicalCpus = 12;
        e.runs.resize(1);
        e.cancelled = false;
        for (int i = 0; i < 4; ++i) // ids up to 4, so that the one checked is none of the others
            store.beginExperiment(e.spec, e.machine, e.nsPerIter, QStringLiteral("run"),
                                  QStringLiteral("app"));
        const std::int64_t id = store.beginExperiment(
            e.spec, e.machine, e.nsPerIter, QStringLiteral("sweep"), QStringLiteral("cli"));
        QVERIFY(store.recordRun(id, 0, RunRole::Cli, e.runs.front()) > 0);
        QVERIFY(store.finishExperiment(id, e));

        const QHash<QString, QVariant> byHand{
            {QStringLiteral("id"), qlonglong(id)},
            {QStringLiteral("kind"), QStringLiteral("sweep")},
            {QStringLiteral("source"), QStringLiteral("cli")},
            {QStringLiteral("started_utc"), e.machine.timestampUtc},
            {QStringLiteral("finished"), 1},
            {QStringLiteral("cancelled"), 0},
            {QStringLiteral("verdict"), e.verdict()},
            {QStringLiteral("shard_counts"), QStringLiteral("1,3,6")},
            {QStringLiteral("partition"), QStringLiteral("round-robin")},
            {QStringLiteral("pin"), 1},
            {QStringLiteral("repeats"), 9},
            {QStringLiteral("warmup"), 0},
            {QStringLiteral("fail_task"), 17},
            {QStringLiteral("runtimes"), QStringLiteral("stealing,threads")},
            {QStringLiteral("ns_per_iter"), 2.375},
            {QStringLiteral("workload"), e.spec.workload.describe()},
            {QStringLiteral("host"), QStringLiteral("distinct-host")},
            {QStringLiteral("cpu_model"), e.machine.cpuModel},
            {QStringLiteral("logical_cpus"), 12},
            {QStringLiteral("machine"),
             QString::fromUtf8(QJsonDocument(e.machine.toJson()).toJson(QJsonDocument::Compact))},
        };
        const QList<QSqlRecord> rows =
            rawRows(path, QStringLiteral("SELECT * FROM experiments WHERE id = %1").arg(id));
        QCOMPARE(rows.size(), qsizetype(1));
        int checked = 0;
        for (int i = 0; i < rows.front().count(); ++i) {
            const QString name = rows.front().fieldName(i);
            if (PlanCodec::field(name))
                continue; // the plan's: tst_resultstore's everyPlanFieldHasAColumnAndComesBack
            QVERIFY2(byHand.contains(name),
                     qPrintable(name + QStringLiteral(" has no expected value here: add it")));
            QVERIFY2(rows.front().value(i).toString() == byHand.value(name).toString(),
                     qPrintable(name + QStringLiteral(": ") + rows.front().value(i).toString()));
            ++checked;
        }
        QCOMPARE(qsizetype(checked), qsizetype(StoreTables::experiments().size()));

        const auto back = store.experiment(id);
        QVERIFY(back);
        StoredExperiment sent;
        sent.id = id;
        sent.kind = QStringLiteral("sweep");
        sent.source = QStringLiteral("cli");
        sent.finished = true;
        sent.verdict = e.verdict();
        sent.result = e;
        for (const StoreColumn<StoredExperiment> &c : StoreTables::experiments()) {
            if (!c.write || !c.read)
                continue;
            ColumnWriter a;
            ColumnWriter b;
            c.write(a, *back);
            c.write(b, sent);
            QVERIFY2(a.value() == b.value(), c.name);
        }
        QCOMPARE(back->id, id);
    }

    // The history lists each run with the speedup column; the statistics rebuild the experiment's
    // summary from its rows. Both are ExperimentSummary::speedupOfRun() of the same runs.
    void theHistoryAndTheStatisticsReadOneSpeedup()
    {
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("results.sqlite"))));
        const ExperimentResult e = synthetic::experiment();
        const std::int64_t id = store.beginExperiment(
            e.spec, e.machine, e.nsPerIter, QStringLiteral("repeat"), QStringLiteral("app"));
        for (std::size_t i = 0; i < e.runs.size(); ++i)
            QVERIFY(store.recordRun(id, int(i), RunRole::Repeat, e.runs[i]) > 0);
        QVERIFY(store.finishExperiment(id, e));
        const QList<StoredRun> history = store.runs();
        const auto statistics = store.experiment(id);
        QVERIFY(statistics);
        QCOMPARE(history.size(), qsizetype(e.runs.size()));
        int measured = 0;
        for (std::size_t i = 0; i < e.runs.size(); ++i) {
            const double shown = history[qsizetype(i)].speedup;
            const double computed = statistics->result.summary.speedupOfRun(i);
            QCOMPARE(std::isnan(shown), std::isnan(computed));
            if (std::isnan(shown))
                continue;
            QCOMPARE(shown, computed);
            QCOMPARE(shown, e.summary.speedupOfRun(i));
            QCOMPARE(history[qsizetype(i)].outlier, statistics->result.summary.isOutlier(i));
            ++measured;
        }
        QVERIFY(measured > 10);
    }
};

QTEST_GUILESS_MAIN(TestStoreColumns)
#include "tst_storecolumns.moc"
