// SPDX-License-Identifier: MIT
#include "core/analysis/idealbound.h"

#include "core/workload/taskplan.h"

#include <algorithm>
#include <numeric>
#include <vector>

std::int64_t idealBoundNs(const TaskPlan &plan, double nsPerIter, int cores)
{
    return idealBoundNs(
        plan, [&](std::uint32_t task) { return nsPerIter * plan.iterations(task); }, cores);
}

std::int64_t idealBoundNs(const TaskPlan &plan, const std::function<double(std::uint32_t)> &workNs,
                          int cores)
{
    const std::size_t n = plan.size();
    if (n == 0 || cores < 1)
        return 0;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return plan.ioUs(a) > plan.ioUs(b); });
    double bound = 0;
    double suffixWork = 0; // sum of w_j over io_j >= current t
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t task = order[i];
        const double work = workNs(task);
        const auto release = static_cast<double>(plan.ioNs(task));
        suffixWork += work;
        // Ties: only evaluate t once every task released at t is in the suffix.
        if (i + 1 == n || plan.ioUs(order[i + 1]) != plan.ioUs(task))
            bound = std::max(bound, release + suffixWork / cores);
        bound = std::max(bound, release + work);
    }
    return static_cast<std::int64_t>(bound + 0.5);
}
