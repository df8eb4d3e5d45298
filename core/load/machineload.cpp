// SPDX-License-Identifier: MIT
#include "core/load/machineload.h"

#include "core/base/clock.h"
#include "core/load/procstat.h"

#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QByteArray readProcStat()
{
    QFile f(QStringLiteral("/proc/stat"));
    // procfs files report size 0: read to the end, not by size.
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

MachineLoad::MachineLoad()
    : m_busyTicks(busyTicks(readProcStat()))
    , m_selfCpuS(selfCpuSeconds())
    , m_startNs(nowNs())
{}

std::optional<std::uint64_t> MachineLoad::busyTicks(const QByteArray &procStat)
{
    const auto cpus = parseProcStat(procStat);
    if (cpus.empty())
        return std::nullopt;
    std::uint64_t busy = 0;
    for (const auto &cpu : cpus) {
        if (cpu)
            busy += cpu->total() - cpu->idleAll();
    }
    return busy;
}

double MachineLoad::selfCpuSeconds()
{
    // Counted as a neighbour's, a worker's CPU once marked four asyncio runs in five "machine
    // busy" (others 49-96 %) on an idle machine.
    auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    double total = 0;
    for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        if (::getrusage(who, &usage) == 0)
            total += seconds(usage.ru_utime) + seconds(usage.ru_stime);
    }
    return total;
}

double MachineLoad::othersFraction(double ownHelperCpuMs) const
{
    const QByteArray text = readProcStat();
    const auto end = busyTicks(text);
    if (!m_busyTicks || !end)
        return std::numeric_limits<double>::quiet_NaN();
    const auto cpus = static_cast<int>(parseProcStat(text).size());
    const double helperS = std::isfinite(ownHelperCpuMs) ? std::max(0.0, ownHelperCpuMs) / 1000 : 0;
    return othersFraction(*m_busyTicks, *end, m_selfCpuS, selfCpuSeconds() + helperS,
                          double(nowNs() - m_startNs) / 1e9, cpus, ::sysconf(_SC_CLK_TCK));
}

double MachineLoad::othersFraction(std::uint64_t busyTicksStart, std::uint64_t busyTicksEnd,
                                   double selfCpuStartS, double selfCpuEndS, double wallS, int cpus,
                                   long ticksPerSecond)
{
    // Less than a tick on each CPU says nothing: ticks are 10 ms.
    if (cpus <= 0 || ticksPerSecond <= 0 || wallS * double(ticksPerSecond) < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const double machineBusyS =
        double(busyTicksEnd >= busyTicksStart ? busyTicksEnd - busyTicksStart : 0) /
        double(ticksPerSecond);
    const double othersS = machineBusyS - std::max(0.0, selfCpuEndS - selfCpuStartS);
    // Tick rounding can make others slightly negative on an idle machine: that is none.
    return std::clamp(othersS / (wallS * cpus), 0.0, 1.0);
}
