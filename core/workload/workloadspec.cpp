// SPDX-License-Identifier: MIT
#include "core/workload/workloadspec.h"

FieldErrors WorkloadSpec::validate() const
{
    FieldErrors errors;
    if (tasks < 1 || tasks > kMaxTasks) {
        errors.append({QStringLiteral("tasks"),
                       QStringLiteral("task count %1 is outside 1..%2").arg(tasks).arg(kMaxTasks)});
    }
    if (ioMinMs < 0 || ioMaxMs < 0 || ioMinMs > kMaxIoMs || ioMaxMs > kMaxIoMs) {
        errors.append({QStringLiteral("io"), QStringLiteral("IO delay %1:%2 ms is outside 0..%3 ms")
                                                 .arg(ioMinMs)
                                                 .arg(ioMaxMs)
                                                 .arg(kMaxIoMs)});
    } else if (ioMinMs > ioMaxMs) {
        errors.append({QStringLiteral("io"),
                       QStringLiteral("min %1 ms is above max %2 ms").arg(ioMinMs).arg(ioMaxMs)});
    }
    if (cpuMin > kMaxIterations || cpuMax > kMaxIterations) {
        errors.append({QStringLiteral("cpu"),
                       QStringLiteral("CPU work %1:%2 iterations is outside 0..%3 iterations")
                           .arg(cpuMin)
                           .arg(cpuMax)
                           .arg(kMaxIterations)});
    } else if (cpuMin > cpuMax) {
        errors.append(
            {QStringLiteral("cpu"), QStringLiteral("min %1 iterations is above max %2 iterations")
                                        .arg(cpuMin)
                                        .arg(cpuMax)});
    }
    return errors;
}
