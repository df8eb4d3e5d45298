// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <cstdint>
#include <optional>

// Another process's CPU time, read from /proc/<pid>/stat without its cooperation: the HTTP
// server a run starts (its cost belongs in the picture, and must not count as "other processes
// were busy"), or a process that crashed or hangs, which still reads truthfully.
struct ProcessCpu
{
    std::uint64_t ticks = 0; // utime + stime, in clock ticks (USER_HZ)
    char state = 0;          // 'R', 'S', ... 'Z' (zombie), 'X' (dead)

    double ms() const;
    bool alive() const { return state != 0 && state != 'Z' && state != 'X'; }

    // One /proc/<pid>/stat line; nullopt if it does not parse.
    static std::optional<ProcessCpu> parse(const QByteArray &stat);
    // nullopt when the process is gone or /proc cannot say.
    static std::optional<ProcessCpu> read(std::int64_t pid);
};

// Share of the whole machine (every CPU's wall time) a process used between two readings, in
// [0, 1]: the same unit as the mean of the per-core lines. NaN when the interval or the CPU count
// is not positive.
double machineShare(double prevCpuMs, double curCpuMs, std::int64_t prevWallNs,
                    std::int64_t curWallNs, int cpus);
