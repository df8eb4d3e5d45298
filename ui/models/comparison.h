// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runresult.h"

#include <QString>

#include <optional>

// Two runs side by side: a baseline (fewer loops) and a candidate (more loops). A plain value
// made by a Compare or by selecting two rows of the history.
struct Comparison
{
    RunResult baseline;
    RunResult candidate;

    // Orders the two by shard count (then by start time); nullopt unless both completed.
    static std::optional<Comparison> between(const RunResult &a, const RunResult &b);

    double speedup() const;      // runSpeedup(): wall(baseline) / wall(candidate)
    double idealSpeedup() const; // ideal(baseline) / ideal(candidate)
    // True when both ran the same plan (same spec): only then is the speedup about parallelism.
    bool samePlan() const;
    // "2 loops finish 1.85× faster than 1 loop (ideal 1.98×)"
    QString verdict() const;
};

// "1 loop", "4 loops".
QString loopsLabel(int shards);
