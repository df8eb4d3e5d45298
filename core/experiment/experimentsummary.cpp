// SPDX-License-Identifier: MIT
#include "core/experiment/experimentsummary.h"

#include "core/engine/runresult.h"
#include "core/experiment/experiment.h"

#include <algorithm>
#include <cmath>
#include <limits>

double runSpeedup(double baselineWallMs, const RunResult &run)
{
    if (!run.completed() || !(baselineWallMs > 0) || !(run.wallMs > 0))
        return std::numeric_limits<double>::quiet_NaN();
    return baselineWallMs / run.wallMs;
}

const ConfigSummary *ExperimentSummary::config(Runtime runtime, int shards) const
{
    for (const ConfigSummary &c : configs) {
        if (c.runtime == runtime && c.shards == shards)
            return &c;
    }
    return nullptr;
}

std::vector<Runtime> ExperimentSummary::runtimes() const
{
    std::vector<Runtime> out;
    for (const ConfigSummary &c : configs) {
        if (std::find(out.begin(), out.end(), c.runtime) == out.end())
            out.push_back(c.runtime);
    }
    return out;
}

double ExperimentSummary::speedupOfRun(std::size_t run) const
{
    return run < runSpeedups.size() ? runSpeedups[run] : std::numeric_limits<double>::quiet_NaN();
}

bool ExperimentSummary::isOutlier(std::size_t run) const
{
    return run < runOutliers.size() && runOutliers[run];
}

namespace {

template <typename F>
std::vector<double> completedValues(const ExperimentResult &result, Runtime runtime, int shards,
                                    F field)
{
    std::vector<double> values;
    for (const RunResult &r : result.runs) {
        if (r.runtime == runtime && r.shards == shards && r.completed())
            values.push_back(field(r));
    }
    return values;
}

// The measured work of the completed runs of one configuration; a report from before the work
// was measured has none (NaN), which must not enter a median.
std::vector<double> completedWork(const ExperimentResult &result, Runtime runtime, int shards)
{
    std::vector<double> values =
        completedValues(result, runtime, shards, [](const RunResult &r) { return r.workMs; });
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    return values;
}

double wallOf(const RunResult &r)
{
    return r.wallMs;
}

} // namespace

ExperimentSummary summarizeExperiment(const ExperimentResult &result)
{
    ExperimentSummary summary;
    summary.baselineShards = result.baselineShards();
    summary.runOutliers.assign(result.runs.size(), false);

    // Every runtime and K that was asked for or run (a cancelled experiment may lack some).
    std::vector<Runtime> runtimes(result.spec.runtimes.begin(), result.spec.runtimes.end());
    std::vector<int> shardCounts(result.spec.shardCounts.begin(), result.spec.shardCounts.end());
    for (const RunResult &r : result.runs) {
        shardCounts.push_back(r.shards);
        if (std::find(runtimes.begin(), runtimes.end(), r.runtime) == runtimes.end())
            runtimes.push_back(r.runtime);
    }
    std::sort(shardCounts.begin(), shardCounts.end());
    shardCounts.erase(std::unique(shardCounts.begin(), shardCounts.end()), shardCounts.end());

    std::vector<double> baseMedianWall; // per entry of `runtimes`
    for (Runtime runtime : runtimes) {
        const int base = summary.baselineShards;
        const std::vector<double> baseWall = completedValues(result, runtime, base, wallOf);
        const Summary baseWallSummary = summarize(baseWall);
        baseMedianWall.push_back(baseWallSummary.median);
        const Summary baseIdeal = summarize(
            completedValues(result, runtime, base, [](const RunResult &r) { return r.idealMs; }));
        const Summary baseWork = summarize(completedWork(result, runtime, base));

        for (int k : shardCounts) {
            ConfigSummary c;
            c.runtime = runtime;
            c.shards = k;
            std::vector<std::size_t> completedIndices;
            for (std::size_t i = 0; i < result.runs.size(); ++i) {
                const RunResult &r = result.runs[i];
                if (r.runtime != runtime || r.shards != k)
                    continue;
                ++c.runs;
                if (r.completed())
                    completedIndices.push_back(i);
            }
            // A K asked for on every runtime but not run on this one (cancelled) still has its
            // row; a K only another runtime ran does not.
            if (c.runs == 0 &&
                !(result.spec.shardCounts.contains(k) && result.spec.runtimes.contains(runtime)))
                continue;
            c.completedRuns = static_cast<int>(completedIndices.size());
            auto values = [&](auto field) { return completedValues(result, runtime, k, field); };
            const std::vector<double> wall = values(wallOf);
            c.wallMs = summarize(wall);
            c.idealMs = summarize(values([](const RunResult &r) { return r.idealMs; }));
            c.efficiency = summarize(values([](const RunResult &r) { return r.efficiency; }));
            c.lagP99Ms = summarize(values([](const RunResult &r) { return r.lagMs.p99; }));
            c.throughputTps = summarize(values([](const RunResult &r) { return r.throughputTps; }));
            c.workMs = summarize(completedWork(result, runtime, k));
            c.tasksMoved =
                summarize(values([](const RunResult &r) { return double(r.tasksMoved); }));
            if (baseWork.median > 0 && c.workMs.median > 0)
                c.workInflation = c.workMs.median / baseWork.median;

            const std::vector<bool> flags = madOutliers(wall);
            for (std::size_t j = 0; j < flags.size(); ++j) {
                summary.runOutliers[completedIndices[j]] = flags[j];
                c.outliers += flags[j] ? 1 : 0;
            }

            c.speedup = ratioOfMedians(baseWallSummary, c.wallMs);
            // The baseline against itself is 1 by definition: the propagation formula assumes
            // two independent samples and would invent an error here.
            if (k == base && std::isfinite(c.speedup.value))
                c.speedup = {1, 0};
            if (c.idealMs.median > 0)
                c.idealSpeedup = baseIdeal.median / c.idealMs.median;
            if (k != base && static_cast<int>(wall.size()) >= kMinRunsForMannWhitney &&
                static_cast<int>(baseWall.size()) >= kMinRunsForMannWhitney) {
                c.vsBaseline = mannWhitneyU(baseWall, wall);
            }
            summary.configs.push_back(c);
        }
    }

    // A speedup needs something to be faster than: with one configuration there is none.
    for (const RunResult &r : result.runs) {
        const auto at = std::find(runtimes.begin(), runtimes.end(), r.runtime) - runtimes.begin();
        summary.runSpeedups.push_back(summary.configs.size() > 1
                                          ? runSpeedup(baseMedianWall[std::size_t(at)], r)
                                          : std::numeric_limits<double>::quiet_NaN());
    }

    if (summary.baselineShards == 1) {
        // Fit on the parallelism the machine could give, min(K, logical CPUs): 4 loops on 2 cores
        // are 2-way parallel, and fitting them as 4-way would drag the serial fraction up and
        // draw a curve that overtakes the ideal bound.
        const double cores = result.machine.logicalCpus > 0
                                 ? double(result.machine.logicalCpus)
                                 : std::numeric_limits<double>::infinity();
        std::vector<double> ks;
        std::vector<double> speedups;
        for (const ConfigSummary &c : summary.configs) {
            if (c.runtime != runtimes.front())
                continue;
            ks.push_back(std::min(double(c.shards), cores));
            speedups.push_back(c.speedup.value);
        }
        summary.amdahl = amdahlFit(ks, speedups);
        summary.amdahl.cores = cores;
        if (std::isfinite(summary.amdahl.serialFraction)) {
            for (ConfigSummary &c : summary.configs) {
                if (c.runtime == runtimes.front())
                    c.amdahlSpeedup = summary.amdahl.speedup(c.shards);
            }
        }
    }
    return summary;
}
