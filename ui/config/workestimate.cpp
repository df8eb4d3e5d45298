// SPDX-License-Identifier: MIT
#include "ui/config/workestimate.h"

#include "ui/common/formatting.h"

#include "core/workload/distributionsampler.h"

#include <QCoreApplication>

WorkEstimate WorkEstimate::of(const WorkloadSpec &spec, double nsPerIter)
{
    WorkEstimate e;
    e.nsPerIter = nsPerIter;
    // The mean of the CPU shape: the midpoint when uniform, far less for a heavy-tailed one.
    const double meanIterations =
        DistributionSampler(spec.cpuDist, spec.cpuMin, spec.cpuMax).mean();
    e.cpuMsPerTask = meanIterations * nsPerIter / 1e6;
    e.totalCpuMs = e.cpuMsPerTask * spec.tasks;
    return e;
}

QString WorkEstimate::text() const
{
    return QCoreApplication::translate("WorkEstimate",
                                       "about %1 per task on this machine · %2 of CPU work in all "
                                       "(%L3 ns/iteration)")
        .arg(Formatting::duration(cpuMsPerTask), Formatting::duration(totalCpuMs))
        .arg(nsPerIter, 0, 'f', 2);
}
