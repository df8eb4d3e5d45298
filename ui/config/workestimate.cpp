// SPDX-License-Identifier: MIT
#include "ui/config/workestimate.h"

#include "ui/common/formatting.h"

WorkEstimate WorkEstimate::of(const WorkloadSpec &spec, double nsPerIter)
{
    WorkEstimate e;
    e.nsPerIter = nsPerIter;
    // Iterations are drawn uniformly from [cpuMin, cpuMax], so the mean is the midpoint.
    const double meanIterations =
        (static_cast<double>(spec.cpuMin) + static_cast<double>(spec.cpuMax)) / 2.0;
    e.cpuMsPerTask = meanIterations * nsPerIter / 1e6;
    e.totalCpuMs = e.cpuMsPerTask * spec.tasks;
    return e;
}

QString WorkEstimate::text() const
{
    return QStringLiteral("about %1 per task on this machine · %2 of CPU work in all "
                          "(%3 ns/iteration)")
        .arg(Formatting::duration(cpuMsPerTask), Formatting::duration(totalCpuMs))
        .arg(nsPerIter, 0, 'f', 2);
}
