// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"

#include <algorithm>
#include <cmath>

FieldErrors ExperimentSpec::validate() const
{
    FieldErrors errors = workload.validate();
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
    if (cancelled)
        return QStringLiteral("cancelled: no verdict");
    // Every figure from the summary: the verdict says what the tables say, computed once.
    const int base = summary.baselineShards;
    // The verdict names the largest K that completed: a K that failed (a thread the system
    // refused) leaves the comparison of the others standing.
    auto completed = [this](int k) {
        const ConfigSummary *c = summary.config(k);
        return c && c->wallMs.median > 0;
    };
    int top = 0;
    for (const int k : spec.shardCounts) {
        if (completed(k))
            top = std::max(top, k);
    }
    if (top == 0 && completed(base))
        top = base;
    if (top == 0)
        return QStringLiteral("no completed runs: no verdict");
    if (!completed(base)) {
        return QStringLiteral("no completed run on %1: no verdict")
            .arg(base == 1 ? QStringLiteral("1 loop") : QStringLiteral("%1 loops").arg(base));
    }
    const ConfigSummary *topConfig = summary.config(top);
    auto loops = [](int k) {
        return k == 1 ? QStringLiteral("1 loop") : QStringLiteral("%1 loops").arg(k);
    };
    if (top == base) {
        return QStringLiteral("%1: %2 s (ideal %3 s)")
            .arg(loops(top))
            .arg(topConfig->wallMs.median / 1000, 0, 'f', 3)
            .arg(topConfig->idealMs.median / 1000, 0, 'f', 3);
    }
    const double speedup = topConfig->speedup.value;
    const double idealSpeedup =
        std::isfinite(topConfig->idealSpeedup) ? topConfig->idealSpeedup : 0.0;
    // Within half a percent the two are equal at the precision we print: say so, rather than
    // "1.00x slower".
    if (std::abs(speedup - 1) < 0.005) {
        return QStringLiteral("%1: as fast as %2 (ideal %3\u00d7)")
            .arg(loops(top), loops(base))
            .arg(idealSpeedup, 0, 'f', 2);
    }
    return QStringLiteral("%1: %2\u00d7 %3 than %4 (ideal %5\u00d7)")
        .arg(loops(top))
        .arg(speedup >= 1 ? speedup : 1 / speedup, 0, 'f', 2)
        .arg(speedup >= 1 ? QStringLiteral("faster") : QStringLiteral("slower"))
        .arg(loops(base))
        .arg(idealSpeedup, 0, 'f', 2);
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
