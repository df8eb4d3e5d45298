// SPDX-License-Identifier: MIT
#include "core/report/csvreport.h"

#include "core/base/wording.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/plancodec.h"
#include "core/load/loadsampler.h"
#include "core/report/csvwriter.h"
#include "core/report/fixedms.h"
#include "core/report/jsonreport.h"
#include "core/report/reportfile.h"
#include "core/workload/taskplan.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace {

void machineLines(CsvWriter &csv, const MachineInfo &m, const char *file)
{
    csv.comment(u"csv_schema", QString::fromLatin1(kCsvSchema));
    csv.comment(u"file", QString::fromLatin1(file));
    csv.comment(u"app_version", m.appVersion);
    csv.comment(u"git_hash", m.gitHash);
    csv.comment(u"cpu_model", m.cpuModel);
    csv.comment(u"logical_cpus", QString::number(m.logicalCpus));
    csv.comment(u"os", m.os);
    csv.comment(u"qt_version", m.qtVersion);
    csv.comment(u"qcoro_version", m.qcoroVersion);
    csv.comment(u"compiler", m.compiler);
    csv.comment(u"build_type", m.buildType);
    csv.comment(u"timestamp_utc", m.timestampUtc);
    csv.comment(u"host", m.host);
}

QString number(double value)
{
    return QString::fromLatin1(CsvWriter::number(value));
}

void experimentLines(CsvWriter &csv, const ExperimentResult &result, const char *file)
{
    machineLines(csv, result.machine, file);
    for (const PlanField &f : PlanCodec::fields()) {
        if (PlanCodec::applies(f, result.spec))
            csv.comment(QString::fromLatin1(f.key), PlanCodec::text(f, result.spec));
    }
    QStringList runtimes;
    for (Runtime runtime : result.spec.runtimes)
        runtimes.append(runtimeName(runtime));
    csv.comment(u"runtimes", runtimes.join(u','));
    csv.comment(u"partition", partitionName(result.spec.partition));
    csv.comment(u"pin", result.spec.pin ? QStringLiteral("true") : QStringLiteral("false"));
    csv.comment(u"repeats", QString::number(result.spec.repeats));
    csv.comment(u"ns_per_iter", number(result.nsPerIter));
}

void header(CsvWriter &csv, std::initializer_list<const char *> names,
            const QByteArrayList &more = {})
{
    for (const char *name : names)
        csv.raw(QByteArrayView(name));
    for (const QByteArray &name : more)
        csv.raw(name);
    csv.endRow();
}

// runs.csv's count of failed exchanges per reason: failed_refused, failed_reset, ...
QByteArrayList failureColumns()
{
    QByteArrayList names;
    for (std::size_t f = 1; f < kHttpFailureKinds; ++f)
        names.append("failed_" + httpFailureName(HttpFailure(f)).toLatin1());
    return names;
}

// The http columns of runs.csv before the failure counts.
constexpr int kHttpFigureColumns = 8;

} // namespace

QByteArray runsCsv(const ExperimentResult &result, CsvMetadata meta)
{
    // English whatever the window's language: programs read reports (core/base/wording.h).
    const Wording::EnglishScope english;
    QByteArray out;
    CsvWriter csv(&out);
    if (meta == CsvMetadata::CommentLines)
        experimentLines(csv, result, "runs");
    header(csv,
           {"run_index", "repeat", "shards", "partition", "pinned", "status", "started_utc",
            "tasks", "tasks_done", "tasks_failed", "wall_ms", "ideal_ms", "efficiency", "speedup",
            "throughput_tps", "start_overhead_ms", "join_overhead_ms", "lag_p50_ms", "lag_p90_ms",
            "lag_p99_ms", "lag_max_ms", "latency_p50_ms", "latency_p90_ms", "latency_p99_ms",
            "latency_max_ms", "ns_per_iter", "checksum", "outlier", "others_cpu_fraction",
            "machine_busy", "error",
            // After the columns of before: a reader by position still finds those. Empty for
            // a timer run, which fetches nothing.
            "transport", "bytes_received", "connect_p50_ms", "connect_p99_ms", "first_byte_p50_ms",
            "first_byte_p99_ms", "server_late_p50_ms", "server_late_p99_ms", "server_cpu_ms"},
           failureColumns() +
               QByteArrayList{"elapsed_ms", "busy_programs", "runtime", "tasks_moved"});
    const ExperimentSummary &summary = result.summary;
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        const RunResult &r = result.runs[i];
        csv.field(static_cast<std::int64_t>(i)).field(r.repeat).field(r.shards);
        csv.field(partitionName(r.partition)).field(r.pinned).field(runStatusName(r.status));
        csv.field(r.startedUtc.isValid() ? r.startedUtc.toString(Qt::ISODateWithMs) : QString());
        csv.field(static_cast<std::int64_t>(r.tasks))
            .field(static_cast<std::int64_t>(r.tasksDone))
            .field(static_cast<std::int64_t>(r.tasksFailed));
        // What a run did not measure is empty (NaN): a cancelled run has no wall time.
        csv.field(r.wallMs);
        csv.field(r.completed() ? r.idealMs : kNaN).field(r.completed() ? r.efficiency : kNaN);
        csv.field(summary.speedupOfRun(i)); // NaN: empty
        csv.field(r.throughputTps).field(r.startOverheadMs).field(r.joinOverheadMs);
        for (const Percentiles *p : {&r.lagMs, &r.latencyMs})
            csv.field(p->p50).field(p->p90).field(p->p99).field(p->max);
        csv.field(r.nsPerIter).raw(checksumText(r.checksum).toLatin1());
        if (r.completed() && i < summary.runOutliers.size())
            csv.field(static_cast<bool>(summary.runOutliers[i]));
        else
            csv.empty();
        csv.field(r.othersCpuFraction).field(r.machineBusy()); // NaN: empty
        csv.field(r.error);
        csv.field(transportName(result.spec.transport.kind));
        if (r.http) {
            const HttpRunStats &h = *r.http;
            csv.field(h.bytesReceived);
            for (const Percentiles *p : {&h.connectMs, &h.firstByteMs, &h.serverLateMs})
                csv.field(p->p50).field(p->p99);
            csv.field(h.serverCpuMs); // NaN (a --target server): empty
            for (std::size_t f = 1; f < kHttpFailureKinds; ++f)
                csv.field(h.failures[f]);
        } else {
            // A timer run, or an http run that ended before it fetched.
            for (int column = 0; column < kHttpFigureColumns + int(kHttpFailureKinds) - 1; ++column)
                csv.empty();
        }
        // How long the run ran however it ended, and the other programs that took the CPUs
        // meanwhile (busyProgramsText()).
        csv.field(r.elapsedMs).field(busyProgramsText(r.busyPrograms));
        csv.field(runtimeName(r.runtime)).field(static_cast<std::int64_t>(r.tasksMoved));
        csv.endRow();
    }
    return out;
}

QByteArray summaryCsv(const ExperimentResult &result, CsvMetadata meta)
{
    const Wording::EnglishScope english;
    const ExperimentSummary &summary = result.summary;
    QByteArray out;
    CsvWriter csv(&out);
    if (meta == CsvMetadata::CommentLines) {
        experimentLines(csv, result, "summary");
        csv.comment(u"baseline_shards", QString::number(summary.baselineShards));
        csv.comment(u"amdahl_serial_fraction", number(summary.amdahl.serialFraction));
        csv.comment(u"amdahl_rmse", number(summary.amdahl.rmse));
        csv.comment(u"speedup_error",
                    QStringLiteral("one sigma, first-order propagation of the standard errors of "
                                   "both median wall times, se = sqrt(pi/2) sd / sqrt(n)"));
    }
    header(csv, {"shards",
                 "baseline",
                 "runs",
                 "runs_completed",
                 "outliers",
                 "wall_median_ms",
                 "wall_mean_ms",
                 "wall_sd_ms",
                 "wall_min_ms",
                 "wall_max_ms",
                 "wall_cv",
                 "ideal_median_ms",
                 "speedup",
                 "speedup_err",
                 "ideal_speedup",
                 "amdahl_speedup",
                 "efficiency_median",
                 "efficiency_mean",
                 "efficiency_sd",
                 "efficiency_min",
                 "efficiency_max",
                 "lag_p99_median_ms",
                 "throughput_median_tps",
                 "mann_whitney_u",
                 "mann_whitney_p",
                 "work_median_ms",
                 "work_inflation",
                 "runtime"});
    for (const ConfigSummary &c : summary.configs) {
        csv.field(c.shards).field(c.shards == summary.baselineShards);
        csv.field(c.runs).field(c.completedRuns).field(c.outliers);
        const Summary &w = c.wallMs;
        csv.field(w.median).field(w.mean).field(w.stddev).field(w.min).field(w.max).field(w.cv);
        csv.field(c.idealMs.median);
        csv.field(c.speedup.value).field(c.speedup.error);
        csv.field(c.idealSpeedup).field(c.amdahlSpeedup);
        const Summary &e = c.efficiency;
        csv.field(e.median).field(e.mean).field(e.stddev).field(e.min).field(e.max);
        csv.field(c.lagP99Ms.median).field(c.throughputTps.median);
        csv.field(c.vsBaseline.u).field(c.vsBaseline.p);
        csv.field(c.workMs.median).field(c.workInflation);
        csv.field(runtimeName(c.runtime));
        csv.endRow();
    }
    return out;
}

QByteArray tasksCsv(const ExperimentResult &result, const RunResult &run, CsvMetadata meta,
                    const std::atomic<bool> *cancel)
{
    const Wording::EnglishScope english;
    QByteArray out;
    CsvWriter csv(&out);
    if (meta == CsvMetadata::CommentLines) {
        experimentLines(csv, result, "tasks");
        qsizetype index = -1;
        for (qsizetype i = 0; i < static_cast<qsizetype>(result.runs.size()); ++i) {
            if (&result.runs[static_cast<std::size_t>(i)] == &run)
                index = i;
        }
        csv.comment(u"run_index", index >= 0 ? QString::number(index) : QString());
        csv.comment(u"shards", QString::number(run.shards));
        csv.comment(u"repeat", QString::number(run.repeat));
    }
    header(csv, {"task_id", "shard", "io_ms", "iterations", "due_ms", "resumed_ms", "done_ms"});
    if (!run.plan)
        return out;
    const TaskPlan &plan = *run.plan;
    const std::size_t n = plan.size();
    const std::vector<TaskTiming> *timings = run.timings.get();
    if (timings && timings->size() != n)
        timings = nullptr; // not this plan's records: better no times than wrong ones

    // Dealt out slice by slice (O(n)) rather than by shardOf() per task.
    std::vector<int> shardOfTask(n, 0);
    for (int k = 0; k < run.shards; ++k) {
        const Slice slice = sliceFor(run.partition, n, run.shards, k);
        for (std::size_t i = 0; i < slice.size(); ++i)
            shardOfTask[slice.at(i)] = k;
    }

    // One task's row is ~60 bytes.
    out.reserve(out.size() + static_cast<qsizetype>(n) * 64);
    for (std::size_t id = 0; id < n; ++id) {
        if (cancel && id % kTasksCsvCancelCheckRows == 0 && cancel->load(std::memory_order_relaxed))
            return {};
        const FixedMs io(plan.ioUs(id), 1000, 3);
        csv.field(static_cast<std::int64_t>(id)).field(shardOfTask[id]).raw(io.view());
        csv.field(static_cast<std::int64_t>(plan.iterations(id))).raw(io.view());
        const TaskTiming t = timings ? (*timings)[id] : TaskTiming{};
        for (std::int64_t ns : {t.resumedNs, t.doneNs}) {
            if (ns >= 0)
                csv.raw(FixedMs(ns, 1000000, 6).view());
            else
                csv.empty();
        }
        csv.endRow();
    }
    return out;
}

QByteArray loadCsv(const ExperimentResult &result, CsvMetadata meta)
{
    const Wording::EnglishScope english;
    QByteArray out;
    CsvWriter csv(&out);
    if (meta == CsvMetadata::CommentLines)
        experimentLines(csv, result, "load");
    // As wide as the widest run: a run with fewer shards leaves the other columns empty.
    std::size_t cores = 0;
    std::size_t shards = 0;
    for (const RunResult &r : result.runs) {
        cores = std::max(cores, r.load.cores.size());
        shards = std::max(shards, r.load.shards.size());
    }
    // run_index joins runs.csv; time_s counts from that run's t0.
    for (const char *name : {"run_index", "shards", "repeat", "time_s"})
        csv.raw(QByteArrayView(name));
    for (std::size_t c = 0; c < cores; ++c)
        csv.raw("cpu" + QByteArray::number(static_cast<qulonglong>(c)) + "_busy_frac");
    for (std::size_t k = 0; k < shards; ++k)
        csv.raw("shard" + QByteArray::number(static_cast<qulonglong>(k)) + "_cpu_frac");
    csv.endRow();
    auto value = [&csv](const std::vector<std::vector<double>> &series, std::size_t column,
                        std::size_t i) {
        if (column < series.size() && i < series[column].size())
            csv.field(series[column][i]); // NaN: empty
        else
            csv.empty();
    };
    for (std::size_t run = 0; run < result.runs.size(); ++run) {
        const RunResult &r = result.runs[run];
        for (std::size_t i = 0; i < r.load.tSec.size(); ++i) {
            csv.field(static_cast<std::int64_t>(run)).field(r.shards).field(r.repeat);
            csv.field(r.load.tSec[i]);
            for (std::size_t c = 0; c < cores; ++c)
                value(r.load.cores, c, i);
            for (std::size_t k = 0; k < shards; ++k)
                value(r.load.shards, k, i);
            csv.endRow();
        }
    }
    return out;
}

int tasksCsvRunIndex(const ExperimentResult &result)
{
    for (int i = static_cast<int>(result.runs.size()) - 1; i >= 0; --i) {
        if (result.runs[static_cast<std::size_t>(i)].timings)
            return i;
    }
    for (int i = static_cast<int>(result.runs.size()) - 1; i >= 0; --i) {
        if (result.runs[static_cast<std::size_t>(i)].plan)
            return i;
    }
    return -1;
}
