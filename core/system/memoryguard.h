// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"

#include <cstdint>
#include <optional>

// Refuses runs that would not fit in memory, before any allocation, with a message that names the
// largest task count that fits. A refused run is a clear message; an admitted one that swaps or
// meets the OOM killer is a benchmark of the pager.
struct MemoryGuard
{
    // Measured: 1,000,000 tasks on one loop (tests/bench/bench_timers) peak at 205 bytes per task
    // (plan 8 B, timings 16 B, timer-heap entry 16 B, coroutine frame ~120 B, summary scratch
    // ~20 B); `loopbench --headless --tasks 10000000 --cpu 0:0 --shards 1,2` peaks at 2.9 GB,
    // 291 B per task, because the first run's result is kept while the second runs. Rounded up.
    static constexpr std::uint64_t kBytesPerTask = 320;
    // Fixed cost per shard: its QThread, event loop and the pages of its stack it touches.
    static constexpr std::uint64_t kBytesPerShard = 256 * 1024;
    // At most this share of MemAvailable: the rest is for the desktop, the GUI's history and the
    // page cache the user had before pressing Run.
    static constexpr double kSafeShare = 0.5;

    std::uint64_t availableBytes = 0; // MemAvailable

    static MemoryGuard current(); // reads /proc/meminfo; if unreadable, admits everything
    static std::uint64_t estimateBytes(std::uint64_t tasks, int shards);

    std::uint64_t budgetBytes() const;
    std::uint64_t maxTasks(int shards) const;
    // An error on field "tasks" when the run does not fit, naming the largest count that does.
    std::optional<FieldError> check(std::uint64_t tasks, int shards) const;
};
