// SPDX-License-Identifier: MIT
#include "core/store/storeschema.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// Migration i (from 1) brings a database from version i - 1 to version i.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list{
        // 1: experiments, their runs, per-shard figures.
        {
            QStringLiteral(
                "CREATE TABLE experiments ("
                " id INTEGER PRIMARY KEY,"
                " kind TEXT NOT NULL,"
                " source TEXT NOT NULL,"
                " started_utc TEXT NOT NULL,"
                " finished INTEGER NOT NULL DEFAULT 0,"
                " cancelled INTEGER NOT NULL DEFAULT 0,"
                " verdict TEXT,"
                " tasks INTEGER NOT NULL,"
                " io_min_ms INTEGER NOT NULL,"
                " io_max_ms INTEGER NOT NULL,"
                " cpu_min_iterations INTEGER NOT NULL,"
                " cpu_max_iterations INTEGER NOT NULL,"
                " kernel TEXT NOT NULL,"
                " seed TEXT NOT NULL," // 64-bit unsigned: as text
                " shard_counts TEXT NOT NULL,"
                " partition TEXT NOT NULL,"
                " pin INTEGER NOT NULL,"
                " repeats INTEGER NOT NULL,"
                " warmup INTEGER NOT NULL,"
                " fail_task INTEGER NOT NULL,"
                " ns_per_iter REAL,"
                " workload TEXT NOT NULL," // the spec in one line, for people and for grouping
                " host TEXT NOT NULL,"
                " cpu_model TEXT NOT NULL,"
                " logical_cpus INTEGER NOT NULL,"
                " machine TEXT NOT NULL)"), // MachineInfo as JSON
            QStringLiteral(
                "CREATE TABLE runs ("
                " id INTEGER PRIMARY KEY,"
                " experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,"
                " seq INTEGER NOT NULL,"
                " role TEXT NOT NULL,"
                " status TEXT NOT NULL,"
                " error TEXT,"
                " spec TEXT NOT NULL,"
                " machine TEXT NOT NULL,"
                " shards INTEGER NOT NULL,"
                " partition TEXT NOT NULL,"
                " pinned INTEGER NOT NULL,"
                " repeat_index INTEGER NOT NULL,"
                " started_utc TEXT,"
                " tasks INTEGER NOT NULL,"
                " tasks_done INTEGER NOT NULL,"
                " tasks_failed INTEGER NOT NULL,"
                " ns_per_iter REAL,"
                " wall_ms REAL, ideal_ms REAL, efficiency REAL, throughput_tps REAL,"
                " start_overhead_ms REAL, join_overhead_ms REAL,"
                " lag_p50_ms REAL, lag_p90_ms REAL, lag_p99_ms REAL, lag_max_ms REAL,"
                " latency_p50_ms REAL, latency_p90_ms REAL, latency_p99_ms REAL,"
                " latency_max_ms REAL,"
                " checksum TEXT NOT NULL," // hex: 64-bit unsigned
                " speedup REAL,"
                " outlier INTEGER NOT NULL DEFAULT 0,"
                " gui_stall_p99_ms REAL,"
                " others_cpu_fraction REAL," // other processes' share of the CPUs meanwhile
                " machine_busy INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX runs_by_experiment ON runs(experiment_id, seq)"),
            QStringLiteral("CREATE TABLE shard_stats ("
                           " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                           " shard INTEGER NOT NULL,"
                           " cpu INTEGER NOT NULL,"
                           " tasks INTEGER NOT NULL,"
                           " tasks_done INTEGER NOT NULL,"
                           " busy_ms REAL, cpu_ms REAL, finish_ms REAL,"
                           " checksum TEXT NOT NULL,"
                           " PRIMARY KEY (run_id, shard))"),
        },
        // 2: the run's measured work and estimated bound, its load samples, and per-task
        // timings for the runs they were asked for.
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN work_ms REAL"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN ideal_estimate_ms REAL"),
            // One row per 4 Hz sample, times from the run's t0; every core's busy share and
            // every shard's CPU share as comma-separated fractions ("" where unknown): one
            // row a sample however many shards, and still readable in sqlite3.
            QStringLiteral("CREATE TABLE load_samples ("
                           " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                           " seq INTEGER NOT NULL,"
                           " t_s REAL NOT NULL,"
                           " core_busy TEXT NOT NULL,"
                           " shard_cpu TEXT NOT NULL,"
                           " PRIMARY KEY (run_id, seq)) WITHOUT ROWID"),
            // Per task id, resumed and done times from t0 in ns as two little-endian int64 (-1:
            // never got there): 16 B a task, 160 MB for ten million, hence only on request.
            QStringLiteral("CREATE TABLE task_timings ("
                           " run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,"
                           " tasks INTEGER NOT NULL,"
                           " resumed_done_ns BLOB NOT NULL)"),
        },
        // 3: the shapes of the IO and CPU draws (distribution.h) and the transport
        // (transportconfig.h); rows from before are uniform and fetch over the timer. A run's
        // http figures are the JSON report's "http" object (httpRunToJson()), NULL for a timer
        // run: one format for both.
        {
            QStringLiteral(
                "ALTER TABLE experiments ADD COLUMN io_dist TEXT NOT NULL DEFAULT 'uniform'"),
            QStringLiteral(
                "ALTER TABLE experiments ADD COLUMN cpu_dist TEXT NOT NULL DEFAULT 'uniform'"),
            QStringLiteral(
                "ALTER TABLE experiments ADD COLUMN transport TEXT NOT NULL DEFAULT 'timer'"),
            // 0: one connection per request ("per-task"); N: a pool of N per shard.
            QStringLiteral(
                "ALTER TABLE experiments ADD COLUMN connections INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(
                "ALTER TABLE experiments ADD COLUMN response_bytes INTEGER NOT NULL DEFAULT 4096"),
            QStringLiteral("ALTER TABLE experiments ADD COLUMN target TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "ALTER TABLE experiments ADD COLUMN server_loops INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE experiments ADD COLUMN http_timeout_ms INTEGER NOT NULL "
                           "DEFAULT 10000"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN http TEXT"),
        },
    };
    return list;
}

bool exec(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

namespace StoreSchema {

int latest()
{
    return static_cast<int>(migrations().size());
}

int version(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    if (error)
        *error = q.lastError().text();
    return -1;
}

Check check(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // A file that is not SQLite fails its first read ("file is not a database").
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Check::Damaged;
    const int v = q.value(0).toInt();
    if (v > latest())
        return Check::Newer;
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() ||
        q.value(0).toString() != QLatin1String("ok"))
        return Check::Damaged;
    if (db.databaseName() == QLatin1String(":memory:"))
        return Check::Usable;
    const QFileInfo file(db.databaseName());
    if ((file.exists() && !file.isWritable()) || !QFileInfo(file.absolutePath()).isWritable())
        return Check::ReadOnly;
    return Check::Usable;
}

bool migrate(QSqlDatabase &db, QString *error, int target)
{
    if (target < 0 || target > latest())
        target = latest();
    QSqlQuery q(db);
    // WAL: readers (a second instance, sqlite3) never block the writer, and a commit is one
    // append. NORMAL sync in WAL mode loses no committed transaction on a process crash.
    if (!exec(q, QStringLiteral("PRAGMA journal_mode=WAL"), error) ||
        !exec(q, QStringLiteral("PRAGMA synchronous=NORMAL"), error) ||
        !exec(q, QStringLiteral("PRAGMA foreign_keys=ON"), error))
        return false;
    // A version that cannot be read (another instance's write-ahead log beside a file that was
    // replaced under it reads as "disk I/O error") is no version to migrate from.
    QString why;
    const int from = version(db, &why);
    if (from < 0) {
        if (error)
            *error = QStringLiteral("cannot read its schema version: %1").arg(why);
        return false;
    }
    for (int v = from; v < target; ++v) {
        if (!db.transaction()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &sql : migrations()[v])
            ok = ok && exec(q, sql, error);
        ok = ok && exec(q, QStringLiteral("PRAGMA user_version = %1").arg(v + 1), error);
        if (!ok || !db.commit()) {
            db.rollback();
            return false;
        }
    }
    return true;
}

} // namespace StoreSchema
