// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

// What a shard records per task, relative to the run's t0 (ns): when the task's coroutine was
// resumed after its IO sleep, and when its CPU work finished. The due time is not stored: it is
// the plan's io delay. 16 B per task; -1 marks a task that did not run to the end.
struct TaskTiming
{
    std::int64_t resumedNs = -1;
    std::int64_t doneNs = -1;
};
