// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"

#include "core/analysis/statistics.h"

#include <algorithm>
#include <cmath>

FieldErrors ExperimentSpec::validate() const
{
    FieldErrors errors = workload.validate();
    if (shardCounts.isEmpty()) {
        errors.append({QStringLiteral("shards"), QStringLiteral("give at least one shard count")});
    }
    for (int k : shardCounts) {
        RunConfig config;
        config.shards = k;
        const FieldErrors e = config.validate();
        if (!e.isEmpty()) {
            errors.append(e);
            break;
        }
    }
    if (repeats < 1 || repeats > kMaxRepeats) {
        errors.append(
            {QStringLiteral("repeat"),
             QStringLiteral("repeat count %1 is outside 1..%2").arg(repeats).arg(kMaxRepeats)});
    }
    return errors;
}

namespace {
template <typename F> double medianOf(const std::vector<RunResult> &runs, int shards, F field)
{
    std::vector<double> values;
    for (const RunResult &r : runs) {
        if (r.shards == shards && r.completed())
            values.push_back(field(r));
    }
    return percentile(values, 0.5);
}
} // namespace

double ExperimentResult::medianWallMs(int shards) const
{
    return medianOf(runs, shards, [](const RunResult &r) { return r.wallMs; });
}

double ExperimentResult::medianIdealMs(int shards) const
{
    return medianOf(runs, shards, [](const RunResult &r) { return r.idealMs; });
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
    const int base = baselineShards();
    const int top = *std::max_element(spec.shardCounts.begin(), spec.shardCounts.end());
    const double baseWall = medianWallMs(base);
    const double topWall = medianWallMs(top);
    if (baseWall <= 0 || topWall <= 0)
        return QStringLiteral("no completed runs: no verdict");
    auto loops = [](int k) {
        return k == 1 ? QStringLiteral("1 loop") : QStringLiteral("%1 loops").arg(k);
    };
    if (top == base) {
        return QStringLiteral("%1: %2 s (ideal %3 s)")
            .arg(loops(top))
            .arg(topWall / 1000, 0, 'f', 3)
            .arg(medianIdealMs(top) / 1000, 0, 'f', 3);
    }
    const double speedup = baseWall / topWall;
    // Within half a percent the two are equal at the precision we print: say so, rather than
    // "1.00x slower".
    if (std::abs(speedup - 1) < 0.005) {
        return QStringLiteral("%1: as fast as %2 (ideal %3x)")
            .arg(loops(top), loops(base))
            .arg(medianIdealMs(top) > 0 ? medianIdealMs(base) / medianIdealMs(top) : 0, 0, 'f', 2);
    }
    const double topIdeal = medianIdealMs(top);
    const double idealSpeedup = topIdeal > 0 ? medianIdealMs(base) / topIdeal : 0;
    return QStringLiteral("%1: %2x %3 than %4 (ideal %5x)")
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
