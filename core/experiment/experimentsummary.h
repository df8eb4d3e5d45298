// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/statistics.h"
#include "core/engine/runtime.h"

#include <vector>

struct ExperimentResult;
struct RunResult;

// The one definition of a run's speedup, used by every report and view: the baseline's (median)
// wall time over this run's wall time. NaN unless the run completed and both times are positive:
// a cancelled run's wall time is not a speed.
double runSpeedup(double baselineWallMs, const RunResult &run);

// The statistics of one configuration (one runtime at one shard count K) of an experiment. Only
// completed runs enter them: a cancelled or failed run measured something else, so it is counted in
// `runs` and listed in runs.csv with its status, but never averaged in.
struct ConfigSummary
{
    Runtime runtime = Runtime::Threads;
    int shards = 1;
    int runs = 0;          // every run of this K, whatever its status
    int completedRuns = 0; // those that enter the statistics
    int outliers = 0;      // completed runs whose wall time is a MAD outlier within this K

    Summary wallMs;
    Summary idealMs;    // the release-time bound T*; equal across repeats up to calibration
    Summary efficiency; // T* / wall, per run
    Summary lagP99Ms;   // each run's p99 event-loop lag
    Summary throughputTps;
    Summary workMs;     // the tasks' measured kernel time, summed over the run (RunResult::workMs)
    Summary tasksMoved; // RunResult::tasksMoved: 0 on every runtime but stealing

    // Against the baseline of the same runtime (its run at baselineShards): what K loops buy on
    // that runtime.
    Ratio speedup;               // baseline median wall / this median wall, with propagated error
    double idealSpeedup = kNaN;  // baseline median T* / this median T*: the line a chart draws
    double amdahlSpeedup = kNaN; // the experiment's Amdahl fit evaluated at this K
    // Median work of this K over the baseline's: how much the same kernels grew when they ran
    // side by side (shared caches, SMT siblings, a lower all-core clock). 1.0 = no growth; the
    // baseline's own is 1 by definition. NaN when either side has no measured work.
    double workInflation = kNaN;
    // Mann-Whitney of the baseline's wall times against this K's, both with at least
    // kMinRunsForMannWhitney completed runs; NaN otherwise and for the baseline itself.
    MannWhitney vsBaseline;
};

// The issue asks for a p-value from R >= 5 on. Below it the test says too little to print: with 4
// runs against 4 even complete separation only reaches an exact two-sided p of 2/70 = 0.029, and
// the normal approximation is coarser still.
inline constexpr int kMinRunsForMannWhitney = 5;

struct ExperimentSummary
{
    int baselineShards = 1;
    // One per (runtime, K) that was run: runtimes in the spec's order, each by ascending K.
    std::vector<ConfigSummary> configs;
    // One flag per ExperimentResult::runs entry: a completed run whose wall time is a MAD outlier
    // among the completed runs of its K. Always false for other runs.
    std::vector<bool> runOutliers;
    // One per ExperimentResult::runs entry: runSpeedup() against its runtime's baseline median
    // wall time; NaN for every run when the experiment has a single configuration.
    std::vector<double> runSpeedups;
    // Fitted over every K's median speedup of the first runtime when the baseline is 1 loop (the
    // law is relative to one processor) and some K > 1 completed; NaN otherwise.
    AmdahlFit amdahl;

    const ConfigSummary *config(Runtime runtime, int shards) const;
    // The runtimes of `configs`, in their order.
    std::vector<Runtime> runtimes() const;
    // The speedup of ExperimentResult::runs[run]: runSpeedups[run], NaN when the summary has none
    // for it (it was computed before that run ended). The history, the store and every report read
    // a run's speedup here.
    double speedupOfRun(std::size_t run) const;
    // Whether ExperimentResult::runs[run] is a MAD outlier of its K (runOutliers[run]); false
    // when the summary has no flag for it.
    bool isOutlier(std::size_t run) const;
};

ExperimentSummary summarizeExperiment(const ExperimentResult &result);
