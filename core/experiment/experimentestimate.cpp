// SPDX-License-Identifier: MIT
#include "core/experiment/experimentestimate.h"

#include "core/workload/distributionsampler.h"

#include <algorithm>

double ExperimentEstimate::runMs(const WorkloadSpec &workload, int shards, const RuntimeCost &cost,
                                 int logicalCpus)
{
    const double meanIterations =
        DistributionSampler(workload.cpuDist, workload.cpuMin, workload.cpuMax).mean();
    const double taskMs = meanIterations * cost.nsPerIter / 1e6;
    const double workMs = taskMs * double(workload.tasks);
    const int cores = std::max(1, std::min(shards, logicalCpus));
    const double startMs = cost.startMsPerWorker * double(shards) / double(cores);
    return startMs + std::max(double(workload.ioMinMs) + workMs / double(cores),
                              double(workload.ioMaxMs) + taskMs);
}

std::optional<ExperimentEstimate>
ExperimentEstimate::of(const ExperimentSpec &spec,
                       const std::function<std::optional<RuntimeCost>(Runtime)> &costOf,
                       int logicalCpus, double settleMs)
{
    ExperimentEstimate e;
    bool first = true;
    for (Runtime runtime : spec.runtimes) {
        const std::optional<RuntimeCost> cost = costOf(runtime);
        if (!cost)
            return std::nullopt;
        for (int k : spec.shardCounts) {
            const double ms = runMs(spec.workload, k, *cost, logicalCpus);
            // The warm-up runs the first configuration once more.
            const int runs = spec.repeats + (first && spec.warmup ? 1 : 0);
            first = false;
            e.runs += runs;
            e.totalMs += double(runs) * (ms + settleMs);
            if (ms > e.longestRunMs) {
                e.longestRunMs = ms;
                e.longestRuntime = runtime;
                e.longestShards = k;
            }
        }
    }
    return e;
}
