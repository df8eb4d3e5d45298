// SPDX-License-Identifier: MIT
#include "core/store/storeschema.h"

#include "core/store/storefault.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

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
            // never got there): 16 B a task; migration 7 adds 10 more, hence only on request.
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
        // 4: the schedule the run's shards ran at (shardScheduleName()); every run recorded
        // before ran at the protective one.
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN shard_schedule TEXT NOT NULL "
                           "DEFAULT 'protective'"),
        },
        // 5: how long a run ran however it ended (RunResult::elapsedMs: a cancelled run has no
        // wall time but did run), and the other programs that took the CPUs meanwhile, as the
        // JSON report's "busy_programs" array.
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN elapsed_ms REAL"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN busy_programs TEXT NOT NULL DEFAULT '[]'"),
        },
        // 6: the runtime that ran the run (runtimeName()), how many tasks' CPU parts ran on
        // another loop than their own (RunResult::tasksMoved), what ran an out-of-process
        // runtime's loops (RunResult::implementation) and each worker's peak resident set
        // (ShardStats::peakRssKb). Every run recorded before ran on threads, the only runtime
        // there was: it moved no task, had no implementation to name and no worker (-1).
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN runtime TEXT NOT NULL DEFAULT 'threads'"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN tasks_moved INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN implementation TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "ALTER TABLE shard_stats ADD COLUMN peak_rss_kb INTEGER NOT NULL DEFAULT -1"),
            // The experiment's runtimes (ExperimentSpec::runtimes), "threads,stealing".
            QStringLiteral(
                "ALTER TABLE experiments ADD COLUMN runtimes TEXT NOT NULL DEFAULT 'threads'"),
        },
        // 7: what a run's timeline needs beside resumed and done: each task's kernel CPU time
        // (TaskTiming::workNs) as little-endian int64, and for the stealing runtime the loop
        // that ran each task's CPU part (RunResult::cpuLoops) as little-endian uint16. NULL in
        // rows from before (CPU time unknown), and cpu_loops NULL for every runtime whose tasks
        // all run on their slice's loop.
        {
            QStringLiteral("ALTER TABLE task_timings ADD COLUMN work_ns BLOB"),
            QStringLiteral("ALTER TABLE task_timings ADD COLUMN cpu_loops BLOB"),
        },
    };
    return list;
}

// The tables of a database and their columns.
using Tables = QMap<QString, QSet<QString>>;

// Reads the tables of `db`; false with *error set when SQLite cannot.
bool readTables(QSqlDatabase &db, Tables &tables, QSqlError *error)
{
    QSqlQuery q(db);
    QStringList names;
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%'"))) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        names.append(q.value(0).toString());
    q.finish();
    for (const QString &name : names) {
        QSet<QString> &columns = tables[name];
        if (!q.exec(QStringLiteral("PRAGMA table_info(\"%1\")")
                        .arg(QString(name).replace(QLatin1Char('"'), QLatin1String("\"\""))))) {
            *error = q.lastError();
            return false;
        }
        while (q.next())
            columns.insert(q.value(1).toString());
        q.finish();
    }
    return true;
}

// The tables the first `version` migrations build, from building them in memory: the migrations
// are the one description of the schema.
Tables expectedTables(int version)
{
    static QMutex mutex;
    static QHash<int, Tables> cache;
    const QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(version); it != cache.constEnd())
        return *it;
    Tables tables;
    const QString name = QStringLiteral("loopbench-schema-%1").arg(version);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            for (int v = 0; v < version; ++v)
                for (const QString &sql : migrations()[v])
                    q.exec(sql);
            QSqlError ignored;
            readTables(db, tables, &ignored);
        }
    }
    QSqlDatabase::removeDatabase(name);
    cache.insert(version, tables);
    return tables;
}

// The user_version, or nullopt with *error set.
std::optional<int> readVersion(QSqlDatabase &db, QSqlError *error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    *error = q.lastError();
    return std::nullopt;
}

StoreSchema::Preparation failure(const QSqlError &error, const QString &path)
{
    if (StoreFault::isCorrupt(error))
        return {StoreSchema::Outcome::Damaged, QStringLiteral("%1 is not a sound database: %2")
                                                   .arg(path, StoreFault::sqliteText(error))};
    return {StoreSchema::Outcome::Failed, StoreFault::explain(error, path),
            StoreFault::isBusy(error)};
}

// A version this build cannot migrate from, in words; empty when it can.
std::optional<StoreSchema::Preparation> unusableVersion(int version, const QString &path)
{
    if (version > StoreSchema::latest())
        return StoreSchema::Preparation{
            StoreSchema::Outcome::Newer,
            QStringLiteral("%1 was written by a newer LoopBench (schema %2, this build knows %3)")
                .arg(path)
                .arg(version)
                .arg(StoreSchema::latest())};
    if (version < 0)
        return StoreSchema::Preparation{
            StoreSchema::Outcome::Failed,
            QStringLiteral("%1 has schema version %2, which no LoopBench writes (0 to %3): it was "
                           "changed by hand and is left as it is")
                .arg(path)
                .arg(version)
                .arg(StoreSchema::latest())};
    return std::nullopt;
}

} // namespace

namespace StoreSchema {

int latest()
{
    return static_cast<int>(migrations().size());
}

int version(QSqlDatabase &db, QString *error)
{
    QSqlError why;
    const std::optional<int> v = readVersion(db, &why);
    if (!v && error)
        *error = why.text();
    return v.value_or(-1);
}

QString schemaProblem(QSqlDatabase &db, int version)
{
    Tables actual;
    QSqlError error;
    if (!readTables(db, actual, &error))
        return StoreFault::sqliteText(error);
    // Version 0 is an empty file: one with tables is another program's database, not a history
    // to create tables in.
    if (version == 0 && !actual.isEmpty()) {
        QStringList names = actual.keys();
        if (names.size() > 3)
            names = names.mid(0, 3) << QStringLiteral("…");
        return QStringLiteral("it has tables (%1) but no LoopBench schema: another program's "
                              "database?")
            .arg(names.join(QStringLiteral(", ")));
    }
    const Tables expected = expectedTables(version);
    const Tables known = expectedTables(latest());
    QStringList problems;
    for (auto table = expected.cbegin(); table != expected.cend(); ++table) {
        const auto there = actual.constFind(table.key());
        if (there == actual.cend()) {
            problems.append(QStringLiteral("table %1 is missing").arg(table.key()));
            continue;
        }
        QStringList missing = QStringList(table->cbegin(), table->cend());
        missing.removeIf([&](const QString &c) { return there->contains(c); });
        missing.sort();
        for (const QString &column : std::as_const(missing))
            problems.append(QStringLiteral("table %1 has no column %2").arg(table.key(), column));
    }
    // What a later migration adds must not be there yet, or that migration fails halfway.
    for (auto table = known.cbegin(); table != known.cend(); ++table) {
        const auto there = actual.constFind(table.key());
        if (there == actual.cend())
            continue;
        const auto want = expected.constFind(table.key());
        if (want == expected.cend()) {
            problems.append(QStringLiteral("table %1 is there before schema %2 adds it")
                                .arg(table.key())
                                .arg(version + 1));
            continue;
        }
        QStringList early;
        for (const QString &c : *table)
            if (there->contains(c) && !want->contains(c))
                early.append(c);
        early.sort();
        for (const QString &column : std::as_const(early))
            problems.append(QStringLiteral("column %1.%2 is there before a later schema adds it")
                                .arg(table.key(), column));
    }
    return problems.join(QStringLiteral("; "));
}

Preparation prepare(QSqlDatabase &db, int target)
{
    if (target < 0 || target > latest())
        target = latest();
    const QString path = db.databaseName();
    QSqlError error;
    // The first read: a file that is not SQLite fails it with SQLITE_NOTADB.
    const std::optional<int> seen = readVersion(db, &error);
    if (!seen)
        return failure(error, path);
    if (auto bad = unusableVersion(*seen, path))
        return *bad;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")))
            return failure(q.lastError(), path);
        QStringList found;
        while (q.next())
            found.append(q.value(0).toString());
        if (found != QStringList{QStringLiteral("ok")})
            return {Outcome::Damaged, QStringLiteral("%1 fails its integrity check: %2")
                                          .arg(path, found.mid(0, 3).join(QStringLiteral("; ")))};
    }
    QSqlQuery q(db);
    // WAL: readers (a second instance, sqlite3) never block the writer, and a commit is one
    // append. NORMAL sync in WAL mode loses no committed transaction on a process crash.
    for (const char *pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (!q.exec(QLatin1String(pragma)))
            return failure(q.lastError(), path);
        q.finish();
    }
    // The write lock first, then the version again: another instance may have created or
    // migrated the file since it was read above ("table experiments already exists").
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failure(q.lastError(), path);
    const auto rollback = [&](Preparation p) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return p;
    };
    const std::optional<int> from = readVersion(db, &error);
    if (!from)
        return rollback(failure(error, path));
    if (auto bad = unusableVersion(*from, path))
        return rollback(*bad);
    if (const QString problem = schemaProblem(db, *from); !problem.isEmpty())
        return rollback(
            {Outcome::Failed, QStringLiteral("%1 does not have the tables of its schema version %2 "
                                             "(changed by hand?): %3; it is left as it is")
                                  .arg(path)
                                  .arg(*from)
                                  .arg(problem)});
    for (int v = *from; v < target; ++v) {
        for (const QString &sql : migrations()[v]) {
            if (!q.exec(sql))
                return rollback(failure(q.lastError(), path));
        }
    }
    if (*from < target && !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(target)))
        return rollback(failure(q.lastError(), path));
    if (!q.exec(QStringLiteral("COMMIT")))
        return rollback(failure(q.lastError(), path));
    return {Outcome::Ready, {}};
}

bool migrate(QSqlDatabase &db, QString *error, int target)
{
    const Preparation p = prepare(db, target);
    if (p.outcome != Outcome::Ready && error)
        *error = p.problem;
    return p.outcome == Outcome::Ready;
}

} // namespace StoreSchema
