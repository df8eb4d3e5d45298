// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"

#include "core/experiment/verdict.h"

#include <algorithm>
#include <cmath>

FieldErrors ExperimentSpec::validate() const
{
    FieldErrors errors = workload.validate();
    if (runtimes.isEmpty())
        errors.append({QStringLiteral("runtime"), QStringLiteral("no runtime given")});
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
    errors.append(transport.validate());
    return errors;
}

int ExperimentResult::baselineShards() const
{
    if (spec.shardCounts.contains(1))
        return 1;
    return spec.shardCounts.isEmpty() ? 1 : spec.shardCounts.first();
}

QString ExperimentResult::verdict() const
{
    return judgeExperiment(*this).text();
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
