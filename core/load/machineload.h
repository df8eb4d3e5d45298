// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <cstdint>
#include <optional>

// How much of the machine other processes used while something ran: the whole machine's busy CPU
// time (/proc/stat) minus the benchmark's own (getrusage: this process and the worker processes it
// has reaped), as a fraction of every CPU's wall time.
// A benchmark that shared its cores with a compiler or a browser measured the neighbours too;
// this is the figure that says so.
class MachineLoad
{
public:
    // Takes the starting reading.
    MachineLoad();
    // Other processes' share of all CPUs since construction, in [0, 1]; NaN when /proc/stat
    // could not be read or too little time passed to count a tick. `ownHelperCpuMs`: CPU time of
    // a process that belongs to the benchmark (the HTTP server a run started) spent meanwhile,
    // counted as this process's, not as a neighbour's.
    double othersFraction(double ownHelperCpuMs = 0) const;

    // The arithmetic of the above: busy ticks of every CPU at start and end (USER_HZ), this
    // process's CPU seconds at start and end, the wall seconds between, the CPUs, the tick rate.
    static double othersFraction(std::uint64_t busyTicksStart, std::uint64_t busyTicksEnd,
                                 double selfCpuStartS, double selfCpuEndS, double wallS, int cpus,
                                 long ticksPerSecond);

    // CPU seconds of this process and of every child it has waited for (the `processes` and
    // asyncio runtimes' workers are reaped when their run ends, before othersFraction() reads
    // this): a worker's CPU is the benchmark's, not a neighbour's.
    static double selfCpuSeconds();

private:
    static std::optional<std::uint64_t> busyTicks(const QByteArray &procStat);

    std::optional<std::uint64_t> m_busyTicks;
    double m_selfCpuS = 0;
    std::int64_t m_startNs = 0;
};
