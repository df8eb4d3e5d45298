// SPDX-License-Identifier: MIT
#pragma once

#include "core/workload/workloadspec.h"

#include <atomic>
#include <cstdint>
#include <vector>

// The concrete task list of a run: per task an IO delay and an iteration count, drawn from the
// spec's ranges and shapes by SplitMix64 with our own mapping (DistributionSampler). Deterministic
// on every compiler and standard library (std::uniform_*_distribution is not), so a seed names one
// plan everywhere and single-loop and K-loop runs execute exactly the same work.
//
// Stored as two 32-bit arrays (8 B per task): a million-task plan is 8 MB.
class TaskPlan
{
public:
    TaskPlan() = default;
    // `spec` must be valid (spec.validate() is empty). When `cancel` becomes true the draw stops
    // at its next check (every kCancelCheckTasks tasks, well under a millisecond apart) and
    // returns an empty plan: the 50M limit takes seconds to draw, and a Ctrl-C must not wait.
    static TaskPlan generate(const WorkloadSpec &spec, const std::atomic<bool> *cancel = nullptr);
    static constexpr std::size_t kCancelCheckTasks = 1 << 16;
    // A slice of another plan as a worker process receives it (resources/doc/worker-protocol.md):
    // task i of this plan is task ids[i] of the whole plan, with the kernel input the parent gave
    // it. The four vectors have one size; `spec` gives the kernel.
    static TaskPlan fromSlice(const WorkloadSpec &spec, std::vector<std::uint32_t> ioUs,
                              std::vector<std::uint32_t> iterations,
                              std::vector<std::uint64_t> inputs, std::vector<std::uint32_t> ids);

    const WorkloadSpec &spec() const { return m_spec; }
    std::size_t size() const { return m_ioUs.size(); }

    std::uint32_t ioUs(std::size_t task) const { return m_ioUs[task]; }
    std::int64_t ioNs(std::size_t task) const { return std::int64_t{m_ioUs[task]} * 1000; }
    std::uint32_t iterations(std::size_t task) const { return m_iterations[task]; }
    // A hint that iterations(task) will be read soon: for loops that read the plan at random
    // places and have other work to overlap the cache miss with.
    void prefetchIterations(std::size_t task) const { __builtin_prefetch(&m_iterations[task]); }
    // Kernel input for a task: a function of seed and task id only, so results (and the checksum)
    // do not depend on which shard ran the task.
    std::uint64_t kernelInput(std::size_t task) const;
    // The task's id in the whole plan: itself, except in a slice's plan (fromSlice()).
    std::uint32_t taskId(std::size_t task) const
    {
        return m_ids.empty() ? static_cast<std::uint32_t>(task) : m_ids[task];
    }

    std::uint64_t totalIterations() const;
    std::int64_t maxIoNs() const;

    friend bool operator==(const TaskPlan &, const TaskPlan &) = default;

private:
    WorkloadSpec m_spec;
    std::vector<std::uint32_t> m_ioUs;       // IO delay, microseconds
    std::vector<std::uint32_t> m_iterations; // CPU work, kernel iterations
    // A slice's plan only (fromSlice()); empty otherwise.
    std::vector<std::uint64_t> m_inputs;
    std::vector<std::uint32_t> m_ids;
};
