// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runresult.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/plan.h"
#include "core/experiment/verdict.h"

#include <QString>

#include <optional>

struct ExperimentResult;

// Two runs side by side: a baseline (fewer loops) and a candidate (more loops). A plain value
// made by a Compare or by selecting two rows of the history.
struct Comparison
{
    RunResult baseline;
    RunResult candidate;
    // The plan each ran (its experiment's).
    Plan baselinePlan;
    Plan candidatePlan;
    // The experiment the pair stands for (ofExperiment()): every configuration's statistics, read
    // by the chart for its medians and spreads and for each runtime's group, and the experiment's
    // own verdict ("1.87 ± 0.01× faster"). Empty and nullopt for two runs picked side by side.
    std::vector<ConfigSummary> configs;
    std::optional<Verdict> experimentVerdict;

    // Orders the two by shard count (then by start time); nullopt unless both completed. Each
    // plan stays with its run.
    static std::optional<Comparison> between(const RunResult &a, const RunResult &b,
                                             const Plan &planA, const Plan &planB);

    // The pair that stands for a whole experiment (a Repeat compare, a sweep, Compare runtimes,
    // one read back from the store): a typical run of the baseline K against one of the largest
    // other K, of the first runtime, each the completed run at the median of its K's wall times
    // (the faster of the two middle ones for an even count), with the experiment's summary and
    // verdict. nullopt with fewer than two completed K.
    static std::optional<Comparison> ofExperiment(const ExperimentResult &result);

    double speedup() const;      // runSpeedup(): wall(baseline) / wall(candidate)
    double idealSpeedup() const; // ideal(baseline) / ideal(candidate)
    // True when both ran the same plan (every field of it, the transport too): only then is there
    // a speedup to speak of.
    bool samePlan() const { return baselinePlan == candidatePlan; }
    // "different plans (transport, connections)", or empty for the same plan.
    QString differentPlans() const;
    // judgeRuns() of the two: "2 loops: 1.85× faster than 1 loop (ideal 1.98×) · one run each";
    // for different plans no speedup: "different plans (transport): 1 loop 3.740 s, 2 loops
    // 2.050 s; no speedup".
    Verdict judgement() const;
    QString verdict() const { return judgement().text(); }
};
