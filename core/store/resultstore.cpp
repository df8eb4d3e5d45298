// SPDX-License-Identifier: MIT
#include "core/store/resultstore.h"

#include "core/experiment/plancodec.h"
#include "core/report/jsonreport.h"
#include "core/report/reportreader.h"
#include "core/store/storefault.h"
#include "core/store/storeschema.h"
#include "core/workload/taskplan.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <QVariant>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <sys/stat.h>

namespace {

std::atomic<const QThread *> forbiddenThread{nullptr};

// SQLite stores NaN as NULL; a missing number reads back as NaN, never as 0.
QVariant real(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant(QMetaType::fromType<double>());
}

// A QString that was never set binds as NULL; the store's text columns hold "" instead.
QVariant text(const QString &s)
{
    return QVariant(s.isNull() ? QString(QLatin1String("")) : s);
}

double realOf(const QVariant &v)
{
    return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
}

QString joinInts(const QList<int> &values)
{
    QStringList parts;
    for (const int v : values)
        parts.append(QString::number(v));
    return parts.join(QLatin1Char(','));
}

QList<int> splitInts(const QString &text)
{
    QList<int> values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        values.append(part.toInt());
    return values;
}

MachineInfo machineFromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    MachineInfo m;
    m.appVersion = o.value(u"app_version").toString();
    m.gitHash = o.value(u"git_hash").toString();
    m.cpuModel = o.value(u"cpu_model").toString();
    m.logicalCpus = o.value(u"logical_cpus").toInt();
    m.os = o.value(u"os").toString();
    m.qtVersion = o.value(u"qt_version").toString();
    m.qcoroVersion = o.value(u"qcoro_version").toString();
    m.compiler = o.value(u"compiler").toString();
    m.buildType = o.value(u"build_type").toString();
    m.timestampUtc = o.value(u"timestamp_utc").toString();
    m.host = o.value(u"host").toString();
    return m;
}

const QString kRunColumns = QStringLiteral(
    "id, experiment_id, seq, role, status, error, shards, partition, pinned, repeat_index, "
    "started_utc, tasks, tasks_done, tasks_failed, ns_per_iter, wall_ms, ideal_ms, efficiency, "
    "throughput_tps, start_overhead_ms, join_overhead_ms, lag_p50_ms, lag_p90_ms, lag_p99_ms, "
    "lag_max_ms, latency_p50_ms, latency_p90_ms, latency_p99_ms, latency_max_ms, checksum, "
    "speedup, outlier, gui_stall_p99_ms, spec, machine, others_cpu_fraction, work_ms, "
    "ideal_estimate_ms, http, shard_schedule, elapsed_ms, busy_programs");

// runs.http: the JSON report's "http" object, read by the report's reader. Written by this store,
// so one that does not read (a hand edit) is dropped rather than half taken.
QVariant httpColumn(const std::optional<HttpRunStats> &http)
{
    if (!http)
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(httpRunToJson(*http)).toJson(QJsonDocument::Compact));
}

std::optional<HttpRunStats> httpOf(const QVariant &column)
{
    if (column.isNull())
        return std::nullopt;
    return ReportReader::httpFromJson(QJsonDocument::fromJson(column.toString().toUtf8()).object(),
                                      nullptr);
}

// The experiments' columns of the plan's fields: PlanCodec's keys (tst_resultstore checks that
// the schema has every one).
QString planColumns()
{
    QStringList keys;
    for (const PlanField &f : PlanCodec::fields())
        keys.append(QLatin1String(f.key));
    return keys.join(QStringLiteral(", "));
}

QVariant planColumn(const PlanField &field, const Plan &plan)
{
    return field.write(plan).toVariant();
}

// The plan in the columns of `q` from `column` on, in planColumns()' order. Written by this
// store from a valid plan: a value that does not read (a hand edit) keeps its default.
Plan planFromQuery(const QSqlQuery &q, int column)
{
    QJsonObject o;
    for (const PlanField &f : PlanCodec::fields())
        o.insert(QLatin1String(f.key), QJsonValue::fromVariant(q.value(column++)));
    return PlanCodec::fromJson(o).plan;
}

StoredRun runFromQuery(const QSqlQuery &q)
{
    StoredRun s;
    int c = 0;
    auto next = [&] { return q.value(c++); };
    s.id = next().toLongLong();
    s.experimentId = next().toLongLong();
    s.sequence = next().toInt();
    s.role = runRoleFromName(next().toString());
    RunResult &r = s.result;
    r.status = runStatusFromName(next().toString()).value_or(RunStatus::Failed);
    r.error = next().toString();
    r.shards = next().toInt();
    r.partition = partitionFromName(next().toString()).value_or(Partition::Contiguous);
    r.pinned = next().toBool();
    r.repeat = next().toInt();
    r.startedUtc = QDateTime::fromString(next().toString(), Qt::ISODateWithMs);
    r.tasks = next().toLongLong();
    r.tasksDone = next().toLongLong();
    r.tasksFailed = next().toLongLong();
    r.nsPerIter = realOf(next());
    r.wallMs = realOf(next());
    r.idealMs = realOf(next());
    r.efficiency = realOf(next());
    r.throughputTps = realOf(next());
    r.startOverheadMs = realOf(next());
    r.joinOverheadMs = realOf(next());
    for (Percentiles *p : {&r.lagMs, &r.latencyMs}) {
        p->p50 = realOf(next());
        p->p90 = realOf(next());
        p->p99 = realOf(next());
        p->max = realOf(next());
    }
    r.checksum = next().toString().toULongLong(nullptr, 16);
    s.speedup = realOf(next());
    s.outlier = next().toBool();
    s.guiStallP99Ms = realOf(next());
    next(); // spec: the plan in one line, for people reading the file; s.plan is its experiment's
    s.machine = next().toString();
    r.othersCpuFraction = realOf(next());
    r.workMs = realOf(next());
    r.estimatedIdealMs = realOf(next());
    r.http = httpOf(next());
    r.schedule = shardScheduleFromName(next().toString()).value_or(ShardSchedule::Protective);
    r.elapsedMs = realOf(next());
    r.busyPrograms =
        busyProgramsFromJson(QJsonDocument::fromJson(next().toString().toUtf8()).array());
    return s;
}

// "0.5,,1": one load sample's fractions, "" where unknown (NaN).
QString joinFractions(const std::vector<std::vector<double>> &series, std::size_t i)
{
    QStringList parts;
    for (const std::vector<double> &column : series) {
        const double v = i < column.size() ? column[i] : std::numeric_limits<double>::quiet_NaN();
        parts.append(std::isfinite(v) ? QString::number(v, 'g', 6) : QString());
    }
    return parts.join(QLatin1Char(','));
}

// Appends one sample's fractions to the columns of `series`, growing it as needed.
void appendFractions(std::vector<std::vector<double>> &series, const QString &text,
                     std::size_t sample)
{
    const QStringList parts = text.isEmpty() ? QStringList() : text.split(QLatin1Char(','));
    if (series.size() < static_cast<std::size_t>(parts.size()))
        series.resize(static_cast<std::size_t>(parts.size()));
    for (std::vector<double> &column : series)
        column.resize(sample + 1, std::numeric_limits<double>::quiet_NaN());
    for (qsizetype c = 0; c < parts.size(); ++c) {
        bool ok = false;
        const double v = parts[c].toDouble(&ok);
        if (ok)
            series[static_cast<std::size_t>(c)][sample] = v;
    }
}

QByteArray encodeTimings(const std::vector<TaskTiming> &timings)
{
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(timings.size() * 16));
    char *out = bytes.data();
    for (const TaskTiming &t : timings) {
        qToLittleEndian<qint64>(t.resumedNs, out);
        qToLittleEndian<qint64>(t.doneNs, out + 8);
        out += 16;
    }
    return bytes;
}

std::vector<TaskTiming> decodeTimings(const QByteArray &bytes)
{
    std::vector<TaskTiming> timings(static_cast<std::size_t>(bytes.size() / 16));
    const char *in = bytes.constData();
    for (TaskTiming &t : timings) {
        t.resumedNs = qFromLittleEndian<qint64>(in);
        t.doneNs = qFromLittleEndian<qint64>(in + 8);
        in += 16;
    }
    return timings;
}

} // namespace

ResultStore::ResultStore()
    : m_connection(QStringLiteral("loopbench-store-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

ResultStore::~ResultStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString ResultStore::defaultPath()
{
    // A path of the user's choosing (":memory:" for a history that lasts one process, as the
    // tests use).
    if (const QString chosen = qEnvironmentVariable(kPathVariable); !chosen.isEmpty())
        return chosen;
    // Not AppDataLocation: that depends on the organisation name, which the desktop app sets
    // and the CLI does not; both must find one file.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/LoopBench/results.sqlite");
}

bool ResultStore::fail(const QString &what, const QSqlError &error) const
{
    // In words that name the cause: "disk full", "locked by another process (pid 812, sqlite3)".
    return fail(what, StoreFault::explain(error, m_path));
}

bool ResultStore::fail(const QString &what, const QString &why) const
{
    m_error = what + QStringLiteral(": ") + why;
    return false;
}

void ResultStore::forbidThread(const QThread *thread)
{
    forbiddenThread.store(thread);
}

bool ResultStore::open(const QString &path)
{
    m_path = path;
    m_open = false;
    m_error.clear();
    m_notice.clear();
    if (forbiddenThread.load() == QThread::currentThread()) {
        qWarning("ResultStore::open() on a thread that must not wait on the store");
        return fail(QStringLiteral("history is off"),
                    QStringLiteral("the store was opened on the window's thread"));
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(QStringLiteral("history is off"),
                    QStringLiteral("Qt's SQLite driver is not installed (libqt6sql6-sqlite)"));
    const bool inMemory = path == QLatin1String(":memory:");
    const QString folder = QFileInfo(path).absolutePath();
    if (!inMemory && !QDir().mkpath(folder)) {
        // Why not, from the nearest folder that exists (read-only, full, a file in the way) or
        // else from the system's answer for the first folder to make (a name too long).
        QString existing = folder;
        QString first = folder;
        while (!QFileInfo::exists(existing) && QFileInfo(existing).absolutePath() != existing) {
            first = existing;
            existing = QFileInfo(existing).absolutePath();
        }
        QString why = QFileInfo(existing).isDir()
                          ? StoreFault::obstacle(first)
                          : QStringLiteral("%1 is not a folder").arg(existing);
        if (why.isEmpty() && ::mkdir(QFile::encodeName(first).constData(), 0777) != 0)
            why = qt_error_string(errno);
        return fail(QStringLiteral("history is off"),
                    QStringLiteral("cannot create folder %1").arg(folder) +
                        (why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }
    // A device, a FIFO, a read-only place or a full disk: said as it is, before SQLite reads a
    // byte (it would report most of them as a damaged file, and a FIFO would block the open).
    if (const QString why = inMemory ? QString() : StoreFault::obstacle(path); !why.isEmpty())
        return fail(QStringLiteral("history is off"), why);

    QString damage;
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db =
                QSqlDatabase::contains(m_connection)
                    ? QSqlDatabase::database(m_connection, false)
                    : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(path);
            // Another process (the app and a CLI --record) may hold the write lock briefly.
            db.setConnectOptions(
                QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(StoreFault::kBusyTimeoutMs));
            if (!db.open())
                return fail(QStringLiteral("history is off"),
                            StoreFault::explain(db.lastError(), path));
            const StoreSchema::Preparation ready = StoreSchema::prepare(db);
            switch (ready.outcome) {
            case StoreSchema::Outcome::Ready:
                m_open = true;
                return true;
            case StoreSchema::Outcome::Newer:
            case StoreSchema::Outcome::Failed:
                db.close();
                return fail(QStringLiteral("history is off"), ready.problem);
            case StoreSchema::Outcome::Damaged:
                damage = ready.problem;
                break;
            }
            db.close();
        }
        // SQLite says the content is not a sound database: keep it for the user under another
        // name and start a new one.
        const QString aside =
            path + QStringLiteral(".corrupt-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (!QFile::rename(path, aside))
            return fail(QStringLiteral("history is off: %1 is damaged").arg(path),
                        QStringLiteral("it could not be moved aside to %1").arg(aside));
        // Its write-ahead log goes with it, under the name SQLite looks for beside the kept
        // file: it may hold committed runs (or belong to an instance still running on a file
        // replaced under it), so it is kept, never deleted, and no longer read as the new file's.
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::rename(path + suffix, aside + suffix);
        m_notice =
            QStringLiteral("%1; it was moved to %2 and a new history started").arg(damage, aside);
    }
    return fail(QStringLiteral("history is off"), QStringLiteral("%1 cannot be used").arg(path));
}

std::int64_t ResultStore::beginExperiment(const ExperimentSpec &spec, const MachineInfo &machine,
                                          double nsPerIter, const QString &kind,
                                          const QString &source)
{
    if (!m_open)
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    const QString columns =
        QStringLiteral(
            "kind, source, started_utc, shard_counts, partition, pin, repeats, warmup, "
            "fail_task, ns_per_iter, workload, host, cpu_model, logical_cpus, machine, ") +
        planColumns();
    q.prepare(
        QStringLiteral("INSERT INTO experiments (%1) VALUES (%2)")
            .arg(columns, QStringList(columns.count(QLatin1Char(',')) + 1, QStringLiteral("?"))
                              .join(QStringLiteral(", "))));
    for (const QVariant &v :
         {text(kind), text(source),
          QVariant(machine.timestampUtc.isEmpty()
                       ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                       : machine.timestampUtc),
          QVariant(joinInts(spec.shardCounts)), QVariant(partitionName(spec.partition)),
          QVariant(spec.pin), QVariant(spec.repeats), QVariant(spec.warmup),
          QVariant(static_cast<qlonglong>(spec.failTask)), real(nsPerIter),
          QVariant(spec.workload.describe()), text(machine.host), text(machine.cpuModel),
          QVariant(machine.logicalCpus),
          QVariant(
              QString::fromUtf8(QJsonDocument(machine.toJson()).toJson(QJsonDocument::Compact)))})
        q.addBindValue(v);
    for (const PlanField &f : PlanCodec::fields())
        q.addBindValue(planColumn(f, spec));
    if (!q.exec()) {
        fail(QStringLiteral("could not record the experiment"), q.lastError());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

std::int64_t ResultStore::recordRun(std::int64_t experimentId, int sequence, RunRole role,
                                    const RunResult &run, double guiStallP99Ms)
{
    if (!m_open || experimentId <= 0)
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        fail(QStringLiteral("could not record the run"), db.lastError());
        return 0;
    }
    QSqlQuery q(db);
    // spec and machine come from the experiment row: one copy, and a run cannot disagree with
    // the experiment it belongs to.
    q.prepare(QStringLiteral(
        "INSERT INTO runs (experiment_id, seq, role, status, error, spec, machine, shards, "
        "partition, pinned, repeat_index, started_utc, tasks, tasks_done, tasks_failed, "
        "ns_per_iter, wall_ms, ideal_ms, efficiency, throughput_tps, start_overhead_ms, "
        "join_overhead_ms, lag_p50_ms, lag_p90_ms, lag_p99_ms, lag_max_ms, latency_p50_ms, "
        "latency_p90_ms, latency_p99_ms, latency_max_ms, checksum, gui_stall_p99_ms, "
        "others_cpu_fraction, machine_busy, work_ms, ideal_estimate_ms, http, shard_schedule, "
        "elapsed_ms, busy_programs) "
        "SELECT ?, ?, ?, ?, ?, workload, host, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM experiments WHERE id = ?"));
    const QList<QVariant> values{
        QVariant(static_cast<qlonglong>(experimentId)),
        QVariant(sequence),
        text(runRoleName(role)),
        QVariant(runStatusName(run.status)),
        text(run.error),
        QVariant(run.shards),
        QVariant(partitionName(run.partition)),
        QVariant(run.pinned),
        QVariant(run.repeat),
        QVariant(run.startedUtc.toString(Qt::ISODateWithMs)),
        QVariant(static_cast<qlonglong>(run.tasks)),
        QVariant(static_cast<qlonglong>(run.tasksDone)),
        QVariant(static_cast<qlonglong>(run.tasksFailed)),
        real(run.nsPerIter),
        real(run.wallMs),
        real(run.idealMs),
        real(run.efficiency),
        real(run.throughputTps),
        real(run.startOverheadMs),
        real(run.joinOverheadMs),
        real(run.lagMs.p50),
        real(run.lagMs.p90),
        real(run.lagMs.p99),
        real(run.lagMs.max),
        real(run.latencyMs.p50),
        real(run.latencyMs.p90),
        real(run.latencyMs.p99),
        real(run.latencyMs.max),
        QVariant(QString::number(run.checksum, 16)),
        real(guiStallP99Ms),
        real(run.othersCpuFraction),
        QVariant(run.machineBusy()),
        real(run.workMs),
        real(run.estimatedIdealMs),
        httpColumn(run.http),
        QVariant(shardScheduleName(run.schedule)),
        real(run.elapsedMs),
        QVariant(QString::fromUtf8(
            QJsonDocument(busyProgramsToJson(run.busyPrograms)).toJson(QJsonDocument::Compact))),
        QVariant(static_cast<qlonglong>(experimentId)),
    };
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || q.numRowsAffected() != 1) {
        if (q.lastError().isValid())
            fail(QStringLiteral("could not record the run"), q.lastError());
        else
            fail(QStringLiteral("could not record the run"),
                 QStringLiteral("experiment %1 is not in the store").arg(experimentId));
        db.rollback();
        return 0;
    }
    const std::int64_t runId = q.lastInsertId().toLongLong();
    if (!writeRunDetails(runId, run)) {
        db.rollback();
        return 0;
    }
    if (!db.commit()) {
        fail(QStringLiteral("could not record the run"), db.lastError());
        db.rollback();
        return 0;
    }
    return runId;
}

bool ResultStore::writeRunDetails(std::int64_t runId, const RunResult &run)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery shard(db);
    shard.prepare(QStringLiteral(
        "INSERT INTO shard_stats (run_id, shard, cpu, tasks, tasks_done, busy_ms, cpu_ms, "
        "finish_ms, checksum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const ShardStats &s : run.perShard) {
        for (const QVariant &v :
             {QVariant(static_cast<qlonglong>(runId)), QVariant(s.index), QVariant(s.cpu),
              QVariant(static_cast<qlonglong>(s.tasks)),
              QVariant(static_cast<qlonglong>(s.tasksDone)), real(s.busyMs), real(s.cpuMs),
              real(s.finishMs), QVariant(QString::number(s.checksum, 16))})
            shard.addBindValue(v);
        if (!shard.exec())
            return fail(QStringLiteral("could not record the run"), shard.lastError());
    }
    QSqlQuery load(db);
    load.prepare(QStringLiteral("INSERT INTO load_samples (run_id, seq, t_s, core_busy, shard_cpu) "
                                "VALUES (?, ?, ?, ?, ?)"));
    for (std::size_t i = 0; i < run.load.tSec.size(); ++i) {
        load.addBindValue(static_cast<qlonglong>(runId));
        load.addBindValue(static_cast<qlonglong>(i));
        load.addBindValue(run.load.tSec[i]);
        load.addBindValue(text(joinFractions(run.load.cores, i)));
        load.addBindValue(text(joinFractions(run.load.shards, i)));
        if (!load.exec())
            return fail(QStringLiteral("could not record the run"), load.lastError());
    }
    if (m_keepTaskTimings && run.timings && !run.timings->empty()) {
        QSqlQuery tasks(db);
        tasks.prepare(QStringLiteral(
            "INSERT INTO task_timings (run_id, tasks, resumed_done_ns) VALUES (?, ?, ?)"));
        tasks.addBindValue(static_cast<qlonglong>(runId));
        tasks.addBindValue(static_cast<qlonglong>(run.timings->size()));
        tasks.addBindValue(encodeTimings(*run.timings));
        if (!tasks.exec())
            return fail(QStringLiteral("could not record the run's task timings"),
                        tasks.lastError());
    }
    return true;
}

bool ResultStore::finishExperiment(std::int64_t experimentId, const ExperimentResult &result)
{
    if (!m_open || experimentId <= 0)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return fail(QStringLiteral("could not record the experiment"), db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE experiments SET finished = 1, cancelled = ?, verdict = ? WHERE id = ?"));
    q.addBindValue(result.cancelled);
    q.addBindValue(result.verdict());
    q.addBindValue(static_cast<qlonglong>(experimentId));
    bool ok = q.exec();
    // The summary lists the measured runs in order (the warm-up is not among them); the rows
    // of the experiment in sequence order, warm-up skipped, are the same runs.
    QSqlQuery ids(db);
    ids.prepare(
        QStringLiteral("SELECT id FROM runs WHERE experiment_id = ? AND role <> ? ORDER BY seq"));
    ids.addBindValue(static_cast<qlonglong>(experimentId));
    ids.addBindValue(runRoleName(RunRole::Warmup));
    ok = ok && ids.exec();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE runs SET speedup = ?, outlier = ? WHERE id = ?"));
    const ExperimentSummary &summary = result.summary;
    for (std::size_t i = 0; ok && ids.next(); ++i) {
        update.addBindValue(
            real(i < summary.runSpeedups.size() ? summary.runSpeedups[i] : kNoValue));
        update.addBindValue(i < summary.runOutliers.size() && summary.runOutliers[i]);
        update.addBindValue(ids.value(0));
        ok = update.exec();
    }
    if (!ok || !db.commit()) {
        fail(QStringLiteral("could not record the experiment"),
             q.lastError().isValid() ? q.lastError() : db.lastError());
        db.rollback();
        return false;
    }
    return true;
}

std::int64_t ResultStore::addExperiment(const ExperimentResult &result, const QString &kind,
                                        const QString &source)
{
    if (!m_open)
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // Nested transactions are not SQLite's: the runs commit one by one, and a failure removes
    // the experiment again (its runs go with it: ON DELETE CASCADE).
    const std::int64_t id =
        beginExperiment(result.spec, result.machine, result.nsPerIter, kind, source);
    if (id == 0)
        return 0;
    bool ok = true;
    for (std::size_t i = 0; ok && i < result.runs.size(); ++i) // measured runs only, in order
        ok = recordRun(id, static_cast<int>(i), RunRole::Imported, result.runs[i]) != 0;
    ok = ok && finishExperiment(id, result);
    if (!ok) {
        QSqlQuery undo(db);
        undo.prepare(QStringLiteral("DELETE FROM experiments WHERE id = ?"));
        undo.addBindValue(static_cast<qlonglong>(id));
        undo.exec();
        return 0;
    }
    return id;
}

QList<StoredRun> ResultStore::runs() const
{
    return readRuns(0);
}

QList<StoredRun> ResultStore::readRuns(std::int64_t experimentId) const
{
    QList<StoredRun> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM runs %2 ORDER BY id")
                  .arg(kRunColumns,
                       experimentId > 0 ? QStringLiteral("WHERE experiment_id = ?") : QString()));
    if (experimentId > 0)
        q.addBindValue(static_cast<qlonglong>(experimentId));
    if (!q.exec()) {
        fail(QStringLiteral("could not read the history"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(runFromQuery(q));
    // Each run's plan is its experiment's row.
    QSqlQuery plans(QSqlDatabase::database(m_connection, false));
    plans.setForwardOnly(true);
    plans.prepare(
        QStringLiteral("SELECT id, %1 FROM experiments %2")
            .arg(planColumns(), experimentId > 0 ? QStringLiteral("WHERE id = ?") : QString()));
    if (experimentId > 0)
        plans.addBindValue(static_cast<qlonglong>(experimentId));
    if (!plans.exec()) {
        fail(QStringLiteral("could not read the history"), plans.lastError().text());
        return out;
    }
    QHash<std::int64_t, Plan> byExperiment;
    while (plans.next())
        byExperiment.insert(plans.value(0).toLongLong(), planFromQuery(plans, 1));
    for (StoredRun &run : out)
        run.plan = byExperiment.value(run.experimentId);
    return out;
}

qsizetype ResultStore::runCount() const
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM runs")) && q.next() ? q.value(0).toLongLong()
                                                                           : 0;
}

QSet<std::int64_t> ResultStore::experimentsWithTaskTimings() const
{
    QSet<std::int64_t> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT runs.experiment_id FROM task_timings "
                               "JOIN runs ON runs.id = task_timings.run_id"))) {
        fail(QStringLiteral("could not read the history"), q.lastError().text());
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toLongLong());
    return out;
}

QList<StoredExperiment> ResultStore::experiments() const
{
    return readExperiments(0);
}

QList<StoredExperiment> ResultStore::readExperiments(std::int64_t id) const
{
    QList<StoredExperiment> out;
    if (!m_open)
        return out;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, kind, source, finished, verdict, cancelled, shard_counts, "
                             "partition, pin, repeats, warmup, fail_task, ns_per_iter, machine, "
                             "%1 FROM experiments %2 ORDER BY id")
                  .arg(planColumns(), id > 0 ? QStringLiteral("WHERE id = ?") : QString()));
    if (id > 0)
        q.addBindValue(static_cast<qlonglong>(id));
    if (!q.exec()) {
        fail(QStringLiteral("could not read the history"), q.lastError());
        return out;
    }
    QHash<std::int64_t, qsizetype> index;
    while (q.next()) {
        StoredExperiment e;
        int c = 0;
        auto next = [&] { return q.value(c++); };
        e.id = next().toLongLong();
        e.kind = next().toString();
        e.source = next().toString();
        e.finished = next().toBool();
        e.verdict = next().toString();
        ExperimentResult &r = e.result;
        r.cancelled = next().toBool();
        r.spec.shardCounts = splitInts(next().toString());
        r.spec.partition = partitionFromName(next().toString()).value_or(Partition::Contiguous);
        r.spec.pin = next().toBool();
        r.spec.repeats = next().toInt();
        r.spec.warmup = next().toBool();
        r.spec.failTask = next().toLongLong();
        r.nsPerIter = realOf(next());
        r.machine = machineFromJson(next().toString().toUtf8());
        static_cast<Plan &>(r.spec) = planFromQuery(q, c);
        index.insert(e.id, out.size());
        out.append(std::move(e));
    }
    // One experiment reads its own runs only: reopening one from the history must not read them
    // all.
    for (const StoredRun &run : readRuns(id)) {
        if (run.role == RunRole::Warmup)
            continue; // never in an experiment's statistics
        if (const auto it = index.constFind(run.experimentId); it != index.cend()) {
            out[*it].result.runs.push_back(run.result);
            out[*it].runIds.push_back(run.id);
        }
    }
    // The details are read for one experiment only: the whole history would be megabytes.
    if (id > 0 && out.size() == 1)
        readRunDetails(out.front().result, out.front().runIds);
    for (StoredExperiment &e : out)
        e.result.summary = summarizeExperiment(e.result);
    return out;
}

void ResultStore::readRunDetails(ExperimentResult &result,
                                 const std::vector<std::int64_t> &runIds) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QHash<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < runIds.size(); ++i)
        at.insert(runIds[i], i);
    const QString idList = [&] {
        QStringList ids;
        for (const std::int64_t id : runIds)
            ids.append(QString::number(id));
        return ids.join(QLatin1Char(','));
    }();
    if (idList.isEmpty())
        return;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT run_id, shard, cpu, tasks, tasks_done, busy_ms, cpu_ms, "
                              "finish_ms, checksum FROM shard_stats WHERE run_id IN (%1) "
                              "ORDER BY run_id, shard")
                   .arg(idList))) {
        while (q.next()) {
            RunResult &r = result.runs[at.value(q.value(0).toLongLong())];
            ShardStats s;
            s.index = q.value(1).toInt();
            s.cpu = q.value(2).toInt();
            s.tasks = q.value(3).toLongLong();
            s.tasksDone = q.value(4).toLongLong();
            s.busyMs = realOf(q.value(5));
            s.cpuMs = realOf(q.value(6));
            s.finishMs = realOf(q.value(7));
            s.checksum = q.value(8).toString().toULongLong(nullptr, 16);
            r.perShard.push_back(s);
        }
    }
    if (q.exec(QStringLiteral("SELECT run_id, t_s, core_busy, shard_cpu FROM load_samples "
                              "WHERE run_id IN (%1) ORDER BY run_id, seq")
                   .arg(idList))) {
        while (q.next()) {
            LoadSeries &load = result.runs[at.value(q.value(0).toLongLong())].load;
            const std::size_t sample = load.tSec.size();
            load.tSec.push_back(q.value(1).toDouble());
            appendFractions(load.cores, q.value(2).toString(), sample);
            appendFractions(load.shards, q.value(3).toString(), sample);
        }
    }
    // Like a fresh experiment, the last run that kept its timings has them (tasks.csv).
    if (q.exec(QStringLiteral("SELECT run_id, tasks, resumed_done_ns FROM task_timings "
                              "WHERE run_id IN (%1) ORDER BY run_id DESC LIMIT 1")
                   .arg(idList)) &&
        q.next()) {
        RunResult &r = result.runs[at.value(q.value(0).toLongLong())];
        std::vector<TaskTiming> timings = decodeTimings(q.value(2).toByteArray());
        if (static_cast<qlonglong>(timings.size()) == q.value(1).toLongLong() &&
            static_cast<std::int64_t>(timings.size()) == result.spec.workload.tasks &&
            result.spec.workload.validate().isEmpty()) {
            r.timings = std::make_shared<const std::vector<TaskTiming>>(std::move(timings));
            // The plan is not stored: the spec and its seed name it exactly.
            r.plan = std::make_shared<const TaskPlan>(TaskPlan::generate(result.spec.workload));
        }
    }
}

std::optional<StoredExperiment> ResultStore::experiment(std::int64_t id) const
{
    if (id <= 0)
        return std::nullopt;
    for (StoredExperiment &e : readExperiments(id)) {
        if (e.id == id)
            return std::move(e);
    }
    return std::nullopt;
}

bool ResultStore::clear(std::int64_t keepExperimentId)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // The experiment in flight keeps its row (its later runs still need it) but loses the runs
    // it had: what the history shows and what the store holds stay the same.
    const QString keep = QString::number(keepExperimentId);
    if (!db.transaction() ||
        !q.exec(QStringLiteral("DELETE FROM runs WHERE experiment_id = %1").arg(keep)) ||
        !q.exec(QStringLiteral("DELETE FROM experiments WHERE id <> %1").arg(keep)) ||
        !db.commit()) {
        fail(QStringLiteral("could not clear the history"), q.lastError());
        db.rollback();
        return false;
    }
    return true;
}
