// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/base/numberrange.h"
#include "core/workload/distribution.h"
#include "core/workload/kernel.h"

#include <cstdint>

// What the user asks for: how many tasks, and the ranges each task's IO delay and CPU work are
// drawn from. A plain value; TaskPlan turns it into concrete per-task numbers.
struct WorkloadSpec
{
    WorkloadSpec() = default;
    // Every field but the shapes, in declaration order: a spec written as a list of numbers (the
    // tests' habit) stays uniform without naming the shapes.
    WorkloadSpec(int taskCount, int ioMin, int ioMax, std::uint64_t cpuLo, std::uint64_t cpuHi,
                 Kernel cpuKernel, std::uint64_t planSeed, Distribution ioShape = {},
                 Distribution cpuShape = {})
        : tasks(taskCount)
        , ioMinMs(ioMin)
        , ioMaxMs(ioMax)
        , cpuMin(cpuLo)
        , cpuMax(cpuHi)
        , kernel(cpuKernel)
        , seed(planSeed)
        , ioDist(ioShape)
        , cpuDist(cpuShape)
    {}

    // Defaults reproduce the original experiment: 10,000 crawler-like tasks, 0.2-1.0 s of IO,
    // then 100k-500k iterations of CPU work on the "response".
    int tasks = 10000;
    int ioMinMs = 200;
    int ioMaxMs = 1000;
    std::uint64_t cpuMin = 100000;
    std::uint64_t cpuMax = 500000;
    Kernel kernel = Kernel::Sum;
    std::uint64_t seed = 20240601; // fixed, so that two people running defaults get one plan
    // Where inside each range the draws fall (distribution.h); uniform reproduces the original.
    Distribution ioDist;
    Distribution cpuDist;

    // Limits. Tasks: the plan and records cost ~24 B per task plus a coroutine frame; 50M is far
    // past anything interactive (the memory guard refuses what does not fit earlier). IO: one hour
    // is longer than any sane simulated request. Iterations: stored as 32-bit per task.
    static constexpr int kMaxTasks = 50'000'000;
    static constexpr int kMaxIoMs = 3'600'000;
    static constexpr std::uint64_t kMaxIterations = 4'000'000'000ULL;
    // The same limits as ranges: every input path and validate() word their messages from these.
    static constexpr NumberRange kTaskRange{1, kMaxTasks, nullptr};
    static constexpr NumberRange kIoRange{0, kMaxIoMs, "ms"};
    static constexpr NumberRange kCpuRange{0, kMaxIterations, "iterations"};
    static constexpr NumberRange kSeedRange{0, ~std::uint64_t{0}, nullptr};

    // Every problem at once, one per field ("tasks", "io", "cpu", "ioDist", "cpuDist"), each in
    // NumberRange's words. Empty when valid.
    FieldErrors validate() const;

    // "10000 tasks, io 200:1000 ms, cpu 100000:500000 sum, seed 20240601": every field, one
    // line; a shape other than uniform follows its range ("io 200:1000 ms
    // lognormal:median=300,p99=900"), so uniform specs read as they always did. Equal texts mean
    // equal plans; the result store keeps it as a run's "spec".
    QString describe() const;

    friend bool operator==(const WorkloadSpec &, const WorkloadSpec &) = default;
};
