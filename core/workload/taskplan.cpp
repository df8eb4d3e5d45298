// SPDX-License-Identifier: MIT
#include "core/workload/taskplan.h"

#include "core/base/residentpages.h"
#include "core/base/splitmix64.h"
#include "core/workload/distributionsampler.h"

#include <algorithm>
#include <numeric>

TaskPlan TaskPlan::generate(const WorkloadSpec &spec, const std::atomic<bool> *cancel)
{
    TaskPlan plan;
    plan.m_spec = spec;
    const auto n = static_cast<std::size_t>(std::max(spec.tasks, 0));
    // Reserved, then grown chunk by chunk: a resize(n) up front would zero (and page-fault) all
    // 8 B per task in one uninterruptible step, ~100 ms at the 50M limit.
    plan.m_ioUs.reserve(n);
    plan.m_iterations.reserve(n);
    // A shard reads its tasks' entries in wake-up order, i.e. at random places: with 2 MiB pages
    // those reads miss the cache but not the TLB as well (ten million tasks: 40 MB per array).
    ResidentPages::adviseHuge(plan.m_ioUs.data(), n * sizeof(std::uint32_t));
    ResidentPages::adviseHuge(plan.m_iterations.data(), n * sizeof(std::uint32_t));
    // Two independent streams, so changing the CPU range leaves the IO delays as they were.
    SplitMix64 ioRng(spec.seed);
    SplitMix64 cpuRng(spec.seed ^ 0xC0FFEE1234567890ULL);
    const auto ioLo = static_cast<std::uint64_t>(spec.ioMinMs) * 1000;
    const auto ioHi = static_cast<std::uint64_t>(spec.ioMaxMs) * 1000;
    const DistributionSampler io(spec.ioDist, ioLo, ioHi, 1000);
    const DistributionSampler cpu(spec.cpuDist, spec.cpuMin, spec.cpuMax);
    for (std::size_t begin = 0; begin < n; begin += kCancelCheckTasks) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            plan.m_ioUs = {};
            plan.m_iterations = {};
            return plan;
        }
        const std::size_t end = std::min(n, begin + kCancelCheckTasks);
        plan.m_ioUs.resize(end);
        plan.m_iterations.resize(end);
        for (std::size_t i = begin; i < end; ++i) {
            plan.m_ioUs[i] = static_cast<std::uint32_t>(io.draw(ioRng));
            plan.m_iterations[i] = static_cast<std::uint32_t>(cpu.draw(cpuRng));
        }
    }
    return plan;
}

TaskPlan TaskPlan::fromSlice(const WorkloadSpec &spec, std::vector<std::uint32_t> ioUs,
                             std::vector<std::uint32_t> iterations,
                             std::vector<std::uint64_t> inputs, std::vector<std::uint32_t> ids)
{
    TaskPlan plan;
    plan.m_spec = spec;
    plan.m_ioUs = std::move(ioUs);
    plan.m_iterations = std::move(iterations);
    plan.m_inputs = std::move(inputs);
    plan.m_ids = std::move(ids);
    return plan;
}

std::uint64_t TaskPlan::kernelInput(std::size_t task) const
{
    return m_inputs.empty() ? SplitMix64(m_spec.seed + task).next() : m_inputs[task];
}

std::uint64_t TaskPlan::totalIterations() const
{
    return std::accumulate(m_iterations.begin(), m_iterations.end(), std::uint64_t{0});
}

std::int64_t TaskPlan::maxIoNs() const
{
    if (m_ioUs.empty())
        return 0;
    return std::int64_t{*std::max_element(m_ioUs.begin(), m_ioUs.end())} * 1000;
}
