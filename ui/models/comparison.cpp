// SPDX-License-Identifier: MIT
#include "ui/models/comparison.h"

#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "ui/common/formatting.h"

#include <QMap>

#include <algorithm>
#include <limits>

std::optional<Comparison> Comparison::between(const RunResult &a, const RunResult &b,
                                              const Plan &planA, const Plan &planB)
{
    if (!a.completed() || !b.completed())
        return std::nullopt;
    const bool aFirst = a.shards != b.shards ? a.shards < b.shards : a.startedUtc <= b.startedUtc;
    return aFirst ? Comparison{a, b, planA, planB, {}, std::nullopt}
                  : Comparison{b, a, planB, planA, {}, std::nullopt};
}

std::optional<Comparison> Comparison::ofExperiment(const ExperimentResult &result)
{
    // With several runtimes the pair is the first one's, as the verdict judges it.
    const Runtime judged =
        result.summary.configs.empty() ? Runtime::Threads : result.summary.configs.front().runtime;
    QMap<int, std::vector<const RunResult *>> byK;
    for (const RunResult &r : result.runs) {
        if (r.completed() && r.runtime == judged)
            byK[r.shards].push_back(&r);
    }
    if (byK.size() < 2)
        return std::nullopt;
    const int baseline = byK.contains(result.summary.baselineShards) ? result.summary.baselineShards
                                                                     : byK.firstKey();
    int candidate = byK.lastKey();
    if (candidate == baseline)
        candidate = std::prev(byK.constEnd(), 2).key();
    auto typical = [&byK](int k) {
        std::vector<const RunResult *> runs = byK.value(k);
        std::stable_sort(runs.begin(), runs.end(), [](const RunResult *a, const RunResult *b) {
            return a->wallMs < b->wallMs;
        });
        return runs[(runs.size() - 1) / 2];
    };
    auto pair =
        between(*typical(baseline), *typical(candidate), result.spec.plan(), result.spec.plan());
    if (pair) {
        pair->configs = result.summary.configs;
        pair->experimentVerdict = judgeExperiment(result);
    }
    return pair;
}

double Comparison::speedup() const
{
    return runSpeedup(baseline.wallMs, candidate);
}

double Comparison::idealSpeedup() const
{
    return candidate.idealMs > 0 ? baseline.idealMs / candidate.idealMs
                                 : std::numeric_limits<double>::quiet_NaN();
}

QString Comparison::differentPlans() const
{
    return differentPlansText(baselinePlan, candidatePlan);
}

Verdict Comparison::judgement() const
{
    if (experimentVerdict)
        return *experimentVerdict;
    return judgeRuns(baseline, candidate, planDifferences(baselinePlan, candidatePlan));
}
