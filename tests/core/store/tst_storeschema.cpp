// SPDX-License-Identifier: MIT
#include "core/store/resultstore.h"
#include "core/store/storeschema.h"
#include "tests/support/storetestsupport.h"
#include "tests/support/syntheticexperiment.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace storetest;

// The store's schema: versioned, in WAL mode, every old version migrated in order with its rows
// kept and new columns reading as what old runs were, a newer version left alone.
class TestStoreSchema : public QObject
{
    Q_OBJECT
private slots:
    void theSchemaIsVersionedAndInWalMode()
    {
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        QCOMPARE(scalar(store.path(), QStringLiteral("PRAGMA user_version")).toInt(),
                 StoreSchema::latest());
        QCOMPARE(scalar(store.path(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        // The named columns a user can query with sqlite3.
        for (const char *column :
             {"status", "spec", "shards", "wall_ms", "ideal_ms", "efficiency", "lag_p99_ms",
              "latency_p99_ms", "checksum", "machine", "started_utc", "experiment_id"}) {
            QVERIFY2(scalar(store.path(), QStringLiteral("SELECT COUNT(*) FROM pragma_table_info("
                                                         "'runs') WHERE name = '%1'")
                                              .arg(QLatin1String(column)))
                             .toInt() == 1,
                     column);
        }
    }

    void aVersionOneStoreIsMigratedAndKeepsItsRuns()
    {
        QTemporaryDir dir;
        const QString path = dbPath(dir);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(StoreSchema::migrate(db, &error, 1), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO experiments (id, kind, source, started_utc, tasks, io_min_ms, "
                "io_max_ms, cpu_min_iterations, cpu_max_iterations, kernel, seed, shard_counts, "
                "partition, pin, repeats, warmup, fail_task, workload, host, cpu_model, "
                "logical_cpus, machine) VALUES (7, 'compare', 'app', '2026-01-01T00:00:00Z', 100, "
                "0, 10, 1, 2, 'sum', '1', '1,2', 'contiguous', 0, 1, 0, -1, 'w', 'h', 'c', 2, "
                "'{}')")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO runs (experiment_id, seq, role, status, spec, machine, shards, "
                "partition, pinned, repeat_index, tasks, tasks_done, tasks_failed, wall_ms, "
                "checksum) VALUES (7, 0, 'one loop', 'completed', 'w', 'h', 1, 'contiguous', 0, "
                "0, 100, 100, 0, 1234.5, 'ff')")));
            QCOMPARE(StoreSchema::version(db), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        ResultStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA user_version")).toInt(),
                 StoreSchema::latest());
        const QList<StoredRun> runs = store.runs();
        QCOMPARE(runs.size(), qsizetype(1));
        QCOMPARE(runs[0].result.wallMs, 1234.5);
        QCOMPARE(runs[0].result.checksum, 0xffULL);
        QVERIFY(std::isnan(runs[0].result.workMs));         // not measured then: missing, not 0
        QCOMPARE(runs[0].result.runtime, Runtime::Threads); // the only runtime there was
        QCOMPARE(runs[0].result.tasksMoved, std::int64_t{0});
        QCOMPARE(runs[0].result.implementation, QString(QLatin1String("")));
        const auto e = store.experiment(7);
        QVERIFY(e);
        QVERIFY(e->result.runs[0].load.tSec.empty());
    }

    void aVersionTwoHistoryIsMigratedAndReadsAsUniform()
    {
        // A history written before shapes existed: schema 2, no shape columns.
        QTemporaryDir dir;
        const QString path = dbPath(dir);
        std::int64_t id = 0;
        {
            ResultStore store;
            QVERIFY(store.open(path));
            id = record(store, synthetic::experiment());
        }
        // Every column migration 3 adds, so that it can add them again.
        for (const char *column : {"io_dist", "cpu_dist", "transport", "connections",
                                   "response_bytes", "target", "server_loops", "http_timeout_ms"})
            scalar(path, QStringLiteral("ALTER TABLE experiments DROP COLUMN %1")
                             .arg(QLatin1String(column)));
        // ... and every later one's: they come back in order.
        for (const char *column : {"http", "shard_schedule", "elapsed_ms", "busy_programs",
                                   "runtime", "tasks_moved", "implementation"})
            scalar(path,
                   QStringLiteral("ALTER TABLE runs DROP COLUMN %1").arg(QLatin1String(column)));
        scalar(path, QStringLiteral("ALTER TABLE shard_stats DROP COLUMN peak_rss_kb"));
        scalar(path, QStringLiteral("ALTER TABLE experiments DROP COLUMN runtimes"));
        scalar(path, QStringLiteral("ALTER TABLE task_timings DROP COLUMN work_ns"));
        scalar(path, QStringLiteral("ALTER TABLE task_timings DROP COLUMN cpu_loops"));
        scalar(path, QStringLiteral("PRAGMA user_version = 2"));
        QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM pragma_table_info("
                                             "'runs') WHERE name = 'http'"))
                     .toInt(),
                 0);
        QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM pragma_table_info("
                                             "'experiments') WHERE name = 'io_dist'"))
                     .toInt(),
                 0);
        ResultStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA user_version")).toInt(),
                 StoreSchema::latest());
        const auto back = store.experiment(id);
        QVERIFY(back);
        QCOMPARE(back->result.spec.workload, synthetic::experiment().spec.workload);
        QVERIFY(back->result.spec.workload.ioDist.isUniform());
        // ... and fetched over the timer: no http figures.
        QCOMPARE(back->result.spec.transport, TransportConfig{});
        QVERIFY(!back->result.runs.front().http);
        // Every run recorded before the schedule was stored ran at the protective one.
        QCOMPARE(back->result.runs.front().schedule, ShardSchedule::Protective);
        // ... and on threads.
        QCOMPARE(back->result.runs.front().runtime, Runtime::Threads);
        QVERIFY(back->result.spec.runtimes == QList<Runtime>{Runtime::Threads});
    }

    void aVersionSixRunKeepsItsTimingsWithoutCpuTime()
    {
        // Timings kept before migration 7: resumed and done only. They still draw; the kernel's
        // CPU time reads as unknown (-1), never as 0.
        QTemporaryDir dir;
        const QString path = dbPath(dir);
        ExperimentResult e = synthetic::experiment();
        e.spec.workload.tasks = 2;
        e.runs.resize(1);
        e.runs[0].timings = std::make_shared<const std::vector<TaskTiming>>(
            std::vector<TaskTiming>{{1, 2, 1}, {3, 4, 1}});
        {
            ResultStore store;
            QVERIFY(store.open(path));
            store.setKeepTaskTimings(true);
            record(store, e);
        }
        scalar(path, QStringLiteral("ALTER TABLE task_timings DROP COLUMN work_ns"));
        scalar(path, QStringLiteral("ALTER TABLE task_timings DROP COLUMN cpu_loops"));
        scalar(path, QStringLiteral("PRAGMA user_version = 6"));
        ResultStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA user_version")).toInt(),
                 StoreSchema::latest());
        const QList<StoredRunTasks> back = store.runTasks({store.runs().front().id});
        QCOMPARE(back.size(), 1);
        const RunResult &r = back[0].run.result;
        QVERIFY(r.timings);
        QCOMPARE((*r.timings)[1].doneNs, 4);
        QCOMPARE((*r.timings)[1].workNs, -1);
        QVERIFY(!r.cpuLoops);
    }

    void aNewerSchemaIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dbPath(dir);
        {
            ResultStore store;
            QVERIFY(store.open(path));
        }
        scalar(path, QStringLiteral("PRAGMA user_version = 99"));
        ResultStore store;
        QVERIFY(!store.open(path));
        QVERIFY2(store.error().contains(QLatin1String("newer LoopBench")),
                 qPrintable(store.error()));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA user_version")).toInt(), 99);
    }
};

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "tst_storeschema.moc"
