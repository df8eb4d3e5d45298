// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runtimecost.h"
#include "core/experiment/experiment.h"

#include <functional>
#include <optional>

// How long an experiment will take, before it starts: every runtime at every K, `repeats` times,
// plus the warm-up and the settle pauses between runs. A run is estimated as the ideal bound of
// its plan's mean work, the release-time bound of DESIGN.md with uniform release times, which a
// real run approaches from above (efficiency 0.8-1.0): the later of "the first IO ends, then
// all the work on P = min(K, CPUs) cores" and "the last IO ends, then its own task's work", plus
// starting its K workers, whose start-up is CPU work spread over the same P cores. So it grows
// with every runtime, K and repeat, and a sweep to K = 1,024 of worker processes shows its
// start-ups before they are paid.
struct ExperimentEstimate
{
    int runs = 0;       // measured runs, and the warm-up
    double totalMs = 0; // every run and every settle pause
    // The longest single run, and which it is: the one the user waits on most.
    double longestRunMs = 0;
    Runtime longestRuntime = Runtime::Threads;
    int longestShards = 1;

    // One run of `workload` at `shards` loops on a runtime that costs `cost`.
    static double runMs(const WorkloadSpec &workload, int shards, const RuntimeCost &cost,
                        int logicalCpus);
    // nullopt while a runtime's cost is not known (`costOf` returns nullopt for it).
    static std::optional<ExperimentEstimate>
    of(const ExperimentSpec &spec, const std::function<std::optional<RuntimeCost>(Runtime)> &costOf,
       int logicalCpus, double settleMs);
};
