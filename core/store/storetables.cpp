// SPDX-License-Identifier: MIT
#include "core/store/storetables.h"

#include "core/report/jsonreport.h"
#include "core/report/reportreader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iterator>

namespace {

// Every field of a run, by name. A field added to RunResult (or ShardStats, StoredRun,
// Percentiles) makes a binding below fail to compile: give it its column in a table below (or
// say here why it has none), then extend the binding.
[[maybe_unused]] void everyFieldHasAColumn(const StoredRun &stored, const ShardStats &shard)
{
    [[maybe_unused]] const auto &[id, experimentId, sequence, role, result, speedup, outlier,
                                  guiStallP99Ms, plan, machine] = stored;
    [[maybe_unused]] const auto &[status, error, runtime, implementation, shards, partition, pinned,
                                  schedule, repeat, startedUtc, tasks, tasksDone, tasksFailed,
                                  tasksMoved, nsPerIter, wallMs, elapsedMs, idealMs,
                                  estimatedIdealMs, workMs, efficiency, throughputTps,
                                  startOverheadMs, joinOverheadMs, lagMs, latencyMs,
                                  // per_shard: shard_stats; load: load_samples; the plan is its
                                  // experiment's and drawn again from its spec; timings:
                                  // task_timings, with cpuLoops (per task, stealing).
                                  perShard, checksum, othersCpuFraction, busyPrograms, http, load,
                                  taskPlan, timings, cpuLoops] = stored.result;
    [[maybe_unused]] const auto &[p50, p90, p99, max] = stored.result.lagMs;
    [[maybe_unused]] const auto &[shardIndex, cpu, shardTasks, shardTasksDone, busyMs, cpuMs,
                                  finishMs, shardChecksum, peakRssKb] = shard;
}

// 64 bits as hex text (SQLite's integers are signed; "12e4" must not read as a number).
QVariant checksumColumn(const std::uint64_t &checksum)
{
    return QString::number(checksum, 16);
}

std::uint64_t checksumOf(const QVariant &column)
{
    return column.toString().toULongLong(nullptr, 16);
}

// ISO 8601 with milliseconds; NULL for a run that never started.
QVariant timeColumn(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType::fromType<QString>());
}

QDateTime timeOf(const QVariant &column)
{
    return QDateTime::fromString(column.toString(), Qt::ISODateWithMs);
}

QString compact(const QJsonDocument &json)
{
    return QString::fromUtf8(json.toJson(QJsonDocument::Compact));
}

// runs.http: the JSON report's "http" object, read by the report's reader; NULL for a timer run.
// Written by this store, so one that does not read (a hand edit) is dropped rather than half taken.
QVariant httpColumn(const std::optional<HttpRunStats> &http)
{
    if (!http)
        return QVariant(QMetaType::fromType<QString>());
    return compact(QJsonDocument(httpRunToJson(*http)));
}

std::optional<HttpRunStats> httpOf(const QVariant &column)
{
    if (column.isNull())
        return std::nullopt;
    return ReportReader::httpFromJson(QJsonDocument::fromJson(column.toString().toUtf8()).object(),
                                      nullptr);
}

// runs.busy_programs: the JSON report's "busy_programs" array.
QVariant busyProgramsColumn(const std::vector<BusyProgram> &programs)
{
    return compact(QJsonDocument(busyProgramsToJson(programs)));
}

std::vector<BusyProgram> busyProgramsOf(const QVariant &column)
{
    return busyProgramsFromJson(QJsonDocument::fromJson(column.toString().toUtf8()).array());
}

// experiments.machine: MachineInfo as JSON.
QVariant machineColumn(const MachineInfo &machine)
{
    return compact(QJsonDocument(machine.toJson()));
}

MachineInfo machineOf(const QVariant &column)
{
    const QJsonObject o = QJsonDocument::fromJson(column.toString().toUtf8()).object();
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

// experiments.shard_counts: "1,2,4".
QVariant shardCountsColumn(const QList<int> &counts)
{
    QStringList parts;
    for (const int k : counts)
        parts.append(QString::number(k));
    return parts.join(QLatin1Char(','));
}

QList<int> shardCountsOf(const QVariant &column)
{
    QList<int> counts;
    for (const QString &part : column.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        counts.append(part.toInt());
    return counts;
}

// experiments.runtimes: "threads,stealing"; a name this build does not know is skipped, and
// none left reads as threads (every experiment before the column ran on threads).
QVariant runtimesColumn(const QList<Runtime> &runtimes)
{
    QStringList names;
    for (const Runtime r : runtimes)
        names.append(runtimeName(r));
    return names.join(QLatin1Char(','));
}

QList<Runtime> runtimesOf(const QVariant &column)
{
    QList<Runtime> runtimes;
    for (const QString &name : column.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const std::optional<Runtime> r = runtimeFromName(name))
            runtimes.append(*r);
    return runtimes.isEmpty() ? QList<Runtime>{Runtime::Threads} : runtimes;
}

std::optional<RunRole> roleFromName(QStringView name)
{
    return runRoleFromName(name); // a role of a newer build reads as a CLI run
}

// The columns of the run's row, in table order (what `SELECT *` shows in sqlite3).
const StoreColumn<StoredRun> kRuns[] = {
    {"id", ColumnType::Integer, nullptr, [](ColumnReader &io, StoredRun &s) { io.integer(s.id); }},
    {"experiment_id", ColumnType::Integer, nullptr,
     [](ColumnReader &io, StoredRun &s) { io.integer(s.experimentId); }, "id"},
    column<StoredRun>("seq", [](auto &io, auto &s) { io.integer(s.sequence); }),
    column<StoredRun>(
        "role",
        [](auto &io, auto &s) { io.name(s.role, runRoleName, roleFromName, RunRole::Cli); }),
    column<StoredRun>("status",
                      [](auto &io, auto &s) {
                          io.name(s.result.status, runStatusName, runStatusFromName,
                                  RunStatus::Failed);
                      }),
    column<StoredRun>("error", [](auto &io, auto &s) { io.text(s.result.error); }),
    // The plan in one line, for people reading the file; a run's plan is its experiment's.
    {"spec", ColumnType::Text, nullptr, nullptr, "workload"},
    {"machine", ColumnType::Text, nullptr,
     [](ColumnReader &io, StoredRun &s) { io.text(s.machine); }, "host"},
    column<StoredRun>("shards", [](auto &io, auto &s) { io.integer(s.result.shards); }),
    column<StoredRun>("partition",
                      [](auto &io, auto &s) {
                          io.name(s.result.partition, partitionName, partitionFromName,
                                  Partition::Contiguous);
                      }),
    column<StoredRun>("pinned", [](auto &io, auto &s) { io.flag(s.result.pinned); }),
    column<StoredRun>("repeat_index", [](auto &io, auto &s) { io.integer(s.result.repeat); }),
    column<StoredRun>("started_utc",
                      [](auto &io, auto &s) {
                          io.value(s.result.startedUtc, ColumnType::Text, timeColumn, timeOf);
                      }),
    column<StoredRun>("tasks", [](auto &io, auto &s) { io.integer(s.result.tasks); }),
    column<StoredRun>("tasks_done", [](auto &io, auto &s) { io.integer(s.result.tasksDone); }),
    column<StoredRun>("tasks_failed", [](auto &io, auto &s) { io.integer(s.result.tasksFailed); }),
    column<StoredRun>("ns_per_iter", [](auto &io, auto &s) { io.real(s.result.nsPerIter); }),
    column<StoredRun>("wall_ms", [](auto &io, auto &s) { io.real(s.result.wallMs); }),
    column<StoredRun>("ideal_ms", [](auto &io, auto &s) { io.real(s.result.idealMs); }),
    column<StoredRun>("efficiency", [](auto &io, auto &s) { io.real(s.result.efficiency); }),
    column<StoredRun>("throughput_tps", [](auto &io, auto &s) { io.real(s.result.throughputTps); }),
    column<StoredRun>("start_overhead_ms",
                      [](auto &io, auto &s) { io.real(s.result.startOverheadMs); }),
    column<StoredRun>("join_overhead_ms",
                      [](auto &io, auto &s) { io.real(s.result.joinOverheadMs); }),
    column<StoredRun>("lag_p50_ms", [](auto &io, auto &s) { io.real(s.result.lagMs.p50); }),
    column<StoredRun>("lag_p90_ms", [](auto &io, auto &s) { io.real(s.result.lagMs.p90); }),
    column<StoredRun>("lag_p99_ms", [](auto &io, auto &s) { io.real(s.result.lagMs.p99); }),
    column<StoredRun>("lag_max_ms", [](auto &io, auto &s) { io.real(s.result.lagMs.max); }),
    column<StoredRun>("latency_p50_ms", [](auto &io, auto &s) { io.real(s.result.latencyMs.p50); }),
    column<StoredRun>("latency_p90_ms", [](auto &io, auto &s) { io.real(s.result.latencyMs.p90); }),
    column<StoredRun>("latency_p99_ms", [](auto &io, auto &s) { io.real(s.result.latencyMs.p99); }),
    column<StoredRun>("latency_max_ms", [](auto &io, auto &s) { io.real(s.result.latencyMs.max); }),
    column<StoredRun>("checksum",
                      [](auto &io, auto &s) {
                          io.value(s.result.checksum, ColumnType::Text, checksumColumn, checksumOf);
                      }),
    // Set when the experiment ends (ResultStore::finishExperiment()).
    column<StoredRun>("speedup", [](auto &io, auto &s) { io.real(s.speedup); }),
    column<StoredRun>("outlier", [](auto &io, auto &s) { io.flag(s.outlier); }),
    column<StoredRun>("gui_stall_p99_ms", [](auto &io, auto &s) { io.real(s.guiStallP99Ms); }),
    column<StoredRun>("others_cpu_fraction",
                      [](auto &io, auto &s) { io.real(s.result.othersCpuFraction); }),
    // For SQL reading the file: the run reads it from others_cpu_fraction (machineBusy()).
    derivedColumn<StoredRun>(
        "machine_busy",
        [](ColumnWriter &io, const StoredRun &s) { io.flag(s.result.machineBusy()); }),
    column<StoredRun>("work_ms", [](auto &io, auto &s) { io.real(s.result.workMs); }),
    column<StoredRun>("ideal_estimate_ms",
                      [](auto &io, auto &s) { io.real(s.result.estimatedIdealMs); }),
    column<StoredRun>(
        "http",
        [](auto &io, auto &s) { io.value(s.result.http, ColumnType::Text, httpColumn, httpOf); }),
    column<StoredRun>("shard_schedule",
                      [](auto &io, auto &s) {
                          io.name(s.result.schedule, shardScheduleName, shardScheduleFromName,
                                  ShardSchedule::Protective);
                      }),
    column<StoredRun>("elapsed_ms", [](auto &io, auto &s) { io.real(s.result.elapsedMs); }),
    column<StoredRun>("busy_programs",
                      [](auto &io, auto &s) {
                          io.value(s.result.busyPrograms, ColumnType::Text, busyProgramsColumn,
                                   busyProgramsOf);
                      }),
    column<StoredRun>("runtime",
                      [](auto &io, auto &s) {
                          io.name(s.result.runtime, runtimeName, runtimeFromName, Runtime::Threads);
                      }),
    column<StoredRun>("tasks_moved", [](auto &io, auto &s) { io.integer(s.result.tasksMoved); }),
    column<StoredRun>("implementation",
                      [](auto &io, auto &s) { io.text(s.result.implementation); }),
};

const StoreColumn<StoredShard> kShards[] = {
    column<StoredShard>("run_id", [](auto &io, auto &s) { io.integer(s.runId); }),
    column<StoredShard>("shard", [](auto &io, auto &s) { io.integer(s.stats.index); }),
    column<StoredShard>("cpu", [](auto &io, auto &s) { io.integer(s.stats.cpu); }),
    column<StoredShard>("tasks", [](auto &io, auto &s) { io.integer(s.stats.tasks); }),
    column<StoredShard>("tasks_done", [](auto &io, auto &s) { io.integer(s.stats.tasksDone); }),
    column<StoredShard>("busy_ms", [](auto &io, auto &s) { io.real(s.stats.busyMs); }),
    column<StoredShard>("cpu_ms", [](auto &io, auto &s) { io.real(s.stats.cpuMs); }),
    column<StoredShard>("finish_ms", [](auto &io, auto &s) { io.real(s.stats.finishMs); }),
    column<StoredShard>("checksum",
                        [](auto &io, auto &s) {
                            io.value(s.stats.checksum, ColumnType::Text, checksumColumn,
                                     checksumOf);
                        }),
    column<StoredShard>("peak_rss_kb", [](auto &io, auto &s) { io.integer(s.stats.peakRssKb); }),
};

const StoreColumn<StoredExperiment> kExperiments[] = {
    {"id", ColumnType::Integer, nullptr,
     [](ColumnReader &io, StoredExperiment &e) { io.integer(e.id); }},
    column<StoredExperiment>("kind", [](auto &io, auto &e) { io.text(e.kind); }),
    column<StoredExperiment>("source", [](auto &io, auto &e) { io.text(e.source); }),
    // When it began: the machine's timestamp, which a report read from a file carries.
    derivedColumn<StoredExperiment>(
        "started_utc",
        [](ColumnWriter &io, const StoredExperiment &e) {
            const QString &stamp = e.result.machine.timestampUtc;
            io.text(stamp.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                                    : stamp);
        }),
    column<StoredExperiment>("finished", [](auto &io, auto &e) { io.flag(e.finished); }),
    column<StoredExperiment>("cancelled", [](auto &io, auto &e) { io.flag(e.result.cancelled); }),
    column<StoredExperiment>("verdict", [](auto &io, auto &e) { io.text(e.verdict); }),
    column<StoredExperiment>("shard_counts",
                             [](auto &io, auto &e) {
                                 io.value(e.result.spec.shardCounts, ColumnType::Text,
                                          shardCountsColumn, shardCountsOf);
                             }),
    column<StoredExperiment>("partition",
                             [](auto &io, auto &e) {
                                 io.name(e.result.spec.partition, partitionName, partitionFromName,
                                         Partition::Contiguous);
                             }),
    column<StoredExperiment>("pin", [](auto &io, auto &e) { io.flag(e.result.spec.pin); }),
    column<StoredExperiment>("repeats",
                             [](auto &io, auto &e) { io.integer(e.result.spec.repeats); }),
    column<StoredExperiment>("warmup", [](auto &io, auto &e) { io.flag(e.result.spec.warmup); }),
    column<StoredExperiment>("fail_task",
                             [](auto &io, auto &e) { io.integer(e.result.spec.failTask); }),
    column<StoredExperiment>("ns_per_iter", [](auto &io, auto &e) { io.real(e.result.nsPerIter); }),
    // The spec in one line and the machine's name and CPUs, for people and for grouping in SQL;
    // the experiment reads its plan from the plan's columns and its machine from `machine`.
    derivedColumn<StoredExperiment>("workload",
                                    [](ColumnWriter &io, const StoredExperiment &e) {
                                        io.text(e.result.spec.workload.describe());
                                    }),
    derivedColumn<StoredExperiment>(
        "host",
        [](ColumnWriter &io, const StoredExperiment &e) { io.text(e.result.machine.host); }),
    derivedColumn<StoredExperiment>(
        "cpu_model",
        [](ColumnWriter &io, const StoredExperiment &e) { io.text(e.result.machine.cpuModel); }),
    derivedColumn<StoredExperiment>("logical_cpus",
                                    [](ColumnWriter &io, const StoredExperiment &e) {
                                        io.integer(e.result.machine.logicalCpus);
                                    }),
    column<StoredExperiment>("machine",
                             [](auto &io, auto &e) {
                                 io.value(e.result.machine, ColumnType::Text, machineColumn,
                                          machineOf);
                             }),
    column<StoredExperiment>("runtimes",
                             [](auto &io, auto &e) {
                                 io.value(e.result.spec.runtimes, ColumnType::Text, runtimesColumn,
                                          runtimesOf);
                             }),
};

} // namespace

namespace StoreTables {

std::span<const StoreColumn<StoredRun>> runs()
{
    return kRuns;
}

std::span<const StoreColumn<StoredShard>> shards()
{
    return kShards;
}

std::span<const StoreColumn<StoredExperiment>> experiments()
{
    return kExperiments;
}

} // namespace StoreTables
