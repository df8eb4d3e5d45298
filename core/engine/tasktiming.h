// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

// What a shard records per task, relative to the run's t0 (ns): when the task's coroutine was
// resumed after its IO sleep, when its CPU work finished, and the CPU time its kernel used (the
// shard thread's CPU clock around it, Shard::completeTask). done - resumed is wall time: it also
// holds any time the thread was preempted inside the kernel, which workNs does not. The due time
// is not stored: it is the plan's io delay. 24 B per task; -1 marks a task that did not run to
// the end.
struct TaskTiming
{
    std::int64_t resumedNs = -1;
    std::int64_t doneNs = -1;
    std::int64_t workNs = -1;
};
