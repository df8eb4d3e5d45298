// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"

#include <cstdint>
#include <optional>

// Refuses a shard count whose event loops would not get the file descriptors they need. GLib
// aborts the whole process (SIGTRAP, exit 133) when a new loop cannot create its wake-up
// descriptor, so this is checked before any thread starts. Pure arithmetic on the limit and the
// descriptors already open; SystemLimits reads both (after raising the soft limit to the hard).
struct DescriptorGuard
{
    static constexpr std::uint64_t kUnlimited = UINT64_MAX;

    std::uint64_t limit = kUnlimited; // soft RLIMIT_NOFILE
    std::uint64_t open = 0;           // descriptors this process holds now

    // Measured with /proc/self/fd while K shards run (`--shards 64`: 71 descriptors, 66 of them
    // eventfds: one per shard, the GWakeup of its GLib main context, plus two for the main
    // thread's loop). GLib would use a pipe (two) only where Linux lacks eventfd (before 2.6.22).
    static constexpr std::uint64_t kPerShard = 1;
    // Beside the shards a run opens /proc/stat for the load sampler, report files while writing,
    // and Qt its own (the GUI's display connection, fonts): room for those.
    static constexpr std::uint64_t kSpare = 32;

    std::uint64_t need(int shards) const;
    // The largest shard count that fits (0 if none).
    std::uint64_t maxShards() const;
    // An error on "shards" when `shards` loops do not fit, naming the limit and what fits.
    std::optional<FieldError> check(int shards) const;
    // Transport http: every request in flight holds one descriptor in this process, and one in
    // the server's when the run starts its own (the server inherits this process's limit). With
    // one connection per request (`connections` 0) all of a plan's `tasks` may be in flight at
    // once; with a pool, its connections per shard are. An error on "tasks" (per request) or
    // "connections" (a pool) when they do not fit beside `shards` loops.
    std::optional<FieldError> checkRequests(std::uint64_t tasks, int connections, int shards) const;
};
