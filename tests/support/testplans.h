// SPDX-License-Identifier: MIT
#pragma once

// Workloads and plans for engine tests and benchmarks, built from the five numbers that matter to
// them (tasks, IO range, CPU range) and the kernel; the seed stays at its default, so a plan is
// the same in every test and on every machine.

#include "core/workload/kernel.h"
#include "core/workload/taskplan.h"
#include "core/workload/workloadspec.h"

#include <cstdint>
#include <memory>

namespace testplans {

inline WorkloadSpec workload(int tasks, int ioMinMs, int ioMaxMs, std::uint64_t cpuMin,
                             std::uint64_t cpuMax, Kernel kernel = Kernel::Sum)
{
    WorkloadSpec spec;
    spec.tasks = tasks;
    spec.ioMinMs = ioMinMs;
    spec.ioMaxMs = ioMaxMs;
    spec.cpuMin = cpuMin;
    spec.cpuMax = cpuMax;
    spec.kernel = kernel;
    return spec;
}

inline std::shared_ptr<const TaskPlan> makePlan(int tasks, int ioMinMs, int ioMaxMs,
                                                std::uint64_t cpuMin, std::uint64_t cpuMax,
                                                Kernel kernel = Kernel::Sum)
{
    return std::make_shared<const TaskPlan>(
        TaskPlan::generate(workload(tasks, ioMinMs, ioMaxMs, cpuMin, cpuMax, kernel)));
}

// The checksum computed the slow, obvious way: every task's kernel, one after another.
inline std::uint64_t referenceChecksum(const TaskPlan &plan)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < plan.size(); ++i)
        sum += checksumTerm(runKernel(plan.spec().kernel, plan.iterations(i), plan.kernelInput(i)));
    return sum;
}

} // namespace testplans
