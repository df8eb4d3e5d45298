// SPDX-License-Identifier: MIT
#include "ui/models/comparison.h"

#include "core/experiment/experimentsummary.h"
#include "core/workload/taskplan.h"
#include "ui/common/formatting.h"

#include <limits>

std::optional<Comparison> Comparison::between(const RunResult &a, const RunResult &b)
{
    if (!a.completed() || !b.completed())
        return std::nullopt;
    const bool aFirst = a.shards != b.shards ? a.shards < b.shards : a.startedUtc <= b.startedUtc;
    return aFirst ? Comparison{a, b} : Comparison{b, a};
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

bool Comparison::samePlan() const
{
    return baseline.plan && candidate.plan &&
           (baseline.plan == candidate.plan || baseline.plan->spec() == candidate.plan->spec());
}

QString Comparison::verdict() const
{
    QString text = QStringLiteral("%1 finish %2 faster than %3 (ideal %4)")
                       .arg(loopsLabel(candidate.shards), Formatting::speedup(speedup()),
                            loopsLabel(baseline.shards), Formatting::speedup(idealSpeedup()));
    if (!samePlan())
        text += QStringLiteral(" — different plans");
    return text;
}

QString loopsLabel(int shards)
{
    return shards == 1 ? QStringLiteral("1 loop") : QStringLiteral("%1 loops").arg(shards);
}
