// SPDX-License-Identifier: MIT
#include "core/report/jsonreport.h"

#include "core/base/wording.h"
#include "core/engine/runresult.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/plancodec.h"

#include <QJsonArray>

#include <cmath>

namespace {

// NaN means "not defined" in our statistics (one run has no standard deviation); JSON has no
// NaN, so it travels as null.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

// Missing percentiles (an http run that got no response) are null.
QJsonObject percentilesToJson(const Percentiles &p)
{
    return {{QStringLiteral("p50"), number(p.p50)},
            {QStringLiteral("p90"), number(p.p90)},
            {QStringLiteral("p99"), number(p.p99)},
            {QStringLiteral("max"), number(p.max)}};
}

QJsonObject summaryToJson(const Summary &s)
{
    return {{QStringLiteral("n"), static_cast<double>(s.n)},
            {QStringLiteral("median"), number(s.median)},
            {QStringLiteral("mean"), number(s.mean)},
            {QStringLiteral("stddev"), number(s.stddev)},
            {QStringLiteral("min"), number(s.min)},
            {QStringLiteral("max"), number(s.max)},
            {QStringLiteral("cv"), number(s.cv)}};
}

QJsonObject statisticsToJson(const ExperimentSummary &summary)
{
    QJsonArray configs;
    for (const ConfigSummary &c : summary.configs) {
        configs.append(QJsonObject{
            {QStringLiteral("runtime"), runtimeName(c.runtime)},
            {QStringLiteral("shards"), c.shards},
            {QStringLiteral("runs"), c.runs},
            {QStringLiteral("completed_runs"), c.completedRuns},
            {QStringLiteral("outliers"), c.outliers},
            {QStringLiteral("wall_ms"), summaryToJson(c.wallMs)},
            {QStringLiteral("ideal_ms"), summaryToJson(c.idealMs)},
            {QStringLiteral("efficiency"), summaryToJson(c.efficiency)},
            {QStringLiteral("lag_p99_ms"), summaryToJson(c.lagP99Ms)},
            {QStringLiteral("throughput_tps"), summaryToJson(c.throughputTps)},
            {QStringLiteral("speedup"), number(c.speedup.value)},
            {QStringLiteral("speedup_error"), number(c.speedup.error)},
            {QStringLiteral("ideal_speedup"), number(c.idealSpeedup)},
            {QStringLiteral("amdahl_speedup"), number(c.amdahlSpeedup)},
            {QStringLiteral("mann_whitney_u"), number(c.vsBaseline.u)},
            {QStringLiteral("mann_whitney_p"), number(c.vsBaseline.p)},
        });
    }
    return {{QStringLiteral("baseline_shards"), summary.baselineShards},
            {QStringLiteral("amdahl_serial_fraction"), number(summary.amdahl.serialFraction)},
            {QStringLiteral("amdahl_rmse"), number(summary.amdahl.rmse)},
            {QStringLiteral("configs"), configs}};
}

} // namespace

QJsonObject httpRunToJson(const HttpRunStats &h)
{
    QJsonObject failures;
    for (std::size_t f = 0; f < kHttpFailureKinds; ++f) {
        if (h.failures[f] > 0)
            failures.insert(httpFailureName(HttpFailure(f)), static_cast<double>(h.failures[f]));
    }
    return {{QStringLiteral("bytes_received"), static_cast<double>(h.bytesReceived)},
            {QStringLiteral("connect_ms"), percentilesToJson(h.connectMs)},
            {QStringLiteral("first_byte_ms"), percentilesToJson(h.firstByteMs)},
            {QStringLiteral("server_late_ms"), percentilesToJson(h.serverLateMs)},
            {QStringLiteral("server_cpu_ms"), number(h.serverCpuMs)},
            {QStringLiteral("failures"), failures}};
}

QJsonObject runToJson(const RunResult &run)
{
    // English whatever the window's language: programs read reports (core/base/wording.h).
    const Wording::EnglishScope english;
    QJsonArray perShard;
    for (const ShardStats &s : run.perShard) {
        QJsonObject shard{{QStringLiteral("index"), s.index},
                          {QStringLiteral("cpu"), s.cpu},
                          {QStringLiteral("tasks"), static_cast<double>(s.tasks)},
                          {QStringLiteral("tasks_done"), static_cast<double>(s.tasksDone)},
                          {QStringLiteral("busy_ms"), number(s.busyMs)},
                          {QStringLiteral("cpu_ms"), number(s.cpuMs)},
                          {QStringLiteral("finish_ms"), number(s.finishMs)},
                          {QStringLiteral("checksum"), checksumText(s.checksum)}};
        // A worker process's (the out-of-process runtimes): what one loop costs in memory.
        if (s.peakRssKb >= 0)
            shard.insert(QStringLiteral("peak_rss_kb"), static_cast<double>(s.peakRssKb));
        perShard.append(shard);
    }
    QJsonObject o{
        {QStringLiteral("status"), runStatusName(run.status)},
        {QStringLiteral("runtime"), runtimeName(run.runtime)},
        {QStringLiteral("shards"), run.shards},
        {QStringLiteral("partition"), partitionName(run.partition)},
        {QStringLiteral("pinned"), run.pinned},
        {QStringLiteral("shard_schedule"), shardScheduleName(run.schedule)},
        {QStringLiteral("repeat"), run.repeat},
        {QStringLiteral("started_utc"), run.startedUtc.toString(Qt::ISODateWithMs)},
        // null wherever the run did not measure it (a cancelled run has no wall time).
        {QStringLiteral("wall_ms"), number(run.wallMs)},
        {QStringLiteral("elapsed_ms"), number(run.elapsedMs)},
        // null for a run that did not complete: it has no bound and no efficiency.
        {QStringLiteral("ideal_ms"), number(run.completed() ? run.idealMs : kNaN)},
        {QStringLiteral("efficiency"), number(run.completed() ? run.efficiency : kNaN)},
        // The bound above is from the run's measured work; this one from the calibration.
        {QStringLiteral("ideal_estimate_ms"),
         number(run.completed() ? run.estimatedIdealMs : kNaN)},
        {QStringLiteral("work_ms"), number(run.completed() ? run.workMs : kNaN)},
        {QStringLiteral("tasks"), static_cast<double>(run.tasks)},
        {QStringLiteral("tasks_done"), static_cast<double>(run.tasksDone)},
        {QStringLiteral("tasks_failed"), static_cast<double>(run.tasksFailed)},
        // Runtime stealing: CPU parts that ran on another loop than their IO's; 0 elsewhere.
        {QStringLiteral("tasks_moved"), static_cast<double>(run.tasksMoved)},
        {QStringLiteral("checksum"), checksumText(run.checksum)},
        {QStringLiteral("throughput_tps"), number(run.throughputTps)},
        {QStringLiteral("start_overhead_ms"), number(run.startOverheadMs)},
        {QStringLiteral("join_overhead_ms"), number(run.joinOverheadMs)},
        {QStringLiteral("lag_ms"), percentilesToJson(run.lagMs)},
        {QStringLiteral("latency_ms"), percentilesToJson(run.latencyMs)},
        {QStringLiteral("per_shard"), perShard},
        // Share of all CPUs other processes used meantime; machine_busy above 10 %.
        {QStringLiteral("others_cpu_fraction"), number(run.othersCpuFraction)},
        {QStringLiteral("machine_busy"), run.machineBusy()},
        // The other programs that took the most CPU meanwhile: name, pid, share of all CPUs.
        {QStringLiteral("busy_programs"), busyProgramsToJson(run.busyPrograms)},
    };
    if (!run.error.isEmpty())
        o.insert(QStringLiteral("error"), run.error);
    // What ran an out-of-process runtime's loops ("CPython 3.11.2 asyncio": the interpreter's
    // version, as its workers said).
    if (!run.implementation.isEmpty())
        o.insert(QStringLiteral("implementation"), run.implementation);
    if (run.http)
        o.insert(QStringLiteral("http"), httpRunToJson(*run.http));
    return o;
}

QJsonObject experimentToJson(const ExperimentResult &result)
{
    const Wording::EnglishScope english;
    const ExperimentSpec &spec = result.spec;
    QJsonArray shardCounts;
    for (int k : spec.shardCounts)
        shardCounts.append(k);
    const ExperimentSummary &summary = result.summary;
    QJsonArray runs;
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        QJsonObject run = runToJson(result.runs[i]);
        run.insert(QStringLiteral("outlier"), summary.isOutlier(i));
        runs.append(run);
    }
    // The plan in PlanCodec's words, then how this experiment ran it.
    QJsonObject workload = PlanCodec::toJson(spec);
    QJsonArray runtimes;
    for (Runtime runtime : spec.runtimes)
        runtimes.append(runtimeName(runtime));
    workload.insert(QStringLiteral("runtimes"), runtimes);
    workload.insert(QStringLiteral("shards"), shardCounts);
    workload.insert(QStringLiteral("partition"), partitionName(spec.partition));
    workload.insert(QStringLiteral("pin"), spec.pin);
    workload.insert(QStringLiteral("repeats"), spec.repeats);
    workload.insert(QStringLiteral("warmup"), spec.warmup);
    return QJsonObject{
        {QStringLiteral("schema"), QString::fromLatin1(kReportSchema)},
        {QStringLiteral("meta"), result.machine.toJson()},
        {QStringLiteral("workload"), workload},
        {QStringLiteral("calibration"),
         QJsonObject{{QStringLiteral("ns_per_iter"), result.nsPerIter}}},
        {QStringLiteral("cancelled"), result.cancelled},
        {QStringLiteral("verdict"), result.verdict()},
        {QStringLiteral("statistics"), statisticsToJson(summary)},
        {QStringLiteral("runs"), runs},
    };
}
