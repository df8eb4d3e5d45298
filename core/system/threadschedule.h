// SPDX-License-Identifier: MIT
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>

// How the kernel schedules one thread: its policy, nice value and (Linux 6.12 and later) the
// time slice it asked for. Shard threads take kBackground so that the GUI thread, and any other
// thread of the process, runs first when it wakes (README, "Responsiveness"); readThread() lets
// tests and bench_guistall see what a thread really runs at.
struct ThreadSchedule
{
    int policy = 0;           // SCHED_OTHER, SCHED_BATCH, ...
    int nice = 0;             // -20 .. 19
    std::int64_t sliceNs = 0; // 0: the kernel's default slice (or a kernel without custom slices)

    // SCHED_BATCH at nice 19 with a 10 ms slice: see applyToThisThread() for why each.
    static ThreadSchedule background();

    // Sets the calling thread's schedule. Needs no privilege: a thread may always lower its own
    // priority. Where sched_setattr is missing or refused (an old kernel, a seccomp filter), the
    // policy and nice value are set the older way and the slice is left as it was. Returns false
    // if the thread runs as before.
    bool applyToThisThread() const;

    // The schedule of thread `tid` of this machine, or nothing if it cannot be read.
    static std::optional<ThreadSchedule> readThread(pid_t tid);
};
