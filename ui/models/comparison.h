// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runresult.h"

#include <QString>

#include <optional>

struct ExperimentResult;

// Two runs side by side: a baseline (fewer loops) and a candidate (more loops). A plain value
// made by a Compare or by selecting two rows of the history.
struct Comparison
{
    RunResult baseline;
    RunResult candidate;
    // WorkloadSpec::describe() of each, for runs that no longer hold their plan (from the store).
    QString baselineWorkload;
    QString candidateWorkload;

    // Orders the two by shard count (then by start time); nullopt unless both completed.
    // Workloads given are kept with their runs.
    static std::optional<Comparison> between(const RunResult &a, const RunResult &b,
                                             const QString &workloadA = {},
                                             const QString &workloadB = {});

    // The pair that stands for a whole experiment (a Repeat compare, a sweep, one read back from
    // the store): a typical run of the baseline K against one of the largest other K, each the
    // completed run at the median of its K's wall times (the faster of the two middle ones for
    // an even count). nullopt with fewer than two completed K.
    static std::optional<Comparison> ofExperiment(const ExperimentResult &result);

    double speedup() const;      // runSpeedup(): wall(baseline) / wall(candidate)
    double idealSpeedup() const; // ideal(baseline) / ideal(candidate)
    // True when both ran the same plan (same spec, or the same workload text when the plans are
    // gone): only then is there a speedup to speak of.
    bool samePlan() const;
    // "2 loops finish 1.85× faster than 1 loop (ideal 1.98×)"; for different plans, no speedup:
    // "different workloads: 1 loop 3.74 s, 2 loops 2.05 s"
    QString verdict() const;
};

// "1 loop", "4 loops".
QString loopsLabel(int shards);
