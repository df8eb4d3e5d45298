// SPDX-License-Identifier: MIT
#include "core/engine/runsummary.h"

#include "core/analysis/idealbound.h"
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/workload/taskplan.h"

#include <QThread>

#include <algorithm>

namespace {

// How many tasks apart the summary looks at the cancel flag (Shard::kCancelCheckTasks).
constexpr std::size_t kCancelCheckTasks = 1 << 16;

} // namespace

Percentiles percentilesMs(std::vector<double> &valuesNs)
{
    Percentiles p;
    if (valuesNs.empty())
        return p;
    p.p50 = percentile(valuesNs, 0.50) / 1e6;
    p.p90 = percentile(valuesNs, 0.90) / 1e6;
    p.p99 = percentile(valuesNs, 0.99) / 1e6;
    p.max = *std::max_element(valuesNs.begin(), valuesNs.end()) / 1e6;
    return p;
}

void summariseTasks(RunResult &r, const std::atomic<bool> &cancel, const QString &failure)
{
    const TaskPlan &plan = *r.plan;
    const std::vector<TaskTiming> &timings = *r.timings;
    std::vector<double> lag;
    std::vector<double> latency;
    lag.reserve(static_cast<std::size_t>(r.tasksDone));
    latency.reserve(static_cast<std::size_t>(r.tasksDone));
    // Summarising ten million tasks takes seconds (percentiles, then the bound's sort): a cancel
    // is looked at between the stages and every kCancelCheckTasks tasks, and ends the summary
    // with the run marked cancelled.
    std::int64_t wallNs = 0;
    for (std::size_t i = 0; i < timings.size(); ++i) {
        if (i % kCancelCheckTasks == 0 && cancel.load(std::memory_order_relaxed))
            break;
        const TaskTiming &t = timings[i];
        if (t.doneNs < 0)
            continue;
        lag.push_back(static_cast<double>(t.resumedNs - plan.ioNs(i)));
        latency.push_back(static_cast<double>(t.doneNs));
        wallNs = std::max(wallNs, t.doneNs);
    }
    r.wallMs = nsToMs(wallNs);
    if (!cancel.load())
        r.lagMs = percentilesMs(lag);
    if (!cancel.load())
        r.latencyMs = percentilesMs(latency);
    r.throughputTps = wallNs > 0
                          ? static_cast<double>(r.tasksDone) * 1e9 / static_cast<double>(wallNs)
                          : kNotMeasured;
    if (!failure.isEmpty()) {
        r.status = RunStatus::Failed; // a cancel that followed the failure changes nothing
        r.error = failure;
    } else if (cancel.load()) {
        r.status = RunStatus::Cancelled;
    } else if (r.tasksFailed > 0 || r.tasksDone != r.tasks) {
        r.status = RunStatus::Failed;
    }
    // A run whose tasks did not all finish has no wall time, nor a rate over one: how long it
    // ran is elapsedMs.
    if (r.status != RunStatus::Completed) {
        r.wallMs = kNotMeasured;
        r.throughputTps = kNotMeasured;
    }
    // The bound sorts the whole plan (O(n log n)). A run that did not complete has neither bound
    // nor efficiency (NaN: every report shows it as missing, never as 0), and does not pay for
    // the sort.
    r.idealMs = kNotMeasured;
    r.efficiency = kNotMeasured;
    r.estimatedIdealMs = kNotMeasured;
    r.workMs = kNotMeasured;
    if (r.status == RunStatus::Completed) {
        const int cpus = QThread::idealThreadCount();
        const int cores = std::min(r.shards, cpus);
        if (runsCppKernels(r.runtime)) // else unknown: the calibration is C++'s
            r.estimatedIdealMs = nsToMs(idealBoundNs(plan, r.nsPerIter, cores));
        // The bound of the run that happened: each task's work is the CPU time its kernel used
        // on its shard (TaskTiming::workNs, the thread's CPU clock), never more than its wall
        // time. No schedule of that work on P = min(K, CPUs) cores beats the bound, whatever
        // else ran on the machine (efficiency <= 1 up to the clock's resolution); time the
        // shards were preempted, by each other or by other programs, is not work, so a run
        // that a busy machine starved reads a low efficiency instead of 100 %.
        double workNs = 0;
        r.idealMs = nsToMs(idealBoundNs(
            plan,
            [&](std::uint32_t task) {
                const double w = double(std::max<std::int64_t>(0, timings[task].workNs));
                workNs += w;
                return w;
            },
            cores));
        r.workMs = workNs / 1e6;
        r.efficiency = r.wallMs > 0 ? r.idealMs / r.wallMs : kNotMeasured;
    }
    if (r.status == RunStatus::Failed && r.error.isEmpty())
        r.error = QStringLiteral("%1 of %2 tasks did not complete")
                      .arg(r.tasks - r.tasksDone)
                      .arg(r.tasks);
}
