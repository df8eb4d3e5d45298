// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

class TaskPlan;

// The release-time bound (DESIGN.md): no schedule on P cores can finish before
//   T* = max over t in {io_i} of ( t + sum_{io_j >= t} w_j / P ),   and T* >= max_i(io_i + w_i),
// with w_i = nsPerIter * iterations_i. Sorting by io makes it O(n log n). Nanoseconds.
std::int64_t idealBoundNs(const TaskPlan &plan, double nsPerIter, int cores);
