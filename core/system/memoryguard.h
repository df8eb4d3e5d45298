// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"

#include <cstdint>
#include <optional>

// Refuses runs that would not fit in memory, before any allocation, with a message that names
// what does not fit (the tasks, or the shards alone) and the largest count that does. A refused
// run is a clear message; an admitted one that swaps, dies of bad_alloc or meets the OOM killer
// is a benchmark of the pager.
//
// Three limits bind a process and the tightest decides: MemAvailable (the machine), RLIMIT_AS
// (ulimit -v: address space, where every thread's stack and malloc arena count in full) and the
// memory cgroup (a container or systemd slice). Pure arithmetic on the limits it holds, so tests
// make them up; SystemLimits reads the real ones.
struct MemoryGuard
{
    static constexpr std::uint64_t kUnlimited = UINT64_MAX;

    std::uint64_t availableBytes = kUnlimited;    // MemAvailable (or LOOPBENCH_MEM_AVAILABLE_MB)
    std::uint64_t addressSpaceBytes = kUnlimited; // RLIMIT_AS minus this process's VmSize
    std::uint64_t cgroupBytes = kUnlimited;       // memory cgroup limit minus its usage
    // Reserved by every new thread, from pthread's default attributes (RLIMIT_STACK, 8 MiB here).
    std::uint64_t threadStackBytes = 8ULL * 1024 * 1024;
    // How many 64 MiB malloc arenas new threads may still create: glibc makes one per thread
    // that allocates, up to 8 per core (M_ARENA_MAX's default), and then shares them.
    std::uint64_t mallocArenas = 16;

    // Measured: 10,000,000 tasks on one loop (tests/bench/bench_timers) peak at 136 bytes per
    // task (plan 8 B, timings 24 B, timer-queue entry 16 B, coroutine frame 80 B from the shard's
    // arena, task ids in wake-up order 4 B, IO delays 4 B until created);
    // `loopbench --headless --tasks 10M --cpu 0:0 --shards 1,2` peaks at 1.51 GiB, 162 B per
    // task, because the first run's timings are kept while the second runs. Rounded up.
    static constexpr std::uint64_t kBytesPerTask = 170;
    // Resident cost per shard: its QThread, event loop and the pages of its stack it touches.
    static constexpr std::uint64_t kBytesPerShard = 256 * 1024;
    // glibc's per-thread arena reservation (HEAP_MAX_SIZE on 64-bit). Only address space: under
    // `ulimit -v 600000` arenas taken by the first shards left no room for the stacks of the next
    // ones (measured: VmSize 303 MB with 1 shard, 1,204 MB with 16, 1,598 MB with 64 on 2 cores,
    // i.e. 64 MiB per shard up to 16 arenas, then the 8 MiB stack alone).
    static constexpr std::uint64_t kArenaBytes = 64ULL * 1024 * 1024;
    // At most this share of MemAvailable: the rest is for the desktop, the GUI's history and the
    // page cache the user had before pressing Run.
    static constexpr double kSafeShare = 0.5;
    // Of a hard limit (cgroup, ulimit -v) what is left may be used up to this share: crossing it is
    // an OOM kill or a bad_alloc, and the per-task figure is an estimate.
    static constexpr double kHardLimitShare = 0.9;

    enum class Limit { Available, AddressSpace, Cgroup };

    // Resident bytes of a run (what MemAvailable and the cgroup see).
    static std::uint64_t estimateBytes(std::uint64_t tasks, int shards);
    // Address space a run reserves (what ulimit -v sees): stacks and arenas in full.
    std::uint64_t estimateAddressSpace(std::uint64_t tasks, int shards) const;

    // What LoopBench may use under one limit (kUnlimited when that limit is not set).
    std::uint64_t budgetBytes(Limit limit) const;
    // The smallest budget of the three.
    std::uint64_t budgetBytes() const;
    // The largest task count that fits beside `shards` shards, under every limit (0 if the shards
    // alone do not fit).
    std::uint64_t maxTasks(int shards) const;
    // The largest shard count that fits with `tasks` tasks (0 if not even one).
    int maxShards(std::uint64_t tasks) const;
    // When the run does not fit: an error on "shards" if the shards alone do not fit, else on
    // "tasks", naming the limit and the largest count that fits.
    std::optional<FieldError> check(std::uint64_t tasks, int shards) const;

private:
    std::uint64_t need(Limit limit, std::uint64_t tasks, int shards) const;
    bool fits(std::uint64_t tasks, int shards) const;
};
