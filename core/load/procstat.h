// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <optional>
#include <vector>

// One logical CPU's counters from a /proc/stat "cpuN" line, in USER_HZ ticks (1/100 s on x86 and
// Arm; sysconf(_SC_CLK_TCK) says). Only ratios of differences are used, so the unit never matters;
// the tick size only limits how fine one sample can be (see LoadSampler::kDefaultIntervalMs).
struct CpuTicks
{
    std::uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0,
                  steal = 0;

    // guest and guest_nice are left out: the kernel already counts them inside user and nice.
    std::uint64_t total() const;
    // iowait is idle too: a core waiting on IO could have run something else.
    std::uint64_t idleAll() const;

    friend bool operator==(const CpuTicks &, const CpuTicks &) = default;
};

// Parses /proc/stat text. Only per-CPU lines ("cpuN ...") count, not the aggregate "cpu " line.
// The result is indexed by CPU number and sized max index + 1; a CPU with no line (offline) is
// std::nullopt. A line with fewer than the 4 fields every kernel prints (user nice system idle),
// or with a field that is not an unsigned number, is skipped; missing later fields (older kernels)
// read as 0 and columns after steal are ignored.
std::vector<std::optional<CpuTicks>> parseProcStat(QByteArrayView text);

// Busy fraction in [0,1] between two readings of one CPU: Δ(total − idle − iowait) / Δtotal.
// Each field's delta is clamped at 0, because counters do go backwards (iowait on tickless
// kernels, everything after a CPU is hot-plugged). NaN when Δtotal is 0: no tick was counted, so
// there is nothing to say, which is not the same as idle.
double busyFraction(const CpuTicks &previous, const CpuTicks &current);
