// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"

#include "core/analysis/statistics.h"
#include "core/workload/taskplan.h"

#include <algorithm>
#include <cmath>

FieldErrors ExperimentSpec::validate() const
{
    FieldErrors errors = workload.validate();
    if (shardCounts.isEmpty())
        errors.append({QStringLiteral("shards"), RunConfig::kShardRange.missing()});
    for (int k : shardCounts) {
        if (auto e = RunConfig::kShardRange.check(k)) {
            errors.append({QStringLiteral("shards"), *e});
            break;
        }
    }
    if (auto e = kRepeatRange.check(repeats))
        errors.append({QStringLiteral("repeat"), *e});
    // -1 is off; otherwise a task of the plan.
    const NumberRange taskIds{0, std::uint64_t(std::max(workload.tasks, 1) - 1), nullptr};
    if (auto e = taskIds.check(failTask); e && failTask != -1)
        errors.append({QStringLiteral("failTask"), *e});
    return errors;
}

namespace {
template <typename F> double medianOf(const std::vector<RunResult> &runs, int shards, F field)
{
    std::vector<double> values;
    for (const RunResult &r : runs) {
        if (r.shards == shards && r.completed())
            values.push_back(field(r));
    }
    return percentile(values, 0.5);
}
} // namespace

double ExperimentResult::medianWallMs(int shards) const
{
    return medianOf(runs, shards, [](const RunResult &r) { return r.wallMs; });
}

double ExperimentResult::medianIdealMs(int shards) const
{
    return medianOf(runs, shards, [](const RunResult &r) { return r.idealMs; });
}

int ExperimentResult::baselineShards() const
{
    if (spec.shardCounts.contains(1))
        return 1;
    return spec.shardCounts.isEmpty() ? 1 : spec.shardCounts.first();
}

QString ExperimentResult::verdict() const
{
    if (cancelled)
        return QStringLiteral("cancelled: no verdict");
    const int base = baselineShards();
    const int top = *std::max_element(spec.shardCounts.begin(), spec.shardCounts.end());
    const double baseWall = medianWallMs(base);
    const double topWall = medianWallMs(top);
    if (baseWall <= 0 || topWall <= 0)
        return QStringLiteral("no completed runs: no verdict");
    auto loops = [](int k) {
        return k == 1 ? QStringLiteral("1 loop") : QStringLiteral("%1 loops").arg(k);
    };
    if (top == base) {
        return QStringLiteral("%1: %2 s (ideal %3 s)")
            .arg(loops(top))
            .arg(topWall / 1000, 0, 'f', 3)
            .arg(medianIdealMs(top) / 1000, 0, 'f', 3);
    }
    const double speedup = baseWall / topWall;
    // Within half a percent the two are equal at the precision we print: say so, rather than
    // "1.00x slower".
    if (std::abs(speedup - 1) < 0.005) {
        return QStringLiteral("%1: as fast as %2 (ideal %3x)")
            .arg(loops(top), loops(base))
            .arg(medianIdealMs(top) > 0 ? medianIdealMs(base) / medianIdealMs(top) : 0, 0, 'f', 2);
    }
    const double topIdeal = medianIdealMs(top);
    const double idealSpeedup = topIdeal > 0 ? medianIdealMs(base) / topIdeal : 0;
    return QStringLiteral("%1: %2x %3 than %4 (ideal %5x)")
        .arg(loops(top))
        .arg(speedup >= 1 ? speedup : 1 / speedup, 0, 'f', 2)
        .arg(speedup >= 1 ? QStringLiteral("faster") : QStringLiteral("slower"))
        .arg(loops(base))
        .arg(idealSpeedup, 0, 'f', 2);
}

QList<int> sweepShardCounts(int logicalCpus)
{
    const int top = 2 * std::max(1, logicalCpus);
    QList<int> counts;
    for (int k = 1; k <= top; k *= 2)
        counts.append(k);
    for (int k : {logicalCpus, top}) {
        if (k >= 1 && !counts.contains(k))
            counts.append(k);
    }
    std::sort(counts.begin(), counts.end());
    return counts;
}

ExperimentResult runExperiment(const ExperimentSpec &spec, const std::atomic<bool> *cancel,
                               const std::function<void(const ExperimentProgress &)> &onProgress)
{
    ExperimentResult result;
    result.spec = spec;
    result.machine = MachineInfo::current();
    result.nsPerIter = calibrateNsPerIteration(spec.workload.kernel);
    const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(spec.workload));

    const int runCount = spec.repeats * static_cast<int>(spec.shardCounts.size());
    if (spec.warmup && !spec.shardCounts.isEmpty()) {
        const int shards = spec.shardCounts.first();
        auto report = [&](const RunProgress &p) {
            if (onProgress)
                onProgress({-1, runCount, shards, 0, p});
        };
        const RunResult warm = runBlocking(plan, RunConfig{shards, spec.partition, spec.pin},
                                           result.nsPerIter, cancel, report);
        if (warm.status == RunStatus::Cancelled) {
            result.cancelled = true;
            return result;
        }
    }
    int runIndex = 0;
    for (int repeat = 0; repeat < spec.repeats; ++repeat) {
        for (int shards : spec.shardCounts) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                return result;
            }
            RunConfig config{shards, spec.partition, spec.pin, spec.failTask};
            auto report = [&](const RunProgress &p) {
                if (onProgress)
                    onProgress({runIndex, runCount, shards, repeat, p});
            };
            RunResult run = runBlocking(plan, config, result.nsPerIter, cancel, report);
            run.repeat = repeat;
            result.cancelled = result.cancelled || run.status == RunStatus::Cancelled;
            // The per-task arrays of every run would add up over many repeats; a report needs them
            // for one run at most, and the last one is kept.
            if (!result.runs.empty())
                result.runs.back().timings.reset();
            result.runs.push_back(std::move(run));
            ++runIndex;
        }
    }
    return result;
}
