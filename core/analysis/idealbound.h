// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>

class TaskPlan;

// The release-time bound (DESIGN.md): no schedule on P cores can finish before
//   T* = max over t in {io_i} of ( t + sum_{io_j >= t} w_j / P ),   and T* >= max_i(io_i + w_i),
// with w_i = nsPerIter * iterations_i. Sorting by io makes it O(n log n). Nanoseconds.
std::int64_t idealBoundNs(const TaskPlan &plan, double nsPerIter, int cores);
// The same bound with each task's work given in nanoseconds by `workNs(task)`: the work a run
// measured (the CPU time its kernel used on its shard, TaskTiming::workNs), so that the bound
// describes the run that happened and no schedule of that run can beat it. An estimate from one
// calibration cannot promise that: the work itself grows and shrinks between runs (caches,
// frequency, SMT). Wall time in the kernel cannot either: it grows with the time other threads
// took the core, and the bound with it.
std::int64_t idealBoundNs(const TaskPlan &plan, const std::function<double(std::uint32_t)> &workNs,
                          int cores);
