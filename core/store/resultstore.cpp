// SPDX-License-Identifier: MIT
#include "core/store/resultstore.h"

#include "core/experiment/plancodec.h"
#include "core/store/storecodec.h"
#include "core/store/storecolumn.h"
#include "core/store/storefault.h"
#include "core/store/storefile.h"
#include "core/store/storetables.h"
#include "core/workload/taskplan.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <atomic>

namespace {

// The columns of task_timings that readTaskArrays() reads, in its order.
const QString kTaskColumns = QStringLiteral("tasks, resumed_done_ns, work_ns, cpu_loops");

// Sets `run`'s per-task arrays from the task_timings columns at `column` (kTaskColumns) when they
// are whole and fit the plan of `workload`, which is drawn again: the spec and its seed name it
// exactly, so the plan is not stored. A row from before work_ns leaves every workNs at -1.
void readTaskArrays(const QSqlQuery &q, int column, const WorkloadSpec &workload, RunResult &run)
{
    std::vector<TaskTiming> timings = StoreCodec::timingsOf(q.value(column + 1).toByteArray());
    if (static_cast<qlonglong>(timings.size()) != q.value(column).toLongLong() ||
        static_cast<std::int64_t>(timings.size()) != workload.tasks ||
        !workload.validate().isEmpty())
        return;
    StoreCodec::setWork(timings, q.value(column + 2).toByteArray());
    if (const QVariant loops = q.value(column + 3); !loops.isNull()) {
        std::vector<std::uint16_t> cpuLoops = StoreCodec::loopsOf(loops.toByteArray());
        if (cpuLoops.size() != timings.size())
            return;
        run.cpuLoops = std::make_shared<const std::vector<std::uint16_t>>(std::move(cpuLoops));
    }
    run.timings = std::make_shared<const std::vector<TaskTiming>>(std::move(timings));
    run.plan = std::make_shared<const TaskPlan>(TaskPlan::generate(workload));
}

std::atomic<const QThread *> forbiddenThread{nullptr};

// The experiments' columns of the plan's fields: PlanCodec's keys (tst_resultstore checks that
// the schema has every one).
QStringList planColumns()
{
    QStringList keys;
    for (const PlanField &f : PlanCodec::fields())
        keys.append(QLatin1String(f.key));
    return keys;
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
    if (forbiddenThread.load() == QThread::currentThread()) {
        qWarning("ResultStore::open() on a thread that must not wait on the store");
        m_open = false;
        m_notice.clear();
        return fail(QStringLiteral("history is off"),
                    QStringLiteral("the store was opened on the window's thread"));
    }
    const StoreFile::Opened opened = StoreFile::open(m_connection, path);
    m_open = opened.ok;
    m_error = opened.error;
    m_notice = opened.notice;
    return m_open;
}

std::int64_t ResultStore::beginExperiment(const ExperimentSpec &spec, const MachineInfo &machine,
                                          double nsPerIter, const QString &kind,
                                          const QString &source)
{
    if (!m_open)
        return 0;
    StoredExperiment e;
    e.kind = kind;
    e.source = source;
    e.result.spec = spec;
    e.result.machine = machine;
    e.result.nsPerIter = nsPerIter;
    const auto columns = StoreTables::experiments();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // The table's columns, then the plan's under PlanCodec's keys.
    q.prepare(StoreColumns::insertSql(QStringLiteral("experiments"), columns, {}, planColumns()));
    StoreColumns::bind(q, columns, e);
    for (const PlanField &f : PlanCodec::fields())
        q.bindValue(QLatin1Char(':') + QLatin1String(f.key), f.write(spec).toVariant());
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
    StoredRun stored;
    stored.experimentId = experimentId;
    stored.sequence = sequence;
    stored.role = role;
    stored.result = run;
    stored.guiStallP99Ms = guiStallP99Ms;
    const auto columns = StoreTables::runs();
    QSqlQuery q(db);
    // experiment_id, spec and machine come from the experiment row.
    q.prepare(StoreColumns::insertSql(QStringLiteral("runs"), columns,
                                      QStringLiteral("experiments WHERE id = :experiment")));
    StoreColumns::bind(q, columns, stored);
    q.bindValue(QStringLiteral(":experiment"), static_cast<qlonglong>(experimentId));
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
    const auto columns = StoreTables::shards();
    QSqlQuery shard(db);
    shard.prepare(StoreColumns::insertSql(QStringLiteral("shard_stats"), columns));
    for (const ShardStats &s : run.perShard) {
        StoreColumns::bind(shard, columns, StoredShard{runId, s});
        if (!shard.exec())
            return fail(QStringLiteral("could not record the run"), shard.lastError());
    }
    QSqlQuery load(db);
    load.prepare(QStringLiteral("INSERT INTO load_samples (run_id, seq, t_s, core_busy, shard_cpu) "
                                "VALUES (:run_id, :seq, :t_s, :core_busy, :shard_cpu)"));
    for (std::size_t i = 0; i < run.load.tSec.size(); ++i) {
        load.bindValue(QStringLiteral(":run_id"), static_cast<qlonglong>(runId));
        load.bindValue(QStringLiteral(":seq"), static_cast<qlonglong>(i));
        load.bindValue(QStringLiteral(":t_s"), run.load.tSec[i]);
        load.bindValue(QStringLiteral(":core_busy"), StoreCodec::fractions(run.load.cores, i));
        load.bindValue(QStringLiteral(":shard_cpu"), StoreCodec::fractions(run.load.shards, i));
        if (!load.exec())
            return fail(QStringLiteral("could not record the run"), load.lastError());
    }
    if (run.timings && !run.timings->empty() &&
        static_cast<std::int64_t>(run.timings->size()) <= m_taskTimingsLimit) {
        QSqlQuery tasks(db);
        tasks.prepare(QStringLiteral(
            "INSERT INTO task_timings (run_id, tasks, resumed_done_ns, work_ns, cpu_loops) "
            "VALUES (:run_id, :tasks, :resumed_done_ns, :work_ns, :cpu_loops)"));
        tasks.bindValue(QStringLiteral(":run_id"), static_cast<qlonglong>(runId));
        tasks.bindValue(QStringLiteral(":tasks"), static_cast<qlonglong>(run.timings->size()));
        tasks.bindValue(QStringLiteral(":resumed_done_ns"), StoreCodec::timings(*run.timings));
        tasks.bindValue(QStringLiteral(":work_ns"), StoreCodec::work(*run.timings));
        tasks.bindValue(QStringLiteral(":cpu_loops"),
                        run.cpuLoops && run.cpuLoops->size() == run.timings->size()
                            ? QVariant(StoreCodec::loops(*run.cpuLoops))
                            : QVariant(QMetaType::fromType<QByteArray>()));
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
    q.prepare(QStringLiteral("UPDATE experiments SET finished = 1, cancelled = :cancelled, "
                             "verdict = :verdict WHERE id = :id"));
    q.bindValue(QStringLiteral(":cancelled"), result.cancelled);
    q.bindValue(QStringLiteral(":verdict"), result.verdict());
    q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(experimentId));
    bool ok = q.exec();
    // The summary lists the measured runs in order (the warm-up is not among them); the rows
    // of the experiment in sequence order, warm-up skipped, are the same runs.
    QSqlQuery ids(db);
    ids.prepare(QStringLiteral(
        "SELECT id FROM runs WHERE experiment_id = :experiment AND role <> :warmup ORDER BY seq"));
    ids.bindValue(QStringLiteral(":experiment"), static_cast<qlonglong>(experimentId));
    ids.bindValue(QStringLiteral(":warmup"), runRoleName(RunRole::Warmup));
    ok = ok && ids.exec();
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE runs SET speedup = :speedup, outlier = :outlier WHERE id = :id"));
    const ExperimentSummary &summary = result.summary;
    for (std::size_t i = 0; ok && ids.next(); ++i) {
        ColumnWriter speedup; // NULL when there is none
        speedup.real(summary.speedupOfRun(i));
        update.bindValue(QStringLiteral(":speedup"), speedup.value());
        update.bindValue(QStringLiteral(":outlier"), summary.isOutlier(i));
        update.bindValue(QStringLiteral(":id"), ids.value(0));
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
        undo.prepare(QStringLiteral("DELETE FROM experiments WHERE id = :id"));
        undo.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(id));
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
    const auto columns = StoreTables::runs();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM runs %2 ORDER BY id")
                  .arg(StoreColumns::selected(columns).join(QStringLiteral(", ")),
                       experimentId > 0 ? QStringLiteral("WHERE experiment_id = :experiment")
                                        : QString()));
    if (experimentId > 0)
        q.bindValue(QStringLiteral(":experiment"), static_cast<qlonglong>(experimentId));
    if (!q.exec()) {
        fail(QStringLiteral("could not read the history"), q.lastError());
        return out;
    }
    while (q.next()) {
        StoredRun run;
        StoreColumns::read(q, 0, columns, run);
        out.append(std::move(run));
    }
    // Each run's plan is its experiment's row.
    QSqlQuery plans(QSqlDatabase::database(m_connection, false));
    plans.setForwardOnly(true);
    plans.prepare(QStringLiteral("SELECT id, %1 FROM experiments %2")
                      .arg(planColumns().join(QStringLiteral(", ")),
                           experimentId > 0 ? QStringLiteral("WHERE id = :id") : QString()));
    if (experimentId > 0)
        plans.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(experimentId));
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
    const auto columns = StoreTables::experiments();
    const QStringList selected = StoreColumns::selected(columns);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, %2 FROM experiments %3 ORDER BY id")
                  .arg(selected.join(QStringLiteral(", ")),
                       planColumns().join(QStringLiteral(", ")),
                       id > 0 ? QStringLiteral("WHERE id = :id") : QString()));
    if (id > 0)
        q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(id));
    if (!q.exec()) {
        fail(QStringLiteral("could not read the history"), q.lastError());
        return out;
    }
    QHash<std::int64_t, qsizetype> index;
    while (q.next()) {
        StoredExperiment e;
        StoreColumns::read(q, 0, columns, e);
        static_cast<Plan &>(e.result.spec) = planFromQuery(q, int(selected.size()));
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
    const auto shards = StoreTables::shards();
    if (q.exec(QStringLiteral("SELECT %1 FROM shard_stats WHERE run_id IN (%2) "
                              "ORDER BY run_id, shard")
                   .arg(StoreColumns::selected(shards).join(QStringLiteral(", ")), idList))) {
        while (q.next()) {
            StoredShard s;
            StoreColumns::read(q, 0, shards, s);
            result.runs[at.value(s.runId)].perShard.push_back(s.stats);
        }
    }
    if (q.exec(QStringLiteral("SELECT run_id, t_s, core_busy, shard_cpu FROM load_samples "
                              "WHERE run_id IN (%1) ORDER BY run_id, seq")
                   .arg(idList))) {
        while (q.next()) {
            LoadSeries &load = result.runs[at.value(q.value(0).toLongLong())].load;
            const std::size_t sample = load.tSec.size();
            load.tSec.push_back(q.value(1).toDouble());
            StoreCodec::appendFractions(load.cores, q.value(2).toString(), sample);
            StoreCodec::appendFractions(load.shards, q.value(3).toString(), sample);
        }
    }
    // Like a fresh experiment, the last run that kept its timings has them (tasks.csv).
    if (q.exec(QStringLiteral("SELECT run_id, %1 FROM task_timings "
                              "WHERE run_id IN (%2) ORDER BY run_id DESC LIMIT 1")
                   .arg(kTaskColumns, idList)) &&
        q.next())
        readTaskArrays(q, 1, result.spec.workload, result.runs[at.value(q.value(0).toLongLong())]);
}

QList<StoredRunTasks> ResultStore::runTasks(const QList<std::int64_t> &runIds) const
{
    QList<StoredRunTasks> out;
    if (!m_open)
        return out;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QHash<std::int64_t, QList<StoredRun>> byExperiment;
    for (const std::int64_t id : runIds) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT experiment_id FROM runs WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(id));
        if (!q.exec() || !q.next())
            continue;
        const std::int64_t experimentId = q.value(0).toLongLong();
        if (!byExperiment.contains(experimentId))
            byExperiment.insert(experimentId, readRuns(experimentId));
        for (const StoredRun &run : byExperiment.value(experimentId)) {
            if (run.id != id)
                continue;
            StoredRunTasks tasks{run, false};
            q.prepare(QStringLiteral("SELECT kind FROM experiments WHERE id = :id"));
            q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(experimentId));
            tasks.imported = q.exec() && q.next() && q.value(0).toString() == u"import";
            q.prepare(
                QStringLiteral("SELECT %1 FROM task_timings WHERE run_id = :id").arg(kTaskColumns));
            q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(id));
            if (q.exec() && q.next())
                readTaskArrays(q, 0, run.plan.workload, tasks.run.result);
            // Beside the tasks, what every core did meanwhile: a core left idle shows there.
            q.prepare(QStringLiteral("SELECT t_s, core_busy, shard_cpu FROM load_samples "
                                     "WHERE run_id = :id ORDER BY seq"));
            q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(id));
            if (q.exec()) {
                LoadSeries &load = tasks.run.result.load;
                while (q.next()) {
                    const std::size_t sample = load.tSec.size();
                    load.tSec.push_back(q.value(0).toDouble());
                    StoreCodec::appendFractions(load.cores, q.value(1).toString(), sample);
                    StoreCodec::appendFractions(load.shards, q.value(2).toString(), sample);
                }
            }
            out.append(std::move(tasks));
        }
    }
    return out;
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

bool ResultStore::deleteRun(std::int64_t runId)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT experiment_id FROM runs WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(runId));
    if (!q.exec())
        return fail(QStringLiteral("could not delete run #%1").arg(runId), q.lastError());
    if (!q.next())
        return fail(QStringLiteral("could not delete run #%1").arg(runId),
                    QStringLiteral("it is not in the history"));
    const std::int64_t experimentId = q.value(0).toLongLong();
    q.finish();
    if (!db.transaction())
        return fail(QStringLiteral("could not delete run #%1").arg(runId), db.lastError());
    // Its shard figures, load samples and task timings go with it (ON DELETE CASCADE); so does
    // an experiment left empty, which no view could show.
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM runs WHERE id = :id"));
    del.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(runId));
    bool ok = del.exec();
    QSqlQuery empty(db);
    empty.prepare(QStringLiteral("DELETE FROM experiments WHERE id = :id AND NOT EXISTS "
                                 "(SELECT 1 FROM runs WHERE experiment_id = :id)"));
    empty.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(experimentId));
    ok = ok && empty.exec();
    if (!ok || !db.commit()) {
        fail(QStringLiteral("could not delete run #%1").arg(runId),
             del.lastError().isValid() ? del.lastError() : empty.lastError());
        db.rollback();
        return false;
    }
    // The experiment's derived figures were of the runs it had: derive them from the runs left.
    const std::optional<StoredExperiment> left = experiment(experimentId);
    if (left && left->finished)
        return finishExperiment(experimentId, left->result);
    return true;
}

bool ResultStore::deleteExperiment(std::int64_t id)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM experiments WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), static_cast<qlonglong>(id));
    // Its runs, and theirs details, go with it (ON DELETE CASCADE), in the statement's own
    // transaction.
    if (!q.exec())
        return fail(QStringLiteral("could not delete experiment #%1").arg(id), q.lastError());
    if (q.numRowsAffected() == 0)
        return fail(QStringLiteral("could not delete experiment #%1").arg(id),
                    QStringLiteral("it is not in the history"));
    return true;
}
