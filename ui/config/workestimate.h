// SPDX-License-Identifier: MIT
#pragma once

#include "core/workload/workloadspec.h"

#include <QString>

// What a spec's CPU part costs on this machine, from the kernel's calibration: the translation
// from iterations (what the plan fixes) to milliseconds (what people think in).
struct WorkEstimate
{
    double nsPerIter = 0;
    double cpuMsPerTask = 0; // mean over the spec's iteration range and shape
    double totalCpuMs = 0;   // every task's CPU part back to back: one loop's lower bound

    static WorkEstimate of(const WorkloadSpec &spec, double nsPerIter);
    // "about 0.33 ms per task on this machine · 3.3 s of CPU work in all (1.10 ns/iteration)"
    QString text() const;
};
