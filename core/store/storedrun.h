// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "core/experiment/runrole.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

// One run as the store keeps it: the result (without its per-task arrays) and what the session
// that recorded it knew.
struct StoredRun
{
    std::int64_t id = 0;
    std::int64_t experimentId = 0;
    int sequence = 0;            // its place in the experiment, from 0, in execution order
    RunRole role = RunRole::Cli; // why it was made
    RunResult result;
    // Its experiment's summary's (ExperimentSummary::speedupOfRun()), set when the experiment
    // ends; NaN before, and when the experiment had a single configuration.
    double speedup = std::numeric_limits<double>::quiet_NaN();
    bool outlier = false;
    double guiStallP99Ms = std::numeric_limits<double>::quiet_NaN();
    Plan plan;       // its experiment's: equal plans, comparable runs
    QString machine; // the host it ran on
};

// One run's per-shard figures as the store keeps them.
struct StoredShard
{
    std::int64_t runId = 0;
    ShardStats stats;
};

// One experiment as the store keeps it: enough to rebuild its ExperimentResult (statistics,
// reports) from the rows alone.
struct StoredExperiment
{
    std::int64_t id = 0;
    QString kind;   // experimentKindName(): "compare", "sweep", "runtimes", "cli", ...
    QString source; // "app", "cli", or the file it was imported from
    bool finished = false;
    QString verdict;                  // as recorded when it finished: ExperimentResult::verdict()
    ExperimentResult result;          // runs in execution order, summary recomputed
    std::vector<std::int64_t> runIds; // the store id of each of result.runs
};

// One run with what its timeline needs: its result's plan and timings (cpuLoops too for the
// stealing runtime) are set when its per-task timings were kept, null when not.
struct StoredRunTasks
{
    StoredRun run;
    // Read from a report file, which carries no per-task timings: why a run has none.
    bool imported = false;
};
